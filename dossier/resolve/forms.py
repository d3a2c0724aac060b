"""The forms of a name that resolution compares: a folded key, the form shown, the forms that name."""
from __future__ import annotations

from functools import lru_cache

from .. import places
from .names import fold
from .records import Candidate


def entity_key(name: str) -> str:
    return " ".join(fold(name).replace("’", "'").removesuffix("'s").removeprefix("the ").split())


def display(name: str) -> str:
    name = name.removesuffix("’s").removesuffix("'s")
    return name[4:] if name[:4] in ("the ", "The ") else name


@lru_cache(maxsize=65536)
def is_name(form: str, type_: str) -> bool:
    """A surface form that names its entity, rather than a title standing for it ("the envoy", "the Russian")."""
    words = form.split()
    if words[:1] in (["The"], ["the"]):
        if type_ == "PERSON":
            return False
        words = words[1:]
    if not any(w[:1].isupper() for w in words):
        return False  # "the ministry", "envoy"
    return not (type_ == "PERSON" and places.country_of_demonym(form))


def naming_forms(candidate: Candidate) -> list[str]:
    forms = [f for f in candidate.aliases if is_name(f, candidate.type)]
    return forms or ([candidate.name] if is_name(candidate.name, candidate.type) else [])
