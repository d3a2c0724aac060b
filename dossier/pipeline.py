"""The build: read -> clean -> annotate (and extract) -> store per document, then resolve and assemble cases.

Cleaning and annotation run on an engine (``dossier.engines``): this process, worker processes, or a
Ray cluster; storing, resolution and assembly run here, in one writer.

Documents whose content and pipeline fingerprint are already stored are skipped, so
running a build twice stores nothing twice and an interrupted build is finished by
the next one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from .cases.assemble import Assembly
from .casefile import assemble_cases
from .engines import Processed, engines
from .listings import refresh as refresh_listings
from .read import read_corpus
from .records import ReadProblem, SourceItem
from .resolve import resolve
from .resolve.region import update
from .settings import Settings
from .store import Store
from .store.cases import subjects_in
from .store.resolution import StoredCorpus, keep_update


@dataclass
class BuildReport:
    processed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    warnings: list[ReadProblem] = field(default_factory=list)  # stored, but not whole

    @property
    def seen(self) -> int:
        return len(self.processed) + len(self.unchanged) + len(self.problems)


def _batches(items: Iterable[SourceItem], size: int) -> Iterator[list[SourceItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Build:
    def __init__(self, store: Store, settings: Settings | None = None):
        self.store = store
        self.settings = settings or Settings()

    def _pending(self, inputs: Iterable[SourceItem | ReadProblem], report: BuildReport,
                 on_item: Callable[[str], None]) -> Iterator[SourceItem]:
        """The items that need processing; problems, duplicates and unchanged items are reported."""
        stored = self.store.fingerprints()
        fingerprint = self.settings.fingerprint()
        first_origin: dict[str, str] = {}
        for entry in inputs:
            if isinstance(entry, ReadProblem):
                report.problems.append(entry)
                on_item(entry.origin)
                continue
            if entry.doc_id in first_origin:
                report.problems.append(ReadProblem(
                    entry.origin, f"document id {entry.doc_id!r} already used by {first_origin[entry.doc_id]}; skipped"))
                on_item(entry.origin)
                continue
            first_origin[entry.doc_id] = entry.origin
            if stored.get(entry.doc_id) == (entry.content_hash, fingerprint):
                report.unchanged.append(entry.doc_id)
                on_item(entry.origin)
                continue
            yield entry

    def run(self, corpus: Path, on_item: Callable[[str], None] = lambda origin: None,
            follow_links: bool = False, engine: str = "local", workers: int = 1,
            address: str | None = None) -> BuildReport:
        """Build from ``corpus``: cleaning and annotation on ``engine`` with ``workers`` workers, every
        document stored here, in corpus order, then the entities resolved and the cases assembled."""
        report = BuildReport()
        pending = self._pending(read_corpus(corpus, follow_links), report, on_item)
        fingerprint = self.settings.fingerprint()
        batches = _batches(pending, self.settings.batch_size)
        started = list(islice(batches, 2))
        if len(started) == 1 and engine == "local":
            workers = 1  # one batch is done before worker processes would have loaded their models
        if started:  # the engine and its models start only when some document needs them
            with engines.get(engine)(self.settings, workers, address) as runner:
                for results in runner.map(chain(started, batches)):
                    for result in results:
                        self._store(result, fingerprint, report)
                        on_item(result.origin)
        if report.processed or not report.unchanged or self.store.get_state("cases") == "stale":
            # Each saved document marked them stale, and a stage killed part-way leaves them so; they are current
            # here only when another build's stage has run since this build's last document was saved.
            with self.store.corpus_stage():
                assembly, renamed = self._resolve_and_assemble() if self.store.get_state("cases") != "current" \
                    else (None, set())
                refresh_listings(self.store, assembly, renamed)
        self.store.record_problems([*report.problems, *report.warnings])
        return report

    def _resolve_and_assemble(self) -> tuple[Assembly | None, set[str] | None]:
        """Resolve what the documents saved since the last stage reach and assemble the cases of the people
        concerned (on a first build, the whole corpus). One transaction: a killed stage leaves nothing.
        Returns the assembly and the documents whose entities were named otherwise (None: all may be)."""
        corpus = StoredCorpus(self.store)
        seeds = corpus.seeds() if self.store.count_entities() else None
        assembly, renamed = None, set()
        if seeds is None:
            renamed = None
            self.store.replace_entities(resolve(self.store.candidates()))
            assembly = assemble_cases(self.store)
        elif seeds:
            people, renamed = keep_update(self.store, update(seeds, corpus))
            # A renamed entity is also named in the facts of others: "exchanged for X".
            assembly = assemble_cases(self.store, people | subjects_in(self.store, renamed))
        self.store.set_state("cases", "current")
        return assembly, renamed

    def _store(self, result: Processed, fingerprint: str, report: BuildReport) -> None:
        report.warnings.extend(result.warnings)
        if result.problem is not None:
            report.problems.append(result.problem)
            return
        annotation = result.annotation
        try:
            self.store.save(annotation, fingerprint)
        except Exception as err:  # noqa: BLE001  (the document's transaction is rolled back)
            report.problems.append(ReadProblem(annotation.article.origin,
                                               f"could not be stored ({type(err).__name__}: {err})"))
            return
        report.problems.extend(ReadProblem(annotation.article.origin, f"{failure}; stored without it")
                               for failure in annotation.failures)
        report.warnings.extend(ReadProblem(annotation.article.origin, warning) for warning in annotation.warnings)
        report.processed.append(annotation.article.doc_id)
