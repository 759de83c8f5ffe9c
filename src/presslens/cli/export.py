"""``presslens export``: the store as tidy tables, one file per table."""

from __future__ import annotations

from pathlib import Path

import click

from presslens.cli.options import db_option
from presslens.store.db import open_store
from presslens.store.export import FORMATS, export


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="parquet", show_default=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder the files go in (created if missing).",
)
def export_command(db: str, fmt: str, out: Path) -> None:
    """Write the store's tables for pandas, DuckDB or Spark: articles, entities (the corpus
    entities), mentions, quotes, claims, claim_kinds, events, participants, times, framing,
    each as OUT/<table>.<format>."""
    counts = export(open_store(db, read_only=True), out, fmt)
    for table, rows in counts.items():
        click.echo(f"{out / f'{table}.{fmt}'}\t{rows} rows")
