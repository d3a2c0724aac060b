"""Mentions: the names in a document, with their types and character offsets.

The statistical tagger's entities come first, mended: titles and honorifics are
trimmed from people's names ("Ms Petrova"), a person's name the tagger fused with
the country before it is split off ("the US Anatoly Antonov"), spans are cut at
brackets and dashes. Its misses are found in the parse: a run of proper nouns is a
person when it is a full name of capitalised words that is no place, outlet or
English phrase, or a single word that repeats a person's surname or follows a
title ("businessman Kuzmin", "Bout, a Russian businessman", "Mr Kuzmin"), and a name
with a quoted nickname ('Diego "El Toro" Ramos') is one name, not three. Its
mislabels are mended from the document itself: a single word the tagger called an
organisation or a nationality is a person when it spells (in any transliteration)
the surname of a person the document names, or is the given name of just one of
them; a country the tagger called a person or an organisation is a place.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from .. import places
from ..clean import outlets
from ..records import Annotation, Mention
from ..registry import components
from ..resolve.names import HONORIFICS, same_given, same_spelling, same_surname, same_word, split_name
from .roles import KIN, is_person_role

KEPT_LABELS = {"PERSON", "ORG", "GPE", "FAC", "NORP", "LOC"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "god", "mr", "mrs", "ms", "dr", "sir", "christmas", "easter", "ramadan", "covid"}
_CUTS = {"[", "]", "(", ")", "-", "–", "—", "/", "|", ":", ";", '"', "“", "”"}
_NP_HEAD = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "attr", "oprd", "ROOT", "npadvmod"}
_LOCATIVE = {"in", "at", "from", "to", "near", "outside", "inside", "across", "into"}
_PLACE_PREPS = {"in", "near", "outside", "inside", "into", "across", "around"}  # rarely before a person
_OPENING_QUOTES = {'"', "“", "‘", "'"}
_CLOSING_QUOTES = {'"', "”", "’", "'"}

# English words per vocabulary, from the pipeline's lemmatizer tables (see remember_dictionary).
_DICTIONARIES: dict[int, frozenset[str]] = {}


def remember_dictionary(nlp) -> None:
    """Keep the English words a pipeline's rule lemmatizer knows, to tell names from capitalised words."""
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            _DICTIONARIES[id(nlp.vocab)] = frozenset(w for words in table.values() for w in words)


def _is_place_or_outlet(text: str) -> bool:
    return bool(places.country_of_place(text) or places.country(text) or outlets.by_name(text))


def _is_country_word(text: str) -> bool:
    return bool(places.country(text))


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _title_word(token: Token, kin: bool = False) -> bool:
    """A word that titles a name rather than being part of it: "Ms", "President", "Ambassador" (or "brother")."""
    lower = token.lower_.rstrip(".")
    return lower in HONORIFICS or is_person_role(lower) or (kin and lower in KIN)


def _trim(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int]:
    """Token bounds without a leading article, a trailing possessive, and (for people) titles, a verb and an
    age the tagger took in ("[Releasing] Varenko was ...", "Ana Silva[, 36]")."""
    while start < end and (doc[start].lower_ == "the" or (person and (
            _title_word(doc[start]) or (doc[start].pos_ == "VERB" and end - start > 1)))):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "'", "’") or
                           (person and (doc[end - 1].like_num or doc[end - 1].text == ","))):
        end -= 1
    return start, end


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at brackets, dashes and slashes: "US Department of Justice - TASS" is two names."""
    pieces, piece_start = [], start
    for i in range(start, end):
        spaced = doc[i].whitespace_ or (i > 0 and doc[i - 1].whitespace_)
        credit = doc[i].text == "/" and i + 1 < end and _capitalised(doc[i + 1])  # "AP Photo/Jane Roe"
        if doc[i].text in _CUTS and (spaced or credit or doc[i].text not in ("-", "–", "/")):  # not "Jean-Noël"
            if i > piece_start:
                pieces.append((piece_start, i))
            piece_start = i + 1
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces


def _role_before(doc: Doc, i: int, reach: int = 5) -> bool:
    """A title ends within a few words before token i: "Ambassador to the US [Anatoly Antonov]"."""
    sentence_start = doc[i].sent.start if i < len(doc) else 0
    for j in range(i - 1, max(sentence_start, i - reach) - 1, -1):
        token = doc[j]
        if _title_word(token) and token.ent_type_ != "PERSON":
            return True
        if token.pos_ in ("VERB", "AUX", "PRON") or token.text in (".", ";", ":"):
            return False
    return False


def _role_attached(token: Token) -> bool:
    """A word the parse ties to a title: "businessman Kuzmin", "Bout, a businessman", "Mr Kuzmin"."""
    for child in token.children:
        if child.dep_ in ("compound", "appos", "amod", "nmod") and _title_word(child, kin=True):
            return True
    if token.dep_ == "appos" and _title_word(token.head, kin=True):
        return True
    return token.i > 0 and doc_token_is_honorific(token.doc[token.i - 1])


def doc_token_is_honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS


def _distinct(surnames: list[str]) -> int:
    """How many people these surnames name, once spellings are folded."""
    kept: list[str] = []
    for surname in surnames:
        if not any(same_word(surname, other) for other in kept):
            kept.append(surname)
    return len(kept)


def _inner_hyphen(token: Token) -> bool:
    """The hyphen of a double-barrelled name: "Moore-Gilbert"."""
    doc = token.doc
    return token.text in ("-", "‐") and not token.whitespace_ and 0 < token.i < len(doc) - 1 and \
        not doc[token.i - 1].whitespace_ and _capitalised(doc[token.i - 1]) and _capitalised(doc[token.i + 1])


def _proper_runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    runs, current = [], []
    for token in doc:
        if token.i not in taken and ((token.pos_ == "PROPN" and _capitalised(token)) or
                                     (current and _inner_hyphen(token))):
            current.append(token.i)
            continue
        if current:
            runs.append((current[0], current[-1] + 1))
        current = []
    if current:
        runs.append((current[0], current[-1] + 1))
    return runs


class _Finder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.dictionary = _DICTIONARIES.get(id(doc.vocab), frozenset())
        self.found: list[tuple[int, int, str]] = []  # token bounds and label

    def is_word(self, text: str) -> bool:
        return text.casefold() in self.dictionary

    def add(self, start: int, end: int, label: str) -> None:
        if start < end:
            self.found.append((start, end, label))

    # ---- the tagger's entities

    def person_tail(self, start: int, end: int, person_words: set[str]) -> int | None:
        """Where a person's name starts inside a span the tagger labelled otherwise, if it does."""
        doc = self.doc
        for k in range(start + 1, end - 1):
            tail = doc[k:end]
            if len(tail) > 3 or not all(_capitalised(t) and t.pos_ == "PROPN" and not t.is_upper and
                                        not _is_country_word(t.text) for t in tail):
                continue
            prefix = [t for t in doc[start:k] if t.pos_ != "DET"]
            # "the BBC's Marco Bellini": an outlet's reporter, named in full.
            if len(tail) > 1 and self.outlets_own(start, k) and not any(self.is_word(t.text) for t in tail):
                return k
            if not prefix or not any(_is_country_word(t.text) or _is_place_or_outlet(t.text) or t.is_upper
                                     for t in prefix):
                continue
            surname = tail[-1].text
            if any(same_spelling(surname, w) for w in person_words) or _role_before(doc, k, reach=8):
                return k
            # "Italian Ettore Pallavicci": a nationality, then a full name of words no dictionary has
            if len(tail) > 1 and not any(self.is_word(t.text) for t in tail) and \
                    all(places.country_of_demonym(t.text) for t in prefix):
                return k
        return None

    def name_word(self, token: Token) -> bool:
        """A word that can be part of a person's name: a capitalised proper noun, no English word, title,
        acronym or place."""
        return token.pos_ == "PROPN" and _capitalised(token) and not token.is_upper and \
            not self.is_word(token.text) and not _title_word(token) and not _is_place_or_outlet(token.text)

    def nicknamed(self) -> list[tuple[int, int]]:
        """Token bounds of names with a quoted nickname before the surname: 'Diego "El Toro" Ramos',
        "'El Toro' Ramos", where the tagger calls some of it a person."""
        doc, found = self.doc, []
        person_words = {t.text for t in doc if t.ent_type_ == "PERSON"}
        for i, token in enumerate(doc):
            if token.text not in _OPENING_QUOTES or (found and i < found[-1][1]):
                continue
            close = i + 1
            while close < len(doc) and close - i <= 3 and _capitalised(doc[close]):
                close += 1
            if close == i + 1 or close >= len(doc) or doc[close].text not in _CLOSING_QUOTES:
                continue
            end = close + 1
            while end < len(doc) and end - close <= 2 and self.name_word(doc[end]):
                end += 1
            start = i
            while start > 0 and i - start < 2 and self.name_word(doc[start - 1]):
                start -= 1
            if end > close + 1 and (any(t.ent_type_ == "PERSON" for t in doc[start:end]) or
                                    any(t.text in person_words for t in doc[close + 1:end])):
                found.append((start, end))
        return found

    def outlets_own(self, start: int, end: int) -> bool:
        """Whether tokens start..end are an outlet's name with its possessive: "Al Jazeera's"."""
        doc = self.doc
        return end - start > 1 and doc[end - 1].tag_ == "POS" and \
            bool(outlets.by_name(doc[start:end - 1].text.removeprefix("the ").removeprefix("The ")))

    def entities(self) -> set[int]:
        doc = self.doc
        person_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent if _capitalised(t)}
        taken: set[int] = set()
        nicknamed = self.nicknamed()
        for start, end in nicknamed:
            self.add(start, end, "PERSON")
            taken.update(range(start, end))
        for ent in doc.ents:
            if ent.label_ not in KEPT_LABELS or any(s < ent.end and ent.start < e for s, e in nicknamed):
                continue
            taken.update(range(ent.start, ent.end))
            pieces = _pieces(doc, ent.start, ent.end)
            for start, end in pieces:
                label = ent.label_
                if 1 < end - start <= 3 and start > 1 and doc[start - 1].text == "/" and \
                        doc[start - 2].lower_ in ("photo", "photos", "video"):
                    label = "PERSON"  # the photographer of a credit: "(AP Photo/Jane Roe)"
                tail = self.person_tail(start, end, person_words) if label != "PERSON" else None
                if tail is not None:
                    head_start, head_end = _trim(doc, start, tail, person=False)
                    if head_end > head_start:
                        self.add(head_start, head_end, "GPE" if places.country_named(doc[head_start:head_end].text)
                                 else label)
                    start, label = tail, "PERSON"
                start, end = _trim(doc, start, end, person=label == "PERSON")
                if label == "PERSON":
                    while end - start > 1 and self.opening_gerund(doc[start]):
                        start += 1
                    # "Acme CFO Liu Yanhong": the name follows the last title inside the span
                    titles = [i for i in range(start, end - 1) if _title_word(doc[i])]
                    start = titles[-1] + 1 if titles else start
                    start = self.given_names_before(start, end)
                    start, end = self.double_barrelled(start, end)
                    taken.update(range(start, end))
                span = doc[start:end]
                if not span or not any(t.is_alpha for t in span) or span.text.casefold() in _NOT_NAMES:
                    continue
                if not any(t.text[:1].isupper() or t.is_digit for t in span):
                    continue  # "the foreign ministry": a description, not a name
                if len(pieces) > 1 and end - start == 1 and label != "PERSON" and self.is_word(span.text) and \
                        not span.text.isupper() and not _is_place_or_outlet(span.text):
                    continue  # "Administration" left over from "[US] Administration"
                self.add(start, end, label)
        people = [(s, e) for s, e, label in self.found if label == "PERSON"]
        # A word a person's name took in is no name of its own ("Darius" called a place).
        self.found = [(s, e, "PERSON" if label in ("ORG", "LOC", "GPE", "FAC") and e - s > 1
                       and not _is_place_or_outlet(doc[s:e].text) and self.person_like(s, e) else label)
                      for s, e, label in self.found
                      if label == "PERSON" or not any(ps <= s and e <= pe for ps, pe in people)]
        return taken

    def opening_gerund(self, token: Token) -> bool:
        """A sentence's first word that is an English verb in -ing, capitalised there only: "[Freeing] Kuzmin was
        ..." (the tagger, misled by the capital, may call it a proper noun)."""
        stem = token.lower_.removesuffix("ing")
        return token.is_sent_start and stem != token.lower_ and len(stem) > 2 and (
            self.is_word(stem) or self.is_word(stem + "e"))

    def double_barrelled(self, start: int, end: int) -> tuple[int, int]:
        """A person's span with the halves of a hyphenated surname the tagger left out: "Dr Moore-[Gilbert]"."""
        doc = self.doc

        def joined(hyphen: int, word: int) -> bool:
            return doc[hyphen].text in ("-", "‐") and not doc[hyphen].whitespace_ and \
                not doc[hyphen - 1].whitespace_ and _capitalised(doc[word]) and not _title_word(doc[word])
        while start >= 2 and joined(start - 1, start - 2):
            start -= 2
        while end + 1 < len(doc) and joined(end, end + 1):
            end += 2
        return start, end

    def given_names_before(self, start: int, end: int) -> int:
        """Where a person's name starts once the given names the tagger left out are in: "[Taras] Hrytsak".
        A left-out word is a capitalised proper noun compounded into the name, and no title, English word,
        place or outlet."""
        doc = self.doc
        while start > 0:
            token = doc[start - 1]
            if not (token.pos_ == "PROPN" and _capitalised(token) and not token.is_upper and token.dep_ == "compound"
                    and start <= token.head.i < end and not _title_word(token, kin=True)
                    and not self.is_word(token.text) and not _is_place_or_outlet(token.text)
                    and not _is_country_word(token.text)):
                break
            start -= 1
        return start

    # ---- names the tagger missed

    def runs(self, taken: set[int]) -> None:
        doc = self.doc
        surnames = self.surnames()
        for run_start, end in _proper_runs(doc, taken):
            start, end = _trim(doc, run_start, end, person=True)
            # "Vice Air Marshal R K Sethi": the name follows the last title word of the run
            titles = [i for i in range(start, end - 1) if _title_word(doc[i])]
            start = titles[-1] + 1 if titles else start
            # "NSA Vikram Rao": an acronym titles the full name after it
            while end - start > 2 and doc[start].is_upper and len(doc[start]) > 1 and \
                    not any(self.is_word(t.text) or t.is_upper for t in doc[start + 1:end]):
                start += 1
            if start >= end:
                continue
            titled = start > run_start or _role_before(doc, start, reach=2)
            span = doc[start:end]
            words = span.text.split()
            if span.text.casefold() in _NOT_NAMES or any(w.casefold() in _NOT_NAMES for w in words):
                continue
            if _is_place_or_outlet(span.text) or any(_is_country_word(w) for w in words):
                continue
            # Initials in capitals may open a titled full name ("Marshal RGK Sethi"), not stand elsewhere.
            if len(words) > 4 or any(w.isupper() and len(w) > 1 and (n or not titled or len(words) == 1)
                                     for n, w in enumerate(words)):
                continue
            if len(words) > 1:
                # "Special Envoy", "Legal Assistance Treaty": capitalised English words, not a name.
                if self.is_word(words[-1]) and not titled and not any(same_spelling(words[-1], s) for s in surnames):
                    continue
                self.add(start, end, "PERSON")
                continue
            token = span[0]
            if any(same_word(token.text, s) for s in surnames) or _role_attached(token) or \
                    (titled and not self.is_word(token.text)):
                self.add(start, end, "PERSON")

    def surnames(self) -> list[str]:
        return [split_name(self.doc[s:e].text)[1] for s, e, label in self.found
                if label == "PERSON" and e - s > 1]

    # ---- labels mended from the document

    def relabel(self) -> list[tuple[int, int, str]]:
        doc = self.doc
        people = [split_name(doc[s:e].text) for s, e, label in self.found if label == "PERSON" and e - s > 1]
        surnames = [surname for _, surname in people]
        given = {}  # given name -> the surnames of the people who bear it
        for names, surname in people:
            if names and len(names[0]) > 1:
                given.setdefault(names[0], set()).add(surname)
        alone_count = Counter(doc[s:e].text for s, e, label in self.found if label == "PERSON" and e - s == 1)
        alone = set(alone_count)
        mended = []
        for start, end, label in sorted(set(self.found)):
            span = doc[start:end]
            text = span.text
            single = end - start == 1 or not any(t.whitespace_ for t in span[:-1])  # "Moore-Gilbert" too
            located = start > 0 and doc[start - 1].lower_ in _LOCATIVE or \
                (text.isupper() and (start == 0 or "\n" in doc[start - 1].text_with_ws))  # a dateline
            if label != "PERSON" and places.country_named(text):
                label = "GPE" if label in ("ORG", "PERSON", "LOC", "FAC") else label
            elif label != "PERSON" and single and start > 0 and doc_token_is_honorific(doc[start - 1]):
                label = "PERSON"  # "Mr Paris"
            elif label != "NORP" and single and places.country_of_demonym(text) and \
                    not any(same_word(text, s) for s in surnames):
                label = "NORP"  # "Lithuanian" called an organisation
            elif label != "PERSON" and single and not _is_place_or_outlet(text) and \
                    (text in alone or any(same_surname(text, s) for s in surnames)):
                label = "PERSON"  # a surname the tagger took for an organisation or a nationality
            elif label in ("ORG", "FAC") and single and located and places.country_of_place(text):
                label = "GPE"  # "MINSK", "in Vilnius" called an organisation
            elif label in ("NORP", "LOC", "GPE", "ORG") and single and not _is_country_word(text) and \
                    span[0].dep_ in _NP_HEAD and not any(c.dep_ in ("compound", "amod") for c in span[0].children) \
                    and (end == len(doc) or doc[end].pos_ not in ("PROPN", "NOUN")) and \
                    _distinct([s for g, bearers in given.items() if same_given(text, g, typos=False) for s in bearers]) == 1:
                label = "PERSON"  # a given name alone: "... easier for Roman"
            elif label == "PERSON" and single and not any(same_word(text, s) for s in surnames) and \
                    alone_count[text] == 1 and (_is_country_word(text) or (
                        start > 0 and (doc[start - 1].lower_ in _PLACE_PREPS or
                                       (places.country_of_place(text) and doc[start - 1].lower_ in _LOCATIVE))
                        and (end == len(doc) or doc[end].tag_ != "POS"))):
                label = "GPE"  # "in Washington", "near Medininkai", "Russia" called a person
            mended.append((start, end, label))
        return mended

    def person_like(self, start: int, end: int) -> bool:
        """A full name the tagger called an organisation or a place ("Aleksei Nawalny"): a title or its surname
        alone elsewhere."""
        doc = self.doc
        span = doc[start:end]
        if len(span) > 3 or not all(_capitalised(t) and t.pos_ == "PROPN" for t in span):
            return False
        # "lawyer Etienne Morel": a title the parse ties to it, a given name that is no English word
        if _role_attached(span.root) and not self.is_word(span[0].text):
            return True
        if any(self.is_word(t.text) for t in span):
            return False
        if _role_before(doc, start, reach=2) or \
                any(self.outlets_own(s, start) for s in range(max(0, start - 4), start)):
            return True
        last = span[-1].text
        if _is_place_or_outlet(last):
            return False
        # The surname alone, whatever the tagger called it there: "Oleg Varnek ... extradite Varnek";
        # or the given name alone, called a person: "Dana Keller ... Dana was jailed".
        first = span[0].text
        return any(not start <= t.i < end and t.ent_iob_ != "I" and (t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN")
                   and (t.text == last or (t.text == first and t.ent_type_ == "PERSON")) for t in doc)


def names_in(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of the names of a text: the tagger's, mended as the module says."""
    finder = _Finder(doc)
    taken = finder.entities()
    finder.runs(taken)
    names, seen = [], set()
    for start, end, label in finder.relabel():
        span = doc[start:end]
        if (span.start_char, span.end_char) in seen:
            continue
        seen.add((span.start_char, span.end_char))
        names.append((span.start_char, span.end_char, span.text, label))
    return names


@components.register("mentions")
def find_mentions(annotation: Annotation, doc: Doc) -> None:
    for start, end, text, label in names_in(doc):
        annotation.mentions.append(Mention(start, end, text, label, annotation.sentence_at(start)))
