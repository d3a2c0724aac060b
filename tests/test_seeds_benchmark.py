"""The seeds, scored by the benchmark's own scorer, must never fall below the best level reached."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import REPO, SEEDS

sys.path.insert(0, str(REPO / "benchmarks"))
import seeds  # noqa: E402

# Slack for float noise only: any real loss of a slot fails.
TOLERANCE = 0.0005


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed corpus is not beside the project")
def test_seed_scores_do_not_drop_below_the_recorded_floor():
    floor = json.loads(seeds.FLOOR.read_text())
    now = seeds.headline(seeds.score())
    dropped = {k: (now[k], v) for k, v in floor.items() if now[k] < v - TOLERANCE}
    assert not dropped, f"scores below the floor (now, floor): {dropped}"
