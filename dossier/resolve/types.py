"""Each entity's type, by the vote of the whole corpus: a name most mentions call a person is a person."""
from __future__ import annotations

from collections import Counter, defaultdict

from .. import places
from .forms import entity_key, naming_forms
from .names import given_compatible, readings, same_given, same_spelling, same_surname, split_name, surname_alone
from .records import Candidate


def may_be_person(name: str, type_: str) -> bool:
    """Whether ``correct_types`` could make a name so tagged a person's, whatever the corpus (a vote turns a
    name into a person's only where some mention of it is tagged one, and that mention answers this alone)."""
    if type_ == "PERSON":
        return True
    if type_ in ("ORG", "NORP", "FAC") and split_name(name)[0] and len(name.split()) <= 3:
        return True
    return type_ in ("ORG", "NORP", "FAC", "GPE", "LOC") and " " not in name.strip() and \
        not places.country(name) and not places.country_of_place(name)


def correct_types(candidates: list[Candidate]) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in candidates:
        votes[entity_key(c.name)][c.type] += max(1, len(naming_forms(c)))
    for c in candidates:
        counts = votes[entity_key(c.name)]
        total = sum(counts.values())
        top, top_votes = counts.most_common(1)[0]
        if top == c.type or top_votes * 2 <= total:
            continue
        if c.type != "PERSON":
            c.type = top  # "Bout" an organisation once and a person twice
        elif len(c.name.split()) == 1 and top in ("GPE", "LOC") and places.country_of_place(c.name):
            c.type = top  # "Washington" a person once and a place four times
    # "Aleksei Nawalny" tagged an organisation where other articles name the person "Alexei Navalny".
    people: dict[str, list[str]] = defaultdict(list)
    for c in candidates:
        given, surname = split_name(c.name)
        if c.type == "PERSON" and given:
            for key in readings(surname):
                people[key].append(c.name)
    for c in candidates:
        given, surname = split_name(c.name)
        if c.type in ("ORG", "NORP", "FAC") and given and len(c.name.split()) <= 3:
            others = {name for key in readings(surname) for name in people.get(key, ())}
            if any(same_surname(surname, split_name(o)[1], typos=False) and
                   given_compatible(given, split_name(o)[0], typos=False) for o in others):
                c.type = "PERSON"
    for c in candidates:
        if c.type in ("ORG", "FAC", "LOC") and places.country_named(c.name):
            c.type = "GPE"  # "the Maldives" tagged an organisation
    # "Maduro's government" tagged an organisation where the corpus names the person "Nicolas Maduro";
    # an organisation many articles name ("Ford") stays one.
    in_docs: dict[str, Counter] = defaultdict(Counter)
    for c in candidates:
        in_docs[entity_key(c.name)][c.type] += 1
    for c in candidates:
        if c.type in ("ORG", "NORP", "FAC", "GPE", "LOC") and " " not in c.name.strip() and \
                not places.country(c.name) and not places.country_of_place(c.name):
            counts = in_docs[entity_key(c.name)]
            surname_of = {n for key in readings(c.name) for n in people.get(key, ())
                          if same_surname(split_name(n)[1], c.name, typos=False)}
            if surname_of and counts["PERSON"] + len(surname_of) >= counts[c.type]:
                c.type = "PERSON"
    # "Lind" or "Karin" tagged an organisation in the article that names the person "Karin Lind" (a known place
    # stays one: "Paris" beside "Jacques Paris"; so does a first word other articles tag so: "Acme CEO Karin Lind").
    named_in: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for c in candidates:
        given, surname = split_name(c.name)
        if c.type == "PERSON" and given:
            named_in[c.doc_id].append((given, surname))
    for c in candidates:
        if c.type in ("ORG", "NORP", "FAC", "GPE", "LOC") and " " not in c.name.strip() and \
                not places.country(c.name) and not (c.type in ("GPE", "LOC") and places.country_of_place(c.name)) \
                and any(_stands_for(c.name, given, surname, in_docs[entity_key(c.name)][c.type] == 1)
                        for given, surname in named_in.get(c.doc_id, ())):
            c.type = "PERSON"
        # "Nora Lind" tagged a place in the article that names her sister "Karin Lind": a relative of hers.
        elif c.type in ("ORG", "NORP", "FAC", "GPE", "LOC") and 2 <= len(c.name.split()) <= 3 and \
                split_name(c.name)[0] and all(w[:1].isupper() for w in c.name.split()) and \
                not places.country(c.name) and not places.country_of_place(c.name) and \
                any(same_spelling(split_name(c.name)[1], surname) for _, surname in named_in.get(c.doc_id, ())):
            c.type = "PERSON"


def _stands_for(word: str, given: list[str], surname: str, only_here: bool) -> bool:
    """Whether a word alone is a person's surname, or (tagged so in this article ``only_here``) first given
    name, as spelled in full."""
    return any(same_spelling(form, word) for form in {surname, surname_alone(surname)}) or \
        (only_here and len(given[0].rstrip(".")) > 1 and same_given(given[0], word, typos=False))
