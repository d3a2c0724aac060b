"""What a worker does with a batch of source items: clean each, annotate the batch, extract the facts.

The same function runs in the build's own process, in worker processes and in Ray actors; each
process loads its annotation pipelines once and keeps them for every batch it is given.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..annotate import Annotator
from ..clean import clean
from ..records import Annotation, Article, ReadProblem, SourceItem
from ..settings import Settings


@dataclass
class Processed:
    """One source item after cleaning and annotation: its annotation, or why it has none."""

    origin: str
    annotation: Annotation | None = None
    problem: ReadProblem | None = None
    warnings: list[ReadProblem] = field(default_factory=list)  # stored, but not whole


def _cut(article: Article, limit: int) -> str:
    """Cut a runaway page's text at the last paragraph break before ``limit`` characters; the message."""
    length = len(article.body)
    end = article.body.rfind("\n", 0, limit)
    article.body = article.body[:end if end > 0 else limit]
    return (f"article text is {length:,} characters, longer than any article; only its first "
            f"{len(article.body):,} are read")


class Worker:
    """Cleans and annotates batches with one loaded Annotator (created when first needed)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.annotator: Annotator | None = None

    def _clean(self, item: SourceItem) -> Processed:
        try:
            article = clean(item)
        except Exception as err:  # one unreadable page must not stop the corpus
            return Processed(item.origin, problem=ReadProblem(
                item.origin, f"could not be cleaned ({type(err).__name__}: {err})"))
        if not article.body.strip():
            return Processed(item.origin, problem=ReadProblem(item.origin, "no article text found"))
        processed = Processed(item.origin, annotation=Annotation(article=article))
        if len(article.body) > self.settings.max_chars:
            processed.warnings.append(ReadProblem(item.origin, _cut(article, self.settings.max_chars)))
        return processed

    def __call__(self, batch: list[SourceItem]) -> list[Processed]:
        results = [self._clean(item) for item in batch]
        articles = [r.annotation.article for r in results if r.annotation is not None]
        if articles:
            self.annotator = self.annotator or Annotator(self.settings.model, self.settings.components,
                                                         self.settings.batch_size, self.settings.cascade)
            annotated = {a.article.doc_id: a for a, _ in self.annotator.annotate(articles)}
            for result in results:
                if result.annotation is not None:
                    result.annotation = annotated[result.annotation.article.doc_id]
        return results


_worker: Worker | None = None


def process_in_worker(settings: Settings, batch: list[SourceItem]) -> list[Processed]:
    """A worker process's entry point: its one Worker, made on the first batch."""
    global _worker
    if _worker is None or _worker.settings != settings:
        _worker = Worker(settings)
    return _worker(batch)
