"""Fuzzing: the readers, cleaning, the temporal model and fact extraction on generated input.

    python benchmarks/fuzz.py [--examples 10000] [--only NAME,NAME] [--seed N]

Each property runs on --examples generated inputs (hypothesis strategies below, plus a
few hand-picked nasty inputs that always run first); the costly ones run on a fraction,
which the output states. An input fails when the function raises anything but its
documented refusal, or returns something outside the documented shape. The output gives,
per property, the inputs tried and failed with the first failing input shortened and
each distinct failure, then a total; the exit status is 1 when any input failed.

tests/test_fuzz.py runs the same properties on fewer, fixed inputs.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, seed, settings
from hypothesis import strategies as st

import dossier
from dossier.clean import clean
from dossier.extract.schema import DATE, FACT_TYPES, FINE, TERM
from dossier.read import read_corpus
from dossier.read.decode import DecodeError, decode
from dossier.records import Article, EntityRef, ReadProblem, SourceItem
from dossier.temporal import Anchor, infer_anchor, parse_calendar_date, parse_duration, parse_money, resolve_date

# ------------------------------------------------------------------ fragments

# Characters that trip up text handling: direction marks and overrides, joiners, combining marks, the
# line breaks str.splitlines() honours besides "\n", NUL, the BOM, letters whose case-folded form is
# longer (offsets computed on folded text drift), astral emoji sequences, scripts other than Latin.
ODD_CHARS = ["\u200f", "\u200e", "\u202e", "\u2066", "\u0301", "\u0308\u0308\u0308", "\u200d", "\u200b", "\ufeff",
             "\x00", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\r", "\r\n", "\t", "\xa0", "\ufffd",
             "İ", "ß", "ﬁ", "ŉ", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "👍🏽", "Жук", "محمد", "中国",
             "ﷺ", "\u0e33", "\U0001d400", "０１２", "٣"]

# Lines news pages carry: datelines, bylines, furniture, dates written every way.
PAGE_LINES = ["MOSCOW, February 1. /TASS/.", "KYIV (Reuters) -", "BEIRUT, March 3 (Reuters) - ", "LONDON — ",
              "Tehran, Iran – ", "ROME (UrduPoint News / Sputnik - 21st March, 2023)", "Read more:",
              "Photo: Jane Doe/AFP", "© 2024 The Harbour Times. All rights reserved.", "Home | World | Sport",
              "Welcome to The Daily Planet", "By John Smith and Jane Doe", "Advertisement", "0 comments",
              "Published: 2 August 2024 11:37", "Updated 10.45 am GMT", "2.8.2024 - 11:37", "April 6",
              "Friday, February 30, 2021", "Posted on 31/31/2020", "the year 10000", "Share", "|", "(c)",
              "Copyright ©", "Leave a comment", "Related:", "Sign in", "We use cookies"]

WORDS = ["the", "court", "said", "on", "Thursday", "was", "arrested", "in", "Moscow", "U.S.", "—", "“", "”", "«",
         "»", "„", "'", '"', "...", "?!", "(", ")", ";", ":", "-", "/", "\\", "&", "#", "@", "$", "€", "%", "*"]

BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
ENCODINGS = ["utf-8", "cp1252", "latin-1", "cp1251", "koi8_r", "shift_jis", "gb18030", "big5", "euc_kr",
             "utf-16-le", "utf-16-be", "utf-32-le", "iso8859_7", "cp1256", "mac_roman"]
# Charsets a page's <meta> may declare, with names that are no text encoding or do not decode at all.
DECLARED = ["utf-8", "UTF8", "latin-1", "windows-1252", "cp1251", "shift_jis", "utf-16", "utf-7", "ascii",
            "idna", "punycode", "unicode_escape", "raw_unicode_escape", "undefined", "rot13", "hex", "base64",
            "zlib", "bogus-charset", "x-user-defined", "mbcs", "oem", "palmos", "utf-8-sig", "utf_32"]

MONTHS = ["January", "February", "Feb.", "Febuary", "March", "April", "May", "June", "July", "August", "Sept.",
          "september", "Oct", "December", "dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "thurs."]
DATE_WORDS = ["on", "in", "since", "from", "by", "during", "early", "earlier", "late", "later", "mid-", "the",
              "end", "beginning", "start", "middle", "summer", "of", "last", "this", "next", "ago", "today",
              "yesterday", "tonight", "morning", "evening", "year", "years", "month", "months", "week", "weeks",
              "day", "days", "decade", "a", "an", "half", "two", "twenty", "fifty", "and", "st", "th", ","]
NASTY_DATES = ["February 30", "February 30, 2021", "30 February 2021", "the year 10000", "31/31/2020",
               "00/00/0000", "2020-02-30", "29 February 2023", "1000000 days ago", "99999 years ago",
               "9" * 500 + " years ago", "9" * 500 + " days ago", "9" * 5000 + " weeks ago", "0 days ago",
               "last Febuary", "next December", "on Thursday", "yesterday", "1 January 10000", "December 31, 9999",
               "٣ days ago", "۱۲ years ago", "the summer of 2019", "mid-May", "32.13.2020", "2020/13/32"]

PUBLISHED = ["2024-08-02", "2017-04", "2017", "XXXX-04-06", "XXXX-02-29", "XXXX-02-30", "2023-02-30",
             "2021-02-29", "2020-13-01", "2020-00-00", "0000-01-01", "0001-01-01", "9999-12-31", "XXXX",
             "XXXX-13-45", "2020-1-1", "20200101", "2024-02-29T25:61:00", " 2019-05-05 ", "February 30, 2021",
             "tomorrow", "", "10000-01-01"]

URLS = ["https://www.bbc.co.uk/news/world-europe-63905112", "tass.com/politics/1", "http://[", "http://[::1]/x",
        "http://a\u2100b/", "http://x:99999999/", "https://user:pass@host:port/", "javascript:alert(1)", "//",
        "http://xn--.com", "https://www.reuters.com/" + "a" * 3000, "http://%zz/", "https://例子.测试/", " "]

NAMES = ["Roman Seleznev", "Viktor Bout", "Paul Whelan", "Brittney Griner", "Evan Gershkovich", "Trevor Reed",
         "Ahmad-Reza Djalali", "İbrahim Öztürk", "Jean-Luc d'Arnaud", "Sean O'Brien", "Li Wei", "Виктор Бут",
         "Mohammed bin Salman", "Dr. Anne-Marie Smith-Jones", "J. R. R. Tolkien", "Vadim Krasikov",
         "Alexander Vinnik", "X Æ A-12", "Siamak Namazi\u200f", "Kim Jong\u200dUn", "Ms. Nouri", "He", "She",
         "The 45-year-old", "Mr Seleznev", "Seleznev", "Zelesnyov", "ROMAN SELEZNEV", "Smith"]
TRIGGERS = ["was arrested", "was detained", "was extradited to the United States", "was extradited",
            "was sentenced to", "was exchanged for", "was swapped for", "was released", "was convicted of",
            "was charged with", "was fined", "was visited by", "was freed in a prisoner swap for",
            "is being held in", "remains in custody in", "was handed over to", "was found guilty of",
            "pleaded guilty to", "was jailed for", "was taken into custody", "faces charges of",
            "was abducted", "arrested", "extradited", "sentenced", "exchanged"]
PLACES = ["in Moscow", "at Sheremetyevo airport", "in Evin prison in Tehran", "in Lefortovo", "in Barcelona",
          "in the Maldives", "in São Paulo", "in Zürich", "in Penal Colony No. 9", "in Mordovia", "at home"]
REQUESTS = ["at the request of the US", "on a US warrant", "by Spanish police", "by American agents",
            "by the FBI", "at the request of Turkey"]
OFFENCES = ["espionage", "cyber fraud", "drug smuggling", "treason", "money laundering", "hooliganism"]
CLAIMS = ["According to the ministry, ", "The embassy said that ", "The lawyer said: \"", "“", "\"", "«", "„",
          "Russia's foreign ministry claimed ", "The ministry said in a statement that ", "'", "(", ""]
TAILS = [".", "!", "?!", "...", " —", ";", "", ",\" the ministry said.", "\" he said", ")))", "(((", ",”",
         ", the embassy said.", " »", ".\u200f", "\u2028"]


def _digits(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    # Drawn as one integer: drawing hundreds of characters one by one would cost more than the checks.
    return st.integers(10 ** (min_size - 1), 10 ** max_size - 1).map(str)


def _repeat(part: st.SearchStrategy[str], low: int, high: int) -> st.SearchStrategy[str]:
    """A fragment repeated many times: long inputs without hypothesis drawing every character."""
    return st.builds(lambda p, n: p * n, part, st.integers(low, high))


ODD_NUMBERS = ["1,000,000", "1,,,000", "1.2.3", "0.0000001", "00", "٣", "۱۲", "０１２", "1e400", "-5", "½"]


def numbers() -> st.SearchStrategy[str]:
    """Numbers as articles write them, and as no article should: hundreds of digits, odd separators.

    Runs of thousands of digits come only from hand-picked inputs (NASTY_DATES, the JSON lines):
    parse_duration and parse_money take time quadratic in the length of a digit run not followed
    by what they look for, and generated text glues numbers into runs tens of thousands long."""
    return st.one_of(
        st.integers(0, 10**7).map(str), _digits(1, 40), _digits(100, 600),
        st.builds(lambda a, b: f"{a}.{b}", _digits(1, 20), _digits(1, 20)), st.sampled_from(ODD_NUMBERS))


def unicode_text(max_parts: int = 24) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
                              st.sampled_from(ODD_CHARS), st.sampled_from(WORDS), st.sampled_from(PAGE_LINES),
                              _digits(1, 12), st.sampled_from(ODD_NUMBERS)), max_size=max_parts).map("".join)


def lines_text() -> st.SearchStrategy[str]:
    """A plain-text page: lines of furniture, prose, odd characters, and now and then one very long line."""
    prose = st.lists(st.sampled_from(WORDS + NAMES + TRIGGERS + MONTHS), min_size=3, max_size=30).map(" ".join)
    line = st.one_of(unicode_text(12), st.sampled_from(PAGE_LINES), prose, _repeat(prose, 20, 400))
    return st.tuples(st.lists(line, max_size=20), st.sampled_from(["\n", "\r\n", "\n\n", "\r", "\u2028"])).map(
        lambda parts: parts[1].join(parts[0]))


# ------------------------------------------------------------------ HTML

TAGS = ["div", "p", "span", "a", "b", "table", "tr", "td", "ul", "li", "h1", "h2", "title", "meta", "script",
        "style", "figure", "figcaption", "article", "main", "header", "nav", "footer", "br", "hr", "img", "iframe",
        "svg", "math", "template", "noscript", "form", "select", "textarea", "xmp", "plaintext", "html", "head",
        "body", "base", "time", "blockquote", "pre", "object", "video", "audio", "canvas", "picture", "table><p"]
ATTRS = ["class", "id", "href", "charset", "content", "property", "name", "itemprop", "datetime", "src", "lang"]
ATTR_VALUES = ["og:title", "og:site_name", "og:url", "article:published_time", "datePublished", "description",
               "2023-02-30", "99999-99-99", "http://[", "utf-8", "undefined", "main", "article-body", "caption"]
HTML_BITS = ["&amp;", "&#0;", "&#xD800;", "&#x110000;", "&#99999999999;", "&nbsp", "&lt;", "&bogus;", "&#", "&",
             "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0' encoding='utf-8'?>",
             "<", ">", "</", "/>", "=\"", "'", "<script>", "</script>", '<script type="application/ld+json">',
             '{"@type": "NewsArticle", "datePublished": "2023-02-30", "headline": ', "]}}", "\x00"]


def _tag(name: str, attrs: list[tuple[str, str]], closing: bool) -> str:
    if closing:
        return f"</{name}>"
    return "<" + name + "".join(f' {k}="{v}"' for k, v in attrs) + ">"


def tag_soup() -> st.SearchStrategy[str]:
    tag = st.builds(_tag, st.sampled_from(TAGS),
                    st.lists(st.tuples(st.sampled_from(ATTRS),
                                       st.one_of(st.sampled_from(ATTR_VALUES), unicode_text(3))), max_size=3),
                    st.booleans())
    return st.lists(st.one_of(tag, st.sampled_from(HTML_BITS), unicode_text(6), st.sampled_from(PAGE_LINES)),
                    max_size=60).map("".join)


def nested_html() -> st.SearchStrategy[str]:
    """Deep nesting, closed or not: 2,000 <div>s is past what lxml and recursive tree walks like."""
    def nest(tag, depth, inner, closed):
        return f"<{tag}>" * depth + inner + (f"</{tag}>" * depth if closed else "")
    return st.builds(nest, st.sampled_from(["div", "p", "span", "table", "li", "b", "a", "blockquote"]),
                     st.one_of(st.integers(1, 300), st.integers(1000, 3000)), lines_text(), st.booleans())


def page_html() -> st.SearchStrategy[str]:
    """A page shaped like a news site's, its parts generated, so that the extractor takes the article path."""
    def page(title, site, h1, paragraphs, extra, caption):
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (f"<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"{site}\">"
                f"</head><body><nav>Home | World | Sport</nav><h1>{h1}</h1><article>{body}"
                f"<figure><img src=x><figcaption>{caption}</figcaption></figure>{extra}</article>"
                f"<footer>© 2024 {site}. All rights reserved.</footer></body></html>")
    return st.builds(page, unicode_text(6), unicode_text(3), unicode_text(6), st.lists(lines_text(), max_size=8),
                     tag_soup(), unicode_text(6))


def fragment_html() -> st.SearchStrategy[str]:
    """A page that is one element holding paragraphs: lxml makes that element the tree's root."""
    return st.builds(lambda tag, paragraphs: f"<{tag}>" + "".join(f"<p>{p}</p>" for p in paragraphs) + f"</{tag}>",
                     st.sampled_from(TAGS), st.lists(unicode_text(8), min_size=1, max_size=4))


def html_text() -> st.SearchStrategy[str]:
    return st.one_of(tag_soup(), nested_html(), page_html(), fragment_html())


# ------------------------------------------------------------------ bytes

def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="ignore")


def mixed_bytes() -> st.SearchStrategy[bytes]:
    """Pieces of text in different encodings, glued, sometimes behind a byte-order mark, sometimes long."""
    piece = st.one_of(st.builds(_encode, unicode_text(8), st.sampled_from(ENCODINGS)), st.binary(max_size=64))
    glued = st.lists(piece, max_size=6).map(b"".join)
    return st.one_of(
        st.binary(max_size=2048),
        glued,
        st.builds(lambda bom, rest: bom + rest, st.sampled_from(BOMS), st.one_of(glued, st.binary(max_size=256))),
        st.builds(lambda chunk, n: chunk * n, glued, st.integers(1, 100)),
    )


def decode_inputs() -> st.SearchStrategy[tuple[bytes, str | None]]:
    return st.tuples(mixed_bytes(), st.one_of(st.none(), st.sampled_from(DECLARED)))


def encoded_texts() -> st.SearchStrategy[tuple[str, str]]:
    """Text and one of the ways an editor saves it: UTF-8 with or without BOM, UTF-16 or UTF-32 with BOM."""
    return st.tuples(unicode_text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"]))


def file_inputs() -> st.SearchStrategy[tuple[str, bytes]]:
    """A single-article file: its suffix and its bytes (HTML with a declared charset, gzip whole or broken)."""
    def html(charset, text, encoding):
        return f'<html><head><meta charset="{charset}"></head><body><p>'.encode("ascii") + _encode(text, encoding)

    def gz(data, cut, junk):
        packed = gzip.compress(data)
        return packed[: max(0, len(packed) - cut)] + junk

    content = st.one_of(mixed_bytes(), st.builds(html, st.sampled_from(DECLARED), unicode_text(),
                                                 st.sampled_from(ENCODINGS)))
    return st.one_of(
        st.tuples(st.sampled_from([".txt", ".html", ".htm"]), content),
        st.tuples(st.just(".html.gz"), st.one_of(mixed_bytes(), st.builds(
            gz, content, st.integers(0, 40), st.one_of(st.just(b""), st.binary(max_size=16))))))


# ------------------------------------------------------------------ JSON Lines

def _json_value() -> st.SearchStrategy:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), unicode_text(8),
                        st.sampled_from([10**400, -(10**300)]))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                        max_leaves=8)


def _record() -> st.SearchStrategy[dict]:
    keys = st.sampled_from(["id", "url", "published", "title", "text", "html", "extra"])
    return st.dictionaries(keys, st.one_of(_json_value(), st.sampled_from(URLS + PUBLISHED), unicode_text(8)),
                           max_size=6)


def _dumps(value, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


def jsonl_files() -> st.SearchStrategy[str]:
    """A JSON Lines file: objects of every field type, truncated or invalid JSON, bare values,
    deep nesting, numbers of thousands of digits, escaped lone surrogates, Windows line ends."""
    good = st.builds(_dumps, _record(), st.booleans())
    broken = st.one_of(
        st.builds(lambda line, cut: line[:cut], good, st.integers(0, 60)),
        st.builds(lambda n: "[" * n, st.integers(1, 200_000)),
        st.builds(lambda n: '{"text": "x", "id": ' + "9" * n + "}", st.integers(1, 6000)),
        st.builds(lambda n: '{"text": ' + "1" * n + "}", st.integers(4000, 6000)),
        st.sampled_from(['{"text": "abc \\ud800 def"}', '{"text": "x", "id": "\\udfff"}', "NaN", "[]", "null",
                         '{"text": Infinity}', '{"text": "x"}{"text": "y"}', "\ufeff{}", '{"text": "a\\u0000b"}',
                         '{"text": "x", "text": 5}', "{'text': 'single quotes'}"]),
        unicode_text(10),
    )
    return st.builds(lambda lines, end: end.join(lines), st.lists(st.one_of(good, broken), max_size=8),
                     st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))


def jsonl_records() -> st.SearchStrategy[list[tuple[dict, bool]]]:
    """Well-formed records, each with a text that has words, written with or without escaping non-ASCII."""
    text = unicode_text().filter(lambda t: t.strip())
    record = st.builds(lambda t, extra: {**extra, "text": t}, text,
                       st.dictionaries(st.sampled_from(["id", "url", "published", "title"]),
                                       st.one_of(unicode_text(4), st.sampled_from(URLS + PUBLISHED)), max_size=4))
    return st.lists(st.tuples(record, st.booleans()), min_size=1, max_size=5)


# ------------------------------------------------------------------ temporal

def published_values() -> st.SearchStrategy[str | None]:
    """Publication dates as sources give them: real ones at every precision, impossible ones, and junk."""
    real = st.dates()
    return st.one_of(
        st.none(), st.sampled_from(PUBLISHED), real.map(date.isoformat), real.map(lambda d: f"{d.year:04d}"),
        real.map(lambda d: f"{d.year:04d}-{d.month:02d}"), real.map(lambda d: f"XXXX-{d.month:02d}-{d.day:02d}"),
        st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.sampled_from(["2020", "2023", "XXXX", "0000"]),
                  st.integers(0, 99), st.integers(0, 99)),
        unicode_text(4))


def date_expressions() -> st.SearchStrategy[str]:
    part = st.one_of(st.sampled_from(DATE_WORDS), st.sampled_from(MONTHS), st.sampled_from(WEEKDAYS), numbers(),
                     st.builds(lambda a, s, b, c: f"{a}{s}{b}{s}{c}", numbers(), st.sampled_from("./-"),
                               numbers(), numbers()))
    return st.one_of(st.sampled_from(NASTY_DATES), st.lists(part, min_size=1, max_size=6).map(" ".join),
                     unicode_text(6))


def resolve_inputs() -> st.SearchStrategy[tuple[str, str | None, str]]:
    return st.tuples(date_expressions(), published_values(), anchor_bodies())


def anchor_inputs() -> st.SearchStrategy[tuple[str | None, str]]:
    return st.tuples(published_values(), anchor_bodies())


def anchor_bodies() -> st.SearchStrategy[str]:
    """Article openings with the clues infer_anchor reads: a weekday in the lead, the years named."""
    year = st.one_of(st.integers(1790, 2110).map(str), st.sampled_from(["10000", "0000"]))
    piece = st.one_of(st.sampled_from(WEEKDAYS).map(lambda w: f"on {w}"), year, st.sampled_from(NASTY_DATES),
                      unicode_text(4), st.just("\n"))
    return st.lists(piece, max_size=12).map(" ".join)


def durations() -> st.SearchStrategy[str]:
    unit = st.sampled_from(["year", "years", "month", "months", "week", "weeks", "day", "days", "-year", "decade"])
    return st.one_of(
        st.builds(lambda pre, n, half, u, post: f"{pre}{n}{half} {u}{post}", st.sampled_from(["", "to ", "for "]),
                  st.one_of(numbers(), st.sampled_from(["two", "a", "an", "half", "twenty", "zero"])),
                  st.sampled_from(["", " and a half", "-and-a-half"]), unit,
                  st.sampled_from(["", " in prison", " ago", "."])),
        unicode_text(6))


def money() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda pre, n, scale, post: f"{pre}{n}{scale}{post}",
                  st.sampled_from(["", "$", "US$", "€", "£", "¥", "₽", "USD ", "eur", "fined "]), numbers(),
                  st.sampled_from(["", " thousand", " million", "mln", " bn", "k", " billion billion"]),
                  st.sampled_from(["", " dollars", " euros", " roubles", " yuan", " GBP", "."])),
        st.builds(lambda n: "$" + "9" * n, st.integers(300, 700)), unicode_text(6))


# ------------------------------------------------------------------ articles for fact extraction

def sentences() -> st.SearchStrategy[str]:
    date_phrase = st.one_of(st.sampled_from(NASTY_DATES).map(lambda d: f"on {d}"),
                            st.builds(lambda m, d, y: f"on {m} {d}, {y}", st.sampled_from(MONTHS), numbers(),
                                      numbers()),
                            st.sampled_from(["last Thursday", "yesterday", "in August 2016", "on April 21, 2017",
                                             "earlier this month", "two years ago"]))
    extra = st.one_of(
        date_phrase, st.sampled_from(PLACES), st.sampled_from(REQUESTS),
        st.sampled_from(OFFENCES).map(lambda o: f"for {o}"), st.sampled_from(NAMES),
        durations().map(lambda d: f"to {d} in prison"), money().map(lambda m: f"and fined {m}"),
        st.sampled_from(ODD_CHARS), st.sampled_from(WORDS), numbers())
    return st.builds(lambda claim, name, appos, trigger, extras, tail: f"{claim}{name}{appos} {trigger} "
                     + " ".join(extras) + tail,
                     st.sampled_from(CLAIMS), st.sampled_from(NAMES),
                     st.sampled_from(["", ", a 45-year-old Russian national,", " (pictured)", ", 38,",
                                      " – who denies wrongdoing –", ", the \"merchant of death\","]),
                     st.sampled_from(TRIGGERS), st.lists(extra, max_size=5), st.sampled_from(TAILS))


def fact_articles() -> st.SearchStrategy[tuple[str, str | None]]:
    """(body, published): a few generated sentences, perhaps under a wire dateline, in one or more paragraphs."""
    opening = st.sampled_from(["", "MOSCOW, February 1. /TASS/. ", "KYIV (Reuters) - ", "LONDON — ",
                               "WASHINGTON, February 30 (AP) — "])
    body = st.builds(lambda first, parts, sep: first + sep.join(parts), opening,
                     st.lists(sentences(), min_size=1, max_size=5), st.sampled_from([" ", "\n", "\n\n", "  "]))
    return st.tuples(body, published_values())


# ------------------------------------------------------------------ shapes

_PARTIAL_DATE = re.compile(r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?")
_DURATION = re.compile(r"P\d+(?:\.\d+)?[YMWD]")
_MONEY = re.compile(r"\d+ [A-Z]{3}")


def assert_partial_date(value, what: str) -> None:
    """A partial ISO date of a day that exists: "2017", "XXXX-04", "2017-04-21", "XXXX-02-29"."""
    assert isinstance(value, str) and _PARTIAL_DATE.fullmatch(value), f"{what}: not a partial ISO date: {value!r}"
    parts = value.split("-")
    if len(parts) > 1:
        assert 1 <= int(parts[1]) <= 12, f"{what}: no such month: {value!r}"
    if len(parts) > 2:
        year = 2000 if parts[0] == "XXXX" or parts[0] == "0000" else int(parts[0])  # 2000 has every day
        try:
            date(year, int(parts[1]), int(parts[2]))
        except ValueError:
            raise AssertionError(f"{what}: no such day: {value!r}") from None


def assert_duration(value, what: str) -> None:
    assert isinstance(value, str) and _DURATION.fullmatch(value), f"{what}: not an ISO 8601 duration: {value!r}"
    assert float(value[1:-1]) > 0, f"{what}: empty duration: {value!r}"


def assert_money(value, what: str) -> None:
    assert isinstance(value, str) and _MONEY.fullmatch(value), f"{what}: not '<amount> <ISO code>': {value!r}"


def assert_anchor(anchor, what: str) -> None:
    assert isinstance(anchor, Anchor), f"{what}: not an Anchor: {anchor!r}"
    for part in (anchor.year, anchor.month, anchor.day):
        assert part is None or type(part) is int, f"{what}: {anchor!r}"
    if anchor.month is not None:
        assert 1 <= anchor.month <= 12, f"{what}: no such month: {anchor!r}"
    if anchor.day is not None:
        assert anchor.month is not None, f"{what}: a day without its month: {anchor!r}"
        try:
            date(anchor.year or 2000, anchor.month, anchor.day)
        except ValueError:
            raise AssertionError(f"{what}: no such day: {anchor!r}") from None


def assert_article(article, item: SourceItem) -> None:
    assert isinstance(article, Article), f"not an Article: {article!r}"
    assert isinstance(article.body, str), f"body: {article.body!r}"
    assert article.doc_id == item.doc_id and article.raw == item.content, "Article not of its SourceItem"
    assert all(isinstance(line, str) for line in [*article.removed, *article.captions]), "removed/captions"
    for name in ("title", "outlet", "dateline", "language", "url"):
        value = getattr(article, name)
        assert value is None or isinstance(value, str), f"{name}: {value!r}"
    if article.published is not None:
        assert_partial_date(article.published, "Article.published")


# ------------------------------------------------------------------ properties

def check_decode(case: tuple[bytes, str | None]) -> None:
    data, declared = case
    try:
        text, encoding = decode(data, declared)
    except DecodeError:
        return
    assert isinstance(text, str) and isinstance(encoding, str) and encoding, f"returned {(text, encoding)!r}"


def check_decode_roundtrip(case: tuple[str, str]) -> None:
    """Text saved as UTF-8, or with a byte-order mark, comes back as it was (or is refused, never garbled)."""
    text, encoding = case
    if encoding == "utf-16" and text.startswith("\x00"):
        return  # its mark and first character read as UTF-32's mark: no decoder can tell them apart
    data = text.encode(encoding) if encoding != "utf-16-be" else b"\xfe\xff" + text.encode("utf-16-be")
    try:
        found, _ = decode(data)
    except DecodeError:
        return
    expected = text.removeprefix("\ufeff") if encoding == "utf-8" else text
    assert found == expected, f"decoded {found[:80]!r}, saved {expected[:80]!r}"


def _read_all(path: Path) -> list:
    found = list(read_corpus(path))
    for item in found:
        assert isinstance(item, (SourceItem, ReadProblem)), f"read_corpus yielded {item!r}"
        if isinstance(item, SourceItem):
            assert isinstance(item.content, str) and item.content.strip(), f"empty article: {item!r}"
    return found


def check_read_file(case: tuple[str, bytes]) -> None:
    suffix, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(data)
        found = _read_all(path)
        assert len(found) == 1, f"one file, {len(found)} results: {found!r}"


def check_read_jsonl(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        path.write_text(text, encoding="utf-8")
        _read_all(path)


def check_jsonl_roundtrip(records: list[tuple[dict, bool]]) -> None:
    """Every well-formed line with a text is one article, with that text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        path.write_text("".join(_dumps(r, ascii_only) + "\n" for r, ascii_only in records), encoding="utf-8")
        found = _read_all(path)
    problems = [p.message for p in found if isinstance(p, ReadProblem)]
    assert not problems, f"well-formed lines refused: {problems[:3]}"
    assert [i.content for i in found] == [r["text"] for r, _ in records], "texts differ from the records'"


def _check_clean(fmt: str, case: tuple) -> None:
    content, url, published, title = case
    item = SourceItem(doc_id="fuzz", origin="fuzz", format=fmt, content=content, content_hash="h", url=url,
                      published=published, title=title)
    assert_article(clean(item), item)


def _clean_inputs(content: st.SearchStrategy[str]) -> st.SearchStrategy[tuple]:
    """(content, url, published, title): a JSON line gives all four, and clean() reads them all."""
    return st.tuples(content, st.one_of(st.none(), st.sampled_from(URLS), unicode_text(3)), published_values(),
                     st.one_of(st.none(), unicode_text(6)))


def text_pages() -> st.SearchStrategy[tuple]:
    return _clean_inputs(lines_text())


def html_pages() -> st.SearchStrategy[tuple]:
    return _clean_inputs(html_text())


def check_clean_text(case: tuple) -> None:
    _check_clean("text", case)


def check_clean_html(case: tuple) -> None:
    _check_clean("html", case)


def check_resolve_date(case: tuple[str, str | None, str]) -> None:
    expression, published, body = case
    result = resolve_date(expression, infer_anchor(published, body))
    if result is not None:
        assert_partial_date(result, "resolve_date")


def check_calendar_date(text: str) -> None:
    result = parse_calendar_date(text)
    if result is not None:
        assert_partial_date(result, "parse_calendar_date")


def check_duration(text: str) -> None:
    result = parse_duration(text)
    if result is not None:
        assert_duration(result, "parse_duration")


def check_money(text: str) -> None:
    result = parse_money(text)
    if result is not None:
        assert_money(result, "parse_money")


def check_infer_anchor(case: tuple[str | None, str]) -> None:
    published, body = case
    assert_anchor(infer_anchor(published, body), "infer_anchor")


@lru_cache(maxsize=1)
def annotator():
    from dossier.annotate import Annotator
    from dossier.settings import Settings

    settings = Settings()
    return Annotator(settings.model, settings.components)


# Argument kinds (dossier/extract/schema.py) whose values have a documented form.
_KIND_SHAPES: dict[str, Callable] = {DATE: assert_partial_date, TERM: assert_duration, FINE: assert_money}


def check_facts(case: tuple[str, str | None]) -> None:
    """Clean, annotate, extract: no stage fails, and every offset and reference points inside the article."""
    body, published = case
    item = SourceItem(doc_id="fuzz", origin="fuzz", format="text", content=body, content_hash="h",
                      published=published, title="Headline of the story")
    [(annotation, _)] = list(annotator().annotate([clean(item)]))
    assert not annotation.failures, f"components failed: {annotation.failures}"
    text = annotation.article.body
    n_sentences, n_entities = len(annotation.sentences), len(annotation.entities)
    for s in annotation.sentences:
        assert 0 <= s.start <= s.end <= len(text), f"sentence outside the body: {s}"
    for m in annotation.mentions:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text, f"mention off its span: {m}"
        assert 0 <= m.sentence < n_sentences, f"mention's sentence: {m}"
    for e in annotation.entities:
        assert all(0 <= i < len(annotation.mentions) for i in e.mentions), f"entity's mentions: {e}"

    def ref_ok(value) -> bool:
        if isinstance(value, EntityRef):
            return 0 <= value.entity < n_entities
        return all(ref_ok(v) for v in value) if isinstance(value, list) else isinstance(value, str)

    for f in annotation.facts:
        assert f.type in FACT_TYPES, f"unknown fact type: {f.type!r}"
        assert 0 <= f.start <= f.end <= len(text), f"evidence outside the body: {f.start}..{f.end} of {len(text)}"
        assert 0 <= f.sentence < n_sentences, f"fact's sentence: {f}"
        assert all(0 <= s < n_sentences for s in [*f.sources.values(), *f.told_in]), f"sentence indices: {f}"
        assert ref_ok(f.subject) and (f.claimed_by is None or ref_ok(f.claimed_by)), f"entity reference: {f}"
        for key, value in f.args.items():
            assert ref_ok(value), f"argument {key} of {f.type}: {value!r}"
            kind = FACT_TYPES[f.type].arguments.get(key)
            if kind in _KIND_SHAPES and isinstance(value, str):
                _KIND_SHAPES[kind](value, f"{f.type}.{key}")


# ------------------------------------------------------------------ the list both runners use

@dataclass(frozen=True)
class Property:
    name: str
    strategy: Callable[[], st.SearchStrategy]  # a function, so that hypothesis shows its name, not its insides
    check: Callable
    examples: tuple = ()  # hand-picked inputs run before the generated ones
    share: int = 1  # the fuzz run gives it --examples // share inputs
    why_fewer: str = ""


def _date_cases(expressions):
    return [(e, p, "on Thursday 2017") for e in expressions for p in ("2024-08-02", "XXXX-02-01")]


PROPERTIES: list[Property] = [
    Property("decode_bytes", decode_inputs, check_decode,
             examples=((b"caf\xe9 au lait " * 20, "undefined"), (b"\xff\xfe\x00\x00\x00\xd8\x00\x00", None),
                       (b"\xfe\xff\xd8\x00", None), (b"\xef\xbb\xbf", None), (b"\x00" * 100, "utf-16"))),
    Property("decode_roundtrip", encoded_texts, check_decode_roundtrip,
             examples=(("Moscow\u2028court", "utf-8"), ("\ufeffhello", "utf-8-sig"), ("Жук", "utf-16"))),
    Property("read_file", file_inputs, check_read_file, share=2, why_fewer="large inputs, slow to generate",
             examples=((".html", b'<html><meta charset="undefined"><p>caf\xe9 caf\xe9 caf\xe9</p>'),
                       (".html.gz", gzip.compress(b"<p>hello</p>")[:10] + b"\xff" * 20),
                       (".txt", b"\xef\xbb\xbf \n\t"))),
    Property("read_jsonl", jsonl_files, check_read_jsonl, share=2, why_fewer="large inputs, slow to generate",
             examples=("[" * 3000, '{"text": "x", "id": ' + "9" * 5000 + "}", '{"text": "abc \\ud800 def"}',
                       '{"text": "ok"}\r\n\r\n\ufeff\n{"html": 5}')),
    Property("jsonl_roundtrip", jsonl_records, check_jsonl_roundtrip, share=4,
             why_fewer="several records per input, slow to generate",
             examples=([({"text": "line one\u2028line two"}, False)], [({"text": "a\x85b c"}, False)])),
    Property("clean_text", text_pages, check_clean_text, share=4,
             why_fewer="about 20 ms a page",
             examples=(("Hello there world. " * 5, "http://[", None, None),
                       ("Hello there world. " * 5, None, "2023-02-30", None),
                       ("\u200f\u202e\x00\n" * 50 + "x" * 20_000, None, None, "\u0301"))),
    Property("clean_html", html_pages, check_clean_html, share=8,
             why_fewer="trafilatura reads each page",
             examples=(("<div>" * 2000 + "<p>Hello there world.</p>" * 5, None, None, None),
                       ("<p>x", "http://a\u2100b/", None, None), ("<svg><p>a</p><p>b</p></svg>", None, None, None),
                       ("<html><head><title>&#xD800;</title></head><body><table><p>" * 50, None, None, None))),
    Property("resolve_date", resolve_inputs, check_resolve_date,
             examples=tuple(_date_cases(NASTY_DATES)) + (("yesterday", "2023-02-30", ""),
                                                         ("yesterday", "0001-01-01", ""),
                                                         ("next year", "9999-12-31", ""))),
    Property("parse_calendar_date", date_expressions, check_calendar_date, examples=tuple(NASTY_DATES)),
    Property("parse_duration", durations, check_duration,
             examples=("9" * 500 + " years", "0.0000001 years", "two and a half years", "1e400 years")),
    Property("parse_money", money, check_money, examples=("$" + "9" * 500, "€1,,,000 mln", "£0.5 bn")),
    Property("infer_anchor", anchor_inputs, check_infer_anchor,
             examples=tuple((p, "on Thursday 2017 2099") for p in PUBLISHED)),
    Property("facts", fact_articles, check_facts, share=20, why_fewer="spaCy parses each article",
             examples=(("Roman Seleznev was arrested yesterday in the Maldives.", "2023-02-30"),
                       ("Viktor Bout was sentenced to " + "9" * 500 + " years in prison.", "2012-04-05"),
                       ("“He is innocent, said Paul Whelan's lawyer. Whelan was detained " + "9" * 400
                        + " days ago.", "2020-06-15"),
                       ("İbrahim Öztürk was extradited on February 30 and fined $" + "9" * 500 + ".", None),
                       ('MOSCOW, February 1. /TASS/. "We will not comment," Dmitry Peskov said.', "2020-26-08"))),
]


def hypothesis_test(prop: Property, max_examples: int, probe: Callable | None = None, derandomize: bool = False):
    """A hypothesis test of the property (probe in place of its check, to count instead of stop).

    Without shrinking: shrinking a page of generated text can take minutes, and the hand-picked
    inputs that fail are already small."""
    test = given(st.deferred(prop.strategy))(probe or prop.check)
    test = settings(max_examples=max_examples, deadline=None, database=None, derandomize=derandomize,
                    suppress_health_check=list(HealthCheck), phases=(Phase.explicit, Phase.generate),
                    print_blob=False)(test)
    for value in reversed(prop.examples):
        test = example(value)(test)
    return test


# ------------------------------------------------------------------ the fuzz run

def _short(value, limit: int = 240) -> str:
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit * 2 // 3]} …[{len(text)} chars]… {text[-limit // 3:]}"


_PACKAGE = str(Path(dossier.__file__).parent)


def _where(err: BaseException) -> str:
    """The innermost frame in dossier's own code, which is where a fix goes, and the library frame that
    raised, if the error comes from one."""
    frames = traceback.extract_tb(err.__traceback__)
    own = [f for f in frames if f.filename.startswith(_PACKAGE)]
    where = ""
    if own:
        f = own[-1]
        where = f" at {Path(f.filename).relative_to(Path(_PACKAGE).parent)}:{f.lineno} ({f.name})"
    if frames and frames[-1] not in own and frames[-1].filename != __file__:
        where += f" in {Path(frames[-1].filename).name}:{frames[-1].lineno} ({frames[-1].name})"
    return where


def _is_bad_result(err: BaseException) -> bool:
    """An assertion of this file's checks, not one raised inside dossier or a library."""
    frames = traceback.extract_tb(err.__traceback__)
    return isinstance(err, AssertionError) and bool(frames) and frames[-1].filename == __file__


def _kind(err: BaseException) -> str:
    if _is_bad_result(err):
        return f"bad result: {str(err).splitlines()[0][:160]}"
    return f"raises {type(err).__name__}: {str(err)[:120] or '(no message)'}{_where(err)}"


def _signature(err: BaseException) -> str:
    """Failures of one cause share a signature: the values in the message aside."""
    message = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", str(err).split("\n")[0])[:60]
    return f"{type(err).__name__}: {message}{_where(err)}"


def run(prop: Property, examples: int, seed_value: int | None) -> tuple[int, int]:
    tried = failed = 0
    first = None
    kinds: dict[str, tuple[int, str]] = {}

    def probe(value):
        nonlocal tried, failed, first
        tried += 1
        try:
            prop.check(value)
        except Exception as err:  # noqa: BLE001  (counting every kind of failure is the point)
            failed += 1
            first = first or value
            signature = _signature(err)
            count, shown = kinds.get(signature, (0, _kind(err)))
            kinds[signature] = (count + 1, shown)

    n = max(1, examples // prop.share)
    test = hypothesis_test(prop, n, probe)
    if seed_value is not None:
        test = seed(seed_value)(test)
    start = time.perf_counter()
    test()
    elapsed = time.perf_counter() - start
    fewer = f" (1/{prop.share} of --examples: {prop.why_fewer})" if prop.share > 1 else ""
    print(f"{prop.name:20} tried {tried:6}  failed {failed:6}  {elapsed:6.1f}s{fewer}", flush=True)
    if failed:
        print(f"    first failing input: {_short(first)}")
        for count, shown in sorted(kinds.values(), key=lambda kind: -kind[0])[:6]:
            print(f"    {count:6} × {shown}")
        if len(kinds) > 6:
            print(f"    … and {len(kinds) - 6} other kinds of failure")
    return tried, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10000, help="generated inputs per property")
    parser.add_argument("--only", default="", help="comma-separated property names: " +
                        ", ".join(p.name for p in PROPERTIES))
    parser.add_argument("--seed", type=int, default=None, help="fix hypothesis's random seed to repeat a run")
    args = parser.parse_args()
    chosen = [p for p in PROPERTIES if not args.only or p.name in args.only.split(",")]
    if not chosen:
        parser.error(f"no property named {args.only!r}")
    total_tried = total_failed = 0
    start = time.perf_counter()
    for prop in chosen:
        tried, failed = run(prop, args.examples, args.seed)
        total_tried += tried
        total_failed += failed
    print(f"{'total':20} tried {total_tried:6}  failed {total_failed:6}  {time.perf_counter() - start:6.1f}s")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
