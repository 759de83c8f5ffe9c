"""``presslens compare QUERY``: how outlets covered one story, side by side."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from presslens.cli.options import db_option
from presslens.cli.output import console, emit, format_option
from presslens.cli.search import question_options
from presslens.corpus.stories import SIMILARITY, WINDOW_DAYS
from presslens.store.compare import Story, compare
from presslens.store.db import open_store
from presslens.store.queries import Filters, Page


def _flat(story: Story) -> list[dict]:
    """One CSV line per outlet of a story."""
    return [
        {
            "story_headline": story.headline,
            "story_first": story.first,
            "story_last": story.last,
            "outlet": view.outlet,
            "articles": [a.article_id for a in view.articles],
            "quoted": [f"{q.speaker} ({q.quotes})" for q in view.quoted],
            "verdicts": [f"{v} ({n})" for v, n in view.verdicts.items()],
            "framing": [f"{f.text} ({f.count})" for f in view.framing],
            "claims": [c.text for c in view.claims],
        }
        for view in story.outlets
    ]


def _print(page: Page[Story]) -> None:
    out = console()
    for story in page.rows:
        when = f"{story.first or 'undated'} to {story.last or 'undated'}"
        head = f"{story.headline or 'untitled'}: {story.articles} articles, {when}"
        out.print(Text(head, style="bold"))
        table = Table(expand=True, header_style="bold", show_lines=True)
        for name, ratio in (("outlet", 1), ("articles", 1), ("quotes", 2), ("verdicts", 1)):
            table.add_column(name, ratio=ratio)
        table.add_column("loaded words, own voice", ratio=2)
        table.add_column("most check-worthy claim", ratio=3)
        for view in story.outlets:
            table.add_row(
                view.outlet or "unknown",
                "\n".join(f"#{a.article_id} {a.date or ''}" for a in view.articles),
                "\n".join(f"{q.speaker} ×{q.quotes}" for q in view.quoted),
                "\n".join(f"{v} ×{n}" for v, n in view.verdicts.items()),
                ", ".join(f.text for f in view.framing),
                view.claims[0].text if view.claims else "",
            )
        out.print(table)
    out.print(f"page {page.page} of {page.pages} ({page.total} stories)")


@click.command("compare")
@click.argument("query")
@db_option
@click.option(
    "--similarity",
    type=click.FloatRange(0, 1),
    default=SIMILARITY,
    show_default=True,
    help="How alike (TF-IDF cosine) two articles must be to tell one story.",
)
@click.option(
    "--window",
    type=click.IntRange(0),
    default=WINDOW_DAYS,
    show_default=True,
    help="Days apart two articles of one story may be published.",
)
@question_options()
@format_option
def compare_command(
    query: str,
    db: str,
    similarity: float,
    window: int,
    filters: Filters,
    fmt: str | None,
) -> None:
    """The articles about one story (QUERY's words, grouped by content and date), and per
    outlet: whom it quotes and how often, headline verdicts, own-voice framing, claims."""
    found = compare(
        open_store(db, read_only=True),
        query,
        similarity=similarity,
        window_days=window,
        filters=filters,
    )
    emit(found, fmt, [], "stories", flat=_flat, table=_print)
