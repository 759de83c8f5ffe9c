"""``presslens export``: the store as tidy tables for pandas, DuckDB and Spark, one file per
table (``<table>.parquet|csv|jsonl``), streamed in batches so a large store never sits in
memory. ``entity_id`` is always the corpus entity (null where the linker left an article's
entity unlinked); the columns are documented in docs/CONTRACT.md."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import JSON, Boolean, Date, Engine, Float, Integer, Select, and_, select
from sqlalchemy.sql.elements import ColumnElement

from presslens.errors import InputError
from presslens.schema import json_value
from presslens.store import tables
from presslens.store.db import store_errors
from presslens.store.entity_index import corpus_entity_of

FORMATS = ("parquet", "csv", "jsonl")
BATCH = 10_000

_A, _E, _M, _Q, _C = (
    tables.Article,
    tables.ArticleEntity,
    tables.Mention,
    tables.Quote,
    tables.Claim,
)


def queries() -> dict[str, Select]:
    """The tables exported, each a query whose labelled columns are the file's columns."""
    c, p, ev, t, f, k = (
        tables.CorpusEntity,
        tables.Participant,
        tables.Event,
        tables.Time,
        tables.Framing,
        tables.ClaimKind,
    )
    return {
        "articles": select(
            _A.article_id,
            _A.source_id,
            _A.url,
            _A.outlet,
            _A.published,
            _A.headline,
            _A.content_hash,
            _A.analysis_version,
            _A.status,
            _A.error,
        ).order_by(_A.article_id),
        "entities": select(
            c.corpus_entity_id.label("entity_id"),
            c.name,
            c.type,
            c.aliases,
            c.article_count,
            c.mention_count,
        ).order_by(c.corpus_entity_id),
        "mentions": select(
            _M.article_id, _E.corpus_entity_id.label("entity_id"), _M.start, _M.end, _M.text
        )
        .join(_E, and_(_E.article_id == _M.article_id, _E.entity == _M.entity))
        .order_by(_M.article_id, _M.mention_no),
        "quotes": select(
            _Q.article_id,
            _Q.quote_id,
            _Q.kind,
            _Q.content_text,
            _Q.speaker_corpus_entity_id.label("speaker_entity_id"),
            _Q.speaker_text,
            _Q.cue_text,
            _Q.channel,
            _Q.date,
        ).order_by(_Q.article_id, _Q.id),
        "claims": select(
            _C.article_id,
            _C.claim_id,
            _C.start,
            _C.end,
            _C.text,
            _C.checkworthiness,
            _C.quote_id,
        ).order_by(_C.article_id, _C.id),
        "claim_kinds": select(k.article_id, k.claim_id, k.kind).order_by(
            k.article_id, k.claim_id, k.kind
        ),
        "events": select(
            ev.article_id,
            ev.event_id,
            ev.type,
            ev.trigger_start,
            ev.trigger_end,
            ev.trigger_text,
            ev.date,
            ev.negated,
            ev.quote_id,
        ).order_by(ev.article_id, ev.event_id),
        "participants": select(
            p.article_id,
            p.event_id,
            p.role,
            corpus_entity_of(p.article_id, p.entity).label("entity_id"),
            p.start,
            p.end,
            p.text,
        ).order_by(p.article_id, p.event_id, p.participant_no),
        "times": select(t.article_id, t.start, t.end, t.text, t.type, t.value, t.anchor).order_by(
            t.article_id, t.time_no
        ),
        "framing": select(
            f.article_id, f.start, f.end, f.text, f.category, f.voice, f.quote_id, f.score
        ).order_by(f.article_id, f.framing_no),
    }


def _arrow_type(column: ColumnElement):
    import pyarrow as pa

    kind = column.type
    if isinstance(kind, JSON):
        return pa.list_(pa.string())
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Date):
        return pa.date32()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, Integer):
        return pa.int64()
    return pa.string()


def _batches(engine: Engine, query: Select) -> Iterator[list[tuple]]:
    with store_errors(engine), engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
        for part in result.partitions(BATCH):
            yield [tuple(row) for row in part]


def _write(engine: Engine, query: Select, path: Path, fmt: str) -> int:
    """Write one table; its row count."""
    names = [col.name for col in query.selected_columns]
    rows = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema(
            [
                (name, _arrow_type(col))
                for name, col in zip(names, query.selected_columns, strict=True)
            ]
        )
        with pq.ParquetWriter(path, schema) as writer:
            for batch in _batches(engine, query):
                columns = list(zip(*batch, strict=True)) if batch else [[] for _ in names]
                writer.write_table(
                    pa.Table.from_arrays(
                        [
                            pa.array(list(c), type=schema.field(i).type)
                            for i, c in enumerate(columns)
                        ],
                        schema=schema,
                    )
                )
                rows += len(batch)
        return rows
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
        if writer:
            writer.writerow(names)
        for batch in _batches(engine, query):
            for row in batch:
                if writer:
                    writer.writerow(["; ".join(v) if isinstance(v, list) else v for v in row])
                else:
                    record = dict(zip(names, row, strict=True))
                    out.write(json.dumps(record, ensure_ascii=False, default=json_value) + "\n")
            rows += len(batch)
    return rows


def export(engine: Engine, out: Path, fmt: str) -> dict[str, int]:
    """Write every table of ``queries()`` into the folder ``out``; rows per table."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError(
                "writing Parquet needs pyarrow: pip install pyarrow==26.0.1 (make install does)"
            ) from None
    out.mkdir(parents=True, exist_ok=True)
    return {name: _write(engine, q, out / f"{name}.{fmt}", fmt) for name, q in queries().items()}
