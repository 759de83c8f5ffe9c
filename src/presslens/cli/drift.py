"""``presslens drift``: the same quote as different articles report it, the changes marked."""

from __future__ import annotations

import datetime as dt

import click
from rich.text import Text

from presslens.cli.options import db_option
from presslens.cli.output import console, emit, format_option
from presslens.cli.search import question_options
from presslens.corpus.drift import Drift
from presslens.store.db import open_store
from presslens.store.queries import Filters, Page, quote_drift

_STYLES = {"dropped": "red strike", "added": "green", "changed": "yellow"}


def _where(article_id: int, outlet: str | None, date: dt.date | None) -> str:
    return f"{date.isoformat() if date else 'undated'}  {outlet or 'unknown outlet'}  #{article_id}"


def _flat(group: Drift) -> list[dict]:
    """One CSV line per flag (a version without flags: one line with an empty kind)."""
    ref = group.reference
    lines = []
    for aligned in group.versions:
        v = aligned.version
        base = {
            "speaker": group.speaker,
            "reference_article_id": ref.article_id,
            "reference_outlet": ref.outlet,
            "reference_date": ref.date,
            "reference_text": ref.text,
            "article_id": v.article_id,
            "outlet": v.outlet,
            "date": v.date,
            "text": v.text,
            "similarity": aligned.similarity,
        }
        flags = aligned.flags or [None]
        for f in flags:
            lines.append(
                {
                    **base,
                    "flag": f.kind if f else "",
                    "detail": f.detail if f else "",
                    "reference_start": f.reference_span[0] if f else "",
                    "reference_end": f.reference_span[1] if f else "",
                    "start": f.version_span[0] if f else "",
                    "end": f.version_span[1] if f else "",
                }
            )
    return lines


def _print(page: Page[Drift]) -> None:
    out = console()
    for group in page.rows:
        ref = group.reference
        head = f"{group.speaker}: {len(group.versions) + 1} versions, {group.flag_count} flags"
        out.print(Text(head, style="bold"))
        out.print(Text(f"  reference  {_where(ref.article_id, ref.outlet, ref.date)}"))
        out.print(Text(f"    {ref.text}"))
        for aligned in group.versions:
            v = aligned.version
            where = _where(v.article_id, v.outlet, v.date)
            out.print(Text(f"  version    {where}  similarity {aligned.similarity:.2f}"))
            out.print(Text(f"    {v.text}"))
            for c in aligned.changes:
                line = Text(f"      {c.op}: ")
                line.append(c.reference_words or "-", style=_STYLES[c.op])
                if c.op == "changed":
                    line.append(" -> ")
                    line.append(c.version_words, style="green")
                elif c.op == "added":
                    line = Text(f"      {c.op}: ").append(c.version_words, style="green")
                out.print(line)
            for f in aligned.flags:
                out.print(Text(f"      ! {f.kind}: {f.detail}", style="bold red"))
        out.print()
    out.print(f"page {page.page} of {page.pages} ({page.total} quotes reported differently)")


@click.command("drift")
@db_option
@click.option("--speaker", metavar="NAME", help="Quotes of someone whose name holds these words.")
@click.option("--text", metavar="WORDS", help="Quotes holding these words (stemmed).")
@question_options()
@format_option
def drift_command(
    db: str,
    speaker: str | None,
    text: str | None,
    filters: Filters,
    fmt: str | None,
) -> None:
    """The same quote as different articles report it, aligned word by word: changed, added
    and dropped words; dropped hedges, truncations, changed numbers, flipped meaning."""
    found = quote_drift(
        open_store(db, read_only=True),
        speaker=speaker,
        text=text,
        filters=filters,
    )
    emit(found, fmt, [], "groups", flat=_flat, table=_print)
