"""Build, export and score the development set of real articles.

    python benchmarks/devset_score.py                  # scores per fact type, documents, entities
    python benchmarks/devset_score.py --show-misses    # also every missed and unmatched slot
    python benchmarks/devset_score.py --dossier PATH   # score another checkout of dossier (a baseline)

The article texts are not part of the project: `benchmarks/devset/MANIFEST.tsv` names each one (url,
search query, rank, hash) and `benchmarks/devset/gold/` holds its gold with titles and quotes as
character spans. The texts live in the ignored `benchmarks/devset/raw/` (one search excerpt per article)
and are rebuilt into `benchmarks/devset/cache/` and checked against the manifest's hashes by
`../shared/bench/devset.py`, which this script calls.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "benchmarks" / "devset"
BENCH = REPO.parent / "shared" / "bench"


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd)


def score(dossier_root: Path = REPO, show_misses: bool = False) -> tuple[dict, str]:
    """The scorer's numbers and its printed report, for a fresh build of the development set."""
    devset = [sys.executable, str(BENCH / "devset.py"), "--root", str(DEVSET)]
    for step in ("cache", "unpack"):
        done = _run(*devset, step)
        if done.returncode:
            raise SystemExit(f"devset.py {step} failed:\n{done.stdout}{done.stderr}")
    full = DEVSET / "work" / "full"
    with tempfile.TemporaryDirectory() as tmp:
        db, out, result = Path(tmp) / "devset.db", Path(tmp) / "out", Path(tmp) / "score.json"
        dossier = [sys.executable, "-m", "dossier"]  # run in its checkout, so that this one is imported
        build = _run(*dossier, "build", str(full / "corpus.jsonl"), "--db", str(db), "--quiet", cwd=dossier_root)
        if build.returncode not in (0, 1):
            raise SystemExit(f"build failed:\n{build.stderr}")
        export = _run(*dossier, "export", "--db", str(db), "--out", str(out), cwd=dossier_root)
        if export.returncode:
            raise SystemExit(f"export failed:\n{export.stderr}")
        scored = _run(sys.executable, str(BENCH / "score.py"), str(full), str(out), "--json", str(result),
                      *(["--show-misses"] if show_misses else []))
        return json.loads(result.read_text()), scored.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true", help="list every missed and unmatched slot")
    parser.add_argument("--dossier", type=Path, default=REPO, help="the checkout of dossier to score")
    parser.add_argument("--json", type=Path, help="also write the scorer's numbers here")
    args = parser.parse_args()
    numbers, report = score(args.dossier.resolve(), args.show_misses)
    print(report)
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
