"""Rosters: the names a sentence lists as the members of a group, across the ways a parser breaks long lists."""
from __future__ import annotations

from spacy.tokens import Token

from .grammar import with_conjuncts
from .triggers import is_factual


def listed_names(first: Token) -> list[Token]:
    """"A, who spent years in prison, as well as B and C": the names of a list that opens with `first`.
    A name the parser conjoined to a common noun or a verb inside an earlier member's clause ("prison ... as well
    as B") is one more member: a prison and a businessman are no pair."""
    members = with_conjuncts(first)
    for member in list(members):
        for token in member.subtree:
            if token.dep_ == "conj" and token.ent_type_ == "PERSON" and token.head.pos_ in ("NOUN", "VERB") and \
                    not token.head.ent_type_ and token not in members:
                members += [m for m in with_conjuncts(token) if m not in members]
    return members


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def count_of(group: Token) -> int | None:
    """How many a plural noun counts: "two nephews", "the 3 men", "both Canadians"."""
    for child in group.children:
        if child.dep_ == "nummod":
            return int(child.text) if child.text.isdigit() else _NUMBER_WORDS.get(child.lower_)
        if child.lower_ == "both":
            return 2
    return None


def named_next(group: Token) -> list[Token]:
    """"... two nephews of the first lady. A and B were arrested in 2015": the names that open the next
    sentence, where there are exactly as many as the group counts."""
    count = count_of(group)
    sentence = group.sent
    if not count or sentence.end >= len(group.doc):
        return []
    following = group.doc[sentence.end].sent
    subject = next((c for c in following.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "PROPN":
        return []
    names = listed_names(subject)
    return names if len(names) == count and all(n.pos_ == "PROPN" for n in names) else []


def included_in(swap: Token) -> list[Token]:
    """"The swap included A, in addition to B and C", "Also included in the exchange are A and B": the names
    a swap is said to include."""
    verb = swap.head
    if swap.dep_ == "pobj" and swap.head.lower_ == "in":  # "included in the exchange are A and B"
        verb = swap.head.head
        roles = ("nsubjpass", "nsubj", "attr")
    elif swap.dep_ == "nsubj":
        roles = ("dobj", "attr")
    else:
        return []
    if verb.lemma_ != "include" or not is_factual(verb):  # "was not included in the swap"
        return []
    members = [m for c in verb.children if c.dep_ in roles for m in listed_names(c)]
    # "in addition to B", also where the parser hung it on the verb that reports the inclusion
    reported = [verb.head] if verb.dep_ == "ccomp" else []
    members += [m for c in (*verb.children, *(c for r in reported for c in r.children if c.i > verb.i))
                if c.dep_ == "prep" for p in c.subtree
                if p.dep_ == "pobj" and p.head.lower_ == "to" and p.head.head.lower_ == "addition"
                for m in listed_names(p)]
    return members


def among_released(pronoun: Token) -> list[Token]:
    """"Among those released are A and B": the names said to be among the people freed."""
    if pronoun.dep_ != "pobj" or pronoun.head.lower_ != "among" or not any(
            c.dep_ == "acl" and c.lemma_.casefold() in ("release", "free", "freed") for c in pronoun.children):
        return []
    verb = pronoun.head.head
    # the names right after "are", wherever the parser hung them
    names = [t for t in verb.sent if t.left_edge.i == verb.i + 1 and t.dep_ in ("nsubj", "attr") and t.pos_ == "PROPN"]
    return [m for name in names[:1] for m in listed_names(name)]


def members_listed(group: Token) -> list[Token]:
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
