"""Full-text matching over quote content, claim text and articles (headline and text), the
same call on both databases.

SQLite searches the FTS5 tables ``quotes_fts``, ``claims_fts`` and ``articles_fts``
(porter-stemmed, kept in step with their tables by triggers); PostgreSQL the GIN indexes
over ``to_tsvector('english', ...)``. Migrations 0001 (quotes, claims) and 0002 (articles)
create them.
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

Searched = type[tables.Quote] | type[tables.Claim] | type[tables.Article]
# The SQL expression of the searched words, by model (PostgreSQL's GIN indexes are over
# exactly these: migrations 0001 and 0002).
SEARCHED: dict[type, str] = {
    tables.Quote: "content_text",
    tables.Claim: "text",
    tables.Article: "coalesce(headline, '') || ' ' || text",
}
_WORD = re.compile(r"\w+")


def _key(model: Searched) -> ColumnElement[int]:
    """The column the full-text rows are keyed by: the row id, an article's its article_id."""
    return tables.Article.article_id if model is tables.Article else model.id


def search(bind: Connection | Engine, model: Searched, words: str) -> Subquery:
    """``model``'s rows whose text holds every word of ``words`` (stemmed): columns ``id``
    and ``rank`` (lower ranks first: SQLite's bm25, PostgreSQL's ts_rank negated)."""
    terms = _WORD.findall(words)
    if not terms:
        raise InputError(f"{words!r} has no words to search for: give words or leave it out")
    if bind.dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'english'"), literal_column(SEARCHED[model]))
        query = func.plainto_tsquery(literal_column("'english'"), " ".join(terms))
        found = select(_key(model).label("id"), (-func.ts_rank(vector, query)).label("rank"))
        return found.where(vector.op("@@")(query)).subquery()
    fts = f"{model.__tablename__}_fts"
    phrase = " ".join(f'"{t}"' for t in terms)  # each word a phrase: no FTS5 syntax from users
    found = select(
        literal_column("rowid").label("id"), literal_column(f"bm25({fts})").label("rank")
    )
    return (
        found.select_from(text(fts)).where(text(f"{fts} MATCH :q").bindparams(q=phrase)).subquery()
    )


def matches(conn: Connection, model: Searched, words: str) -> ColumnElement[bool]:
    """A condition on ``model``'s rows: its text holds every word of ``words`` (stemmed)."""
    return _key(model).in_(select(search(conn, model, words).c.id))
