"""Name keys that survive transliteration: one key for Seleznev, Seleznyov and Zelesnyov.

Russian, Ukrainian and Belarusian names reach news in English through several
romanisations (e/yo/ye, ii/iy/y, ks/x), and through German, French and Polish ones
(Medwedew, Chodorkowski, Poutine, Szojgu). A name written in Cyrillic is read as the
romanisations English-language news would write it in: BGN/PCGN, the Russian
passport's (ICAO) and the informal ones (Селезнёв: Seleznev, Seleznyov, Selezniov). A word is read as each of those
orthographies would spell the sounds, and each reading is folded to a key of
sounds (sh, ch, kh, zh, ts as single symbols; glides, voicing and doubled letters
folded). Two words are one name when some readings share a key. Typos (a swapped
or an extra letter) are a separate, weaker test that callers use only where the
context supports it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

# Letters that Unicode does not decompose into a base letter and a mark.
_PLAIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i"})
_VOWELS = set("aeiou")
_LONG_NAME = 10  # letters from which any one letter added or dropped is a slip rather than another name

# Sound symbols: S sh, C ch, X kh, Z zh, T ts, J the consonant j (dzh).
_SPELLINGS = {
    "en": [(r"shch", "SC"), (r"sch", "S"), (r"kh", "X"), (r"zh", "Z"), (r"sh", "S"), (r"tch", "C"), (r"ch", "C"),
           (r"t[sz]", "T"), (r"dzh|dj", "J"), (r"j(?=[aeiouy])", "J"), (r"^j", "J")],
    # German: tsch for ch, sch for sh, ch for kh, w for v, z for ts, j for y, -ow for -ov.
    "de": [(r"tsch", "C"), (r"sch", "S"), (r"ch", "X"), (r"sh", "S"), (r"zh", "Z"), (r"dsch", "J"),
           (r"t?z", "T"), (r"j", "y"), (r"ss", "s")],
    # French: ch for sh, tch for ch, kh for kh, j for zh, ou for u, gu before e/i for g, a final mute e.
    "fr": [(r"tch", "C"), (r"ch", "S"), (r"kh", "X"), (r"dj", "J"), (r"j", "Z"), (r"gu(?=[eiy])", "g"),
           (r"ine$", "in"), (r"ts", "T"), (r"ss", "s")],
    # Polish: sz, cz, rz, ch, w, j.
    "pl": [(r"szcz", "SC"), (r"sz", "S"), (r"cz", "C"), (r"rz", "Z"), (r"ch", "X"), (r"j", "y"), (r"c", "T")],
}
# Folds shared by every reading, in order.
_FOLDS = [
    (r"x", "ks"), (r"ph", "f"), (r"th", "t"), (r"ck", "k"), (r"q", "k"), (r"w", "v"), (r"ou", "u"),
    (r"^h", "g"),  # Ukrainian and Belarusian H where Russian has G: Hrytsenko, Gritsenko
    (r"(?<=[SCZ])[yi]?o", "e"),  # yo after sh, ch, zh is written o or e: Gorbatschow, Gorbachev
    (r"[yi][oe]", "e"), (r"[yi]u", "u"), (r"[yi]a", "a"),
    (r"(?:ij|iy|ii|yi|yj|ey|ej|ei|y|j)$", "i"),  # -ий, -ей: Navalny, Navalnyy, Alexej, Alexey
    (r"y", "i"), (r"z", "s"), (r"Z", "S"),  # voicing differs between romanisations (Seleznev, Zelesnyov)
    (r"(.)\1", r"\1"),
]
_COMPILED = {lang: [(re.compile(p), r) for p, r in rules] for lang, rules in _SPELLINGS.items()}
_FOLDS_COMPILED = [(re.compile(p), r) for p, r in _FOLDS]
# Honorifics: they title a name ("Mr Kuzmin") but say nothing a later "the ..." could refer to.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madame", "mme", "monsieur",
              "herr", "frau", "sen", "rep", "gen", "col", "capt", "lt", "sgt", "prof", "rev", "fr", "pastor",
              "reverend", "rabbi", "imam", "professor"}
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "al", "el", "bin", "ibn", "ben",
              "abu", "abd", "ter", "du", "dos", "das"}

# Given names that Ukrainian or Belarusian and Russian spell differently for one person.
_GIVEN_FORMS = [
    {"oleksandr", "aleksandr", "alexander", "alexandr", "aliaksandr", "alyaksandr"},
    {"volodymyr", "vladimir", "uladzimir"}, {"serhiy", "serhii", "sergei", "sergey", "siarhei"},
    {"oleksiy", "oleksii", "alexei", "alexey", "aleksei", "aleksey", "aliaksei"},
    {"mykola", "nikolai", "nikolay", "mikalai"}, {"andriy", "andrii", "andrei", "andrey", "andrej"},
    {"yuriy", "yurii", "yuri", "yury", "yuras"}, {"hryhoriy", "hryhorii", "grigory", "grigori", "ryhor"},
    {"mykhailo", "mikhail", "mikhas"}, {"dmytro", "dmitry", "dmitri", "dzmitry"},
    {"pavlo", "pavel"}, {"petro", "pyotr", "piotr", "petr"}, {"olha", "olga", "volha"},
    {"yevhen", "yevgeny", "evgeny", "yauhen"}, {"vasyl", "vasily", "vasiliy", "vasil"},
    {"illia", "ilya", "illya"}, {"anatoliy", "anatoly", "anatolii"}, {"viktor", "victor"},
    {"tetiana", "tatiana", "tatyana", "tatsiana"}, {"kateryna", "ekaterina", "yekaterina", "katsiaryna"},
    {"iryna", "irina"}, {"nataliya", "natalia", "natalya", "natallia"}, {"maksym", "maxim", "maksim"},
    {"fedir", "fyodor", "fedor"}, {"bohdan", "bogdan"},
    # English given names and the short forms news uses for the same person (Michael and Mike for one man).
    {"michael", "mike"}, {"william", "bill", "billy"}, {"robert", "bob", "bobby", "rob"}, {"james", "jim", "jimmy"},
    {"thomas", "tom", "tommy"}, {"richard", "rick", "dick"}, {"joseph", "joe"}, {"daniel", "dan", "danny"},
    {"matthew", "matt"}, {"christopher", "chris"}, {"nicholas", "nick"}, {"anthony", "tony"},
    {"edward", "ed", "ted"}, {"benjamin", "ben"}, {"samuel", "sam"}, {"jonathan", "jon"}, {"timothy", "tim"},
    {"steven", "stephen", "steve"}, {"andrew", "andy"}, {"kenneth", "ken"}, {"donald", "don"},
    {"ronald", "ron"}, {"gregory", "greg"}, {"jeffrey", "jeff"}, {"peter", "pete"}, {"charles", "chuck"},
    {"elizabeth", "liz", "beth"}, {"katherine", "catherine", "kate", "kathy"}, {"jennifer", "jenny"},
    {"margaret", "maggie", "peggy"}, {"susan", "sue"}, {"patricia", "pat"}, {"rebecca", "becky"},
]


# Cyrillic letters in the romanisations of English-language news: BGN/PCGN, the passport's, the informal.
_BGN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u"}
_ROMANISATIONS = [
    _BGN,
    {**_BGN, "ё": "e", "й": "i", "ъ": "ie", "ю": "iu", "я": "ia"},  # the passport's (ICAO)
    {**_BGN, "ё": "io", "й": "j", "ю": "ju", "я": "ja", "х": "h"},  # informal
]
_CYRILLIC = re.compile(r"[а-яёіїєґў]", re.I)
# BGN/PCGN writes е as ye at a word's start and after a vowel or a sign: Yevgeny, Sergeyev.
_YE = re.compile(r"(?:(?<=^)|(?<=[аеёиоуыэюяъь]))е")


# English given names as Russian transcribes them, which letter by letter would not come back: "Томас" is
# Thomas, not Tomas; "Дэниел" Daniel, not Deniyel.
_ENGLISH_GIVEN = {
    "томас": "Thomas", "дэниел": "Daniel", "дэниэл": "Daniel", "штефан": "Stefan", "джеффри": "Jeffrey",
    "майкл": "Michael", "джон": "John", "джеймс": "James", "дэвид": "David", "уильям": "William",
    "ричард": "Richard", "джозеф": "Joseph", "кристофер": "Christopher", "мэттью": "Matthew", "стивен": "Steven",
    "эндрю": "Andrew", "джордж": "George", "эмили": "Emily", "сара": "Sarah", "дженнифер": "Jennifer",
    "элизабет": "Elizabeth", "мэри": "Mary", "пол": "Paul", "ханс": "Hans", "кэтрин": "Catherine",
}


def english_spelling(name: str) -> str:
    """A Cyrillic name as English-language news most often writes it (BGN/PCGN, ё as e): "Артём Журавлёв" ->
    "Artem Zhuravlev", "Ержан Сапаров" -> "Yerzhan Saparov", "Томас Бергманн" -> "Thomas Bergmann"."""
    table = {**_BGN, "ё": "e"}
    return " ".join(_ENGLISH_GIVEN.get(word.casefold()) or
                    "".join(table.get(c, c) for c in _YE.sub("ye", word.casefold())).capitalize()
                    if _CYRILLIC.search(word) else word for word in name.split())


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def romanisations(word: str) -> list[str]:
    """A Cyrillic word as English-language news romanises it: "Конощенок" -> Konoshchenok, Konoshchyonok ...;
    a word in another script as it is."""
    if not _CYRILLIC.search(word):
        return [word]
    lower = word.casefold()
    out = []
    for table in _ROMANISATIONS:
        for text in (_YE.sub("ye", lower), lower):
            spelled = "".join(table.get(c, c) for c in text)
            if spelled not in out:
                out.append(spelled)
    return out


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def _letters(word: str) -> str:
    if _CYRILLIC.search(word):
        word = romanisations(word)[0]
    return re.sub(r"[^a-z]", "", fold(word))


def _fold_sounds(text: str) -> str:
    for pattern, replacement in _FOLDS_COMPILED:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=65536)
def readings(word: str) -> frozenset[str]:
    """The keys of a word read as English, German, French and Polish would spell it; a Cyrillic word's,
    of each romanisation of it."""
    if _CYRILLIC.search(word):
        return frozenset().union(*(readings(spelled) for spelled in romanisations(word)))
    letters = _letters(word)
    if not letters:
        return frozenset()
    keys = set()
    for rules in _COMPILED.values():
        text = letters
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        keys.add(_fold_sounds(text))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """The English reading's key: what a word is filed under."""
    letters = _letters(word)
    if not letters:
        return ""
    for pattern, replacement in _COMPILED["en"]:
        letters = pattern.sub(replacement, letters)
    return _fold_sounds(letters)


def _gendered_pair(a: str, b: str) -> bool:
    """The masculine and feminine forms of one Slavic surname: Ivanov and Ivanova, Navalny and Navalnaya."""
    if a.endswith("a") == b.endswith("a"):
        return False
    feminine, masculine = (a, b) if a.endswith("a") else (b, a)
    return re.sub(r"(?:aia|aa|a)$", "", feminine) == re.sub(r"i$", "", masculine) or \
        re.sub(r"(?:aia|aa|a)$", "", feminine) + "i" == masculine


def _one_slip(a: str, b: str, long_names: bool = False) -> bool:
    """One typing slip: two letters swapped, a vowel or a repeated letter added or dropped, or (``long_names``,
    for words as written) any letter in a long name (Hollingswrth for Hollingsworth)."""
    if abs(len(a) - len(b)) > 1 or OSA.distance(a, b, score_cutoff=1) != 1:
        return False
    if Levenshtein.distance(a, b) == 2:
        return True  # a transposition: Gerhskovich
    [op] = Levenshtein.editops(a, b)
    if op.tag == "replace":
        return False  # Shevchenko and Savchenko, Karimov and Kasimov: different names
    longer, pos = (b, op.dest_pos) if op.tag == "insert" else (a, op.src_pos)
    letter = longer[pos]
    return letter in _VOWELS or longer[pos - 1:pos] == letter or longer[pos + 1:pos + 2] == letter or \
        (long_names and len(longer) >= _LONG_NAME)


@lru_cache(maxsize=65536)
def is_typo(a: str, b: str) -> bool:
    """Whether two different spellings are one name with a slip of the keyboard (Seleznyouv, Gerhskovich)."""
    la, lb = _letters(a), _letters(b)
    if min(len(la), len(lb)) < 6 or la[:1] != lb[:1] or abs(len(la) - len(lb)) > 2:
        return False
    slipped = _one_slip(la, lb, long_names=True) or \
        any(_one_slip(x, y) for x in readings(a) for y in readings(b) if min(len(x), len(y)) >= 6)
    return slipped and not any(_gendered_pair(x, y) for x in readings(a) for y in readings(b))


def slip_variants(word: str) -> set[str]:
    """The word's letters and readings, each also with one letter dropped: two words one slip apart
    (``is_typo``) share a variant, so a slip is looked up rather than tried on every pair."""
    spellings = {_letters(word), *readings(word)}
    return spellings | {s[:i] + s[i + 1:] for s in spellings for i in range(len(s))}


def same_spelling(a: str, b: str) -> bool:
    """One name in two romanisations (no typo allowed)."""
    ra, rb = readings(a), readings(b)
    return bool(ra and rb and ra & rb)


def same_word(a: str, b: str, typos: bool = True) -> bool:
    if same_spelling(a, b):
        return True
    return typos and is_typo(a, b)


def split_name(name: str) -> tuple[list[str], str]:
    """(given names, surname): "Pieter van Aalst" -> (["Pieter"], "van Aalst"), "Ms Roe" -> ([], "Roe")."""
    words = [w for w in re.split(r"\s+", name.strip().removesuffix("’s").removesuffix("'s")) if w]
    while len(words) > 1 and words[0].casefold().rstrip(".") in HONORIFICS:  # "Mr Hollis" gives no given name
        words = words[1:]
    if not words:
        return [], ""
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    return words[:cut], " ".join(words[cut:])


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|an|at|az)[-‐]", re.I)


def surname_alone(surname: str) -> str:
    """The surname as a text writes it alone, without the Arabic article: "al-Sisi" -> "Sisi"."""
    return _ARTICLE.sub("", surname)


@lru_cache(maxsize=1)
def _given_index() -> dict[str, int]:
    return {name_key(form): i for i, forms in enumerate(_GIVEN_FORMS) for form in forms}


def same_given(a: str, b: str, typos: bool = True) -> bool:
    """Two given names of one person: one name in any spelling, or its Ukrainian and Russian forms."""
    index = _given_index()
    group_a, group_b = index.get(name_key(a)), index.get(name_key(b))
    if group_a is not None and group_a == group_b:
        return True
    return same_word(a, b, typos)


def given_compatible(a: list[str], b: list[str], typos: bool = True) -> bool:
    """Given names that may be one person's: equal, an initial of the other, or one side unknown."""
    if not a or not b:
        return True
    if _given_pair(a[0], b[0], typos):
        return True
    # A middle name or a word of title before the given name: "Tarek William Saab", "William Saab".
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) == 1 and len(longer) > 1 and len(shorter[0].rstrip(".")) > 1 and \
        any(_given_pair(shorter[0], word, typos) for word in longer[1:])


def _given_pair(a: str, b: str, typos: bool) -> bool:
    first_a, first_b = a.rstrip("."), b.rstrip(".")
    if not first_a or not first_b:
        return False
    if len(first_a) == 1 or len(first_b) == 1:
        return fold(first_a)[0] == fold(first_b)[0]
    return same_given(first_a, first_b, typos)


def surname_order(surname: str) -> str:
    """A double surname with its parts in one order: "Moore-Gilbert" and "Gilbert-Moore" are one name, which
    news writes either way round."""
    parts = [p for p in re.split(r"[-‐–\s]+", surname) if p]
    return "-".join(sorted(parts, key=fold)) if len(parts) > 1 else surname


def same_surname(a: str, b: str, typos: bool = True) -> bool:
    """Surnames, with compound ones written with or without the hyphen (Kara-Murza, Kara Murza), in either
    order of their parts."""
    return same_word(a, b, typos) or same_word(a.replace(" ", ""), b.replace(" ", ""), typos) or \
        ("-" in a and "-" in b and same_word(surname_order(a), surname_order(b), typos))


def same_person_name(a: str, b: str, typos: bool = True) -> bool:
    given_a, surname_a = split_name(a)
    given_b, surname_b = split_name(b)
    if not (surname_a and surname_b):
        return False
    if same_surname(surname_a, surname_b, typos) and given_compatible(given_a, given_b, typos):
        return True
    # "Vladimir Kara Murza" and "Vladimir Kara-Murza": the last given name is part of a compound surname.
    if given_a and " " not in surname_a and "-" in surname_b:
        return same_person_name(" ".join(given_a[:-1] + [given_a[-1] + surname_a]), b, typos)
    if given_b and " " not in surname_b and "-" in surname_a:
        return same_person_name(a, " ".join(given_b[:-1] + [given_b[-1] + surname_b]), typos)
    return False
