"""The registered document component "facts": the facts an article states, each with its sentence,
and who asserts it.

Runs after the names and entities are known. Case events come from ``events`` (the grammar of each sentence),
statements from ``quotes``; a case event inside a quotation, or under "X said
that ...", is marked as claimed by that speaker.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from .. import places
from ..records import Annotation, EntityRef, Fact
from ..registry import components
from ..temporal import Anchor, infer_anchor
from .case_countries import implied_countries
from .events import RawFact, find_events, in_custody_context
from .linking import Linker
from .quotes import (
    ORG_HEADS,
    Quote,
    SpeakerResolver,
    about_of,
    find_quotes,
    news_day,
    speaker_context,
    statement_date,
)
from .schema import FACT_TYPES, REPORTING_VERBS
from .swaps import releases_in_a_swap
from .terms import act_terms, person_terms, quote_terms
from .verdicts import offence_of_convictions, one_hearing

_STATEMENT_NOUNS = {"statement", "report", "interview", "post", "message", "communique", "announcement"}


def _claimant(trigger: Token, quotes: list[Quote], resolver: SpeakerResolver) -> int | None:
    """Who the article says asserts an event: the speaker of the quotation it is in, or the subject
    of the reporting verb whose clause it is ("the ministry said that ...", "..., the embassy said")."""
    for quote in quotes:
        if quote.start <= trigger.idx < quote.end:
            return quote.speaker
    if any(node.dep_ == "relcl" and any(t.lower_ in ("who", "whom", "whose") for t in node.subtree if t.i < node.i)
           for node in [trigger, *trigger.ancestors]):
        return None  # "the envoy said X, who had been sentenced to life, was freed": the article's background
    node = trigger
    while node.head.i != node.i:  # "the ministry said (that) X was abducted": the claim is the said clause
        reporter = None
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.casefold() in REPORTING_VERBS:
            reporter = node.head
        elif node.dep_ == "acl" and node.head.lemma_.casefold() in _STATEMENT_NOUNS and \
                node.head.head.head.lemma_.casefold() in REPORTING_VERBS:
            reporter = node.head.head.head  # "said in a statement that X had been visited"
        if reporter is not None:
            subject = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
            return resolver.resolve(subject) if subject is not None else None
        if node.dep_ == "ROOT":
            break
        node = node.head
    # "According to the ministry, X was abducted"
    for child in trigger.sent.root.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            source = [o for to in child.children for o in to.children if o.dep_ == "pobj"]
            if source:
                return resolver.resolve(source[0])
    # "X was abducted, the ministry said": the reporting clause hangs on the reported one.
    if node.dep_ == "ROOT" and node.i == trigger.i or node is trigger.sent.root:
        for child in node.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl") and child.lemma_.casefold() in REPORTING_VERBS and \
                    child.i > trigger.i:
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return resolver.resolve(subject)
    return None


def _compatible(a: dict, b: dict) -> bool:
    """Within one article, only a different date or term makes a second event of the same kind."""
    for key in ("date", "term"):
        if key in a and key in b and not (str(a[key]).startswith(str(b[key])) or str(b[key]).startswith(str(a[key]))):
            return False
    return True


def _better(key: str, value, kept) -> bool:
    """The fuller of two values told of one event; of two places, a town rather than its country."""
    if key == "place" and places.is_country(value) != places.is_country(kept):
        return places.is_country(kept)
    return len(str(value)) > len(str(kept))


def _merge_repeats(facts: list[RawFact]) -> list[RawFact]:
    """An article that tells one event twice ("found guilty ... He was convicted of ...") states one fact,
    whoever it has tell it; one the article states in its own voice anywhere is not claimed, even if someone
    is quoted saying it too, and one two sources assert is the first one's claim."""
    merged: list[RawFact] = []
    for fact in facts:
        for kept in merged:
            if (kept.type, kept.subject) == (fact.type, fact.subject) and _compatible(kept.args, fact.args):
                for key, value in fact.args.items():
                    if key == "counterpart" and key in kept.args:
                        kept.args[key] = list(dict.fromkeys([*kept.args[key], *value]))
                    elif key not in kept.args or _better(key, value, kept.args[key]):
                        kept.args[key], kept.sources[key] = value, fact.source_of(key)
                kept.merged += [fact.trigger, *fact.merged]
                if fact.claimant is None:  # stated in the article's own voice once: no one's claim alone
                    kept.claimant = None
                break
        else:
            merged.append(fact)
    return merged


def _dates_of_occasions(raw: list[RawFact], quotes: list[Quote], annotation: Annotation,
                        anchor: Anchor, speaker_dates: dict[int, str]) -> None:
    """"The envoy told reporters after visiting X": an event that is the occasion of a statement
    shares the statement's date."""
    said_on = {q.verb.i: d for q in quotes if q.verb is not None and (d := statement_date(annotation, q, anchor, speaker_dates))}
    for fact in raw:
        if "date" in fact.args or "date" not in FACT_TYPES[fact.type].arguments:
            continue
        node = fact.trigger
        if node.dep_ in ("pcomp", "advcl") and node.head.lower_ in ("after", "while", "during", "when"):
            node = node.head
        if node.dep_ in ("prep", "advcl") and node.head.i in said_on:
            fact.args["date"], fact.sources["date"] = said_on[node.head.i], node.head.idx


def _visits_to_detainees(raw: list[RawFact]) -> list[RawFact]:
    """A visit is a case fact when the person visited is held: the article says so, or tells of their case."""
    held = {fact.subject for fact in raw if fact.type != "visit"}

    def kept(fact: RawFact) -> bool:
        trigger = fact.trigger
        inside = range(trigger.left_edge.i, trigger.right_edge.i + 1)
        own = [t for t in trigger.subtree  # without the relative clauses of its nouns ("X, who is held ...")
               if not any(a.dep_ == "relcl" and a.i != trigger.i and a.i in inside for a in [t, *t.ancestors])]
        if in_custody_context(own):
            return True  # "visited him in prison", "consular officials visited"
        if trigger.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("while", "when")
                                           for c in trigger.children):
            return False  # "arrested while visiting his partner": the visit is the occasion, not the event
        return fact.subject in held or in_custody_context(trigger.sent)

    return [fact for fact in raw if fact.type != "visit" or kept(fact)]


def _fact(annotation: Annotation, type_: str, subject: int, args: dict, sentence: int,
          claimant: int | None = None, sources: dict[str, int] | None = None, told_in: list[int] = ()) -> Fact:
    span = annotation.sentences[sentence]
    return Fact(type=type_, subject=EntityRef(subject), args=args, sentence=sentence, start=span.start, end=span.end,
                claimed_by=EntityRef(claimant) if claimant is not None else None, sources=sources or {},
                told_in=sorted(set(told_in) - {sentence}))


def _event_fact(annotation: Annotation, doc: Doc, fact: RawFact) -> Fact:
    """The fact with, as its evidence, the sentence that states most of its values (its trigger's on a tie);
    a value read from another sentence keeps that sentence."""
    own = annotation.sentence_at(fact.trigger.idx)
    stated = {key: annotation.sentence_at(fact.source_of(key)) for key in fact.args}
    told = {own, *(annotation.sentence_at(t.idx) for t in fact.merged), *stated.values()}
    counts = Counter(stated.values())
    evidence = max(sorted(told), key=lambda s: (counts[s], s == own))
    made = _fact(annotation, fact.type, fact.subject, fact.args, evidence, fact.claimant,
                 sources={key: s for key, s in stated.items() if s != evidence}, told_in=told)
    for trigger in [fact.trigger, *fact.merged]:
        made.terms += [*act_terms(trigger),
                       *person_terms(annotation, doc, fact.subject, annotation.sentence_at(trigger.idx))]
    made.terms = list(dict.fromkeys(made.terms))
    return made


@components.register("facts")
def extract_facts(annotation: Annotation, doc: Doc) -> None:
    # Relative dates are read against the publication date; its year, when the page does not give it,
    # only where the article's own weekday and years settle it.
    anchor = infer_anchor(annotation.article.published, annotation.article.body)
    linker = Linker(annotation, doc)
    resolver = SpeakerResolver(annotation, doc, linker)
    for token in doc:  # institutions that speak, named before a later "it said" or "the ministry added"
        if token.dep_ == "nsubj" and token.head.lemma_.casefold() in REPORTING_VERBS and \
                token.lemma_.casefold() in ORG_HEADS:
            resolver.resolve(token)
    quotes = find_quotes(annotation, doc, linker, resolver)
    linker.attend_to_quotations([(q.start, q.end, q.speaker) for q in quotes])
    raw: list[RawFact] = []
    for sentence in doc.sents:
        for fact in find_events(sentence, linker, anchor):
            claimant = _claimant(fact.trigger, quotes, resolver)
            fact.claimant = claimant if claimant != fact.subject else None
            raw.append(fact)
    releases_in_a_swap(raw, doc, anchor, linker)
    channels, speaker_dates = speaker_context(doc, quotes, resolver, anchor)
    news = news_day(doc, anchor, quotes)
    _dates_of_occasions(raw, quotes, annotation, anchor, speaker_dates)
    one_hearing(raw)
    offence_of_convictions(raw)
    implied_countries(raw)
    for fact in _merge_repeats(_visits_to_detainees(raw)):
        annotation.facts.append(_event_fact(annotation, doc, fact))
    for quote in quotes:
        if quote.speaker is None:
            continue
        args: dict = {"quote": quote.text}
        channel = quote.channel or channels.get(quote.speaker)
        if channel:
            args["channel"] = channel
        date = statement_date(annotation, quote, anchor, speaker_dates, news)
        if date:
            args["date"] = date
        about = about_of(quote, annotation, doc, linker)
        if about:
            args["about"] = [EntityRef(i) for i in about]
        sentence = annotation.sentence_at(quote.start)
        statement = _fact(annotation, "statement", quote.speaker, args, sentence)
        statement.terms = quote_terms(doc, quote.start, quote.end)
        annotation.facts.append(statement)
