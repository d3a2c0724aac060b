"""Annotation throughput: dossier's annotate stage beside a bare ``nlp.pipe`` of the same model, in one run.

    python benchmarks/annotation_throughput.py [--docs 3000] [--model NAME] [--components a,b] [--json FILE]

The corpus is the project's sample and test articles, cleaned once and repeated to
the size asked for, so both runs see the same texts. The bare run is the spaCy
pipeline as installed (spacy.load, then nlp.pipe) and nothing else; dossier's run
is its annotate stage: the same model with its sentence rule, then the document
components (by default all of them: mentions, entities, facts) and photo captions.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import cycle, islice
from pathlib import Path

import spacy

from dossier.annotate import Annotator
from dossier.clean import clean
from dossier.read import read_corpus
from dossier.records import SourceItem
from dossier.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "examples" / "sample", REPO / "tests" / "fixtures" / "text", REPO / "tests" / "fixtures" / "cases"]


def corpus(size: int):
    articles = [clean(item) for folder in SOURCES for item in read_corpus(folder) if isinstance(item, SourceItem)]
    return list(islice(cycle(articles), size))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--components", default=",".join(Settings().components),
                        help="dossier's document components to run, comma-separated")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    articles = corpus(args.docs)
    texts = [a.body for a in articles]
    nlp = spacy.load(args.model)
    annotator = Annotator(args.model, [c for c in args.components.split(",") if c])

    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    bare = time.perf_counter() - start

    start = time.perf_counter()
    facts = sum(len(annotation.facts) for annotation, _ in annotator.annotate(articles))
    ours = time.perf_counter() - start

    result = {"docs": len(texts), "tokens": tokens, "facts": facts,
              "bare": {"seconds": bare, "docs_per_second": len(texts) / bare, "tokens_per_second": tokens / bare},
              "dossier": {"seconds": ours, "docs_per_second": len(texts) / ours, "tokens_per_second": tokens / ours}}
    result["ratio"] = result["dossier"]["docs_per_second"] / result["bare"]["docs_per_second"]
    result["components"] = args.components
    print(f"{len(texts)} documents, {tokens} tokens, model {args.model}, components {args.components}")
    for name in ("bare", "dossier"):
        r = result[name]
        print(f"{name:<8}{r['docs_per_second']:>9.1f} docs/s{r['tokens_per_second']:>11.0f} tokens/s")
    print(f"dossier / bare nlp.pipe: x{result['ratio']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
