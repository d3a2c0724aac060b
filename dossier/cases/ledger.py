"""The exchange ledger: each swap with its date, place and the people each side released.

Per-person exchange facts say "A was exchanged for B" or only "A was freed in the
exchange of 1 August". People linked as counterparts are on opposite sides; people
exchanged on the same day join that swap; with no counterpart to place them, their
side is left open (``unplaced``) rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .merge import dates_agree
from .records import Event, Source


@dataclass
class Exchange:
    date: str | None
    place: str | None
    sides: tuple[list[str], list[str]]
    unplaced: list[str] = field(default_factory=list)  # freed in the swap, side not told
    sources: list[Source] = field(default_factory=list)

    @property
    def people(self) -> set[str]:
        return set(self.sides[0]) | set(self.sides[1]) | set(self.unplaced)


def _linked(a: Event, b: Event) -> bool:
    return b.subject in a.args.get("counterpart", []) or a.subject in b.args.get("counterpart", [])


def _same_swap(a: Event, b: Event) -> bool:
    """Counterparts of each other, or released on the same day (two swaps on one day are rare)."""
    if _linked(a, b):
        return True
    return bool(a.date and b.date and len(a.date) == len(b.date) == 10 and dates_agree(a.date, b.date))


def _sides(group: list[Event]) -> dict[str, int]:
    """Two-colour the people of one swap linked as counterparts; the unlinked get no side."""
    opposite: dict[str, set[str]] = {}
    for event in group:
        opposite.setdefault(event.subject, set())
        for other in event.args.get("counterpart", []):
            opposite[event.subject].add(other)
            opposite.setdefault(other, set()).add(event.subject)
    side: dict[str, int] = {}
    for start in sorted(opposite):
        if start in side or not opposite[start]:
            continue
        side[start], queue = 0, [start]
        while queue:
            person = queue.pop()
            for other in opposite[person]:
                if other not in side:
                    side[other] = 1 - side[person]
                    queue.append(other)
    return side


def ledger(events: list[Event]) -> list[Exchange]:
    swaps = [e for e in events if e.type == "exchange"]
    groups: list[list[Event]] = []
    for event in swaps:
        joined = [g for g in groups if any(_same_swap(event, other) for other in g)]
        merged = [event] + [e for g in joined for e in g]
        groups = [g for g in groups if g not in joined] + [merged]
    exchanges = []
    for group in groups:
        side = _sides(group)
        dates = sorted((e.date for e in group if e.date), key=len, reverse=True)
        places = [e.args.get("place") for e in group if e.args.get("place")]
        exchanges.append(Exchange(
            date=dates[0] if dates else None, place=places[0] if places else None,
            sides=(sorted(p for p, s in side.items() if s == 0), sorted(p for p, s in side.items() if s == 1)),
            unplaced=sorted({e.subject for e in group} - set(side)),
            sources=[s for e in group for s in e.sources]))
    return sorted(exchanges, key=lambda x: x.date or "")
