"""The web UI's pages, rendered on the server (render.py, templates/): the corpus at a
glance, a search of quotes or claims with facets, an article's report, a person's or
organisation's page. Each reads the store through the same functions as the API."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse

from presslens.export.html import report_context
from presslens.store.people import article_entities, timeline
from presslens.store.queries import (
    claim_facets,
    get_article,
    quote_facets,
    search_claims,
    search_quotes,
)
from presslens.store.summary import corpus_summary
from presslens.web.params import PER_PAGE, Paged, Reads
from presslens.web.render import page

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Id = Annotated[int, Path(ge=1)]


@router.get("/")
def home(engine: Reads) -> HTMLResponse:
    """The corpus at a glance and one search box."""
    return page("home.html", s=corpus_summary(engine))


@router.get("/search")
def search(
    engine: Reads,
    filters: Paged,
    q: Annotated[str | None, Query()] = None,
    what: Annotated[Literal["quotes", "claims"], Query()] = "quotes",
    speaker: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    """Quotes or claims holding the words ``q``, with facets and pages; the URL holds the
    whole query."""
    asked = {"speaker": speaker or None, "text": (q or "").strip() or None}
    if what == "quotes":
        found = search_quotes(engine, **asked, filters=filters)
        facets = quote_facets(engine, **asked, filters=filters)
    else:
        found = search_claims(engine, **asked, filters=filters)
        facets = claim_facets(engine, **asked, filters=filters)
    params = {
        "what": what,
        "q": asked["text"],
        "speaker": asked["speaker"],
        "outlet": filters.outlet,
        "since": filters.since,
        "until": filters.until,
        "per_page": filters.per_page if filters.per_page != PER_PAGE else None,
    }
    return page("search.html", what=what, params=params, found=found, facets=facets)


@router.get("/articles/{article_id}")
def article(engine: Reads, article_id: Id) -> HTMLResponse:
    """The article's HTML report (``presslens.export.html``) inside the site's layout, with
    links to the pages of the people and organisations it names."""
    row, analysis = get_article(engine, article_id)
    named = article_entities(engine, article_id)
    return page("article.html", row=row, named=named, **report_context(analysis, embedded=True))


@router.get("/entities/{entity_id}")
def entity(engine: Reads, entity_id: Id, filters: Paged) -> HTMLResponse:
    """A person or organisation: aliases, counts, the outlets that quote them, and what
    they said and did, newest first, a page at a time."""
    found = timeline(engine, f"#{entity_id}", filters=filters)
    params = {
        "outlet": filters.outlet,
        "since": filters.since,
        "until": filters.until,
        "per_page": filters.per_page if filters.per_page != PER_PAGE else None,
    }
    return page(
        "entity.html", e=found.entity, others=found.others, items=found.items, params=params
    )
