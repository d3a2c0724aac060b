"""Rosters: the names a sentence lists as the members of a group, across the ways a parser breaks long lists."""
from __future__ import annotations

from spacy.tokens import Token

from .grammar import with_conjuncts


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
