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


def sort_key(event: Event) -> tuple:
    parts = date_parts(when(event)) or (None, None, None)
    year, month, day = parts
    stage = LIFECYCLE.index(event.type) if event.type in LIFECYCLE else len(LIFECYCLE)
    # A date without a known year sorts with the latest year its sources could have been written in.
    if year is None:
        years = [p[0] for s in event.sources if (p := date_parts(s.published)) and p[0]]
        year = max(years) if years else 9999
    return (year, month or 13, day or 32, stage)


def ordered(events: list[Event]) -> list[Event]:
    return sorted(events, key=sort_key)


def status(events: list[Event]) -> tuple[str | None, str | None]:
    """The latest status (detained, convicted, released, exchanged) and the date of the latest event."""
    timeline = [e for e in ordered(events) if e.type in STATUS]
    if not timeline:
        return None, None
    latest = timeline[-1]
    return STATUS[latest.type], when(latest)
