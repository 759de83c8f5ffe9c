"""What the corpus questions read per corpus entity, kept as articles are linked and
unlinked: how many quotes it is the speaker of, by outlet (``corpus_entity_outlets``), and
the events it is the actor or target of, by day (``corpus_entity_events``), so that the
entity list and a person's timeline read an index instead of every article of a popular
person."""

from __future__ import annotations

from sqlalchemy import (
    Connection,
    Select,
    and_,
    delete,
    false,
    func,
    insert,
    literal,
    select,
    update,
)

from presslens.store import tables

_Q, _E, _A, _O = tables.Quote, tables.ArticleEntity, tables.Article, tables.CorpusEntityOutlet
_P, _Ev, _D = tables.Participant, tables.Event, tables.CorpusEntityEvent
_EVENT_COLUMNS = ["corpus_entity_id", "article_id", "event_id", "role", "happened_on"]


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


def _took_part(article_id: int | None = None) -> Select:
    """The rows of ``corpus_entity_events`` for one article's events, or the whole store's."""
    stmt = (
        select(
            _E.corpus_entity_id,
            _P.article_id,
            _P.event_id,
            _P.role,
            func.coalesce(_Ev.date, _A.published),
        )
        .select_from(_P)
        .join(_E, and_(_E.article_id == _P.article_id, _E.entity == _P.entity))
        .join(_Ev, and_(_Ev.article_id == _P.article_id, _Ev.event_id == _P.event_id))
        .join(_A, _A.article_id == _P.article_id)
        .where(_E.corpus_entity_id.is_not(None), _Ev.negated == false())
        .distinct()
    )
    return stmt if article_id is None else stmt.where(_P.article_id == article_id)


def count_quotes(conn: Connection, article_id: int, sign: int) -> None:
    """Add (``sign`` 1, once the article is linked) or take back (-1, before it is unlinked)
    the article's quotes in the counts of their speakers' corpus entities, and its events in
    their participants' timelines."""
    if sign > 0:
        conn.execute(insert(_D).from_select(_EVENT_COLUMNS, _took_part(article_id)))
    else:
        conn.execute(delete(_D).where(_D.article_id == article_id))
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
    conn.execute(delete(_D))
    conn.execute(insert(_D).from_select(_EVENT_COLUMNS, _took_part()))
