"""Server-side SVG layouts: a case's events on a time axis, statements per year as bars.

Only numbers and short labels come out of here; the templates draw them (escaped).
"""
from __future__ import annotations

import math

from ..cases.merge import date_parts
from .text import human_date

WIDTH = 960
MARGIN = 24
UNKNOWN_ZONE = 150  # room at the right for events whose year no source gives
LANE = 34  # a label is two lines: what happened, and when
MAX_LANES = 6
CHAR = 6.6  # average width of a label character, for keeping labels apart

LABELS = {"arrest": "Arrested", "transfer": "Transferred", "charge": "Charged", "conviction": "Convicted",
          "sentence": "Sentenced", "custody": "Held", "release": "Released", "exchange": "Exchanged",
          "visit": "Visited", "statement": "Statement"}


def _year_fraction(parts: tuple[int | None, int | None, int | None]) -> float:
    year, month, day = parts
    return year + ((month or 7) - 1) / 12 + ((day or (15 if month else 1)) - 1) / 365


def timeline(rows: list[dict]) -> dict:
    """Positions for the case-file timeline. Each row needs "type", "when", "claimed", "conflicts"."""
    dated = {}
    for i, row in enumerate(rows):
        parts = date_parts(row.get("when"))
        if parts and parts[0]:
            dated[i] = _year_fraction(parts)
    undated = [i for i in range(len(rows)) if i not in dated]
    right = WIDTH - MARGIN - (UNKNOWN_ZONE if undated and dated else 0)
    zone = None
    if undated:
        zone = {"x0": right + 20 if dated else MARGIN, "x1": WIDTH - MARGIN,
                "label": "year not reported" if dated else "dates not reported"}

    ticks: list[dict] = []
    xs: dict[int, float] = {}
    if dated:
        low, high = min(dated.values()), max(dated.values())
        pad = max((high - low) * 0.06, 0.35)
        start, end = low - pad, high + pad
        span = end - start
        step = 1 if span <= 10 else 2 if span <= 20 else 5
        for year in range(math.ceil(start), math.floor(end) + 1):
            if year % step == 0:
                ticks.append({"x": round(MARGIN + (year - start) / span * (right - MARGIN), 1), "label": str(year)})
        for i, t in dated.items():
            xs[i] = MARGIN + (t - start) / span * (right - MARGIN)
    if zone:
        gap = (zone["x1"] - zone["x0"]) / (len(undated) + 1)
        for n, i in enumerate(undated, 1):
            xs[i] = zone["x0"] + n * gap

    # Markers of one day side by side rather than on top of each other.
    order = sorted(xs, key=lambda i: (xs[i], i))
    last = -1e9
    for i in order:
        if xs[i] - last < 15:
            xs[i] = last + 15
        last = xs[i]

    lanes: list[float] = []  # right edge of the last label in each lane
    markers = []
    for i in order:
        row, x = rows[i], xs[i]
        title = LABELS.get(row["type"], row["type"].capitalize())
        sub = (human_date(row["date"]) if row.get("date") else
               f"reported {human_date(row['when'])}" if row.get("when") else "date not reported")
        width = CHAR * max(len(title), len(sub)) + 10
        anchor_end = x + width > WIDTH - 4
        left = x - width + 6 if anchor_end else x - 6
        lane = next((k for k, edge in enumerate(lanes) if edge <= left), None)
        if lane is None:
            if len(lanes) < MAX_LANES:
                lanes.append(0)
                lane = len(lanes) - 1
            else:
                lane = min(range(len(lanes)), key=lambda k: lanes[k])
        lanes[lane] = left + width + 4
        markers.append({"index": i, "x": round(x, 1), "lane": lane, "title": title, "sub": sub,
                        "anchor": "end" if anchor_end else "start", "text_x": round(x + 6 if anchor_end else x - 6, 1),
                        "event": row["type"], "claimed": row["claimed"], "conflict": bool(row.get("conflicts")),
                        "tooltip": f"{sub}: {row['headline']}"})
    axis_y = 46 + (max(len(lanes), 1) - 1) * LANE
    for m in markers:
        # Lane 0 sits just above the axis, higher lanes further up; the stem joins label and marker.
        m["label_y"] = axis_y - 30 - m["lane"] * LANE
        m["stem_top"] = m["label_y"] + 17
    return {"width": WIDTH, "height": axis_y + 34, "axis_y": axis_y, "axis_x0": MARGIN,
            "axis_x1": right if dated else None, "ticks": ticks, "zone": zone, "markers": markers}


def bars(counts: dict[str | None, int], selected: str | None = None) -> dict | None:
    """Statements per year: one bar for every year from the first to the last, undated apart."""
    years = sorted(int(y) for y in counts if y)
    labels = [str(y) for y in range(years[0], years[-1] + 1)] if years else []
    if counts.get(None):
        labels.append("undated")
    if not labels:
        return None
    tallest = max(counts.values())
    slot, bar, height = 56, 36, 120
    items = []
    for n, label in enumerate(labels):
        count = counts.get(None if label == "undated" else label, 0)
        h = round(height * count / tallest) if count else 0
        items.append({"label": label, "count": count, "x": 10 + n * slot, "width": bar, "height": h,
                      "y": 20 + height - h, "selected": label == selected})
    return {"width": 20 + len(labels) * slot, "height": height + 46, "base": 20 + height, "bars": items}
