"""Stories: documents that re-publish one text (a wire story carried by several outlets).

Each story is one independent source, however many outlets print it. Two documents
are one story when their bodies share most of their word 5-grams.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict

SHINGLE = 5
SAME_STORY = 0.5  # Jaccard similarity of the sampled shingles
SAMPLE = 4  # keep one shingle in SAMPLE (by hash), which keeps the estimate and cuts the work


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.casefold())
    hashes = (zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(max(1, len(words) - SHINGLE + 1)))
    return {h for h in hashes if h % SAMPLE == 0}


def stories(shingled: dict[str, set[int]]) -> dict[str, str]:
    """{doc id: story id} of documents given by their ``shingles``; the story id is the first (sorted)
    document id of the story."""
    sets = dict(sorted(shingled.items()))
    index: dict[int, list[str]] = defaultdict(list)
    for doc, hashes in sets.items():
        for h in hashes:
            index[h].append(doc)
    parent = {doc: doc for doc in sets}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for doc, hashes in sets.items():
        shared: dict[str, int] = defaultdict(int)
        for h in hashes:
            for other in index[h]:
                if other > doc:
                    shared[other] += 1
        for other, count in shared.items():
            union = len(hashes) + len(sets[other]) - count
            if union and count / union >= SAME_STORY:
                a, b = sorted((root(doc), root(other)))
                parent[b] = a
    return {doc: root(doc) for doc in sets}
