"""The statements log: who said what, when, on which channel, and which outlets carried it.

The same quotation carried by several outlets (whole, cut, or with other punctuation)
is one statement with several sources.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .records import CaseFact, Source

SAME_QUOTE = 0.6  # token F1 above which two quotations are one statement


@dataclass
class Statement:
    speaker: str
    quote: str
    date: str | None = None
    channel: str | None = None
    about: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({s.outlet or s.doc_id for s in self.sources})


def _tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


def quote_overlap(a: str, b: str) -> float:
    """Token F1 of two quotations, or how much of the shorter one the longer holds (a cut quotation)."""
    ta, tb = _tokens(a), _tokens(b)
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    na, nb = sum(ta.values()), sum(tb.values())
    f1 = 2 * common / (na + nb)
    contained = common / min(na, nb)
    return max(f1, contained if min(na, nb) >= 6 and contained >= 0.9 else 0.0)


def _first(values):
    return values[0] if isinstance(values, list) and values else values or None


def statements_log(facts: list[CaseFact]) -> list[Statement]:
    log: list[Statement] = []
    for fact in facts:
        if fact.type != "statement":
            continue
        quote = _first(fact.args.get("quote"))
        if not quote:
            continue
        for statement in log:
            if statement.speaker == fact.subject and quote_overlap(statement.quote, quote) >= SAME_QUOTE:
                break
        else:
            statement = Statement(speaker=fact.subject, quote=quote)
            log.append(statement)
        statement.sources.append(fact.source)
        if len(quote) > len(statement.quote):
            statement.quote = quote
        statement.date = statement.date or _first(fact.args.get("date"))
        statement.channel = statement.channel or _first(fact.args.get("channel"))
        about = fact.args.get("about") or []
        statement.about = sorted(set(statement.about) | set(about if isinstance(about, list) else [about]))
    return log
