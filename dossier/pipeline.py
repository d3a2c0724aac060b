"""The build: read -> clean -> annotate (and extract) -> store per document, then resolve and assemble cases.

Documents whose content and pipeline fingerprint are already stored are skipped, so
running a build twice stores nothing twice and an interrupted build is finished by
the next one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .annotate import Annotator
from .casefile import assemble_cases
from .clean import clean
from .listings import refresh as refresh_listings
from .read import read_corpus
from .records import Article, ReadProblem, SourceItem
from .resolve import resolve
from .settings import Settings
from .store import Store


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


def _cut(article: Article, limit: int) -> str:
    """Cut a runaway page's text at the last paragraph break before ``limit`` characters; the message."""
    length = len(article.body)
    end = article.body.rfind("\n", 0, limit)
    article.body = article.body[:end if end > 0 else limit]
    return (f"article text is {length:,} characters, longer than any article; only its first "
            f"{len(article.body):,} are read")


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

    def _clean(self, item: SourceItem, report: BuildReport, on_item: Callable[[str], None]) -> Article | None:
        try:
            article = clean(item)
        except Exception as err:  # one unreadable page must not stop the corpus
            problem = ReadProblem(item.origin, f"could not be cleaned ({type(err).__name__}: {err})")
        else:
            if article.body.strip():
                if len(article.body) > self.settings.max_chars:
                    report.warnings.append(ReadProblem(item.origin, _cut(article, self.settings.max_chars)))
                return article
            problem = ReadProblem(item.origin, "no article text found")
        report.problems.append(problem)
        on_item(item.origin)
        return None

    def run(self, corpus: Path, on_item: Callable[[str], None] = lambda origin: None,
            follow_links: bool = False) -> BuildReport:
        report = BuildReport()
        pending = self._pending(read_corpus(corpus, follow_links), report, on_item)
        fingerprint = self.settings.fingerprint()
        annotator: Annotator | None = None
        for batch in _batches(pending, self.settings.batch_size):
            # The model is loaded only when some document needs it: an unchanged corpus builds at once.
            annotator = annotator or Annotator(self.settings.model, self.settings.components,
                                               self.settings.batch_size)
            articles = [a for a in (self._clean(item, report, on_item) for item in batch) if a is not None]
            for annotation, _ in annotator.annotate(articles):
                if not report.processed:
                    # Before the first document changes: a build cut short from here on leaves the entities
                    # and cases to be redone by the next build, even if no document changes then.
                    self.store.set_state("cases", "stale")
                try:
                    self.store.save(annotation, fingerprint)
                except Exception as err:  # noqa: BLE001  (the document's transaction is rolled back)
                    report.problems.append(ReadProblem(annotation.article.origin,
                                                       f"could not be stored ({type(err).__name__}: {err})"))
                    on_item(annotation.article.origin)
                    continue
                report.problems.extend(ReadProblem(annotation.article.origin, f"{failure}; stored without it")
                                       for failure in annotation.failures)
                report.warnings.extend(ReadProblem(annotation.article.origin, warning)
                                       for warning in annotation.warnings)
                report.processed.append(annotation.article.doc_id)
                on_item(annotation.article.origin)
        if report.processed or not report.unchanged or self.store.get_state("cases") == "stale":
            self.store.set_state("cases", "stale")
            self.store.replace_entities(resolve(self.store.candidates()))
            refresh_listings(self.store, assemble_cases(self.store))
            self.store.set_state("cases", "current")
        self.store.record_problems([*report.problems, *report.warnings])
        return report
