"""``presslens search quotes`` and ``presslens search claims``: the store's questions of who
said what (``presslens.store.queries``)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import click

from presslens.cli.options import db_option
from presslens.cli.output import emit, format_option
from presslens.store.db import open_store
from presslens.store.queries import QUOTE_KINDS, Filters, search_claims, search_quotes


def question_options(*, paged: bool = True) -> Callable:
    """``--outlet``, ``--since``, ``--until`` (and ``--page``, ``--per-page`` when ``paged``),
    given to the command as one ``filters: Filters``."""
    date = click.DateTime(formats=["%Y-%m-%d"])
    options = [
        click.option("--outlet", help="Only this outlet (as presslens entities lists it)."),
        click.option("--since", type=date, help="From this day (YYYY-MM-DD)."),
        click.option("--until", type=date, help="Up to this day (YYYY-MM-DD)."),
    ]
    if paged:
        options += [
            click.option("--page", type=int, default=1, show_default=True),
            click.option("--per-page", type=int, default=20, show_default=True),
        ]

    def decorate(command: Callable) -> Callable:
        @functools.wraps(command)
        def run(
            *args: Any,
            outlet: str | None,
            since: dt.datetime | None,
            until: dt.datetime | None,
            page: int = 1,
            per_page: int = 20,
            **kwargs: Any,
        ) -> Any:
            filters = Filters(
                outlet=outlet,
                since=since.date() if since else None,
                until=until.date() if until else None,
                page=page,
                per_page=per_page,
            )
            return command(*args, filters=filters, **kwargs)

        for option in reversed(options):
            run = option(run)
        return run

    return decorate


@click.group("search")
def search_group() -> None:
    """Search the corpus store: search quotes, search claims."""


@search_group.command("quotes")
@db_option
@click.option("--speaker", metavar="NAME", help="Said by someone whose name holds these words.")
@click.option("--text", metavar="WORDS", help="The quote holds these words (stemmed, ranked).")
@click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Only quotes of this kind.")
@question_options()
@format_option
def quotes_command(
    db: str,
    speaker: str | None,
    text: str | None,
    kind: str | None,
    filters: Filters,
    fmt: str | None,
) -> None:
    """Who said what: quotes with speaker, cue, channel, date, outlet and article."""
    found = search_quotes(
        open_store(db, read_only=True),
        speaker=speaker,
        text=text,
        kind=kind,
        filters=filters,
    )
    columns = ["date", "outlet", "speaker", "kind", "text", "cue", "channel", "article_id"]
    emit(found, fmt, columns, "quotes")


@search_group.command("claims")
@db_option
@click.option("--text", metavar="WORDS", help="The claim holds these words (stemmed, ranked).")
@click.option("--kind", help="Only claims of this kind (numeric, causal, comparison, ...).")
@click.option("--speaker", metavar="NAME", help="Made in a quote of someone of this name.")
@question_options()
@format_option
def claims_command(
    db: str,
    text: str | None,
    kind: str | None,
    speaker: str | None,
    filters: Filters,
    fmt: str | None,
) -> None:
    """Check-worthy claims, the most check-worthy first, with who made them and where."""
    found = search_claims(
        open_store(db, read_only=True),
        text=text,
        kind=kind,
        speaker=speaker,
        filters=filters,
    )
    columns = ["date", "outlet", "speaker", "checkworthiness", "kinds", "text", "article_id"]
    emit(found, fmt, columns, "claims")
