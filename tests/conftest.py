"""Shared fixtures and markers of the test suite.

Markers (registered in ``pyproject.toml``, which runs pytest with ``--strict-markers``):

* ``slow``: the test parses with spaCy or runs an eval or a training; ``pytest -m "not slow"``
  (``make test-fast``) runs the others. A test that takes the ``analyze`` fixture or a module's
  ``nlp`` fixture (a spaCy pipeline) is marked ``slow`` here; other slow tests carry the marker.
* ``needs_data(name)``: skips, naming the folder, unless ``$PRESSLENS_DATA/<name>`` exists
  (``PRESSLENS_DATA`` defaults to ``../shared/data`` beside the repository); the ``data_dir``
  fixture gives that folder.
* ``needs_extra``: skips unless the embeddings extra (torch, MiniLM) is installed.
* ``browser``: drives a real browser (Chromium through Playwright).
* ``postgres``: needs a PostgreSQL server, named by ``$PRESSLENS_TEST_POSTGRES`` (a URL whose
  user may create databases; ``.ci/postgres start`` starts one and prints it, ``.ci/run`` does
  so). Outside CI such a test skips, with the reason, when no server answers; in CI (``$CI``
  set) it runs and fails. The ``postgres_url`` fixture gives a fresh database per test;
  ``store_url`` is a store on SQLite and, as a second parameter, on PostgreSQL;
  ``module_store_url`` the same, shared by a module's tests.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import presslens
from presslens.models.embeddings import available
from presslens.schema import Analysis

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("PRESSLENS_DATA", ROOT.parent / "shared" / "data"))
PARSE_FIXTURES = frozenset({"analyze", "nlp"})  # the real pipeline, or a spaCy one (test modules)
POSTGRES = os.environ.get("PRESSLENS_TEST_POSTGRES")


def missing_data(name: str) -> str | None:
    """Why a test marked ``needs_data(name)`` cannot run, or None when the data is there."""
    folder = DATA / name
    if folder.exists():
        return None
    return (
        f"needs the data folder {folder}, which is absent: set PRESSLENS_DATA to the folder "
        f"that holds {name}/ (default: ../shared/data beside the repository)"
    )


def missing_postgres() -> str | None:
    """Why a test marked ``postgres`` cannot run outside CI, or None when a server answers."""
    if os.environ.get("CI"):
        return None  # CI starts a server: a test that cannot reach it fails
    if not POSTGRES:
        return (
            "needs a PostgreSQL server: set PRESSLENS_TEST_POSTGRES=postgresql://USER@HOST:PORT/DB"
            ' (eval "$(.ci/postgres start)" starts one)'
        )
    import psycopg

    try:
        psycopg.connect(POSTGRES, connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"no PostgreSQL server answers at PRESSLENS_TEST_POSTGRES={POSTGRES}: {exc}"
    return None


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that parse as ``slow``; skip those whose data or extra is missing."""
    extra = available()
    no_postgres = (
        missing_postgres() if any(i.get_closest_marker("postgres") for i in items) else None
    )
    for item in items:
        if PARSE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("postgres") and no_postgres:
            item.add_marker(pytest.mark.skip(reason=no_postgres))
        if item.get_closest_marker("needs_extra") and not extra:
            item.add_marker(pytest.mark.skip(reason="the embeddings extra is not installed"))
        for mark in item.iter_markers("needs_data"):
            (name,) = mark.args
            if reason := missing_data(name):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of the public data sets: ``$PRESSLENS_DATA`` or ``../shared/data``."""
    return DATA


@pytest.fixture(scope="session")
def analyze():
    """``analyze(text, **kw) -> Analysis`` with the real default pipeline."""

    def run(text: str, **kw) -> Analysis:
        return presslens.analyze(text, **kw)

    return run


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped on the way out: its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"presslens_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database for one test (dropped after it): its URL."""
    with fresh_postgres_database() as url:
        yield url


STORES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=STORES)
def store_url(request, tmp_path) -> str:
    """A store that does not exist yet: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="module", params=STORES)
def module_store_url(request, tmp_path_factory) -> Iterator[str]:
    """``store_url`` that a module's tests share (a store built once per database)."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("store") / "store.db")
        return
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture
def write_warc():
    """``write_warc(path, pages)``: a gzipped web archive (warcio) holding each ``(uri, html)``
    page as a response with its request, plus an image response and a 404 page (not articles)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(writer, uri: str, body: bytes, status: str, content_type: str) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )

    def write(path: Path, pages: list[tuple[str, str]]) -> Path:
        with path.open("wb") as fh:
            writer = WARCWriter(fh, gzip=path.suffix == ".gz")
            for uri, html in pages:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
                writer.write_record(
                    writer.create_warc_record(
                        uri, "request", payload=io.BytesIO(b""), http_headers=request
                    )
                )
                response(writer, uri, html.encode("utf-8"), "200 OK", "text/html; charset=utf-8")
            response(writer, "https://x.example/logo.png", b"\x89PNG....", "200 OK", "image/png")
            response(
                writer, "https://x.example/gone", b"<html>gone</html>", "404 Not Found", "text/html"
            )
        return path

    return write
