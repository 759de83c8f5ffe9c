"""``presslens entities`` (the most quoted people and organisations) and ``presslens
timeline ENTITY`` (what one of them said and did, by date)."""

from __future__ import annotations

import dataclasses
import json
import sys

import click
from rich.text import Text

from presslens.cli.options import db_option
from presslens.cli.output import console, emit, format_option
from presslens.cli.search import question_options
from presslens.schema import json_value
from presslens.store.db import open_store
from presslens.store.people import ENTITY_TYPES, SORTS, list_entities, timeline
from presslens.store.queries import Filters


@click.command("entities")
@db_option
@click.option(
    "--type", "kind", type=click.Choice(ENTITY_TYPES), help="Only people or only organisations."
)
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="articles",
    show_default=True,
    help="Named in the most articles first, or the most quoted first.",
)
@question_options()
@format_option
def entities_command(
    db: str,
    kind: str | None,
    sort: str,
    filters: Filters,
    fmt: str | None,
) -> None:
    """The people and organisations of the corpus, with their quotes by outlet."""
    found = list_entities(
        open_store(db, read_only=True),
        type=kind,
        sort=sort,
        filters=filters,
    )
    columns = ["entity_id", "name", "type", "articles", "quotes", "outlets", "aliases"]
    emit(found, fmt, columns, "entities", flat=_flat_entity)


def _flat_entity(row) -> list[dict]:
    line = dataclasses.asdict(row)
    line["outlets"] = [f"{o} ({n})" for o, n in row.outlets.items()]
    return [line]


@click.command("timeline")
@click.argument("entity")
@db_option
@question_options()
@format_option
def timeline_command(
    entity: str,
    db: str,
    filters: Filters,
    fmt: str | None,
) -> None:
    """What a person or organisation (a name, or #ID from presslens entities) said and did,
    newest first: quotes and events as actor or target, each dated and with its source."""
    found = timeline(
        open_store(db, read_only=True),
        entity,
        filters=filters,
    )
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "json":
        whole = found.to_dict()
        sys.stdout.write(json.dumps(whole, ensure_ascii=False, indent=2, default=json_value) + "\n")
        return
    if fmt == "table":
        who = found.entity
        out = console()
        out.print(
            Text(
                f"{who.name} (#{who.entity_id}, {who.type}): {who.articles} articles, "
                f"{who.quotes} quotes",
                style="bold",
            )
        )
        if found.others:
            also = ", ".join(f"{o.name} (#{o.entity_id})" for o in found.others)
            out.print(Text(f"the name also fits: {also}"))
    columns = ["date", "kind", "role", "detail", "text", "outlet", "article_id"]
    emit(found.items, fmt, columns, "items")
