"""The case events of one sentence."""
from __future__ import annotations

from spacy.tokens import Span

from ...records import EntityRef
from ...temporal import Anchor
from ..events import RawFact
from .arguments import Clause, arguments, keeps_sense
from .clauses import is_factual, own_tokens, patients, triggers
from .people import People


def find_events(sentence: Span, people: People, anchor: Anchor) -> list[RawFact]:
    found = triggers(sentence)
    others = {t.token.i for t in found}
    facts = []
    for trigger in found:
        if not is_factual(trigger.token):
            continue
        patient_tokens = patients(trigger)
        tokens = own_tokens(trigger.token, others - {trigger.token.i})
        for person in people.people(patient_tokens):
            clause = Clause(trigger, tokens, anchor, people, person)
            args = arguments(clause)
            if not keeps_sense(clause):
                continue
            facts.append(RawFact(trigger.type.name, person, args, trigger.token))
            if trigger.type.name == "exchange":
                for counterpart in args.get("counterpart", []):
                    mirrored = {k: v for k, v in args.items() if k != "counterpart"}
                    mirrored["counterpart"] = [EntityRef(person)]
                    facts.append(RawFact("exchange", counterpart.entity, mirrored, trigger.token))
    return facts
