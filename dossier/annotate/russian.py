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
from spacy.tokens import Doc, Span

from .. import places
from ..records import Annotation, LocalEntity, Mention
from ..registry import components, languages
from ..resolve.names import english_spelling

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


def _cut_cycles(heads: list[int], deps: list[str]) -> None:
    """The parser now and then makes words each other's heads: such a cycle is cut at one word, made a root."""
    for start in range(len(heads)):
        seen, node = set(), start
        while heads[node] != node and node not in seen:
            seen.add(node)
            node = heads[node]
        if heads[node] != node:  # back at a word already passed: a cycle
            heads[node], deps[node] = node, "ROOT"


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
        _cut_cycles(heads, deps)
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
        for span in doc.ents:  # natasha keeps a declined foreign surname as it is: "Дэниел Уиткомба"
            if span.label_ == "PERSON":
                normal[(span.start_char, span.end_char)] = person_nominative(span)
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


_STRIP = {"Gen": ("а", "я"), "Acc": ("а", "я"), "Dat": ("у", "ю"), "Ins": ("ом", "ем", "ым", "им"), "Loc": ("е",)}


def person_nominative(span: Span) -> str:
    """A person's name in the nominative, read word by word with the dictionary: "Игоря Сомова" -> "Игорь
    Сомов"; a masculine surname the dictionary does not know loses its case ending ("Уиткомба" -> "Уиткомб")."""
    words = [t for t in span if t.is_alpha or "-" in t.text]
    parses = {t.i: morph_vocab().parse(t.text) for t in words}
    gender = next((p.tag.gender for t in words for p in parses[t.i] if "Name" in p.tag.grammemes), None)
    out = []
    for t in words:
        case = (t.morph.get("Case") or ["Nom"])[0]
        text = t.text
        if case != "Nom" and not t.text.isupper():
            named = [p for p in parses[t.i] if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)
                     and p.feats.get("Case") == case and (gender is None or p.tag.gender in (gender, None))]
            inflected = named[0].inflect({"Nom"}) if named else None
            if inflected is not None:
                text = restore_yo(inflected.word.capitalize(), t.text)
            elif gender == "masc":
                ending = next((e for e in _STRIP.get(case, ()) if t.lower_.endswith(e) and len(t.text) > len(e) + 2), None)
                stem = t.text[:-len(ending)] if ending else t.text
                # an unknown surname, or one of the Russian surnames' endings ("Сомова" is no word's case here)
                if ending and (not morph_vocab().word_is_known(t.text.casefold()) or
                               _fold(stem).endswith(("ов", "ев", "ин", "ын"))):
                    text = stem
        out.append(text)
    return " ".join(out)


def _is_name_word(word: str) -> bool:
    """A word that can be part of a person's name: one the dictionary calls a name, or does not know."""
    forms = morph_vocab().parse(word)
    return any({"Name", "Surn", "Patr"} & set(f.tag.grammemes) for f in forms) or \
        not morph_vocab().word_is_known(word.casefold())


def _pieces(text: str, start: int) -> list[tuple[int, int]]:
    """A name cut at brackets: "Дэниела Уиткомба (Daniel Whitcomb)" is two spellings of one name."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^()\[\]]+", text)
            if m.group(0).strip()]


@components.register("mentions.ru")
def russian_mentions(annotation: Annotation, doc: Doc) -> None:
    body = annotation.article.body
    for ent in doc.ents:
        for start, end in _pieces(body[ent.start_char:ent.end_char], ent.start_char):
            text = body[start:end]
            start, end = start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())
            text = body[start:end]
            if not any(c.isalpha() for c in text):
                continue
            if ent.label_ == "PERSON" and not any(_is_name_word(w) for w in re.findall(r"\w+", text)):
                continue  # "Помилование", "Отбывший": words the tagger took for names
            annotation.mentions.append(Mention(start, end, text, ent.label_, annotation.sentence_at(start)))
            if (start, end) != (ent.start_char, ent.end_char):
                piece = doc.char_span(start, end, alignment_mode="expand")
                doc.user_data["normal"][(start, end)] = person_nominative(piece) if ent.label_ == "PERSON" and \
                    piece is not None else text
    # A surname the tagger missed, or that is also a word ("Сомов", of "сом"), where the article names its
    # person elsewhere: "Журавлёв содержится в ..."
    surnames = {m.text.split()[-1] for m in annotation.mentions if m.label == "PERSON"}
    taken = {i for m in annotation.mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.pos_ == "PROPN" and token.idx not in taken and token.text[:1].isupper() and \
                any(same_surname(token.text, surname) for surname in surnames):
            annotation.mentions.append(Mention(token.idx, token.idx + len(token.text), token.text, "PERSON",
                                               annotation.sentence_at(token.idx)))
            doc.user_data["normal"][(token.idx, token.idx + len(token.text))] = token.text
    annotation.mentions.sort(key=lambda m: (m.start, m.end))


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


# Endings of a surname declined: Журавлёва, Журавлёву, Журавлёвым, Уиткомбе.
_ENDINGS = ("а", "у", "ом", "ым", "ем", "е", "ой", "ую", "ы", "ю", "я", "и", "ого", "ому", "ой")


def same_surname(a: str, b: str) -> bool:
    """One surname, in any of its cases."""
    a, b = _fold(a), _fold(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short):] in _ENDINGS:
        return True
    stems = lambda w: {w[:-len(e)] for e in _ENDINGS if w.endswith(e) and len(w) - len(e) >= 3}  # noqa: E731
    return bool(stems(a) & stems(b))


def _same_person(full: list[str], other: list[str]) -> bool:
    """Names of one person: the same surname, given names that do not differ."""
    if not same_surname(full[-1], other[-1]):
        return False
    return len(full) == 1 or len(other) == 1 or _fold(full[0])[:3] == _fold(other[0])[:3]


def _nominative_form(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and all(t.morph.get("Case") in ([], ["Nom"]) for t in span if t.is_alpha)


@components.register("local_entities.ru")
def russian_entities(annotation: Annotation, doc: Doc) -> None:
    """People by their names in any case ("Селезнёва" joins "Роман Селезнёв"; a given name alone the one
    person who bears it); other names by their nominative text. A person is named by the fullest form, with
    the surname as a nominative mention writes it where one does."""
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
                if any(_same_person(f.split(), words) for f in forms[e]) or \
                        _same_person(annotation.mentions[entity.mentions[0]].text.split(), mention.text.split()):
                    found = e
                    break
            elif any(_fold(f) == _fold(normals[i]) for f in forms[e]):
                found = e
                break
        if found is None and mention.label == "PERSON" and i > 0 and \
                re.fullmatch(r"\s*\(\s*", annotation.article.body[annotation.mentions[i - 1].end:mention.start]):
            # "Дэниела Уиткомба (Daniel Whitcomb)": a name's spelling in brackets
            found = next((e for e, entity in enumerate(entities) if i - 1 in entity.mentions), None)
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
        latin = [n for n in names if not re.search(r"[а-яё]", n, re.I)]
        names = [n for n in names if n not in latin] or names
        entity.name = max(names, key=lambda n: (min(len(n.split()), 3), -names.index(n)))
        if entity.label == "PERSON":
            written = [annotation.mentions[m].text.split()[-1] for m in entity.mentions
                       if _nominative_form(doc, annotation.mentions[m])]
            surname = entity.name.split()[-1]
            nominative = [w for w in written if same_surname(w, surname) and re.search(r"[а-яё]", w, re.I)]
            if nominative and _fold(nominative[0]) != _fold(surname):
                entity.name = " ".join([*entity.name.split()[:-1], nominative[0]])  # natasha's "Уиткомба"
        texts = {annotation.mentions[m].text for m in entity.mentions}
        if entity.label == "PERSON" and len(entity.name.split()) > 1 and entity.name not in texts:
            # a full name the text never writes in the nominative is named as English-language news spells it
            names.insert(0, entity.name)
            entity.name = english_spelling(entity.name)
        entity.aliases = [n for n in [entity.name, *names] if n not in texts]
        entity.aliases = list(dict.fromkeys(entity.aliases))
    entities.sort(key=lambda e: e.mentions[0])
    annotation.entities.extend(entities)
