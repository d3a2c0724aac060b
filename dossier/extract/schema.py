"""The fact types: their arguments, the kind of value each argument takes, and the words that report them.

This is the one place to add a fact type or an argument. An argument's kind names
the finder in ``events`` that fills it from the trigger's clause, so giving a type
a new argument of a known kind is one line here; a new type is one entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Argument kinds: each is filled by the finder of the same name in ``events.FINDERS``.
DATE = "date"  # partial ISO date, resolved against the publication date
PLACE = "place"  # where it happened, as written ("Barcelona", "Moscow airport")
HELD_AT = "held_at"  # the town where a person is held ("Evin prison in Tehran" -> Tehran); a country is no town
VISITED_AT = "visited_at"  # where a visit was: named, or where the person visited is held
COUNTRY = "country"  # the country it happened in, by its English short name
AUTHORITY = "authority"  # who acted, as named: "Swiss authorities", "the FSB"; a state if only that: "by the US"
REQUESTER = "requester"  # at whose request: "at the request of Turkey", "on a US warrant"
OFFENCE = "offence"  # what the person is accused or convicted of, a short phrase of the text
COURT = "court"  # the court that decided, as written
TERM = "term"  # ISO 8601 duration of a prison term
FINE = "fine"  # "<amount> <ISO 4217 code>"
FACILITY = "facility"  # prison, colony, detention centre
ORIGIN = "origin"  # the country a person was taken from
DESTINATION = "destination"  # the country a person was taken to
MANNER = "manner"  # a label from the fact type's ``manners``
COUNTERPART = "counterpart"  # the person released by the other side of a swap
AGENT = "agent"  # the person who did it (a visitor)
# Statements are filled from quotations (``quotes``), not from a clause.
QUOTE, CHANNEL, ABOUT = "quote", "channel", "about"

# Who an event happened to, in the grammar of a phrase trigger.
OBJECT = "object"  # the object of an active verb, the subject of a passive one
SUBJECT = "subject"  # the subject: "X faces charges", "X is serving a sentence"
DATIVE = "dative"  # "the court handed X a sentence" / "X was handed a sentence"


@dataclass(frozen=True)
class Phrase:
    """A trigger of more than one word: a verb with a particle, complement, object or prepositional phrase."""

    verb: str
    particle: str | None = None  # "pick up", "hand over"
    complement: str | None = None  # "found guilty", "walked free"
    objects: frozenset[str] = frozenset()  # "faces charges", "is serving a sentence"
    pp: tuple[str, frozenset[str]] | None = None  # "taken into custody", "remains in jail"
    subjects: frozenset[str] = frozenset()  # who does it: "consular officials saw him"
    patient: str = OBJECT
    present_only: bool = False  # a state now ("remains in custody"), not an event


def _phrases(*items: Phrase) -> tuple[Phrase, ...]:
    return items


@dataclass(frozen=True)
class Russian:
    """The Russian words that report a fact type, read from a Universal Dependencies parse by
    ``russian``: verbs by lemma (who it happened to is the object of an active verb, the subject of a
    passive one: "задержали Иванова", "Иванов задержан"), nouns ("арест Иванова"), and phrases, a verb
    with a word its clause must hold ("признан виновным", "содержится под стражей", "вышел на свободу")."""

    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    # (verb, the words one of which the clause holds, who it happened to)
    phrases: tuple[tuple[str, frozenset[str], str], ...] = ()
    manners: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FactType:
    name: str
    arguments: dict[str, str]  # argument -> kind
    verbs: frozenset[str] = frozenset()  # lemmas whose object (or passive subject) is the subject of the fact
    nouns: frozenset[str] = frozenset()  # "the arrest of X", "X's extradition"
    phrases: tuple[Phrase, ...] = ()
    # Verbs of this type only while the state lasts ("is held in"); in the past they tell of another event.
    present_only: frozenset[str] = frozenset()
    # Verbs that report another type in the present ("is detained" is custody, "was detained" an arrest).
    past_only: frozenset[str] = frozenset()
    # The manner argument, by the trigger's lemma or a word of its clause.
    manners: dict[str, str] = field(default_factory=dict)
    # Whether the trigger must come with an argument of this kind to count ("fined" needs a sum).
    requires: dict[str, str] = field(default_factory=dict)  # lemma -> kind
    russian: Russian = Russian()


# Nouns for a person held, which title a name: "the detainee, X", "political prisoner X".
HELD_PEOPLE = frozenset({"detainee", "prisoner", "inmate", "hostage", "captive"})
_RU_PRISON = frozenset({"стража", "сизо", "изолятор", "тюрьма", "колония", "заключение", "арест", "лагерь",
                        "решетка", "неволя", "плен"})
_PRISON_NOUNS = frozenset({"custody", "detention", "jail", "prison", "captivity", "bars", "colony", "cell",
                           "penitentiary", "gulag"})
# Who calls on a detainee: seeing or meeting them is a visit ("consular officials saw him").
_VISITORS = frozenset({"consul", "consular", "diplomat", "ambassador", "embassy", "consulate", "envoy", "lawyer",
                       "attorney"})

FACT_TYPES: dict[str, FactType] = {t.name: t for t in [
    FactType(
        "arrest",
        {"date": DATE, "place": PLACE, "country": COUNTRY, "by": AUTHORITY, "requested_by": REQUESTER,
         "charge": OFFENCE},
        verbs=frozenset({"arrest", "detain", "seize", "grab", "apprehend", "nab", "capture", "rearrest", "recapture"}),
        nouns=frozenset({"arrest", "detention", "capture", "rearrest", "recapture"}),
        phrases=_phrases(Phrase("pick", particle="up"), Phrase("round", particle="up"),
                         Phrase("take", pp=("into", frozenset({"custody"})))),
        past_only=frozenset({"detain"}),
        russian=Russian(verbs=frozenset({"задержать", "арестовать", "схватить", "задерживать", "арестовывать"}),
                        nouns=frozenset({"арест", "задержание"}),
                        phrases=(("взять", frozenset({"стража"}), OBJECT),))),
    FactType(
        "transfer", {"date": DATE, "from": ORIGIN, "to": DESTINATION, "manner": MANNER},
        verbs=frozenset({"extradite", "deport", "expel", "abduct", "kidnap", "steal", "snatch", "transfer",
                         "repatriate"}),
        nouns=frozenset({"extradition", "deportation", "expulsion", "abduction", "kidnapping", "repatriation"}),
        phrases=_phrases(Phrase("hand", particle="over")),
        manners={"extradite": "extradition", "extradition": "extradition", "deport": "deportation",
                 "deportation": "deportation", "expel": "expulsion", "expulsion": "expulsion",
                 "abduct": "abduction", "abduction": "abduction", "kidnap": "abduction", "kidnapping": "abduction",
                 "steal": "abduction", "snatch": "abduction"},
        russian=Russian(verbs=frozenset({"экстрадировать", "выдать", "депортировать", "выслать", "похитить",
                                         "передать", "выдворить"}),
                        nouns=frozenset({"экстрадиция", "выдача", "депортация", "высылка", "похищение"}),
                        manners={"экстрадировать": "extradition", "экстрадиция": "extradition", "выдать": "extradition",
                                 "выдача": "extradition", "депортировать": "deportation", "депортация": "deportation",
                                 "выслать": "expulsion", "высылка": "expulsion", "выдворить": "expulsion",
                                 "похитить": "abduction", "похищение": "abduction"})),
    FactType(
        "charge", {"date": DATE, "charge": OFFENCE, "country": COUNTRY},
        verbs=frozenset({"charge", "accuse", "indict", "suspect", "prosecute"}),
        nouns=frozenset({"indictment"}),
        phrases=_phrases(Phrase("face", objects=frozenset({"charge", "count", "accusation"}), patient=SUBJECT)),
        russian=Russian(verbs=frozenset({"обвинить", "обвинять", "подозревать"}),
                        phrases=(("предъявить", frozenset({"обвинение"}), DATIVE),))),
    FactType(
        "conviction", {"date": DATE, "charge": OFFENCE, "court": COURT, "country": COUNTRY},
        verbs=frozenset({"convict"}), nouns=frozenset({"conviction"}),
        phrases=_phrases(Phrase("find", complement="guilty"),
                         Phrase("plead", complement="guilty", patient=SUBJECT)),
        russian=Russian(verbs=frozenset({"осудить"}), phrases=(("признать", frozenset({"виновный"}), OBJECT),))),
    FactType(
        "sentence", {"date": DATE, "term": TERM, "fine": FINE, "court": COURT, "country": COUNTRY,
                     "charge": OFFENCE},
        verbs=frozenset({"sentence", "jail", "imprison", "fine"}),
        phrases=_phrases(
            Phrase("serve", objects=frozenset({"sentence", "term"}), patient=SUBJECT),
            Phrase("receive", objects=frozenset({"sentence", "term"}), patient=SUBJECT),
            Phrase("hand", objects=frozenset({"sentence", "term"}), patient=DATIVE),
            Phrase("give", objects=frozenset({"sentence", "term"}), patient=DATIVE)),
        past_only=frozenset({"jail", "imprison"}),
        requires={"fine": FINE},
        # "осуждён к 9 годам" is a sentence; "осуждён за шпионаж", with no term, a conviction
        russian=Russian(verbs=frozenset({"приговорить", "оштрафовать", "осудить"}),
                        phrases=(("получить", frozenset({"год", "срок", "месяц"}), SUBJECT),
                                 ("назначить", frozenset({"штраф", "наказание", "срок"}), DATIVE)))),
    FactType(
        "custody", {"facility": FACILITY, "place": HELD_AT, "country": COUNTRY},
        verbs=frozenset({"hold", "detain", "imprison", "jail", "keep", "incarcerate"}),
        nouns=HELD_PEOPLE,  # "the detainee, X", "political prisoner X"
        phrases=_phrases(
            Phrase("serve", objects=frozenset({"sentence", "term"}), patient=SUBJECT, present_only=True),
            Phrase("remain", pp=("in", _PRISON_NOUNS), patient=SUBJECT),
            Phrase("languish", patient=SUBJECT),
            Phrase("spend", pp=("in", _PRISON_NOUNS), patient=SUBJECT),
            Phrase("spend", pp=("behind", frozenset({"bars"})), patient=SUBJECT),
            Phrase("place", pp=("under", frozenset({"arrest"}))),
            Phrase("keep", pp=("under", frozenset({"arrest"}))),
            Phrase("be", pp=("under", frozenset({"arrest"})), patient=SUBJECT, present_only=True),
            Phrase("remain", pp=("under", frozenset({"arrest"})), patient=SUBJECT),
            Phrase("remain", pp=("behind", frozenset({"bars"})), patient=SUBJECT),
            Phrase("be", pp=("in", _PRISON_NOUNS), patient=SUBJECT),
            Phrase("be", pp=("behind", frozenset({"bars"})), patient=SUBJECT, present_only=True),
            # put where one is held: "transferred to a penal colony", "assigned to a detention centre"
            *(Phrase(verb, pp=("to", _PRISON_NOUNS)) for verb in ("transfer", "move", "send", "assign", "return")),
            Phrase("move", pp=("to", frozenset({"arrest"})))),
        # "was imprisoned in Belarus" is custody there, whenever it was; "was detained" is an arrest.
        present_only=frozenset({"detain"}),
        russian=Russian(verbs=frozenset({"содержаться"}),
                        # "заключён под стражу" also begins custody; "провёл два месяца в тюрьме" is one spent
                        phrases=(("находиться", _RU_PRISON, SUBJECT), ("оставаться", _RU_PRISON, SUBJECT),
                                 ("отбывать", frozenset({"наказание", "срок"}), SUBJECT),
                                 ("сидеть", _RU_PRISON, SUBJECT), ("содержать", _RU_PRISON, OBJECT),
                                 ("держать", _RU_PRISON | {"камера"}, OBJECT), ("заключить", frozenset({"стража"}), OBJECT),
                                 ("поместить", _RU_PRISON, OBJECT), ("отправить", _RU_PRISON, OBJECT),
                                 ("провести", _RU_PRISON, SUBJECT)))),
    FactType(
        "release", {"date": DATE, "manner": MANNER, "place": PLACE},
        verbs=frozenset({"release", "free", "pardon", "commute", "parole"}),
        nouns=frozenset({"release", "pardon"}),
        phrases=_phrases(Phrase("set", complement="free"), Phrase("walk", complement="free", patient=SUBJECT),
                         Phrase("leave", objects=_PRISON_NOUNS, patient=SUBJECT)),
        manners={"pardon": "pardon", "commute": "commutation", "parole": "parole", "bail": "bail",
                 "exchange": "exchange", "swap": "exchange", "trade": "exchange"},
        russian=Russian(verbs=frozenset({"освободить", "помиловать", "отпустить", "выпустить"}),
                        nouns=frozenset({"освобождение", "помилование"}),
                        phrases=(("выйти", frozenset({"свобода"}), SUBJECT),),
                        manners={"помиловать": "pardon", "помилование": "pardon", "залог": "bail",
                                 "условно-досрочно": "parole", "обмен": "exchange"})),
    FactType(
        "exchange", {"date": DATE, "place": PLACE, "counterpart": COUNTERPART},
        verbs=frozenset({"exchange", "swap", "trade"}),
        nouns=frozenset({"exchange", "swap", "trade"}),
        russian=Russian(verbs=frozenset({"обменять", "обменивать"}), nouns=frozenset({"обмен"}))),
    FactType(
        "visit", {"date": DATE, "visitor": AGENT, "place": VISITED_AT},
        verbs=frozenset({"visit"}),
        nouns=frozenset({"visit"}),  # "a consular visit to X"
        # "met him in prison", "his lawyer met him", "was granted consular access" (access to a lawyer is no visit)
        phrases=_phrases(Phrase("meet", pp=("in", _PRISON_NOUNS)), Phrase("meet", subjects=_VISITORS),
                         Phrase("see", subjects=_VISITORS),
                         Phrase("grant", complement="consular", objects=frozenset({"access"}), patient=DATIVE)),
        russian=Russian(verbs=frozenset({"посетить", "навестить", "посещать", "навещать"}))),
    FactType("statement", {"date": DATE, "channel": CHANNEL, "quote": QUOTE, "about": ABOUT}),
]}

# Verbs that move a person to a country ("taken to the US"), completing a transfer.
MOVE_VERBS = frozenset({"take", "bring", "fly", "send", "transfer", "extradite", "deport", "hand", "move",
                        "deliver", "transport", "return", "repatriate", "expel"})
# Verbs that carry a person somewhere: right after an arrest, to another country, they tell a transfer
# ("arrested in Haiti, then taken to New York").
CARRY_VERBS = frozenset({"take", "bring", "fly", "send", "transport", "deliver", "ship"})
# Transfers whose verb says how but not that a border was crossed ("transferred to a colony") need a country.
NEEDS_COUNTRY = frozenset({"transfer", "hand"})

# Russian verbs that move a person to a country ("доставлен в США"), completing a transfer; and those of
# them that need a country named to be a transfer between states ("передан американским маршалам").
RU_MOVE_VERBS = frozenset({"доставить", "этапировать", "вывезти", "перевезти", "отправить", "передать",
                           "экстрадировать", "выдать", "депортировать", "выслать", "вернуть"})
RU_NEEDS_COUNTRY = frozenset({"передать", "выдать"})

# Reporting verbs: who says a quotation, or who asserts what the article only reports.
REPORTING_VERBS = frozenset({
    "say", "tell", "state", "note", "stress", "add", "emphasize", "emphasise", "underscore", "underline",
    "announce", "claim", "allege", "insist", "declare", "explain", "write", "post", "reiterate", "argue",
    "warn", "report", "comment", "remark", "confirm", "deny", "assert", "maintain", "recall", "urge", "ask",
    "answer", "reply", "respond", "point", "accuse", "describe", "continue", "conclude", "complain", "tweet",
    "quote", "cite", "acknowledge", "admit", "observe", "suggest", "predict", "vow", "pledge", "speak"})

# Where a statement was made, by the words that give the channel (regular expressions over the lowered
# reporting clause), the most specific first: "in a statement on Telegram" is Telegram.
CHANNELS = {
    r"telegram": "telegram",
    r"facebook|twitter|instagram|vkontakte|tweet(s|ed|ing)?|on x|(social media|social network)\w*|"
    r"(posted|wrote|said) on (x|its page|his page|her page)": "social_media",
    r"website|web site|web page|online statement": "website",
    r"interviews?": "interview",
    r"phone|telephone|by phone": "phone",
    r"(press|news) conference|briefing|press point": "press_conference",
    r"reporters|journalists|the press|the media|media persons|newsmen": "reporters",
    r"(told|in|before|addressing) (the |a )?(court|judge|jury)|(court|trial) hearing": "court",
    r"statement|communique|communiqué|press release": "statement",
}

RU_REPORTING_VERBS = frozenset({
    "сказать", "заявить", "сообщить", "отметить", "подчеркнуть", "добавить", "пояснить", "рассказать",
    "написать", "говорить", "заявлять", "сообщать", "отмечать", "подчёркивать", "подчеркивать", "уточнить",
    "констатировать", "указать", "напомнить", "признать", "назвать", "считать", "утверждать", "заверить",
    "ответить", "процитировать", "опубликовать", "объяснить", "резюмировать", "высказаться", "говориться",
    "убедиться", "призвать", "потребовать", "пообещать", "предупредить", "называть", "писать"})
# Channels in a Russian reporting clause (regular expressions over its lowered words).
RU_CHANNELS = {
    r"telegram|телеграм": "telegram",
    r"фейсбук|facebook|твиттер|twitter|вконтакте|соцсет\w*|социальн\w+ сет\w*": "social_media",
    r"сайт\w*": "website",
    r"интервью": "interview",
    r"по телефону|телефонн\w+": "phone",
    r"пресс-конференц\w*|брифинг\w*": "press_conference",
    r"журналист\w*|репортер\w*|репортёр\w*|прессе": "reporters",
    r"в суде|суду|заседани\w+|последнем слове": "court",
    r"заявлени\w+|сообщени\w+|коммюнике|пресс-релиз\w*": "statement",
}
