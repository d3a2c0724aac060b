"""Full-text search of the articles through the database's own index: the one module that knows the dialects.

Words are cut and folded here, in Python, both for what is indexed (``search_text.words``) and for a query,
so SQLite (FTS5, ``search_index``) and PostgreSQL (a GIN index on ``to_tsvector('simple', words)``) match
the same words and give the same results: an article matches when it holds every word of the query, in any
case and with or without accents. A query reaches the database only as a bound value, made of words of
letters and digits, so nothing a user types is ever read as SQL or as full-text syntax.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Connection, bindparam, column, func, insert, literal_column, select, table, text

from .schema import documents, search_text

MAX_WORD = 64  # letters; a longer run is no word anyone searches for
MAX_QUERY_WORDS = 32  # words of a query that count; the rest of a pasted page is ignored
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A word as it is indexed and matched: lower case, accents dropped (é e, ß ss)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    found = []
    composed = text if text.isascii() else unicodedata.normalize("NFC", text)  # a decomposed é stays in its word
    for run in _WORD.finditer(composed):
        found.extend(w for w in _WORD.findall(fold(run.group())) if len(w) <= MAX_WORD)
    return found


def query_words(query: str) -> list[str]:
    """The distinct words of a query that an article must all hold."""
    return list(dict.fromkeys(words(query[:MAX_WORD * MAX_QUERY_WORDS * 2])))[:MAX_QUERY_WORDS]


@lru_cache(maxsize=1)
def _folding_to() -> dict[str, str]:
    """Each letter and the accented letters of the Latin alphabets that fold to it (é, È, ë to e)."""
    found: dict[str, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        folded = fold(chr(code))
        if len(folded) == 1 and folded != chr(code).lower():
            found[folded] = found.get(folded, "") + chr(code)
    return found


@lru_cache(maxsize=4096)
def _hits(wanted: tuple[str, ...]) -> re.Pattern:
    """The words as they may be written: in any case, each letter with or without its accents."""
    def spelled(word: str) -> str:
        return "".join(f"[{re.escape(c + _folding_to()[c])}]" if c in _folding_to() else re.escape(c) for c in word)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(spelled(w) for w in wanted) + r")(?![^\W_])", re.IGNORECASE)


def hit_spans(text: str, wanted: Iterable[str], start: int = 0, end: int | None = None,
              first: bool = False) -> list[tuple[int, int]]:
    """Offsets of the words of ``text`` (between ``start`` and ``end``) that fold to one of ``wanted``: what a
    search found, to highlight; only the first with ``first``."""
    wanted = tuple(sorted(set(wanted), key=lambda w: (-len(w), w)))
    if not wanted:
        return []
    found = _hits(wanted).finditer(text, start, len(text) if end is None else end)
    if first:
        match = next(found, None)
        return [match.span()] if match else []
    return [m.span() for m in found]


def document_words(title: str | None, outlet: str | None, body: str) -> str:
    return " ".join(words("\n".join(p for p in (title, outlet, body) if p)))


def refresh(conn: Connection) -> int:
    """Index the articles not indexed yet (new or changed: replacing an article drops its row); how many."""
    missing = conn.execute(
        select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.body)
        .where(~select(search_text.c.id).where(search_text.c.doc_id == documents.c.id).exists())).all()
    for start in range(0, len(missing), 200):
        conn.execute(insert(search_text), [{"doc_id": r.id, "words": document_words(r.title, r.outlet, r.body)}
                                           for r in missing[start:start + 200]])
    return len(missing)


def _fts5(wanted: list[str]):
    """SQLite: the FTS5 query, each word an FTS5 string ("..."), so that none is read as an operator; all of
    them must occur."""
    return bindparam("expression", " ".join('"' + w.replace('"', '""') + '"' for w in wanted))


def _matching(wanted: list[str]):
    """PostgreSQL: the ids of the articles holding every word, through the GIN index's expression;
    plainto_tsquery reads its argument as plain words joined by AND."""
    simple = literal_column("'simple'::regconfig")
    return select(search_text.c.doc_id).where(func.to_tsvector(simple, search_text.c.words).op("@@")(
        func.plainto_tsquery(simple, bindparam("expression", " ".join(wanted)))))


def count(conn: Connection, wanted: list[str]) -> int:
    """How many articles hold every word of ``wanted`` (at least one word)."""
    if conn.dialect.name == "sqlite":  # one row of the index per article
        return conn.execute(text("SELECT count(*) FROM search_index WHERE search_index MATCH :expression")
                            .bindparams(_fts5(wanted))).scalar_one()
    return conn.execute(select(func.count()).select_from(_matching(wanted).subquery())).scalar_one()


def page(conn: Connection, wanted: list[str], limit: int, offset: int = 0) -> list[str]:
    """One page of the articles that hold every word of ``wanted``, the newest first."""
    order = (documents.c.published.desc(), documents.c.id.desc())  # SQLite puts the undated last already
    if conn.dialect.name == "sqlite":
        index = table("search_index", column("rowid"))
        found = (select(search_text.c.doc_id).join_from(search_text, index, index.c.rowid == search_text.c.id)
                 .where(text("search_index MATCH :expression").bindparams(_fts5(wanted))))
        # The unary + keeps SQLite from looking each found article up by its key and sorting them all: it
        # walks the index of publication dates, newest first, and stops at the end of the page.
        member = literal_column("+documents.id").in_(found)
    elif conn.dialect.name == "postgresql":
        member = documents.c.id.in_(_matching(wanted))
        order = (documents.c.published.desc().nulls_last(), documents.c.id.desc())
    else:
        raise NotImplementedError(f"full-text search on {conn.dialect.name}")
    return list(conn.execute(select(documents.c.id).where(member).order_by(*order).limit(limit).offset(offset))
                .scalars())


def is_full_text_index(name: str | None) -> bool:
    """Whether a table or an index is the full-text index, which the schema (tables of plain columns) does
    not declare: SQLite's FTS5 table and the tables it keeps its index in, PostgreSQL's GIN index."""
    return bool(name) and (name in ("search_index", "ix_search_text_words") or name.startswith("search_index_"))
