"""Event merging: facts of one type about one person that tell of the same event become one Event.

Two reports are of the same event when their dates agree at the precision both
give (2016, 2016-08 and 2016-08-12 agree), or disagree by less than a few weeks
(then the event shows both dates as a conflict); reports without a date join the
event they do not contradict. Reports whose dates lie further apart are
different events: two arrests years apart stay two.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from .. import places
from .records import CaseFact, Event, Version

# Reports of one event rarely differ by more than this; different events of one kind usually do.
SAME_EVENT_DAYS = 45
# Arguments that list several values (two counterparts of a swap) rather than compete.
LIST_ARGS = {"counterpart", "about", "visitor"}
_PARTIAL = re.compile(r"^(\d{4}|X{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_parts(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    match = _PARTIAL.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return (None if year.startswith("X") else int(year), int(month) if month else None, int(day) if day else None)


def _as_day(parts: tuple[int | None, int | None, int | None], year: int) -> date:
    _, month, day = parts
    return date(year, month or 7, day or (15 if month else 1))


def dates_agree(a: str, b: str) -> bool:
    """True when neither date contradicts the other at the precision both give."""
    pa, pb = date_parts(a), date_parts(b)
    if pa is None or pb is None:
        return a == b
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))


def days_apart(a: str, b: str) -> int | None:
    """Roughly how far apart two disagreeing dates are; None when it cannot be told."""
    pa, pb = date_parts(a), date_parts(b)
    if pa is None or pb is None:
        return None
    year_a, year_b = pa[0], pb[0]
    if year_a is None or year_b is None:
        if pa[1] is None or pb[1] is None:
            return None
        year_a = year_b = year_a or year_b or 2000
    return abs((_as_day(pa, year_a) - _as_day(pb, year_b)).days)


def more_specific(a: str, b: str) -> str:
    """Of two agreeing dates, the one that says more (a known year beats an unknown one)."""
    def weight(value: str) -> tuple[int, int]:
        parts = date_parts(value) or (None, None, None)
        return sum(p is not None for p in parts), len(value)
    return max(a, b, key=weight)


def _norm(value) -> str:
    return re.sub(r"[^\w]+", " ", str(value).casefold()).strip()


def values_agree(arg: str, a, b) -> bool:
    if arg == "date":
        return dates_agree(a, b)
    if arg == "place" and (places.country_of_place(str(a)) == places.country_named(str(b)) or
                           places.country_of_place(str(b)) == places.country_named(str(a))):
        return True  # "Vienna" and "Austria": one place at two precisions
    na, nb = _norm(a), _norm(b)
    # "Seattle" and "Seattle federal district court" name one court at two precisions.
    return na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


def _specific(arg: str, a, b):
    if arg == "date":
        return more_specific(a, b)
    if arg == "place" and places.country_named(str(a)):
        return b
    if arg == "place" and places.country_named(str(b)):
        return a
    return max(a, b, key=lambda v: len(_norm(v)))


def _same_event(event: Event, fact: CaseFact) -> bool:
    mine, theirs = event.date, fact.args.get("date")
    if not mine or not isinstance(theirs, str):
        return True
    if dates_agree(mine, theirs):
        return True
    gap = days_apart(mine, theirs)
    return gap is not None and gap <= SAME_EVENT_DAYS


def _versions(arg: str, reports: list[tuple[object, CaseFact]]) -> list[Version]:
    versions: list[Version] = []
    for value, fact in reports:
        for version in versions:
            if values_agree(arg, version.value, value):
                version.value = _specific(arg, version.value, value)
                version.sources.append(fact.source)
                break
        else:
            versions.append(Version(value, [fact.source]))
    # The best-supported version first; among equals, the most specific.
    versions.sort(key=lambda v: (-len({s.story for s in v.sources}), -len(_norm(v.value))))
    return versions


def _finish(type_: str, subject: str, members: list[CaseFact]) -> Event:
    args: dict = {}
    conflicts: dict[str, list[Version]] = {}
    names = sorted({arg for fact in members for arg in fact.args})
    for arg in names:
        reports = [(value, fact) for fact in members
                   for value in (fact.args[arg] if isinstance(fact.args.get(arg), list) else [fact.args.get(arg)])
                   if value not in (None, "")]
        if not reports:
            continue
        versions = _versions(arg, reports)
        if arg in LIST_ARGS:
            args[arg] = [v.value for v in versions]
            continue
        args[arg] = versions[0].value
        if len(versions) > 1:
            conflicts[arg] = versions
    return Event(type=type_, subject=subject, args=args, sources=[f.source for f in members], conflicts=conflicts)


def merge_events(facts: Iterable[CaseFact]) -> list[Event]:
    """Group one person's facts into events; dated reports first, so undated ones join a dated event."""
    groups: dict[tuple[str, str], list[CaseFact]] = {}
    for fact in facts:
        groups.setdefault((fact.subject, fact.type), []).append(fact)
    events: list[Event] = []
    for (subject, type_), members in groups.items():
        members.sort(key=lambda f: (0 if isinstance(f.args.get("date"), str) else 1,
                                    -len(str(f.args.get("date") or ""))))
        clusters: list[list[CaseFact]] = []
        for fact in members:
            for cluster in clusters:
                if _same_event(_finish(type_, subject, cluster), fact):
                    cluster.append(fact)
                    break
            else:
                clusters.append([fact])
        events.extend(_finish(type_, subject, cluster) for cluster in clusters)
    return events
