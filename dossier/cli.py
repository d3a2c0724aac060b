"""The ``dossier`` command."""
from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .read import discover
from .settings import DEFAULT_DB, DEFAULT_MODEL, Settings
from .store import Store, migrate
from .views.tabular import OutputFormat, print_rows

app = typer.Typer(
    help=(
        "Build a source-cited dossier of cross-border detention cases from news articles.\n\n"
        "Start with `dossier build ARTICLES/`, then `dossier documents` to see what was stored. Every command "
        "reads the dossier named by `--db` (or the environment variable DOSSIER_DB), dossier.db by default: "
        "`dossier cases --db cases.db`."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option(
    "--db", help="The dossier: a SQLite file or a SQLAlchemy URL (e.g. postgresql+psycopg://user@host/dossier).",
    envvar="DOSSIER_DB", show_default=True)]


def _version(value: bool) -> None:
    if value:
        out.print(f"dossier {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                              help="Show the version and exit.")] = False) -> None:
    """dossier turns articles into cases: who was arrested, extradited, sentenced, swapped, and who said so."""


def _open_store(db: str, *, create: bool, listings: bool = False) -> Store:
    """The dossier; with ``listings``, one whose schema has the listings (a dossier of an earlier release
    gets them from its next build)."""
    if not create and "://" not in db and not Path(db).exists():
        err.print(f"[red]error:[/] no dossier database at {db}; build one with: dossier build ARTICLES --db {db}")
        raise typer.Exit(2)
    try:
        store = Store(db, create=create)
    except ValueError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error
    if listings and migrate.current(store.engine) != migrate.head():
        store.close()
        err.print(f"[red]error:[/] {db} was built by an earlier release of dossier; "
                  f"`dossier build CORPUS --db {db}` brings it up to date")
        raise typer.Exit(2)
    return store


def _count_inputs(corpus: Path, follow_links: bool) -> int:
    total = 0
    for path in discover(corpus, follow_links):
        if isinstance(path, Path) and path.suffix.lower() == ".jsonl":
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(
        help="A folder of .txt/.html articles, or a JSON Lines file with one article per line.",
        exists=True, readable=True, show_default=False, metavar="CORPUS")],
    db: DbOption = DEFAULT_DB,
    model: Annotated[str, typer.Option(help="spaCy pipeline to annotate with (any installed one).",
                                       envvar="DOSSIER_MODEL")] = DEFAULT_MODEL,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    follow_links: Annotated[bool, typer.Option(
        "--follow-links", help="Also read symbolic links that lead out of the CORPUS folder (skipped by default).")]
    = False,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=1, help="Processes (or Ray actors) that clean and annotate articles; "
        "default: this machine's cores. A corpus of one batch is done in this process.",
        show_default=False)] = os.cpu_count() or 1,
    engine: Annotated[Engine, typer.Option(
        help="Where articles are annotated: local (this machine) or ray (a Ray cluster; "
        'pip install "dossier[ray]"). Either way the database is written by this process.')] = Engine.local,
    address: Annotated[str | None, typer.Option(
        help="The Ray cluster to use with --engine ray (ray://head:10001); default: start one here.",
        show_default=False)] = None,
    cascade: Annotated[bool, typer.Option(
        "--cascade", envvar="DOSSIER_CASCADE",
        help="Parse in full only the sentences that can tell a fact or a quotation, and the sentences around them; "
        "the rest get sentences and names only. Faster; it may miss a few facts the full parse finds.")] = False,
) -> None:
    """Read, clean and store every article of CORPUS in the dossier database.

    Articles already stored with the same content are skipped, so the command can be
    re-run after adding articles or after an interruption; a changed article is redone.

    Exit status: 0 when every input was read, 1 when some were skipped (each is named
    on stderr with the reason), 2 for usage errors.

    Examples: `dossier build articles/ --db cases.db`;
    on a cluster: `dossier build articles/ --engine ray --address ray://head:10001
    --workers 32 --db postgresql+psycopg://user@dbhost/dossier`
    """
    from .pipeline import Build

    settings = Settings(model=model, cascade=cascade)
    store = _open_store(db, create=True)
    total = _count_inputs(corpus, follow_links)
    with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=err, disable=quiet, transient=True) as progress:
        task = progress.add_task("", total=total)

        def advance(origin: str) -> None:
            progress.update(task, advance=1, description=Path(origin.split(":")[0]).name)

        report = Build(store, settings).run(corpus, on_item=advance, follow_links=follow_links,
                                            engine=engine.value, workers=workers, address=address)
    for problem in report.problems:
        err.print(f"[yellow]skipped[/] {problem.origin}: {problem.message}", highlight=False, soft_wrap=True)
    for warning in report.warnings:
        err.print(f"[yellow]warning[/] {warning.origin}: {warning.message}", highlight=False, soft_wrap=True)
    if not quiet:
        table = Table(title=f"dossier build → {store.shown_url}", show_header=False)
        table.add_row("processed", str(len(report.processed)))
        table.add_row("unchanged", str(len(report.unchanged)))
        table.add_row("skipped", str(len(report.problems)))
        table.add_row("documents stored", str(store.count_documents()))
        err.print(table)
    store.close()
    raise typer.Exit(1 if report.problems else 0)


class ExportFormat(str, Enum):
    bench = "bench"
    timelinejs = "timelinejs"


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder (bench) or file (timelinejs) to write.")]
    = Path("export"),
    export_format: Annotated[ExportFormat, typer.Option("--format", help="bench: documents, entities and facts "
                                                        "as JSON Lines; timelinejs: one person's timeline.")]
    = ExportFormat.bench,
    person: Annotated[str | None, typer.Option(help="The person, for --format timelinejs.")] = None,
) -> None:
    """Write the dossier out: the benchmark's JSON Lines files, or a TimelineJS timeline.

    Examples: `dossier export --db cases.db --out export/` writes documents.jsonl, entities.jsonl
    and facts.jsonl; `dossier export --db cases.db --format timelinejs --person Bout --out bout.json`
    writes the JSON that Knight Lab's TimelineJS loads.
    """
    if export_format is ExportFormat.timelinejs:
        from .cases.assemble import all_events
        from .store.listings import case_rows
        from .views.cases import timelinejs

        if not person:
            err.print("[red]error:[/] --format timelinejs needs --person NAME")
            raise typer.Exit(2)
        store = _open_store(db, create=False, listings=True)
        name = _one_person(store, person)
        with store.engine.connect() as conn:
            events = all_events(case_rows(conn, [name]))
        store.close()
        document = json.dumps(timelinejs(name, events), ensure_ascii=False, indent=2)
        if str(out_dir) == "-":
            print(document)
        else:
            out_dir.write_text(document + "\n", encoding="utf-8")
        return
    from .views.export import export as write_export

    store = _open_store(db, create=False)
    counts = write_export(store, out_dir)
    store.close()
    err.print(json.dumps({"out": str(out_dir), **counts}))


@app.command()
def documents(
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the list.")]
    = OutputFormat.table,
) -> None:
    """List the stored articles with their outlet, publication date, dateline and title.

    Example: `dossier documents --db cases.db --format csv > articles.csv`
    """
    store = _open_store(db, create=False)
    rows = [{key: doc[key] for key in ("id", "outlet", "published", "dateline", "title")}
            for doc in store.documents()]
    store.close()
    print_rows(rows, output_format, out, title="documents")


def _find_names(store: Store, name: str) -> list[str]:
    from .views.lookup import find_entities

    return [row["name"] for row in find_entities(store, name)]


@app.command()
def cases(
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the list.")]
    = OutputFormat.table,
) -> None:
    """One line per person with a case: latest status, date of the latest event, events, sources.

    Status is the latest event's: detained, convicted, released or exchanged. Sources are the
    independent ones: a wire story re-published by several outlets counts once.

    Example: `dossier cases --db cases.db --format csv > cases.csv`
    """
    from .store.listings import case_page
    from .views.api import case_record

    store = _open_store(db, create=False, listings=True)
    with store.engine.connect() as conn:
        records = [case_record(r) for r in case_page(conn)]
    store.close()
    if output_format is not OutputFormat.json:
        records = [{"person": r["person"], "nationality": r["nationality"], "status": r["status"],
                    "latest": r["latest"], "events": r["events"], "sources": r["independent_sources"],
                    "articles": r["articles"]} for r in records]
    print_rows(records, output_format, out, title="cases")


@app.command()
def exchanges(
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the list.")]
    = OutputFormat.table,
) -> None:
    """The exchange ledger: each prisoner swap with its date, place and who each side released.

    People reported as freed in a swap without a counterpart to place them are listed
    under side_unknown rather than guessed.

    Example: `dossier exchanges --format json` (each swap with its sources and their sentences)
    """
    from .store.listings import exchange_page
    from .views.api import exchange_record

    store = _open_store(db, create=False, listings=True)
    with store.engine.connect() as conn:
        records = [exchange_record(r) for r in exchange_page(conn)]
    store.close()
    if output_format is not OutputFormat.json:
        records = [{**{k: v for k, v in r.items() if k != "sources"}, "side_unknown": r["side_unknown"] or None}
                   for r in records]
    print_rows(records, output_format, out, title="exchanges")


@app.command()
def statements(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Only statements by this speaker (any spelling).")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the list.")]
    = OutputFormat.table,
) -> None:
    """Who said what, when, on which channel, and which outlets carried it.

    One quotation carried by several outlets is one statement with several sources.

    Example: `dossier statements --speaker Antonov --format json`
    """
    from .store.listings import statement_page
    from .views.api import statement_record

    store = _open_store(db, create=False, listings=True)
    speakers = _find_names(store, speaker) + [speaker] if speaker else None
    with store.engine.connect() as conn:
        records = [statement_record(r) for r in statement_page(conn, speakers)[1]]
    store.close()
    if output_format is not OutputFormat.json:
        records = [{"speaker": r["speaker"], "date": r["date"], "channel": r["channel"], "quote": r["quote"],
                    "about": [a["name"] for a in r["about"]] or None, "outlets": r["outlets"]} for r in records]
    print_rows(records, output_format, out, title="statements")


class Grouping(str, Enum):
    outlet = "outlet"
    speaker = "speaker"
    country = "country"


@app.command()
def framing(
    db: DbOption = DEFAULT_DB,
    by: Annotated[Grouping, typer.Option(help="Compare outlets, speakers, or the voices of each country.")]
    = Grouping.outlet,
    person: Annotated[str | None, typer.Option(help="Only the facts about this person (any spelling).")] = None,
    fact_type: Annotated[str | None, typer.Option("--type", help="Only facts of this type: arrest, transfer, "
                                                  "statement, ...")] = None,
    top: Annotated[int, typer.Option(help="Terms shown per group.")] = 10,
    min_count: Annotated[int, typer.Option(help="Uses a term needs in a group to count as its habit.")] = 3,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the list.")]
    = OutputFormat.table,
) -> None:
    """How each side names the same events: the words for acts, people and in quotations that are
    distinctive of an outlet, a speaker or a country's voices.

    z is the weighted log-odds ratio with an informative Dirichlet prior: the group's use of a word
    against everything else the dossier says, over its standard error. JSON and CSV give every use
    of a term with its article and the offsets of the word and its sentence.

    Example: `dossier framing --by speaker --type statement --format json`
    """
    from .casefile import framing as framing_of

    store = _open_store(db, create=False)
    if person:
        person = _one_person(store, person)
    groups = framing_of(store, by.value, person, fact_type, top, min_count)
    store.close()

    def where(use) -> dict | str:
        if output_format is OutputFormat.json:
            return {"doc": use.doc_id, "start": use.start, "end": use.end, "sentence_start": use.sentence_start,
                    "sentence_end": use.sentence_end, "fact": use.fact_type, "outlet": use.outlet}
        return f"{use.doc_id}:{use.start}-{use.end}"

    rows = [{"group": group, "term": d.term, "z": d.z, "uses": d.count, "elsewhere": d.elsewhere,
             **({} if output_format is OutputFormat.table else {"log_odds": d.log_odds,
                                                                "sentences": [where(u) for u in d.uses]})}
            for group, terms in groups.items() for d in terms]
    print_rows(rows, output_format, out, title=f"distinctive terms by {by.value}")


def _one_person(store: Store, name: str) -> str:
    names = _find_names(store, name)
    if not names:
        err.print(f"[red]error:[/] no person or organisation matching {name!r}; try `dossier cases` for the list")
        raise typer.Exit(1)
    return names[0]


@app.command()
def case(
    name: Annotated[str, typer.Argument(help="The person, in any spelling the articles use.")],
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the timeline.")]
    = OutputFormat.table,
) -> None:
    """A person's case: every event in date order, with the outlets that report it.

    Events only one party asserts say who claims them; where sources disagree on a
    date, a term or a place, every version is shown with its outlets. JSON gives each
    event's type, date and arguments as fields of their own (a term as an ISO 8601
    duration, a fine as amount and currency), its conflicts and its sources with their
    sentences, as the web view's /api/cases/NAME does.

    Example: `dossier case "Seleznyov" --format markdown`
    """
    from .store.listings import events_of
    from .views.api import event_record

    store = _open_store(db, create=False, listings=True)
    person = _one_person(store, name)
    with store.engine.connect() as conn:
        records = [event_record(r) for r in events_of(conn, person)]
    store.close()
    if output_format is not OutputFormat.json:  # the terminal gets the story; scripts get everything
        records = [{"date": r["date"] or (f"reported {r['when']}" if r["when"] else None), "what": r["headline"],
                    "claimed by": r["claimed_by"] or None, "outlets": r["outlets"],
                    "conflicts": "; ".join(f"{arg}: " + " vs ".join(f"{v['text']} ({', '.join(v['outlets'])})"
                                                                      for v in versions)
                                           for arg, versions in r["conflicts"].items()) or None}
                   for r in records]
    print_rows(records, output_format, out, title=f"case of {person}")


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A person or organisation, in any spelling the articles use.")],
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the match.")]
    = OutputFormat.table,
) -> None:
    """Look someone up: canonical name, every spelling seen, and the articles that mention them.

    Any transliteration works: `dossier entity Zelesnyov` finds Roman Seleznyov. The
    machine formats also give every mention with its character offsets in the article.
    """
    from .store.listings import entity_docs
    from .views.lookup import find_entities

    store = _open_store(db, create=False, listings=True)
    found = find_entities(store, name)
    with store.engine.connect() as conn:
        docs = {r["id"]: entity_docs(conn, r["id"])[1] for r in found}
    titles = {d["id"]: d["title"] for listed in docs.values() for d in listed}
    mentions = {r["id"]: store.entity_mentions(r["id"]) for r in found}
    store.close()
    if not found:
        err.print(f"[red]error:[/] nothing matches {name!r}")
        raise typer.Exit(1)
    rows = [{"name": r["name"], "type": r["type"], "aliases": r["aliases"],
             "documents": sorted(d["id"] for d in docs[r["id"]]), "mentions": mentions[r["id"]]} for r in found]
    if output_format is not OutputFormat.table:
        print_rows(rows, output_format, out)
        return
    for row in rows:
        out.print(f"[bold]{row['name']}[/] ({row['type']})", highlight=False)
        others = [a for a in row["aliases"] if a != row["name"]]
        if others:
            out.print(f"  also written: {', '.join(others)}", highlight=False)
        for doc in row["documents"]:
            count = sum(1 for m in row["mentions"] if m["doc"] == doc)
            out.print(f"  {doc}  {titles.get(doc) or ''}  ({count} mention{'s' if count != 1 else ''})",
                      highlight=False)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes: about one per core of the machine.")] = 1,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a request may read the database before it is "
                                           "answered 503.")] = 15.0,
    cache: Annotated[int, typer.Option(min=0, help="Answers each process keeps to give again until the dossier "
                                       "changes (0: none).")] = 1000,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Allow an address other than loopback: "
                                               "anyone who can reach it can read the dossier.")] = False,
) -> None:
    """Browse the dossier in a web browser: cases, timelines, exchanges, statements, articles.

    The database is opened read-only. The JSON API is under /api/, described at /docs.

    Examples: `dossier serve --db cases.db` then open http://127.0.0.1:8000;
    `dossier serve --db cases.db --workers 4` on a machine with four cores.
    """
    import ipaddress
    import os

    import uvicorn

    from .web.app import ImmediateHTTP, create_app

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not allow_remote:
        err.print(f"[red]error:[/] {host} is not a loopback address; add --allow-remote to serve it anyway")
        raise typer.Exit(2)
    _open_store(db, create=False, listings=True).close()
    # Idle connections are closed after a few seconds, so that many clients do not hold the server's sockets.
    options = {"host": host, "port": port, "log_level": "warning", "timeout_keep_alive": 5, "http": ImmediateHTTP}
    if workers == 1:
        uvicorn.run(create_app(db, timeout, cache), **options)
        return
    # Each worker process makes its own app from the environment.
    os.environ.update({"DOSSIER_DB": db, "DOSSIER_TIMEOUT": str(timeout), "DOSSIER_CACHE": str(cache)})
    uvicorn.run("dossier.web.app:app_from_environment", factory=True, workers=workers, **options)
