"""Reading one token of the UD parse: its lemma, features, preposition, phrase and nominative form."""
from __future__ import annotations

from spacy.tokens import Token


def lemma_of(token: Token) -> str:
    return token.lemma_.casefold().replace("ё", "е")


def is_in(token: Token, words) -> bool:
    return lemma_of(token) in {w.replace("ё", "е") for w in words}


def feat(token: Token, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


def children_of(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def preposition_of(token: Token) -> str | None:
    """The preposition of an oblique noun ("в" of "в США"), lower case."""
    cases = [c for c in token.children if c.dep_ == "case"]
    return cases[0].lower_ if cases else None


def phrase_of(token: Token) -> str:
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


def nominative(token: Token, keep: set[int] | None = None) -> str:
    """A noun phrase in the nominative, its preposition dropped: "в исправительной колонии № 17 в Мордовии"
    -> "исправительная колония № 17 в Мордовии"; the head and the words that agree with it change."""
    from ...annotate.russian import morph_vocab  # natasha, loaded only for Russian text

    words = [t for t in token.doc[token.left_edge.i:token.right_edge.i + 1]
             if not (t.dep_ == "case" and t.head.i == token.i) and (keep is None or t.i in keep)]
    while words and words[-1].is_punct and words[-1].text not in "»”\"":
        words.pop()
    out = []
    for t in words:
        text = t.text
        agrees = t.i == token.i or (t.head.i == token.i and t.dep_ in ("amod", "det") and t.i < token.i)
        # a compound adjective ("белорусско-украинской") has no case of its own: it agrees with its noun
        case = feat(t, "Case") or feat(token, "Case")
        prefix, _, last = t.text.rpartition("-")
        if agrees and case and case != "Nom" and last.isalpha() and not t.text.isupper():
            number = feat(t, "Number") or feat(token, "Number") or "Sing"
            gender = feat(t, "Gender") or feat(token, "Gender")  # "городским судом" is masculine, not neuter
            for parse in morph_vocab().parse(last):
                if parse.feats.get("Case") == case and parse.feats.get("Gender") in (None, gender):
                    inflected = parse.inflect({"Nom", number}) or parse.inflect({"Nom"})
                    if inflected:
                        text = inflected.word
                        text = text.capitalize() if last[:1].isupper() else text
                        text = f"{prefix}-{text}" if prefix else text
                        break
        out.append(text + (t.whitespace_ if t is not words[-1] else ""))
    return "".join(out).strip()
