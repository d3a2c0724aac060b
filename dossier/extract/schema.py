"""The fact types: their arguments, the kinds of value each takes, and the words that report them.

This is the one place to add a fact type or an argument. Trigger lemmas are read
by the grammar in ``events``; argument kinds tell it how to fill and normalise
each argument.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Argument kinds: how a value is found and written.
DATE = "date"  # partial ISO date, resolved against the publication date
PLACE = "place"  # a place name as written
COUNTRY = "country"  # a country's English short name
STATE = "state"  # who acted: a country (from "by the US", "American agents") or an organisation
PERSON = "person"  # another entity of the document
TEXT = "text"  # a short phrase from the text (an offence, a court)
DURATION = "duration"  # ISO 8601 duration
MONEY = "money"  # "<amount> <ISO 4217 code>"
LABEL = "label"  # one of a closed set of words
QUOTE = "quote"


@dataclass(frozen=True)
class FactType:
    name: str
    arguments: dict[str, str]  # argument -> kind
    verbs: frozenset[str] = field(default_factory=frozenset)  # lemmas whose patient is the subject
    nouns: frozenset[str] = field(default_factory=frozenset)  # "the arrest of X", "X's extradition"
    # A verb that reports the state of affairs rather than an event ("is held in") only in the present.
    present_only: frozenset[str] = field(default_factory=frozenset)


FACT_TYPES: dict[str, FactType] = {t.name: t for t in [
    FactType("arrest", {"date": DATE, "place": PLACE, "country": COUNTRY, "by": STATE, "requested_by": STATE,
                        "charge": TEXT},
             verbs=frozenset({"arrest", "detain", "seize", "grab", "apprehend", "nab", "capture", "round"}),
             nouns=frozenset({"arrest", "detention", "capture"})),
    FactType("transfer", {"date": DATE, "from": COUNTRY, "to": COUNTRY, "manner": LABEL},
             verbs=frozenset({"extradite", "deport", "expel", "abduct", "kidnap", "steal", "snatch", "transfer",
                              "rendition"}),
             nouns=frozenset({"extradition", "deportation", "expulsion", "abduction", "kidnapping", "transfer"})),
    FactType("charge", {"date": DATE, "charge": TEXT, "country": COUNTRY},
             verbs=frozenset({"charge", "accuse", "indict", "suspect", "prosecute"}),
             nouns=frozenset({"indictment"})),
    FactType("conviction", {"date": DATE, "charge": TEXT, "court": TEXT, "country": COUNTRY},
             verbs=frozenset({"convict"}), nouns=frozenset({"conviction"})),
    FactType("sentence", {"date": DATE, "term": DURATION, "fine": MONEY, "court": TEXT, "country": COUNTRY,
                          "charge": TEXT},
             verbs=frozenset({"sentence", "jail", "imprison"})),
    FactType("custody", {"facility": PLACE, "place": PLACE, "country": COUNTRY},
             verbs=frozenset({"hold", "detain", "imprison", "jail", "serve", "keep", "languish", "incarcerate"}),
             present_only=frozenset({"hold", "detain", "imprison", "jail", "keep", "languish", "incarcerate"})),
    FactType("release", {"date": DATE, "manner": LABEL, "place": PLACE},
             verbs=frozenset({"release", "free", "pardon", "commute", "parole"}),
             nouns=frozenset({"release", "pardon"})),
    FactType("exchange", {"date": DATE, "place": PLACE, "counterpart": PERSON},
             verbs=frozenset({"exchange", "swap", "trade"})),
    FactType("visit", {"date": DATE, "visitor": PERSON, "place": PLACE},
             verbs=frozenset({"visit"})),
    FactType("statement", {"date": DATE, "channel": LABEL, "quote": QUOTE, "about": PERSON}),
]}

# How a person was moved between states, by the verb or noun that says it.
TRANSFER_MANNER = {"extradite": "extradition", "extradition": "extradition", "deport": "deportation",
                   "deportation": "deportation", "expel": "expulsion", "expulsion": "expulsion",
                   "abduct": "abduction", "abduction": "abduction", "kidnap": "abduction", "kidnapping": "abduction",
                   "steal": "abduction", "snatch": "abduction"}
RELEASE_MANNER = {"pardon": "pardon", "commute": "commutation", "parole": "parole", "bail": "bail",
                  "exchange": "exchange", "swap": "exchange"}
# Verbs that move a person to a country ("taken to the US"), completing a transfer.
MOVE_VERBS = frozenset({"take", "bring", "fly", "send", "transfer", "extradite", "deport", "hand", "move",
                        "deliver", "transport"})

# Reporting verbs: who says a quotation, or who asserts what the article only reports.
REPORTING_VERBS = frozenset({
    "say", "tell", "state", "note", "stress", "add", "emphasize", "emphasise", "underscore", "underline",
    "announce", "claim", "allege", "insist", "declare", "explain", "write", "post", "reiterate", "argue",
    "warn", "report", "comment", "remark", "confirm", "deny", "assert", "maintain", "recall", "urge", "ask",
    "answer", "reply", "respond", "point", "accuse", "describe", "continue", "conclude", "complain"})

# Where a statement was made, by the words that give the channel.
CHANNELS = {"telegram": "telegram", "website": "website", "web site": "website", "reporters": "reporters",
            "journalists": "reporters", "press conference": "reporters", "news conference": "reporters",
            "briefing": "reporters", "interview": "interview", "phone": "phone", "telephone": "phone",
            "facebook": "facebook", "twitter": "x", "instagram": "instagram", "vkontakte": "vk"}
