"""The rows framing is measured on: every framing term of every fact, with its fact, article and sentence."""
from __future__ import annotations

from bisect import bisect_right

from sqlalchemy import and_, select

from .database import Store, entity_names
from .schema import documents, fact_terms, facts, sentences


def term_rows(store: Store, docs=None) -> list[dict]:
    """Each term use: the term, its kind and offsets, the offsets of the sentence it is in, the fact's type,
    subject and claimant (canonical names), the article's id, outlet and date. ``docs``, a select of document
    ids, keeps to those articles."""
    def only(query, column):
        return query if docs is None else query.where(column.in_(docs))

    with store.reading() as conn:
        names = entity_names(conn, docs)
        starts: dict[str, list[tuple[int, int]]] = {}
        for r in conn.execute(only(select(sentences.c.doc_id, sentences.c.start_char, sentences.c.end_char)
                                   .order_by(sentences.c.doc_id, sentences.c.start_char), sentences.c.doc_id)):
            starts.setdefault(r.doc_id, []).append((r.start_char, r.end_char))
        query = (select(fact_terms.c.doc_id, fact_terms.c.fact, fact_terms.c.kind, fact_terms.c.term,
                        fact_terms.c.start_char, fact_terms.c.end_char, facts.c.type, facts.c.subject,
                        facts.c.claimed_by, documents.c.outlet, documents.c.published)
                 .select_from(fact_terms
                              .join(facts, and_(facts.c.doc_id == fact_terms.c.doc_id, facts.c.idx == fact_terms.c.fact))
                              .join(documents, documents.c.id == fact_terms.c.doc_id))
                 .order_by(fact_terms.c.doc_id, fact_terms.c.fact, fact_terms.c.start_char))
        rows = []
        for r in conn.execute(only(query, fact_terms.c.doc_id)):
            row = dict(r._mapping)
            row["subject"] = names.get((r.doc_id, r.subject))
            row["claimed_by"] = names.get((r.doc_id, r.claimed_by)) if r.claimed_by is not None else None
            # the sentence the word is in (a fact told twice has words in both of its sentences)
            bounds = starts.get(r.doc_id) or [(r.start_char, r.end_char)]
            at = max(0, bisect_right(bounds, (r.start_char, 10 ** 12)) - 1)
            row["sentence_start"], row["sentence_end"] = bounds[at]
            rows.append(row)
        return rows
