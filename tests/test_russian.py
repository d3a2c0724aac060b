"""Russian articles: read through natasha, their facts found, their people joined to the same cases as in English."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.annotate import Annotator
from dossier.clean import clean
from dossier.clean.dateline import parse_dateline
from dossier.records import SourceItem
from dossier.resolve.names import english_spelling, same_person_name, same_word
from dossier.settings import DEFAULT_MODEL
from dossier.temporal import Anchor, parse_calendar_date, resolve_date

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
RUSSIAN = REPO / "benchmarks" / "russian"


@pytest.fixture(scope="module")
def annotator():
    return Annotator(DEFAULT_MODEL, ["mentions", "local_entities", "facts"])


def read(annotator, text: str, doc_id: str = "ru", published: str | None = None):
    item = SourceItem(doc_id, doc_id, "text", text, doc_id, published=published)
    [(annotation, _)] = list(annotator.annotate([clean(item)]))
    assert not annotation.failures
    names = {i: e.name for i, e in enumerate(annotation.entities)}
    facts = [(f.type, names[f.subject.entity], {k: (names[v.entity] if hasattr(v, "entity") else
                                                   [names[x.entity] if hasattr(x, "entity") else x for x in v]
                                                   if isinstance(v, list) else v) for k, v in f.args.items()},
              names[f.claimed_by.entity] if f.claimed_by else None) for f in annotation.facts]
    return annotation, facts


def of_type(facts, kind):
    return [f for f in facts if f[0] == kind]


WIRE = """Гражданин Латвии задержан в Москве

МОСКВА, 14 декабря. /ТАСС/. Гражданин Латвии Андрис Калниньш задержан в аэропорту Шереметьево по запросу США. \
Об этом сообщили в пресс-службе суда.
В понедельник Калниньшу предъявлено обвинение в мошенничестве. Сейчас он содержится в СИЗО «Лефортово».
«Мы требуем немедленно освободить нашего гражданина», — заявил посол Латвии Янис Озолс в своем Telegram-канале.
"""


def test_a_wire_story_is_read_as_russian_with_its_dateline_agency_and_day():
    article = clean(SourceItem("w", "w", "text", WIRE, "w"))
    assert (article.language, article.outlet, article.dateline, article.published) == ("ru", "TASS", "Москва",
                                                                                       "XXXX-12-14")
    ria = parse_dateline("МОСКВА, 9 ноя — РИА Новости. Черногория экстрадировала в США программиста.")
    assert (ria.place, ria.agency, ria.date) == ("Москва", "РИА Новости", "XXXX-11-09")
    site = parse_dateline("Москва. 11 июня. INTERFAX.RU - Суд во вторник заключил под стражу гражданина США.")
    assert (site.place, site.agency, site.date) == ("Москва", "INTERFAX", "XXXX-06-11")
    assert parse_dateline("Москва. Суд во вторник заключил под стражу гражданина США.") is None


def test_names_are_put_in_the_nominative_and_declined_forms_join_their_person(annotator):
    annotation, _ = read(annotator, "Суд в Сиэтле приговорил Романа Селезнёва к 27 годам заключения. Адвокат "
                                    "Селезнёва Игорь Орлов заявил, что обжалует приговор. Селезнёву грозил больший "
                                    "срок.", published="2017-04-22")
    people = {e.name: e for e in annotation.entities if e.label == "PERSON"}
    assert "Roman Seleznev" in people or "Роман Селезнёв" in people
    seleznev = people.get("Роман Селезнёв") or people["Roman Seleznev"]
    assert {annotation.mentions[m].text for m in seleznev.mentions} == {"Романа Селезнёва", "Селезнёва", "Селезнёву"}
    assert "Роман Селезнёв" in [seleznev.name, *seleznev.aliases]


def test_the_facts_of_a_wire_story(annotator):
    _, facts = read(annotator, WIRE, published="2023-12-14")
    [arrest] = of_type(facts, "arrest")
    assert arrest[1] == "Андрис Калниньш"
    assert arrest[2]["requested_by"] == "United States"
    [charge] = of_type(facts, "charge")
    assert charge[2]["date"] == "2023-12-11" and charge[2]["charge"] == "мошенничество"
    [custody] = of_type(facts, "custody")
    assert "Лефортово" in custody[2]["facility"]
    [statement] = of_type(facts, "statement")
    assert statement[1] == "Янис Озолс" and statement[2]["channel"] == "telegram"
    assert statement[2]["quote"] == "Мы требуем немедленно освободить нашего гражданина"
    assert not of_type(facts, "release")  # asked for, not done


def test_sentences_convictions_transfers_and_their_values(annotator):
    # names the text gives only declined are named as English-language news would spell them
    _, facts = read(annotator, "Мещанский районный суд Москвы в четверг признал Ивана Сорокина виновным в шпионаже "
                               "и приговорил его к девяти с половиной годам колонии. Ранее Сорокина экстрадировали "
                               "из Таиланда в Россию. В декабре прошлого года суд оштрафовал Олега Лапина на 500 тыс. "
                               "рублей.", published="2024-03-15")
    [conviction] = of_type(facts, "conviction")
    assert conviction[2]["charge"] == "шпионаж" and conviction[2]["country"] == "Russia"
    sentences = {f[1]: f[2] for f in of_type(facts, "sentence")}
    assert sentences["Ivan Sorokin"]["term"] == "P9.5Y" and sentences["Ivan Sorokin"]["date"] == "2024-03-14"
    assert sentences["Oleg Lapin"]["date"] == "2023-12" and sentences["Oleg Lapin"]["fine"] == "500000 RUB"
    [transfer] = of_type(facts, "transfer")
    assert transfer[2] == {"from": "Thailand", "to": "Russia", "manner": "extradition"}


def test_custody_as_a_state_begun_or_lasting(annotator):
    _, facts = read(annotator, "Гражданин Польши Ян Ковальский заключен под стражу. Затем Ковальского поместили в "
                               "следственный изолятор в Новосибирске. Суд в понедельник отправил под домашний арест гражданина Литвы "
                               "Йонаса Петрайтиса. "
                               "До приговора Иван Сорокин провел три месяца в тюрьме «Бутырка».", published="2024-03-15")
    held = {f[1]: f[2] for f in of_type(facts, "custody")}
    assert held["Ян Ковальский"]["facility"] == "следственный изолятор" and held["Ян Ковальский"]["place"] == "Novosibirsk"
    assert held["Yonas Petraytis"]["facility"] == "домашний арест"
    assert held["Иван Сорокин"]["facility"] == "тюрьма «Бутырка»"
    assert not of_type(facts, "arrest")  # "под стражу", "под домашний арест" name the state, no arrest
    _, facts = read(annotator, "Иван Сорокин провел отпуск в Сочи. Делегации провели переговоры в Женеве.",
                    published="2024-03-15")
    assert not of_type(facts, "custody")


def test_condemned_to_a_term_is_a_sentence_for_an_offence_a_conviction(annotator):
    _, facts = read(annotator, "Иван Сорокин, осужденный в мае Мещанским районным судом к шести годам колонии за "
                               "шпионаж, подал апелляцию. Осужденный в Латвии Олег Лапин вышел на свободу.",
                    published="2024-03-15")
    [sentence] = of_type(facts, "sentence")
    assert sentence[1] == "Иван Сорокин" and sentence[2]["term"] == "P6Y" and sentence[2]["date"] == "2023-05"
    [conviction] = of_type(facts, "conviction")
    assert conviction[1] == "Олег Лапин" and conviction[2]["country"] == "Latvia"


def test_a_subject_the_parser_cut_off_before_its_verb(annotator):
    _, facts = read(annotator, "Новосибирск. 5 сентября. INTERFAX.RU - Бывший заместитель акима Павлодарской области "
                               "Нурлан Абенов, находившийся в межгосударственном розыске, задержан накануне в "
                               "Новосибирске по запросу Казахстана, сообщили в полиции.", published="2024-09-05")
    [arrest] = of_type(facts, "arrest")
    assert arrest[1] == "Нурлан Абенов" and arrest[2]["date"] == "2024-09-04"
    assert arrest[2]["requested_by"] == "Kazakhstan" and arrest[2]["place"] == "Novosibirsk"


def test_words_hung_across_a_participles_commas_and_a_client_named_by_his_lawyer(annotator):
    _, facts = read(annotator, "Калининград. 8 октября. INTERFAX.RU - Гражданин Франции Пьер Дюбуа, оштрафованный на "
                               "прошлой неделе за хулиганство в Калининграде, депортирован из России во Францию.",
                    published="2024-10-08")
    [transfer] = of_type(facts, "transfer")
    assert transfer[1] == "Пьер Дюбуа" and transfer[2]["from"] == "Russia" and transfer[2]["to"] == "France"
    _, facts = read(annotator, "Черногория экстрадировала в США российского программиста Артема Журавлева. Как "
                               "рассказал агентству адвокат россиянина Олег Тарасенко, его подзащитного передали "
                               "американским маршалам в среду.", published="2023-11-09")
    assert {f[1] for f in of_type(facts, "transfer")} == {"Artem Zhuravlev"}
    _, facts = read(annotator, "Игорь Сомов задержан во Франкфурте. Сомова Германия выдала Соединенным Штатам в мае "
                               "прошлого года.", published="2025-04-10")
    [transfer] = of_type(facts, "transfer")  # of two subjects, beside the state that acts, the person is the object
    assert transfer[1] == "Игорь Сомов" and transfer[2]["from"] == "Germany" and transfer[2]["date"] == "2024-05"


def test_a_release_from_a_prison_and_an_object_both_coordinated_verbs_share(annotator):
    _, facts = read(annotator, "Павел Ветров отбывал наказание в США. 1 марта его освободили из федеральной тюрьмы "
                               "Форт-Дикс в Нью-Джерси после окончания срока, а 8 марта депортировали в Россию.",
                    published="2024-03-12")
    [release] = of_type(facts, "release")
    assert release[2]["date"] == "2024-03-01"
    assert release[2]["place"] in ("Нью-Джерси", "New Jersey")
    [transfer] = of_type(facts, "transfer")
    assert transfer[2]["date"] == "2024-03-08" and transfer[2]["to"] == "Russia"


def test_a_charge_is_of_the_country_a_person_was_extradited_to(annotator):
    _, facts = read(annotator, "Артема Журавлева экстрадировали в США. Там его обвинили в мошенничестве.",
                    published="2023-11-09")
    [charge] = of_type(facts, "charge")
    assert charge[2]["country"] == "United States" and charge[2]["charge"] == "мошенничество"


def test_a_person_the_parser_took_for_the_subject_of_a_plural_verb_is_its_object(annotator):
    _, facts = read(annotator, "Джон Хартвелл задержан в Москве. Хартвелла в декабре 2024 года приговорили к 9,5 годам "
                               "колонии за контрабанду наркотиков.", published="2025-04-10")
    [sentence] = of_type(facts, "sentence")
    assert sentence[1] == "Джон Хартвелл" and sentence[2]["term"] == "P9.5Y" and sentence[2]["date"] == "2024-12"


def test_an_arrest_at_a_named_airport_is_at_that_place(annotator):
    _, facts = read(annotator, "33-летний Дэниел Уиткомб был задержан 8 июня в аэропорту Внуково.",
                    published="2024-06-11")
    [arrest] = of_type(facts, "arrest")
    assert arrest[2] == {"date": "2024-06-08", "place": "Vnukovo", "country": "Russia"}


def test_a_court_is_named_in_the_nominative_of_its_gender(annotator):
    _, facts = read(annotator, "Борис Ланин был приговорен в 2022 году Павлодарским городским судом к семи годам "
                               "лишения свободы.", published="2024-12-20")
    [sentence] = of_type(facts, "sentence")
    assert sentence[2]["court"] == "Павлодарский городской суд"  # not the neuter "городское"


def test_a_prisoner_swap_sends_each_person_to_a_side_for_the_people_of_the_other(annotator):
    _, facts = read(annotator, "Москва и Вашингтон провели во вторник в Стамбуле обмен заключенными: на родину "
                               "вернулся россиянин Павел Гречко, американской стороне передана гражданка США Эмили "
                               "Картер.", published="2024-03-15")
    swaps = {f[1]: f[2] for f in of_type(facts, "exchange")}
    assert swaps["Павел Гречко"] == {"date": "2024-03-12", "place": "Istanbul", "counterpart": ["Эмили Картер"]}
    assert swaps["Эмили Картер"]["counterpart"] == ["Павел Гречко"]
    assert not of_type(facts, "transfer")  # handed over in the swap, not extradited
    _, facts = read(annotator, "Гражданин Грузии Нико Беридзе в пятницу передан грузинской стороне в рамках обмена "
                               "удерживаемыми лицами на российско-грузинской границе. Взамен Россия получила "
                               "гражданина РФ Антона Клюева.", published="2024-03-15")
    swaps = {f[1]: f[2] for f in of_type(facts, "exchange")}
    assert swaps["Нико Беридзе"]["place"] == "российско-грузинская граница"
    assert swaps["Нико Беридзе"]["date"] == "2024-03-15" and swaps["Нико Беридзе"]["counterpart"] == ["Anton Klyuyev"]
    assert swaps["Anton Klyuyev"]["counterpart"] == ["Нико Беридзе"]


@pytest.mark.parametrize("text", [
    "Стороны обсуждают возможный обмен заключенными, в том числе Ивана Сорокина.",
    "Иван Сорокин вернулся на родину после отпуска, сообщила его сестра. Обмен опытом прошел успешно.",
])
def test_a_swap_only_talked_of_or_of_other_things_is_none(annotator, text):
    _, facts = read(annotator, text, published="2024-03-15")
    assert not of_type(facts, "exchange")


def test_words_said_to_an_outlet_are_an_interview_and_a_client_is_the_person_of_the_case(annotator):
    _, facts = read(annotator, "Гражданин Латвии Андрис Калниньш задержан в Москве. «Мой подзащитный ни в чем не "
                               "виноват», — сказал «Интерфаксу» адвокат Петр Смирнов. «Наши граждане должны "
                               "соблюдать законы», — сказал журналистам Смирнов.", published="2024-03-15")
    said = [f[2] for f in of_type(facts, "statement")]
    assert said[0]["channel"] == "interview" and said[0]["about"] == ["Андрис Калниньш"]
    assert said[1]["channel"] == "reporters" and "about" not in said[1]  # many people, no one person


@pytest.mark.parametrize("text", [
    "Стороны провели обмен мнениями по двусторонней повестке.",
    "Банк осуществил перевод денег на счета компании Ивана Сорокина.",
    "Суд наложил арест на имущество и счета Ивана Сорокина.",
    "Ивана Сорокина освободили от должности директора.",
    "Консульство выдало Ивану Сорокину паспорт.",
    "Иван Сорокин может быть экстрадирован в США.",
    "Посольство добивается освобождения Ивана Сорокина.",
])
def test_other_senses_and_unreal_events_are_no_facts(annotator, text):
    _, facts = read(annotator, text, published="2024-03-15")
    assert [f for f in facts if f[0] != "statement"] == []


def test_the_publication_day_of_a_print_issue_and_of_a_page_updated_since():
    assert parse_calendar_date("Газета «Коммерсантъ» №235 от 20.12.2024, стр. 5") == "2024-12-20"
    assert parse_calendar_date("09.11.2023 14:37 (обновлено: 15:02)") == "2023-11-09"
    assert parse_calendar_date("Газета «Коммерсантъ» №235, стр. 5") is None


def test_cities_of_hyphenated_names_in_any_case():
    from dossier import places
    assert places.english_place("Нью-Йорке") == "New York City" and places.english_place("Абу-Даби") == "Abu Dhabi"
    assert places.english_place("Ростова-на-Дону") == "Rostov-on-Don"


def test_a_quotation_the_authors_words_interrupt_is_cut_at_their_dashes_not_its_own():
    from dossier.extract.quotes import quote_spans
    text = ("«Мой клиент — инженер, а не контрабандист, — сказал Нолан журналистам после заседания. — Мы подадим "
            "апелляцию в ближайшие две недели».")
    assert [text[a:b] for a, b in quote_spans(text)] == ["Мой клиент — инженер, а не контрабандист",
                                                         "Мы подадим апелляцию в ближайшие две недели"]


def test_russian_dates_against_the_publication_day():
    anchor = Anchor.of("2023-01-13")  # a Friday
    assert resolve_date("в декабре прошлого года", anchor) == "2022-12"
    assert resolve_date("в минувшую среду", anchor) == "2023-01-11"
    assert resolve_date("14 декабря", anchor) == "2022-12-14"
    assert resolve_date("в 2014 году", anchor) == "2014"
    assert resolve_date("три года назад", anchor) == "2020"


def test_cyrillic_names_have_the_keys_english_news_spell_them_with():
    for latin in ("Seleznev", "Seleznyov", "Selezniov", "Zelesnyov"):
        assert same_word("Селезнёв", latin)
    assert same_word("Конощенок", "Konoshchenok") and same_word("Конощенок", "Konoshchyonok")
    assert same_person_name("Роман Селезнёв", "Roman Seleznyov")
    assert not same_person_name("Роман Селезнёв", "Roman Sergeyev")
    assert english_spelling("Ержан Сапаров") == "Yerzhan Saparov"
    assert english_spelling("Томас Бергманн") == "Thomas Bergmann"  # a Western given name as it is written


def _build_and_export(corpus: Path, out: Path) -> None:
    dossier = [sys.executable, "-m", "dossier"]
    build = subprocess.run([*dossier, "build", str(corpus), "--db", str(out / "d.db"), "--quiet"],
                           capture_output=True, text=True, cwd=REPO)
    assert build.returncode in (0, 1), build.stderr
    subprocess.run([*dossier, "export", "--db", str(out / "d.db"), "--out", str(out)], check=True, capture_output=True,
                   cwd=REPO)


MIXED = {
    "en1.txt": "Russian hacker extradited to the US\n\nRussian hacker Roman Seleznyov was extradited from the "
               "Maldives to the United States in 2014, his lawyer said on Tuesday. Seleznyov denies the charges "
               "against him and remains in custody in Seattle.",
    "ru1.txt": "Суд в США вынес приговор россиянину\n\nМОСКВА, 22 апреля. /ТАСС/. Федеральный суд Сиэтла приговорил "
               "российского программиста Романа Селезнёва к 27 годам заключения. Селезнёв был задержан на "
               "Мальдивах в 2014 году. Российская сторона считает, что задержание было незаконным похищением.",
}


def test_one_person_in_english_and_in_russian_is_one_case(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in MIXED.items():
        (corpus / name).write_text(text, encoding="utf-8")
    _build_and_export(corpus, tmp_path)
    people = [json.loads(line) for line in (tmp_path / "entities.jsonl").read_text().splitlines()]
    [seleznev] = [e for e in people if e["type"] == "PERSON" and "Seleznyov" in e["aliases"]]
    assert {"Roman Seleznyov", "Романа Селезнёва", "Селезнёв"} <= set(seleznev["aliases"])
    assert seleznev["name"] == "Roman Seleznyov" and set(seleznev["docs"]) == {"en1", "ru1"}
    case = subprocess.run([sys.executable, "-m", "dossier", "case", "Seleznev", "--db", str(tmp_path / "d.db"),
                           "--format", "json"], capture_output=True, text=True, cwd=REPO, check=True)
    events = json.loads(case.stdout)
    text = json.dumps(events, ensure_ascii=False)
    assert "extradited from the Maldives" in text and "приговорил российского программиста" in text


# The floors this corpus is held to: facts are still short of the 0.80 aimed at (see README).
FLOORS = {"facts": 0.88, "entities": 0.95}


@pytest.mark.skipif(not (RUSSIAN / "gold" / "facts.jsonl").exists() or not (SHARED / "bench").exists(),
                    reason="the Russian benchmark corpus or the scorer is not beside the project")
def test_russian_benchmark_scores_do_not_fall_below_their_floors(tmp_path):
    _build_and_export(RUSSIAN / "corpus", tmp_path)
    result = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "bench" / "score.py"), str(RUSSIAN / "gold"), str(tmp_path),
                    "--json", str(result)], check=True, capture_output=True)
    scores = json.loads(result.read_text())
    now = {"facts": scores["facts"]["all"]["f1"], "entities": scores["entities"]["f1"]}
    assert all(now[k] >= v for k, v in FLOORS.items()), now


@pytest.mark.skipif(not (RUSSIAN / "mixed" / "gold" / "facts.jsonl").exists() or not (SHARED / "bench").exists(),
                    reason="the mixed benchmark corpus or the scorer is not beside the project")
def test_the_mixed_corpus_makes_one_person_of_both_languages(tmp_path):
    _build_and_export(RUSSIAN / "mixed" / "corpus", tmp_path)
    people = [json.loads(line) for line in (tmp_path / "entities.jsonl").read_text().splitlines()]
    [seleznev] = [e for e in people if e["type"] == "PERSON" and "Seleznyov" in e["aliases"]]
    assert {"Селезнёв", "Селезнёва"} <= set(seleznev["aliases"])
    result = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "bench" / "score.py"), str(RUSSIAN / "mixed" / "gold"),
                    str(tmp_path), "--json", str(result)], check=True, capture_output=True)
    scores = json.loads(result.read_text())
    assert scores["facts"]["all"]["f1"] >= 0.70 and scores["entities"]["f1"] >= 0.90, scores
