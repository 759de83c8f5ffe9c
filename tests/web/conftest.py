"""Fixtures of the web tests: a store built by ingesting the demo corpus and a few invented
articles (on SQLite and PostgreSQL, through ``module_store_url``), and a client of the
real app over httpx's ASGI transport."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI

from presslens.io.sources import read_sources
from presslens.settings import Settings
from presslens.store.db import open_store
from presslens.store.ingest import ingest
from presslens.web import create_app

ROOT = Path(__file__).resolve().parents[2]
RIVERTON = ROOT / "samples" / "corpus" / "riverton.jsonl"
XSS_HEADLINE = '<script>alert("h")</script> Port <img src=x onerror=alert(1)> closes'
XSS_OUTLET = '"><svg onload=alert(2)> Gazette'
XSS_QUOTE = "“Click <a href='javascript:alert(3)'>here</a> and <script>alert(4)</script>,”"
# Invented articles beside the demo corpus: markup where a page would show text.
EXTRA = [
    {
        "id": "xss-1",
        "outlet": XSS_OUTLET,
        "published": "2026-03-20",
        "url": "javascript:alert(5)",
        "headline": XSS_HEADLINE,
        "text": "The harbour of Port Calder closed on Friday after a storm. "
        f"{XSS_QUOTE} said Mia Holm, the harbour master. She said the port would reopen on"
        " Monday.\n",
    },
]


class Api:
    """A synchronous httpx client of an ASGI app (``httpx.ASGITransport``): the real app,
    its middleware and handlers, without a socket."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                return await c.request(method, url, **kw)

        return anyio.run(send)

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


@pytest.fixture(scope="module")
def corpus(module_store_url, tmp_path_factory) -> str:
    """The demo corpus and ``EXTRA``, ingested with the real pipeline: the store's URL."""
    extra = tmp_path_factory.mktemp("extra") / "extra.jsonl"
    extra.write_bytes(jsonl(EXTRA))
    engine = open_store(module_store_url)
    tally = ingest(read_sources([str(RIVERTON), str(extra)]), engine, settings=Settings())
    engine.dispose()
    assert tally.failed == 0 and tally.ingested == 5 + len(EXTRA)
    return module_store_url


class _Assets(HTMLParser):
    """The URLs a page loads (script src, link href) and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "script":
            self._in_script = True
            assert "src" in found, "an inline script: the CSP forbids it"
            self.urls.append(found["src"])
        elif tag == "link" and found.get("href", "").startswith("data:"):
            pass  # inline, fetched from nowhere
        elif tag == "link" and found.get("href"):
            self.urls.append(found["href"])
        assert not any(name.startswith("on") for name in found), "an inline event handler"
        assert tag != "style" and "style" not in found, "an inline style: the CSP forbids it"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)


def assets_of(html: str) -> list[str]:
    """The URLs a page loads, checked local and with no inline script or event handler."""
    parser = _Assets()
    parser.feed(html)
    assert not parser.inline
    assert parser.urls and all(u.startswith("/") and not u.startswith("//") for u in parser.urls)
    return parser.urls


@pytest.fixture(scope="session")
def page_assets():
    """``page_assets(html) -> [url]``: what a page loads, asserted local and with no
    inline script or event handler (``assets_of``)."""
    return assets_of


@pytest.fixture(scope="session")
def make_api():
    """``make_api(app) -> Api``: a client of an app a test builds itself."""
    return Api


@pytest.fixture(scope="session")
def xss() -> dict[str, str]:
    """The markup ``EXTRA``'s article holds where a page would show text."""
    return {"headline": XSS_HEADLINE, "outlet": XSS_OUTLET, "quote": XSS_QUOTE}


@pytest.fixture(scope="module")
def api(corpus) -> Api:
    """A read-only server over ``corpus``."""
    app = create_app(corpus)
    yield Api(app)
    app.state.presslens.close()
