"""The exchange ledger: each swap with its date, place and the people each side released.

Per-person exchange facts say "A was exchanged for B" or only "A was freed in the
exchange of 1 August". People linked as counterparts are on opposite sides; people
exchanged on the same day join that swap; with no counterpart to place them, their
side is left open (``unplaced``) rather than guessed.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .merge import date_parts, dates_agree
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


def _day(event: Event) -> tuple | None:
    """What a full date must share with another to agree with it (the year may be untold): month and day.
    Two swaps are one where their people are counterparts or were released on one day (two swaps on one
    day are rare)."""
    if not event.date or len(event.date) != 10:
        return None
    parts = date_parts(event.date)
    return ("as written", event.date) if parts is None else parts[1:]


class _Seen:
    """The events taken so far, found by what can join a new one to them: subject, counterpart, day. Events
    of one full date are in one swap already: a date is weighed once, by its first event."""

    def __init__(self) -> None:
        self.by_subject: dict[str, list[int]] = defaultdict(list)
        self.by_counterpart: dict[str, list[int]] = defaultdict(list)
        self.by_day: dict[tuple, dict[str, int]] = defaultdict(dict)
        self.count = 0

    def near(self, event: Event) -> set[int]:
        found = set(self.by_counterpart.get(event.subject, ()))
        found.update(n for other in event.args.get("counterpart", []) for n in self.by_subject.get(other, ()))
        day = _day(event)
        if day is not None:
            found.update(n for date, n in self.by_day.get(day, {}).items() if dates_agree(event.date, date))
        return found

    def add(self, event: Event) -> None:
        self.by_subject[event.subject].append(self.count)
        for other in event.args.get("counterpart", []):
            self.by_counterpart[other].append(self.count)
        day = _day(event)
        if day is not None:
            self.by_day[day].setdefault(event.date, self.count)
        self.count += 1


def _groups(swaps: list[Event]) -> list[list[Event]]:
    """The events of each swap, joined in the order they come: a new event takes with it every group it
    shares a swap with, in the order those were last joined (a group is named by the event that last joined
    it). Each event is looked up, not compared with all."""
    seen = _Seen()
    parent: list[int] = []
    joined_by: list[list[int]] = []  # the groups each event took with it

    def group(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for n, event in enumerate(swaps):
        joined = sorted({group(m) for m in seen.near(event)})
        parent.append(n)
        for g in joined:
            parent[g] = n
        joined_by.append(joined)
        seen.add(event)
    groups = []
    for n in sorted({group(n) for n in range(len(swaps))}):
        members, stack = [], [n]
        while stack:  # the event, then each group it took, in order
            m = stack.pop()
            members.append(swaps[m])
            stack.extend(reversed(joined_by[m]))
        groups.append(members)
    return groups


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
    exchanges = []
    for group in _groups([e for e in events if e.type == "exchange"]):
        side = _sides(group)
        dates = sorted((e.date for e in group if e.date), key=len, reverse=True)
        places = [e.args.get("place") for e in group if e.args.get("place")]
        exchanges.append(Exchange(
            date=dates[0] if dates else None, place=places[0] if places else None,
            sides=(sorted(p for p, s in side.items() if s == 0), sorted(p for p, s in side.items() if s == 1)),
            unplaced=sorted({e.subject for e in group} - set(side)),
            sources=[s for e in group for s in e.sources]))
    return sorted(exchanges, key=lambda x: x.date or "")
