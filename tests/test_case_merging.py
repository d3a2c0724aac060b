"""Case assembly from facts: one event per happening, every source kept, disagreements shown."""
from __future__ import annotations

from dossier.cases.ledger import ledger
from dossier.cases.merge import merge_events
from dossier.cases.records import CaseFact, Source
from dossier.cases.statements import statements_log
from dossier.cases.stories import shingles, stories
from dossier.cases.timeline import ordered, status


def _fact(type_, subject, doc, outlet, story=None, claimed_by=None, published="2025-01-10", **args):
    source = Source(doc_id=doc, outlet=outlet, published=published, evidence=f"sentence of {doc}",
                    story=story or doc, claimed_by=claimed_by)
    return CaseFact(type=type_, subject=subject, args=args, source=source)


def test_three_outlets_reporting_one_arrest_at_different_precisions_make_one_event():
    facts = [
        _fact("arrest", "Ana Petrova", "a", "Wire One", date="2024-03", place="Belgrade"),
        _fact("arrest", "Ana Petrova", "b", "Daily Two", date="2024-03-14", place="Belgrade airport"),
        _fact("arrest", "Ana Petrova", "c", "Radio Three", date="2024", country="Serbia"),
    ]
    [event] = merge_events(facts)
    assert event.args == {"date": "2024-03-14", "place": "Belgrade airport", "country": "Serbia"}
    assert event.outlets == 3 and [s.doc_id for s in event.sources] == ["b", "a", "c"]
    assert event.conflicts == {}


def test_two_arrests_years_apart_stay_two_events():
    facts = [
        _fact("arrest", "Ana Petrova", "a", "Wire One", date="2016-05", place="Minsk"),
        _fact("arrest", "Ana Petrova", "b", "Daily Two", date="2024-03-14", place="Belgrade"),
    ]
    events = ordered(merge_events(facts))
    assert [(e.date, e.args["place"]) for e in events] == [("2016-05", "Minsk"), ("2024-03-14", "Belgrade")]


def test_a_charge_and_a_later_conviction_are_different_events():
    facts = [_fact("charge", "Ana Petrova", "a", "Wire One", date="2024-04", charge="espionage"),
             _fact("conviction", "Ana Petrova", "b", "Daily Two", date="2025-02-02", charge="espionage")]
    assert [e.type for e in ordered(merge_events(facts))] == ["charge", "conviction"]


def test_two_terms_for_one_sentence_are_both_shown_with_their_sources():
    facts = [
        _fact("sentence", "Ana Petrova", "a", "Wire One", date="2025-02-02", term="P12Y"),
        _fact("sentence", "Ana Petrova", "b", "Daily Two", date="2025-02", term="P12Y"),
        _fact("sentence", "Ana Petrova", "c", "Radio Three", date="2025-02-03", term="P10Y"),
    ]
    [event] = merge_events(facts)
    assert event.args["term"] == "P12Y"  # the better-supported version leads
    versions = event.conflicts["term"]
    assert [(v.value, sorted(s.doc_id for s in v.sources)) for v in versions] == [("P12Y", ["a", "b"]),
                                                                                  ("P10Y", ["c"])]
    # One day apart: the same sentencing, reported with two dates.
    assert [(v.value, [s.doc_id for s in v.sources]) for v in event.conflicts["date"]] == [
        ("2025-02-02", ["a", "b"]), ("2025-02-03", ["c"])]


def test_a_wire_story_republished_by_two_outlets_counts_once():
    wire = ("ANKARA, May 3 (Wire) - Turkish police detained a Russian citizen wanted by the United States on "
            "cybercrime charges at Istanbul airport on Friday, the interior ministry said. The man was taken "
            "to court, which ordered his arrest pending an extradition hearing.")
    bodies = {"outlet-a": wire, "outlet-b": wire.replace("on Friday", "on Friday night") + " More follows.",
              "outlet-c": "A Russian man wanted in America was held in Istanbul, according to officials quoted "
                          "by local television, who said he faces extradition."}
    story = stories({doc: shingles(body) for doc, body in bodies.items()})
    assert story["outlet-a"] == story["outlet-b"] != story["outlet-c"]
    facts = [_fact("arrest", "Oleg Sorin", doc, outlet, story=story[doc], date="XXXX-05-03", place="Istanbul")
             for doc, outlet in [("outlet-a", "Paper A"), ("outlet-b", "Paper B"), ("outlet-c", "TV C")]]
    [event] = merge_events(facts)
    assert len(event.sources) == 3 and event.outlets == 2


def test_an_event_only_one_side_asserts_is_marked_as_claimed():
    facts = [_fact("transfer", "Oleg Sorin", "a", "Wire One", claimed_by="Russian Foreign Ministry",
                   date="2014-07", manner="abduction"),
             _fact("transfer", "Oleg Sorin", "b", "Paper B", claimed_by="Russian Foreign Ministry", date="2014")]
    [event] = merge_events(facts)
    assert event.claimed_by == ["Russian Foreign Ministry"]
    stated = merge_events(facts + [_fact("transfer", "Oleg Sorin", "c", "Paper C", date="2014-07-08")])
    assert stated[0].claimed_by == []


def test_status_follows_the_latest_event():
    facts = [_fact("arrest", "Ana Petrova", "a", "W", date="2024-03-14"),
             _fact("sentence", "Ana Petrova", "b", "W", date="2025-02-02", term="P12Y"),
             _fact("exchange", "Ana Petrova", "c", "W", date="2026-08-01", counterpart=["Jan Novak"])]
    assert status(merge_events(facts)) == ("exchanged", "2026-08-01")
    assert status(merge_events(facts[:2])) == ("convicted", "2025-02-02")


def test_exchange_ledger_puts_counterparts_on_opposite_sides():
    facts = [
        _fact("exchange", "Ana Petrova", "a", "W", date="2026-08-01", counterpart=["Jan Novak"]),
        _fact("exchange", "Jan Novak", "a", "W", date="2026-08-01", counterpart=["Ana Petrova"]),
        _fact("exchange", "Ivan Orlov", "b", "P", date="2026-08-01"),
        _fact("exchange", "Mark Hale", "c", "P", date="XXXX-12", counterpart=["Pavel Zima"]),
        _fact("exchange", "Lena Berg", "d", "P", counterpart=["Tom Reyes"]),
    ]
    swaps = ledger(merge_events(facts))
    assert [(x.date, x.sides, x.unplaced) for x in swaps] == [
        (None, (["Lena Berg"], ["Tom Reyes"]), []),
        ("2026-08-01", (["Ana Petrova"], ["Jan Novak"]), ["Ivan Orlov"]),
        ("XXXX-12", (["Mark Hale"], ["Pavel Zima"]), []),
    ]


def test_one_quotation_carried_by_several_outlets_is_one_statement():
    quote = "We will never accept the verdict and will appeal to every court that will hear us"
    facts = [
        _fact("statement", "Marta Sousa", "a", "Wire One", quote=quote, channel="reporters"),
        _fact("statement", "Marta Sousa", "b", "Daily Two", quote=quote.replace("We will", "we'll") + "."),
        _fact("statement", "Marta Sousa", "c", "Radio Three", quote="will appeal to every court that will hear us"),
        _fact("statement", "Marta Sousa", "d", "Daily Two", quote="My client is innocent of every charge"),
        _fact("statement", "Pedro Alves", "e", "Daily Two", quote=quote),
    ]
    log = statements_log(facts)
    assert [(s.speaker, s.outlets) for s in log] == [
        ("Marta Sousa", ["Daily Two", "Radio Three", "Wire One"]),
        ("Marta Sousa", ["Daily Two"]),
        ("Pedro Alves", ["Daily Two"]),
    ]
    assert log[0].channel == "reporters"


def test_timelinejs_text_from_articles_is_escaped():
    from dossier.views.cases import timelinejs

    facts = [_fact("arrest", "Ana Petrova", "a", "<b>Wire</b>", date="2024-03-14", place="Belgrade")]
    [event] = merge_events(facts)
    event.sources[0] = Source(doc_id="a", outlet="<b>Wire</b>", published=None,
                              evidence="<img src=x onerror=alert(1)> arrested", story="a")
    [slide] = timelinejs("Ana <Petrova>", [event])["events"]
    assert "<img" not in slide["text"]["text"] and "&lt;img src=x" in slide["text"]["text"]
    assert "&lt;b&gt;Wire&lt;/b&gt;" in slide["text"]["text"]
    assert slide["text"]["headline"] == "Arrested in Belgrade"
