"""Printing rows for people (a table) and for scripts (JSON, CSV, Markdown)."""
from __future__ import annotations

import csv
import io
import json
from enum import Enum

from rich.console import Console
from rich.table import Table


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def render(rows: list[dict], output_format: OutputFormat) -> str:
    """Rows as text in a machine format (not the table)."""
    columns = list(rows[0]) if rows else []
    if output_format is OutputFormat.json:
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if output_format is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
        return buffer.getvalue().rstrip("\n")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(row[c]).replace("|", "\\|") for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def print_rows(rows: list[dict], output_format: OutputFormat, console: Console, title: str | None = None) -> None:
    if output_format is not OutputFormat.table:
        print(render(rows, output_format))
        return
    if not rows:
        console.print(f"[dim]no {title or 'rows'}[/]")
        return
    table = Table(title=title)
    for column in rows[0] if rows else []:
        # Short values (ids, dates) keep their width; long ones (titles, quotes) wrap.
        widest = max(len(_cell(row[column])) for row in rows)
        table.add_column(column, no_wrap=widest <= 16, ratio=1 if widest > 24 else None)
    for row in rows:
        table.add_row(*(_cell(v) for v in row.values()))
    console.print(table)
