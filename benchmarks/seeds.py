"""Score a fresh build of a corpus against its gold with the case-file benchmark's scorer.

    python benchmarks/seeds.py                 # the seeds, scores printed
    python benchmarks/seeds.py --update-floor  # also raise the recorded floor to today's scores

The floor (benchmarks/seeds_floor.json) is the best level reached so far; the test
suite fails when a change brings any score below it.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FLOOR = Path(__file__).resolve().parent / "seeds_floor.json"


def score(corpus: Path = SHARED / "corpus" / "seeds", gold: Path = SHARED / "bench" / "gold" / "seeds") -> dict:
    """Build, export and score in a temporary folder; the scorer's JSON with the headline figures on top."""
    with tempfile.TemporaryDirectory() as tmp:
        db, out, result = Path(tmp) / "seeds.db", Path(tmp) / "out", Path(tmp) / "score.json"
        dossier = [sys.executable, "-m", "dossier"]
        build = subprocess.run([*dossier, "build", str(corpus), "--db", str(db), "--quiet"],
                               capture_output=True, text=True)
        if build.returncode not in (0, 1):
            raise RuntimeError(f"build failed: {build.stderr}")
        subprocess.run([*dossier, "export", "--db", str(db), "--out", str(out)], check=True, capture_output=True)
        subprocess.run([sys.executable, str(SHARED / "bench" / "score.py"), str(gold), str(out),
                        "--json", str(result)], check=True, capture_output=True)
        scores = json.loads(result.read_text())
    return {
        "facts": scores["facts"]["all"]["f1"], "case_facts": scores["facts"]["case"]["f1"],
        "documents": scores["documents"]["f1"], "entities": scores["entities"]["f1"],
        "overall": scores["overall_f1"], "detail": scores,
    }


def headline(scores: dict) -> dict[str, float]:
    return {k: round(v, 3) for k, v in scores.items() if k != "detail"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-floor", action="store_true", help="record today's scores where they are higher")
    args = parser.parse_args()
    now = headline(score())
    floor = json.loads(FLOOR.read_text()) if FLOOR.exists() else {}
    for key, value in now.items():
        print(f"{key:<12}{value:.3f}   (floor {floor.get(key, 0):.3f})")
    if args.update_floor:
        FLOOR.write_text(json.dumps({k: max(v, floor.get(k, 0.0)) for k, v in now.items()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
