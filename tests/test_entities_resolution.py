"""Entities on names of our own: spellings that must meet, people who must stay apart,
names the tagger misses or mislabels, titles that stand for a named person, lookup."""
from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from conftest import build_and_export
from dossier.annotate import Annotator
from dossier.annotate.mentions import _trim
from dossier.cli import app
from dossier.records import Annotation, Article
from dossier.resolve import Candidate, resolve
from dossier.resolve.names import given_compatible, is_typo, same_person_name, same_spelling, same_word
from dossier.settings import DEFAULT_MODEL

runner = CliRunner()


# ---------------------------------------------------------------- spellings

@pytest.mark.parametrize("name, spelled, other", [
    ("Khodorkovsky", "Chodorkowski", "Khodorkovskaya"),  # German ch for kh, w for v; his wife's surname
    ("Prigozhin", "Prigoschin", "Prigozhina"), ("Prigozhin", "Prigojine", "Prigozin"),  # German sch, French j
    ("Putin", "Poutine", "Putina"), ("Shoigu", "Choïgou", "Shaigu"), ("Shoigu", "Szojgu", "Shoigun"),
    ("Gorbachev", "Gorbatschow", "Gorbacheva"), ("Khrushchev", "Chruschtschow", "Khrushcheva"),
    ("Tsvetkov", "Zwetkow", "Tsvetkova"), ("Navalny", "Navalnyy", "Navalnaya"),
    ("Kurmasheva", "Kurmascheva", "Kurmashev"), ("Kara-Murza", "Kara Murza", "Kara-Mursin"),
    ("Zelensky", "Selenskyj", "Zelenska"), ("Shevchenko", "Schewtschenko", "Savchenko"),
    ("Karimov", "Karimow", "Kasimov"), ("Kovalenko", "Kowalenko", "Kovalchenko"),
])
def test_romanisations_of_one_surname_meet_and_a_near_surname_stays_apart(name, spelled, other):
    assert same_spelling(name, spelled) and same_word(name, spelled, typos=False)
    assert not same_spelling(name, other) and not is_typo(name, other) and not same_word(name, other)
    assert not same_word(spelled, other)


@pytest.mark.parametrize("typed, meant, other", [
    ("Gerhskovich", "Gershkovich", "Gershkovitz"),  # two letters swapped
    ("Kuzmneko", "Kuzmenko", "Kuzmenkov"),
    ("Zhuravlyouv", "Zhuravlyov", "Zhuravleva"),  # a vowel added; his sister
    ("Tsikhnovskaya", "Tsikhanovskaya", "Tsikhanovsky"),  # a vowel dropped; her husband
    ("Mukamuenzi", "Mukamurenzi", "Mukamurenzo"),  # any letter dropped from a long name; another name
])
def test_a_typing_slip_is_a_typo_and_a_near_surname_is_not(typed, meant, other):
    assert is_typo(typed, meant) and same_word(typed, meant)
    assert not same_word(typed, meant, typos=False)  # only where the context allows typos
    assert not same_word(typed, other) and not same_word(meant, other)


@pytest.mark.parametrize("a, b, same", [
    ("Volodymyr Zelenskyy", "Vladimir Zelensky", True),  # Ukrainian and Russian forms of one given name
    ("Oleksiy Marchuk", "Alexei Marchuk", True),
    ("Tarek William Saab", "William Saab", True),  # a middle name
    ("V. Kuzmenko", "Viktor Kuzmenko", True),
    ("Viktor Kuzmenko", "Vasyl Kuzmenko", False), ("V. Kuzmenko", "Artem Kuzmenko", False),
    ("Jonathan Reid", "Michael Reid", False), ("Olga Tsvetkova", "Olga Tsvetkov", False),
    ("Fiona Hart-Lennox", "Fiona Lennox-Hart", True),  # a double surname either way round
    ("Michael Harlan", "Mike Harlan", True), ("Michael Harlan", "Mark Harlan", False),  # a short form
])
def test_full_names_agree_only_when_given_names_do(a, b, same):
    assert same_person_name(a, b) is same


def test_initials_fit_only_their_letter():
    assert given_compatible(["V."], ["Viktor"]) and not given_compatible(["V."], ["Artem"])


# ---------------------------------------------------------------- resolution, on stored candidates

def _people(resolved) -> dict[str, set[str]]:
    return {r.name: set(r.aliases) for r in resolved if r.type == "PERSON"}


def _owner(resolved, doc: str, idx: int) -> str:
    [name] = [r.name for r in resolved if (doc, idx) in r.members]
    return name


def test_a_surname_alone_joins_the_person_its_article_shares_context_with():
    candidates = [
        Candidate("a", 0, "Jonathan Reid", "PERSON", ["Jonathan Reid", "Reid"], "veteran"),
        Candidate("a", 1, "Caracas", "GPE", ["Caracas"]),
        Candidate("a", 2, "Tarek William Saab", "PERSON", ["Tarek William Saab"], "attorney"),
        Candidate("b", 0, "Michael Reid", "PERSON", ["Michael Reid"], "executive"),
        Candidate("b", 1, "Orinoco Petroleum", "ORG", ["Orinoco Petroleum"]),
        Candidate("c", 0, "Reid", "PERSON", ["Reid", "Reid"]),  # with the oil company: Michael
        Candidate("c", 1, "Orinoco Petroleum", "ORG", ["Orinoco Petroleum"]),
        Candidate("d", 0, "Reid", "PERSON", ["Reid"], "veteran"),  # the title decides: Jonathan
        Candidate("e", 0, "Reid", "PERSON", ["Reid"]),  # nothing decides: stays apart
        Candidate("e", 1, "Venezuela", "GPE", ["Venezuela"]),
    ]
    resolved = resolve(candidates)
    assert _owner(resolved, "c", 0) == "Michael Reid"
    assert _owner(resolved, "d", 0) == "Jonathan Reid"
    assert _owner(resolved, "e", 0) == "Reid"
    assert _owner(resolved, "a", 0) != _owner(resolved, "b", 0)
    people = _people(resolved)
    # A surname two people bear is no alias of either unless an article wrote it of them.
    assert people["Michael Reid"] == {"Michael Reid", "Reid"}
    assert "Michael Reid" not in people["Jonathan Reid"]


def test_a_surname_one_person_bears_joins_them_in_any_spelling():
    candidates = [
        Candidate("a", 0, "Dmitri Zhuravlyov", "PERSON", ["Dmitri Zhuravlyov", "Zhuravlyov"]),
        Candidate("b", 0, "Zhuravljow", "PERSON", ["Zhuravljow"]),  # German spelling, surname alone
        Candidate("c", 0, "Olga Zhuravlyova", "PERSON", ["Olga Zhuravlyova"]),  # his wife: another person
    ]
    resolved = resolve(candidates)
    assert _owner(resolved, "b", 0) == _owner(resolved, "a", 0) == "Dmitri Zhuravlyov"
    assert _owner(resolved, "c", 0) == "Olga Zhuravlyova"
    assert _people(resolved)["Dmitri Zhuravlyov"] == {"Dmitri Zhuravlyov", "Zhuravlyov", "Zhuravljow"}


def test_a_typo_in_a_surname_needs_the_same_given_name_or_context():
    candidates = [
        Candidate("a", 0, "Evan Gershkovich", "PERSON", ["Evan Gershkovich"]),
        Candidate("b", 0, "Evan Gerhskovich", "PERSON", ["Evan Gerhskovich"]),  # same given name: merged
        Candidate("c", 0, "Mikhail Gerhskovich", "PERSON", ["Mikhail Gerhskovich"]),  # another given name
        Candidate("d", 0, "Gerhskovich", "PERSON", ["Gerhskovich"]),  # two people spelled so: nothing decides
        Candidate("e", 0, "Gershkovich", "PERSON", ["Gershkovich"], "reporter"),
        Candidate("f", 0, "Evan Gershkovich", "PERSON", ["Evan Gershkovich"], "reporter"),
    ]
    resolved = resolve(candidates)
    assert _owner(resolved, "b", 0) == _owner(resolved, "a", 0) == _owner(resolved, "f", 0) == "Evan Gershkovich"
    assert _owner(resolved, "c", 0) == "Mikhail Gerhskovich"
    assert _owner(resolved, "d", 0) == "Gerhskovich"
    assert _owner(resolved, "e", 0) == "Evan Gershkovich"  # one person is spelled so


def test_a_family_name_written_first_joins_only_where_the_context_agrees():
    candidates = [
        Candidate("a", 0, "Meng Wanzhou", "PERSON", ["Meng Wanzhou", "Meng"], "officer"),
        Candidate("a", 1, "Huawei", "ORG", ["Huawei"]),
        Candidate("b", 0, "Meng", "PERSON", ["Meng", "Meng"]),
        Candidate("b", 1, "Huawei", "ORG", ["Huawei"]),
        Candidate("c", 0, "Meng", "PERSON", ["Meng"]),  # another Meng, in an article about something else
        Candidate("c", 1, "Vancouver airport", "FAC", ["Vancouver airport"]),
    ]
    resolved = resolve(candidates)
    assert _owner(resolved, "b", 0) == "Meng Wanzhou"
    assert _owner(resolved, "c", 0) == "Meng"
    assert _people(resolved)["Meng Wanzhou"] == {"Meng Wanzhou", "Meng"}  # "Wanzhou" is no surname
    [airport] = [r for r in resolved if r.type == "FAC"]
    assert airport.aliases == ["Vancouver airport"]


def test_types_are_corrected_across_the_corpus():
    candidates = [
        Candidate("a", 0, "Kuzmenko", "ORG", ["Kuzmenko", "Kuzmenko"]),  # the tagger's usual slip
        Candidate("b", 0, "Artem Kuzmenko", "PERSON", ["Artem Kuzmenko"]),
        Candidate("c", 0, "Washington", "PERSON", ["Washington"]),
        *[Candidate(d, 0, "Washington", "GPE", ["Washington"]) for d in "defg"],
        Candidate("h", 0, "Maldives", "ORG", ["Maldives"]),
        Candidate("i", 0, "Jacques Paris", "PERSON", ["Jacques Paris"]),
        Candidate("i", 1, "Paris", "GPE", ["Paris"]),  # the city stays a city
        Candidate("j", 0, "Tomasz Wrobel", "ORG", ["Tomasz Wrobel"]),
        Candidate("k", 0, "Tomasz Wróbel", "PERSON", ["Tomasz Wróbel", "Wróbel"]),
    ]
    resolved = resolve(candidates)
    kinds = {(r.type, r.name): set(r.docs) for r in resolved}
    assert kinds[("PERSON", "Artem Kuzmenko")] == {"a", "b"}
    assert kinds[("GPE", "Washington")] == set("cdefg")
    assert kinds[("GPE", "Maldives")] == {"h"}
    assert kinds[("GPE", "Paris")] == {"i"} and kinds[("PERSON", "Jacques Paris")] == {"i"}
    [wrobel] = [r for r in resolved if "Tomasz Wrobel" in r.aliases]
    assert wrobel.type == "PERSON" and wrobel.docs == ["j", "k"] and "Tomasz Wróbel" in wrobel.aliases


def test_titles_that_stand_for_a_person_are_no_spellings_of_the_name():
    candidates = [
        Candidate("a", 0, "Vasyl Bodnar", "PERSON", ["Vasyl Bodnar", "The envoy", "the Ukrainian", "Bodnar"],
                  "ambassador"),
        Candidate("a", 1, "Turkish Foreign Ministry", "ORG", ["Turkish Foreign Ministry", "the ministry"]),
    ]
    people = _people(resolve(candidates))
    assert people == {"Vasyl Bodnar": {"Vasyl Bodnar", "Bodnar"}}
    [ministry] = [r for r in resolve(candidates) if r.type == "ORG"]
    assert ministry.aliases == ["Turkish Foreign Ministry"]


# ---------------------------------------------------------------- one document, with spaCy

@pytest.fixture(scope="session")
def annotator():
    return Annotator(DEFAULT_MODEL, ("mentions", "local_entities"))


@pytest.fixture(scope="session")
def annotate(annotator):
    def run(body: str) -> Annotation:
        article = Article(doc_id="t", origin="t", content_hash="t", raw=body, body=body)
        [(annotation, _)] = list(annotator.annotate([article]))
        assert not annotation.failures
        return annotation
    return run


def _entities(annotation: Annotation) -> dict[tuple[str, str], list[str]]:
    return {(e.label, e.name): [annotation.mentions[m].text for m in e.mentions] for e in annotation.entities}


def _labels(annotation: Annotation) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in annotation.mentions]


def test_names_the_tagger_misses_are_found_after_titles_and_in_appositions(annotate):
    # The tagger finds no person in either sentence.
    a = annotate("Ukrainian Ambassador to Turkey Vasyl Bodnar met the families on Monday.")
    assert ("Vasyl Bodnar", "PERSON") in _labels(a)
    b = annotate("Bout, a Ukrainian businessman, was freed on Tuesday.")
    assert _labels(b) == [("Bout", "PERSON"), ("Ukrainian", "NORP")]
    c = annotate("Lawyers for Oleksiy Marchuk appealed on Monday. The court had sentenced Marchuk to nine years.")
    assert _labels(c) == [("Oleksiy Marchuk", "PERSON"), ("Marchuk", "PERSON")]  # the tagger: no one, then ORG


def test_a_name_fused_with_a_country_is_split_and_titles_are_trimmed(annotate):
    a = annotate("Russian Ambassador to the US Anatoly Antonov has called on Washington to stop. Antonov said so.")
    assert _labels(a) == [("Russian", "NORP"), ("US", "GPE"), ("Anatoly Antonov", "PERSON"),
                          ("Washington", "GPE"), ("Antonov", "PERSON")]
    b = annotate("Mrs Kohler and Mr Paris were freed. Paris said the deal had no link to the talks.")
    assert _labels(b) == [("Kohler", "PERSON"), ("Paris", "PERSON"), ("Paris", "GPE")]


def test_places_standing_for_governments_stay_places(annotate):
    a = annotate("Washington says Moscow is using detainees as bargaining chips, and Moscow denies it. "
                 "Kuzmenko's lawyer in Kyiv, Olena Hrytsenko, said Washington should act.")
    labels = dict(_labels(a))
    assert labels["Washington"] == labels["Moscow"] == labels["Kyiv"] == "GPE"
    assert labels["Olena Hrytsenko"] == "PERSON"


def test_surnames_the_tagger_calls_organisations_or_places_join_the_person(annotate):
    a = annotate("Artem Kuzmenko, a Ukrainian journalist, was detained in Baku. Azerbaijani police said Kuzmenko "
                 "had entered illegally. On Friday a court sentenced the Ukrainian to five years, and Artem was "
                 "moved to a prison.")
    entities = _entities(a)
    assert entities[("PERSON", "Artem Kuzmenko")] == ["Artem Kuzmenko", "Kuzmenko", "the Ukrainian", "Artem"]
    assert entities[("GPE", "Baku")] == ["Baku"]
    assert [e.role for e in a.entities if e.name == "Artem Kuzmenko"] == ["journalist"]


def test_two_people_sharing_a_surname_in_one_article_stay_two(annotate):
    a = annotate("Police detained Jonathan Reid in March. Reid, a navy veteran, denies the charges. In May they "
                 "arrested his brother Michael Reid, an oil executive. Reid was released on bail on Friday.")
    people = {k: v for k, v in _entities(a).items() if k[0] == "PERSON"}
    assert people == {("PERSON", "Jonathan Reid"): ["Jonathan Reid", "Reid"],
                      ("PERSON", "Michael Reid"): ["Michael Reid", "Reid"]}


def test_a_relative_keeps_the_surname_alone_only_just_after_being_named(annotate):
    a = annotate("Police in Lagos arrested the activist Samuel Okafor on Monday. \"We have not heard from him "
                 "since,\" said his daughter Grace Okafor. Okafor will speak to reporters later, she added. The "
                 "family has hired a lawyer. Okafor, 61, is known for his campaign against corruption.")
    people = {k: v for k, v in _entities(a).items() if k[0] == "PERSON"}
    assert people == {("PERSON", "Samuel Okafor"): ["Samuel Okafor", "Okafor"],
                      ("PERSON", "Grace Okafor"): ["Grace Okafor", "Okafor"]}


def test_a_photographer_in_a_credit_is_a_person(annotate):
    a = annotate("Soldiers escort the prisoner to a waiting aircraft in Culiacan. (AP Photo/Ramona Villalobos)")
    assert ("Ramona Villalobos", "PERSON") in _labels(a)
    assert not [text for text, _ in _labels(a) if "Photo" in text and "Villalobos" in text]


def test_the_envoy_is_the_ambassador_named_before_when_only_one_fits(annotate):
    a = annotate("Ukrainian Ambassador to Turkey Vasyl Bodnar met the families on Monday. The envoy said talks "
                 "would go on. The diplomat declined to give details, the Turkish Foreign Ministry said. "
                 "The ministry did not comment further.")
    entities = _entities(a)
    assert entities[("PERSON", "Vasyl Bodnar")] == ["Vasyl Bodnar", "The envoy", "The diplomat"]
    assert entities[("ORG", "Turkish Foreign Ministry")] == ["Turkish Foreign Ministry", "The ministry"]
    roles = {e.name: e.role for e in a.entities}
    assert roles["Vasyl Bodnar"] == "ambassador" and roles["Turkish Foreign Ministry"] == "ministry"
    assert a.mentions == sorted(a.mentions, key=lambda m: m.start)  # offsets stay in text order
    envoy = next(m for m in a.mentions if m.text == "The envoy")
    assert a.article.body[envoy.start:envoy.end] == "The envoy"


def test_the_envoy_stays_unlinked_when_two_people_fit(annotate):
    a = annotate("Georgian Ambassador Levan Beridze and US Special Envoy Mary Collins met on Monday. "
                 "The envoy said talks would go on.")
    assert all("The envoy" not in mentions for mentions in _entities(a).values())
    assert {e.name: e.role for e in a.entities if e.label == "PERSON"} == \
        {"Levan Beridze": "ambassador", "Mary Collins": "envoy"}


def test_a_nationality_stands_for_a_person_only_when_the_text_gave_it_to_them(annotate):
    # Nothing says Wrobel is Polish: "the Pole" stays unlinked.
    a = annotate("Police detained Tomasz Wrobel, a software engineer, in Minsk. A court later sentenced "
                 "the Pole to 12 years.")
    assert all(m.text != "the Pole" for m in a.mentions)


# ---------------------------------------------------------------- end to end: build, export, look up

ARTICLES = {
    "kyiv.txt": "Ukrainian journalist jailed in Baku\nPublished: 3 March 2025\n"
                "Ukrainian journalist Artem Kuzmenko was sentenced to five years in Baku on Friday. "
                "Kuzmenko denies the charges, his lawyer Olena Hrytsenko said.\n",
    "dpa.txt": "Ukrainischer Reporter verurteilt\nPublished: 4 March 2025\n"
               "A court in Baku sentenced the Ukrainian reporter Artjom Kusmenko to five years. "
               "Kusmenko's lawyer, Olena Gritsenko, said she would appeal.\n",
    "afp.txt": "Appeal rejected\nPublished: 20 May 2025\n"
               "An appeals court in Baku upheld the sentence of Ukrainian journalist Artem Kuzmneko on Tuesday. "
               "Kuzmneko, 34, was not in court.\n",
    "ria.txt": "Councillor elected\nPublished: 2 June 2025\n"
               "Irina Kuzmenko, a Kyiv city councillor, was elected deputy mayor on Monday. "
               "Kuzmenko said she would focus on housing.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db, out = build_and_export(tmp_path_factory.mktemp("resolution"), ARTICLES)
    rows = [json.loads(line) for line in (out / "entities.jsonl").read_text().splitlines()]
    return db, {r["name"]: r for r in rows if r["type"] == "PERSON"}


def test_one_journalist_across_spellings_and_a_typo_and_his_namesake_apart(built):
    _, people = built
    journalist = next(p for p in people.values() if "Artem Kuzmenko" in p["aliases"])
    assert {"Artjom Kusmenko", "Artem Kuzmneko", "Kuzmneko", "Kusmenko"} <= set(journalist["aliases"])
    assert journalist["docs"] == ["afp", "dpa", "kyiv"]  # "Kuzmneko", a typo, with the same given name
    assert "Irina Kuzmenko" not in journalist["aliases"]
    namesake = people["Irina Kuzmenko"]
    assert namesake["docs"] == ["ria"] and set(namesake["aliases"]) == {"Irina Kuzmenko", "Kuzmenko"}
    lawyer = next(p for p in people.values() if "Olena Hrytsenko" in p["aliases"])
    assert "Olena Gritsenko" in lawyer["aliases"] and lawyer["docs"] == ["dpa", "kyiv"]


def test_entity_lookup_finds_any_spelling_and_gives_the_mentions(built):
    db, _ = built
    result = runner.invoke(app, ["entity", "Kusmenko", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    [found] = json.loads(result.stdout)
    assert found["name"] == "Artem Kuzmenko" and found["documents"] == ["afp", "dpa", "kyiv"]
    assert {(m["doc"], m["text"]) for m in found["mentions"]} >= {
        ("kyiv", "Artem Kuzmenko"), ("kyiv", "Kuzmenko"), ("dpa", "Artjom Kusmenko"), ("afp", "Kuzmneko")}
    body = {"kyiv": ARTICLES["kyiv.txt"].split("\n", 2)[2]}
    for m in found["mentions"]:
        if m["doc"] == "kyiv":  # offsets into the stored body
            assert body["kyiv"][m["start"]:m["end"]] == m["text"]
    table = runner.invoke(app, ["entity", "Hrycenko", "--db", str(db)])  # Polish c for ts
    assert table.exit_code == 0
    heading, written, *documents = table.stdout.splitlines()
    # One mention each way: the shorter spelling heads, the other is listed.
    assert heading == "Olena Gritsenko (PERSON)" and written == "  also written: Gritsenko, Hrytsenko, Olena Hrytsenko"
    assert [line.split()[0] for line in documents] == ["dpa", "kyiv"]
    both = runner.invoke(app, ["entity", "Kuzmenko", "--db", str(db), "--format", "json"])
    assert sorted(r["name"] for r in json.loads(both.stdout)) == ["Artem Kuzmenko", "Irina Kuzmenko"]


def test_a_surname_alone_joins_the_person_its_own_article_names_most():
    candidates = [
        Candidate("a", 0, "Dmitri Lebedev", "PERSON", ["Dmitri Lebedev"], "governor"),  # the father, once
        Candidate("a", 1, "Pavel Lebedev", "PERSON", ["Pavel Lebedev", "Pavel Lebedev", "Lebedev"]),  # the son
        Candidate("a", 2, "Lebedev", "PERSON", ["Lebedev"]),  # a mention the grouping of the article left alone
        Candidate("b", 0, "Pavel Lebedev", "PERSON", ["Pavel Lebedev"]),
        Candidate("c", 0, "Carlos Andres Mora Flores", "PERSON", ["Carlos Andres Mora Flores"]),
        Candidate("c", 1, "Flores", "PERSON", ["Flores"]),
        Candidate("d", 0, "Cilia Flores", "PERSON", ["Cilia Flores", "Flores"]),
        Candidate("e", 0, "Cilia Flores", "PERSON", ["Cilia Flores"]),
    ]
    resolved = resolve(candidates)
    assert _owner(resolved, "a", 2) == _owner(resolved, "b", 0) == "Pavel Lebedev"
    assert _owner(resolved, "a", 0) == "Dmitri Lebedev"
    assert _owner(resolved, "c", 1) == _owner(resolved, "c", 0) == "Carlos Andres Mora Flores"
    assert _owner(resolved, "d", 0) == _owner(resolved, "e", 0) == "Cilia Flores"
    assert "Carlos Andres Mora Flores" not in _people(resolved)["Cilia Flores"]


def test_a_given_name_alone_joins_the_one_person_of_its_article_who_bears_it():
    candidates = [
        Candidate("a", 0, "Olivier Martens", "PERSON", ["Olivier Martens", "Martens"]),
        Candidate("a", 1, "Luc Dumont", "PERSON", ["Luc Dumont"]),
        Candidate("a", 2, "Olivier", "PERSON", ["Olivier"]),
        Candidate("b", 0, "Olivier Girard", "PERSON", ["Olivier Girard"]),
        Candidate("b", 1, "Olivier Roux", "PERSON", ["Olivier Roux"]),
        Candidate("b", 2, "Olivier", "PERSON", ["Olivier"]),  # two people of that name: nothing decides
    ]
    resolved = resolve(candidates)
    assert _owner(resolved, "a", 2) == "Olivier Martens"
    assert _owner(resolved, "b", 2) not in {"Olivier Martens", "Olivier Girard", "Olivier Roux"}


def test_a_name_tagged_an_organisation_is_the_person_its_article_names():
    candidates = [
        Candidate("a", 0, "Hamad al-Rashidi", "PERSON", ["Hamad al-Rashidi"], "president"),
        Candidate("a", 1, "Rashidi", "ORG", ["Rashidi"]),  # the surname without its article
        Candidate("a", 2, "Hamad", "ORG", ["Hamad"]),
        Candidate("a", 3, "Gulf Cooperation Council", "ORG", ["Gulf Cooperation Council"]),
        Candidate("b", 0, "Rashidi", "ORG", ["Rashidi"]),  # an article naming no such person: left as tagged
        Candidate("c", 0, "Halvorsen CEO Erik Dahl", "PERSON", ["Halvorsen CEO Erik Dahl"]),
        Candidate("c", 1, "Halvorsen", "ORG", ["Halvorsen"]),  # a company other articles name too
        Candidate("d", 0, "Halvorsen", "ORG", ["Halvorsen", "Halvorsen"]),
        Candidate("e", 0, "Karin Lind", "PERSON", ["Karin Lind", "Lind"]),
        Candidate("e", 1, "Nora Lind", "LOC", ["Nora Lind"]),  # her sister, tagged a place
        Candidate("e", 2, "Lind Institute", "ORG", ["Lind Institute"]),
    ]
    resolved = resolve(candidates)
    assert _owner(resolved, "a", 1) == _owner(resolved, "a", 2) == "Hamad al-Rashidi"
    assert {r.name: r.type for r in resolved if ("b", 0) in r.members} == {"Rashidi": "ORG"}
    assert ("ORG", "Gulf Cooperation Council") in {(r.type, r.name) for r in resolved}
    assert {r.type for r in resolved if ("c", 1) in r.members} == {"ORG"}
    assert {(r.type, r.name) for r in resolved if ("e", 1) in r.members} == {("PERSON", "Nora Lind")}
    assert _owner(resolved, "e", 0) == "Karin Lind"
    assert {r.type for r in resolved if ("e", 2) in r.members} == {"ORG"}


def test_an_age_the_tagger_takes_into_a_name_is_cut_off():
    doc = spacy.blank("en")("Robert Lane Dawson 36 was sentenced to death .")
    assert _trim(doc, 0, 4, person=True) == (0, 3)
    assert _trim(doc, 0, 4, person=False) == (0, 4)  # "Boeing 737" keeps its number
