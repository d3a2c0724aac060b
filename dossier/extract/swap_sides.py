"""Who was freed on which side of a prisoner swap, read from an article's release clauses and rosters.

A side is named by the state that freed its people ("freed by Moscow", "In return, the West released"), or by the
nation of the people it freed ("five Americans ... the Americans include A and B"; "US veteran C" in a roster of
the swap; "a Belgian aid worker ... the aid worker, D"), or is the group freed "in return" for one nation's people.
Where two sides are known, each person's counterparts are the other side's people; where not, no one is given
counterparts.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .. import places
from ..annotate.roles import is_person_role
from .events import RawFact
from .grammar import entity_text
from .rosters import among_released, included_in, members_listed, named_next
from .triggers import is_factual
from .words import PEOPLE, SWAP_NOUNS

# "In return, X released ...": the clause tells of the other side.
_RETURN_MARKERS = ("in return", "in exchange", "for its part", "in turn")
OTHER_SIDE = "other"


def _state_named(token: Token) -> str | None:
    text = entity_text(token)
    return places.country(text) or places.country_of_place(text) or (
        token.lower_ if token.pos_ == "PROPN" or token.lower_ == "west" else None)


def releasing_side(trigger: Token) -> str | None:
    """Who released: the agent of a passive ("freed by Moscow"), the subject of an active verb ("Belarus
    freed", "Poland, which released"), as a country where the name is a state, its capital or its people;
    "other" for a clause that tells of the other side without naming it ("In return, ... were released")."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
        trigger = trigger.head.head  # "Iran freed A in a swap": the verb the swap hangs on
    for child in trigger.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _state_named(obj)
        if child.dep_ == "nsubj":
            subject = child
            if subject.lower_ in ("which", "who", "that") and trigger.dep_ == "relcl":
                subject = trigger.head
            return _state_named(subject)
    if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
        return releasing_side(trigger.head)
    sentence = trigger.sent.text.casefold()
    if any(marker in sentence for marker in _RETURN_MARKERS):
        return OTHER_SIDE
    return None


def pair_release_sides(swapped: list[RawFact], ref) -> None:
    """Each freed person's counterparts are the people the other side freed, where the article's release
    clauses name exactly two sides."""
    sides: dict[str, list[RawFact]] = {}
    for fact in swapped:
        side = releasing_side(fact.trigger)
        if side:
            sides.setdefault(side, []).append(fact)
    if OTHER_SIDE in sides and len(sides) == 2:
        named = next(key for key in sides if key != OTHER_SIDE)
        sides = {named: sides[named], OTHER_SIDE: sides[OTHER_SIDE]}
    if len(sides) != 2:
        return
    first, second = sides.values()
    for mine, theirs in ((first, second), (second, first)):
        others = list(dict.fromkeys(f.subject for f in theirs))
        for fact in mine:
            if not fact.args.get("counterpart"):
                fact.args["counterpart"] = [ref(p) for p in others if p != fact.subject]


# Words of the sentences that tell of the people a swap freed ("Five Americans ... are on their way home").
_FREED_WORDS = {"swap", "exchange", "trade", "free", "freed", "release", "clemency", "pardon", "deal", "return",
                "home"}


def _national_group(token: Token, known: dict[str, str]) -> str | None:
    """The country of a plural noun naming people of one nation: "Americans", "five Iranians", "American oil
    executives", and later "the oil executives" for a group already given a nation."""
    if token.tag_ not in ("NNS", "NNPS"):
        return None
    country = places.country_of_demonym(token.text)
    if country:
        return country
    if token.lemma_.casefold() not in PEOPLE and not is_person_role(token.lemma_.casefold()):
        return None  # "American prisons" are no group of people
    for child in token.children:  # "American oil executives", "US citizens"
        country = places.country(child.text) if child.ent_type_ == "GPE" else places.country_of_demonym(child.text)
        if child.dep_ in ("amod", "compound", "nmod") and country:
            known[token.lemma_.casefold()] = country
            return country
    return known.get(token.lemma_.casefold())


def _own_nation(member: Token) -> str | None:
    """"US Marine veteran A", "German mercenary B", "an American citizen named C": the one nation the words
    before a listed person's name give them (none for "Iranian-Swedish D")."""
    found = set()
    stack = [c for c in member.children if c.dep_ in ("compound", "amod", "nmod")]
    while stack:
        token = stack.pop()
        if token.ent_type_ in ("NORP", "GPE") and (country := places.country(token.text)):
            found.add(country)
        if token.ent_type_ != "PERSON":
            stack += [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    return found.pop() if len(found) == 1 else None


def _returned_group(token: Token) -> bool:
    """"In return, Washington agreed to release two nephews of ...": a group freed by the other side."""
    return token.tag_ == "NNS" and token.dep_ in ("dobj", "nsubjpass") and \
        token.head.lemma_.casefold() in ("release", "free", "freed") and \
        any(marker in token.sent.text.casefold() for marker in _RETURN_MARKERS)


@dataclass
class Sides:
    """Who was freed in a swap: {person: country, OTHER_SIDE or None where no side is known}, the token that
    names each person, and the people a roster of the swap itself names."""

    side: dict[int, str | None] = field(default_factory=dict)
    named_at: dict[int, Token] = field(default_factory=dict)
    rostered: set[int] = field(default_factory=set)
    freed_nations: set[str] = field(default_factory=set)  # groups a freeing word governs: "freed five Americans"


def _role_nations(doc: Doc) -> dict[str, str]:
    """"Tehran released a Norwegian aid worker in exchange for an Iranian envoy": the nation a sentence of
    the swap gives each role it introduces an unnamed person by, where the role has one nation."""
    found: dict[str, set[str]] = {}
    for sentence in doc.sents:
        if not any(t.lemma_.casefold() in SWAP_NOUNS for t in sentence):
            continue
        for token in sentence:
            role = token.lemma_.casefold()
            if token.tag_ != "NN" or (role not in PEOPLE and not is_person_role(role)):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
                continue  # a person the swap's sentence leaves unnamed, named later by the role
            nations = {c for child in token.children if child.dep_ in ("amod", "compound", "nmod")
                       and (c := places.country_of_demonym(child.text))}
            if len(nations) == 1:
                found.setdefault(role, set()).update(nations)
    return {role: nations.pop() for role, nations in found.items() if len(nations) == 1}


def role_sides(doc: Doc, linker, exchanged: set[int]) -> dict[int, str]:
    """"... the aid worker, A, had been released ... diplomat B had been released": people freed in a swap
    whose name the article gives with a role the swap's sentence gave a nation, by that nation."""
    roles = _role_nations(doc)
    found: dict[int, set[str]] = {}
    for token in doc if roles else ():
        # only names already known as people's: a lookup that never retypes an organisation as a person
        person = linker.entity_at(token.idx, token.idx + len(token.text), "PERSON") if token.pos_ == "PROPN" else None
        if person not in exchanged:
            continue
        named_by = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if token.dep_ == "appos" and token.head.pos_ == "NOUN":
            named_by.append(token.head)
        found.setdefault(person, set()).update(roles[r] for t in named_by if (r := t.lemma_.casefold()) in roles)
    return {person: nations.pop() for person, nations in found.items() if len(nations) == 1}


def national_sides(doc: Doc, linker) -> Sides:
    """Who was freed in a swap and on which side: by the nation of the groups the article lists them in, of
    the words before each name in a roster of the swap, or as the group freed in return."""
    known: dict[str, str] = {}
    swapped: set[str | None] = {None, OTHER_SIDE}
    found = Sides()
    own: dict[int, str] = {}
    last_group: str | None = None

    def place(member: Token, country: str | None) -> int | None:
        person = linker.person(member)
        if person is not None and found.side.get(person) is None:
            found.side[person], found.named_at[person] = country, member
        return person

    for sentence in doc.sents:
        freed = any(t.lemma_.casefold() in _FREED_WORDS and is_factual(t) for t in sentence)
        for token in sentence:
            roster = included_in(token) if token.lemma_.casefold() in SWAP_NOUNS else among_released(token)
            for member in roster:
                person = place(member, None)
                if person is not None:
                    found.rostered.add(person)
                    if country := _own_nation(member):
                        own[person] = country
            country = _national_group(token, known)
            if country is None and token.lower_ == "they" and last_group and token.dep_ in ("nsubj", "nsubjpass"):
                country = last_group  # "They were named by Iran as ..."
            if country is None and _returned_group(token):
                country = OTHER_SIDE
            if country is None:
                continue
            if country != OTHER_SIDE:
                last_group = country
            if freed:
                swapped.add(country)
                if token.head.lemma_.casefold() in _FREED_WORDS and is_factual(token.head):
                    found.freed_nations.add(country)
            for member in members_listed(token) or named_next(token):
                place(member, country)
    # A nation of a person's own words is their side only where a group of that nation was freed: a dissident
    # freed by their own state is on the other side of the swap.
    for person, country in own.items():
        if found.side.get(person) is None and country in swapped:
            found.side[person] = country
    found.side = {p: c for p, c in found.side.items() if c in swapped}
    return found
