"""The clause an event is read from: the trigger's own words, who acted, and what the fact has found so far."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..temporal import Anchor
from . import schema
from .grammar import (
    is_passive,
    lower_lemma,
    verb_lemma,
)
from .linking import Linker
from .triggers import Trigger


def own_tokens(trigger: Token, others: set[int], patients: list[Token]) -> list[Token]:
    """The trigger's clause without the clauses of other events, coordinated verbs or the patient's own."""
    out, stack = [], list(trigger.children)
    if trigger.dep_ == "amod" and trigger.pos_ == "VERB" and trigger.tag_ == "VBD":
        # A finite verb the parser hung on its object: its phrases went to the object.
        node = trigger.head
        while True:
            stack += [c for c in node.children if c.dep_ == "prep" and c.i > node.i]
            if node.dep_ != "compound" or node.head.i == node.i:
                break
            node = node.head
    skip = {p.i for p in patients}
    while stack:
        token = stack.pop()
        if token.i in others or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            continue
        if token.dep_ in ("relcl", "acl", "appos") and token.head.i != trigger.i:
            continue
        if token.dep_ in ("relcl", "appos") and token.head.i in skip:
            continue
        if token.dep_ in ("ccomp", "parataxis") and token.head.i == trigger.i and token.lower_ not in (
                "guilty", "free"):
            continue  # a clause of its own, except the small clause of "found X guilty"
        out.append(token)
        stack.extend(token.children)
    return sorted(out, key=lambda t: t.i)


@dataclass
class Clause:
    """What the finders read: the trigger, its own words, and what the fact has found so far."""

    trigger: Trigger
    tokens: list[Token]
    anchor: Anchor
    linker: Linker
    patient: int
    args: dict = field(default_factory=dict)

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def lemma(self) -> str:
        return verb_lemma(self.token) or lower_lemma(self.token)

    def actors(self) -> list[Token]:
        """Who did it: the agent of a passive, the subject of an active verb."""
        agents = [t for c in self.token.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        if self.trigger.patient in (schema.OBJECT, schema.DATIVE) and not is_passive(self.token):
            agents += [c for c in self.token.children if c.dep_ == "nsubj"]
        if self.trigger.patient == "noun":
            agents += [t for c in self.token.children if c.dep_ == "prep" and c.lower_ == "by"
                       for t in c.children if t.dep_ == "pobj"]
        return agents
