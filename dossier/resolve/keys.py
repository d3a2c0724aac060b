"""The keys under which resolution compares names.

Two document entities end in one entity, or sway each other's type or owner, only through a shared key:
the folded name ("k:"), a reading of the surname ("r:"), a country ("c:"), or a given name that a bare
name may be ("g:" on "Meng Wanzhou", "f:" on a bare "Meng"); or through surnames one typing slip apart,
found in their bucket ("t:", initial and length). An update therefore
re-resolves only what the new documents' keys reach.
"""
from __future__ import annotations

from collections.abc import Iterable

from .. import places
from .forms import entity_key
from .names import fold, is_typo, readings, same_spelling, split_name

_PARTNER = {"g:": "f:", "f:": "g:"}


def name_keys(name: str) -> set[str]:
    given, surname = split_name(name)
    keys = {"k:" + entity_key(name)}
    country = places.country_named(name)
    if country:
        keys.add("c:" + country)
    if surname:
        keys |= {"r:" + r for r in readings(surname) | readings(surname.replace(" ", ""))}
        keys.add("r:" + fold(surname))
        keys.add("g:" + fold(given[0]) if given else "f:" + fold(surname))
        keys.add(typo_bucket(surname))
    return keys


def typo_bucket(surname: str, length: int | None = None) -> str:
    """The key the surnames of this initial and length share."""
    return f"t:{fold(surname)[:1]}:{len(surname) if length is None else length}"


def partners(keys: Iterable[str]) -> set[str]:
    """The keys whose holders a holder of ``keys`` is compared with (bucket keys are looked up apart)."""
    return {_PARTNER.get(key[:2], key[:2]) + key[2:] for key in keys if not key.startswith("t:")}


def neighbour_buckets(surname: str) -> set[str]:
    """The buckets that hold every surname one slip from this one."""
    return {typo_bucket(surname, len(surname) + d) for d in (-1, 0, 1)}


def slip_keys(surname: str, near: Iterable[str]) -> set[str]:
    """The keys of the surnames among ``near`` that are one slip from ``surname`` (and not its spellings)."""
    return {"r:" + fold(other) for other in near if not same_spelling(surname, other) and is_typo(surname, other)}
