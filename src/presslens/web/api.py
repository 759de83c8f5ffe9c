"""The JSON API under ``/api``: the store's questions (``presslens.store``), an analysis of
one article, and an ingest that is off unless the server has a write token.

Each answer is the store's dataclasses as JSON, with the field names docs/CONTRACT.md gives
(dates as YYYY-MM-DD); a page of rows is ``Page.to_dict``: ``page``, ``pages``,
``per_page``, ``total``, ``more`` and the rows. Reads go through the read-only engine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from presslens.api import analyze
from presslens.corpus.stories import SIMILARITY, WINDOW_DAYS
from presslens.errors import InputError, PresslensError
from presslens.io.readers import read_bytes, read_jsonl_stream
from presslens.schema import QuoteKind, json_value
from presslens.store.compare import compare
from presslens.store.ingest import FAILED, ingest
from presslens.store.network import story_network
from presslens.store.people import ENTITY_TYPES, SORTS, entity_rows, list_entities, timeline
from presslens.store.queries import (
    get_article,
    list_articles,
    quote_drift,
    search_claims,
    search_quotes,
)
from presslens.store.summary import corpus_summary
from presslens.web import answers
from presslens.web.errors import RESPONSES
from presslens.web.params import Dates, Paged, Reads
from presslens.web.state import State, state_of

router = APIRouter(prefix="/api", responses=RESPONSES)


class DatedJSON(JSONResponse):
    """JSON as presslens writes it: UTF-8 as is, dates as YYYY-MM-DD (``json_value``)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=json_value).encode("utf-8")


Words = Query(description="Every word, stemmed (full-text).")


@router.get("/articles", tags=["articles"], responses=answers.ARTICLES)
def articles(engine: Reads, filters: Paged) -> Response:
    """The analysed articles, the newest published first (``ArticleRow``s as ``articles``)."""
    return DatedJSON(list_articles(engine, filters=filters).to_dict("articles"))


@router.get("/summary", tags=["articles"], responses=answers.SUMMARY)
def summary(engine: Reads) -> Response:
    """The corpus at a glance (a ``Summary``): how many articles, outlets, quotes and
    claims, the date range, the outlets with the most articles, the most quoted people."""
    return DatedJSON(dataclasses.asdict(corpus_summary(engine)))


@router.get("/articles/{article_id}", tags=["articles"], responses=answers.ARTICLE)
def article(engine: Reads, article_id: Annotated[int, Path(ge=1)]) -> Response:
    """One article: its ``ArticleRow`` as ``article`` and its whole analysis (the output
    contract, offsets into its ``text``) as ``analysis``."""
    row, analysis = get_article(engine, article_id)
    return DatedJSON({"article": dataclasses.asdict(row), "analysis": analysis.to_dict()})


@router.get("/quotes", tags=["questions"], responses=answers.QUOTES)
def quotes(
    engine: Reads,
    filters: Paged,
    speaker: Annotated[str | None, Query(description="The speaker's name holds these words.")] = (
        None
    ),
    text: Annotated[str | None, Words] = None,
    kind: QuoteKind | None = None,
) -> Response:
    """Who said what (``QuoteHit``s as ``quotes``): ranked by ``text``, else the newest first."""
    found = search_quotes(engine, speaker=speaker, text=text, kind=kind, filters=filters)
    return DatedJSON(found.to_dict("quotes"))


@router.get("/claims", tags=["questions"], responses=answers.CLAIMS)
def claims(
    engine: Reads,
    filters: Paged,
    text: Annotated[str | None, Words] = None,
    kind: Annotated[str | None, Query(description="numeric, causal, comparison, ...")] = None,
    speaker: Annotated[str | None, Query(description="Made in a quote of this speaker.")] = None,
) -> Response:
    """Check-worthy claims (``ClaimHit``s as ``claims``), the most check-worthy first."""
    found = search_claims(engine, text=text, kind=kind, speaker=speaker, filters=filters)
    return DatedJSON(found.to_dict("claims"))


@router.get("/entities", tags=["people"], responses=answers.ENTITIES)
def entities(
    engine: Reads,
    filters: Paged,
    type: Annotated[str | None, Query(description=f"One of {', '.join(ENTITY_TYPES)}.")] = None,
    sort: Annotated[str, Query(description=f"One of {', '.join(SORTS)}.")] = "articles",
) -> Response:
    """The people and organisations (``EntityRow``s as ``entities``)."""
    found = list_entities(engine, type=type, sort=sort, filters=filters)
    return DatedJSON(found.to_dict("entities"))


EntityId = Annotated[int, Path(ge=1, description="A corpus entity's id (``entity_id``).")]


@router.get("/entities/find", tags=["people"], responses=answers.FOUND)
def find(
    engine: Reads,
    name: Annotated[str, Query(min_length=1, description="A name (any case), or #ID.")],
) -> Response:
    """The person or organisation a name means, as ``presslens timeline NAME`` finds it:
    ``entity`` and the ``others`` the name also fits (``EntityRow``s)."""
    entity, others = entity_rows(engine, name)
    asdict = dataclasses.asdict
    return DatedJSON({"entity": asdict(entity), "others": [asdict(o) for o in others]})


@router.get("/entities/{entity_id}", tags=["people"], responses=answers.ENTITY)
def entity(engine: Reads, entity_id: EntityId) -> Response:
    """One person or organisation (an ``EntityRow``)."""
    found, _ = entity_rows(engine, f"#{entity_id}")
    return DatedJSON(dataclasses.asdict(found))


@router.get("/entities/{entity_id}/timeline", tags=["people"], responses=answers.TIMELINE)
def entity_timeline(engine: Reads, entity_id: EntityId, filters: Paged) -> Response:
    """What they said and did, newest first: ``entity``, ``others`` and a page of
    ``TimelineItem``s as ``items``."""
    return DatedJSON(timeline(engine, f"#{entity_id}", filters=filters).to_dict())


@router.get("/compare", tags=["stories"], responses=answers.STORIES)
def compare_outlets(
    engine: Reads,
    filters: Paged,
    q: Annotated[str, Query(min_length=1, description="The story's words.")],
    similarity: Annotated[float, Query(ge=0, le=1)] = SIMILARITY,
    window: Annotated[int, Query(ge=0, description="Days apart one story's articles may be.")] = (
        WINDOW_DAYS
    ),
) -> Response:
    """How outlets covered a story (``Story``s as ``stories``), the largest first."""
    found = compare(engine, q, similarity=similarity, window_days=window, filters=filters)
    return DatedJSON(found.to_dict("stories"))


@router.get("/network", tags=["stories"], responses=answers.NETWORK)
def network(
    engine: Reads,
    filters: Dates,
    q: Annotated[str | None, Query(description="The story's words; none: recent articles.")] = (
        None
    ),
    min_count: Annotated[int, Query(ge=1)] = 1,
) -> Response:
    """Who does what to whom: ``nodes`` and ``edges`` (each with its ``evidence``)."""
    net = story_network(engine, q, min_count=min_count, filters=filters)
    return DatedJSON(dataclasses.asdict(net))


@router.get("/drift", tags=["questions"], responses=answers.DRIFT)
def drift(
    engine: Reads,
    filters: Paged,
    speaker: Annotated[str | None, Query(description="Quotes of this speaker.")] = None,
    text: Annotated[str | None, Words] = None,
) -> Response:
    """The same quote as different articles report it (``Drift`` groups as ``groups``)."""
    found = quote_drift(engine, speaker=speaker, text=text, filters=filters)
    return DatedJSON(found.to_dict("groups"))


@router.post("/analyze", tags=["analysis"], responses=answers.ANALYSIS)
async def analyze_article(
    request: Request,
    published: Annotated[dt.date | None, Query(description="YYYY-MM-DD.")] = None,
    headline: Annotated[str | None, Query(description="When the body has none.")] = None,
) -> Response:
    """Analyse one article sent as the body (text, or HTML with ``Content-Type: text/html``):
    the output contract's JSON. Nothing is stored."""
    state = state_of(request)
    data = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    html = True if kind == "text/html" else False if kind == "text/plain" else None
    art = read_bytes(
        data,
        name="request",
        headline=headline,
        published=published,
        max_bytes=state.settings.max_bytes,
        html=html,
    )
    result = await run_in_threadpool(state.parse, lambda: analyze(art, settings=state.settings))
    return Response(result.to_json(indent=None), media_type="application/json")


@router.post("/ingest", tags=["analysis"], responses=answers.INGESTED)
async def ingest_articles(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
    reanalyze: bool = False,
) -> Response:
    """Analyse and store the articles of a JSONL body (one JSON object a line: ``text``, and
    optionally ``id``, ``headline``, ``published``, ``outlet``, ``url``). Off unless the
    server has ``--write-token``; send it as ``Authorization: Bearer TOKEN``."""
    state = state_of(request)
    writes = _authorised(state, authorization)
    data = await request.body()
    items = read_jsonl_stream(io.BytesIO(data), name="request", max_bytes=state.settings.max_bytes)
    failures: list[dict[str, str]] = []

    def report(outcome: str, name: str, error: PresslensError | None) -> None:
        if outcome == FAILED:
            failures.append({"input": name, "error": str(error)})

    def run() -> Any:
        return ingest(items, writes, settings=state.settings, reanalyze=reanalyze, report=report)

    tally = await run_in_threadpool(state.parse, run)
    if tally.ingested + tally.skipped + tally.failed == 0:
        raise InputError(
            'the body holds no article: send JSONL, one JSON object with "text" per line'
        )
    return DatedJSON({**dataclasses.asdict(tally), "failures": failures})


def _authorised(state: State, authorization: str | None) -> Engine:
    """The writable engine, when the request carries the server's write token."""
    if state.write_token is None or state.writes is None:
        raise HTTPException(
            403,
            "ingest is off on this server: start it with --write-token TOKEN and send the"
            " header Authorization: Bearer TOKEN",
        )
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), state.write_token.encode()
    ):
        raise HTTPException(
            401,
            "wrong or missing write token: send the header Authorization: Bearer TOKEN with the"
            " token the server was started with (--write-token)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return state.writes
