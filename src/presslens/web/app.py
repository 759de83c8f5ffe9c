"""``create_app``: the ASGI app ``presslens serve`` runs (FastAPI): the web UI's pages at
``/`` (pages.py), the JSON API under ``/api`` (api.py), its OpenAPI schema at
``/openapi.json`` and interactive docs at ``/docs`` from the Swagger UI vendored under
``static/`` (no CDN: it works offline), the HTML report's CSS and JS under
``/static/report``, every response guarded (guard.py) and every error as JSON on the API, a
short HTML page elsewhere (errors.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp

from presslens.errors import InputError
from presslens.export.html import ASSETS as REPORT_ASSETS
from presslens.settings import Settings
from presslens.store.db import open_store
from presslens.web import errors, pages
from presslens.web.api import router
from presslens.web.guard import MAX_BODY, BodyLimit, HostCheck, SecurityHeaders
from presslens.web.state import State

STATIC = Path(__file__).parent / "static"
SWAGGER = "/static/vendor/swagger-ui"

# The script is a file (static/docs.js): the Content-Security-Policy allows no inline one.
DOCS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>presslens API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{SWAGGER}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{SWAGGER}/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


class _App(FastAPI):
    """FastAPI whose every response, a 500 from its outermost middleware too, is guarded."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def create_app(
    db: str,
    *,
    write_token: str | None = None,
    max_body: int = MAX_BODY,
    allowed_hosts: Collection[str] | None = None,
    settings: Settings | None = None,
) -> FastAPI:
    """The app serving the store ``db`` (a SQLite path or a postgresql:// URL), read-only
    unless ``write_token`` is given (then ``POST /api/ingest`` takes requests carrying it);
    request bodies over ``max_body`` bytes are refused (413); with ``allowed_hosts``, a
    request naming another host is refused (400; ``presslens serve`` on loopback gives
    ``guard.loopback_hosts``). Raises ``StoreError`` when the store cannot be used, so that
    a server never starts on a store it cannot read."""
    if write_token is not None and not write_token.strip():
        raise InputError(
            "the write token is empty: give a long random one, e.g. from"
            " python -c 'import secrets; print(secrets.token_urlsafe())'"
        )
    settings = dataclasses.replace(settings or Settings(), db_url=db)
    writes = open_store(db) if write_token else None  # a new store is given its schema
    state = State(open_store(db, read_only=True), writes, write_token, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = _App(
        title="presslens",
        version=version("presslens"),
        summary="The corpus store's questions, an article's analysis, and ingest, as JSON.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.presslens = state
    errors.install(app)
    app.add_middleware(BodyLimit, max_body=max_body)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, hosts=allowed_hosts)  # outside BodyLimit: checked first
    app.include_router(router)
    app.include_router(pages.router)
    app.mount("/static/report", StaticFiles(directory=REPORT_ASSETS), name="report")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    return app
