"""Entities within a document: "Roman Seleznyov", then "Seleznev" and "Seleznyouv", are one person.

People: full names are grouped first (one name in any transliteration, given names
not contradicting); a surname alone joins the person of that surname named last
before it (or first after it), and a given name alone joins the only person of the
document who bears it. Two people who share a surname stay two.

Other names are grouped by their text; a country by the country it names ("US",
"United States"); an organisation's short form joins its full one ("Foreign
Ministry", "Russian Foreign Ministry") and an acronym in brackets the name before it.

Titles: an entity's role is the head noun of the title the text gives it ("Russian
Ambassador Anatoly Antonov", "Bout, a Russian businessman", "the Foreign Ministry").
A later "the envoy", "the diplomat" or "the ministry" becomes a mention of the one
entity of the document that the title fits, when just one entity named before it
does; "the Russian" becomes a mention of the only person named in the sentences
just before it whom the text calls Russian.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from .. import places
from ..records import Annotation, LocalEntity, Mention
from ..registry import components
from ..resolve.names import HONORIFICS, fold, same_given, same_person_name, same_surname, same_word, split_name
from .roles import KIN, ORG_HEADS, is_person_role, neutral, refers_to

_NP_HEAD = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "attr", "oprd", "ROOT"}
_TITLE_PREPS = {"to", "of", "at", "in", "for"}
_WINDOW = 2  # sentences before a "the Russian" in which its person must be named
_NICKNAME = re.compile(r"""(?:^|\s)["“‘']([^"“”‘’]+?)["”’'](?=\s|$)""")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _key(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").removesuffix("'s").removeprefix("the ").split())


def _display_name(text: str) -> str:
    """A name as a heading shows it: "The German Foreign Ministry's" -> "German Foreign Ministry"."""
    text = text.removesuffix("’s").removesuffix("'s")
    return text[4:] if text[:4] in ("The ", "the ") else text


def _nickname(text: str) -> str | None:
    """The quoted nickname inside a name: 'Diego "El Toro" Ramos' -> El Toro."""
    found = _NICKNAME.search(text)
    return found.group(1).strip() if found else None


def _person_words(text: str) -> list[str]:
    """The words of a person's name, without honorifics and a quoted nickname."""
    words = _NICKNAME.sub(" ", _display_name(text)).split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in HONORIFICS:
        words = words[1:]
    return words


@dataclass
class _Title:
    role: str | None = None
    words: set[str] = field(default_factory=set)  # every word of the titles, casefolded
    countries: set[str] = field(default_factory=set)  # nationalities the titles give


def _descriptive(token: Token) -> bool:
    """A noun that can describe a person: "businessman", "citizen", "Ambassador" (not another name)."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and is_person_role(token.lower_))


def _countries(words) -> set[str]:
    found = set()
    for word in words:
        country = places.country(word) or (places.country_of_place(word) if word[:1].isupper() else None)
        if country:
            found.add(country)
    return found


class _Grouper:
    def __init__(self, annotation: Annotation, doc: Doc):
        self.annotation, self.doc = annotation, doc
        self.text = annotation.article.body  # the Doc's text; doc.text joins every token on each call
        self.entities = annotation.entities
        self.mentions = annotation.mentions
        self.titles: dict[int, _Title] = {}

    def span(self, mention: Mention) -> Span | None:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    # ---- grouping names

    def new(self, name: str, label: str) -> int:
        self.entities.append(LocalEntity(name=name, label=label))
        return len(self.entities) - 1

    def person_name(self, index: int) -> str:
        """The name a person's mention gives, with the surname it shares with the next name ("Pavel and Irina
        Sokolov": Pavel Sokolov)."""
        mention = self.mentions[index]
        return self.shared_surname.get((mention.start, mention.end)) or " ".join(_person_words(mention.text))

    def find_shared_surnames(self, people: list[int]) -> None:
        """A given name alone, joined by "and" to a full name, shares its surname: "Pavel and Irina Sokolov"
        (not where the word is some person's surname, or ends a longer name)."""
        self.shared_surname: dict[tuple[int, int], str] = {}  # by the mention's offsets
        surnames = [split_name(" ".join(_person_words(self.mentions[i].text)))[1] for i in people
                    if len(_person_words(self.mentions[i].text)) > 1]
        for index, following in pairwise(people):
            first, second = self.mentions[index], self.mentions[following]
            given, surname = split_name(" ".join(_person_words(second.text)))
            before = self.text[:first.start].split()[-1:]
            if " " not in first.text and first.text[:1].isupper() and len(given) == 1 and len(given[0]) > 1 and \
                    self.text[first.end:second.start] in (" and ", " & ") and \
                    not (before and before[0][:1].isupper() and before[0].isalpha()) and \
                    not any(same_word(first.text, other, typos=False) for other in surnames):
                self.shared_surname[(first.start, first.end)] = f"{first.text} {surname}"

    def group(self) -> None:
        people = [i for i, m in enumerate(self.mentions) if m.label == "PERSON"]
        self.find_shared_surnames(people)
        full = [i for i in people if split_name(self.person_name(i))[0]]
        bare = sorted(set(people) - set(full))
        last_seen: dict[int, list[int]] = {}
        nicknames: dict[str, int] = {}
        for index in full:  # in text order
            name = self.person_name(index)
            entity = next((e for e, ent in enumerate(self.entities) if ent.label == "PERSON" and
                           same_person_name(ent.name, name)), None)
            if entity is None:
                entity = self.new(name, "PERSON")
            self.attach(entity, index)
            last_seen.setdefault(entity, []).append(self.mentions[index].start)
            if _nickname(self.mentions[index].text):
                nicknames[fold(_nickname(self.mentions[index].text))] = entity
        with_full = set(last_seen)
        for index in bare:
            mention = self.mentions[index]
            word = " ".join(_person_words(mention.text))
            entity = nicknames.get(fold(word)) if word else None
            if entity is None:
                entity = self.surname_owner(word, mention.start, with_full, last_seen)
            if entity is None and self.text[mention.end:mention.end + 2] in ("'s", "’s"):
                # "Mr Hollin's" where the text names Mark Hollins: the apostrophe slipped into the surname
                entity = self.surname_owner(word + "s", mention.start, with_full, last_seen)
            if entity is None:
                entity = next((e for e, ent in enumerate(self.entities) if ent.label == "PERSON" and
                               e not in with_full and same_word(ent.name, word)), None)
            if entity is None:
                entity = self.new(word, "PERSON")
            self.attach(entity, index)
            last_seen.setdefault(entity, []).append(mention.start)
            if _nickname(mention.text):
                nicknames[fold(_nickname(mention.text))] = entity
        by_key: dict[tuple[str, str], int] = {}
        for index, mention in enumerate(self.mentions):
            if mention.label == "PERSON":
                continue
            key = (mention.label, _key(mention.text))
            if mention.label == "GPE" and places.country_named(mention.text):
                key = ("GPE", places.country_named(mention.text))
            entity = by_key.get(key)
            if entity is None:
                entity = by_key[key] = self.new(_display_name(mention.text), mention.label)
            self.attach(entity, index)
        self.join_short_forms()

    def attach(self, entity: int, mention: int) -> None:
        self.entities[entity].mentions.append(mention)

    def surname_owner(self, word: str, start: int, people: set[int], seen: dict[int, list[int]]) -> int | None:
        """The person a surname (or a given name) alone stands for: named last before it, else first after."""
        owners = [e for e in people if same_surname(split_name(self.entities[e].name)[1], word)]
        # Named only later: the surname must be spelled as the full name spells it, typos do not reach forward.
        owners = [e for e in owners if any(p < start for p in seen[e]) or
                  same_surname(split_name(self.entities[e].name)[1], word, typos=False)]
        if not owners:
            owners = [e for e in people if split_name(self.entities[e].name)[0] and
                      same_given(split_name(self.entities[e].name)[0][0], word, typos=False)]
            return owners[0] if len(owners) == 1 else None
        if len(owners) == 1:
            return owners[0]
        # "said son Remy Mbeki": past the sentence after it, the surname alone is no longer the relative's
        # the text introduced by kinship but the person the article is about.
        sentence = self.annotation.sentence_at(start)
        principal = [e for e in owners if not self.introduced_as_kin(e) or
                     any(0 <= sentence - self.annotation.sentence_at(p) <= 1 for p in seen[e] if p < start)]
        owners = principal or owners
        if len(owners) == 1:
            return owners[0]
        before = [(max(p for p in seen[e] if p < start), e) for e in owners if any(p < start for p in seen[e])]
        if before:
            return max(before)[1]
        return min((min(seen[e]), e) for e in owners)[1]

    def introduced_as_kin(self, entity: int) -> bool:
        """Whether the text first names this person after a kinship word: "his son Tresor Lind"."""
        first = self.span(self.mentions[self.entities[entity].mentions[0]])
        return first is not None and first.start > 0 and self.doc[first.start - 1].lower_ in KIN

    def join_short_forms(self) -> None:
        """ "Foreign Ministry" is the "Russian Foreign Ministry" named in full; "(FSB)" is the name before it."""
        merged: dict[int, int] = {}
        organisations = [i for i, e in enumerate(self.entities) if e.label in ("ORG", "FAC")]
        for short in organisations:
            words = _key(self.entities[short].name).split()
            for full in organisations:
                if full == short or full in merged:
                    continue
                longer = _key(self.entities[full].name).split()
                extra = longer[:len(longer) - len(words)]
                if len(longer) > len(words) and longer[len(extra):] == words and len(words) > 1 and \
                        all(places.country(w) for w in extra):
                    merged[short] = full
                    break
        for index, mention in enumerate(self.mentions):
            text = mention.text
            if not (text.isupper() and 2 <= len(text) <= 6):
                continue
            body = self.annotation.article.body
            before = body[max(0, mention.start - 2):mention.start]
            if before != " (" and before[-1:] != "(":
                continue
            previous = [(m.end, i) for i, m in enumerate(self.mentions) if m.end <= mention.start - 1 and
                        m.label in ("ORG", "FAC", "GPE") and mention.start - m.end <= 3]
            if not previous:
                continue
            full_mention = max(previous)[1]
            initials = "".join(w[0] for w in self.mentions[full_mention].text.split() if w[:1].isupper())
            if initials == text or initials.replace("O", "") == text:
                own = self.entity_of(index)
                target = self.entity_of(full_mention)
                if own is not None and target is not None and own != target:
                    merged[own] = target
        if merged:
            self.merge(merged)

    def entity_of(self, mention: int) -> int | None:
        return next((e for e, ent in enumerate(self.entities) if mention in ent.mentions), None)

    def merge(self, into: dict[int, int]) -> None:
        def final(e: int) -> int:
            while e in into:
                e = into[e]
            return e
        for source in into:
            self.entities[final(source)].mentions.extend(self.entities[source].mentions)
        keep = [i for i in range(len(self.entities)) if i not in into]
        self.entities[:] = [self.entities[i] for i in keep]

    # ---- titles

    def title_of(self, span: Span) -> _Title:
        """The titles the parse attaches to one name: compounds, appositions, "Ambassador to the US X"."""
        title = _Title()
        root = span.root
        heads: list[Token] = [c for c in root.children if c.dep_ in ("compound", "appos", "amod", "nmod")
                              and not span.start <= c.i < span.end and _descriptive(c)]
        if root.dep_ == "appos" and _descriptive(root.head) and not span.start <= root.head.i < span.end:
            heads.append(root.head)
        for found in (self.title_on_left(span), self.title_on_right(span), self.title_before(span)):
            if found is not None and found not in heads:
                heads.append(found)
        for head in heads:
            # Nationality from what stands before the title's noun ("Russian", "Moscow's"), not from
            # its complements ("ambassador to Washington", "arrested in Thailand").
            before = [t for c in head.lefts for t in c.subtree if not span.start <= t.i < span.end]
            after = [t for c in head.rights if c.dep_ == "prep" and c.lower_ in _TITLE_PREPS for t in c.subtree
                     if not span.start <= t.i < span.end]
            title.words.update(t.lower_ for t in [*before, head, *after] if t.is_alpha)
            title.countries |= _countries(t.text for t in [*before, head] if t.pos_ in ("ADJ", "PROPN", "NOUN"))
            for token in [head, *before]:
                role = token.lower_ if is_person_role(token.lower_) else token.lemma_.casefold()
                if is_person_role(role) and (title.role is None or title.role == "general"):
                    title.role = role  # "attorney general" is an attorney, "general" alone an officer
        return title

    def title_on_left(self, span: Span) -> Token | None:
        """ "Ambassador to the US Anatoly Antonov", "its ambassador to the USA, Anatoly Antonov"."""
        doc, i = self.doc, span.start - 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
        region = []
        while i >= 0 and len(region) < 5 and (doc[i].pos_ in ("PROPN", "DET", "ADJ") or doc[i].tag_ == "POS"):
            region.append(doc[i])
            i -= 1
        if not any(t.pos_ == "PROPN" for t in region) or i < 1 or doc[i].lower_ not in _TITLE_PREPS:
            return None
        role = doc[i - 1]
        return role if is_person_role(role.lemma_) or is_person_role(role.lower_) else None

    def title_before(self, span: Span) -> Token | None:
        """ "Russian businessman Viktor Bout": a title noun just before the name."""
        i = span.start - 1
        if i >= 0 and (is_person_role(self.doc[i].lemma_) or is_person_role(self.doc[i].lower_)):
            return self.doc[i]
        return None

    def title_on_right(self, span: Span) -> Token | None:
        """ "Anatoly Antonov, Moscow's ambassador to Washington", when the parse attached it elsewhere."""
        doc, i = self.doc, span.end
        if i >= len(doc) or doc[i].text != ",":
            return None
        for token in doc[i + 1:i + 6]:
            if is_person_role(token.lemma_) or is_person_role(token.lower_):
                return token
            if not (token.pos_ in ("DET", "PROPN", "ADJ") or token.tag_ in ("POS", "PRP$") or
                    (token.pos_ == "NOUN" and token.dep_ == "compound")):
                return None
        return None

    def find_titles(self) -> None:
        for e, entity in enumerate(self.entities):
            title = _Title()
            if entity.label == "PERSON":
                for m in entity.mentions:
                    span = self.span(self.mentions[m])
                    if span is None:
                        continue
                    found = self.title_of(span)
                    title.role = title.role or found.role
                    title.words |= found.words
                    title.countries |= found.countries
            elif entity.label in ("ORG", "FAC"):
                words = _key(entity.name).split()
                head = words[:words.index("of")][-1:] if "of" in words else words[-1:]
                if head and head[0] in ORG_HEADS:
                    title.role = head[0]
                title.words = set(words)
                title.countries = _countries(entity.name.split())
            if title.role and entity.role is None:
                entity.role = title.role
            self.titles[e] = title

    # ---- "the envoy", "the ministry", "the Russian"

    def first_named(self, entity: int) -> int:
        return min((self.mentions[m].start for m in self.entities[entity].mentions), default=10 ** 9)

    def role_mentions(self) -> list[tuple[int, int, int]]:
        """(start, end, entity) of definite noun phrases that stand for an entity's title."""
        taken = [(m.start, m.end) for m in self.mentions]
        found = []
        for token in self.doc:
            if token.pos_ != "NOUN" or token.tag_ in ("NNS", "NNPS") or token.dep_ not in _NP_HEAD | {"poss"}:
                continue
            lemma = token.lemma_.casefold()
            person = is_person_role(lemma)
            if not person and lemma not in ORG_HEADS:
                continue
            det = [c for c in token.children if c.dep_ == "det"]
            if not det or det[0].lower_ != "the":
                continue
            if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in token.children) or \
                    any(c.dep_ == "prep" and any(g.pos_ == "PROPN" and g.ent_type_ == "PERSON" for g in c.subtree)
                        for c in token.children):
                continue  # "the ambassador, Anatoly Antonov": a name follows, this is no reference back
            start, end = det[0].idx, token.idx + len(token.text)
            if any(s <= token.idx < e for s, e in taken):
                continue
            # "the Russian envoy": the nationality stays a mention of its own; this one starts after it.
            start = max([start, *(e for s, e in taken if start <= s and e <= token.idx)])
            start += len(self.text[start:end]) - len(self.text[start:end].lstrip())
            modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < token.i]
            entity = self.fitting(lemma, person, modifiers, start)
            if entity is not None:
                found.append((start, end, entity))
        return found

    def fitting(self, lemma: str, person: bool, modifiers: list[Token], start: int) -> int | None:
        fits = []
        for e, entity in enumerate(self.entities):
            title = self.titles.get(e)
            if title is None or title.role is None or self.first_named(e) >= start:
                continue
            if person != (entity.label == "PERSON"):
                continue
            if person and not refers_to(lemma, title.role):
                continue
            if not person and lemma not in title.words:
                continue
            if all(self.modifier_fits(m, title) for m in modifiers):
                fits.append(e)
        return fits[0] if len(fits) == 1 else None

    @staticmethod
    def modifier_fits(modifier: Token, title: _Title) -> bool:
        word = modifier.lower_
        if neutral(word) or modifier.pos_ in ("DET", "PRON", "NUM") or not modifier.is_alpha:
            return True
        country = places.country(modifier.text) or places.country_of_place(modifier.text)
        if country:
            return country in title.countries
        return word in title.words

    def nationality_mentions(self) -> list[tuple[int, int]]:
        """(mention, entity) for "the Russian" where one person of that nationality was just named."""
        found = []
        for index, mention in enumerate(self.mentions):
            if mention.label != "NORP" or " " in mention.text:
                continue
            span = self.span(mention)
            if span is None or len(span) != 1:
                continue
            token = span[0]
            country = places.country_of_demonym(token.text)
            if not country or token.text.endswith("s") or token.dep_ not in _NP_HEAD or token.i == 0 or \
                    self.doc[token.i - 1].lower_ != "the" or \
                    (token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ in ("NOUN", "PROPN")):
                continue
            window = [m for m in self.mentions if mention.sentence - _WINDOW <= m.sentence <= mention.sentence
                      and m.end <= mention.start and m.label == "PERSON"]
            people = {self.entity_of(self.mentions.index(m)) for m in window}
            people.discard(None)
            if len(people) == 1:
                person = people.pop()
                if country in self.titles.get(person, _Title()).countries:
                    found.append((index, person))  # with its article: "the Russian" is no spelling of a name
        return found

    # ---- the whole

    def run(self) -> None:
        self.group()
        self.find_titles()
        for index, person in self.nationality_mentions():
            own = self.entity_of(index)
            if own is not None:
                self.entities[own].mentions.remove(index)
            old = self.mentions[index]
            start = self.text.rindex("the", 0, old.start)
            self.mentions[index] = Mention(start, old.end, self.text[start:old.end], "PERSON", old.sentence)
            self.entities[person].mentions.append(index)
        for start, end, entity in self.role_mentions():
            label = self.entities[entity].label
            self.mentions.append(Mention(start, end, self.text[start:end], label,
                                         self.annotation.sentence_at(start)))
            self.entities[entity].mentions.append(len(self.mentions) - 1)
        self.entities[:] = [e for e in self.entities if e.mentions]
        self.renumber()
        for entity in self.entities:
            entity.name = self.fullest(entity)
        self.add_forms()

    def add_forms(self) -> None:
        """More forms the text names a person by: with an honorific ("Mr Hollis", "Pastor Hollis"); the name
        without its quoted nickname and the nickname alone ("Diego Ramos", "El Toro"); the name without a
        middle initial or "Jr." ("Karen T. Wolfe": Karen Wolfe); a given name with the surname it shares with the
        next name ("Pavel and Irina Sokolov")."""
        for entity in self.entities:
            if entity.label != "PERSON":
                continue
            for m in entity.mentions:
                mention = self.mentions[m]
                if mention.label != "PERSON":
                    continue
                words = self.person_name(m).split()
                plain = [w for n, w in enumerate(words) if not (0 < n and (
                    len(w.rstrip(".")) == 1 and w[:1].isupper() and n < len(words) - 1 or
                    w.casefold().rstrip(".") in _SUFFIXES))]
                forms = [" ".join(words), " ".join(plain)]
                nickname = _nickname(mention.text)
                if nickname:
                    forms += [nickname, f"{nickname} {split_name(' '.join(words))[1]}"]
                for form in forms:
                    if (len(form.split()) > 1 or form == nickname) and form != mention.text and \
                            form not in entity.aliases:
                        entity.aliases.append(form)
            for m in entity.mentions:
                span = self.span(self.mentions[m])
                before = self.doc[span.start - 1] if span is not None and span.start > 0 else None
                if before is not None and before.text[:1].isupper() and before.lower_.rstrip(".") in HONORIFICS \
                        and span.text[:1].isupper():
                    form = f"{before.text}{before.whitespace_ or ' '}{_display_name(span.text)}"
                    if form not in entity.aliases:
                        entity.aliases.append(form)

    def renumber(self) -> None:
        """Mentions in text order, with the entities' indices following them."""
        order = sorted(range(len(self.mentions)), key=lambda i: (self.mentions[i].start, self.mentions[i].end))
        new_index = {old: new for new, old in enumerate(order)}
        self.mentions[:] = [self.mentions[i] for i in order]
        for entity in self.entities:
            entity.mentions = sorted(new_index[m] for m in entity.mentions)

    def fullest(self, entity: LocalEntity) -> str:
        """The fullest form the document gives: most words, then most often, then first."""
        forms: dict[str, int] = {}
        for m in entity.mentions:
            mention = self.mentions[m]
            text = mention.text
            if text[:1].islower() or (entity.label == "PERSON" and mention.label != "PERSON"):
                continue  # "the envoy", a role rather than a name
            if entity.label == "PERSON":
                text = self.person_name(m)
            forms[_display_name(text)] = forms.get(_display_name(text), 0) + 1
        if not forms:
            return entity.name
        return max(forms, key=lambda f: (min(len(f.split()), 4), forms[f]))


@components.register("local_entities")
def group_mentions(annotation: Annotation, doc: Doc) -> None:
    _Grouper(annotation, doc).run()


def add_caption_names(annotation: Annotation, names: list[tuple[str, str]]) -> None:
    """Names in photo captions are more spellings of the people the article names, or people of their own.

    A name the tagger did not call a person still is one when it spells a person of the article; a single
    word is one of the article's people when just one of them bears it as surname or given name.
    """
    for name, label in names:
        name = _display_name(name)
        if len(name.split()) > 1:
            person = next((i for i, e in enumerate(annotation.entities)
                           if e.label == "PERSON" and same_person_name(e.name, name)), None)
        else:  # a surname or a given name alone: the one person of the article who bears it
            bearers = [i for i, e in enumerate(annotation.entities) if e.label == "PERSON" and len(e.name.split()) > 1
                       and (same_word(split_name(e.name)[1], name)
                            or any(same_given(given, name) for given in split_name(e.name)[0][:1]))]
            person = bearers[0] if len(bearers) == 1 else None
        if person is None:
            if label == "PERSON":
                annotation.entities.append(LocalEntity(name=name, label="PERSON", aliases=[name]))
        elif name not in annotation.entities[person].aliases:
            annotation.entities[person].aliases.append(name)
