"""The JSON API against the real app on a store built from the demo corpus and articles
full of markup, on SQLite and PostgreSQL: field names, paging, filters, errors, headers,
limits, and the offline /docs page."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil

import pytest

from presslens.corpus.network import Edge, Node
from presslens.schema import Analysis
from presslens.store.compare import OutletView, Story
from presslens.store.db import open_store
from presslens.store.people import EntityRow, TimelineItem
from presslens.store.queries import ArticleRow, ClaimHit, QuoteHit
from presslens.web import create_app
from presslens.web.guard import SECURITY_HEADERS

pytestmark = pytest.mark.slow  # the store is built with the real pipeline
PAGE = {"page", "pages", "per_page", "total", "more"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def names(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def every_page(api, url: str, what: str, per_page: int = 2) -> list[dict]:
    """The rows of every page of ``url``, in order, checking each page's counts."""
    rows: list[dict] = []
    page = 1
    while True:
        got = api.get(url, params={"page": page, "per_page": per_page})
        assert got.status_code == 200, got.text
        body = got.json()
        assert set(body) == PAGE | {what} and body["page"] == page
        rows += body[what]
        if page >= body["pages"]:
            assert len(rows) == body["total"]
            return rows
        page += 1


def assert_error(response, status: int, *words: str) -> str:
    """``response`` is the API's JSON error with ``status``; its message holds ``words``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    message = body["error"]["message"]
    for w in words:
        assert w in message
    return message


def test_articles_paged_newest_first_with_the_store_field_names(api):
    rows = every_page(api, "/api/articles", "articles")
    assert len(rows) == 6 and all(set(r) == names(ArticleRow) for r in rows)
    assert len({r["article_id"] for r in rows}) == 6  # no page repeats or skips a row
    dates = [r["published"] for r in rows]
    assert all(DATE.match(d) for d in dates) and dates == sorted(dates, reverse=True)
    assert rows == api.get("/api/articles", params={"per_page": 500}).json()["articles"]
    gazette = api.get("/api/articles", params={"outlet": "riverton gazette"}).json()
    assert {r["outlet"] for r in gazette["articles"]} == {"Riverton Gazette"}
    march = api.get("/api/articles", params={"since": "2026-03-11", "until": "2026-03-12"})
    assert {r["published"] for r in march.json()["articles"]} <= {"2026-03-11", "2026-03-12"}


def test_an_article_is_its_row_and_the_output_contract(api):
    first = api.get("/api/articles", params={"per_page": 1}).json()["articles"][0]
    got = api.get(f"/api/articles/{first['article_id']}").json()
    assert got["article"] == first
    analysis = got["analysis"]
    assert set(analysis) == set(Analysis.model_fields) and analysis["schema_version"] == "1"
    assert Analysis.model_validate(analysis).text == analysis["text"]
    for q in analysis["quotes"]:
        c = q["content"]
        assert analysis["text"][c["start"] : c["end"]] == c["text"]
    assert_error(api.get("/api/articles/99999"), 404, "no analysed article 99999")
    assert_error(api.get("/api/articles/abc"), 422, "path parameter article_id")


def test_quotes_by_speaker_outlet_dates_and_kind(api):
    lee = api.get("/api/quotes", params={"speaker": "Ann Lee", "per_page": 500}).json()
    assert lee["total"] >= 3 and {q["speaker"] for q in lee["quotes"]} == {"Ann Lee"}
    assert all(set(q) == names(QuoteHit) for q in lee["quotes"])
    dates = [q["date"] for q in lee["quotes"] if q["date"]]
    assert all(DATE.match(d) for d in dates) and dates == sorted(dates, reverse=True)
    outlets = {q["outlet"] for q in lee["quotes"]}
    assert len(outlets) > 1
    one = sorted(outlets)[0]
    theirs = api.get("/api/quotes", params={"speaker": "Ann Lee", "outlet": one.upper()}).json()
    assert 0 < theirs["total"] < lee["total"] and {q["outlet"] for q in theirs["quotes"]} == {one}
    day = dates[-1]
    dated = api.get("/api/quotes", params={"since": day, "until": day, "per_page": 500}).json()
    assert dated["total"] > 0 and {q["date"] for q in dated["quotes"]} == {day}
    direct = api.get("/api/quotes", params={"kind": "direct", "per_page": 500}).json()
    assert direct["total"] > 0 and {q["kind"] for q in direct["quotes"]} == {"direct"}
    safety = api.get("/api/quotes", params={"text": "safety"}).json()
    assert safety["total"] > 0 and all("safety" in q["text"].lower() for q in safety["quotes"])


def test_quote_pages_are_stable_and_complete(api):
    whole = api.get("/api/quotes", params={"per_page": 500}).json()["quotes"]
    paged = every_page(api, "/api/quotes", "quotes", per_page=3)
    assert paged == whole and len(whole) > 6
    keys = [(q["article_id"], q["quote_id"]) for q in paged]
    assert len(set(keys)) == len(keys)
    again = every_page(api, "/api/quotes", "quotes", per_page=3)
    assert again == paged


@pytest.mark.parametrize("field", ["text", "speaker", "outlet"])
def test_sql_in_a_search_is_just_text(api, field):
    for attack in ("' OR 1=1 --", '" OR ""="', "x'; DROP TABLE quotes; --"):
        got = api.get("/api/quotes", params={field: attack})
        assert got.status_code == 200, got.text
        assert got.json()["total"] == 0
    assert api.get("/api/quotes").json()["total"] > 0  # and the quotes are still there


def test_markup_in_articles_comes_back_as_plain_json_strings(api, xss):
    got = api.get("/api/articles", params={"outlet": xss["outlet"]})
    assert got.headers["content-type"] == "application/json"
    assert got.headers["x-content-type-options"] == "nosniff"
    (row,) = got.json()["articles"]
    assert row["headline"] == xss["headline"] and row["outlet"] == xss["outlet"]
    assert row["url"] == "javascript:alert(5)"
    said = api.get("/api/quotes", params={"outlet": xss["outlet"], "kind": "direct"}).json()
    assert xss["quote"] in [q["text"] for q in said["quotes"]]
    assert {q["headline"] for q in said["quotes"]} == {xss["headline"]}


def test_claims_the_most_check_worthy_first(api):
    claims = api.get("/api/claims", params={"per_page": 500}).json()
    assert claims["total"] > 0 and all(set(c) == names(ClaimHit) for c in claims["claims"])
    worth = [c["checkworthiness"] for c in claims["claims"]]
    assert worth == sorted(worth, reverse=True)
    numeric = api.get("/api/claims", params={"kind": "numeric", "per_page": 500}).json()
    assert numeric["total"] > 0 and all("numeric" in c["kinds"] for c in numeric["claims"])


def test_entities_one_entity_and_its_timeline(api):
    people = api.get("/api/entities", params={"type": "PERSON", "per_page": 500}).json()
    assert people["total"] > 0 and {e["type"] for e in people["entities"]} == {"PERSON"}
    assert all(set(e) == names(EntityRow) for e in people["entities"])
    quoted = api.get("/api/entities", params={"sort": "quotes", "per_page": 500}).json()
    counts = [e["quotes"] for e in quoted["entities"]]
    assert counts == sorted(counts, reverse=True)
    lee = next(e for e in people["entities"] if e["name"] == "Ann Lee")
    assert api.get(f"/api/entities/{lee['entity_id']}").json() == lee
    found = api.get("/api/entities/find", params={"name": "ann lee"}).json()
    assert set(found) == {"entity", "others"} and found["entity"] == lee
    assert_error(api.get("/api/entities/find", params={"name": "Nobody"}), 404, "no person")
    line = api.get(f"/api/entities/{lee['entity_id']}/timeline", params={"per_page": 500}).json()
    assert set(line) == PAGE | {"entity", "others", "items"} and line["entity"] == lee
    assert line["total"] >= lee["quotes"] and all(
        set(i) == names(TimelineItem) for i in line["items"]
    )
    dates = [i["date"] for i in line["items"] if i["date"]]
    assert dates == sorted(dates, reverse=True)
    assert_error(api.get("/api/entities/99999"), 404, "#99999")
    assert_error(api.get("/api/entities/99999/timeline"), 404)
    assert_error(api.get("/api/entities", params={"type": "PLANET"}), 400, "PERSON, ORG")
    assert_error(api.get("/api/entities", params={"sort": "fame"}), 400, "articles, quotes")


def test_compare_network_and_drift(api):
    stories = api.get("/api/compare", params={"q": "bridge"}).json()
    assert set(stories) == PAGE | {"stories"} and stories["total"] >= 1
    story = stories["stories"][0]
    assert set(story) == names(Story) and len(story["outlets"]) == 3
    assert all(set(v) == names(OutletView) for v in story["outlets"])
    assert_error(api.get("/api/compare"), 422, "query parameter q")
    net = api.get("/api/network", params={"q": "bridge"}).json()
    assert set(net) == {"nodes", "edges"} and net["edges"]
    assert all(set(n) == names(Node) for n in net["nodes"])
    assert all(set(e) == names(Edge) and e["evidence"] for e in net["edges"])
    drift = api.get("/api/drift", params={"speaker": "Ann Lee"}).json()
    assert set(drift) == PAGE | {"groups"} and drift["total"] >= 1
    group = drift["groups"][0]
    assert group["speaker"] == "Ann Lee" and group["versions"]
    assert DATE.match(group["reference"]["date"])


def test_errors_are_json_that_say_what_to_change(api):
    assert_error(api.get("/api/nowhere"), 404, "/api/nowhere", "/docs")
    assert_error(api.post("/api/quotes"), 405, "POST")
    assert_error(api.get("/api/quotes", params={"page": 0}), 422, "query parameter page")
    assert_error(api.get("/api/quotes", params={"per_page": 501}), 422, "per_page")
    assert_error(api.get("/api/quotes", params={"since": "March"}), 422, "since")
    assert_error(api.get("/api/quotes", params={"kind": "shouted"}), 422, "'direct'")
    assert_error(
        api.get("/api/quotes", params={"since": "2026-04-01", "until": "2026-03-01"}),
        400,
        "swap them",
    )


@pytest.mark.parametrize(
    "url", ["/api/quotes", "/api/nowhere", "/docs", "/openapi.json", "/static/docs.js"]
)
def test_every_response_has_the_security_headers(api, url):
    got = api.get(url)
    for name, value in SECURITY_HEADERS.items():
        assert got.headers[name] == value
    csp = got.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_openapi_lists_every_endpoint(api):
    paths = api.get("/openapi.json").json()["paths"]
    for path in (
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/claims",
        "/api/entities",
        "/api/entities/find",
        "/api/entities/{entity_id}",
        "/api/entities/{entity_id}/timeline",
        "/api/compare",
        "/api/network",
        "/api/drift",
        "/api/ingest",
    ):
        assert path in paths
    quote_params = {p["name"] for p in paths["/api/quotes"]["get"]["parameters"]}
    assert {"speaker", "text", "outlet", "since", "until", "kind", "page", "per_page"} <= (
        quote_params
    )


@pytest.mark.parametrize(
    ("url", "path", "row"),
    [
        ("/api/articles", "/api/articles", "articles"),
        ("/api/quotes", "/api/quotes", "quotes"),
        ("/api/claims", "/api/claims", "claims"),
        ("/api/entities", "/api/entities", "entities"),
        ("/api/entities/1/timeline", "/api/entities/{entity_id}/timeline", "items"),
        ("/api/compare?q=bridge", "/api/compare", "stories"),
        ("/api/drift", "/api/drift", "groups"),
        ("/api/network?q=bridge", "/api/network", "edges"),
    ],
)
def test_the_openapi_schema_names_the_fields_each_answer_has(api, url, path, row):
    spec = api.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]

    def fields(schema: dict) -> set[str]:
        ref = schema.get("$ref") or schema["items"]["$ref"]
        return set(schemas[ref.rsplit("/", 1)[1]]["properties"])

    answer = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    top = schemas[answer["schema"]["$ref"].rsplit("/", 1)[1]]["properties"]
    got = api.get(url).json()
    assert set(got) == set(top) and got[row]
    assert set(got[row][0]) == fields(top[row])


def test_docs_are_served_by_presslens_itself(api, page_assets):
    page = api.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    urls = page_assets(page.text)
    assert any(u.endswith("swagger-ui-bundle.js") for u in urls)
    for url in urls:
        asset = api.get(url)
        assert asset.status_code == 200 and len(asset.content) > 100, url
    starter = api.get("/static/docs.js").text
    assert '"/openapi.json"' in starter and "http" not in starter
    assert 'href="/docs"' in api.get("/").text  # the web UI links to them


def test_a_body_over_the_limit_is_refused_as_it_streams(corpus, make_api):
    small = make_api(create_app(corpus, max_body=1000))
    told = small.post("/api/analyze", content=b"x" * 2000)  # Content-Length says it
    assert_error(told, 413, "1,000 bytes", "--max-body")
    sent = []

    async def chunks():
        for _ in range(50):
            sent.append(1)
            yield b"y" * 100

    streamed = small.post("/api/analyze", content=chunks())  # chunked: no Content-Length
    assert_error(streamed, 413, "1,000 bytes")
    assert len(sent) < 50  # refused once past the limit, not after reading it all
    small.app.state.presslens.close()


def test_a_store_that_cannot_be_used_is_503(tmp_path, make_api):
    path = tmp_path / "gone.db"
    open_store(str(path)).dispose()
    app = create_app(str(path))
    app.state.presslens.reads.dispose()  # the store goes away under the running server
    for leftover in tmp_path.glob("gone.db*"):
        leftover.unlink()
    os.mkdir(path)
    try:
        assert_error(make_api(app).get("/api/quotes"), 503, "cannot be opened")
    finally:
        shutil.rmtree(path)
