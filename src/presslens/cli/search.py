"""``presslens search quotes`` and ``presslens search claims``: the store's questions of who
said what (``presslens.store.queries``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import click

from presslens.cli.options import db_option
from presslens.cli.output import emit, format_option, page_options
from presslens.store.db import open_store
from presslens.store.queries import QUOTE_KINDS, Filters, search_claims, search_quotes


def filter_options(command: Callable) -> Callable:
    """``--outlet``, ``--since`` and ``--until``."""
    date = click.DateTime(formats=["%Y-%m-%d"])
    command = click.option("--until", type=date, help="Up to this day (YYYY-MM-DD).")(command)
    command = click.option("--since", type=date, help="From this day (YYYY-MM-DD).")(command)
    return click.option("--outlet", help="Only this outlet (as presslens entities lists it).")(
        command
    )


def filters_of(
    outlet: str | None, since: dt.datetime | None, until: dt.datetime | None, page: int, per: int
) -> Filters:
    return Filters(
        outlet=outlet,
        since=since.date() if since else None,
        until=until.date() if until else None,
        page=page,
        per_page=per,
    )


@click.group("search")
def search_group() -> None:
    """Search the corpus store: search quotes, search claims."""


@search_group.command("quotes")
@db_option
@click.option("--speaker", metavar="NAME", help="Said by someone whose name holds these words.")
@click.option("--text", metavar="WORDS", help="The quote holds these words (stemmed, ranked).")
@click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Only quotes of this kind.")
@filter_options
@page_options
@format_option
def quotes_command(
    db: str,
    speaker: str | None,
    text: str | None,
    kind: str | None,
    outlet: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    page: int,
    per_page: int,
    fmt: str | None,
) -> None:
    """Who said what: quotes with speaker, cue, channel, date, outlet and article."""
    found = search_quotes(
        open_store(db, create=False),
        speaker=speaker,
        text=text,
        kind=kind,
        filters=filters_of(outlet, since, until, page, per_page),
    )
    columns = ["date", "outlet", "speaker", "kind", "text", "cue", "channel", "article_id"]
    emit(found, fmt, columns, "quotes")


@search_group.command("claims")
@db_option
@click.option("--text", metavar="WORDS", help="The claim holds these words (stemmed, ranked).")
@click.option("--kind", help="Only claims of this kind (numeric, causal, comparison, ...).")
@click.option("--speaker", metavar="NAME", help="Made in a quote of someone of this name.")
@filter_options
@page_options
@format_option
def claims_command(
    db: str,
    text: str | None,
    kind: str | None,
    speaker: str | None,
    outlet: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    page: int,
    per_page: int,
    fmt: str | None,
) -> None:
    """Check-worthy claims, the most check-worthy first, with who made them and where."""
    found = search_claims(
        open_store(db, create=False),
        text=text,
        kind=kind,
        speaker=speaker,
        filters=filters_of(outlet, since, until, page, per_page),
    )
    columns = ["date", "outlet", "speaker", "checkworthiness", "kinds", "text", "article_id"]
    emit(found, fmt, columns, "claims")
