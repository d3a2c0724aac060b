"""Which outlet published a page: from its web address, its agency tag, or its own furniture.

``data/outlets.tsv`` is a gazetteer of news organisations and wire agencies with
their other names and web domains; a page's outlet is given its canonical name
from there when the gazetteer knows it, and otherwise as the page writes it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Outlet, ...]:
    text = resources.files("dossier").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    return tuple(
        Outlet(name=row[0], aliases=tuple(a for a in row[1].split("|") if a) if len(row) > 1 else (),
               domains=tuple(d for d in row[2].split("|") if d) if len(row) > 2 else ())
        for row in rows
    )


def _key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.casefold()).strip()


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in gazetteer():
        for name in (outlet.name, *outlet.aliases):
            index.setdefault(_key(name), outlet)
    return index


def by_name(name: str) -> Outlet | None:
    """The gazetteer's outlet for a name as written ("AP", "Keystone SDA"), if it knows it.

    Names of two or three letters must match in capitals, so that a word such as
    "Time" or "Dawn" written in a sentence is not mistaken for an outlet.
    """
    outlet = _by_name().get(_key(name))
    if outlet is None:
        return None
    if len(name.strip()) <= 3 and not name.strip().isupper():
        return None
    return outlet


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[" and other addresses that are none
        return None
    return host.lower().removeprefix("www.") if host else None


def by_url(url: str | None) -> str | None:
    """The gazetteer's outlet for a web address, if it knows the site."""
    host = host_of(url)
    if not host:
        return None
    for outlet in gazetteer():
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            return outlet.name
    return None


def canonical(name: str) -> str:
    outlet = by_name(name)
    return outlet.name if outlet else name.strip()
