"""Name keys that survive transliteration: one key for Seleznev, Seleznyov and Zelesnyov.

Russian and other Cyrillic names reach English news through several romanisations
(e/yo/ye, ii/iy/y, ks/x), through German and French ones (w for v, sch for sh, s
and z swapped, doubled consonants) and through typos. The key folds those
differences; rapidfuzz then measures what is left.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# Applied in order; each folds spellings of one sound.
_RULES = [
    (r"tsch|tch", "ch"), (r"sch", "sh"), (r"kh", "h"), (r"x", "ks"), (r"ph", "f"), (r"tz", "ts"),
    (r"^h", "g"),  # Ukrainian and Belarusian H where Russian spelling has G: Hrytsenko, Gritsenko
    (r"(?<=[aeiou])j(?=[aeiou])", "y"), (r"[yji][oeë]", "e"), (r"ë", "e"), (r"[yji]u", "u"), (r"[yji]a", "a"),
    (r"(?:ij|iy|ii|yi|y)$", "i"), (r"y", "i"), (r"ou", "u"), (r"w", "v"), (r"z", "s"), (r"ck", "k"),
    (r"([bcdfghklmnprstvz])\1", r"\1"),
]
SAME_NAME = 85  # rapidfuzz ratio of two keys above which they are one name
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "al", "el", "bin", "ibn", "ben"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    key = re.sub(r"[^a-zë]", "", fold(word).replace("’", "").replace("'", ""))
    for pattern, replacement in _RULES:
        key = re.sub(pattern, replacement, key)
    return key


def _gendered_pair(a: str, b: str) -> bool:
    """The masculine and feminine forms of one Slavic surname."""
    if a.endswith("a") == b.endswith("a"):
        return False
    feminine, masculine = (a, b) if a.endswith("a") else (b, a)
    return re.sub(r"(?:aia|aa|a)$", "", feminine) == re.sub(r"i$", "", masculine)


def same_word(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if _gendered_pair(ka, kb):
        return False  # Ivanov and Ivanova, Kowalski and Kowalska, Navalny and Navalnaya: two people
    # Short names differ by one letter too easily ("Ivanov", "Ivanova" are two people).
    return min(len(ka), len(kb)) >= 6 and fuzz.ratio(ka, kb) >= SAME_NAME and ka[0] == kb[0]


def split_name(name: str) -> tuple[list[str], str]:
    """(given names, surname): "Pieter van Aalst" -> (["Pieter"], "van Aalst")."""
    words = [w for w in re.split(r"\s+", name.strip().removesuffix("’s").removesuffix("'s")) if w]
    if not words:
        return [], ""
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    return words[:cut], " ".join(words[cut:])


def given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names that may be one person's: equal, an initial of the other, or one side unknown."""
    if not a or not b:
        return True
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if len(first_a) == 1 or len(first_b) == 1:
        return fold(first_a)[0] == fold(first_b)[0]
    return same_word(first_a, first_b)


def same_person_name(a: str, b: str) -> bool:
    given_a, surname_a = split_name(a)
    given_b, surname_b = split_name(b)
    return bool(surname_a and surname_b) and same_word(surname_a, surname_b) and given_compatible(given_a, given_b)
