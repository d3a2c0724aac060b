"""A corpus of real-length articles of any size, for the speed benchmarks.

Three in four documents are the bodies of the real pages in the peer extraction
benchmark (general news, about 900 tokens each); one in four is one of the
project's detention articles (examples, test fixtures, the seeds), so that
builds find facts and assemble cases. Every copy has its paragraphs shuffled,
and the capitalised words of a detention article get a suffix that depends on
its copy, so that a large corpus names many people in a few articles each, as a
year of news does, rather than the same ten people in every article.

    python benchmarks/corpus.py OUT.jsonl --docs 5000
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEER = REPO.parent / "shared" / "peer" / "article-extraction-benchmark"
DETENTION = [REPO / "examples" / "sample", REPO / "tests" / "fixtures" / "text", REPO / "tests" / "fixtures" / "cases",
             REPO.parent / "shared" / "corpus" / "seeds"]
_SYLLABLES = ["ko", "vin", "ardt", "elli", "son", "ov", "ez", "berg", "ami", "uddin", "ski", "aro", "ent", "ura"]
_NAME = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]{3,})\b")


def _peer_bodies() -> list[str]:
    """The English pages' bodies (the others would be set aside by a build, not by a bare nlp.pipe)."""
    import py3langid
    truth = json.loads((PEER / "ground-truth.json").read_text(encoding="utf-8"))
    return [page["articleBody"] for page in truth.values()
            if len(page["articleBody"]) > 1500 and py3langid.classify(page["articleBody"])[0] == "en"]


def _detention_bodies() -> list[str]:
    from dossier.clean import clean
    from dossier.read import read_corpus
    from dossier.records import SourceItem
    return [clean(item).body for folder in DETENTION if folder.exists()
            for item in read_corpus(folder) if isinstance(item, SourceItem)]


def _shuffled(body: str, rng: random.Random) -> str:
    paragraphs = [p for p in body.split("\n") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)  # the lead stays first: it carries the dateline
    return "\n".join(head + rest)


def _renamed(body: str, copy: int) -> str:
    """Capitalised words inside sentences, with a suffix of this copy's: other people, same grammar."""
    if copy == 0:
        return body
    suffix = "".join(_SYLLABLES[(copy // len(_SYLLABLES) ** n) % len(_SYLLABLES)] for n in range(2))
    return _NAME.sub(lambda m: m.group(1) + suffix, body)


def articles(size: int, seed: int = 7) -> list[dict]:
    """``size`` articles as JSON Lines records ({"id", "published", "text"}), the same for the same size and seed."""
    rng = random.Random(seed)
    peer, detention = _peer_bodies(), _detention_bodies()
    records = []
    for n in range(size):
        if n % 4 == 3:
            copy, which = divmod(n // 4, len(detention))
            text = _renamed(_shuffled(detention[which], rng), copy)
        else:
            text = _shuffled(peer[(n - n // 4) % len(peer)], rng)
        records.append({"id": f"doc{n:06d}", "published": f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 10}",
                        "text": text})
    return records


def write(path: Path, records: list[dict]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    write(args.out, articles(args.docs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
