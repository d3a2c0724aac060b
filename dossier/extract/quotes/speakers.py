"""Speakers' words to document entities: names, pronouns, titles ("the envoy") and institutions
("the ministry")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ... import places
from ...records import Annotation, LocalEntity, Mention
from ..linking import Linker
from ..schema import REPORTING_VERBS

# Titles that stand for a person the article has named: "the envoy said".
ROLE_GROUPS = [
    {"ambassador", "envoy", "diplomat", "emissary"}, {"consul", "consul general", "consul-general"},
    {"minister"}, {"spokesman", "spokeswoman", "spokesperson"}, {"president"}, {"prime minister", "premier"},
    {"lawyer", "attorney", "counsel"}, {"prosecutor"}, {"judge"}, {"official"}, {"mother"}, {"father"},
    {"wife"}, {"husband"}, {"sister"}, {"brother"}, {"daughter"}, {"son"},
]
# Institutions of which an article has one in view when it names them by their kind: "the embassy said".
_NAMED_BY_KIND = {"embassy", "consulate", "ministry", "kremlin", "presidency", "mission"}
# Nouns for people who speak together for one of their own: "the Hollis family said".
_KIN_GROUPS = {"family", "relatives", "parents"}
# Nouns for words said, whose speaker is the one the article last quoted: "the statement read".
_SAYINGS = {"statement", "letter", "communique", "post", "message", "tweet"}
# Heads of the noun phrases that name an institution speaking: "the Iranian foreign ministry said".
ORG_HEADS = {"ministry", "embassy", "department", "office", "kremlin", "court", "government", "agency",
             "service", "committee", "council", "police", "junta", "judiciary", "prosecutors", "prosecution",
             "authorities", "administration", "cabinet", "presidency", "parliament", "consulate", "mission",
             "army", "military", "command", "directorate", "bureau", "commission", "spokesperson's office"}




class SpeakerResolver:
    """Names, pronouns and titles ("the envoy", "the ministry") to document entities."""

    def __init__(self, annotation: Annotation, doc: Doc, linker: Linker):
        self.annotation, self.doc, self.linker = annotation, doc, linker
        self.text = annotation.article.body  # the Doc's text; doc.text joins every token on each call
        self.title_words: dict[int, set[str]] = {}  # every word of the titles each person is given
        self.roles = self._roles()
        self.last_speaker: int | None = None

    def _roles(self) -> dict[int, set[str]]:
        """Titles the article gives each person, by the grammar that joins them to the name:
        "Ambassador Jan Novak", "Novak, the envoy", "Jan Novak, Prague's ambassador"."""
        roles: dict[int, set[str]] = {}
        for index, entity in enumerate(self.annotation.entities):
            if entity.label != "PERSON":
                continue
            titles = {entity.role.casefold()} if getattr(entity, "role", None) else set()
            for m in entity.mentions:
                mention = self.annotation.mentions[m]
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                titles.update(t.lower_ for t in root.children if t.dep_ in ("compound", "appos") and t.i < span.start)
                titles.update(t.lower_ for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN")
                if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                    titles.add(root.head.lower_)
                if root.dep_ == "compound" and root.head.pos_ == "NOUN":
                    titles.add(root.head.lower_)
                # Where the parse misses it: the words just before the name, or an apposition just after it
                # ("Jan Novak, Prague's ambassador to Rome, said").
                titles.update(self.text[max(0, mention.start - 40):mention.start].casefold().split()[-3:])
                after = re.match(r",\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)", self.text[mention.end:mention.end + 60])
                if after:
                    titles.update(after.group(1).casefold().split())
            for group in ROLE_GROUPS:
                if titles & group or any(title.endswith(role) for title in titles for role in group):
                    roles.setdefault(index, set()).update(group)
            if index in roles:
                self.title_words[index] = titles
        return roles

    def resolve(self, token: Token, create: bool = True) -> int | None:
        """The entity a speaker's word names; ``create`` lets an institution the tagger missed become one."""
        lower = token.lower_
        if lower in ("he", "she", "they", "i", "we"):
            return self.last_speaker if self.last_speaker is not None else self.linker.last_person(token.idx)
        if lower == "it":  # "..., it added": the institution quoted or named last
            last = self.last_speaker
            if last is not None and self.annotation.entities[last].label == "ORG":
                return last
            return self.linker.last_entity(token.idx, "ORG")
        entity = self.linker.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None and self.annotation.entities[entity].label in ("PERSON", "ORG", "GPE", "NORP"):
            if self.annotation.entities[entity].label == "NORP":
                return self.linker.person(token)
            if self.annotation.entities[entity].label == "ORG" and token.pos_ == "PROPN":
                # "de Vries said": a surname the tagger took for an organisation, of a person named before.
                name = self.annotation.entities[entity].name.casefold()
                people = [i for i, e in enumerate(self.annotation.entities) if e.label == "PERSON"
                          and len(e.name.split()) > len(name.split()) and e.name.casefold().endswith(" " + name)]
                if len(people) == 1:
                    return people[0]
            return entity
        named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:  # "the envoy, Jan Novak"
            return self.resolve(named[0], create)
        word = token.lemma_.casefold()
        if word in {role for group in ROLE_GROUPS for role in group}:
            holder = self._named_in_title(token)
            if holder is not None:  # "Ambassador to China Jan Novak said", parsed as the envoy to Novak
                return holder
        if word in _SAYINGS:  # "the statement read": the words of whoever the article last reported saying
            return self._owner(token) or self._last_reporter(token, create)
        if word in _KIN_GROUPS:
            return self.family(token, create)
        qualifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i}
        titled = " ".join([*sorted(qualifiers), word])
        groups = [g for g in ROLE_GROUPS if word in g or lower in g or titled in g]
        for group in sorted(groups, key=lambda g: -max(len(role.split()) for role in g)):
            holders = [i for i, roles in self.roles.items() if roles & group]
            # "the prime minister" is the one a title calls prime, not the foreign minister
            holders = [i for i in holders if qualifiers <= self.title_words.get(i, set()) | set(" ".join(group).split())]
            if len(holders) == 1:
                return holders[0]
            if holders:
                return self.last_speaker if self.last_speaker in holders else holders[-1]
        if groups:
            if self._untitled_last_speaker(token):
                return self.last_speaker  # "Jana Novak said ... the prime minister told MPs": her title
            # "a spokesperson for the National Security Council": who the nameless speaker speaks for
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = self.linker.entity_at(obj.idx, obj.idx + len(obj.text))
                            if found is not None and self.annotation.entities[found].label == "ORG":
                                return found
                            if obj.lemma_.casefold() in ORG_HEADS:
                                return self.institution(obj, create)
            return None
        if word in ORG_HEADS or lower in ORG_HEADS:
            return self.institution(token, create)
        found = self.linker.person(token)
        if found is None and token.is_title and not token.is_sent_start and not token.ent_type_ and token.tag_ == "NN" and \
                not any(c.dep_ in ("det", "poss") for c in token.children):
            # "Varenko said": a surname the tagger took for a common noun
            found = self._by_surname(token)
            if found is None and create:
                found = self._new_speaker(token.text, token.idx, token.idx + len(token.text), "PERSON")
        return found

    def _named_in_title(self, title: Token) -> int | None:
        """The person whose surname ends the title's own phrase."""
        words = [t for t in title.subtree if t.i > title.i and t.pos_ == "PROPN"]
        if not words or words[-1].i != max(t.i for t in title.subtree):
            return None
        return self._by_surname(words[-1])

    def _by_surname(self, word: Token) -> int | None:
        """The one person of the article whose name ends with this word."""
        people = [i for i, e in enumerate(self.annotation.entities)
                  if e.label == "PERSON" and e.name.split()[-1].casefold() == word.lower_]
        return people[0] if len(people) == 1 else None

    def _owner(self, saying: Token) -> int | None:
        """Whose a statement is, by its own phrase: "the ministry's statement", "a statement released on the
        club's website", "a statement by the embassy"."""
        for word in saying.subtree:
            if word.i != saying.i and word.pos_ == "PROPN" and word.dep_ in ("poss", "pobj", "compound"):
                found = self.linker.entity_at(word.idx, word.idx + len(word.text))
                if found is not None and self.annotation.entities[found].label in ("ORG", "PERSON", "GPE"):
                    return found
        return None

    def _last_reporter(self, token: Token, create: bool) -> int | None:
        """The subject of the last verb of saying in the sentences before a word, or the last speaker quoted."""
        sentences = [s for s in self.doc.sents if s.end <= token.sent.start][-2:] + [token.sent]
        subjects = [c for s in sentences for t in s if t.i < token.i and t.pos_ == "VERB"
                    and t.lemma_.casefold() in REPORTING_VERBS for c in t.children if c.dep_ == "nsubj"
                    and c.pos_ in ("NOUN", "PROPN") and c.lemma_.casefold() not in _SAYINGS]
        return self.resolve(subjects[-1], create) if subjects else self.last_speaker

    def _untitled_last_speaker(self, title: Token) -> bool:
        """Whether "the <title>" can be the person last quoted, of whom the article gives no other title."""
        last = self.last_speaker
        return last is not None and self.annotation.entities[last].label == "PERSON" and last not in self.roles \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in title.children) \
            and not any(c.dep_ == "prep" for c in title.children)

    def for_state(self, speaker: int | None) -> int | None:
        """"Moscow stressed ...": a state or capital named as speaker stands for the body of that state
        the article has been quoting ("the Russian Foreign Ministry")."""
        last = self.last_speaker
        if speaker is None or last is None or self.annotation.entities[speaker].label != "GPE":
            return speaker
        if self.annotation.entities[last].label != "ORG":
            return speaker
        state = places.country_of_place(self.annotation.entities[speaker].name)
        words = self.annotation.entities[last].name.replace("'s", "").split()
        if state and any(places.country(word) == state for word in words):
            return last
        return speaker

    def institution(self, token: Token, create: bool = True) -> int | None:
        """The organisation a noun phrase names ("the Iranian foreign ministry", "the ministry", "it").

        A phrase that a state or name qualifies becomes an entity of the document when
        the tagger did not name it; a bare "the ministry" stands for the last such one.
        """
        head = token.lemma_.casefold()
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "punct")]
        qualified = any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN" for t in words if t.i != token.i)
        for index, entity in reversed(list(enumerate(self.annotation.entities))):
            if entity.label == "ORG" and head in entity.name.casefold().split():
                name = " ".join(t.text for t in words).casefold()
                if not qualified or name in entity.name.casefold() or entity.name.casefold() in name:
                    return index
        if not qualified:
            # "the ministry" after "the Omani foreign ministry said ...": the fuller name given before.
            earlier = [t for t in self.doc[:token.i]
                       if t.lemma_.casefold() == head and t.pos_ in ("NOUN", "PROPN") and any(
                           c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN" for c in t.children
                           if c.dep_ in ("amod", "compound", "poss") and c.i < t.i)]
            if earlier:
                return self.institution(earlier[-1], create)
            # "the embassy said in a statement": an institution the article names only by its kind
            if create and head in _NAMED_BY_KIND:
                return self._new_speaker(token.text, token.idx, token.idx + len(token.text))
            return None
        if not create:
            return None
        start, end = words[0].idx, token.idx + len(token.text)
        return self._new_speaker(self.text[start:end], start, end)

    def family(self, token: Token, create: bool = True) -> int | None:
        """The family that speaks for a person: "the Hollis family", "his family", "the family" of the
        person the article tells most of, named "<surname> family"."""
        named = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if named:
            surname = named[-1].text
        else:
            person = self.resolve(owner, create=False) if owner is not None else self._most_named()
            if person is None or self.annotation.entities[person].label != "PERSON":
                return None
            surname = self.annotation.entities[person].name.split()[-1]
        name = f"{surname} family"
        for index, entity in enumerate(self.annotation.entities):
            if entity.name.casefold() == name.casefold():
                return index
        if not create:
            return None
        start = (named[0] if named else owner or token).idx
        return self._new_speaker(name, start, token.idx + len(token.text))

    def _most_named(self) -> int | None:
        counts = {i: len(e.mentions) for i, e in enumerate(self.annotation.entities)
                  if e.label == "PERSON" and self.linker.is_person_name(i)}
        return max(counts, key=counts.get) if counts else None

    def _new_speaker(self, name: str, start: int, end: int, label: str = "ORG") -> int:
        """An entity of the document for a speaker the tagger did not name: an institution, a family, a person."""
        text = self.text[start:end]
        self.annotation.entities.append(LocalEntity(name=name, label=label))
        self.annotation.mentions.append(Mention(start, end, text, label, self.annotation.sentence_at(start)))
        index = len(self.annotation.entities) - 1
        self.annotation.entities[index].mentions.append(len(self.annotation.mentions) - 1)
        self.linker.remember(len(self.annotation.mentions) - 1, index)
        return index

