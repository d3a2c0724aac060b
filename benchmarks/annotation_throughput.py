"""Annotation throughput: dossier's annotate stage beside a bare ``nlp.pipe`` of the same model, in one run.

    python benchmarks/annotation_throughput.py [--docs 3000] [--real-length] [--model NAME] [--components a,b]
                                               [--json FILE]

The corpus is the project's sample and test articles, cleaned once and repeated to
the size asked for, or with --real-length the real-length articles of ``corpus.py``;
every run sees the same texts, each annotator after a warm-up on a few of them. The bare run is the spaCy
pipeline as installed (spacy.load, then nlp.pipe) and nothing else; dossier's run
is its annotate stage: the same model with its sentence rule, then the document
components (by default all of them: mentions, entities, facts) and photo captions,
once parsing every sentence in full and once with the parse cascade
(``dossier.annotate.cascade``), which parses in full only where a fact can be.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

import spacy

from dossier.annotate import Annotator
from dossier.clean import clean
from dossier.read import read_corpus
from dossier.records import SourceItem
from dossier.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as real_articles

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "examples" / "sample", REPO / "tests" / "fixtures" / "text", REPO / "tests" / "fixtures" / "cases"]


def corpus(size: int, real_length: bool):
    if real_length:
        with tempfile.TemporaryDirectory() as scratch:
            records = real_articles.write_corpus(Path(scratch) / "corpus.jsonl", size)
            return [clean(item) for item in read_corpus(records) if isinstance(item, SourceItem)]
    articles = [clean(item) for folder in SOURCES for item in read_corpus(folder) if isinstance(item, SourceItem)]
    return list(islice(cycle(articles), size))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--real-length", action="store_true", help="real-length articles made by corpus.py")
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--components", default=",".join(Settings().components),
                        help="dossier's document components to run, comma-separated")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    articles = corpus(args.docs, args.real_length)
    texts = [a.body for a in articles]
    nlp = spacy.load(args.model)
    components = [c for c in args.components.split(",") if c]
    runs = {"dossier": Annotator(args.model, components), "cascade": Annotator(args.model, components, cascade=True)}

    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    bare = time.perf_counter() - start

    result = {"docs": len(texts), "tokens": tokens, "components": args.components,
              "bare": {"seconds": bare, "docs_per_second": len(texts) / bare, "tokens_per_second": tokens / bare}}
    for annotator in runs.values():  # loads what each process loads once: the gazetteers, the model's tables
        for _ in annotator.annotate(articles[:8]):
            pass
    for name, annotator in runs.items():
        start = time.perf_counter()
        facts = sum(len(annotation.facts) for annotation, _ in annotator.annotate(articles))
        seconds = time.perf_counter() - start
        result[name] = {"seconds": seconds, "docs_per_second": len(texts) / seconds,
                        "tokens_per_second": tokens / seconds, "facts": facts,
                        "ratio": bare / seconds}
    print(f"{len(texts)} documents, {tokens} tokens, model {args.model}, components {args.components}")
    for name in ("bare", *runs):
        r = result[name]
        print(f"{name:<8}{r['docs_per_second']:>9.1f} docs/s{r['tokens_per_second']:>11.0f} tokens/s"
              + (f"  x{r['ratio']:.2f} of bare, {r['facts']} facts" if name in runs else ""))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
