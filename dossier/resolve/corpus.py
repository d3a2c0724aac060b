"""Resolution of a set of document entities into the corpus's entities: types, then people, then the rest."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from .. import places
from .forms import display, entity_key, naming_forms
from .names import english_spelling, is_cyrillic, readings, same_spelling, split_name
from .people import People, name_context
from .records import Candidate, Resolved
from .types import correct_types


def canonical(members: list[Candidate]) -> str:
    """The most common full form: a given name and a surname, most often, in the most common spelling; the
    English form where the corpus has one, else the nominative a Russian text gives ("Роман Селезнёв", not
    "Романа Селезнёва")."""
    nominatives = {m.name for m in members}
    forms = Counter(display(form) for m in members for form in naming_forms(m)
                    if not is_cyrillic(form) or form in nominatives)
    if not forms:
        return display(members[0].name)
    surnames = Counter(split_name(form)[1] for form in forms.elements())

    def spelled_alike(form: str) -> int:  # how often the corpus spells this surname so, a typo aside
        surname = split_name(form)[1]
        return sum(n for other, n in surnames.items() if same_spelling(surname, other))
    # A Latin form written in some text wins over one dossier spelled from the Cyrillic.
    spelled = {english_spelling(form) for m in members for form in [m.name, *m.aliases] if is_cyrillic(form)}
    return max(forms, key=lambda form: (bool(split_name(form)[0]), not is_cyrillic(form), form not in spelled,
                                        forms[form], spelled_alike(form), -len(form.split()), -len(form)))


def resolve(candidates: list[Candidate], outside: Callable[[set[str]], list[Candidate]] | None = None
            ) -> list[Resolved]:
    """The entities of ``candidates``. ``outside(docs)``, when they are part of a corpus: the other entities
    of those documents, whose names help tell namesakes apart."""
    return entities(candidates, cluster(candidates, outside)[0])


def cluster(candidates: list[Candidate], outside: Callable[[set[str]], list[Candidate]] | None = None
            ) -> tuple[list[list[Candidate]], set[str]]:
    """The types of ``candidates`` corrected (in place) and their people clustered: (the people, the bare names
    that were weighed against the given names of full ones, ``keys.person_partners``)."""
    correct_types(candidates)
    people = [c for c in candidates if c.type == "PERSON"]
    around = outside({c.doc_id for c in people}) if outside else []
    clustering = People(people, name_context(candidates + around))
    return clustering.run(), clustering.first_names_asked


def entities(candidates: list[Candidate], groups: list[list[Candidate]]) -> list[Resolved]:
    """The entities of ``candidates``, typed and with their people clustered (``cluster``): the people, and
    the others by type and name (a country by the country it names)."""
    others: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.type != "PERSON":
            country = places.country_named(candidate.name) if candidate.type == "GPE" else None
            others[(candidate.type, country or entity_key(candidate.name))].append(candidate)
    # A surname is a spelling of a person only where no other person of the corpus bears it.
    surname_owners: dict[str, set[int]] = defaultdict(set)
    for n, group in enumerate(groups):
        for m in group:
            given, surname = split_name(m.name)
            if given:
                for key in readings(surname):
                    surname_owners[key].add(n)
    resolved = []
    for n, (type_, members) in enumerate([("PERSON", g) for g in groups] + [(t, g) for (t, _), g in others.items()]):
        aliases = {display(a) for m in members for a in naming_forms(m)}
        if type_ == "PERSON":
            alone = {a for a in aliases if " " not in a}
            for alias in list(aliases):
                given, surname = split_name(alias)
                if given[:1] and given[0] in alone and not any(same_spelling(surname, a) for a in alone):
                    continue  # the family name comes first: "Liu Yanhong" is "Liu"
                if given and all(surname_owners[key] == {n} for key in readings(surname)):
                    aliases.add(surname)
        name = canonical(members)
        if type_ == "PERSON" and is_cyrillic(name):
            aliases.add(english_spelling(name))  # how English-language news would write the name
        resolved.append(Resolved(name=name, type=type_, aliases=sorted(aliases),
                                 members=[(m.doc_id, m.idx) for m in members],
                                 docs=sorted({m.doc_id for m in members})))
    return resolved
