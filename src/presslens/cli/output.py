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

from presslens.schema import json_value
from presslens.store.queries import Page

FORMATS = ("table", "json", "jsonl", "csv")
_CELL_CHARS = 160  # a table cell longer than this is cut, with an ellipsis
_WIDE = frozenset(
    {"text", "speaker", "headline", "name", "aliases", "outlets"}
)  # wrapped; others cut

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="table (the default on a terminal), json, jsonl (the default otherwise) or csv.",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = _joined(value)
    text = " ".join(str(text.isoformat() if isinstance(text, dt.date) else text).split())
    return text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"


def _joined(value: Any) -> Any:
    """A list or a count by name as one cell: "a; b", "Outlet A (3); Outlet B (1)"."""
    if isinstance(value, dict):
        return "; ".join(f"{k} ({v})" for k, v in value.items())
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def console() -> Console:
    """Where a table prints: stdout, article text printed as text (no markup, no emoji)."""
    return Console(file=sys.stdout, highlight=False, markup=False, emoji=False)


def _table(page: Page, columns: list[str], what: str) -> None:
    table = Table(header_style="bold", expand=True)
    for name in columns:
        wide = name in _WIDE
        table.add_column(
            name.replace("_", " "),
            ratio=4 if wide else 1,
            no_wrap=not wide,
            min_width=None if wide else len(name),
        )
    for row in page.rows:
        table.add_row(*(_cell(getattr(row, c)) for c in columns))
    out = console()
    out.print(table)
    plus = " and more" if page.more else ""
    out.print(f"page {page.page} of {page.pages}{plus} ({page.total}{plus} {what})")


def emit(
    page: Page,
    fmt: str | None,
    columns: list[str],
    what: str,
    *,
    flat: Callable[[Any], list[dict]] | None = None,
    table: Callable[[Page], None] | None = None,
) -> None:
    """Print ``page``'s rows; ``columns`` are the fields a table shows, ``what`` names the
    rows ("quotes") in JSON and in the page line a table ends with. Rows holding rows (a
    drift group) bring ``flat``, the CSV lines of one row, and ``table``, their printer."""
    out = sys.stdout
    fmt = fmt or ("table" if out.isatty() else "jsonl")
    if fmt in ("json", "jsonl"):
        whole = page.to_dict(what)
        if fmt == "json":
            out.write(json.dumps(whole, ensure_ascii=False, indent=2, default=json_value) + "\n")
        for row in whole[what] if fmt == "jsonl" else ():
            out.write(json.dumps(row, ensure_ascii=False, default=json_value) + "\n")
    elif fmt == "csv":
        lines = [line for r in page.rows for line in (flat(r) if flat else [dataclasses.asdict(r)])]
        fields = list(lines[0]) if lines else columns
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for line in lines:
            writer.writerow({k: _joined(v) for k, v in line.items()})
    elif table is not None:
        table(page)
    else:
        _table(page, columns, what)
