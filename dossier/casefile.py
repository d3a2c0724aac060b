"""A dossier's case file: the store's rows read as assembly records, and assembled cases kept.

The one place where the store and case assembly meet: the store reads and writes rows, assembly turns
records into cases; neither imports the other's logic.
"""
from __future__ import annotations

from .cases.assemble import Assembly, assemble
from .cases.sources import case_facts, nationalities
from .framing import Distinctive, distinctive
from .store import Store
from .store import cases as case_store
from .store.terms import term_rows


def assemble_cases(store: Store, people: set[str] | None = None) -> Assembly:
    """Assemble the cases (of these people, or of all) whose facts changed since they were kept, keep them,
    drop the cases of people who no longer have facts."""
    if people is None:
        documents = case_store.document_rows(store)
        rows = store.fact_rows()
        mentions = case_store.person_mentions(store)
    else:
        ids = case_store.documents_of_people(store, people)
        rows = [row for row in store.fact_rows(docs=ids) if row["subject"] in people]
        mentions = case_store.person_mentions(store, people)
        documents = case_store.document_rows(store, ids | {m["doc_id"] for m in mentions})
    nationality = nationalities(mentions, {d["id"]: d["body"] for d in documents})
    assembly = assemble(case_facts(rows, documents), nationality, case_store.fingerprints(store, people))
    assembly.people, assembly.nationality = people, nationality
    for case in assembly.cases:
        case_store.save_case(store, case)
    case_store.drop_cases(store, assembly.dropped)
    return assembly


def framing(store: Store, by: str, person: str | None = None, fact_type: str | None = None, top: int = 10,
            min_count: int = 3) -> dict[str, list[Distinctive]]:
    """Each outlet's, speaker's or country's most distinctive terms, with every use behind them."""
    documents = case_store.document_rows(store)
    nationality = nationalities(case_store.person_mentions(store), {d["id"]: d["body"] for d in documents}) \
        if by == "country" else {}
    return distinctive(term_rows(store), by, nationality, top, person, fact_type, min_count)
