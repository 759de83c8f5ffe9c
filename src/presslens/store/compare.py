"""``compare``: how outlets covered one story: the articles matching a query, grouped into
stories (``presslens.corpus.stories``), and per outlet whom it quotes and how often, its
headline verdicts, the loaded words in its own voice and its most check-worthy claims."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import Engine, and_, func, select

from presslens.corpus.stories import OPENING_CHARS, SIMILARITY, WINDOW_DAYS, StoryText, stories
from presslens.store import fts, tables
from presslens.store.db import store_errors
from presslens.store.queries import Filters, Page, article_filters

SEED_ARTICLES = 500  # the best-matching articles grouped into stories, at most
TOP_QUOTED, TOP_FRAMING, TOP_CLAIMS = 10, 10, 5

_A, _Q, _E, _F, _C = (
    tables.Article,
    tables.Quote,
    tables.ArticleEntity,
    tables.Framing,
    tables.Claim,
)


@dataclass(frozen=True)
class StoryArticle:
    article_id: int
    outlet: str | None
    date: dt.date | None
    headline: str | None
    url: str | None
    headline_verdict: str | None


@dataclass(frozen=True)
class Quoted:
    speaker: str
    quotes: int


@dataclass(frozen=True)
class Loaded:
    """A loaded word or phrase in an outlet's own voice, how often, in which category."""

    text: str
    category: str
    count: int


@dataclass(frozen=True)
class TopClaim:
    article_id: int
    claim_id: str
    text: str
    checkworthiness: float


@dataclass(frozen=True)
class OutletView:
    """One outlet's coverage of a story."""

    outlet: str | None
    articles: list[StoryArticle]
    quoted: list[Quoted]
    verdicts: dict[str, int]
    framing: list[Loaded]
    claims: list[TopClaim]


@dataclass(frozen=True)
class Story:
    """Articles about one story, outlet by outlet (the most articles first)."""

    articles: int
    first: dt.date | None
    last: dt.date | None
    headline: str | None  # of its first article
    outlets: list[OutletView]


def compare(
    engine: Engine,
    query: str,
    *,
    similarity: float = SIMILARITY,
    window_days: int = WINDOW_DAYS,
    filters: Filters | None = None,
) -> Page[Story]:
    """The stories among the ``SEED_ARTICLES`` articles that best match ``query`` (every
    word, stemmed, in the headline or text), the largest first, each outlet by outlet."""
    filters = filters or Filters()
    found = fts.search(engine, _A, text=query)
    stmt = select(
        _A.article_id,
        _A.published,
        func.coalesce(_A.headline, ""),
        func.substr(_A.text, 1, OPENING_CHARS),
        _A.outlet,
        _A.headline,
        _A.url,
        _A.headline_verdict,
    ).join(found, found.c.id == _A.article_id)
    stmt = article_filters(stmt, filters, _A.published).order_by(found.c.rank, _A.article_id)
    with store_errors(engine), engine.connect() as conn:
        rows = conn.execute(stmt.limit(SEED_ARTICLES)).all()
    articles = {r[0]: StoryArticle(r[0], r[4], r[1], r[5], r[6], r[7]) for r in rows}
    texts = [StoryText(r[0], r[1], f"{r[2]}\n{r[3]}") for r in rows]
    groups = stories(texts, similarity=similarity, window_days=window_days)
    shown = filters.window(groups)
    details = _details(engine, [t.article_id for g in shown for t in g])
    page = [_story([articles[t.article_id] for t in g], details) for g in shown]
    return Page(page, filters.page, filters.per_page, len(groups))


@dataclass
class _Details:
    """What the outlet views count, by article id."""

    quoted: dict[int, list[str]]
    framing: dict[int, list[tuple[str, str]]]
    claims: dict[int, list[TopClaim]]


def _details(engine: Engine, ids: list[int]) -> _Details:
    quoted: dict[int, list[str]] = defaultdict(list)
    framing: dict[int, list[tuple[str, str]]] = defaultdict(list)
    claims: dict[int, list[TopClaim]] = defaultdict(list)
    if not ids:
        return _Details(quoted, framing, claims)
    speaker = func.coalesce(_E.name, _Q.speaker_text)
    said = (
        select(_Q.article_id, speaker)
        .outerjoin(_E, and_(_E.article_id == _Q.article_id, _E.entity == _Q.speaker_entity))
        .where(_Q.article_id.in_(ids), speaker.is_not(None))
    )
    loaded = select(_F.article_id, _F.text, _F.category).where(
        _F.article_id.in_(ids), _F.voice == "author"
    )
    claimed = (
        select(_C.article_id, _C.claim_id, _C.text, _C.checkworthiness)
        .where(_C.article_id.in_(ids))
        .order_by(_C.checkworthiness.desc(), _C.id)
    )
    with store_errors(engine), engine.connect() as conn:
        for article_id, name in conn.execute(said):
            quoted[article_id].append(name)
        for article_id, text, category in conn.execute(loaded):
            framing[article_id].append((text.lower(), category))
        for row in conn.execute(claimed):
            claims[row[0]].append(TopClaim(*row))
    return _Details(quoted, framing, claims)


def _story(articles: list[StoryArticle], details: _Details) -> Story:
    by_outlet: dict[str | None, list[StoryArticle]] = defaultdict(list)
    for a in articles:
        by_outlet[a.outlet].append(a)
    views = []
    for outlet, theirs in by_outlet.items():
        ids = [a.article_id for a in theirs]
        names = [n for i in ids for n in details.quoted.get(i, ())]
        spelled = {n.lower(): n for n in reversed(names)}  # each name as first written
        quoted = Counter(spelled[n.lower()] for n in names)
        loaded = Counter(f for i in ids for f in details.framing.get(i, ()))
        claims = sorted(
            (c for i in ids for c in details.claims.get(i, ())), key=lambda c: -c.checkworthiness
        )
        views.append(
            OutletView(
                outlet,
                theirs,
                [Quoted(n, k) for n, k in quoted.most_common(TOP_QUOTED)],
                dict(Counter(a.headline_verdict or "none" for a in theirs).most_common()),
                [Loaded(t, c, k) for (t, c), k in loaded.most_common(TOP_FRAMING)],
                claims[:TOP_CLAIMS],
            )
        )
    views.sort(key=lambda v: (-len(v.articles), v.outlet or ""))
    dates = [a.date for a in articles if a.date]
    first = min(dates) if dates else None
    return Story(len(articles), first, max(dates) if dates else None, articles[0].headline, views)
