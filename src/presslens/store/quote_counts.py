"""How many quotes each corpus entity is the speaker of, by outlet (``corpus_entity_outlets``),
kept as articles are linked and unlinked, so the entity list and a person's page read their
counts instead of counting a popular speaker's every quote."""

from __future__ import annotations

from sqlalchemy import Connection, Select, and_, delete, func, insert, literal, select, update

from presslens.store import tables

_Q, _E, _A, _O = tables.Quote, tables.ArticleEntity, tables.Article, tables.CorpusEntityOutlet


def _spoken(article_id: int | None = None) -> Select:
    """(corpus entity, outlet, quotes) over one article's quotes, or the whole store's."""
    outlet = func.coalesce(_A.outlet, literal(""))
    stmt = (
        select(_E.corpus_entity_id, outlet, func.count())
        .select_from(_Q)
        .join(_E, and_(_E.article_id == _Q.article_id, _E.entity == _Q.speaker_entity))
        .join(_A, _A.article_id == _Q.article_id)
        .where(_E.corpus_entity_id.is_not(None))
        .group_by(_E.corpus_entity_id, outlet)
    )
    return stmt if article_id is None else stmt.where(_Q.article_id == article_id)


def count_quotes(conn: Connection, article_id: int, sign: int) -> None:
    """Add (``sign`` 1, once the article is linked) or take back (-1, before it is unlinked)
    the article's quotes in the counts of their speakers' corpus entities."""
    for entity_id, outlet, n in conn.execute(_spoken(article_id)).all():
        key = and_(_O.corpus_entity_id == entity_id, _O.outlet == outlet)
        done = conn.execute(update(_O).where(key).values(quotes=_O.quotes + sign * n))
        if done.rowcount == 0 and sign > 0:
            conn.execute(insert(_O).values(corpus_entity_id=entity_id, outlet=outlet, quotes=n))
    if sign < 0:
        conn.execute(delete(_O).where(_O.quotes <= 0))


def recount(conn: Connection) -> None:
    """Every count again from the stored quotes (after a relink)."""
    conn.execute(delete(_O))
    conn.execute(insert(_O).from_select(["corpus_entity_id", "outlet", "quotes"], _spoken()))
