"""Errors as the API gives them: ``{"error": {"status": N, "message": "..."}}``, whose
message says what to change; on the web UI's pages, the same message as a short HTML page
with the same status; one handler per kind of error, registered by ``install``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from presslens.errors import InputError, NotFoundError, PresslensError, StoreError
from presslens.web.render import error_page

log = logging.getLogger("presslens.web")


class ErrorDetail(BaseModel):
    status: int
    message: str  # what is wrong and what to change


class ErrorBody(BaseModel):
    """What every error answers (the OpenAPI schema of the error responses)."""

    error: ErrorDetail


# The error answers the OpenAPI schema lists for every /api route (422 in this shape too).
RESPONSES: dict[int | str, dict] = {
    code: {"model": ErrorBody, "description": what}
    for code, what in (
        (400, "An input to change (the message says which)"),
        (404, "No such article, entity or address"),
        (422, "A parameter of the wrong type or range"),
        (503, "The store cannot be used"),
    )
}

_WHERE = {"query": "query parameter", "path": "path parameter", "body": "body", "header": "header"}


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The JSON error the API answers with."""
    return JSONResponse(
        {"error": {"status": status, "message": message}}, status_code=status, headers=headers
    )


def is_api(request: Request) -> bool:
    """Whether ``request`` is for the JSON API (``/api``, ``/openapi.json``) rather than a
    page of the web UI, which answers errors as a short HTML page."""
    path = request.url.path
    return path == "/openapi.json" or path == "/api" or path.startswith("/api/")


def _answer(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The error as the API's JSON, or as an HTML page for a page of the web UI."""
    if is_api(request):
        return error_response(status, message, headers)
    return error_page(status, message, headers)


def status_of(error: PresslensError) -> int:
    """The HTTP status of a presslens error: 404 for what the store does not hold, 400 for
    another input to change, 503 for a store that cannot be used, else 500."""
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, InputError):
        return 400
    return 503 if isinstance(error, StoreError) else 500


def _presslens(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PresslensError)
    return _answer(request, status_of(exc), str(exc))


def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404 and exc.detail == "Not Found":  # no route
        where = "the API is listed at /docs" if is_api(request) else "start again from /"
        message = f"no such address {request.url.path}: {where}"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed at {request.url.path}: see /docs"
    else:
        message = str(exc.detail)
    return _answer(request, exc.status_code, message, getattr(exc, "headers", None))


def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for e in exc.errors():
        where, *name = e.get("loc", ()) or ("request",)
        field = ".".join(str(n) for n in name)
        problems.append(f"{_WHERE.get(str(where), where)} {field}: {e.get('msg', 'invalid')}")
    return _answer(request, 422, "; ".join(problems) + (" (see /docs)" if is_api(request) else ""))


def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _answer(
        request,
        500,
        f"the server failed ({type(exc).__name__}): its log has the details; please report it",
    )


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` in the API's JSON shape."""
    app.add_exception_handler(PresslensError, _presslens)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(Exception, _unexpected)
