"""How the corpus questions print their rows: ``--format table|json|jsonl|csv``.

``table`` is for people (a rich table on a terminal, the long texts cut); ``json`` is one
object with the page and its rows; ``jsonl`` one row per line; ``csv`` a header and one
line per row (lists joined by ``;``). Without ``--format``: a table on a terminal, else
JSON Lines. Article text is printed as text, never as markup.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from presslens.store.queries import Page

FORMATS = ("table", "json", "jsonl", "csv")
_CELL_CHARS = 160  # a table cell longer than this is cut, with an ellipsis
_WIDE = frozenset({"text", "speaker", "headline", "name", "aliases"})  # wrapped; others cut

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="table (the default on a terminal), json, jsonl (the default otherwise) or csv.",
)


def page_options(command: Callable) -> Callable:
    """``--page`` and ``--per-page``."""
    command = click.option("--per-page", type=int, default=20, show_default=True)(command)
    return click.option("--page", type=int, default=1, show_default=True)(command)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    text = " ".join(str(_plain(value)).split())
    return text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"


def emit(page: Page, fmt: str | None, columns: list[str], what: str) -> None:
    """Print ``page``'s rows; ``columns`` are the fields a table shows, ``what`` names the
    rows ("quotes") in the page line a table ends with."""
    out = sys.stdout
    fmt = fmt or ("table" if out.isatty() else "jsonl")
    rows = [{k: _plain(v) for k, v in dataclasses.asdict(r).items()} for r in page.rows]
    if fmt == "json":
        head = {"page": page.page, "pages": page.pages, "per_page": page.per_page}
        json.dump({**head, "total": page.total, what: rows}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = [f.name for f in dataclasses.fields(page.rows[0])] if page.rows else columns
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
    else:
        table = Table(header_style="bold", expand=True)
        for name in columns:
            wide = name in _WIDE
            table.add_column(
                name.replace("_", " "),
                ratio=4 if wide else 1,
                no_wrap=not wide,
                min_width=None if wide else len(name),
            )
        for row in rows:
            table.add_row(*(_cell(row[c]) for c in columns))
        console = Console(file=sys.stdout, highlight=False, markup=False, emoji=False)
        console.print(table)
        console.print(f"page {page.page} of {page.pages} ({page.total} {what})")
