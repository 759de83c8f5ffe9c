"""The parameters the API's routes and the web pages share (FastAPI dependencies): the
read-only engine, and the outlet, date and paging filters of every question."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy import Engine

from presslens.store.queries import MAX_PER_PAGE, Filters
from presslens.web.state import state_of

PER_PAGE = 20  # rows a page holds unless per_page says otherwise


def _reads(request: Request) -> Engine:
    return state_of(request).reads


def _dates(
    outlet: Annotated[str | None, Query(description="Only this outlet (case-insensitive).")] = None,
    since: Annotated[dt.date | None, Query(description="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Up to this day (YYYY-MM-DD).")] = None,
) -> Filters:
    return Filters(outlet=outlet or None, since=since, until=until)


def _paged(
    dates: Annotated[Filters, Depends(_dates)],
    page: Annotated[int, Query(ge=1, description="Pages count from 1.")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = PER_PAGE,
) -> Filters:
    return dataclasses.replace(dates, page=page, per_page=per_page)


Reads = Annotated[Engine, Depends(_reads)]
Dates = Annotated[Filters, Depends(_dates)]
Paged = Annotated[Filters, Depends(_paged)]
