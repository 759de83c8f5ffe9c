"""The questions about people and organisations across the corpus: the most quoted ones
(``list_entities``) and what one of them said and did, by date (``timeline``), both read
through the corpus entities the linker keeps (``store.corpus_entities``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Row, Select, and_, func, select

from presslens.errors import InputError, NotFoundError
from presslens.store import tables
from presslens.store.db import store_errors
from presslens.store.network import sentence
from presslens.store.queries import (
    COUNT_AT_MOST,
    Filters,
    Page,
    outlet_articles,
    quote_filters,
)

ENTITY_TYPES = ("PERSON", "ORG")
SORTS = ("articles", "quotes")
TOP_OUTLETS = 5

_A, _Q, _E, _C = tables.Article, tables.Quote, tables.ArticleEntity, tables.CorpusEntity
_O, _D = tables.CorpusEntityOutlet, tables.CorpusEntityEvent
_Ev = tables.Event


@dataclass(frozen=True)
class EntityRow:
    """A corpus entity with its counts: articles naming it, quotes it is the speaker of,
    and those quotes by outlet (the most first)."""

    entity_id: int
    name: str
    type: str
    aliases: list[str]
    articles: int
    quotes: int
    outlets: dict[str, int]


@dataclass(frozen=True)
class TimelineItem:
    """What an entity said (``kind`` quote) or did or had done to it (event, ``role`` actor
    or target), on ``date``: the day it was said or happened when the text gives one, else
    the day the article was published."""

    date: dt.date | None
    kind: str  # quote | event
    text: str
    detail: str  # the quote's kind and cue, or the event type
    role: str | None
    article_id: int
    item_id: str
    outlet: str | None
    headline: str | None
    url: str | None


@dataclass(frozen=True)
class Timeline:
    entity: EntityRow
    items: Page[TimelineItem]
    others: list[EntityRow]  # other corpus entities the name given also fits

    def to_dict(self) -> dict[str, Any]:
        """The timeline as JSON gives it: the entity, the others, then the page of items."""
        return {
            "entity": dataclasses.asdict(self.entity),
            "others": [dataclasses.asdict(o) for o in self.others],
            **self.items.to_dict("items"),
        }


def _quotes_by_outlet(engine: Engine, ids: list[int]) -> dict[int, Counter[str]]:
    """Per corpus entity of ``ids``: how many quotes it is the speaker of, by outlet (the
    counts ``store.entity_index`` keeps)."""
    out: dict[int, Counter[str]] = {i: Counter() for i in ids}
    if not ids:
        return out
    stmt = select(_O.corpus_entity_id, _O.outlet, _O.quotes).where(_O.corpus_entity_id.in_(ids))
    with store_errors(engine), engine.connect() as conn:
        for entity_id, outlet, n in conn.execute(stmt):
            out[entity_id][outlet or "unknown"] += n
    return out


def _rows(engine: Engine, entities: list) -> list[EntityRow]:
    spoken = _quotes_by_outlet(engine, [e.corpus_entity_id for e in entities])
    return [
        EntityRow(
            e.corpus_entity_id,
            e.name,
            e.type,
            list(e.aliases),
            e.article_count,
            sum(spoken[e.corpus_entity_id].values()),
            dict(spoken[e.corpus_entity_id].most_common(TOP_OUTLETS)),
        )
        for e in entities
    ]


def _most_quoted(type: str | None, filters: Filters) -> Select:
    """(corpus entity, quotes), the most quoted first: from the kept counts, or by counting
    the quotes themselves when ``filters`` give dates."""
    if filters.since or filters.until:
        quotes = func.count(_Q.id)
        counted = quote_filters(
            select(_E.corpus_entity_id, quotes)
            .select_from(_Q)
            .join(_E, and_(_E.article_id == _Q.article_id, _E.entity == _Q.speaker_entity))
            .where(_E.corpus_entity_id.is_not(None))
            .group_by(_E.corpus_entity_id),
            filters,
        )
        if type is not None:
            counted = counted.where(_E.type == type)
        return counted.order_by(quotes.desc(), _E.corpus_entity_id)
    quotes = func.sum(_O.quotes)
    counted = select(_O.corpus_entity_id, quotes).group_by(_O.corpus_entity_id)
    if filters.outlet:
        counted = counted.where(func.lower(_O.outlet) == filters.outlet.lower())
    if type is not None:
        counted = counted.join(_C, _C.corpus_entity_id == _O.corpus_entity_id).where(
            _C.type == type
        )
    return counted.order_by(quotes.desc(), _O.corpus_entity_id)


def list_entities(
    engine: Engine,
    *,
    type: str | None = None,
    sort: str = "articles",
    filters: Filters | None = None,
) -> Page[EntityRow]:
    """The people and organisations of the corpus, those named in the most articles first
    (``sort="articles"``) or the most quoted first (``"quotes"``), each with its quotes by
    outlet, read from the counts ``store.entity_index`` keeps; ``filters``' outlet counts
    only that outlet's quotes, and dates count the quotes themselves (slower)."""
    filters = filters or Filters()
    if type is not None and type not in ENTITY_TYPES:
        raise InputError(f"unknown entity type {type!r}: use one of {', '.join(ENTITY_TYPES)}")
    if sort not in SORTS:
        raise InputError(f"unknown order {sort!r}: use one of {', '.join(SORTS)}")
    chosen = select(_C)
    if type is not None:
        chosen = chosen.where(_C.type == type)
    offset = filters.offset
    with store_errors(engine), engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(chosen.subquery())).scalar_one()
        if sort == "articles":
            ordered = chosen.order_by(_C.article_count.desc(), _C.corpus_entity_id)
            entities = list(conn.execute(ordered.limit(filters.per_page).offset(offset)))
        else:
            top = conn.execute(_most_quoted(type, filters).limit(filters.per_page).offset(offset))
            top = top.all()
            by_id = {
                e.corpus_entity_id: e
                for e in conn.execute(
                    select(_C).where(_C.corpus_entity_id.in_([i for i, _ in top]))
                )
            }
            entities = [by_id[i] for i, _ in top]
    return Page(_rows(engine, entities), filters.page, filters.per_page, total)


def find_entity(engine: Engine, name: str) -> tuple[Row, list[Row]]:
    """The corpus entity ``name`` means: ``#ID``; else, of those named ``name`` (whatever
    the case), the one named in the most articles; else of those whose name holds every word
    of ``name``; and the others that fit the same way."""
    with store_errors(engine), engine.connect() as conn:
        if name.startswith("#") and name[1:].isdigit():
            found = conn.execute(select(_C).where(_C.corpus_entity_id == int(name[1:])))
            entities = list(found)
        else:
            words = name.lower().split()
            if not words:
                raise InputError(
                    "the entity name is empty: give a name, or #ID from presslens entities"
                )
            lower = func.lower(_C.name)
            for fits in (  # the name itself from its index; else a scan for its words
                lower == " ".join(words),
                and_(*(lower.contains(w, autoescape=True) for w in words)),
            ):
                ordered = (
                    select(_C).where(fits).order_by(_C.article_count.desc(), _C.corpus_entity_id)
                )
                if entities := list(conn.execute(ordered.limit(10))):
                    break
    if not entities:
        raise NotFoundError(
            f"no person or organisation named {name!r} in the store: try presslens entities"
        )
    return entities[0], entities[1:]


def entity_rows(engine: Engine, name: str) -> tuple[EntityRow, list[EntityRow]]:
    """The corpus entity ``name`` means and the others it fits (``find_entity``), with their
    counts; ``#ID`` is the one of that id."""
    entity, others = find_entity(engine, name)
    rows = _rows(engine, [entity, *others])
    return rows[0], rows[1:]


def article_entities(engine: Engine, article_id: int) -> list[EntityRow]:
    """The corpus entities (people, organisations) the article ``article_id`` names, with
    their counts across the corpus, those named in the most articles first."""
    named = select(_E.corpus_entity_id).where(
        _E.article_id == article_id, _E.corpus_entity_id.is_not(None)
    )
    stmt = (
        select(_C)
        .where(_C.corpus_entity_id.in_(named), _C.type.in_(ENTITY_TYPES))
        .order_by(_C.article_count.desc(), _C.corpus_entity_id)
    )
    with store_errors(engine), engine.connect() as conn:
        entities = list(conn.execute(stmt))
    return _rows(engine, entities)


def _event_text(item: tuple, where: dict[int, tuple]) -> str:
    """A quote's content as it is; an event as the sentence its trigger stands in."""
    if item[0] != "event":
        return item[2]
    text, trigger = where[item[5]][3], item[7]
    return sentence(text, trigger[0], trigger[1])[0]


def timeline(engine: Engine, name: str, *, filters: Filters | None = None) -> Timeline:
    """What the corpus entity ``name`` (see ``find_entity``) said and did, newest first:
    its quotes, and the events it is the actor or target of, each with its article."""
    filters = filters or Filters()
    entity, others = find_entity(engine, name)
    cid = entity.corpus_entity_id
    columns = (
        _Q.said_on.label("date"),
        _Q.content_text,
        (_Q.kind + " / " + func.coalesce(_Q.cue_text, "")),
        _Q.article_id,
        _Q.quote_id,
    )
    # the entity's quotes from their index (store.entity_index), newest first; dated and
    # undated apart, each an index range ("DESC NULLS LAST" would sort them all)
    said = quote_filters(select(*columns).where(_Q.speaker_corpus_entity_id == cid), filters)
    newest_parts = [
        said.where(_Q.said_on.is_not(None)).order_by(_Q.said_on.desc(), _Q.id.desc()),
        said.where(_Q.said_on.is_(None)).order_by(_Q.id.desc()),
    ]
    start = filters.offset
    want = start + filters.per_page  # the newest this many of each kind hold the page
    # events from the entity's timeline index (store.entity_index), newest first
    event_date = _D.happened_on
    did = (
        select(
            event_date,
            _Ev.trigger_text,
            _Ev.type,
            _D.role,
            _Ev.article_id,
            _Ev.event_id,
            _Ev.trigger_start,
            _Ev.trigger_end,
        )
        .select_from(_D)
        .join(_Ev, and_(_Ev.article_id == _D.article_id, _Ev.event_id == _D.event_id))
        .where(_D.corpus_entity_id == cid)
    )
    if filters.outlet:
        did = did.where(_D.article_id.in_(outlet_articles(filters.outlet)))
    if filters.since:
        did = did.where(event_date >= filters.since)
    if filters.until:
        did = did.where(event_date <= filters.until)
    did = did.order_by(event_date.desc().nulls_last(), _D.article_id.desc(), _D.event_id)
    rows = _rows(engine, [entity, *others])
    # unfiltered, the entity's quotes are the count linking keeps; else counted, capped
    kept = not (filters.outlet or filters.since or filters.until)
    with store_errors(engine), engine.connect() as conn:
        total, more = rows[0].quotes if kept else 0, False
        for counted in (did,) if kept else (said, did):
            capped = counted.order_by(None).limit(COUNT_AT_MOST + 1).subquery()
            n = conn.execute(select(func.count()).select_from(capped)).scalar_one()
            total, more = total + min(n, COUNT_AT_MOST), more or n > COUNT_AT_MOST
        items = [
            ("quote", *r[:3], None, *r[3:])
            for part in newest_parts
            for r in conn.execute(part.limit(want))
        ]
        items += [("event", *r[:6], (r[6], r[7])) for r in conn.execute(did.limit(want))]
        items.sort(key=lambda r: (r[1] or dt.date.min, r[5], r[6]), reverse=True)
        shown = items[start:want]
        where = {
            r[0]: r[1:]
            for r in conn.execute(
                select(_A.article_id, _A.outlet, _A.headline, _A.url, _A.text).where(
                    _A.article_id.in_({r[5] for r in shown})
                )
            )
        }
    page = [
        TimelineItem(r[1], r[0], _event_text(r, where), r[3], r[4], r[5], r[6], *where[r[5]][:3])
        for r in shown
    ]
    return Timeline(rows[0], Page(page, filters.page, filters.per_page, total, more), rows[1:])
