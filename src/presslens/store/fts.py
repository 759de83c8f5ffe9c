"""Full-text matching over quote content, claim text and articles (headline and text), the
same call on both databases.

SQLite searches the FTS5 tables ``quotes_fts``, ``claims_fts`` and ``articles_fts``
(porter-stemmed, kept in step with their tables by triggers); PostgreSQL the GIN indexes
over ``to_tsvector('english', ...)``. Migrations 0001 (quotes, claims) and 0002 (articles)
create them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Subquery,
    bindparam,
    func,
    literal_column,
    select,
    text,
)

from presslens.errors import InputError
from presslens.store import tables

Searched = type[tables.Quote] | type[tables.Claim] | type[tables.Article]


@dataclass(frozen=True)
class Field:
    """A searched field: its FTS5 column filter (SQLite) and, for PostgreSQL, the indexed
    expression and its text-search configuration (migrations 0001 and 0002 index exactly
    these), or the stored ``tsvector`` column that holds them (``stored``, migration 0006)."""

    columns: str
    expression: str
    config: str
    stored: str | None = None


FIELDS: dict[tuple[type, str], Field] = {
    (tables.Quote, "text"): Field("content_text", "content_text", "english"),
    (tables.Quote, "speaker"): Field(
        "speaker_name", "coalesce(speaker_name, '')", "simple", stored="speaker_fts"
    ),
    (tables.Claim, "text"): Field("text", "text", "english"),
    (tables.Article, "text"): Field(
        "{headline text}", "coalesce(headline, '') || ' ' || text", "english"
    ),
}
_WORD = re.compile(r"\w+")


def _key(model: Searched) -> ColumnElement[int]:
    """The column the full-text rows are keyed by: the row id, an article's its article_id."""
    return tables.Article.article_id if model is tables.Article else model.id


def _terms(field: str, words: str) -> list[str]:
    terms = _WORD.findall(words)
    if not terms:
        raise InputError(f"{words!r} has no words to search for: give words or leave --{field} out")
    return terms


def _phrases(terms: list[str]) -> str:
    return " ".join(f'"{t}"' for t in terms)


def search(bind: Connection | Engine, model: Searched, **fields: str) -> Subquery:
    """``model``'s rows whose fields hold every word given for them (``text="budget cuts"``,
    ``speaker="Lee"``; stemmed): columns ``id`` and ``rank`` (lower ranks first: SQLite's
    bm25, PostgreSQL's ts_rank of the first field, negated)."""
    wanted = [(FIELDS[(model, name)], _terms(name, words)) for name, words in fields.items()]
    if bind.dialect.name == "postgresql":
        conditions, ranks = [], []
        for f, terms in wanted:
            config = literal_column(f"'{f.config}'")
            vector = (
                literal_column(f.stored)
                if f.stored
                else func.to_tsvector(config, literal_column(f.expression))
            )
            query = func.plainto_tsquery(config, " ".join(terms))
            conditions.append(vector.op("@@")(query))
            ranks.append(-func.ts_rank(vector, query))
        found = select(_key(model).label("id"), ranks[0].label("rank"))
        return found.where(*conditions).subquery()
    fts = f"{model.__tablename__}_fts"
    # each word a quoted phrase under its column filter: no FTS5 syntax reaches SQLite
    match = " AND ".join(f"{f.columns} : ({_phrases(terms)})" for f, terms in wanted)
    found = select(
        literal_column("rowid").label("id"), literal_column(f"bm25({fts})").label("rank")
    )
    where = text(f"{fts} MATCH :match").bindparams(bindparam("match", match, unique=True))
    return found.select_from(text(fts)).where(where).subquery()


def matches(conn: Connection, model: Searched, words: str) -> ColumnElement[bool]:
    """A condition on ``model``'s rows: its text holds every word of ``words`` (stemmed)."""
    return _key(model).in_(select(search(conn, model, text=words).c.id))
