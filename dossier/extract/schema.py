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
STATE = "state"  # who acted, as a state: "by the US", "American agents", "Spanish police"
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
    patient: str = OBJECT
    present_only: bool = False  # a state now ("remains in custody"), not an event


def _phrases(*items: Phrase) -> tuple[Phrase, ...]:
    return items


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


_PRISON_NOUNS = frozenset({"custody", "detention", "jail", "prison", "captivity", "bars", "colony", "cell",
                           "penitentiary", "gulag"})

FACT_TYPES: dict[str, FactType] = {t.name: t for t in [
    FactType(
        "arrest",
        {"date": DATE, "place": PLACE, "country": COUNTRY, "by": STATE, "requested_by": REQUESTER,
         "charge": OFFENCE},
        verbs=frozenset({"arrest", "detain", "seize", "grab", "apprehend", "nab", "capture"}),
        nouns=frozenset({"arrest", "detention", "capture"}),
        phrases=_phrases(Phrase("pick", particle="up"), Phrase("round", particle="up"),
                         Phrase("take", pp=("into", frozenset({"custody"})))),
        past_only=frozenset({"detain"})),
    FactType(
        "transfer", {"date": DATE, "from": ORIGIN, "to": DESTINATION, "manner": MANNER},
        verbs=frozenset({"extradite", "deport", "expel", "abduct", "kidnap", "steal", "snatch", "transfer",
                         "repatriate"}),
        nouns=frozenset({"extradition", "deportation", "expulsion", "abduction", "kidnapping", "repatriation"}),
        phrases=_phrases(Phrase("hand", particle="over")),
        manners={"extradite": "extradition", "extradition": "extradition", "deport": "deportation",
                 "deportation": "deportation", "expel": "expulsion", "expulsion": "expulsion",
                 "abduct": "abduction", "abduction": "abduction", "kidnap": "abduction", "kidnapping": "abduction",
                 "steal": "abduction", "snatch": "abduction"}),
    FactType(
        "charge", {"date": DATE, "charge": OFFENCE, "country": COUNTRY},
        verbs=frozenset({"charge", "accuse", "indict", "suspect", "prosecute"}),
        nouns=frozenset({"indictment"}),
        phrases=_phrases(Phrase("face", objects=frozenset({"charge", "count", "accusation"}), patient=SUBJECT))),
    FactType(
        "conviction", {"date": DATE, "charge": OFFENCE, "court": COURT, "country": COUNTRY},
        verbs=frozenset({"convict"}), nouns=frozenset({"conviction"}),
        phrases=_phrases(Phrase("find", complement="guilty"),
                         Phrase("plead", complement="guilty", patient=SUBJECT))),
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
        requires={"fine": FINE}),
    FactType(
        "custody", {"facility": FACILITY, "place": HELD_AT, "country": COUNTRY},
        verbs=frozenset({"hold", "detain", "imprison", "jail", "keep", "incarcerate"}),
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
            Phrase("be", pp=("behind", frozenset({"bars"})), patient=SUBJECT, present_only=True)),
        # "was imprisoned in Belarus" is custody there, whenever it was; "was detained" is an arrest.
        present_only=frozenset({"detain"})),
    FactType(
        "release", {"date": DATE, "manner": MANNER, "place": PLACE},
        verbs=frozenset({"release", "free", "pardon", "commute", "parole"}),
        nouns=frozenset({"release", "pardon"}),
        phrases=_phrases(Phrase("set", complement="free"), Phrase("walk", complement="free", patient=SUBJECT)),
        manners={"pardon": "pardon", "commute": "commutation", "parole": "parole", "bail": "bail",
                 "exchange": "exchange", "swap": "exchange", "trade": "exchange"}),
    FactType(
        "exchange", {"date": DATE, "place": PLACE, "counterpart": COUNTERPART},
        verbs=frozenset({"exchange", "swap", "trade"}),
        nouns=frozenset({"exchange", "swap", "trade"})),
    FactType(
        "visit", {"date": DATE, "visitor": AGENT, "place": VISITED_AT},
        verbs=frozenset({"visit"})),
    FactType("statement", {"date": DATE, "channel": CHANNEL, "quote": QUOTE, "about": ABOUT}),
]}

# Verbs that move a person to a country ("taken to the US"), completing a transfer.
MOVE_VERBS = frozenset({"take", "bring", "fly", "send", "transfer", "extradite", "deport", "hand", "move",
                        "deliver", "transport", "return", "repatriate", "expel"})
# Transfers whose verb says how but not that a border was crossed ("transferred to a colony") need a country.
NEEDS_COUNTRY = frozenset({"transfer", "hand"})

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
    r"interview": "interview",
    r"phone|telephone|by phone": "phone",
    r"(press|news) conference|briefing|press point": "press_conference",
    r"reporters|journalists|the press": "reporters",
    r"(told|in|before|addressing) (the |a )?(court|judge|jury)|(court|trial) hearing": "court",
    r"statement|communique|communiqué|press release": "statement",
}
