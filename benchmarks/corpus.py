"""A corpus of real-length articles of any size, for benchmarks: real article bodies repeated with their
paragraphs shuffled and their people renamed, so that no two documents are alike.

    python benchmarks/corpus.py OUT.jsonl --articles 10000 [--seed 0]

Sources: the five seed articles (detention stories: arrests, sentences, swaps, an envoy's statements) and
the 181 real pages of the article-extraction benchmark (news of every kind), both beside the project. About
one document in three is a seed story, filled out to a real length with paragraphs of a page; the rest are
pages. People are renamed by variant: documents of one variant name the same people, so cases gather
sources across documents as they do in a real dossier. Publication dates are spread over ten years.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import py3langid

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
PAGES = SHARED / "peer" / "article-extraction-benchmark" / "ground-truth.json"
SEED_SHARE = 3  # one document in SEED_SHARE is a seed story
VARIANTS = 300  # sets of people; a variant's people recur in every document of the variant
SEED_OUTLETS = ["https://tass.com/world/", "https://www.rt.com/news/", "https://www.aa.com.tr/en/world/",
                "https://www.swissinfo.ch/eng/", "https://www.reuters.com/world/", "https://apnews.com/article/",
                "https://www.globalvillagespace.com/", "https://www.aljazeera.com/news/"]
ENDINGS = ["", "ov", "enko", "ski", "ić", "sen", "berg", "ez", "ani", "escu", "ides", "man"]
# Capitalised pairs that are not a person's given name and surname.
NOT_GIVEN = {"The", "In", "On", "At", "A", "An", "But", "And", "For", "From", "With", "By", "As", "If", "It",
             "This", "That", "When", "While", "After", "Before", "Read", "Check", "Leave", "All", "Over", "Under",
             "New", "United", "North", "South", "East", "West", "Saudi", "Supreme", "Federal", "Foreign",
             "Defense", "Defence", "State", "Secretary", "Department", "Wall", "White", "Prime", "Vice", "Middle",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
             "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
_PAIR = re.compile(r"\b([A-Z][a-z]+)\s([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b")


@lru_cache(maxsize=1)
def _sources() -> tuple[list[list[str]], list[tuple[str, list[str]]]]:
    """(seed stories as paragraphs, pages as (address, paragraphs))."""
    seeds = [[p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
             for path in sorted(SEEDS.glob("*.txt"))]
    truth = json.loads(PAGES.read_text(encoding="utf-8"))
    # English pages only: a build sets the others aside, a bare English nlp.pipe would not.
    pages = [(page["url"], [p.strip() for p in page["articleBody"].split("\n") if p.strip()])
             for _, page in sorted(truth.items()) if py3langid.classify(page["articleBody"])[0] == "en"]
    return seeds, [(url, paragraphs) for url, paragraphs in pages if paragraphs]


def _renamed(surname: str, variant: int) -> str:
    """The surname a variant gives a person: the same for every document of the variant."""
    h = zlib.crc32(f"{surname}/{variant}".encode())
    stem = surname.split("-")[-1]
    ending = ENDINGS[h % len(ENDINGS)]
    cut = stem[:-1 - (h >> 8) % 2] if ending and len(stem) > 4 else stem
    letters = "BDGKLMNPRSTV"
    head = letters[(h >> 12) % len(letters)] if variant else stem[0]
    return head + cut[1:] + ending


def rename(text: str, variant: int) -> str:
    """Every surname of a "Given Surname" pair, wherever it occurs, renamed for the variant."""
    surnames = {m.group(2) for m in _PAIR.finditer(text) if m.group(1) not in NOT_GIVEN
                and m.group(2) not in NOT_GIVEN}
    if not surnames:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: _renamed(m.group(1), variant), text)


def articles(count: int, seed: int = 0) -> Iterator[dict]:
    """``count`` articles as JSON Lines records: id, url, published, title, text."""
    seeds, pages = _sources()
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    for i in range(count):
        published = (start + timedelta(days=rng.randrange(3650))).isoformat()
        if i % SEED_SHARE == 0:
            n = i // SEED_SHARE
            story = seeds[n % len(seeds)]
            variant = (n // len(seeds)) % VARIANTS
            head, rest = story[0], story[1:]
            rng.shuffle(rest)
            _, filler = pages[rng.randrange(len(pages))]
            body = rest + filler[:rng.randint(2, 6)]
            url = f"{SEED_OUTLETS[rng.randrange(len(SEED_OUTLETS))]}{i:05d}-detention-{variant}"
            kind = "story"
        else:
            url, paragraphs = pages[rng.randrange(len(pages))]
            variant = rng.randrange(1, 10 * VARIANTS)
            head, rest = paragraphs[0], paragraphs[1:]
            rng.shuffle(rest)
            body = rest[:max(3, len(rest) - rng.randrange(3))]
            url = f"{url}{'&' if '?' in url else '?'}v={i}"
            kind = "page"
        text = rename("\n\n".join([head, *body]), variant)
        title = rename(head if len(head) < 160 else head[:head.rfind(" ", 0, 150)] + "…", variant)
        yield {"id": f"{kind}-{i:05d}", "url": url, "published": published, "title": title, "text": text}


def write_corpus(path: Path, count: int, seed: int = 0) -> Path:
    """Write ``count`` articles to a JSON Lines file (its folder is made) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in articles(count, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSON Lines file to write")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    write_corpus(options.out, options.articles, options.seed)
    print(f"{options.articles} articles -> {options.out}")


if __name__ == "__main__":
    main()
