"""The questions a corpus answers, as Python functions over a store (the CLI and the HTTP API
call these): who said what, which check-worthy claims were made, how a quote drifts.

Every function takes an ``Engine`` and keyword filters and returns a ``Page`` of plain
frozen dataclasses, in a stable order (the rank of a text search first, then the newest
date, then the store's own order), so that paging through a result never repeats or skips a
row. Filters common to all: ``outlet`` (exact, case-insensitive), ``since``/``until``
(inclusive, on the date a quote was made when the text gives one, else the publication
date). Only analysed articles are searched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Connection, Engine, Select, Subquery, and_, func, or_, select

from presslens.corpus.actors import actor_key
from presslens.corpus.drift import Drift, Version, drift
from presslens.errors import InputError, NotFoundError
from presslens.schema import Analysis
from presslens.store import fts, tables
from presslens.store.db import store_errors
from presslens.store.rows import stored_analysis
from presslens.store.write import ANALYSED

Row = TypeVar("Row")
Item = TypeVar("Item")
MAX_PER_PAGE = 500
DRIFT_QUOTES = 20_000  # the most recent quotes quote_drift compares, at most
# Matches search_quotes sorts whole, by database (more are walked in date order: see
# _newest_first): SQLite checks a walked quote against the matches cheaply, PostgreSQL
# reads each one's text again, so it sorts more before it walks (bench/queries.py chose both).
SORT_AT_MOST = {"sqlite": 1_000, "postgresql": 10_000}
COUNT_AT_MOST = 10_000  # matches search_quotes counts exactly; beyond, "10,000 and more"
QUOTE_KINDS = ("direct", "indirect", "mixed", "partial")


@dataclass(frozen=True)
class Page(Generic[Row]):
    """One page of a result: its rows, which page of how many rows it is."""

    rows: list[Row]
    page: int
    per_page: int
    total: int
    more: bool = False  # ``total`` is a lower bound: there are more (search_quotes counts
    # at most COUNT_AT_MOST, so that a speaker with 100,000 quotes answers as fast)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def head(self) -> dict[str, int | bool]:
        """Where the page is in its result: what the JSON of a page gives before its rows."""
        return {
            "page": self.page,
            "pages": self.pages,
            "per_page": self.per_page,
            "total": self.total,
            "more": self.more,
        }

    def to_dict(self, what: str) -> dict[str, Any]:
        """The page as its JSON: ``head()``, then the rows under ``what`` ("quotes"), each a
        dict of its dataclass's fields (dates stay dates: ``schema.json_value`` writes them)."""
        return {**self.head(), what: [dataclasses.asdict(r) for r in self.rows]}


@dataclass(frozen=True)
class Filters:
    """The filters every question takes (see the module docstring)."""

    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        if self.page < 1:
            raise InputError(f"page {self.page} does not exist: pages count from 1")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise InputError(f"per page must be 1 to {MAX_PER_PAGE}, not {self.per_page}")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since {self.since} is after until {self.until}: swap them")

    @property
    def offset(self) -> int:
        """How many rows the pages before this one hold."""
        return (self.page - 1) * self.per_page

    def window(self, rows: list[Item]) -> list[Item]:
        """This page's share of ``rows``, a whole result held in memory."""
        return rows[self.offset : self.offset + self.per_page]


@dataclass(frozen=True)
class QuoteHit:
    """A quote with its speaker and where it appeared. ``speaker`` is the article's entity
    the quote is attributed to (its full name), else the words that name the speaker."""

    article_id: int
    quote_id: str
    kind: str
    text: str
    speaker: str | None
    speaker_text: str | None
    speaker_type: str | None
    cue: str | None
    channel: str | None
    date: dt.date | None
    outlet: str | None
    headline: str | None
    url: str | None
    speaker_entity_id: int | None = None  # the speaker's corpus entity, when linked


@dataclass(frozen=True)
class ClaimHit:
    """A check-worthy claim, the quote it is made in (None: the author's voice) and its
    speaker, and where it appeared."""

    article_id: int
    claim_id: str
    text: str
    checkworthiness: float
    kinds: list[str]
    quote_id: str | None
    speaker: str | None
    date: dt.date | None
    outlet: str | None
    headline: str | None
    url: str | None
    speaker_entity_id: int | None = None  # the speaker's corpus entity, when linked


@dataclass(frozen=True)
class Facet:
    """One value of a result's facet (a speaker, an outlet) and how many matches have it;
    ``entity_id`` is a speaker's corpus entity, when linked."""

    value: str
    count: int
    entity_id: int | None = None


@dataclass(frozen=True)
class Facets:
    """The most frequent speakers and outlets among (at most ``COUNT_AT_MOST`` of) the
    matches of a search, and the months they were said in (``YYYY-MM``, the newest first):
    what a results page offers as filters."""

    speakers: list[Facet]
    outlets: list[Facet]
    months: list[Facet]


@dataclass(frozen=True)
class ArticleRow:
    """An analysed article: where and when it appeared, and its headline check's verdict."""

    article_id: int
    source_id: str | None
    outlet: str | None
    published: dt.date | None
    headline: str | None
    url: str | None
    headline_verdict: str | None
    headline_stance: str | None


_A, _Q, _C, _E = tables.Article, tables.Quote, tables.Claim, tables.ArticleEntity
_ARTICLE_ROW = (
    _A.article_id,
    _A.source_id,
    _A.outlet,
    _A.published,
    _A.headline,
    _A.url,
    _A.headline_verdict,
    _A.headline_stance,
)


def article_filters(stmt: Select, filters: Filters, date: ColumnElement[dt.date | None]) -> Select:
    stmt = stmt.where(_A.status == ANALYSED)
    if filters.outlet:
        stmt = stmt.where(func.lower(_A.outlet) == filters.outlet.lower())
    if filters.since:
        stmt = stmt.where(date >= filters.since)
    if filters.until:
        stmt = stmt.where(date <= filters.until)
    return stmt


def _page(engine: Engine, stmt: Select, order: list, filters: Filters) -> tuple[list, int]:
    """The rows of ``filters``' page of ``stmt`` in ``order``, and how many rows all pages hold."""
    with store_errors(engine), engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        page = stmt.order_by(*order).limit(filters.per_page).offset(filters.offset)
        rows = conn.execute(page).all()
    return list(rows), total


def list_articles(engine: Engine, *, filters: Filters | None = None) -> Page[ArticleRow]:
    """The analysed articles, the newest published first (the undated last), then the newest
    stored first; ``filters``' dates are on the publication date."""
    filters = filters or Filters()
    stmt = article_filters(select(*_ARTICLE_ROW), filters, _A.published)
    order = [_A.published.desc().nulls_last(), _A.article_id.desc()]
    rows, total = _page(engine, stmt, order, filters)
    return Page([ArticleRow(*r) for r in rows], filters.page, filters.per_page, total)


def get_article(engine: Engine, article_id: int) -> tuple[ArticleRow, Analysis]:
    """The analysed article ``article_id`` and its whole analysis (the contract's
    ``Analysis``, offsets into its text); ``NotFoundError`` when there is none."""
    stmt = (
        select(*_ARTICLE_ROW, _A.text, tables.Analysis.analysis)
        .join(tables.Analysis, tables.Analysis.article_id == _A.article_id)
        .where(_A.article_id == article_id, _A.status == ANALYSED)
    )
    with store_errors(engine), engine.connect() as conn:
        row = conn.execute(stmt).first()
    if row is None:
        raise NotFoundError(
            f"no analysed article {article_id} in the store: the article list gives the ids"
            " (GET /api/articles, presslens export)"
        )
    *fields, text, stored = row
    return ArticleRow(*fields), stored_analysis(text, stored)


def search_quotes(
    engine: Engine,
    *,
    speaker: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    filters: Filters | None = None,
) -> Page[QuoteHit]:
    """Who said what: quotes whose speaker's name (the resolved entity's or the words that
    name the speaker) holds every word of ``speaker``, whose content holds every word of
    ``text`` (stemmed, ranked by relevance; else the newest first), of ``kind`` (direct,
    indirect, mixed, partial).

    Two steps, so that a million quotes answer in milliseconds: the ids of the page (from
    the full-text and date indexes; ``_newest_first`` for a speaker quoted more than
    ``SORT_AT_MOST`` times), then those quotes' rows."""
    filters = filters or Filters()
    found, narrow, ids = _quote_ids(engine, speaker, text, kind, filters)
    narrowed = kind is not None or bool(filters.outlet or filters.since or filters.until)
    with store_errors(engine), engine.connect() as conn:
        counted = ids if narrowed or found is None else select(found.c.id)
        counted = counted.limit(COUNT_AT_MOST + 1).subquery()
        total = conn.execute(select(func.count()).select_from(counted)).scalar_one()
        more, total = total > COUNT_AT_MOST, min(total, COUNT_AT_MOST)
        offset = filters.offset
        if text is not None and found is not None:
            ranked = ids.order_by(found.c.rank, _Q.id).limit(filters.per_page).offset(offset)
            page = list(conn.execute(ranked).scalars())
        elif found is not None and (more or total > SORT_AT_MOST[engine.dialect.name]):
            # the matches as a set each quote read from the date index is checked against
            # ("+ 0" keeps the planner from looking the matches up by id instead)
            walk = narrow.where((_Q.id + 0).in_(select(found.c.id)))
            page = _newest_first(conn, walk, offset, filters.per_page)
        else:
            order = (_Q.said_on.desc().nulls_last(), _Q.id.desc())
            by_date = ids.order_by(*order).limit(filters.per_page).offset(offset)
            page = list(conn.execute(by_date).scalars())
        rows = {r[0]: r[1:] for r in conn.execute(_quote_rows(page))}
    hits = [QuoteHit(*rows[i]) for i in page]
    return Page(hits, filters.page, filters.per_page, total, more)


def _quote_ids(
    engine: Engine, speaker: str | None, text: str | None, kind: str | None, filters: Filters
) -> tuple[Subquery | None, Select, Select]:
    """``(found, narrow, ids)``: the full-text matches of ``speaker`` and ``text`` (None
    without them), the ids of the quotes ``kind`` and ``filters`` leave, and of those that
    also match: what ``search_quotes`` pages and ``quote_facets`` counts."""
    if kind is not None and kind not in QUOTE_KINDS:
        raise InputError(f"unknown quote kind {kind!r}: use one of {', '.join(QUOTE_KINDS)}")
    found = _quotes_matching(engine, speaker, text)
    narrow = quote_filters(select(_Q.id), filters)
    if kind is not None:
        narrow = narrow.where(_Q.kind == kind)
    return found, narrow, narrow if found is None else narrow.join(found, found.c.id == _Q.id)


def quote_facets(
    engine: Engine,
    *,
    speaker: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    filters: Filters | None = None,
    top: int = 8,
) -> Facets:
    """The ``top`` speakers and outlets of the quotes ``search_quotes`` finds with the same
    arguments (counted over at most ``COUNT_AT_MOST`` of them), the most frequent first."""
    _, _, ids = _quote_ids(engine, speaker, text, kind, filters or Filters())
    matched = select(ids.limit(COUNT_AT_MOST).subquery().c.id)
    quotes = select(_Q).where(_Q.id.in_(matched)).subquery()
    who = (quotes.c.speaker_name, quotes.c.speaker_corpus_entity_id)
    outlet = select(_A.outlet).where(_A.article_id == quotes.c.article_id).scalar_subquery()
    return _facets(engine, quotes, who, outlet.label("outlet"), quotes.c.said_on, top)


def _facets(engine: Engine, rows: Subquery, who: tuple, outlet: Any, date: Any, top: int) -> Facets:
    """The ``top`` values of ``who`` (a name, its corpus entity), ``outlet`` and the month
    of ``date`` in ``rows``: a speaker by name (the filter a facet adds), with its corpus
    entity where one is linked."""
    n = func.count()
    name, entity = who
    by_who = (
        select(name, func.max(entity), n)
        .where(name.is_not(None))
        .group_by(name)
        .order_by(n.desc(), name)
        .limit(top)
    )
    inner = select(outlet).select_from(rows).subquery()
    by_outlet = (
        select(inner.c.outlet, n)
        .where(inner.c.outlet.is_not(None))
        .group_by(inner.c.outlet)
        .order_by(n.desc(), inner.c.outlet)
        .limit(top)
    )
    year, month = func.extract("year", date), func.extract("month", date)
    by_month = (
        select(year, month, n)
        .where(date.is_not(None))
        .group_by(year, month)
        .order_by(year.desc(), month.desc())
        .limit(top)
    )
    with store_errors(engine), engine.connect() as conn:
        speakers = [Facet(name, count, eid) for name, eid, count in conn.execute(by_who)]
        outlets = [Facet(name, count) for name, count in conn.execute(by_outlet)]
        months = [Facet(f"{int(y):04d}-{int(m):02d}", c) for y, m, c in conn.execute(by_month)]
    return Facets(speakers, outlets, months)


def outlet_articles(outlet: str) -> Select:
    """The ids of the articles of ``outlet`` (case-insensitive)."""
    return select(_A.article_id).where(func.lower(_A.outlet) == outlet.lower())


def quote_filters(stmt: Select, filters: Filters) -> Select:
    """``filters`` on a query of quotes: dates on ``said_on``, the outlet on the article."""
    if filters.outlet:
        stmt = stmt.where(_Q.article_id.in_(outlet_articles(filters.outlet)))
    if filters.since:
        stmt = stmt.where(_Q.said_on >= filters.since)
    if filters.until:
        stmt = stmt.where(_Q.said_on <= filters.until)
    return stmt


def _newest_first(conn: Connection, ids: Select, offset: int, size: int) -> list[int]:
    """One page of the quote ids ``ids`` (more than ``SORT_AT_MOST``), the newest first:
    the dated ones read from the ``said_on`` index in order, which stops after one page
    instead of sorting a popular speaker's every quote, then the undated ones."""
    dated = ids.where(_Q.said_on.is_not(None))
    walk = dated.order_by(_Q.said_on.desc(), _Q.id.desc()).limit(size).offset(offset)
    page = list(conn.execute(walk).scalars())
    if len(page) < size:  # past the dated ones: the undated, newest stored first
        seen = conn.execute(select(func.count()).select_from(dated.subquery())).scalar_one()
        rest = ids.where(_Q.said_on.is_(None)).order_by(_Q.id.desc())
        rest = rest.limit(size - len(page)).offset(max(0, offset - seen))
        page += list(conn.execute(rest).scalars())
    return page


def _quote_rows(ids: list[int]) -> Select:
    """The rows ``QuoteHit`` shows for the quotes ``ids``, each led by its id."""
    return (
        select(
            _Q.id,
            _Q.article_id,
            _Q.quote_id,
            _Q.kind,
            _Q.content_text,
            _Q.speaker_name,
            _Q.speaker_text,
            _E.type,
            _Q.cue_text,
            _Q.channel,
            _Q.said_on,
            _A.outlet,
            _A.headline,
            _A.url,
            _Q.speaker_corpus_entity_id,
        )
        .join(_A, _A.article_id == _Q.article_id)
        .outerjoin(_E, and_(_E.article_id == _Q.article_id, _E.entity == _Q.speaker_entity))
        .where(_Q.id.in_(ids))
    )


def search_claims(
    engine: Engine,
    *,
    text: str | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    filters: Filters | None = None,
) -> Page[ClaimHit]:
    """Check-worthy claims whose text holds every word of ``text`` (stemmed, ranked), of
    ``kind`` (numeric, causal, comparison, ...: see docs/CONTRACT.md), made in a quote of
    ``speaker`` (as in ``search_quotes``); without ``text``, the most check-worthy first."""
    filters = filters or Filters()
    stmt, order = _claims(engine, text, kind, speaker, filters)
    rows, total = _page(engine, stmt, order, filters)
    kinds_of = _claim_kinds(engine, [(r[0], r[1]) for r in rows])
    hits = [ClaimHit(*r[:4], kinds_of.get((r[0], r[1]), []), *r[4:]) for r in rows]
    return Page(hits, filters.page, filters.per_page, total)


def _claims(
    engine: Engine, text: str | None, kind: str | None, speaker: str | None, filters: Filters
) -> tuple[Select, list]:
    """The claims ``search_claims`` finds (its columns) and their order."""
    date = func.coalesce(_Q.said_on, _A.published)
    joined = (
        _C.__table__.join(_A, _A.article_id == _C.article_id)
        .outerjoin(_Q, and_(_Q.article_id == _C.article_id, _Q.quote_id == _C.quote_id))
        .outerjoin(_E, and_(_E.article_id == _Q.article_id, _E.entity == _Q.speaker_entity))
    )
    columns = [
        _C.article_id,
        _C.claim_id,
        _C.text,
        _C.checkworthiness,
        _C.quote_id,
        _Q.speaker_name,
        date.label("date"),
        _A.outlet,
        _A.headline,
        _A.url,
        _Q.speaker_corpus_entity_id,
    ]
    order: list = [_C.checkworthiness.desc(), date.desc().nulls_last(), _C.id]
    if text is not None:
        found = fts.search(engine, _C, text=text)
        joined = joined.join(found, found.c.id == _C.id)
        order.insert(0, found.c.rank)
    if (said := _quotes_matching(engine, speaker, None)) is not None:
        joined = joined.join(said, said.c.id == _Q.id)
    stmt = select(*columns).select_from(joined)
    if kind is not None:
        of_kind = select(tables.ClaimKind.claim_id).where(
            tables.ClaimKind.article_id == _C.article_id,
            tables.ClaimKind.claim_id == _C.claim_id,
            tables.ClaimKind.kind == kind,
        )
        stmt = stmt.where(of_kind.exists())
    return article_filters(stmt, filters, date), order


def claim_facets(
    engine: Engine,
    *,
    text: str | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    filters: Filters | None = None,
    top: int = 8,
) -> Facets:
    """The ``top`` speakers and outlets of the claims ``search_claims`` finds with the same
    arguments (counted over at most ``COUNT_AT_MOST`` of them), the most frequent first."""
    stmt, _ = _claims(engine, text, kind, speaker, filters or Filters())
    rows = stmt.limit(COUNT_AT_MOST).subquery()
    who = (rows.c.speaker_name, rows.c.speaker_corpus_entity_id)
    return _facets(engine, rows, who, rows.c.outlet, rows.c.date, top)


def _quotes_matching(engine: Engine, speaker: str | None, text: str | None) -> Subquery | None:
    """The quotes whose speaker's name holds every word of ``speaker`` and whose content
    every word of ``text`` (full-text, stemmed), None when neither is given."""
    fields = {k: v for k, v in (("speaker", speaker), ("text", text)) if v is not None}
    return fts.search(engine, _Q, **fields) if fields else None


def _claim_kinds(engine: Engine, claims: list[tuple[int, str]]) -> dict[tuple[int, str], list]:
    """The kinds of each (article_id, claim_id), sorted."""
    if not claims:
        return {}
    k = tables.ClaimKind
    wanted = or_(*(and_(k.article_id == a, k.claim_id == c) for a, c in claims))
    out: dict[tuple[int, str], list] = {}
    with store_errors(engine), engine.connect() as conn:
        for a, c, kind in conn.execute(select(k.article_id, k.claim_id, k.kind).where(wanted)):
            out.setdefault((a, c), []).append(kind)
    return {key: sorted(v) for key, v in out.items()}


def quote_drift(
    engine: Engine,
    *,
    speaker: str | None = None,
    text: str | None = None,
    filters: Filters | None = None,
) -> Page[Drift]:
    """The same quote as different articles report it (``presslens.corpus.drift``), among
    the ``DRIFT_QUOTES`` most recent quotes of a named speaker that match ``speaker`` and
    ``text`` as in ``search_quotes``; the groups with the most flags first. A speaker is one
    corpus entity where the store has linked them, else one name (case-insensitive)."""
    filters = filters or Filters()
    date = _Q.said_on
    name = _Q.speaker_name
    joined = _Q.__table__.join(_A, _A.article_id == _Q.article_id).outerjoin(
        _E, and_(_E.article_id == _Q.article_id, _E.entity == _Q.speaker_entity)
    )
    if (found := _quotes_matching(engine, speaker, text)) is not None:
        joined = joined.join(found, found.c.id == _Q.id)
    columns = [
        _E.corpus_entity_id,
        name,
        _Q.article_id,
        _Q.quote_id,
        _Q.content_text,
        _Q.content_start,
        _A.outlet,
        date,
        _A.headline,
        _A.url,
    ]
    stmt = select(*columns).select_from(joined).where(name.is_not(None))
    stmt = article_filters(stmt, filters, date).order_by(date.desc().nulls_last(), _Q.id)
    with store_errors(engine), engine.connect() as conn:
        rows = conn.execute(stmt.limit(DRIFT_QUOTES)).all()
    shown: dict[str, str] = {}
    versions = []
    for corpus_id, who, *quote in rows:
        key = actor_key(corpus_id, who)
        shown.setdefault(key, who)
        versions.append(Version(quote[0], quote[1], key, *quote[2:]))
    groups = [Drift(shown[g.speaker], g.reference, g.versions) for g in drift(versions)]
    return Page(filters.window(groups), filters.page, filters.per_page, len(groups))
