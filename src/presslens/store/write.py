"""Write to the store, one article per transaction: its row and all its analysis's rows
together, or a failure. A crash at any moment leaves each article whole or absent."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import Connection, Engine, delete, insert, select, update

from presslens.errors import PresslensError
from presslens.io.article import Article
from presslens.schema import Analysis
from presslens.store import tables
from presslens.store.corpus_entities import link, unlink
from presslens.store.rows import analysis_rows

ANALYSED, FAILED = "analysed", "failed"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def host(url: str | None) -> str | None:
    """The host of a URL without ``www.``: the outlet when nothing else names it."""
    name = urlsplit(url).hostname if url else None
    return name.removeprefix("www.") if name else None


@dataclass(frozen=True)
class Pending:
    """An article read and about to be analysed, with what identifies it in the store."""

    name: str
    article: Article
    key: str
    identity: str  # id | url | content
    content_hash: str

    @classmethod
    def of(cls, name: str, article: Article) -> Pending:
        """``article`` (its outlet from its URL's host when it has none) and its key: its
        id when the source gave one, else its URL, else its content hash."""
        article.outlet = article.outlet or host(article.url)
        content_hash = _sha256(article.text)
        if article.id and not article.id_derived:
            return cls(name, article, _sha256(f"id\0{article.id}"), "id", content_hash)
        if article.url:
            return cls(name, article, _sha256(f"url\0{article.url}"), "url", content_hash)
        return cls(name, article, content_hash, "content", content_hash)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _article_row(p: Pending, version: str, analysis: Analysis | None, error: str | None) -> dict:
    art = p.article
    check = analysis.headline_check if analysis else None
    return {
        "key": p.key,
        "identity": p.identity,
        "source_id": art.id,
        "input": p.name,
        "url": art.url,
        "outlet": art.outlet,
        "published": art.published,
        # the headline the source gave, else the one presslens found at the top of the text
        "headline": art.headline
        or (analysis.headline.text if analysis and analysis.headline else None),
        "text": art.text,
        "content_hash": p.content_hash,
        "analysis_version": version,
        "status": FAILED if error else ANALYSED,
        "error": error,
        "headline_verdict": check.verdict if check else None,
        "headline_stance": check.stance if check else None,
        "ingested_at": _now(),
    }


def save(
    engine: Engine,
    pending: Pending,
    result: Analysis | PresslensError,
    *,
    version: str,
    replaces: int | None = None,
) -> int:
    """Store an article with its analysis (or its failure) in one transaction; its id.

    ``replaces`` is the id of the article's earlier row (a re-analysis): its rows are
    replaced and it keeps its id. Its people and organisations are linked to corpus entities
    in the same transaction (``store.corpus_entities``), the earlier rows' links taken back first.
    """
    analysis = result if isinstance(result, Analysis) else None
    error = None if analysis else str(result)
    row = _article_row(pending, version, analysis, error)
    with engine.begin() as conn:
        if replaces is None:
            article_id = conn.execute(
                insert(tables.Article).returning(tables.Article.article_id), row
            ).scalar_one()
        else:
            article_id = replaces
            unlink(conn, article_id)
            for table in tables.ARTICLE_ROWS:
                conn.execute(delete(table).where(table.article_id == article_id))
            conn.execute(update(tables.Article).where(tables.Article.article_id == article_id), row)
        if analysis is not None:
            for table, rows in analysis_rows(article_id, analysis).items():
                if rows:
                    conn.execute(insert(table), rows)
            link(conn, article_id)
            conn.execute(delete(tables.Failure).where(tables.Failure.input == pending.name))
        else:
            _record(conn, pending.name, error or "", pending.article.id, article_id)
    return article_id


def record_failure(engine: Engine, name: str, error: PresslensError) -> None:
    """Record that the input ``name`` could not be read (once: a rerun updates the reason)."""
    with engine.begin() as conn:
        _record(conn, name, str(error), getattr(error, "article_id", None), None)


def _record(
    conn: Connection, name: str, reason: str, source_id: str | None, article_id: int | None
) -> None:
    row = {"source_id": source_id, "reason": reason, "article_id": article_id, "failed_at": _now()}
    found = conn.execute(
        select(tables.Failure.failure_id).where(tables.Failure.input == name)
    ).scalar()
    if found is None:
        conn.execute(insert(tables.Failure), {"input": name, **row})
    else:
        conn.execute(update(tables.Failure).where(tables.Failure.failure_id == found), row)
