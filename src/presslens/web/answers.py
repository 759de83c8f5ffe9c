"""The OpenAPI schemas of the API's answers, made from the store's own dataclasses, so
that the docs at /docs cannot name a field an answer does not have. (The routes write
their answers themselves: these only document them.)"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, create_model

from presslens.corpus.drift import Drift
from presslens.corpus.network import Network
from presslens.schema import Analysis
from presslens.store.compare import Story
from presslens.store.people import EntityRow, TimelineItem
from presslens.store.queries import ArticleRow, ClaimHit, QuoteHit
from presslens.store.summary import Summary

_HEAD: dict[str, Any] = {
    "page": (int, ...),
    "pages": (int, ...),
    "per_page": (int, ...),
    "total": (int, ...),
    "more": (bool, ...),  # total is a lower bound
}


def page_of(row: type, what: str, **more: Any) -> type[BaseModel]:
    """The schema of a page of ``row``s under ``what`` (``Page.to_dict``)."""
    return create_model(f"{row.__name__}Page", **more, **_HEAD, **{what: (list[row], ...)})


def answer(schema: type) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route whose answer is ``schema``."""
    return {200: {"model": schema, "description": "The answer"}}


class ArticleAnswer(BaseModel):
    article: ArticleRow
    analysis: Analysis


class FoundEntity(BaseModel):
    entity: EntityRow
    others: list[EntityRow]


class IngestFailure(BaseModel):
    input: str  # request:LINE
    error: str


class Ingested(BaseModel):
    ingested: int
    skipped: int
    failed: int
    failures: list[IngestFailure]


ARTICLES = answer(page_of(ArticleRow, "articles"))
ARTICLE = answer(ArticleAnswer)
SUMMARY = answer(Summary)
QUOTES = answer(page_of(QuoteHit, "quotes"))
CLAIMS = answer(page_of(ClaimHit, "claims"))
ENTITIES = answer(page_of(EntityRow, "entities"))
ENTITY = answer(EntityRow)
FOUND = answer(FoundEntity)
TIMELINE = answer(
    page_of(TimelineItem, "items", entity=(EntityRow, ...), others=(list[EntityRow], ...))
)
STORIES = answer(page_of(Story, "stories"))
NETWORK = answer(Network)
DRIFT = answer(page_of(Drift, "groups"))
ANALYSIS = answer(Analysis)
INGESTED = answer(Ingested)
