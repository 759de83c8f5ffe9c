"""The HTML report in a real browser: Debian's chromium driven by Playwright, offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from presslens.export.html import render_html

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements/lock.txt")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTICLE = (
    "Riverton council backs new bridge\n\n"
    "By Mara Okafor\n\n"
    "RIVERTON, March 14 — The council voted 6-3 on Thursday to replace the Mill Street bridge.\n\n"
    '"This bridge has carried our grandparents," said Mayor Ana Ruiz. '
    '"Today we decided it will carry our grandchildren too."\n\n'
    "Councillor Tomas Brandt said the price was too high. "
    '"We are spending money we do not have," he said.'
)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = "no /usr/bin/chromium: apt-get install -y chromium"
        if os.environ.get("CI"):  # CI installs it (.ci/run): a missing browser is a failure there
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def person(analysis, name: str) -> str:
    return next(e.id for e in analysis.entities if e.name == name)


def test_report_tooltips_and_entity_focus(analyze, browser, tmp_path):
    analysis = analyze(ARTICLE, published="2024-03-14")
    ruiz, brandt = person(analysis, "Ana Ruiz"), person(analysis, "Tomas Brandt")
    report = tmp_path / "report.html"
    report.write_text(render_html(analysis), encoding="utf-8")

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())

    quote = page.locator(f'article .q[data-entity="{ruiz}"]').first
    quote.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Ana Ruiz" in tip.inner_text()
    assert "cue: said" in tip.inner_text()

    page.locator(f'button[data-focus="{brandt}"]').click()
    brandt_quotes = page.locator(f'article .q[data-entity="{brandt}"]')
    assert brandt_quotes.count() >= 1
    for i in range(brandt_quotes.count()):
        assert "focus" in brandt_quotes.nth(i).get_attribute("class").split()
    assert "focus" not in quote.get_attribute("class").split()
    assert page.evaluate("document.body.classList.contains('focusing')")
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)

    page.locator('input[data-layer="quotes"]').uncheck()
    assert "off" in quote.get_attribute("class").split()
    assert errors == []
    assert (tmp_path / "report.png").stat().st_size > 10_000
    page.close()


CHECKED = (
    "Mayor demands new homes as council backs housing plan\n\n"
    "By Lena Hart\n\n"
    "The Riverton council on Tuesday approved a plan to build about 300 homes on the old "
    "rail yard, a decision that will cost the city $38 million.\n\n"
    "Mayor Ana Ruiz asked the council to consider adding more homes. "
    '"This reckless delay has been a disaster for young families," Ruiz said.\n\n'
    "Residents protested outside the town hall on Monday, and police arrested two men."
)


def test_report_headline_check_and_new_layers(analyze, browser, tmp_path):
    analysis = analyze(CHECKED, published="2026-03-14")
    assert analysis.headline_check.verdict == "overstated"
    report = tmp_path / "checked.html"
    report.write_text(render_html(analysis), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())

    # The check comes first, above the article, and names the contested word and the evidence.
    panel = page.locator("section.hcheck")
    assert "overstated" in panel.inner_text().lower()
    assert panel.evaluate("el => el.compareDocumentPosition(document.querySelector('article'))") & 4
    contested = page.locator("article h1 .hlf.vd-overstated")
    assert contested.inner_text() == "demands"
    panel.locator("a.ev").first.click()
    assert page.evaluate("location.hash") == "#f1-e1"
    assert page.locator("#f1-e1").inner_text() == "asked"

    # Loaded words inside a quote are the speaker's, drawn apart from the author's voice.
    loaded = page.locator("article .frame.v-quoted")
    assert loaded.count() >= 1
    assert "disaster" in " ".join(loaded.all_inner_texts())
    assert page.locator("article .frame.v-author").count() == 0

    # A date shows the day it resolves to; claims and events are listed beside the text.
    page.locator("article .time", has_text="Tuesday").hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "2026-03-10" in tip.inner_text()
    assert "$38 million" in " ".join(page.locator("aside .claim-ref").all_inner_texts())
    assert "COERCE" in " ".join(page.locator("aside .item.event").all_inner_texts())

    page.locator('input[data-layer="framing"]').uncheck()
    assert "off" in loaded.first.get_attribute("class").split()
    assert errors == []
    page.close()
