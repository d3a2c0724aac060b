"""The channel a reporting clause names: "told TASS", "in a statement", "wrote on Telegram"."""
from __future__ import annotations

import re

from ...clean import outlets
from ..schema import CHANNELS

# "told TASS", "said in an interview with the BBC": a speaker who talks to one outlet gives it an interview.
_TO_AN_OUTLET = re.compile(r"\b(?:told|telling|tells|interview (?:with|to))\s+(?:the\s+)?"
                           r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})")
_MEDIA_NOUNS = {"newspaper", "agency", "channel", "radio", "television", "tv", "magazine", "daily", "news"}


def channel_in(sentence_text: str) -> str | None:
    for match in _TO_AN_OUTLET.finditer(sentence_text):
        words = match.group("name").split()
        # "told TASS Wednesday": the outlet is the name's first words
        if any(outlets.by_name(" ".join(words[:n])) or words[n - 1].casefold() in _MEDIA_NOUNS
               for n in range(len(words), 0, -1)):
            return "interview"
    lowered = sentence_text.casefold()
    for words, channel in CHANNELS.items():
        if re.search(rf"\b({words})\b", lowered):
            return channel
    return None

