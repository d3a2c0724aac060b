"""Annotating articles: each parsed by its language's pipeline in batches, then the registered components."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Annotation, Article
from ..registry import components, languages
from . import entities, mentions
from .language import DEFAULT_LANGUAGE, language_name, language_of
from .model import sentences_of

if TYPE_CHECKING:
    from .cascade import Cascade


class Annotator:
    """Annotates each article with the pipeline registered for its language, then the registered
    components; an article in a language without a pipeline is kept with a warning, never read by
    another language's. ``model`` names the default language's pipeline; with ``cascade``, articles in a
    pipeline that allows it are parsed in full only where a fact can be (``cascade``)."""

    def __init__(self, model: str, component_names: Sequence[str], batch_size: int = 32, cascade: bool = False):
        self.model = model
        self.pipelines: dict[str, Language] = {}
        self.nlp = self.pipeline(DEFAULT_LANGUAGE)
        self.component_names = list(component_names)
        self.batch_size = batch_size
        self.cascade = cascade
        self.cascades: dict[str, Cascade | None] = {}

    def steps(self, code: str) -> list[tuple[str, object]]:
        """The components for a language: a version registered as "<name>.<code>" where the language has one."""
        registered = components.get_all()
        return [(name, registered.get(f"{name}.{code}") or components.get(name)) for name in self.component_names]

    def pipeline(self, code: str) -> Language | None:
        """The loaded pipeline of a language, None where dossier has none for it."""
        if code not in self.pipelines:
            if code not in languages.get_all():
                return None
            self.pipelines[code] = languages.get(code)(self.model if code == DEFAULT_LANGUAGE else None)
        return self.pipelines[code]

    def _cascade(self, nlp: Language) -> Cascade | None:
        if nlp.lang not in self.cascades:
            # The cascade reads the extractors' vocabulary, and the extractors read annotate's word lists:
            # imported when first used, so that either side can be imported first.
            from .cascade import Cascade
            self.cascades[nlp.lang] = Cascade(nlp, self.batch_size) if Cascade.supports(nlp) else None
        return self.cascades[nlp.lang]

    def _parse(self, nlp: Language, texts: list[str], cascade: bool = False) -> list[tuple[Doc, str | None]]:
        """Each text's Doc; where the pipeline fails on one, the others are parsed one by one and the failing
        one gets an empty Doc and the reason."""
        parser = self._cascade(nlp) if cascade else None
        pipe = parser.pipe if parser else lambda some: nlp.pipe(some, batch_size=self.batch_size)
        try:
            return [(doc, None) for doc in pipe(texts)]
        except Exception:  # noqa: BLE001  (which text failed is found below)
            parsed = []
            for text in texts:
                try:
                    parsed.append((next(iter(pipe([text]))), None))
                except Exception as err:  # noqa: BLE001  (one odd article must not stop the build)
                    parsed.append((nlp.make_doc(""), f"annotation failed ({type(err).__name__}: {err})"))
            return parsed

    def annotate(self, articles: Sequence[Article]) -> Iterator[tuple[Annotation, Doc]]:
        by_language: dict[str, list[Article]] = {}
        for article in articles:
            by_language.setdefault(language_of(article), []).append(article)
        parsed: dict[str, tuple[Doc, str | None]] = {}
        for code, group in by_language.items():
            nlp = self.pipeline(code)
            if nlp is not None:
                parsed.update(zip((a.doc_id for a in group), self._parse(nlp, [a.body for a in group], self.cascade)))
        # Captions are read by the default language's pipeline, so only its articles' are.
        captions = self._caption_names([a for a in articles if a.doc_id in parsed and
                                        language_of(a) == DEFAULT_LANGUAGE])
        for article in articles:
            if article.doc_id not in parsed:
                yield Annotation(article=article, warnings=[
                    f"written in {language_name(language_of(article))}, which dossier has no pipeline for: "
                    "stored, not annotated"]), self.nlp.make_doc("")
                continue
            doc, failure = parsed[article.doc_id]
            annotation = Annotation(article=article, sentences=sentences_of(doc))
            if failure:
                annotation.failures.append(failure)
                yield annotation, doc
                continue
            for name, step in self.steps(language_of(article)):
                try:
                    step(annotation, doc)
                except Exception as err:  # one odd article must not stop the build; it is reported
                    annotation.failures.append(f"{name} failed ({type(err).__name__}: {err})")
            try:
                entities.add_caption_names(annotation, captions.get(article.doc_id, []))
            except Exception as err:  # noqa: BLE001
                annotation.failures.append(f"caption names failed ({type(err).__name__}: {err})")
            yield annotation, doc

    def _caption_names(self, articles: Sequence[Article]) -> dict[str, list[tuple[str, str]]]:
        """Names in each article's photo captions, with the tagger's label, and the people its credits name."""
        owners = [a.doc_id for a in articles for _ in a.captions]
        found: dict[str, list[tuple[str, str]]] = {a.doc_id: [(name, "PERSON") for name in a.credits]
                                                   for a in articles if a.credits}
        texts = [caption for a in articles for caption in a.captions]
        for doc_id, (doc, _) in zip(owners, self._parse(self.nlp, texts)):
            found.setdefault(doc_id, []).extend((text, label) for _, _, text, label in mentions.names_in(doc)
                                                if label in ("PERSON", "ORG", "NORP"))
        return found
