"""Recognising site furniture line by line: what a page prints around an article.

These are the page parts that recur across news sites whatever the language of
the article: navigation, teasers to other stories, photo captions and credits,
comment forms, share and subscribe prompts, advertising labels.
"""
from __future__ import annotations

import re

from ..temporal import parse_calendar_date
from . import outlets

# A line that opens the tail of a page: everything after it is about other pages.
_TAIL_MARKERS = re.compile(
    r"^(?:check also|leave a (?:reply|comment)|(?:\d+\s+|article |reader |read |view |show )?comments?|"
    r"post a comment|join the conversation|"
    r"related(?: (?:articles?|stories|news|posts|content|coverage|topics))?|more (?:stories|news|from [\w .'-]+)|"
    r"read (?:next|also)|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|"
    r"(?:most )?(?:popular|read|viewed)(?: (?:now|stories|articles))?|trending(?: now)?|"
    r"latest (?:news|stories|articles)|top stories|share this(?: article| story)?:?|tags?:?|topics:?|"
    r"about the author|subscribe to (?:our|the) newsletter|sign up for (?:our|the) newsletter|"
    r"previous (?:article|post)|next (?:article|post))\s*:?$",
    re.I,
)

# Tail openers that carry their own text: "Tags: ...", "12 thoughts on "..."".
_TAIL_WITH_TEXT = re.compile(
    r"^(?:(?:tags|tagged|filed under|categories|posted in|topics)\s*:\s*\S|"
    r"(?:\d+|one|two|three)\s+(?:thoughts?|comments?|responses?|replies|reactions?)\s+(?:on|to)\b)",
    re.I,
)

# A line that is a link to another page, inside the article.
_TEASER = re.compile(
    r"^(?:read (?:more|also|next)|see also|also read|more on this|related|watch|listen|"
    r"click here|sign up|subscribe|follow us|download (?:our|the) app)\b\s*[:>|\-–—]",
    re.I,
)

# Page chrome that is a whole line by itself.
_CHROME = re.compile(
    r"^(?:advertisement|sponsored(?: content)?|skip to (?:main )?(?:content|navigation).*|all news|home|menu|search|"
    r"share|tweet|email|print|updated(?: at)?:?|published(?: at)?:?|posted(?: on)?:?|"
    r"your email address will not be published.*|required fields are marked.*|"
    r"all rights reserved.*|copyright\b.*|cookies? (?:policy|settings).*|"
    r"we use cookies.*|this (?:site|website) uses cookies.*|log ?in|sign ?in|register)\.?$",
    re.I,
)

# Photo credits: "© Name/AGENCY", "Photo: ...", "(Getty Images)", "Name/AGENCY" at a line's end.
_CREDIT = re.compile(
    r"(?:^\s*©|(?i:\b(?:photo|image|picture|pictured|video|graphic|illustration|file photo)s?\s*(?:credit)?\s*:|"
    r"\bcredit\s*:|\bphoto(?:graph)? by\b|\bgetty images\b|\bshutterstock\b)|\bvia (?:AP|AFP|Reuters|Getty)\b|"
    r"\b[A-Z][\w.'-]+ [A-Z][\w.'-]+/[A-Z][A-Za-z]{1,}(?: [A-Z][\w]*)*\s*$)"
)

_DATE_LINE_MAX_WORDS = 9
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and|&).*)?$")
_BYLINE_MAX_WORDS = 12
_BULLET = re.compile(r"^[•·*▪►–—-]+\s*")
_ROLE_MAX_WORDS = 5

# Who reported, wrote and edited the story: "Reporting by ...; Editing by ...", "With files from ...".
_STAFF_CREDIT = re.compile(
    r"^\W*(?:(?:additional )?(?:reporting|writing|editing|compiled|translated|research)(?: \w+)? by\b|"
    r"with (?:additional )?(?:files|reporting) from\b)",
    re.I,
)
_CREDIT_SEPARATOR = re.compile(r"\s*(?:[;,&|]|\band\b)\s*")
# What comes before a name in a credit: "By", "Writing by", "With files from Global News’".
_CREDIT_LEAD = re.compile(r"^(?:.*\bby\s+|.*\bfrom\s+(?:.*[’']s?\s+)?)", re.I)
_PERSON_NAME = re.compile(r"^[A-Z][\w.'’-]+(?:\s+(?:(?:van|von|de|der|den|da|al|bin|ibn|le|la|du|dos|di)\s+){0,2}"
                          r"[A-Z][\w.'’-]+){1,3}$")
# "By Staff Reporter", "By Our Foreign Desk": a byline that names no one.
_DESK_WORDS = {"staff", "reporter", "reporters", "correspondent", "correspondents", "desk", "editor", "editors",
               "team", "bureau", "writer", "writers", "our", "news", "agencies", "agency", "wires"}
_CLOSING_CREDIT = re.compile(r"\(([^()]{5,300})\)\s*$")
# Lines about the page rather than the story: how old it is, prompts to follow the site or click elsewhere, posts embedded from social networks.
_NOTICE = re.compile(
    r"^\W*(?:this (?:article|story|content) is (?:more|over|older) than .*\bold|"
    r"this is a (?:breaking|developing) (?:news )?story\b.*|"
    r"(?:follow|join|like|find|connect with)\b.{0,60}\bon (?:twitter|facebook|instagram|x|linkedin|telegram|youtube|"
    r"tiktok|whatsapp|threads|bluesky)\b\W*|"
    r".{0,160}\bclick here\W*)$"
    r"|\bpic\.twitter\.com/\w+",
    re.I,
)
_TRAILING_BYLINE = re.compile(r"\s+by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$")

# A caption tells who is where in a picture ("Jane Roe (L)", "(2nd right)", "centre"), or what the picture is.
_CAPTION = re.compile(
    r"\((?:\d(?:st|nd|rd|th) ?)?(?:L|R|C|left|right|cent(?:re|er)|front|back|top|bottom)\)|"
    r"(?i:\bin this (?:photo|image|picture|file photo|handout)\b|\b(?:photo|image|picture)s? "
    r"(?:provided|released|taken|obtained|distributed) by\b|\bscreen ?(?:capture|grab|shot) (?:from|of)\b|"
    r"\((?:picture|photo|image)s?: [^)]+\)|^file photo\b)"
)

_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)\]」]*$|["”’»」]$""")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def norm(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def ends_like_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.strip()))


def opens_tail(line: str) -> bool:
    line = line.strip()
    return bool(_TAIL_WITH_TEXT.match(line)) or (len(words(line)) <= 6 and bool(_TAIL_MARKERS.match(line)))


def is_teaser(line: str) -> bool:
    return bool(_TEASER.match(line.strip()))


def menu_parts(line: str) -> list[str]:
    """The fields of a row of links or labels: "Home | World | Business", "Reuters | Moscow | Updated: ..."."""
    parts = [p.strip() for p in re.split(r"\s+[|·•»/]\s+|\s*\|\s*", line.strip()) if p.strip()]
    return parts if len(parts) >= 3 and all(len(words(p)) <= 3 or is_date_line(p) for p in parts) else []


def is_menu(line: str) -> bool:
    return bool(menu_parts(line))


def is_chrome(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") or is_menu(stripped) or is_staff_credit(stripped) or bool(
        _CHROME.match(stripped) or _NOTICE.search(stripped))


def is_staff_credit(line: str) -> bool:
    return bool(_STAFF_CREDIT.match(line))


def closing_credit(line: str) -> str | None:
    """The staff credit a wire story closes its last paragraph with: "... (Reporting by Jane Roe; Editing by ...)"."""
    match = _CLOSING_CREDIT.search(line)
    return match.group(1) if match and is_staff_credit(match.group(1)) else None


def credited_names(line: str) -> list[str]:
    """The people a byline or staff credit names: "Reporting by Jane Roe; Editing by John Doe" -> both."""
    names = []
    for piece in _CREDIT_SEPARATOR.split(_BULLET.sub("", line.strip())):
        piece = _CREDIT_LEAD.sub("", piece.strip()).strip(" .")
        if _PERSON_NAME.match(piece) and not piece.isupper() and not outlets.by_name(piece) and \
                not _DESK_WORDS.intersection(piece.casefold().split()):
            names.append(piece)
    return names


def is_credit(line: str) -> bool:
    return bool(_CREDIT.search(line))


def is_caption(line: str) -> bool:
    """A line written under a photograph, by its shape ("(L)", "In this photo ...", "(Picture: Agency)")."""
    return bool(_CAPTION.search(line))


def is_label(line: str) -> bool:
    """One or two words standing alone: a section label, an agency credit, a button."""
    return len(words(line)) <= 2 and not ends_like_sentence(line)


def is_byline(line: str) -> bool:
    """"By Jane Roe", "• By Jane Roe and John Doe, Reuters": not "By Monday, the court had ruled."."""
    line = _BULLET.sub("", line.strip())
    return bool(_BYLINE.match(line)) and len(words(line)) <= _BYLINE_MAX_WORDS and not ends_like_sentence(line)


def is_role(line: str) -> bool:
    """A writer's title or desk printed under a byline: "Chief International Correspondent"."""
    line = _BULLET.sub("", line.strip())
    names = words(line)
    return 0 < len(names) <= _ROLE_MAX_WORDS and not ends_like_sentence(line) and all(
        w[0].isupper() or w in ("of", "and", "for", "the", "in", "at") for w in names)


def _without_byline(line: str) -> str:
    return _TRAILING_BYLINE.sub("", line)


def is_date_line(line: str) -> bool:
    """A line that is a date and little else: "Published: 3 March 2024", "March 3, 2024 by Jane Roe"."""
    line = _without_byline(line)
    return len(words(line)) <= _DATE_LINE_MAX_WORDS and parse_calendar_date(line) is not None


def date_of_line(line: str) -> str | None:
    return parse_calendar_date(_without_byline(line))
