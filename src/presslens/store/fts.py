"""Full-text matching over quote content and claim text, the same call on both databases.

SQLite searches the FTS5 tables ``quotes_fts`` and ``claims_fts`` (porter-stemmed, kept in
step with their tables by triggers); PostgreSQL the GIN indexes over
``to_tsvector('english', ...)``. Both are created by the first migration.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, func, literal_column, select, text

from presslens.store import tables

# (table, searched column) by the model whose text is searched.
SEARCHED = {tables.Quote: "content_text", tables.Claim: "text"}
_WORD = re.compile(r"\w+")


def matches(
    conn: Connection, model: type[tables.Quote] | type[tables.Claim], words: str
) -> ColumnElement[bool]:
    """A condition on ``model``'s rows: its text holds every word of ``words`` (stemmed)."""
    column = SEARCHED[model]
    terms = _WORD.findall(words)
    if conn.dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'english'"), getattr(model, column))
        return vector.op("@@")(func.plainto_tsquery(literal_column("'english'"), " ".join(terms)))
    fts = f"{model.__tablename__}_fts"
    query = " ".join(f'"{t}"' for t in terms)  # each word a phrase: no FTS5 syntax from users
    ids = select(literal_column("rowid")).select_from(text(fts)).where(text(f"{fts} MATCH :q"))
    return model.id.in_(ids.params(q=query))
