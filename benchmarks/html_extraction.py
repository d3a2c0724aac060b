"""Article-body extraction on real pages: dossier's HTML path beside bare trafilatura, in one run.

    python benchmarks/html_extraction.py [--limit N] [--json FILE]

Data: the article-extraction-benchmark pages (html/<id>.html.gz) and their
hand-marked bodies (ground-truth.json) beside the project. Metric, as its authors
define it: per page, 4-gram shingles of the \\w+ tokens of predicted and true body
give TP/FP/FN (multiset overlap), normalised per page; precision is averaged over
pages whose prediction has a shingle, recall over pages whose truth has one, and
F1 is taken of the two means. Both extractors run page by page in turns, so that
a machine busy with other work slows both alike and the speed ratio stays fair.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from dossier.clean import clean
from dossier.read.files import content_hash
from dossier.records import SourceItem

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "peer" / "article-extraction-benchmark"


def shingles(text: str, n: int = 4) -> Counter:
    tokens = re.findall(r"\w+", text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def score(predictions: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    precisions, recalls = [], []
    for page, true_body in truth.items():
        predicted, expected = shingles(predictions.get(page, "")), shingles(true_body)
        tp = sum((predicted & expected).values())
        if predicted:
            precisions.append(tp / sum(predicted.values()))
        if expected:
            recalls.append(tp / sum(expected.values()))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def baseline(html: str, url: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def dossier_body(html: str, url: str) -> str:
    item = SourceItem(doc_id="page", origin=url, format="html", content=html, content_hash=content_hash(html),
                      url=url)
    return clean(item).body


EXTRACTORS = {"trafilatura": baseline, "dossier": dossier_body}


def run(pages: dict[str, tuple[str, str]]) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Every extractor on every page, page by page in turns, so that a busy machine slows all alike."""
    predictions: dict[str, dict[str, str]] = {name: {} for name in EXTRACTORS}
    seconds = dict.fromkeys(EXTRACTORS, 0.0)
    for n, (page, (html, url)) in enumerate(pages.items()):
        names = list(EXTRACTORS) if n % 2 == 0 else list(reversed(EXTRACTORS))
        for name in names:
            start = time.perf_counter()
            predictions[name][page] = EXTRACTORS[name](html, url)
            seconds[name] += time.perf_counter() - start
    return predictions, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    truth_file = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth_file)[: args.limit]
    pages = {i: (gzip.decompress((DATA / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace"),
                 truth_file[i].get("url") or "") for i in ids}
    truth = {i: truth_file[i]["articleBody"] for i in ids}
    for extractor in EXTRACTORS.values():
        extractor(*next(iter(pages.values())))  # load models and warm caches outside the clock
    predictions, seconds = run(pages)
    results = {name: {**score(predictions[name], truth), "pages_per_second": len(pages) / seconds[name]}
               for name in EXTRACTORS}
    ratio = {k: results["dossier"][k] / results["trafilatura"][k] for k in ("f1", "pages_per_second")}
    print(f"{len(pages)} pages")
    print(f"{'':<12}{'P':>7}{'R':>7}{'F1':>7}{'pages/s':>9}")
    for name, r in results.items():
        print(f"{name:<12}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}{r['pages_per_second']:>9.1f}")
    print(f"dossier / trafilatura: F1 x{ratio['f1']:.3f}, speed x{ratio['pages_per_second']:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), **results, "ratio": ratio}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
