"""The web UI's HTML: one Jinja2 environment (autoescaped: nothing from the store is ever
trusted as markup) over the UI's templates and the HTML report's (``presslens.export``),
and the helpers its templates call to build links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader

from presslens.export.html import web_link

Params = Mapping[str, Any]


def query_url(path: str, params: Params, **changes: Any) -> str:
    """``path`` with the query ``params`` and ``changes`` (a None or empty value drops its
    parameter), every value URL-encoded; paging restarts unless ``page`` is changed."""
    merged = {**params, "page": None, **changes}
    kept = {k: v for k, v in merged.items() if v is not None and v != ""}
    return f"{path}?{urlencode(kept)}" if kept else path


def month_range(month: str) -> tuple[dt.date, dt.date]:
    """The first and last day of ``YYYY-MM``: a month facet's ``since`` and ``until``."""
    first = dt.date.fromisoformat(f"{month}-01")
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 quote``, ``2 quotes``, ``1,000 people``."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates of ``presslens.web`` and then of ``presslens.export`` (the report)."""
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("presslens.web", "templates"), PackageLoader("presslens.export")]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        query_url=query_url, web_link=web_link, plural=plural, month_range=month_range
    )
    return env


def page(template: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The page ``template`` rendered with ``context``, answered with ``status_code``."""
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def error_page(status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    """A short HTML page saying what went wrong (``message``, escaped), with ``status``."""
    response = page("error.html", status_code=status, status=status, message=message)
    response.headers.update(headers or {})
    return response
