"""The stored document entities as resolution reads them, and the entities an update resolves, kept."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import bindparam, delete, func, insert, select, update

from ..resolve import Candidate
from ..resolve.keys import name_partners
from ..resolve.region import Member, Previous, Update
from ..resolve.types import may_be_person
from .database import Store
from .schema import doc_entities, entities, mentions, name_keys, stale_keys

_CHUNK = 500  # values per IN (...): well under every database's limit on bound parameters


def _chunks(values: Iterable, size: int = _CHUNK) -> Iterator[list]:
    values = sorted(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


class StoredCorpus:
    """The document entities of a store, looked up by name key, by document or by entity (``region.Corpus``)."""

    def __init__(self, store: Store):
        self.store = store
        # Nothing is written while an update is resolved: what each round of it asks again is read once.
        self.named: dict[str, list[tuple[int, str, str, str | None]]] = {}  # doc -> (idx, name, type, role)
        self.resolved: dict[Member, Previous | None] = {}

    def _candidates(self, docs: set[str], keep=lambda member: True) -> list[Candidate]:
        found = []
        with self.store.reading() as conn:
            for chunk in _chunks(docs):
                forms: dict[Member, list[str]] = {}
                for row in conn.execute(select(mentions.c.doc_id, mentions.c.doc_entity, mentions.c.text)
                                        .where(mentions.c.doc_id.in_(chunk))):
                    forms.setdefault((row.doc_id, row.doc_entity), []).append(row.text)
                for row in conn.execute(select(doc_entities).where(doc_entities.c.doc_id.in_(chunk))):
                    if keep((row.doc_id, row.idx)):
                        found.append(Candidate(row.doc_id, row.idx, row.name, row.type,
                                               forms.get((row.doc_id, row.idx), []) + list(row.aliases or []),
                                               row.role))
        return found

    def seeds(self) -> list[Candidate]:
        """The entities no resolution has seen (of new documents), and those sharing a key with replaced ones
        that the key can concern (``keys.name_partners``, ``types.may_be_person``)."""
        with self.store.reading() as conn:
            members = {(r.doc_id, r.idx) for r in conn.execute(
                select(doc_entities.c.doc_id, doc_entities.c.idx).where(doc_entities.c.entity_id.is_(None)))}
            stale = {r.key for r in conn.execute(select(stale_keys.c.key).distinct())}
        any_name = name_partners(stale)
        found = self._candidates({doc for doc, _ in members}, lambda member: member in members)
        return found + self.with_keys(any_name) + [c for c in self.with_keys(stale - any_name)
                                                   if may_be_person(c.name, c.type)]

    def with_keys(self, keys: set[str]) -> list[Candidate]:
        """Only the holders' rows are read: a key held across the corpus costs its holders, not their
        documents."""
        rows, forms = {}, {}
        holder = (name_keys.c.doc_id == doc_entities.c.doc_id) & (name_keys.c.idx == doc_entities.c.idx)
        with self.store.reading() as conn:
            for chunk in _chunks(keys):
                for row in conn.execute(select(doc_entities).select_from(doc_entities.join(name_keys, holder))
                                        .where(name_keys.c.key.in_(chunk))):
                    rows[(row.doc_id, row.idx)] = row
                for row in conn.execute(
                        select(mentions.c.doc_id, mentions.c.idx, mentions.c.doc_entity, mentions.c.text)
                        .select_from(mentions.join(name_keys, (name_keys.c.doc_id == mentions.c.doc_id)
                                                   & (name_keys.c.idx == mentions.c.doc_entity)))
                        .where(name_keys.c.key.in_(chunk))):
                    forms[(row.doc_id, row.idx)] = row
        texts: dict[Member, list[str]] = {}
        for (doc_id, _), row in sorted(forms.items()):
            texts.setdefault((doc_id, row.doc_entity), []).append(row.text)
        return [Candidate(row.doc_id, row.idx, row.name, row.type,
                          texts.get(member, []) + list(row.aliases or []), row.role)
                for member, row in sorted(rows.items())]

    def names_in(self, buckets: set[str]) -> dict[str, set[tuple[str, str]]]:
        found: dict[str, set[tuple[str, str]]] = {}
        with self.store.reading() as conn:
            for chunk in _chunks(buckets):
                for key, name, type_ in conn.execute(
                        select(name_keys.c.key, doc_entities.c.name, doc_entities.c.type).distinct()
                        .select_from(name_keys.join(doc_entities, (name_keys.c.doc_id == doc_entities.c.doc_id)
                                                    & (name_keys.c.idx == doc_entities.c.idx)))
                        .where(name_keys.c.key.in_(chunk))):
                    found.setdefault(key, set()).add((name, type_))
        return found

    def of_documents(self, docs: set[str]) -> list[Candidate]:
        return self._candidates(docs)

    def previous(self, members: list[Member]) -> dict[Member, Previous]:
        wanted = {member for member in members if member not in self.resolved}
        self.resolved.update(dict.fromkeys(wanted))
        with self.store.reading() as conn:
            for chunk in _chunks({doc for doc, _ in wanted}):
                for row in conn.execute(
                        select(doc_entities.c.doc_id, doc_entities.c.idx, entities.c.id, entities.c.name,
                               entities.c.type)
                        .select_from(doc_entities.join(entities, doc_entities.c.entity_id == entities.c.id))
                        .where(doc_entities.c.doc_id.in_(chunk))):
                    if (row.doc_id, row.idx) in wanted:
                        self.resolved[(row.doc_id, row.idx)] = Previous(row.id, row.name, row.type)
        return {member: self.resolved[member] for member in members if self.resolved[member] is not None}

    def context(self, docs: set[str], region: set[Member]) -> list[Candidate]:
        """Names and types alone: the context of a document is the names it mentions."""
        unread = docs - set(self.named)
        self.named.update({doc: [] for doc in unread})
        with self.store.reading() as conn:
            for chunk in _chunks(unread):
                for row in conn.execute(select(doc_entities.c.doc_id, doc_entities.c.idx, doc_entities.c.name,
                                               doc_entities.c.type, doc_entities.c.role)
                                        .where(doc_entities.c.doc_id.in_(chunk))):
                    self.named[row.doc_id].append((row.idx, row.name, row.type, row.role))
        others = [Candidate(doc, idx, name, type_, [], role) for doc in sorted(docs)
                  for idx, name, type_, role in self.named[doc] if (doc, idx) not in region]
        previous = self.previous([(c.doc_id, c.idx) for c in others])
        for candidate in others:
            if (candidate.doc_id, candidate.idx) in previous:
                candidate.type = previous[(candidate.doc_id, candidate.idx)].type
        return others


def keep_update(store: Store, result: Update) -> tuple[set[str], set[str]]:
    """Replace the entities of the region with those resolved, in one transaction; drop the entities left
    without a document. Returns the names of the people before and after, and of the documents whose
    entities were renamed (their facts name them)."""
    with store.writing() as conn:
        old = sorted({p.entity for p in result.previous.values()})
        as_was = _given_back(conn, result, old)
        before = {p.name for p in result.previous.values()
                  if p.type == "PERSON" and p.entity not in as_was.values()}
        # Past every id in use, those replaced here included: an id stands for one spelling and one set of
        # documents, which the listings' index of entities relies on.
        first = (conn.execute(select(func.max(entities.c.id))).scalar() or 0) + 1
        for chunk in _chunks(old):
            conn.execute(update(doc_entities).where(doc_entities.c.entity_id.in_(chunk)).values(entity_id=None))
            conn.execute(delete(entities).where(entities.c.id.in_(chunk)))
        if result.resolved:
            conn.execute(insert(entities), [{"id": first + n, "name": r.name, "type": r.type, "aliases": r.aliases}
                                            for n, r in enumerate(result.resolved)])
        links = [{"d": doc_id, "i": idx, "e": first + n}
                 for n, r in enumerate(result.resolved) for doc_id, idx in r.members]
        if links:
            conn.execute(update(doc_entities)
                         .where(doc_entities.c.doc_id == bindparam("d"), doc_entities.c.idx == bindparam("i"))
                         .values(entity_id=bindparam("e")), links)
        orphans = select(entities.c.id).where(~select(doc_entities.c.entity_id)
                                              .where(doc_entities.c.entity_id == entities.c.id).exists())
        before |= {r.name for r in conn.execute(select(entities.c.name)
                                                .where(entities.c.id.in_(orphans), entities.c.type == "PERSON"))}
        conn.execute(delete(entities).where(entities.c.id.in_(orphans)))
        conn.execute(delete(stale_keys))
    after = {r.name for n, r in enumerate(result.resolved) if r.type == "PERSON" and n not in as_was}
    renamed = {doc for r in result.resolved for doc, idx in r.members
               if (doc, idx) in result.previous and result.previous[(doc, idx)].name != r.name}
    return before | after, renamed


def _given_back(conn, result: Update, old: list[int]) -> dict[int, int]:
    """The entities the update gives back as they were, same name, type and members (their cases stand):
    {index in the update: entity}. None where documents were replaced: their entities lost members already."""
    if conn.execute(select(stale_keys.c.key).limit(1)).first() is not None:
        return {}
    sizes = {}
    for chunk in _chunks(old):
        sizes.update(conn.execute(select(doc_entities.c.entity_id, func.count()).where(
            doc_entities.c.entity_id.in_(chunk)).group_by(doc_entities.c.entity_id)).all())
    given_back = {}
    for n, entity in enumerate(result.resolved):
        was = [result.previous.get(member) for member in entity.members]
        if None not in was and len({p.entity for p in was}) == 1 and sizes.get(was[0].entity) == len(was) and \
                (was[0].name, was[0].type) == (entity.name, entity.type):
            given_back[n] = was[0].entity
    return given_back
