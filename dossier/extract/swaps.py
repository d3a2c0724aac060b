"""Prisoner swaps told over a whole article: when and where the swap was, who each side released, and
so who each freed person's counterparts are.

Articles rarely say "A was exchanged for B". They report a swap ("the exchange took place in Ankara on
Thursday"), then list who one side freed ("Among those freed by Moscow were A, B and C") and who the
other did ("In return, the West released D and E"). People freed in an article that reports a swap were
freed in it; the releasing state of each release clause sorts them into sides, and each person's
counterparts are the people of the other side.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import places
from ..annotate.roles import is_person_role
from ..temporal import Anchor, resolve_date
from .events import RawFact
from .grammar import date_of, entity_span, entity_text, place_name, with_conjuncts
from .rosters import among_released, included_in, listed_names, named_next
from .triggers import is_factual
from .words import DETENTION_WORDS, PEOPLE

SWAP_NOUNS = {"exchange", "swap", "trade"}
_PEOPLE_WORDS = {"prisoner", "detainee", "hostage", "captive", "people", "person", "citizen", "national"}
# Verbs of which a swap is the object when the article reports it happened ("completed a swap in Ankara").
_DONE_VERBS = {"complete", "carry", "conduct", "hold", "finalize", "finalise", "make", "stage", "execute"}
_HAPPEN_VERBS = {"take", "happen", "occur"}
# "In return, X released ...": the clause tells of the other side.
_RETURN_MARKERS = ("in return", "in exchange", "for its part", "in turn")
_OTHER_SIDE = "other"



def _swap_reports(doc: Doc, anchor: Anchor) -> tuple[list[tuple[str | None, int]], list[tuple[str, int]]]:
    """The dates and places of the prisoner swaps an article reports, each with the offset of its sentence."""
    dates: list[tuple[str | None, int]] = []
    found_places: list[tuple[str, int]] = []
    detention_story = sum(t.lemma_.casefold() in DETENTION_WORDS for t in doc) >= 3
    for token in doc:
        if token.lemma_.casefold() not in SWAP_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if not is_factual(token):
            continue
        people = any(t.lemma_.casefold() in _PEOPLE_WORDS for t in token.subtree)
        if not people and token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
            # "returned 150 prisoners in an exchange"
            people = any(t.lemma_.casefold() in _PEOPLE_WORDS for c in token.head.head.children
                         if c.dep_ in ("dobj", "nsubjpass", "nsubj") for t in c.subtree)
        # "conducted a prisoner exchange operation in Ankara": the noun the swap names is the swap
        phrase = token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token
        took_place = phrase.dep_ == "nsubj" and phrase.head.lemma_ in _HAPPEN_VERBS
        done = phrase.dep_ in ("dobj", "nsubjpass") and phrase.head.lemma_.casefold() in _DONE_VERBS
        # "a Qatar-brokered swap fell into place": a swap in an article about people held is of prisoners
        of_prisoners = token.lemma_.casefold() == "swap" and detention_story
        if not people and not took_place and not of_prisoners:
            continue
        when = [date_of(t, anchor) for t in token.sent if t.ent_type_ == "DATE"]
        dates.append((next((d for d in when if d), None), token.idx))
        clause = phrase.head if took_place or done else phrase
        where = [p for t in clause.subtree if t.dep_ == "pobj" and t.head.lower_ in ("at", "in")
                 and t.head.head.i in (clause.i, phrase.i) and (p := place_name(t))]
        found_places.extend((place, token.idx) for place in where[:1])
    return dates, found_places


def _fold_releases(raw: list[RawFact]) -> None:
    """"X was freed on Friday in exchange for Y": the release is the swap, and its date is the swap's."""
    folded: list[RawFact] = []
    for fact in raw:
        if fact.type != "exchange":
            continue
        for other in raw:
            if other.type != "release" or other.subject != fact.subject or other.trigger.sent != fact.trigger.sent:
                continue
            both_sides = [swap for swap in raw if swap.type == "exchange" and swap.trigger.i == fact.trigger.i]
            for swap in both_sides:
                for key in ("date", "place"):
                    if key in other.args and key not in swap.args:
                        swap.args[key], swap.sources[key] = other.args[key], other.source_of(key)
            folded.append(other)
    raw[:] = [fact for fact in raw if not any(fact is f for f in folded)]


def _state_named(token: Token) -> str | None:
    text = entity_text(token)
    return places.country(text) or places.country_of_place(text) or (
        token.lower_ if token.pos_ == "PROPN" or token.lower_ == "west" else None)


def releasing_side(trigger: Token) -> str | None:
    """Who released: the agent of a passive ("freed by Moscow"), the subject of an active verb ("Belarus
    freed", "Poland, which released"), as a country where the name is a state, its capital or its people;
    "other" for a clause that tells of the other side without naming it ("In return, ... were released")."""
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
        return "other"
    return None


def _pair_sides(swapped: list[RawFact], ref) -> None:
    """Each freed person's counterparts are the people the other side freed, where the article's release
    clauses name exactly two sides."""
    sides: dict[str, list[RawFact]] = {}
    for fact in swapped:
        side = releasing_side(fact.trigger)
        if side:
            sides.setdefault(side, []).append(fact)
    if "other" in sides and len(sides) == 2:
        named = next(key for key in sides if key != "other")
        sides = {named: sides[named], "other": sides["other"]}
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
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and (country := places.country_of_demonym(child.text)):
            known[token.lemma_.casefold()] = country
            return country
    return known.get(token.lemma_.casefold())


def _listed_members(group: Token) -> list[Token]:
    """The names a sentence lists as a group's members: "The Americans include A, B and C", "They were
    named as A and B", "the oil executives – A, B –", "five Iranians, including A"."""
    head = group.head
    if group.dep_ == "nsubj" and head.lemma_ == "include":
        return [m for c in head.children if c.dep_ in ("dobj", "attr") for m in listed_names(c)]
    if group.dep_ == "nsubjpass" and head.lemma_ in ("name", "identify"):
        return [m for c in head.children if c.dep_ == "prep" and c.lower_ == "as"
                for o in c.children if o.dep_ == "pobj" for m in with_conjuncts(o)]
    members = [m for c in group.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
               for m in with_conjuncts(c)]
    members += [m for c in group.children if c.dep_ == "prep" and c.lower_ == "including"
                for o in c.children if o.dep_ == "pobj" for m in with_conjuncts(o)]
    return members


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


def _national_sides(doc: Doc, linker) -> tuple[dict[int, str], dict[int, Token]]:
    """Who was freed in a swap and on which side, by the nation of the groups the article lists them in, of
    the words before each name in a roster of the swap, or as the group freed in return: {person: country,
    "other" or None}, and the token that names each person there."""
    known: dict[str, str] = {}
    swapped: set[str | None] = {None, _OTHER_SIDE}
    side: dict[int, str | None] = {}
    named_at: dict[int, Token] = {}
    own: dict[int, str] = {}
    last_group: str | None = None

    def place(member: Token, country: str | None) -> None:
        person = linker.person(member)
        if person is not None and side.get(person) is None:
            side[person], named_at[person] = country, member

    for sentence in doc.sents:
        freed = any(t.lemma_.casefold() in _FREED_WORDS for t in sentence)
        for token in sentence:
            roster = included_in(token) if token.lemma_.casefold() in SWAP_NOUNS else among_released(token)
            for member in roster:
                place(member, None)
                if (country := _own_nation(member)) and (person := linker.person(member)) is not None:
                    own[person] = country
            country = _national_group(token, known)
            if country is None and token.lower_ == "they" and last_group and token.dep_ in ("nsubj", "nsubjpass"):
                country = last_group  # "They were named by Iran as ..."
            if country is None and _returned_group(token):
                country = _OTHER_SIDE
            if country is None:
                continue
            if country != _OTHER_SIDE:
                last_group = country
            if freed:
                swapped.add(country)
            for member in _listed_members(token) or named_next(token):
                place(member, country)
    # A nation of a person's own words is their side only where a group of that nation was freed: a dissident
    # freed by their own state is on the other side of the swap.
    for person, country in own.items():
        if side.get(person) is None and country in swapped:
            side[person] = country
    return {p: c for p, c in side.items() if c in swapped}, named_at


def _pair_nations(raw: list[RawFact], doc: Doc, linker, when, where) -> None:
    """"Five Americans were freed in exchange for five Iranians ... The Americans include A, B; the Iranians
    were named as C, D": each listed person was freed in the swap, for the people listed on the other side.
    The group freed "in return" is the other side of the one nation named; people a roster of the swap names
    but no side places were freed in it, for no one the article makes known."""
    side, named_at = _national_sides(doc, linker)
    nations = set(side.values()) - {None, _OTHER_SIDE}
    if len(nations) == 2:
        side = {p: c for p, c in side.items() if c != _OTHER_SIDE}
    elif len(nations) != 1 or _OTHER_SIDE not in side.values():
        side = {p: None for p, c in side.items() if c is None or len(nations) > 2}
    exchanges = {fact.subject: fact for fact in raw if fact.type == "exchange"}
    for person, country in side.items():
        fact = exchanges.get(person)
        if fact is None:
            fact = RawFact("exchange", person, {}, named_at[person])
            for key, found in (("date", when), ("place", where)):
                if found:
                    fact.args[key], fact.sources[key] = found
            raw.append(fact)
            exchanges[person] = fact
        if country is not None and not fact.args.get("counterpart"):
            fact.args["counterpart"] = [linker.ref(p) for p, c in side.items() if c not in (country, None)]


def _sentence_date(trigger: Token, anchor: Anchor) -> str | None:
    """"as in 2022, when X was freed in exchange for Y": a date its own sentence gives a swap, which makes it
    another swap than the one the article reports when the dates differ."""
    def of_another_clause(token: Token) -> bool:  # "X, who was convicted in 1988, was freed"
        return any(a.dep_ in ("relcl", "acl", "ccomp") and trigger not in a.subtree for a in (token, *token.ancestors))
    return next((d for t in trigger.sent if t.ent_type_ in ("DATE", "TIME") and not of_another_clause(t)
                 and (d := _day_of(t, anchor))), None)


def _day_of(token: Token, anchor: Anchor) -> str | None:
    """The day a date or a time of day names ("this morning", "tonight" are the day of the article)."""
    if token.ent_type_ == "TIME":
        span = entity_span(token)
        return resolve_date(span.text, anchor) if span is not None else None
    return date_of(token, anchor)


def _same_day(date: str, other: str) -> bool:
    return date.startswith(other) or other.startswith(date)


def releases_in_a_swap(raw: list[RawFact], doc: Doc, anchor: Anchor, linker) -> None:
    """In an article that reports a prisoner swap, people it reports freed were freed in that swap,
    on its date and at its place, each for the people the other side freed."""
    _fold_releases(raw)
    for fact in raw:
        if fact.type == "exchange" and "date" not in fact.args and (own := _sentence_date(fact.trigger, anchor)):
            fact.args["date"] = own
    dates, found_places = _swap_reports(doc, anchor)
    if not dates:
        return
    when = next(((d, at) for d, at in dates if d), None)
    converted: list[RawFact] = []
    for fact in raw:
        if fact.type == "release" and fact.args.get("manner") in (None, "exchange"):
            fact.type = "exchange"
            fact.args = {k: v for k, v in fact.args.items() if k == "date"}
            converted.append(fact)
        if fact.type == "exchange":
            if when and "date" not in fact.args:
                fact.args["date"], fact.sources["date"] = when
            if found_places and "place" not in fact.args and (not when or _same_day(fact.args["date"], when[0])):
                fact.args["place"], fact.sources["place"] = found_places[0]
    _pair_sides(converted, linker.ref)
    _pair_nations(raw, doc, linker, when, found_places[0] if found_places else None)
