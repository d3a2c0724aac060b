"""Case files for people and programs: timelines, the case list, the exchange ledger, statements."""
from __future__ import annotations

import re
from html import escape

from ..cases.merge import date_parts
from ..cases.records import Event
from ..cases.timeline import when

_VERBS = {"arrest": "arrested", "transfer": "transferred", "charge": "charged", "conviction": "convicted",
          "sentence": "sentenced", "custody": "held", "release": "released", "exchange": "exchanged",
          "visit": "visited", "statement": "said"}
_PREPOSITIONS = {"place": "in", "country": "in", "by": "by", "requested_by": "at the request of", "from": "from",
                 "to": "to", "manner": "by", "charge": "for", "court": "by", "term": "to", "fine": "and a fine of",
                 "facility": "at", "visitor": "by", "counterpart": "for"}


def duration_text(term: str) -> str:
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", term or "")
    if not match:
        return term
    units = ("year", "month", "week", "day")
    return " ".join(f"{n} {unit}{'s' if n != '1' else ''}" for n, unit in zip(match.groups(), units) if n)


def value_text(arg: str, value) -> str:
    if isinstance(value, list):
        return ", ".join(value_text(arg, v) for v in value)
    if arg == "term":
        return duration_text(value)
    if arg == "fine":
        amount, _, currency = str(value).partition(" ")
        try:
            return f"{float(amount):,.0f} {currency}".strip()
        except ValueError:
            return str(value)
    return str(value)


def fine_value(value) -> dict | None:
    """"170000000 USD" -> {"amount": 170000000, "currency": "USD"}; None for a sum that is not one."""
    amount, _, currency = str(value).partition(" ")
    try:
        number = float(amount)
    except ValueError:
        return None
    return {"amount": int(number) if number.is_integer() else number, "currency": currency or None}


def typed_value(arg: str, value):
    """An argument's value for programs: a fine as amount and currency, a term its ISO 8601 duration, lists
    as lists; names, places and dates as the text gives them."""
    if isinstance(value, list):
        return [typed_value(arg, v) for v in value]
    return fine_value(value) if arg == "fine" else value


def describe(event: Event) -> str:
    """One line a person reads: "sentenced to 27 years and a fine of 170,000,000 USD by Seattle court"."""
    parts = [_VERBS.get(event.type, event.type)]
    for arg in ("term", "fine", "counterpart", "charge", "by", "requested_by", "visitor", "facility", "place",
                "country", "from", "to", "court", "manner"):
        if arg == "country" and event.args.get("country") in (event.args.get("place"), event.args.get("by")):
            continue
        if event.args.get(arg):
            parts.append(f"{_PREPOSITIONS[arg]} {value_text(arg, event.args[arg])}")
    return " ".join(parts)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def timelinejs(person: str, events: list[Event]) -> dict:
    """The JSON that Knight Lab's TimelineJS loads: one slide per event with a known year."""
    slides = []
    for event in events:
        parts = date_parts(when(event))
        if not parts or parts[0] is None:
            continue
        start = {"year": str(parts[0])}
        if parts[1]:
            start["month"] = str(parts[1])
        if parts[2]:
            start["day"] = str(parts[2])
        # TimelineJS renders this text as HTML: everything from an article is escaped.
        sources = "".join(f"<li>{escape(s.outlet or s.doc_id)}: {escape(s.evidence)}</li>" for s in event.sources)
        claimed = f"<p>Claimed by {escape(', '.join(event.claimed_by))}.</p>" if event.claimed_by else ""
        slide = {"start_date": start, "group": event.type,
                 "text": {"headline": escape(_sentence_case(describe(event))), "text": f"{claimed}<ul>{sources}</ul>"}}
        if not event.date:
            slide["display_date"] = f"reported {when(event)}"
        slides.append(slide)
    return {"title": {"text": {"headline": escape(person), "text": "Case timeline, with the sources of each event"}},
            "events": slides}
