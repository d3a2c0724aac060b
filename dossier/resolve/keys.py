"""The keys under which resolution compares names.

Two document entities end in one entity, or sway each other's type or owner, only through a shared key:
the folded name ("k:") or a country ("c:"), whatever the names name; and, between names that may be
people's (``types.may_be_person``), a reading of the surname ("r:"), surnames one typing slip apart (found
in their bucket, "t:", initial and length), or a given name that a bare name may be ("g:" on
"Liu Yanhong", "f:" on a bare "Liu"), which counts only for a bare name no surname claims. An update
therefore re-resolves only what the new documents' keys reach.
"""
from __future__ import annotations

from collections.abc import Iterable

from .. import places
from .forms import entity_key
from .names import fold, is_typo, readings, same_spelling, split_name

_ANY_NAME = ("k:", "c:")


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


def name_partners(keys: Iterable[str]) -> set[str]:
    """The keys whose holders, of any type, a holder of ``keys`` is compared with."""
    return {key for key in keys if key.startswith(_ANY_NAME)}


def person_partners(keys: Iterable[str], first_names: set[str]) -> set[str]:
    """The keys whose holders that may be people a person holding ``keys`` is compared with: the readings of
    the surname; a full name, the bare names its given name may be; a bare name, the full names whose given
    name it may be, only among ``first_names`` (where resolution found no surname to claim it). Bucket keys
    are looked up apart."""
    partners = set()
    for key in keys:
        if key.startswith("r:"):
            partners.add(key)
        elif key.startswith("g:"):
            partners.add("f:" + key[2:])
        elif key.startswith("f:") and key[2:] in first_names:
            partners.add("g:" + key[2:])
    return partners


def neighbour_buckets(surname: str) -> set[str]:
    """The buckets that hold every surname one slip from this one."""
    return {typo_bucket(surname, len(surname) + d) for d in (-1, 0, 1)}


def slip_keys(surname: str, near: Iterable[str]) -> set[str]:
    """The keys of the surnames among ``near`` that are one slip from ``surname`` (and not its spellings)."""
    return {"r:" + fold(other) for other in near if not same_spelling(surname, other) and is_typo(surname, other)}
