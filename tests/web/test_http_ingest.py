"""What the API writes and parses: ingest is off without a write token, refused with a wrong
one, and stores what the right one sends (found by the questions after); an article sent
to /api/analyze comes back as the output contract."""

from __future__ import annotations

import json

import pytest

from presslens.errors import InputError
from presslens.web import create_app
from presslens.web.guard import MAX_BODY

pytestmark = pytest.mark.slow  # parses with the real pipeline
TOKEN = "s3cret-token-for-tests"
ARTICLE = {
    "id": "tt-1",
    "outlet": "Tern Tribune",
    "published": "2026-04-02",
    "headline": "Ferry returns to Tern Island",
    "text": "The ferry to Tern Island ran again on Thursday. “We waited three weeks for this,”"
    " said Ola Nygaard, a fisherman.\n",
}


def error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status
    return body["error"]["message"]


def test_ingest_is_off_without_a_write_token(store_url, make_api):
    api = make_api(create_app(_made(store_url)))
    told = error(api.post("/api/ingest", content=b"{}", headers=_bearer(TOKEN)), 403)
    assert "--write-token" in told and "Authorization: Bearer" in told


def test_a_wrong_or_missing_token_is_401_and_the_right_one_stores(store_url, make_api):
    app = create_app(store_url, write_token=TOKEN)
    api = make_api(app)
    body = (json.dumps(ARTICLE) + "\n").encode()
    for headers in ({}, _bearer("wrong"), {"Authorization": TOKEN}):
        refused = api.post("/api/ingest", content=body, headers=headers)
        assert "--write-token" in error(refused, 401)
        assert refused.headers["www-authenticate"] == "Bearer"
    assert api.get("/api/articles").json()["total"] == 0  # nothing was stored
    done = api.post("/api/ingest", content=body, headers=_bearer(TOKEN))
    assert done.status_code == 200, done.text
    assert done.json() == {"ingested": 1, "skipped": 0, "failed": 0, "failures": []}
    (row,) = api.get("/api/articles").json()["articles"]
    assert (row["source_id"], row["outlet"], row["published"]) == (
        "tt-1",
        "Tern Tribune",
        "2026-04-02",
    )
    said = api.get("/api/quotes", params={"speaker": "Nygaard"}).json()
    assert [q["text"] for q in said["quotes"]] == ["“We waited three weeks for this,”"]
    again = api.post(
        "/api/ingest", content=body + b'{"id": "bad"}\n', headers=_bearer(TOKEN)
    ).json()
    assert (again["ingested"], again["skipped"], again["failed"]) == (0, 1, 1)
    assert (
        again["failures"][0]["input"] == "request:2" and '"text"' in again["failures"][0]["error"]
    )
    assert "no article" in error(
        api.post("/api/ingest", content=b"\n", headers=_bearer(TOKEN)), 400
    )
    app.state.presslens.close()


def test_an_empty_write_token_is_refused():
    with pytest.raises(InputError, match="write token is empty"):
        create_app("unused.db", write_token="  ")


def test_analyze_text_and_html_into_the_output_contract(tmp_path, make_api):
    api = make_api(create_app(_made(str(tmp_path / "store.db"))))
    done = api.post(
        "/api/analyze",
        content=ARTICLE["text"].encode(),
        params={"published": "2026-04-02", "headline": ARTICLE["headline"]},
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert done.status_code == 200, done.text
    got = done.json()
    assert got["schema_version"] == "1" and got["source"]["published"] == "2026-04-02"
    assert (
        got["text"].startswith(ARTICLE["headline"])
        and got["headline"]["text"] == (ARTICLE["headline"])
    )
    (quote,) = [q for q in got["quotes"] if q["kind"] == "direct"]
    c = quote["content"]
    assert got["text"][c["start"] : c["end"]] == c["text"] == "“We waited three weeks for this,”"
    page = (
        "<html><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>"
        f"<p>{ARTICLE['text']}</p></article><script>alert(1)</script></body></html>"
    )
    html = api.post("/api/analyze", content=page.encode(), headers={"Content-Type": "text/html"})
    assert html.status_code == 200, html.text
    assert "<" not in html.json()["text"] and "Ola Nygaard" in html.json()["text"]
    assert "empty" in error(api.post("/api/analyze", content=b"   "), 400)
    undated = api.post("/api/analyze", content=b"x", params={"published": "March"})
    assert "query parameter published" in error(undated, 422)
    assert api.get("/api/articles").json()["total"] == 0  # analyze stores nothing


def test_by_default_a_body_over_5_mb_is_413(tmp_path, make_api):
    api = make_api(create_app(_made(str(tmp_path / "store.db"))))
    assert MAX_BODY == 5 * 1024 * 1024
    assert "5,242,880 bytes" in error(api.post("/api/analyze", content=b"x" * (MAX_BODY + 1)), 413)


def _made(path: str) -> str:
    """``path``, an empty store made there (a read-only server needs one)."""
    from presslens.store.db import open_store

    open_store(path).dispose()
    return path


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
