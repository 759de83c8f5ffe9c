"""``network``: the actors of a story (or of the corpus) and who does what to whom, read
from the store's events and quotes (``presslens.corpus.network`` joins them)."""

from __future__ import annotations

import re

from sqlalchemy import Engine, Select, and_, false, func, select
from sqlalchemy.orm import aliased

from presslens.corpus.actors import Actor, actor_key
from presslens.corpus.network import (
    Evidence,
    Link,
    Network,
    Relations,
    cue_relation,
    event_relation,
    network,
)
from presslens.lexicons import lexicon
from presslens.store import fts, tables
from presslens.store.db import store_errors
from presslens.store.queries import Filters, article_filters

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")
STORY_ARTICLES = 500  # articles matching the query read, the best-matching first
RECENT_ARTICLES = 2000  # without a query: the most recent articles read

_A, _Ev, _P, _Q, _M = tables.Article, tables.Event, tables.Participant, tables.Quote, tables.Mention


_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*\s+|\n")


def sentence(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence of ``text`` around ``start:end``, and its offsets."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    first = ends[-1] if ends else 0
    after = _SENTENCE_END.search(text, end)
    last = after.start() + 1 if after else len(text)
    first += len(text[first:last]) - len(text[first:last].lstrip())
    last -= len(text[first:last]) - len(text[first:last].rstrip())
    return text[first:last], first, last


def _articles(engine: Engine, query: str | None, filters: Filters) -> Select:
    """The ids of the articles read: the best matches of ``query``, else the most recent."""
    ids = select(_A.article_id)
    if query is None:
        ids = article_filters(ids, filters, _A.published)
        return ids.order_by(_A.published.desc().nulls_last(), _A.article_id).limit(RECENT_ARTICLES)
    found = fts.search(engine, _A, text=query)
    ids = article_filters(ids.join(found, found.c.id == _A.article_id), filters, _A.published)
    return ids.order_by(found.c.rank, _A.article_id).limit(STORY_ARTICLES)


def _actor(entity: type[tables.ArticleEntity]) -> list:
    return [entity.corpus_entity_id, entity.name, entity.type]


def _event_links(engine: Engine, articles: Select) -> list[Link]:
    actor, target = aliased(_P), aliased(_P)
    source, sink = aliased(tables.ArticleEntity), aliased(tables.ArticleEntity)

    def on(p, role: str):
        return and_(p.article_id == _Ev.article_id, p.event_id == _Ev.event_id, p.role == role)

    stmt = (
        select(
            _Ev.article_id,
            _Ev.event_id,
            _Ev.type,
            _Ev.trigger_text,
            _Ev.trigger_start,
            _Ev.trigger_end,
            *_actor(source),
            *_actor(sink),
        )
        .join(actor, on(actor, "actor"))
        .join(source, and_(source.article_id == actor.article_id, source.entity == actor.entity))
        .join(target, on(target, "target"))
        .join(sink, and_(sink.article_id == target.article_id, sink.entity == target.entity))
        .where(
            _Ev.article_id.in_(articles.scalar_subquery()),
            _Ev.negated == false(),
            source.type.in_(ACTOR_TYPES),
            sink.type.in_(ACTOR_TYPES),
        )
    )
    with store_errors(engine), engine.connect() as conn:
        rows = conn.execute(stmt).all()
        read = select(_A.article_id, _A.text).where(_A.article_id.in_({r[0] for r in rows}))
        texts = dict(conn.execute(read).all()) if rows else {}
    return [
        Link(
            Actor(actor_key(r[6], r[7]), r[7], r[8]),
            event_relation(r[2]),
            Actor(actor_key(r[9], r[10]), r[10], r[11]),
            Evidence(r[0], "event", r[1], *sentence(texts[r[0]], r[4], r[5]), (r[4], r[5])),
        )
        for r in rows
    ]


def _quote_links(engine: Engine, articles: Select) -> list[Link]:
    speaker, named = aliased(tables.ArticleEntity), aliased(tables.ArticleEntity)
    cue = func.lower(_Q.cue_text)
    stmt = (
        select(
            _Q.article_id,
            _Q.quote_id,
            _Q.cue_text,
            _Q.content_text,
            _Q.content_start,
            _Q.content_end,
            _Q.cue_start,
            _Q.cue_end,
            *_actor(speaker),
            *_actor(named),
        )
        .join(
            speaker, and_(speaker.article_id == _Q.article_id, speaker.entity == _Q.speaker_entity)
        )
        .join(
            _M,
            and_(
                _M.article_id == _Q.article_id,
                _M.start >= _Q.content_start,
                _M.end <= _Q.content_end,
            ),
        )
        .join(named, and_(named.article_id == _M.article_id, named.entity == _M.entity))
        .where(
            _Q.article_id.in_(articles.scalar_subquery()),
            cue.in_(sorted(lexicon(Relations).cues)),
            speaker.type.in_(ACTOR_TYPES),
            named.type.in_(ACTOR_TYPES),
        )
        .distinct()
    )
    with store_errors(engine), engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return [
        Link(
            Actor(actor_key(r[8], r[9]), r[9], r[10]),
            relation,
            Actor(actor_key(r[11], r[12]), r[12], r[13]),
            Evidence(r[0], "quote", r[1], r[3], r[4], r[5], (r[6] or r[4], r[7] or r[4])),
        )
        for r in rows
        if (relation := cue_relation(r[2])) is not None
    ]


def story_network(
    engine: Engine,
    query: str | None = None,
    *,
    min_count: int = 1,
    filters: Filters | None = None,
) -> Network:
    """The network of the articles matching ``query`` (every word, stemmed; the
    ``STORY_ARTICLES`` best), or of the ``RECENT_ARTICLES`` most recent without one."""
    articles = _articles(engine, query, filters or Filters())
    links = _event_links(engine, articles) + _quote_links(engine, articles)
    return network(links, min_count=min_count)
