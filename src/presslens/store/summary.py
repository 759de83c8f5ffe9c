"""The corpus at a glance (``corpus_summary``): what the web UI's home page and
``GET /api/summary`` show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from presslens.store import tables
from presslens.store.db import store_errors
from presslens.store.people import EntityRow, list_entities
from presslens.store.queries import Filters
from presslens.store.write import ANALYSED

_A = tables.Article


@dataclass(frozen=True)
class Summary:
    """How many analysed articles, outlets, quotes and claims the store holds, the first and
    last publication dates, the outlets with the most articles (the most first) and the most
    quoted people (``EntityRow``s, the most quoted first)."""

    articles: int
    outlets: int
    quotes: int
    claims: int
    first: dt.date | None
    last: dt.date | None
    top_outlets: dict[str, int]
    people: list[EntityRow]


def corpus_summary(engine: Engine, *, top: int = 10) -> Summary:
    """The ``Summary`` of the store, with its ``top`` outlets and people."""
    analysed = _A.status == ANALYSED
    n = func.count()
    counts = select(
        n, func.count(func.distinct(_A.outlet)), func.min(_A.published), func.max(_A.published)
    ).where(analysed)
    by_outlet = (
        select(_A.outlet, n)
        .where(analysed, _A.outlet.is_not(None))
        .group_by(_A.outlet)
        .order_by(n.desc(), _A.outlet)
        .limit(top)
    )
    done = select(_A.article_id).where(analysed)
    with store_errors(engine), engine.connect() as conn:
        articles, outlets, first, last = conn.execute(counts).one()
        quotes, claims = (
            conn.execute(select(n).where(t.article_id.in_(done))).scalar_one()
            for t in (tables.Quote, tables.Claim)
        )
        top_outlets = {name: count for name, count in conn.execute(by_outlet)}
    people = list_entities(engine, type="PERSON", sort="quotes", filters=Filters(per_page=top))
    return Summary(articles, outlets, quotes, claims, first, last, top_outlets, people.rows)
