"""The "facts" component for Russian: case events and statements read from natasha's Universal Dependencies
parse (see ``dossier.annotate.russian``), with the Russian words of ``schema``.

Who an event happened to is the subject of a passive ("Иванов задержан", nsubj:pass), the object of an
active verb ("Иванова задержали", obj), the noun a participle describes ("Иванов, задержанный в
марте"), or the genitive of a noun ("арест Иванова"). Arguments are the trigger's obliques, each an
oblique noun with its preposition and case ("в США" in the locative is where, in the accusative where to;
"к 27 годам" a term; "по запросу США" at whose request). Values are written language-neutral: ISO dates and
durations, English names of countries and cities; offences, courts and facilities in the nominative.
Events are then joined into facts, claimed and merged as English ones are (``facts``).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .. import places
from ..records import Annotation, EntityRef
from ..registry import components
from ..temporal import Anchor, infer_anchor, parse_duration, parse_money, resolve_date
from . import schema
from .case_countries import implied_countries
from .events import RawFact
from .facts import _event_fact, _fact, _merge_repeats
from .quotes import Quote, quote_spans
from .schema import FACT_TYPES, RU_CHANNELS, RU_MOVE_VERBS, RU_NEEDS_COUNTRY, RU_REPORTING_VERBS
from .terms import quote_terms
from .verdicts import one_hearing

# ---------------------------------------------------------------- the vocabulary

# Words under which an event is wished, feared, planned or asked for, not reported.
_IRREALIS = {"мочь", "хотеть", "требовать", "потребовать", "добиваться", "добиться", "просить", "попросить",
             "призвать", "призывать", "настаивать", "планировать", "намереваться", "намерен", "собираться",
             "грозить", "угрожать", "запрос", "требование", "возможность", "просьба", "предложение", "призыв",
             "готовый", "должный", "попытка", "опасаться", "стремиться", "рассчитывать", "надеяться", "ожидать",
             "обсуждать", "предлагать", "предложить", "вопрос", "ходатайство", "решение", "рассмотреть",
             "рассматривать", "возможный", "угроза", "риск", "перспектива", "договориться", "переговоры",
             "оспорить", "обжаловать", "отказаться", "отказать", "избежать", "случай", "признание", "предмет",
             "добиваться", "стать"}
_NEGATIONS = {"не", "ни"}
_FUTURE_AUX = {"будет", "будут", "буду", "будем", "будете", "будешь"}
_PERSON_PRONOUNS = {"он", "она", "они"}
_RELATIVE = {"который"}
# Nouns for a person the article has named: "россиянин", "программист", "американец".
_PERSON_NOUNS = {"россиянин", "россиянка", "американец", "американка", "гражданин", "гражданка", "программист",
                 "бизнесмен", "предприниматель", "журналист", "журналистка", "учитель", "учительница", "студент",
                 "студентка", "хакер", "подсудимый", "обвиняемый", "осуждённый", "осужденный", "задержанный",
                 "заключённый", "заключенный", "соотечественник", "соотечественница", "иностранец", "активист",
                 "военный", "моряк", "пилот", "турист", "туристка", "подзащитный", "подзащитная", "фигурант",
                 "уроженец", "уроженка", "мужчина", "женщина", "спортсмен", "баскетболистка", "музыкант", "бывший"}
_CLIENT_NOUNS = {"подзащитный", "подзащитная", "клиент", "клиентка", "доверитель"}
_LAWYER_NOUNS = {"адвокат", "защитник", "юрист"}
_FACILITY_HEADS = {"тюрьма", "колония", "сизо", "изолятор", "лагерь", "учреждение", "центр", "тюрьма", "спецприёмник",
                   "спецприемник", "исправительный"}
_COURT_HEADS = {"суд", "трибунал"}
_OFFENCE_NOUNS = {"обвинение", "дело", "статья", "подозрение"}
_NOT_OFFENCES = {"год", "месяц", "срок", "колония", "тюрьма", "лишение", "свобода", "режим", "заключение",
                 "штраф", "размер", "суд", "стража", "арест", "итог", "рамка", "ходе", "ход"}
_REQUEST_NOUNS = {"запрос", "требование", "ордер", "ходатайство", "просьба"}
_DETENTION_WORDS = {"заключённый", "заключенный", "пленный", "задержанный", "осуждённый", "осужденный",
                    "узник", "гражданин", "человек", "россиянин", "американец"} | _PERSON_NOUNS
_FREED_OF_DUTY = {"должность", "обязанность", "пост"}  # "освобождён от должности" is no release
_NUMBERS = {"ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
            "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
            "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
            "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "полтора": 1.5}
_UNITS = {"год": "years", "лет": "years", "месяц": "months", "неделя": "weeks", "день": "days", "сутки": "days"}
_MONEY_WORDS = [(r"\bтыс\.?(?=\s|$)|\bтысяч\w*", "thousand"), (r"\bмлн\.?(?=\s|$)|\bмиллион\w*", "million"),
                (r"\bмлрд\.?(?=\s|$)|\bмиллиард\w*", "billion"), (r"\bруб\.?(?=\s|$)|\bрубл\w*", "roubles"),
                (r"\bдоллар\w*|\bдолл\.?(?=\s|$)", "dollars"), (r"\bевро\b", "euros")]
_DATE_WORDS = re.compile(r"январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|"
                         r"\bгод|\bг\.|понедельник|вторник|сред[уае]\b|четверг|пятниц|суббот|воскресень|вчера|"
                         r"сегодня|накануне|позавчера|назад|\d{4}", re.I)


def _lemma(token: Token) -> str:
    return token.lemma_.casefold().replace("ё", "е")


def _in(token: Token, words) -> bool:
    return _lemma(token) in {w.replace("ё", "е") for w in words}


def _feat(token: Token, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _preposition(token: Token) -> str | None:
    """The preposition of an oblique noun ("в" of "в США"), lower case."""
    cases = [c for c in token.children if c.dep_ == "case"]
    return cases[0].lower_ if cases else None


def _phrase(token: Token) -> str:
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


def _nominative(token: Token, keep: set[int] | None = None) -> str:
    """A noun phrase in the nominative, its preposition dropped: "в исправительной колонии № 17 в Мордовии"
    -> "исправительная колония № 17 в Мордовии"; the head and the words that agree with it change."""
    from ..annotate.russian import morph_vocab

    words = [t for t in token.doc[token.left_edge.i:token.right_edge.i + 1]
             if not (t.dep_ == "case" and t.head.i == token.i) and (keep is None or t.i in keep)]
    while words and words[-1].is_punct and words[-1].text not in "»”\"":
        words.pop()
    out = []
    for t in words:
        text = t.text
        agrees = t.i == token.i or (t.head.i == token.i and t.dep_ in ("amod", "det") and t.i < token.i)
        # a compound adjective ("белорусско-украинской") has no case of its own: it agrees with its noun
        case = _feat(t, "Case") or _feat(token, "Case")
        prefix, _, last = t.text.rpartition("-")
        if agrees and case and case != "Nom" and last.isalpha() and not t.text.isupper():
            number = _feat(t, "Number") or _feat(token, "Number") or "Sing"
            gender = _feat(t, "Gender") or _feat(token, "Gender")  # "городским судом" is masculine, not neuter
            for parse in morph_vocab().parse(last):
                if parse.feats.get("Case") == case and parse.feats.get("Gender") in (None, gender):
                    inflected = parse.inflect({"Nom", number}) or parse.inflect({"Nom"})
                    if inflected:
                        text = inflected.word
                        text = text.capitalize() if last[:1].isupper() else text
                        text = f"{prefix}-{text}" if prefix else text
                        break
        out.append(text + (t.whitespace_ if t is not words[-1] else ""))
    return "".join(out).strip()


# ---------------------------------------------------------------- people

class People:
    """From a token of the parse to a person entity of the document."""

    def __init__(self, annotation: Annotation, doc: Doc):
        self.annotation, self.doc = annotation, doc
        self.owner = {m: e for e, entity in enumerate(annotation.entities) for m in entity.mentions}

    def entity_at(self, token: Token) -> int | None:
        for index, mention in enumerate(self.annotation.mentions):
            if mention.start <= token.idx < mention.end:
                return self.owner.get(index)
        return None

    def named(self, token: Token, label: str = "PERSON") -> int | None:
        entity = self.entity_at(token)
        if entity is not None and self.annotation.entities[entity].label == label:
            return entity
        return None

    def last_person(self, before: int, within: int = 3) -> int | None:
        best, best_start = None, -1
        sentence = self.annotation.sentence_at(before)
        for index, mention in enumerate(self.annotation.mentions):
            entity = self.owner.get(index)
            if entity is None or mention.start >= before or mention.start <= best_start:
                continue
            if self.annotation.entities[entity].label == "PERSON" and sentence - mention.sentence <= within:
                best, best_start = entity, mention.start
        return best

    def person(self, token: Token) -> int | None:
        """The person a token names or stands for: a name, a pronoun, "россиянин" for the one just named,
        "гражданина США Дэниела Уиткомба" for the name in apposition."""
        found = self.named(token)
        if found is not None:
            return found
        for child in token.children:  # "программист Артём Журавлёв", "гражданина США Дэниела Уиткомба"
            if child.dep_ in ("appos", "flat:name") and child.pos_ == "PROPN":  # not "адвокат Боброва"
                found = self.named(child)
                if found is not None:
                    return found
        for child in token.children:  # "INTERFAX.RU - Гражданин Германии Томас Бергманн": a name two apposits down
            if child.dep_ == "appos" and _in(child, _PERSON_NOUNS):
                found = next((f for g in child.children if g.dep_ == "appos" and g.pos_ == "PROPN"
                              and (f := self.named(g)) is not None), None)
                if found is not None:
                    return found
        if token.dep_ == "appos" and token.pos_ == "NOUN":
            return self.named(token.head)
        if _lemma(token) in _PERSON_PRONOUNS and token.pos_ == "PRON":
            return self.last_person(token.idx)
        if _lemma(token) in _RELATIVE:
            clause = next((a for a in token.ancestors if a.dep_ == "acl:relcl"), None)
            return self.person(clause.head) if clause is not None else None
        if _in(token, _CLIENT_NOUNS):  # "Адвокат Сомова заявил, что его подзащитного ...": the lawyer's client
            for lawyer in token.sent:
                if _in(lawyer, _LAWYER_NOUNS):
                    clients = [c for c in lawyer.children if c.dep_ == "nmod" and _feat(c, "Case") == "Gen"]
                    if clients and (found := self.person(clients[0])) is not None:
                        return found
        if token.pos_ in ("NOUN", "ADJ") and _in(token, _PERSON_NOUNS) and _feat(token, "Number") != "Plur":
            return self.last_person(token.idx)
        return None

    def people(self, tokens: list[Token]) -> list[int]:
        found = []
        for token in tokens:
            for member in [token, *(c for c in token.children if c.dep_ == "conj")]:
                person = self.person(member)
                if person is not None and person not in found:
                    found.append(person)
        return found


# ---------------------------------------------------------------- triggers and who they happened to

def _passive(token: Token) -> bool:
    if _feat(token, "Voice") == "Pass" or _children(token, "nsubj:pass", "aux:pass"):
        return True
    # natasha may tag a long passive participle active: "приговорённый", "задержанного"
    return _feat(token, "VerbForm") == "Part" and bool(re.search(
        r"(нн|т)(ый|ого|ому|ым|ом|ая|ой|ую|ое|ые|ых|ыми|ий|ее|ие|их)$", token.lower_))


def _clause_words(token: Token) -> list[Token]:
    """The words of the verb's clause and of the verbs conjoined with it and its participle's."""
    words = list(token.subtree)
    for conj in token.conjuncts:
        if conj.pos_ in ("VERB", "AUX", "ADJ"):
            words += list(conj.subtree)
    if token.dep_ == "conj":
        words += [c for c in token.head.children if c.dep_ not in ("conj", "nsubj", "nsubj:pass", "obj")]
    return words


def _phrase_matches(token: Token, words: frozenset[str]) -> bool:
    near = [c for c in _clause_words(token) if c.head.i == token.i or c.head.head.i == token.i or (
        c.head.i in {x.i for x in token.conjuncts})]
    return any(_in(c, words) for c in near)


class Trigger:
    def __init__(self, token: Token, fact_type, patient: str):
        self.token, self.type, self.patient = token, fact_type, patient


def triggers(sentence: Span) -> list[Trigger]:
    found = []
    for token in sentence:
        lemma = _lemma(token)
        for fact_type in FACT_TYPES.values():
            words = fact_type.russian
            if token.pos_ in ("VERB", "AUX", "ADJ"):
                phrased = [(v, w, p) for v, w, p in words.phrases if v.replace("ё", "е") == lemma]
                matched = [p for _, w, p in phrased if _phrase_matches(token, w)]
                if matched:
                    found.append(Trigger(token, fact_type, matched[0]))
                elif lemma in {v.replace("ё", "е") for v in words.verbs}:
                    found.append(Trigger(token, fact_type, schema.OBJECT if fact_type.name != "custody" or
                                         not lemma.endswith("ся") else schema.SUBJECT))
            elif token.pos_ == "NOUN" and _in(token, words.nouns) and _preposition(token) not in ("под", "из-под"):
                # "под домашний арест", "из-под ареста" name the state held in, not an arrest
                found.append(Trigger(token, fact_type, "noun"))
    return found


def is_factual(token: Token) -> bool:
    """False for events denied, wished, feared, planned or asked for, or still to come."""
    node = token
    for _ in range(6):
        if any(c.dep_ == "advmod" and _lemma(c) in _NEGATIONS for c in node.children):
            return False
        if any(c.dep_ in ("aux", "aux:pass") and (c.lower_ in _FUTURE_AUX or _lemma(c) == "бы")
               for c in node.children):
            return False
        if any(c.dep_ == "mark" and _lemma(c) in ("если", "чтобы", "ли") for c in node.children):
            return False
        if node is not token and _in(node, _IRREALIS):
            return False
        if node.dep_ in ("acl", "acl:relcl", "ROOT", "appos", "parataxis") or node.head.i == node.i:
            break
        node = node.head
    return not (token is not node and _in(node, _IRREALIS))


def _subjects(token: Token) -> list[Token]:
    subjects = _children(token, "nsubj", "nsubj:pass")
    if subjects:
        return subjects
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX", "ADJ"):
        return _subjects(token.head)
    if token.dep_ in ("acl", "acl:relcl", "amod") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [token.head]
    if token.dep_ == "xcomp":
        return _subjects(token.head)
    return []


def patients(trigger: Trigger) -> list[Token]:
    token = trigger.token
    if trigger.patient == "noun":
        owners = [c for c in token.children if c.dep_ in ("nmod", "det") and (
            _feat(c, "Case") == "Gen" or c.pos_ in ("PRON", "DET")) and not _preposition(c)]
        return owners[:1]
    if trigger.patient == schema.SUBJECT:
        return _subjects(token)
    if trigger.patient == schema.DATIVE:
        datives = [c for c in token.children if c.dep_ in ("iobj", "obl", "obj") and _feat(c, "Case") == "Dat"
                   and not _preposition(c)]
        return datives[:1]
    if _passive(token):
        sentence = token.sent
        subjects = [c for c in _children(token, "nsubj:pass", "nsubj") if sentence.start <= c.i < sentence.end]
        if subjects:
            return subjects[:1]
        if token.dep_ in ("acl", "amod", "acl:relcl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [token.head]
        if token.dep_ == "conj":
            return patients(Trigger(token.head, trigger.type, trigger.patient))
        # "Бывший заместитель акима ... Ержан Сапаров, находившийся в розыске, задержан": a nominative the
        # parser left as a root of its own before the verb is its subject
        cut = [t for t in token.sent if t.i < token.i and t.head.i == t.i and t.pos_ in ("NOUN", "PROPN")
               and _feat(t, "Case") == "Nom"]
        return cut[-1:] if token.head.i == token.i else []
    objects = [c for c in token.children if c.dep_ == "obj"]
    # "отправил под домашний арест гражданина Литвы": an accusative person the parser hung on the oblique
    objects = objects or [g for c in token.children if c.dep_ == "obl" for g in c.children if g.dep_ == "nmod"
                          and not _preposition(g) and _feat(g, "Case") == "Acc" and _feat(g, "Animacy") == "Anim"]
    # "Ланина посещала консул": beside a nominative subject, a person in another case is the object
    subjects = _children(token, "nsubj")
    if not objects and any(_feat(c, "Case") == "Nom" for c in subjects):
        objects = [c for c in subjects if _feat(c, "Case") in ("Acc", "Gen") and _feat(c, "Animacy") == "Anim"]
    # "Уиткомба приговорили": a plural verb with no subject of its own; the one person taken for it is the object
    if not objects and _feat(token, "Number") == "Plur" and len(subjects) == 1 and \
            _feat(subjects[0], "Number") == "Sing" and _feat(subjects[0], "Animacy") == "Anim" and \
            not _children(subjects[0], "conj"):
        objects = subjects
    # "Сомова Германия выдала США": of two subjects, beside a state that acts, the person is the object
    if not objects and len(subjects) > 1 and any(c.ent_type_ in ("GPE", "ORG") for c in subjects):
        objects = [c for c in subjects if c.ent_type_ not in ("GPE", "LOC", "ORG") and _feat(c, "Animacy") == "Anim"]
    # "его освободили ..., а 8 марта депортировали": an object before both coordinated verbs is each one's
    objects = objects or [o for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                          for o in c.children if o.dep_ == "obj" and o.i < token.i]
    if objects:
        return objects[:1]
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        return patients(Trigger(token.head, trigger.type, trigger.patient))
    return []


def adopted(token: Token) -> list[Token]:
    """Words the parser hung across a participle's commas: "Уиткомб, осужденный ... к 9,5 годам колонии,
    отбывает" — the term is the participle's; "Бергманн, оштрафованный ..., депортирован в Германию" —
    where to is the verb's."""
    if token.dep_ not in ("acl", "amod") or _feat(token, "VerbForm") != "Part":
        return [t for t in token.doc[token.i + 1:token.sent.end] if t.head.i < token.i and not t.is_punct
                and t.head.dep_ in ("acl", "amod") and _feat(t.head, "VerbForm") == "Part"
                and t.dep_ in ("obl", "iobj", "obj")]
    closing = [c for c in token.children if c.dep_ == "punct" and c.i > token.i and c.text == ","]
    if not closing:
        return []
    inside = range(token.i + 1, closing[0].i)
    return [t for t in token.doc[token.i + 1:closing[0].i] if t.head.i not in inside and t.head.i != token.i
            and not t.is_punct]


def own_tokens(token: Token, others: set[int]) -> list[Token]:
    """The trigger's clause without the clauses of other events, coordinated verbs, relative clauses of its
    nouns or clauses of their own."""
    out, stack = [], list(token.children) + adopted(token)
    while stack:
        child = stack.pop()
        if child.i in others or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            continue
        if child.dep_ in ("acl:relcl", "acl", "ccomp", "parataxis", "advcl", "csubj") and child.head.i != token.i:
            continue
        if child.dep_ in ("ccomp", "parataxis", "csubj") and child.head.i == token.i:
            continue
        out.append(child)
        stack.extend(child.children)
    if token.dep_ == "conj":  # "суд в четверг признал ... и приговорил": the words the verbs share
        shared = [c for c in token.head.children if c.dep_ in ("aux", "aux:pass", "nsubj", "obl", "obl:tmod")
                  and c.i < token.head.i and c.i not in others]
        out += [t for c in shared for t in c.subtree]
    return sorted(out, key=lambda t: t.i)


# ---------------------------------------------------------------- arguments

class Clause:
    def __init__(self, trigger: Trigger, tokens: list[Token], anchor: Anchor, people: People, patient: int):
        self.trigger, self.tokens, self.anchor, self.people, self.patient = trigger, tokens, anchor, people, patient
        self.args: dict = {}
        self.adopted = {t.i for t in adopted(trigger.token)}

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def lemma(self) -> str:
        return _lemma(self.token)

    def obliques(self) -> list[Token]:
        return [t for t in self.tokens if t.dep_ in ("obl", "nmod", "obl:agent", "iobj") and (t.head.i in
                {self.token.i, *(x.i for x in self.tokens)} or t.i in self.adopted)]

    def direct(self) -> list[Token]:
        """Obliques hung on the trigger itself."""
        return [t for t in self.tokens if (t.head.i == self.token.i or t.i in self.adopted) and
                t.dep_ in ("obl", "obl:agent", "iobj", "nmod", "advmod", "obl:tmod")]


def _english_place(token: Token) -> str | None:
    """The English name of the place a token names ("Подгорицы" -> Podgorica), else its nominative."""
    if token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    span = _entity(token)
    text = span.text if span is not None else token.text
    normal = token.doc.user_data.get("normal", {}).get((span.start_char, span.end_char)) if span is not None else None
    return places.english_place(normal or text) or places.english_place(text) or normal or text


def _entity(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _country(token: Token) -> str | None:
    """The country a noun phrase names or places itself in: "США", "американской стороне", "суд Москвы"."""
    place = _english_place(token)
    if place:
        country = places.country_of_place(place)
        if country:
            return country
    for child in token.children:
        if child.dep_ in ("amod", "nmod") and (child.pos_ == "ADJ" or child.ent_type_ in ("GPE", "LOC")):
            country = places.country_of_russian(child.text) if child.pos_ == "ADJ" else \
                places.country_of_place(_english_place(child) or "")
            if country:
                return country
    return None


def find_date(clause: Clause) -> str | None:
    for token in clause.direct() + [t for t in clause.tokens if t.dep_ in ("obl", "obl:tmod") and t not in clause.direct()]:
        text = _phrase(token)
        if not _DATE_WORDS.search(text) or (token.ent_type_ and token.ent_type_ != "DATE"):
            continue
        # "с 2019 года" is since, "в течение 18 дней" a while: no date of the event
        if _preposition(token) in ("с", "до", "после", "течение", "за"):
            continue
        value = resolve_date(text, clause.anchor)
        if value:
            return value
    return None


def find_place(clause: Clause) -> str | None:
    if clause.trigger.type.name == "release":  # "освободили из тюрьмы Форт-Дикс в Нью-Джерси": where it held him
        for token in clause.direct():
            inner = [t for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.i > token.i]
            if _preposition(token) == "из" and _in(token, _FACILITY_HEADS) and inner:
                return _english_place(inner[-1])
    for token in clause.obliques():
        if _preposition(token) in ("в", "во", "на", "под") and _feat(token, "Case") in ("Loc", None):
            place = _english_place(token)
            if place:
                return place
            # "в аэропорту Подгорицы", "в аэропорту Внуково": the site's place
            named = [c for c in token.children if c.dep_ in ("nmod", "appos") and c.ent_type_ in ("GPE", "LOC", "FAC")]
            if named and token.pos_ == "NOUN" and not _in(token, _FACILITY_HEADS | _COURT_HEADS | _REQUEST_NOUNS):
                return _english_place(named[0])
    return None


def find_held_at(clause: Clause) -> str | None:
    for token in clause.obliques():
        if _preposition(token) not in ("в", "во", "на", "под") or _in(token, _FACILITY_HEADS):
            continue
        place = _english_place(token)
        if place and not places.country_named(place):
            return place
    for token in clause.obliques():  # "в колонии в Мордовии", "в тюрьме Спуж под Подгорицей"
        if _in(token, _FACILITY_HEADS):
            inner = [t for t in token.subtree if t.i > token.i and t.ent_type_ in ("GPE", "LOC")]
            if inner:
                place = _english_place(inner[-1])
                if place and not places.country_named(place):
                    return place
    return None


def find_visited_at(clause: Clause) -> str | None:
    """Where a visit was, as said beside the verb: "посетила ... в исправительной колонии в Мордовии" ->
    Mordovia. Without one, the visit is where the person is held (``_visits_where_held``), or else the place
    its clause names ("консул ... в Калининграде")."""
    for token in clause.direct():
        if _preposition(token) in ("в", "во", "на") and _feat(token, "Case") in ("Loc", None):
            inner = [t for t in token.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")]
            place = _english_place(inner[-1]) if inner else None
            if place or _in(token, _FACILITY_HEADS):
                return place or _nominative(token)
    return None


def _visits_where_held(raw: list[RawFact], anchor: Anchor, people: People) -> None:
    """A visit the clause places nowhere was in the town where the article says the person is held, else
    where its clause names a place."""
    for fact in raw:
        if fact.type != "visit" or fact.args.get("place"):
            continue
        held = next((f.args["place"] for f in raw if f.type == "custody" and f.subject == fact.subject and
                     f.args.get("place")), None)
        place = held or find_place(Clause(Trigger(fact.trigger, FACT_TYPES["visit"], schema.OBJECT),
                                          own_tokens(fact.trigger, set()), anchor, people, fact.subject))
        if place:
            fact.args["place"] = place


def find_country(clause: Clause) -> str | None:
    for token in clause.obliques():
        if _preposition(token) in ("в", "во", "на", "под") and _feat(token, "Case") != "Acc":
            country = _country(token)
            if country:
                return country
    for token in clause.tokens:
        if _in(token, _COURT_HEADS | _FACILITY_HEADS) or (token.dep_ == "nsubj" and token.head.i == clause.token.i):
            country = _country(token) or next((c for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.i != token.i
                                               and (c := places.country_of_place(_english_place(t) or ""))), None)
            if country:
                return country
    place = clause.args.get("place")
    return places.country_of_place(place) if place else None


def find_state(clause: Clause) -> str | None:
    """Who detained, as a state: the agent ("сотрудниками полиции Черногории") or the subject of an active
    verb ("американские спецслужбы задержали")."""
    actors = [t for t in clause.tokens if t.head.i == clause.token.i and (
        t.dep_ in ("obl:agent",) or (t.dep_ == "obl" and _feat(t, "Case") == "Ins" and not _preposition(t)) or
        (t.dep_ == "nsubj" and not _passive(clause.token)))]
    for actor in actors:
        if clause.people.named(actor) is not None:
            continue
        country = _country(actor) or next((c for t in actor.subtree if t.i != actor.i and (
            c := places.country_of_russian(t.text) if t.pos_ == "ADJ" else
            places.country_of_place(_english_place(t) or ""))), None)
        if country:
            return country
    return None


def find_requester(clause: Clause) -> str | None:
    for token in clause.obliques():
        if _in(token, _REQUEST_NOUNS) and _preposition(token) in ("по", "на"):
            for t in token.subtree:
                country = places.country_of_russian(t.text) if t.pos_ == "ADJ" else \
                    places.country_of_place(_english_place(t) or "")
                if country:
                    return country
    return None


def _offence(token: Token) -> str | None:
    """What an oblique names as the offence: "в контрабанде наркотических средств" -> "контрабанда
    наркотических средств"; "по обвинению в шпионаже" -> "шпионаж"."""
    if _in(token, _OFFENCE_NOUNS):
        inner = [c for c in token.children if c.dep_ in ("nmod", "obl") and _preposition(c) in ("в", "о", "об", "за")]
        return _offence(inner[0]) if inner else None
    if _in(token, _NOT_OFFENCES) or token.ent_type_ or token.pos_ in ("PROPN", "PRON", "NUM") or \
            _DATE_WORDS.search(token.text):
        return None
    keep = {t.i for t in token.subtree if not (t.dep_ in ("acl", "acl:relcl", "appos", "parataxis") or any(
        a.dep_ in ("acl", "acl:relcl", "appos", "parataxis") and a.i != token.i and a.i in
        {x.i for x in token.subtree} for a in t.ancestors)) and t.text not in "()"}
    keep -= {t.i for t in token.subtree if t.i > token.i and t.dep_ == "conj" and t.head.i == token.i}
    keep |= {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
    return _nominative(token, keep) or None


def find_offence(clause: Clause) -> str | None:
    for token in clause.obliques() + [t for t in clause.tokens if t.dep_ == "nsubj:pass" and _in(t, _OFFENCE_NOUNS)]:
        preposition = _preposition(token)
        if _in(token, _OFFENCE_NOUNS) and preposition in ("по", None):
            found = _offence(token)
            if found:
                return found
        if preposition in ("в", "за") and _feat(token, "Case") in ("Loc", "Acc", "Ins", None) and \
                clause.trigger.type.name in ("charge", "conviction", "sentence", "arrest") and \
                (preposition == "за" or clause.trigger.type.name in ("charge", "conviction") or token.head.i != clause.token.i):
            found = _offence(token)
            if found:
                return found
    return None


def find_court(clause: Clause) -> str | None:
    for token in clause.tokens:
        if not _in(token, _COURT_HEADS):
            continue
        if token.dep_ == "nsubj" and token.head.i == clause.token.i or token.dep_ in ("obl", "obl:agent") and (
                _feat(token, "Case") == "Ins" or _preposition(token) in ("в", "во")):
            if len([t for t in token.subtree]) > 1:
                keep = {t.i for t in token.subtree if t.dep_ not in ("acl", "acl:relcl", "parataxis") and not any(
                    a.dep_ in ("acl", "acl:relcl") and a.i in {x.i for x in token.subtree} for a in t.ancestors)}
                return _nominative(token, keep)
    return None


def _number(words: list[Token]) -> float | None:
    total, seen = 0.0, False
    for word in words:
        text = word.text.replace(",", ".")
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            total, seen = total + float(text), True
        elif _lemma(word) in _NUMBERS:
            total, seen = total + _NUMBERS[_lemma(word)], True
        elif _lemma(word) == "половина" and seen:
            total += 0.5
    return total if seen else None


def _duration(token: Token) -> str | None:
    """"к девяти с половиной годам" -> P9.5Y, "к 18 месяцам" -> P18M, "14 лет" -> P14Y."""
    unit = next((v for k, v in _UNITS.items() if _lemma(token) == k or token.lower_.startswith(k)), None)
    if unit is None:
        return None
    count = _number([t for t in token.subtree if t.i < token.i])
    if count is None or count >= 100:  # "2017 года" is a year, no term
        return None
    return parse_duration(f"{count:g} {unit}")


def find_term(clause: Clause) -> str | None:
    for token in clause.tokens:
        if (_preposition(token) in ("к", "на") or token.dep_ == "obj") and (token.head.i in (
                clause.token.i, *(t.i for t in clause.tokens)) or token.i in clause.adopted):
            value = _duration(token)
            if value:
                return value
    return None


def find_fine(clause: Clause) -> str | None:
    text = " ".join(t.text for t in clause.tokens if not t.is_punct)
    for pattern, word in _MONEY_WORDS:
        text = re.sub(pattern, word, text, flags=re.I)
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)
    return parse_money(text.replace(",", "."))


def find_facility(clause: Clause) -> str | None:
    for token in clause.obliques():
        if _lemma(token) == "арест" and _preposition(token) == "под" and \
                any(_lemma(c) == "домашний" for c in token.children):
            return "домашний арест"
        # "в одиночной камере изолятора MDC Brooklyn": the facility the cell is in
        within = _preposition(token) or (_preposition(token.head) if token.dep_ == "nmod" and
                                          _feat(token, "Case") == "Gen" else None)
        if within in ("в", "во", "под") and (_in(token, _FACILITY_HEADS) or token.lower_.startswith("сизо")):
            modifiers = [c for c in token.children if c.dep_ in ("amod", "nmod", "appos", "flat", "nummod", "flat:foreign")
                         or c.text in "«\"№"]
            if modifiers or "-" in token.text:
                keep = {t.i for t in token.subtree if not (t.dep_ == "nmod" and t.ent_type_ in ("GPE", "LOC") and
                                                           _preposition(t) in ("в", "под"))
                        and not any(a.dep_ == "nmod" and a.ent_type_ in ("GPE", "LOC") and _preposition(a) in ("в", "под")
                                    and a.i in {x.i for x in token.subtree} for a in t.ancestors)}
                return _nominative(token, keep)
    return None


def find_origin(clause: Clause) -> str | None:
    for token in clause.obliques():
        if _preposition(token) in ("из", "с"):
            country = _country(token)
            if country:
                return country
    if clause.trigger.type.name == "transfer" and clause.lemma in ("похитить", "похищение"):
        place = find_place(clause)
        return places.country_of_place(place) or place if place else None
    if clause.lemma in ("экстрадировать", "выдать", "депортировать", "выслать", "передать"):
        subjects = [t for t in clause.tokens if t.dep_ == "nsubj" and t.head.i == clause.token.i]
        for subject in subjects:  # "Черногория экстрадировала": taken from Montenegro
            country = _country(subject)
            if country:
                return country
    return None


def find_destination(clause: Clause) -> str | None:
    """"экстрадирован в США", "выдала США", "передан американской стороне"."""
    verbs = [clause.token, *(c for c in clause.token.conjuncts if _in(c, RU_MOVE_VERBS))]
    for verb in verbs:
        for child in [*verb.children, *(t for t in clause.tokens if t.i in clause.adopted)]:
            accusative = _preposition(child) in ("в", "во", "на") and _feat(child, "Case") == "Acc"
            dative = not _preposition(child) and _feat(child, "Case") == "Dat" and child.dep_ in ("iobj", "obl", "obj", "nmod")
            if (accusative or dative or _preposition(child) == "к") and child.dep_ != "nsubj":
                country = _country(child)
                if country:
                    return country
    return None


def find_manner(clause: Clause) -> str | None:
    manners = clause.trigger.type.russian.manners
    if clause.lemma in manners:
        return manners[clause.lemma]
    for token in clause.tokens:
        if _lemma(token) in manners:
            return manners[_lemma(token)]
    if clause.trigger.type.name == "release":
        words = {_lemma(t) for t in clause.token.subtree}
        if {"отбыть", "отбытие"} & words and {"срок", "наказание"} & words:
            return "end_of_term"
    return None


def find_counterpart(clause: Clause) -> list:
    found = []
    for token in clause.obliques():
        if _preposition(token) == "на" and _feat(token, "Case") == "Acc":
            for person in clause.people.people([token]):
                if person != clause.patient:
                    found.append(EntityRef(person))
    return found


def find_agent(clause: Clause) -> object:
    for subject in _children(clause.token, "nsubj"):
        person = clause.people.person(subject)
        if person is not None and person != clause.patient:
            return EntityRef(person)
    return None


FINDERS = {
    schema.DATE: find_date, schema.PLACE: find_place, schema.COUNTRY: find_country, schema.AUTHORITY: find_state,
    schema.REQUESTER: find_requester, schema.OFFENCE: find_offence, schema.COURT: find_court,
    schema.TERM: find_term, schema.FINE: find_fine, schema.FACILITY: find_facility, schema.ORIGIN: find_origin,
    schema.DESTINATION: find_destination, schema.MANNER: find_manner, schema.COUNTERPART: find_counterpart,
    schema.AGENT: find_agent, schema.HELD_AT: find_held_at, schema.VISITED_AT: find_visited_at,
}


def arguments(clause: Clause) -> dict:
    kinds = sorted(clause.trigger.type.arguments.items(), key=lambda item: item[1] == schema.COUNTRY)
    for name, kind in kinds:
        finder = FINDERS.get(kind)
        value = finder(clause) if finder else None
        if value:
            clause.args[name] = value
    return clause.args


def keeps_sense(clause: Clause) -> bool:
    """Guards against the other senses of a trigger word."""
    name, args = clause.trigger.type.name, clause.args
    if clause.lemma in {v.replace("ё", "е") for v in RU_NEEDS_COUNTRY} and name == "transfer" and \
            not args.get("to"):
        return False  # "передали маршалам", "выдал паспорт": no move between states named
    if name == "sentence" and clause.lemma == "оштрафовать" and not args.get("fine"):
        return False
    if clause.lemma == "осудить" and name in ("conviction", "sentence") and \
            (name == "sentence") != bool(args.get("term") or find_term(clause)):
        return False  # condemned to a term is sentenced; condemned for an offence, convicted
    if name == "release" and any(_in(t, _FREED_OF_DUTY) for t in clause.tokens):
        return False  # "освобождён от должности"
    if name == "exchange" and clause.trigger.patient == "noun":
        return False  # a swap noun's people are read by the verb that frees them
    if name == "charge" and clause.trigger.patient == schema.OBJECT and not _passive(clause.token):
        accusers = _children(clause.token, "nsubj")
        if accusers and clause.people.person(accusers[0]) is not None:
            return False  # "A обвинил B во лжи": a charge only when an authority accuses
    return True


def find_events(sentence: Span, people: People, anchor: Anchor) -> list[RawFact]:
    found = triggers(sentence)
    others = {t.token.i for t in found}
    facts = []
    for trigger in found:
        if not is_factual(trigger.token):
            continue
        patient_tokens = patients(trigger)
        tokens = own_tokens(trigger.token, others - {trigger.token.i})
        for person in people.people(patient_tokens):
            clause = Clause(trigger, tokens, anchor, people, person)
            args = arguments(clause)
            if not keeps_sense(clause):
                continue
            facts.append(RawFact(trigger.type.name, person, args, trigger.token))
            if trigger.type.name == "exchange":
                for counterpart in args.get("counterpart", []):
                    mirrored = {k: v for k, v in args.items() if k != "counterpart"}
                    mirrored["counterpart"] = [EntityRef(person)]
                    facts.append(RawFact("exchange", counterpart.entity, mirrored, trigger.token))
    return facts


# ---------------------------------------------------------------- prisoner swaps

# The people a swap is of ("обмен заключёнными", "обмен удерживаемыми лицами"), by the opening of the word:
# natasha lemmatises "заключенными" as the verb "заключить".
_SWAPPED_STEMS = ("заключенн", "заключённ", "пленн", "военнопленн", "лиц", "узник", "задержанн", "осужденн",
                  "осуждённ")
_SWAP_DONE = {"провести", "осуществить", "состояться", "произойти", "пройти", "завершиться"}
_SWAP_FRAMES = {"рамка", "ход", "результат", "итог"}  # "в рамках обмена", "в ходе обмена"
# Verbs that send a person to one side of a swap: freed, handed over, returned home, received.
_SIDE_VERBS = {"вернуться", "возвратиться", "получить", "передать", "выдать", "освободить", "отпустить",
               "помиловать", "вывезти", "доставить", "отправить", "обменять"}
_HOME = {"родина", "домой"}
_OTHER_SIDE = {"взамен", "обмен", "ответ"}  # "Взамен Россия получила ...", "в ответ ..."
_SEPARATORS = {",", ";", ":", "—", "–", "."}


def _swap_reports(doc: Doc, anchor: Anchor, people: People) -> list[tuple[Span, str | None, str | None]]:
    """The prisoner swaps an article reports as done: the sentence of each, its date and place."""
    found = []
    for token in doc:
        if not (token.pos_ == "NOUN" and _lemma(token) == "обмен") or not is_factual(token):
            continue
        of_people = any(t.lower_.startswith(_SWAPPED_STEMS) for t in token.subtree if t.i != token.i)
        head = token.head
        done = token.dep_ in ("obj", "nsubj", "nsubj:pass") and _in(head, _SWAP_DONE)
        framed = token.dep_ == "nmod" and _in(head, _SWAP_FRAMES)
        if not (of_people and (done or framed)):
            continue
        verb = head.head if framed else head
        clause = Clause(Trigger(verb, FACT_TYPES["exchange"], schema.OBJECT), own_tokens(verb, set()), anchor,
                        people, None)
        where = find_place(clause)
        if where is None:  # "на белорусско-украинской границе"
            border = [t for t in token.subtree if _lemma(t) == "граница" and _preposition(t) == "на"]
            where = _nominative(border[0]) if border else None
        found.append((token.sent, find_date(clause), where))
    return found


def _side_verb(person: Token) -> Token | None:
    """The verb that sends a named person to a side: one of the words between the separators around the name,
    else the nearest ancestor."""
    start, end = person.i, person.i
    sentence = person.sent
    while start > sentence.start and person.doc[start - 1].text not in _SEPARATORS:
        start -= 1
    while end < sentence.end - 1 and person.doc[end + 1].text not in _SEPARATORS:
        end += 1
    near = [t for t in person.doc[start:end + 1] if t.pos_ in ("VERB", "AUX") and _in(t, _SIDE_VERBS)]
    if near:
        return near[0]
    return next((a for a in person.ancestors if a.pos_ in ("VERB", "AUX") and _in(a, _SIDE_VERBS)), None)


def _side(verb: Token, person: Token) -> str | None:
    """Which side a verb sends a person to: the country it is handed or returns to ("передан американской
    стороне", "вернулись в Россию"), the state that receives him ("Россия получила"), his own nation for
    "вернулись на родину", "other" for a clause of the other side that names none ("взамен")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and _lemma(verb) == "получить":
            country = _country(child)
            if country:
                return country
        dative = child.dep_ in ("iobj", "obl") and _feat(child, "Case") == "Dat" and not _preposition(child)
        towards = _preposition(child) in ("в", "во", "на") and _feat(child, "Case") == "Acc"
        if (dative or towards) and (country := _country(child)):
            return country
    if any(_lemma(c) in _HOME for c in verb.children):
        nouns = [person, *person.ancestors][:3]
        return next((c for n in nouns if (c := places.country_of_russian(n.text))), "home")
    if any(_lemma(c) in _OTHER_SIDE for c in verb.subtree if c.i < verb.i):
        return "other"
    return None


def _swapped_people(doc: Doc, sentences: list[Span], people: People) -> dict[int, tuple[str | None, Token]]:
    """The people the sentences of a swap send to a side: {person: (side, verb)}, a named country over
    "home" or "other"."""
    found: dict[int, tuple[str | None, Token]] = {}
    for sentence in sentences:
        for token in sentence:
            person = people.named(token)
            if person is None or (token.dep_ == "flat:name"):
                continue
            verb = _side_verb(token)
            if verb is None:
                continue
            side = _side(verb, token)
            known = found.get(person)
            if known is None or known[0] in (None, "home", "other") and side not in (None, "home", "other"):
                found[person] = (side, verb)
    return found


def swaps(raw: list[RawFact], doc: Doc, anchor: Anchor, people: People) -> list[RawFact]:
    """In an article that reports a prisoner swap, the people its report and the sentence after it send to
    one side or the other were swapped, on its date and at its place, each for the people sent the other
    way; their being handed over or freed there is the swap itself."""
    reports = _swap_reports(doc, anchor, people)
    if not reports:
        return raw
    sents = list(doc.sents)
    region = []
    for sentence, _, _ in reports:
        at = next(i for i, s in enumerate(sents) if s.start == sentence.start)
        # the report and what follows it: the parser may cut a sentence at its commas
        region += [s for s in sents[at:at + 3] if s not in region]
    when = next((d for _, d, _ in reports if d), None)
    where = next((p for _, _, p in reports if p), None)
    swapped = _swapped_people(doc, region, people)
    sides = {side for side, _ in swapped.values() if side}
    if "other" in sides and len(sides) == 2:
        named = next(s for s in sides if s != "other")
        swapped = {p: (named if side != "other" else side, verb) for p, (side, verb) in swapped.items()}
        sides = {named, "other"}
    verbs = {verb.i for _, verb in swapped.values()}
    kept = [f for f in raw if not (f.type in ("transfer", "release") and f.subject in swapped and f.trigger.i in verbs)]
    for person, (side, verb) in swapped.items():
        args: dict = {}
        if when:
            args["date"] = when
        if where:
            args["place"] = where
        if len(sides) == 2 and side:
            others = [EntityRef(p) for p, (s, _) in swapped.items() if s and s != side]
            if others:
                args["counterpart"] = others
        kept.append(RawFact("exchange", person, args, verb))
    return kept


# ---------------------------------------------------------------- quotations and who said them

def _reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and _in(token, RU_REPORTING_VERBS)


def channel_in(text: str) -> str | None:
    lowered = text.casefold()
    for words, channel in RU_CHANNELS.items():
        if re.search(rf"(?<!\w)({words})", lowered):
            return channel
    return None


def _speaker(verb: Token, people: People, annotation: Annotation) -> int | None:
    """The speaker a reporting verb names: its subject, or the institution of "в посольстве сообщили"."""
    for subject in _children(verb, "nsubj", "nsubj:pass"):
        found = _speaker_of(subject, people, annotation)
        if found is not None:
            return found
    for child in verb.children:  # "говорится в сообщении посольства", "в посольстве сообщили"
        if child.dep_ == "obl" and _preposition(child) in ("в", "во"):
            found = _speaker_of(child, people, annotation)
            if found is not None:
                return found
    return None


def _speaker_of(token: Token, people: People, annotation: Annotation) -> int | None:
    person = people.person(token)
    if person is not None:
        return person
    if _lemma(token) in _INSTITUTIONS:  # "МИД России", "посольство США в Москве": the institution in full
        return _institution(token, people, annotation)
    named = people.entity_at(token)
    if named is not None and annotation.entities[named].label in ("ORG", "PERSON") and \
            not channel_in(annotation.entities[named].name):
        return named
    # "сообщение посольства США", "пресс-служба УФСИН": the institution whose message it is
    for child in sorted(token.subtree, key=lambda t: (len(list(t.ancestors)), t.i)):
        if child.i != token.i and _lemma(child) in _INSTITUTIONS:
            return _institution(child, people, annotation)
        named = people.entity_at(child)
        if named is not None and annotation.entities[named].label == "ORG" and \
                not channel_in(annotation.entities[named].name):
            return named
    return _titled(token, people, annotation)


def _titled(token: Token, people: People, annotation: Annotation) -> int | None:
    word = _lemma(token)
    holders = []
    for entity_index, entity in enumerate(annotation.entities):
        if entity.label != "PERSON":
            continue
        for m in entity.mentions:
            mention = annotation.mentions[m]
            span = people.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            titles = [root.head] if root.dep_ == "appos" else []
            titles += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            titles += [t for t in people.doc[max(0, span.start - 3):span.start] if t.pos_ == "NOUN"]
            if any(_lemma(t) == word for t in titles) and entity_index not in holders:
                holders.append(entity_index)
    if len(holders) == 1:
        return holders[0]
    return None


def _institution(token: Token, people: People, annotation: Annotation) -> int | None:
    """"в посольстве России" as a speaker: the organisation it names, added to the document's entities."""
    if _lemma(token) not in _INSTITUTIONS:
        return None
    from ..records import LocalEntity, Mention

    keep = {t.i for t in token.subtree if t.i >= token.i and not any(
        a.dep_ in ("acl", "acl:relcl", "punct") and a.i in {x.i for x in token.subtree} for a in [t, *t.ancestors])
        and not channel_in(t.text)}
    name = _nominative(token, keep)
    name = name[:1].upper() + name[1:]
    for index, entity in enumerate(annotation.entities):
        if entity.label == "ORG" and (entity.name.casefold() == name.casefold() or (
                len(name.split()) == 1 and entity.name.casefold().startswith(name.casefold()))):
            return index
    end = max(keep) + 1
    start_char, end_char = token.idx, people.doc[end - 1].idx + len(people.doc[end - 1].text)
    annotation.entities.append(LocalEntity(name=name, label="ORG"))
    annotation.mentions.append(Mention(start_char, end_char, annotation.article.body[start_char:end_char], "ORG",
                                       annotation.sentence_at(start_char)))
    annotation.entities[-1].mentions.append(len(annotation.mentions) - 1)
    people.owner[len(annotation.mentions) - 1] = len(annotation.entities) - 1
    return len(annotation.entities) - 1


_INSTITUTIONS = {"посольство", "министерство", "мид", "ведомство", "дипмиссия", "пресс-служба", "суд", "прокуратура",
                 "кремль", "администрация", "госдепартамент", "консульство", "уфсин", "фсин", "фсб", "мвд", "ск",
                 "комитет", "служба", "генконсульство", "минюст"}


def find_quotes(annotation: Annotation, doc: Doc, people: People) -> list[Quote]:
    """Quotations in «» and „“ and who said them: the subject of the reporting verb beside them
    ("«...», — заявил посол"; "Посол заявил: «...»"; "говорится в сообщении посольства"), "по словам X",
    or the speaker of the paragraph's previous quotation."""
    body = annotation.article.body
    quotes: list[Quote] = []
    position = 0
    sentences = list(doc.sents)
    for paragraph in body.split("\n"):
        spans = quote_spans(paragraph, position)
        last = None
        for start, end in spans:
            around = [s for s in sentences if s.start_char < end + 60 and s.end_char > start - 1 and
                      position <= s.start_char <= position + len(paragraph)]
            verbs = [t for s in around for t in s if _reporting(t) and not any(a <= t.idx < b for a, b in spans)]
            verbs.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
            speaker, verb = None, None
            if verbs:  # the nearest reporting verb says who: "— заявил государственный обвинитель" is no one named
                verb = verbs[0]
                speaker = _speaker(verb, people, annotation)
            if speaker is None and verb is None:
                for s in around:  # "По словам адвоката, «...»"
                    for token in s:
                        if _lemma(token) == "слово" and _preposition(token) == "по":
                            owners = [c for c in token.children if c.dep_ == "nmod"]
                            speaker = _speaker_of(owners[0], people, annotation) if owners else None
            if speaker is None and verb is None:
                speaker = last
            quote = Quote(start, end, body[start:end], speaker=speaker, verb=verb)
            if verb is not None:
                clause = [t for t in verb.subtree if not any(a <= t.idx < b for a, b in spans)]
                clause += [t for t in verb.sent if t.head.i == verb.i or t.head.head.i == verb.i]
                quote.channel = channel_in(" ".join(t.text for t in clause)) or _told_outlet(verb, spans, people)
            quotes.append(quote)
            last = speaker if speaker is not None else last
        position += len(paragraph) + 1
    return quotes


def _told_outlet(verb: Token, spans: list[tuple[int, int]], people: People) -> str | None:
    """"сказал «Интерфаксу»", "заявили РБК": words said to a news outlet, named in the dative, were an
    interview."""
    for child in verb.children:
        if child.dep_ in ("iobj", "obl", "obj") and not _preposition(child) and child.text[:1].isupper() and \
                _feat(child, "Case") in ("Dat", None) and child.ent_type_ != "PERSON" and \
                people.person(child) is None and not any(a <= child.idx < b for a, b in spans):
            return "interview"
    return None


def _said_on(verb: Token, anchor: Anchor, quotes: list[Quote]) -> str | None:
    for token in verb.subtree:
        if token.head.i in (verb.i, *(c.i for c in verb.children)) and token.dep_ in ("obl", "obl:tmod", "advmod") \
                and not any(q.start <= token.idx < q.end for q in quotes) and _DATE_WORDS.search(_phrase(token)):
            value = resolve_date(_phrase(token), anchor)
            if value:
                return value
    return None


def _claimant(trigger: Token, quotes: list[Quote], people: People, annotation: Annotation) -> int | None:
    """Who asserts an event the article does not state itself: the speaker of its quotation, the subject
    of the reporting verb its clause depends on, "по словам X" or "по версии X"."""
    for quote in quotes:
        if quote.start <= trigger.idx < quote.end:
            return quote.speaker
    node = trigger
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and _reporting(node.head):
            return _speaker(node.head, people, annotation)
        node = node.head
    for token in trigger.sent:
        if _lemma(token) in ("слово", "версия", "данные") and _preposition(token) == "по":
            owners = [c for c in token.children if c.dep_ == "nmod"]
            if owners:
                return _speaker_of(owners[0], people, annotation)
    if node is trigger.sent.root:  # "X был похищен, заявил посол"
        for child in node.children:
            if child.dep_ in ("parataxis", "ccomp") and _reporting(child) and child.i > trigger.i:
                return _speaker(child, people, annotation)
    return None


@components.register("facts.ru")
def extract_facts(annotation: Annotation, doc: Doc) -> None:
    anchor = infer_anchor(annotation.article.published, annotation.article.body)
    people = People(annotation, doc)
    quotes = find_quotes(annotation, doc, people)
    raw: list[RawFact] = []
    for sentence in doc.sents:
        for fact in find_events(sentence, people, anchor):
            claimant = _claimant(fact.trigger, quotes, people, annotation)
            fact.claimant = claimant if claimant != fact.subject else None
            raw.append(fact)
    raw = swaps(raw, doc, anchor, people)
    _visits_where_held(raw, anchor, people)
    one_hearing(raw)
    implied_countries(raw)
    merged = _merge_repeats(raw)
    for fact in merged:
        annotation.facts.append(_event_fact(annotation, doc, fact))
    counts = {s: sum(f.subject == s for f in merged) for s in dict.fromkeys(f.subject for f in merged)}
    principal = max(counts, key=counts.get) if counts else None  # whose case the article tells
    for quote in quotes:
        if quote.speaker is None:
            continue
        args: dict = {"quote": quote.text}
        if quote.channel:
            args["channel"] = quote.channel
        date = _said_on(quote.verb, anchor, quotes) if quote.verb is not None else None
        if not date and annotation.article.dateline and anchor.month and anchor.day:
            date = f"{anchor.year:04d}" if anchor.year else "XXXX"
            date += f"-{anchor.month:02d}-{anchor.day:02d}"
        if date:
            args["date"] = date
        about = [e for e in _named_people(annotation, quote) if e != quote.speaker]
        if not about and principal not in (None, quote.speaker) and _speaks_of_someone(doc, quote):
            about = [principal]
        if about:
            args["about"] = [EntityRef(e) for e in about]
        statement = _fact(annotation, "statement", quote.speaker, args, annotation.sentence_at(quote.start))
        statement.terms = quote_terms(doc, quote.start, quote.end)
        annotation.facts.append(statement)


def _speaks_of_someone(doc: Doc, quote: Quote) -> bool:
    """"Мой подзащитный не знал ...", "поддержку нашему гражданину": a quotation that speaks of one person
    without naming him speaks of the person whose case the article tells."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return span is not None and any(_in(t, _PERSON_NOUNS | _CLIENT_NOUNS) and _feat(t, "Number") != "Plur"
                                    and t.pos_ in ("NOUN", "ADJ") for t in span)


def _named_people(annotation: Annotation, quote: Quote) -> list[int]:
    """The people a statement speaks of: named in the quotation or in the sentences that frame it."""
    low = annotation.sentences[annotation.sentence_at(quote.start)].start
    high = annotation.sentences[annotation.sentence_at(quote.end)].end
    found = []
    for index, entity in enumerate(annotation.entities):
        if entity.label == "PERSON" and any(low <= annotation.mentions[m].start < high for m in entity.mentions):
            found.append(index)
    return found
