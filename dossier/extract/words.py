"""The vocabulary of the event grammar: word lists the triggers, patients and finders share."""
from __future__ import annotations

MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll", "’ll"}


# Nouns under which an event is only spoken of, not reported: "no chance of X being released".
IRREALIS_NOUNS = {"chance", "chances", "opportunity", "possibility", "hope", "prospect", "demand",
                   "proposal", "offer", "plan", "attempt", "threat", "risk", "bid", "effort", "request",
                   "call", "calls", "push", "campaign", "fear", "fears", "danger"}


# Verbs under which an event named by a noun is wanted or feared, not reported: "demanded the release of X".
IRREALIS_VERBS = {"demand", "seek", "want", "hope", "urge", "call", "push", "plan", "propose", "offer",
                   "negotiate", "discuss", "fear", "threaten", "oppose", "request", "press", "lobby", "expect",
                   "await", "face", "risk", "prevent", "block", "avoid", "resist", "appeal", "ask", "wish",
                   "pursue", "consider", "mull", "weigh", "try", "attempt", "approve", "authorize",
                   "authorise", "order", "allow", "permit", "grant", "sanction", "endorse", "back", "support",
                   "recommend", "challenge", "contest", "delay", "halt", "suspend", "postpone", "fight", "battle"}


# Prepositions under which an event is opposed or awaited, not reported: "against being extradited".
IRREALIS_PREPOSITIONS = {"against", "pending"}


FACILITY_HEADS = {"prison", "jail", "gaol", "colony", "penitentiary", "centre", "center", "camp", "complex",
                   "facility", "institution", "cell", "barracks", "compound", "fortress", "jailhouse", "dungeon"}


SITE_NOUNS = {"airport", "hotel", "station", "border", "crossing", "checkpoint", "port", "apartment", "home",
               "house", "office", "street", "square", "hospital", "park", "base", "embassy", "consulate", "restaurant",
               "market", "university", "terminal", "harbour", "harbor", "city", "court", "courthouse"}


PLACE_NOUNS = {"city", "town", "village", "region", "province", "district", "capital", "port", "resort",
                "island", "state", "republic", "area", "oblast", "canton", "county", "prefecture"}


CRIME_VERBS = {"smuggle", "spy", "murder", "kill", "hack", "traffic", "launder", "defraud", "bribe", "assault",
                "embezzle", "steal", "sell", "supply", "plot", "attack", "finance", "fund"}


NOT_OFFENCES = {"year", "month", "week", "day", "hour", "prison", "jail", "life", "imprisonment", "detention",
                 "confinement", "custody", "colony", "penalty", "fine", "term", "time", "camp", "request",
                 "warrant", "behalf", "part", "lack", "want", "reason", "exchange", "swap", "trade", "return",
                 "questioning", "interrogation", "investigation", "trial", "sentence", "release", "deportation",
                 "extradition", "period", "duration", "rest", "dollar", "euro", "rouble", "ruble"}


OFFENCE_NOUNS = {"charge", "count", "accusation", "suspicion", "allegation"}


PLACE_PREPOSITIONS = {"in", "at", "near", "inside", "outside"}


GROUP_WORDS = {"including", "among"}


COURT_WORDS = ("court", "tribunal")


DECIDERS = ("court", "tribunal", "judge", "jury", "prosecutor", "authorities", "police", "investigator")


# Who detains people, besides those who decide on them: "border guards", "security service officers".
ENFORCERS = (*DECIDERS, "agent", "officer", "guard", "service", "customs", "troops", "soldier", "militia",
             "official", "intelligence", "security", "marshal")


CUSTODY_WORDS = {"prison", "jail", "detention", "custody", "colony", "cell", "penitentiary", "consular",
                  "detainee", "prisoner", "inmate", "embassy", "consul"}


# Words of a detention story, without which "trade" is trade.
DETENTION_WORDS = CUSTODY_WORDS | {"hostage", "captive", "arrest", "detain", "convict", "sentence", "jail",
                                     "imprison", "spy", "espionage", "free", "release", "pardon", "jailed"}


SWAP_NOUNS = {"exchange", "swap", "trade"}


# Words for people held or swapped: "a prisoner swap", "in exchange for the three men".
PEOPLE = {"prisoner", "detainee", "hostage", "captive", "man", "woman", "people", "person", "citizen", "national",
           "inmate", "spy", "agent", "soldier", "convict"}


RELATIVES = {"who", "whom", "that", "which"}


SUBJECTS = ("nsubj", "nsubjpass")


# Verb forms the tagger reads as adjectives ("remained jailed", "the freed man"): word -> lemma.
IRREGULAR = {"held": "hold", "kept": "keep", "stolen": "steal", "stole": "steal", "seized": "seize",
              "freed": "free", "caught": "catch"}


