"""A person's events in time order, and where their case stands."""
from __future__ import annotations

from .merge import date_parts
from .records import Event

# Where an event falls in a case's course, for ordering events of one day or with no date.
LIFECYCLE = ["arrest", "transfer", "charge", "conviction", "sentence", "custody", "visit", "statement",
             "release", "exchange"]
STATUS = {"arrest": "detained", "transfer": "detained", "charge": "detained", "custody": "detained",
          "visit": "detained", "conviction": "convicted", "sentence": "convicted", "release": "released",
          "exchange": "exchanged"}


def when(event: Event) -> str | None:
    """The event's date, or else the earliest date an article reported it ("as of")."""
    if event.date:
        return event.date
    published = sorted(s.published for s in event.sources if s.published)
    return published[0] if published else None


def _stage(event: Event) -> int:
    return LIFECYCLE.index(event.type) if event.type in LIFECYCLE else len(LIFECYCLE)


def _date_key(value: str | None, sources) -> tuple[int, int, int]:
    year, month, day = date_parts(value) or (None, None, None)
    if year is None:  # with the year unknown, the earliest year its articles can have been written in
        floors = [s.year_floor for s in sources if s.year_floor] + [
            p[0] for s in sources if (p := date_parts(s.published)) and p[0]]
        year = max(floors) if floors else 9999
    return (year, month or 13, day or 32)


def sort_key(event: Event) -> tuple:
    return (*_date_key(when(event), event.sources), _stage(event))


def ordered(events: list[Event]) -> list[Event]:
    """Dated events by date; an undated one just before the first dated event of a later stage of a
    case (a charge before the verdict), else at the date it was reported."""
    dated = sorted((e for e in events if e.date), key=sort_key)
    timeline = list(dated)
    for event in sorted((e for e in events if not e.date), key=sort_key):
        later = next((i for i, d in enumerate(timeline) if d.date and _stage(d) > _stage(event)
                      and _date_key(d.date, d.sources) <= sort_key(event)[:3]), None)
        if later is None:
            later = next((i for i, d in enumerate(timeline) if sort_key(d) > sort_key(event)), len(timeline))
        timeline.insert(later, event)
    return timeline


def status(events: list[Event]) -> tuple[str | None, str | None]:
    """The latest status (detained, convicted, released, exchanged) and the date of the latest event."""
    timeline = [e for e in ordered(events) if e.type in STATUS]
    if not timeline:
        return None, None
    latest = timeline[-1]
    return STATUS[latest.type], when(latest)
