"""Titles and roles: the nouns that introduce a person ("businessman X", "X, the ambassador")
or an institution ("the Foreign Ministry"), and the nouns a later mention may use for them.

A document that names "Anatoly Antonov, Moscow's ambassador" may go on with "the
envoy" or "the diplomat"; a role is the head noun of the title, and each role lists
the nouns that can stand for its holder.
"""
from __future__ import annotations

# role -> the nouns that may refer back to its holder ("the envoy" for an ambassador).
_PERSON_ROLES: dict[str, set[str]] = {
    "ambassador": {"envoy", "diplomat"}, "envoy": {"diplomat"}, "consul": {"diplomat"}, "diplomat": set(),
    "minister": set(), "president": {"leader"}, "premier": {"leader"}, "chancellor": {"leader"},
    "leader": set(), "king": {"monarch"}, "emir": {"monarch"}, "sheikh": set(), "prince": set(),
    "spokesman": {"spokesperson"}, "spokeswoman": {"spokesperson"}, "spokesperson": set(),
    "lawyer": {"attorney"}, "attorney": {"lawyer"}, "counsel": {"lawyer"}, "advocate": {"lawyer"},
    "judge": set(), "prosecutor": set(), "investigator": set(), "detective": set(),
    "journalist": {"reporter"}, "reporter": {"journalist"}, "correspondent": {"journalist", "reporter"},
    "editor": {"journalist"}, "photographer": {"journalist"}, "blogger": set(),
    "businessman": {"entrepreneur", "executive"}, "businesswoman": {"entrepreneur", "executive"},
    "entrepreneur": {"businessman", "businesswoman"}, "executive": set(), "banker": set(), "investor": set(),
    "marine": {"veteran", "soldier"}, "soldier": set(), "veteran": set(), "officer": set(), "agent": set(),
    "spy": set(), "colonel": {"officer"}, "general": {"officer"}, "captain": {"officer"}, "major": {"officer"},
    "sergeant": {"officer"}, "marshal": {"officer"}, "pilot": set(), "sailor": set(),
    "secretary": set(), "senator": {"lawmaker", "politician"}, "lawmaker": {"politician"},
    "congressman": {"lawmaker", "politician"}, "congresswoman": {"lawmaker", "politician"},
    "deputy": {"lawmaker", "politician"}, "mp": {"lawmaker", "politician"}, "politician": set(),
    "governor": set(), "mayor": set(), "chairman": set(), "chairwoman": set(), "chair": set(),
    "chief": {"head"}, "ceo": {"executive", "chief"}, "cfo": {"executive"}, "head": {"chief"}, "director": {"head", "chief"}, "commissioner": set(),
    "activist": {"campaigner"}, "campaigner": {"activist"}, "dissident": {"activist"}, "opposition": set(),
    "hacker": set(), "researcher": {"scientist", "academic"}, "scientist": {"researcher", "academic"},
    "academic": {"researcher", "scholar"}, "scholar": {"academic", "researcher"}, "professor": {"academic"},
    "historian": {"academic"}, "teacher": set(), "student": set(), "doctor": {"physician"},
    "physician": {"doctor"}, "priest": set(), "cleric": set(), "artist": set(), "musician": set(),
    "writer": {"author"}, "author": {"writer"}, "poet": {"writer"},
    "star": {"player", "athlete"}, "player": {"athlete"}, "athlete": set(), "coach": set(), "boxer": {"athlete"},
    "dealer": set(), "smuggler": set(), "trafficker": set(), "tourist": set(), "teenager": set(),
    "worker": {"employee"}, "employee": set(), "engineer": set(), "contractor": set(), "consultant": set(),
    "analyst": set(), "adviser": {"aide"}, "advisor": {"aide"}, "aide": set(), "negotiator": set(),
    "ombudsman": set(), "pastor": {"cleric", "clergyman"}, "rabbi": {"cleric"}, "imam": {"cleric"},
    "bishop": {"cleric"}, "archbishop": {"cleric"}, "missionary": set(), "reverend": {"cleric"},
}
# Kin terms introduce a person ("his brother David") but are not anaphors on their own.
KIN = {"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "mom", "mum", "dad",
       "cousin", "uncle", "aunt", "nephew", "niece", "fiancee", "fiancé", "fiance", "girlfriend", "boyfriend",
       "partner", "widow", "grandson", "granddaughter", "grandmother", "grandfather", "friend", "colleague"}
# Institutions: the head noun of an organisation's name, for "the ministry said".
ORG_HEADS = {"ministry", "department", "embassy", "consulate", "court", "office", "service", "agency", "bureau",
             "committee", "council", "government", "administration", "police", "army", "navy", "parliament",
             "assembly", "commission", "tribunal", "foundation", "organisation", "organization", "party", "union",
             "company", "firm", "bank", "newspaper", "prosecutor", "prosecutors", "procuratorate", "kremlin",
             "cabinet", "directorate", "inspectorate", "guard", "corps", "force", "forces", "mission",
             "secretariat", "senate", "congress", "duma", "authority", "authorities", "institute", "center",
             "centre", "group", "network", "channel", "regime", "junta", "prison", "penitentiary",
             "colony", "jail"}
# Words that qualify a title without telling two holders apart ("the former ambassador").
_NEUTRAL = {"former", "then", "new", "current", "incumbent", "acting", "outgoing", "late", "top", "senior",
            "chief", "special", "deputy", "veteran", "jailed", "detained", "imprisoned", "freed", "released"}


def is_person_role(word: str) -> bool:
    return word.casefold() in _PERSON_ROLES


def refers_to(anaphor: str, role: str) -> bool:
    """Whether "the <anaphor>" can stand for the holder of a role: "envoy" for an ambassador."""
    anaphor, role = anaphor.casefold(), role.casefold()
    return anaphor == role or anaphor in _PERSON_ROLES.get(role, ())


def neutral(word: str) -> bool:
    return word.casefold() in _NEUTRAL
