"""What the corpus questions read per corpus entity, kept as articles are linked and
unlinked, so that the entity list and a person's timeline read an index instead of every
article of a popular person: each quote's speaker as a corpus entity
(``quotes.speaker_corpus_entity_id``, indexed with the date it was said), how many quotes
each corpus entity is the speaker of by outlet (``corpus_entity_outlets``), and the events
it is the actor or target of by day (``corpus_entity_events``)."""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Connection,
    Insert,
    ScalarSelect,
    Select,
    and_,
    bindparam,
    delete,
    false,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from presslens.store import tables

_Q, _E, _A, _O = tables.Quote, tables.ArticleEntity, tables.Article, tables.CorpusEntityOutlet
_P, _Ev, _D = tables.Participant, tables.Event, tables.CorpusEntityEvent
_EVENT_COLUMNS = ["corpus_entity_id", "article_id", "event_id", "role", "happened_on"]
_OUTLET_COLUMNS = ["corpus_entity_id", "outlet", "quotes"]


def corpus_entity_of(article_id: ColumnElement, entity: ColumnElement) -> ScalarSelect:
    """The corpus entity id of the article entity ``entity``, as a scalar subquery."""
    return (
        select(_E.corpus_entity_id)
        .where(_E.article_id == article_id, _E.entity == entity)
        .scalar_subquery()
    )


def _speakers(article_id: int | None = None):
    """``quotes.speaker_corpus_entity_id`` set from the speakers' article entities, for one
    article's quotes or the whole store's."""
    theirs = corpus_entity_of(_Q.article_id, _Q.speaker_entity)
    stmt = update(_Q).values(speaker_corpus_entity_id=theirs)
    return stmt if article_id is None else stmt.where(_Q.article_id == article_id)


def _spoken(article_id: int | None = None) -> Select:
    """(corpus entity, outlet, quotes) over one article's quotes, or the whole store's."""
    outlet = func.coalesce(_A.outlet, literal(""))
    stmt = (
        select(_Q.speaker_corpus_entity_id, outlet, func.count())
        .select_from(_Q)
        .join(_A, _A.article_id == _Q.article_id)
        .where(_Q.speaker_corpus_entity_id.is_not(None))
        .group_by(_Q.speaker_corpus_entity_id, outlet)
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


def _add_counts(conn: Connection, counts: Select) -> Insert:
    """Add the (corpus entity, outlet, quotes) rows of ``counts`` to the kept counts in one
    statement: an insert that adds to the row already there."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(_O).from_select(_OUTLET_COLUMNS, counts)
    return stmt.on_conflict_do_update(
        index_elements=[_O.corpus_entity_id, _O.outlet],
        set_={"quotes": _O.quotes + stmt.excluded.quotes},
    )


def index_article(conn: Connection, article_id: int, sign: int) -> None:
    """Add (``sign`` 1, once the article is linked) or take back (-1, before it is unlinked)
    the article's quotes and events in the indexes of their corpus entities."""
    if sign > 0:
        conn.execute(_speakers(article_id))
        conn.execute(_add_counts(conn, _spoken(article_id)))
        conn.execute(insert(_D).from_select(_EVENT_COLUMNS, _took_part(article_id)))
        return
    taken = [
        {"e": entity_id, "o": outlet, "n": n}
        for entity_id, outlet, n in conn.execute(_spoken(article_id))
    ]
    if taken:
        key = and_(_O.corpus_entity_id == bindparam("e"), _O.outlet == bindparam("o"))
        conn.execute(update(_O).where(key).values(quotes=_O.quotes - bindparam("n")), taken)
        conn.execute(delete(_O).where(_O.quotes <= 0))
    conn.execute(update(_Q).where(_Q.article_id == article_id), {"speaker_corpus_entity_id": None})
    conn.execute(delete(_D).where(_D.article_id == article_id))


def reindex(conn: Connection) -> None:
    """Every index again from the stored links (after a relink)."""
    conn.execute(_speakers())
    conn.execute(delete(_O))
    conn.execute(insert(_O).from_select(_OUTLET_COLUMNS, _spoken()))
    conn.execute(delete(_D))
    conn.execute(insert(_D).from_select(_EVENT_COLUMNS, _took_part()))
