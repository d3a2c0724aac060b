"""The web view of a large dossier under load: each page and API endpoint with one client, then many clients.

    python benchmarks/serve_load.py                       # build a 10,000-article dossier, then measure
    python benchmarks/serve_load.py --articles 1000       # a smaller one
    python benchmarks/serve_load.py --db big.db           # measure a dossier already built
    python benchmarks/serve_load.py --db big.db --workers 2 --clients 100 --seconds 60 --json out.json

Builds the dossier from benchmarks/corpus.py's articles unless --db names one that exists (a --db that does
not exist yet is built there), starts `dossier serve` on loopback, and reports for each endpoint the
median and 99th percentile latency of one client's requests, each answer made afresh (serve --cache 0);
then, with the server's cache of answers (--cache), runs --clients clients at once for --seconds over a
mix of pages, API calls and searches (hostile queries among them: %, quotes, FTS syntax, a 5,000-character
string) and reports requests per second, errors (any status but 200, 404, or no answer within 30 s) and
the latency percentiles. The targets: every median at most 150 ms; under load no error and a 99th
percentile of at most 2 s.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / "results" / "serve-load"
CLIENT_TIMEOUT = 30.0
HOSTILE = ["%", "_", '"', "'", '"unclosed', "NEAR(", "NEAR(a b", "*", "a*", "-", "^x", "OR AND NOT", "x:y",
           "col:word", "<script>alert(1)</script>", "'; DROP TABLE documents; --", "\\", "%%%_%", "\u0000",
           "x" * 5000, "prisoner " * 700]
MEDIAN_TARGET, P99_TARGET = 0.150, 2.0


# ---- a small HTTP/1.1 client: the load must come from the server, not from the client's own work

class Connection:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    def close(self) -> None:
        if self.writer:
            self.writer.close()
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body length); a connection the server closed is opened again once."""
        for attempt in (1, 2):
            if self.writer is None:
                await self._open()
            try:
                return await self._exchange(path)
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _exchange(self, path: str) -> tuple[int, int]:
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: */*\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        else:  # chunked
            body = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                body += await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, len(body)


# ---- the dossier and what to ask it

def build(db: Path, articles: int) -> None:
    corpus = WORK / f"corpus-{articles}" / "corpus.jsonl"
    if not corpus.exists():
        write_corpus(corpus, articles)
    print(f"building {db} from {articles} articles (this takes a while) ...", flush=True)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "dossier", "build", str(corpus.parent), "--db", str(db), "--quiet"],
                          cwd=REPO)
    if done.returncode not in (0, 1):
        raise SystemExit(f"build failed ({done.returncode})")
    print(f"built in {time.monotonic() - started:.0f} s", flush=True)


def targets(db: Path) -> dict:
    """People, speakers, articles and words of the dossier to ask for."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        def column(sql: str) -> list:
            return [row[0] for row in conn.execute(sql)]
        people = column("SELECT person FROM case_summaries ORDER BY events DESC, person LIMIT 20")
        speakers = column("SELECT speaker FROM statement_speakers ORDER BY statements DESC LIMIT 20")
        articles = column("SELECT doc_id FROM event_sources GROUP BY doc_id ORDER BY count(*) DESC LIMIT 20")
        outlets = column("SELECT name FROM outlets ORDER BY articles DESC LIMIT 10")
        pages = {"cases": column("SELECT value FROM counts WHERE name = 'cases'")[0],
                 "statements": column("SELECT value FROM counts WHERE name = 'statements'")[0]}
    if not people:
        raise SystemExit(f"{db} has no cases: is it a dossier of detention stories, built by this version?")
    words = ["prisoner", "exchange", "sentenced", "ambassador", "Moscow", "prisoner swap", "hacker court",
             "election", "climate", "Telegram statement", "the", "a", "Seleznyov", "Zelesnyov"]
    return {"people": people, "speakers": speakers, "articles": articles, "outlets": outlets, "words": words,
            "pages": pages}


def endpoints(t: dict) -> dict[str, list[str]]:
    """Each endpoint's requests: a few variants of it, taken in turn."""
    def q(value: str) -> str:
        return quote(value, safe="")

    last_cases = max(1, t["pages"]["cases"] // 100)
    last_statements = max(1, t["pages"]["statements"] // 50)
    return {
        "page /": ["/", "/?page=2", f"/?page={last_cases}"],
        "page /person": [f"/person/{q(p)}" for p in t["people"][:10]],
        "page /statements": ["/statements", f"/statements?page={last_statements}",
                             *[f"/statements?speaker={q(s)}" for s in t["speakers"][:5]],
                             *[f"/statements?outlet={q(o)}" for o in t["outlets"][:3]]],
        "page /exchanges": ["/exchanges", "/exchanges?page=2"],
        "page /framing": ["/framing", "/framing?by=outlet", "/framing?by=country", "/framing?type=statement",
                          f"/framing?person={q(t['people'][0])}"],
        "page /article": [f"/article/{q(a)}" for a in t["articles"][:10]],
        "page search": [f"/?q={q(w)}" for w in t["words"]],
        "api /api/overview": ["/api/overview"],
        "api /api/cases": ["/api/cases", "/api/cases?page=2&limit=100", f"/api/cases?page={last_cases}"],
        "api /api/cases/{name}": [f"/api/cases/{q(p)}" for p in t["people"][:10]],
        "api /api/people/{name}/articles": [f"/api/people/{q(p)}/articles" for p in t["people"][:5]],
        "api /api/statements": ["/api/statements", "/api/statements?page=3",
                                *[f"/api/statements?speaker={q(s)}" for s in t["speakers"][:5]],
                                f"/api/statements?about={q(t['people'][0])}", "/api/statements?year=2020"],
        "api /api/exchanges": ["/api/exchanges", "/api/exchanges?page=2&limit=20"],
        "api /api/framing": ["/api/framing", "/api/framing?by=outlet", "/api/framing?by=country&type=arrest"],
        "api /api/articles/{id}": [f"/api/articles/{q(a)}" for a in t["articles"][:10]],
        "api /api/search": [f"/api/search?{urlencode({'q': w})}" for w in t["words"]],
        "api /api/search hostile": [f"/api/search?{urlencode({'q': w})}" for w in HOSTILE],
    }


# ---- measuring

def serve(db: Path, workers: int, cache: int) -> tuple[subprocess.Popen, int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "dossier", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(workers), "--cache", str(cache)], cwd=REPO)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
    return server, port


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def one_client(port: int, paths: dict[str, list[str]], requests: int) -> dict:
    connection = Connection("127.0.0.1", port)
    results = {}
    for name, variants in paths.items():
        for path in variants[:3]:  # warm: templates compiled, pages of the database in memory
            await connection.get(path)
        times, statuses = [], set()
        for i in range(requests):
            started = time.perf_counter()
            status, _ = await connection.get(variants[i % len(variants)])
            times.append(time.perf_counter() - started)
            statuses.add(status)
        results[name] = {"median_ms": statistics.median(times) * 1000, "p99_ms": percentile(times, 99) * 1000,
                         "statuses": sorted(statuses)}
    connection.close()
    return results


async def many_clients(port: int, paths: dict[str, list[str]], clients: int, seconds: float) -> dict:
    everything = [path for variants in paths.values() for path in variants]
    times: list[float] = []
    errors: dict[str, int] = {}
    stop = time.monotonic() + seconds

    async def client(n: int) -> None:
        rng = random.Random(n)
        connection = Connection("127.0.0.1", port)
        while time.monotonic() < stop:
            path = rng.choice(everything)
            started = time.perf_counter()
            try:
                status, _ = await asyncio.wait_for(connection.get(path), CLIENT_TIMEOUT)
            except (asyncio.TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
                errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
                connection.close()
                continue
            times.append(time.perf_counter() - started)
            if status not in (200, 404):
                errors[f"HTTP {status}"] = errors.get(f"HTTP {status}", 0) + 1
        connection.close()

    started = time.monotonic()
    await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.monotonic() - started
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(times),
            "requests_per_second": round(len(times) / elapsed, 1), "errors": sum(errors.values()),
            "error_kinds": errors, "median_ms": round(percentile(times, 50) * 1000, 1) if times else None,
            "p99_ms": round(percentile(times, 99) * 1000, 1) if times else None,
            "max_ms": round(max(times) * 1000, 1) if times else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a dossier to measure (built there first if it does not exist)")
    parser.add_argument("--articles", type=int, default=10_000, help="articles of the dossier to build")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the clients run")
    parser.add_argument("--requests", type=int, default=30, help="one client's requests per endpoint")
    parser.add_argument("--cache", type=int, default=1000, help="answers each server process keeps under load "
                        "(serve --cache; 0: none); one client is always measured without")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()

    db = options.db or WORK / f"dossier-{options.articles}.db"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        build(db, options.articles)
    paths = endpoints(targets(db))
    server, port = serve(db, options.workers, 0)  # what each answer costs to make, none given from memory
    try:
        single = asyncio.run(one_client(port, paths, options.requests))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"\none client, {options.requests} requests per endpoint ({db}, {options.workers} workers, no cache)")
    print(f"{'endpoint':40} {'median ms':>10} {'p99 ms':>10}  statuses")
    for name, figures in single.items():
        print(f"{name:40} {figures['median_ms']:10.1f} {figures['p99_ms']:10.1f}  {figures['statuses']}")
    server, port = serve(db, options.workers, options.cache)
    try:
        print(f"\n{options.clients} clients for {options.seconds:g} s over the mix of all of them "
              f"(serve --cache {options.cache})", flush=True)
        load = asyncio.run(many_clients(port, paths, options.clients, options.seconds))
        print(json.dumps(load, indent=1))
    finally:
        server.terminate()
        server.wait(timeout=30)
    slowest = max(f["median_ms"] for f in single.values()) / 1000
    met = slowest <= MEDIAN_TARGET and load["errors"] == 0 and (load["p99_ms"] or 0) / 1000 <= P99_TARGET
    print(f"\nslowest median {slowest * 1000:.0f} ms (target {MEDIAN_TARGET * 1000:.0f}); under load "
          f"{load['errors']} errors, p99 {load['p99_ms']} ms (target {P99_TARGET * 1000:.0f}): "
          f"{'met' if met else 'NOT met'}")
    if options.json:
        with tempfile.NamedTemporaryFile("w", dir=options.json.parent, delete=False) as out:
            json.dump({"db": str(db), "workers": options.workers, "cache": options.cache, "one_client": single,
                       "load": load}, out, indent=1)
        os.replace(out.name, options.json)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
