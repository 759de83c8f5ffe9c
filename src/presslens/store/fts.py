"""Full-text matching over quote content and claim text, the same call on both databases.

SQLite searches the FTS5 tables ``quotes_fts`` and ``claims_fts`` (porter-stemmed, kept in
step with their tables by triggers); PostgreSQL the GIN indexes over
``to_tsvector('english', ...)``. Both are created by the first migration.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Subquery,
    func,
    literal_column,
    select,
    text,
)

from presslens.errors import InputError
from presslens.store import tables

# (table, searched column) by the model whose text is searched.
SEARCHED = {tables.Quote: "content_text", tables.Claim: "text"}
_WORD = re.compile(r"\w+")


def search(
    bind: Connection | Engine, model: type[tables.Quote] | type[tables.Claim], words: str
) -> Subquery:
    """``model``'s rows whose text holds every word of ``words`` (stemmed): columns ``id``
    and ``rank`` (lower ranks first: SQLite's bm25, PostgreSQL's ts_rank negated)."""
    column = SEARCHED[model]
    terms = _WORD.findall(words)
    if not terms:
        raise InputError(f"{words!r} has no words to search for: give words or leave it out")
    if bind.dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'english'"), getattr(model, column))
        query = func.plainto_tsquery(literal_column("'english'"), " ".join(terms))
        found = select(model.id.label("id"), (-func.ts_rank(vector, query)).label("rank"))
        return found.where(vector.op("@@")(query)).subquery()
    fts = f"{model.__tablename__}_fts"
    phrase = " ".join(f'"{t}"' for t in terms)  # each word a phrase: no FTS5 syntax from users
    found = select(
        literal_column("rowid").label("id"), literal_column(f"bm25({fts})").label("rank")
    )
    return (
        found.select_from(text(fts)).where(text(f"{fts} MATCH :q").bindparams(q=phrase)).subquery()
    )


def matches(
    conn: Connection, model: type[tables.Quote] | type[tables.Claim], words: str
) -> ColumnElement[bool]:
    """A condition on ``model``'s rows: its text holds every word of ``words`` (stemmed)."""
    return model.id.in_(select(search(conn, model, words).c.id))
