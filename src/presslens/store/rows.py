"""An ``Analysis`` as the rows of the store's tables (``tables.py``), one list per table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from presslens.schema import Analysis, Quote
from presslens.store import tables

Rows = dict[type[tables.Base], list[dict[str, Any]]]

_TIME = {"start", "end", "text", "type", "value", "anchor"}
_FRAMING = {"start", "end", "text", "category", "voice", "score"}


def _date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD string as a date; anything else (none, partial) as None."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def analysis_rows(article_id: int, analysis: Analysis) -> Rows:
    """Every row that ``analysis`` gives, by table, each with ``article_id``."""
    a = {"article_id": article_id}
    names = {e.id: e.name for e in analysis.entities}
    stored = analysis.to_dict()
    del stored["text"]  # the article row holds it
    rows: Rows = {
        tables.Analysis: [{**a, "schema_version": analysis.schema_version, "analysis": stored}],
        tables.ArticleEntity: [
            {
                **a,
                "entity": e.id,
                "name": e.name,
                "type": e.type,
                "title": e.title,
                "aliases": e.aliases,
                "mention_count": len(e.mentions),
            }
            for e in analysis.entities
        ],
        tables.Mention: [
            {**a, "entity": e.id, "start": m.start, "end": m.end, "text": m.text}
            for e in analysis.entities
            for m in e.mentions
        ],
        tables.Quote: [_quote(a, q, names, analysis.source.published) for q in analysis.quotes],
        tables.Claim: [
            {
                **a,
                "claim_id": c.id,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "checkworthiness": c.checkworthiness,
                "quote_id": c.source,
            }
            for c in analysis.claims
        ],
        tables.ClaimKind: [
            {**a, "claim_id": c.id, "kind": kind} for c in analysis.claims for kind in set(c.kinds)
        ],
        tables.Event: [
            {
                **a,
                "event_id": e.id,
                "type": e.type,
                "trigger_start": e.trigger.start,
                "trigger_end": e.trigger.end,
                "trigger_text": e.trigger.text,
                "date": _date(e.date),
                "negated": e.negated,
                "quote_id": e.quote,
            }
            for e in analysis.events
        ],
        tables.Participant: [
            {
                **a,
                "event_id": e.id,
                "participant_no": n,
                "entity": p.entity,
                "role": p.role,
                "start": p.start,
                "end": p.end,
                "text": p.text,
            }
            for e in analysis.events
            for n, p in enumerate(e.participants, 1)
        ],
        tables.Time: [
            {**a, "time_no": n, **t.model_dump(include=_TIME)}
            for n, t in enumerate(analysis.times, 1)
        ],
        tables.Framing: [
            {
                **a,
                "framing_no": n,
                **f.model_dump(include=_FRAMING),
                "quote_id": f.quote,
            }
            for n, f in enumerate(analysis.framing, 1)
        ],
    }
    for n, row in enumerate(rows[tables.Mention], 1):
        row["mention_no"] = n
    return rows


def _quote(
    a: dict[str, int], q: Quote, names: dict[str, str], published: str | None
) -> dict[str, Any]:
    """A quote's row; ``speaker_name`` is its speaker's entity's name (from ``names``, by
    entity id), else the words that name the speaker: what a search by speaker reads;
    ``said_on`` its date, else the article's ``published``: what the questions sort by."""
    speaker, cue = q.speaker, q.cue
    return {
        **a,
        "quote_id": q.id,
        "kind": q.kind,
        "content_start": q.content.start,
        "content_end": q.content.end,
        "content_text": q.content.text,
        "speaker_entity": speaker.entity if speaker else None,
        "speaker_start": speaker.start if speaker else None,
        "speaker_end": speaker.end if speaker else None,
        "speaker_text": speaker.text if speaker else None,
        "speaker_name": (names.get(speaker.entity or "") or speaker.text) if speaker else None,
        "speaker_anonymous": speaker.anonymous if speaker else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "cue_text": cue.text if cue else None,
        "channel": q.channel,
        "date": _date(q.date),
        "said_on": _date(q.date) or _date(published),
        "embedded_in": q.embedded_in,
        "confidence": q.confidence,
    }


def stored_analysis(article_text: str, stored: dict[str, Any]) -> Analysis:
    """The ``Analysis`` back from its stored JSON and its article's text."""
    return Analysis.model_validate({**stored, "text": article_text})
