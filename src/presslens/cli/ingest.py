"""``presslens ingest`` (articles into the corpus store) and ``presslens failures``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from sqlalchemy import select

from presslens.cli.errors import CommandError
from presslens.cli.options import db_option, embeddings_option, max_bytes_option, model_option
from presslens.errors import PresslensError
from presslens.io.sources import SUFFIXES, count, read_sources
from presslens.settings import Settings
from presslens.store import tables
from presslens.store.db import open_store, store_errors
from presslens.store.ingest import FAILED, Report
from presslens.store.ingest import ingest as ingest_items


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option(
    "--reanalyze",
    is_flag=True,
    help="Analyse again stored articles analysed by another version, model or settings, "
    "or whose text changed.",
)
@model_option("Any installed spaCy pipeline.")
@max_bytes_option
@embeddings_option
def ingest(
    paths: tuple[str, ...],
    db: str,
    quiet: bool,
    reanalyze: bool,
    model: str,
    max_bytes: int,
    embeddings: bool,
) -> None:
    """Analyse articles into the corpus store: files, folders, .jsonl, .warc(.gz), - (JSONL).

    An article already stored is skipped, so a rerun (after a crash too) only adds what is
    missing; failures are recorded (presslens failures) and the rest go on.
    """
    settings = Settings(model=model, embeddings=embeddings, max_bytes=max_bytes, db_url=db)
    engine = open_store(settings.db_url)
    items = read_sources(paths, max_bytes=max_bytes)
    with _progress(paths, quiet) as advance:
        tally = ingest_items(items, engine, settings=settings, reanalyze=reanalyze, report=advance)
    total = tally.ingested + tally.skipped + tally.failed
    if total == 0:
        raise CommandError(
            f"no articles found in {' '.join(paths)}: give files ending in "
            f"{', '.join(SUFFIXES)}, folders holding them, or - for JSONL on stdin"
        )
    if tally.failed == total:
        raise CommandError(f"nothing was ingested: all {total} article(s) failed")
    if not quiet:
        click.echo(
            f"presslens: {tally.ingested} ingested, {tally.skipped} already stored, "
            f"{tally.failed} failed" + (" (presslens failures lists them)" if tally.failed else ""),
            err=True,
        )


class _Rate(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} articles/s")


@contextmanager
def _progress(paths: tuple[str, ...], quiet: bool) -> Iterator[Report]:
    """A ``Report`` that prints each failure and, on a terminal, advances a progress bar."""
    console = Console(stderr=True)
    shown = not quiet and console.is_terminal
    progress = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeRemainingColumn(),
        console=console,
        disable=not shown,
        transient=True,
    )
    task = progress.add_task("ingest", total=count(paths) if shown else None)

    def advance(outcome: str, name: str, error: PresslensError | None) -> None:
        if outcome == FAILED:
            line = f"presslens: {name}: {error}"
            progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        progress.advance(task)

    with progress:
        yield advance


@click.command()
@db_option
def failures(db: str) -> None:
    """List the inputs that could not be ingested, with the reason: INPUT<tab>REASON."""
    engine = open_store(db)
    f = tables.Failure
    with store_errors(engine), engine.connect() as conn:
        for name, reason in conn.execute(select(f.input, f.reason).order_by(f.failure_id)):
            click.echo(f"{name}\t{reason}")
