"""Russian: sentences, tokens, lemmas, morphology, a Universal Dependencies parse and names from natasha.

natasha (its segmenter, the slovnet morphology, syntax and NER models and pymorphy's
dictionary, all shipped inside the packages) runs as the tokenizer of a blank spaCy
``ru`` pipeline and returns a fully annotated spaCy ``Doc``, so the document
components read Russian through the same interface as English. The parse keeps
natasha's Universal Dependencies labels (nsubj:pass, obj, obl with its case child);
the Russian event grammar (``dossier.extract.russian``) reads them.

Names come with their nominative form ("Романа Селезнёва" -> "Роман Селезнёв"), kept in
``doc.user_data["normal"]`` by character offsets; the Russian ``mentions`` and
``local_entities`` components group a document's names by it.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import places
from ..records import Annotation, LocalEntity, Mention
from ..registry import components, languages

_LABELS = {"PER": "PERSON", "ORG": "ORG"}


@lru_cache(maxsize=1)
def _natasha():
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    return (Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding),
            NewsNERTagger(embedding))


def morph_vocab():
    """pymorphy's dictionary, as natasha wraps it: lemmas and inflections of Russian words."""
    return _natasha()[1]


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A word's dictionary form, lower case: "Мальдивах" -> "мальдивы"; an abbreviation as it is ("СИЗО")."""
    if word.isupper() and len(word) > 1:
        return word.casefold()
    return morph_vocab().parse(word)[0].normal_form


def restore_yo(normal: str, surface: str) -> str:
    """pymorphy writes ё as е: give a nominative back the ё its surface form has ("Селезнёва" -> "Селезнёв")."""
    words, written = normal.split(), surface.split()
    if len(words) != len(written):
        return normal
    out = []
    for word, form in zip(words, written):
        chars = list(word)
        for i, (a, b) in enumerate(zip(word, form)):
            if a.casefold() == "е" and b.casefold() == "ё":
                chars[i] = "Ё" if a.isupper() else "ё"
            elif a.casefold() != b.casefold():
                break
        out.append("".join(chars))
    return " ".join(out)


def _place_label(normal: str) -> str:
    """GPE for a country or a city, LOC for other places, as the English model labels them."""
    return "GPE" if places.country_of_place(places.english_place(normal) or "") else "LOC"


class NatashaTokenizer:
    """Text to an annotated Doc; each paragraph is parsed on its own, so a line break ends a sentence."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        segmenter, vocab, morph, syntax, ner = _natasha()
        from natasha import Doc as NatashaDoc

        words, lemmas, pos, morphs, heads, deps = [], [], [], [], [], []
        ents: list[tuple[int, int, str]] = []  # character offsets and label
        normal: dict[tuple[int, int], str] = {}
        offsets: list[int] = []  # each word's character offset
        for match in re.finditer(r"[^\n]+", text):
            paragraph, base = match.group(0), match.start()
            if not paragraph.strip():
                continue
            parsed = NatashaDoc(paragraph)
            parsed.segment(segmenter)
            parsed.tag_morph(morph)
            parsed.parse_syntax(syntax)
            parsed.tag_ner(ner)
            for sentence in parsed.sents:
                first = len(words)
                ids = {token.id: first + n for n, token in enumerate(sentence.tokens)}
                for n, token in enumerate(sentence.tokens):
                    token.lemmatize(vocab)
                    words.append(token.text)
                    offsets.append(base + token.start)
                    lemmas.append(token.text if token.pos == "PROPN" and not token.lemma else token.lemma or token.text)
                    pos.append(token.pos or "X")
                    morphs.append("|".join(f"{k}={v}" for k, v in sorted((token.feats or {}).items())))
                    heads.append(ids.get(token.head_id, first + n))
                    deps.append("ROOT" if token.rel == "root" or token.head_id not in ids else token.rel)
            for span in parsed.spans:
                span.normalize(vocab)
                label = _LABELS.get(span.type) or _place_label(span.normal)
                ents.append((base + span.start, base + span.stop, label))
                normal[(base + span.start, base + span.stop)] = restore_yo(span.normal, span.text)
        # Whitespace between words: one space is the word's trailing space; anything else a space token.
        out_words, out_spaces, index = [], [], []
        for i, (word, start) in enumerate(zip(words, offsets)):
            end = start + len(word)
            gap = text[end:offsets[i + 1]] if i + 1 < len(words) else text[end:]
            if i == 0 and start > 0:
                out_words.append(text[:start])
                out_spaces.append(False)
                index.append(None)
            out_words.append(word)
            index.append(i)
            if gap in ("", " "):
                out_spaces.append(gap == " ")
            else:
                out_spaces.append(gap.startswith(" "))
                out_words.append(gap[1:] if gap.startswith(" ") else gap)
                out_spaces.append(False)
                index.append(None)
        if not words:
            return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        position = {old: new for new, old in enumerate(index) if old is not None}
        # A space token hangs on the word before it (or, opening the text, on the first word).
        doc = Doc(
            self.vocab, words=out_words, spaces=out_spaces,
            heads=[position[heads[old]] if old is not None else (new - 1 if new else 1)
                   for new, old in enumerate(index)],
            deps=[deps[old] if old is not None else "dep" for old in index],
            pos=[pos[old] if old is not None else "SPACE" for old in index],
            lemmas=[lemmas[old] if old is not None else out_words[new] for new, old in enumerate(index)],
            morphs=[morphs[old] if old is not None else "" for old in index],
        )
        spans = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in ents]
        doc.ents = [s for s in spans if s is not None]
        doc.user_data["normal"] = normal
        return doc


@languages.register("ru")
def russian(model: str | None) -> Language:
    nlp = spacy.blank("ru")
    nlp.tokenizer = NatashaTokenizer(nlp.vocab)
    return nlp


# ---------------------------------------------------------------- names and entities within a document

def _normal(doc: Doc, start: int, end: int, text: str) -> str:
    return doc.user_data.get("normal", {}).get((start, end)) or text


@components.register("mentions.ru")
def russian_mentions(annotation: Annotation, doc: Doc) -> None:
    for ent in doc.ents:
        text = annotation.article.body[ent.start_char:ent.end_char]
        if any(c.isalpha() for c in text):
            annotation.mentions.append(Mention(ent.start_char, ent.end_char, text, ent.label_,
                                               annotation.sentence_at(ent.start_char)))


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


def _same_person(full: list[str], other: list[str]) -> bool:
    """Nominative names of one person: the same surname, given names that do not differ."""
    if _fold(full[-1]) != _fold(other[-1]):
        return False
    return len(full) == 1 or len(other) == 1 or _fold(full[0])[:1] == _fold(other[0])[:1]


@components.register("local_entities.ru")
def russian_entities(annotation: Annotation, doc: Doc) -> None:
    """People by the nominative of their names ("Селезнёва" joins "Роман Селезнёв"; a given name alone the
    one person who bears it); other names by their nominative text."""
    normals = [_normal(doc, m.start, m.end, m.text) for m in annotation.mentions]
    order = sorted(range(len(annotation.mentions)), key=lambda i: (-len(normals[i].split()), i))
    entities: list[LocalEntity] = []
    forms: list[list[str]] = []  # each entity's nominative forms
    for i in order:
        mention, words = annotation.mentions[i], normals[i].split()
        found = None
        for e, entity in enumerate(entities):
            if entity.label != mention.label and not (entity.label in ("GPE", "LOC") and mention.label in ("GPE", "LOC")):
                continue
            if mention.label == "PERSON":
                if any(_same_person(f.split(), words) for f in forms[e]):
                    found = e
                    break
            elif any(_fold(f) == _fold(normals[i]) for f in forms[e]):
                found = e
                break
        if found is None and mention.label == "PERSON" and len(words) == 1:
            # a given name alone: the one person of the document who bears it
            bearers = [e for e, entity in enumerate(entities) if entity.label == "PERSON" and
                       any(len(f.split()) > 1 and _fold(f.split()[0]) == _fold(words[0]) for f in forms[e])]
            found = bearers[0] if len(bearers) == 1 else None
        if found is None:
            entities.append(LocalEntity(name=normals[i], label=mention.label))
            forms.append([])
            found = len(entities) - 1
        entities[found].mentions.append(i)
        if normals[i] not in forms[found]:
            forms[found].append(normals[i])
    for entity, names in zip(entities, forms):
        entity.mentions.sort()
        entity.name = max(names, key=lambda n: (min(len(n.split()), 3), names.index(n) * -1))
        entity.aliases = [n for n in names if n not in {annotation.mentions[m].text for m in entity.mentions}]
    entities.sort(key=lambda e: e.mentions[0])
    annotation.entities.extend(entities)
