"""The web UI's pages against the real app on the demo corpus and an article full of markup:
what a reader checks (the counts, the links, the facets, the pages of a search, the report,
the person), that nothing from the store is ever markup, and the Content-Security-Policy."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import lxml.html
import pytest

from presslens.web.guard import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.slow  # the store is built with the real pipeline


def html_page(api, url: str, status: int = 200):
    """The page at ``url`` (asserted HTML with ``status``) as an lxml tree."""
    got = api.get(url)
    assert got.status_code == status, (url, got.text[:500])
    assert got.headers["content-type"].startswith("text/html")
    assert got.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    return lxml.html.fromstring(got.text)


def links(doc, where: str) -> list[tuple[str, str]]:
    """``(text, href)`` of the links under the elements of the XPath ``where``."""
    return [(a.text_content().strip(), a.get("href")) for a in doc.xpath(f"{where}//a[@href]")]


def query(href: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def hits(doc) -> list[str]:
    return [
        h.text_content().strip() for h in doc.xpath('//*[@data-testid="hit"]//*[@class="hit-text"]')
    ]


def test_home_shows_the_corpus_and_its_most_quoted_people(api):
    summary = api.get("/api/summary").json()
    assert summary["articles"] == api.get("/api/articles").json()["total"] == 6
    doc = html_page(api, "/")
    glance = doc.xpath('//*[@data-testid="summary"]')[0].text_content()
    for n, what in (
        (6, "articles"),
        (summary["outlets"], "outlets"),
        (summary["quotes"], "quotes"),
    ):
        assert f"{n} {what}" in " ".join(glance.split())
    assert summary["first"] in glance and summary["last"] in glance
    people = links(doc, '//*[@data-testid="top-people"]')
    assert [name for name, _ in people] == [p["name"] for p in summary["people"]]
    assert people[0][0] == "Ann Lee"
    for name, href in people[:3]:  # each opens that person's page
        page = html_page(api, href)
        assert page.xpath('string(//*[@data-testid="entity-name"])').startswith(name)
    for outlet, href in links(doc, '//*[@data-testid="top-outlets"]'):
        assert query(href)["outlet"] == outlet
        found = html_page(api, href)
        shown = {
            a.text_content() for a in found.xpath('//*[@data-testid="hit"]//a[@class="hit-outlet"]')
        }
        assert shown <= {outlet}
    form = doc.xpath('//form[@role="search"]')[0]
    assert form.get("action") == "/search" and doc.xpath('//label[@for="q"]')  # a labelled box


def test_a_search_has_facets_pages_and_a_url_that_holds_it(api):
    first = html_page(api, "/search?what=quotes&per_page=5")
    second_href = first.xpath('//nav[@data-testid="pager"]//a[@rel="next"]/@href')[0]
    assert query(second_href) == {"what": "quotes", "per_page": "5", "page": "2"}
    second = html_page(api, second_href)
    assert len(hits(first)) == len(hits(second)) == 5 and not set(hits(first)) & set(hits(second))
    back = second.xpath('//nav[@data-testid="pager"]//a[@rel="prev"]/@href')[0]
    assert hits(html_page(api, back)) == hits(first)
    # a speaker facet narrows the result to that speaker, keeping the words asked for
    doc = html_page(api, "/search?q=bridge")
    speakers = links(doc, '//*[@data-testid="facet-speakers"]')
    assert speakers and all(query(h)["q"] == "bridge" for _, h in speakers)
    name, href = speakers[0]
    narrowed = html_page(api, href)
    said_by = {w.text_content() for w in narrowed.xpath('//*[@class="hit-who"]/*[1]')}
    assert said_by == {name} and hits(narrowed)
    outlet, href = links(narrowed, '//*[@data-testid="facet-outlets"]')[0]
    assert query(href) == {"what": "quotes", "q": "bridge", "speaker": name, "outlet": outlet}
    removed = links(html_page(api, href), '//*[@data-testid="active-filters"]')
    assert {tuple(sorted(query(h))) for _, h in removed} == {
        ("outlet", "q", "what"),
        ("q", "speaker", "what"),
    }
    months = links(doc, '//*[@data-testid="facet-months"]')
    assert months and query(months[0][1])["since"] == months[0][0] + "-01"
    in_month = html_page(api, months[0][1]).xpath('//*[@data-testid="hit"]//time/@datetime')
    assert in_month and all(d.startswith(months[0][0]) for d in in_month)
    claims = html_page(api, "/search?what=claims")
    assert hits(claims) and claims.xpath('//input[@name="what"][@value="claims"][@checked]')


def test_a_result_opens_its_article_and_its_speaker(api):
    doc = html_page(api, "/search?speaker=Ann+Lee&per_page=3")
    for hit in doc.xpath('//*[@data-testid="hit"]'):
        article = hit.xpath('.//a[@class="hit-article"]')[0]
        report = html_page(api, article.get("href"))
        assert article.text_content() in report.xpath("string(//h1)")
        assert "Ann Lee" in report.xpath('string(//*[@class="speaker"])')
        anchor = hit.xpath('.//*[@class="hit-text"]/a/@href')[0].partition("#")[2]
        assert report.xpath(f'//*[@id="{anchor}"]')  # the link lands on the quote
        person = html_page(api, hit.xpath('.//a[@class="speaker-link"]/@href')[0])
        assert person.xpath('string(//*[@data-testid="entity-name"])').startswith("Ann Lee")


def test_the_article_page_is_the_report_inside_the_site(api, page_assets):
    first = api.get("/api/articles", params={"outlet": "Metro Daily"}).json()["articles"][0]
    url = f"/articles/{first['article_id']}"
    page = api.get(url).text
    doc = html_page(api, url)
    assert doc.xpath('//*[@aria-label="Headline check"]') and doc.xpath("//input[@data-layer]")
    assert len(doc.xpath("//main")) == 1 and doc.xpath('//main[@id="main"]')  # the skip link's
    assert doc.xpath('//*[@class="site-header"]') and first["headline"] in doc.xpath("string(//h1)")
    named = dict(links(doc, '//*[@data-testid="article-entities"]'))
    assert "Ann Lee" in named  # the people it names, each with their page
    assert html_page(api, named["Ann Lee"]).xpath("string(//h1)").startswith("Ann Lee")
    urls = page_assets(page)
    assert "/static/report/report.js" in urls and "/static/report/report.css" in urls
    for asset in urls:
        assert api.get(asset).status_code == 200, asset


def test_a_person_page_has_aliases_counts_outlets_and_a_paged_timeline(api):
    lee = api.get("/api/entities/find", params={"name": "Ann Lee"}).json()["entity"]
    doc = html_page(api, f"/entities/{lee['entity_id']}?per_page=2")
    assert "Mayor Lee" in doc.xpath('string(//*[@class="aliases"])')
    counts = " ".join(doc.xpath('string(//*[@data-testid="entity-counts"])').split())
    assert f"{lee['quotes']} quotes" in counts and f"{lee['articles']} articles" in counts
    outlets = links(doc, '//*[@data-testid="entity-outlets"]')
    assert [o for o, _ in outlets] == list(lee["outlets"])
    assert doc.xpath('//*[@id="timeline-chart"]')  # where the chart goes
    items = doc.xpath('//*[@data-testid="timeline-item"]//time/@datetime')
    assert len(items) == 2 and items == sorted(items, reverse=True)
    older = doc.xpath('//nav[@data-testid="pager"]//a[@rel="next"]/@href')[0]
    assert query(older) == {"per_page": "2", "page": "2"}
    later = html_page(api, older).xpath('//*[@data-testid="timeline-item"]//time/@datetime')
    assert later and max(later) <= min(items)


def xss_pages(api) -> list[str]:
    """Every page that shows the markup article's headline, outlet, speaker or quote."""
    row = api.get("/api/articles", params={"since": "2026-03-20"}).json()["articles"][0]
    holm = api.get("/api/entities/find", params={"name": "Mia Holm"}).json()["entity"]
    return [
        "/",
        "/search?q=port",
        "/search?speaker=Mia+Holm",
        "/search?" + urlencode({"what": "claims", "outlet": row["outlet"]}),
        "/search?" + urlencode({"outlet": row["outlet"]}),
        f"/articles/{row['article_id']}",
        f"/entities/{holm['entity_id']}",
        '/search?q=<script>alert(9)</script>&speaker="><svg onload=alert(9)>',
        "/nowhere/<script>alert(9)</script>",
    ]


def test_markup_from_the_store_is_only_ever_text(api, xss, page_assets):
    for url in xss_pages(api):
        got = api.get(url)
        assert got.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        html = got.text
        for raw in ("<script>alert", "<img src=x", "<svg onload", "<a href='javascript"):
            assert raw not in html, (url, raw)
        doc = lxml.html.fromstring(html)
        assert not doc.xpath('//*[starts-with(normalize-space(@href), "javascript")]'), url
        assert not doc.xpath("//img | //svg | //iframe | //object"), url
        for script in doc.xpath("//script"):  # only the app's own files
            assert script.get("src", "").startswith("/static/") and not script.text, url
        page_assets(html)  # no inline script, style or event handler
    article = api.get(xss_pages(api)[5]).text
    assert "&lt;script&gt;alert(&#34;h&#34;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "&#34;&gt;&lt;svg onload=alert(2)&gt; Gazette" in article
    assert "javascript:alert(5)" in article  # the article's URL, shown but never a link
    originals = html_page(api, "/search?q=bridge").xpath('//a[@class="hit-url"]/@href')
    assert originals and all(u.startswith(("http://", "https://")) for u in originals)
    assert not html_page(api, "/search?q=port").xpath('//a[@class="hit-url"]')  # javascript:
    quote = api.get("/search?speaker=Mia+Holm").text
    assert "Click &lt;a href=&#39;javascript:alert(3)&#39;&gt;here&lt;/a&gt;" in quote


def test_errors_on_pages_are_short_html_pages_the_api_keeps_json(api):
    for url, status, words in (
        ("/articles/999999", 404, "no analysed article 999999"),
        ("/entities/999999", 404, "no person or organisation"),
        ("/search?since=2026-03-12&until=2026-03-01", 400, "swap them"),
        ("/search?page=0", 422, "page"),
        ("/search?what=everything", 422, "what"),
        ("/nowhere", 404, "/nowhere"),
    ):
        doc = html_page(api, url, status)
        assert words in doc.xpath('string(//*[@data-testid="error-message"])'), url
        assert doc.xpath('//a[@href="/"]')
    got = api.get("/api/articles/999999")
    assert got.status_code == 404 and got.json()["error"]["status"] == 404
