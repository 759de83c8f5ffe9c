"""The HTML report and the brat export, on real analyses and on hand-built ones."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from presslens.cli import main
from presslens.export.brat import render_brat
from presslens.export.html import render_html
from presslens.schema import Analysis, Block, Entity, Quote, Source, Span, Speaker

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = (
    "Mayor backs <script>alert(1)</script> bridge\n\n"
    "By Jo Park\n\n"
    'RIVERTON, April 3 — "We will build it," said Mayor Ana Ruiz, "and we will build it fast."\n\n'
    "Ruiz said the council agreed. \"It was 'a historic day',\" she said.\n\n"
    '"The plan\nis late," a city official said. "><img src=x onerror=alert(2)>\n\n'
    "Pictured: the old bridge at dusk. Photo: Lee Ong"
)


def at(text: str, s: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``s`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(s, start + 1)
    return Span(start=start, end=start + len(s), text=s)


def block(text: str, kind: str, s: str) -> Block:
    span = at(text, s)
    return Block(kind=kind, start=span.start, end=span.end)


def speaker(text: str, s: str, entity: str | None, nth: int = 0, **kw) -> Speaker:
    return Speaker(entity=entity, **at(text, s, nth).model_dump(), **kw)


@pytest.fixture(scope="module")
def built() -> Analysis:
    """An analysis written by hand: nested, discontinuous and crossing spans, hostile text."""
    t = HOSTILE
    paras = t.split("\n\n")
    first, second = at(t, "We will build it,"), at(t, "and we will build it fast.")
    return Analysis(
        text=t,
        source=Source(
            id="hostile",
            outlet="Riverton <b>Ledger</b>",
            published="2024-04-03",
            url="javascript:x",
        ),
        headline=at(t, paras[0]),
        blocks=[
            block(t, "headline", paras[0]),
            block(t, "byline", paras[1]),
            block(t, "dateline", "RIVERTON, April 3 —"),
            block(t, "paragraph", paras[2]),
            block(t, "paragraph", paras[3]),
            block(t, "paragraph", paras[4]),
            block(t, "caption", "Pictured: the old bridge at dusk."),
            block(t, "credit", "Photo: Lee Ong"),
        ],
        entities=[
            Entity(
                id="E1",
                name="Ana Ruiz",
                type="PERSON",
                title="mayor",
                aliases=["Ruiz"],
                mentions=[at(t, "Mayor Ana Ruiz"), at(t, "Ruiz", 1), at(t, "she")],
            ),
            Entity(id="E2", name="Jo Park", type="PERSON", mentions=[at(t, "Jo Park")]),
            Entity(id="E3", name="the council", type="ORG", mentions=[at(t, "the council")]),
        ],
        quotes=[
            Quote(
                id="Q1",
                kind="direct",
                content=Span(start=first.start, end=second.end, text=t[first.start : second.end]),
                spans=[first, second],
                cue=at(t, "said"),
                speaker=speaker(t, "Mayor Ana Ruiz", "E1"),
                date="2024-04-03",
                confidence=0.9,
            ),
            Quote(
                id="Q2",
                kind="indirect",
                content=at(t, "the council agreed"),
                # a cue that crosses the end of the content: drawn in two pieces
                cue=at(t, "said the"),
                speaker=speaker(t, "Ruiz", "E1", 1),
                confidence=0.7,
            ),
            Quote(
                id="Q3",
                kind="direct",
                content=at(t, "It was 'a historic day',"),
                cue=at(t, "said", 2),
                speaker=speaker(t, "she", "E1"),
                confidence=0.9,
            ),
            Quote(
                id="Q4",
                kind="partial",
                content=at(t, "a historic day"),
                embedded_in="Q3",
                confidence=0.5,
            ),
            Quote(
                id="Q5",
                kind="direct",
                content=at(t, "The plan\nis late,"),
                cue=at(t, "said", 3),
                speaker=speaker(t, "a city official", None, anonymous=True),
                channel="statement",
                confidence=0.6,
            ),
            Quote(
                id="Q6",
                kind="direct",
                content=at(t, '"><img src=x onerror=alert(2)>'),
                confidence=0.3,
            ),
        ],
        warnings=["replaced 2 undecodable bytes"],
    )


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def pieces(doc: lxml.html.HtmlElement, key: str, css: str = "q") -> list[lxml.html.HtmlElement]:
    return doc.xpath(
        f'//article//span[@data-key="{key}"][contains(concat(" ", @class, " "), " {css} ")]'
    )


def test_each_quote_is_highlighted_with_its_speaker(built):
    doc = parse(render_html(built))
    for q in built.quotes:
        found = pieces(doc, q.id)
        assert [p.text_content() for p in found] == [s.text for s in q.spans or [q.content]]
        assert len(doc.xpath(f'//*[@id="{q.id}"]')) == 1
    ruiz = pieces(doc, "Q1")
    assert all(p.get("data-entity") == "E1" and "Ana Ruiz" in p.get("title") for p in ruiz)
    assert "cue: said" in ruiz[0].get("title")
    official = pieces(doc, "Q5")[0]
    assert "a city official (anonymous)" in official.get("title")
    assert "channel: statement" in official.get("title")
    assert "cx" in official.get("class").split()  # the neutral colour
    assert pieces(doc, "Q1")[0].get("class") != official.get("class")


def test_cue_and_speaker_are_marked(built):
    doc = parse(render_html(built))
    assert [c.text_content() for c in pieces(doc, "Q1", "cue")] == ["said"]
    assert [s.text_content() for s in pieces(doc, "Q1", "spk")] == ["Mayor Ana Ruiz"]
    # the cue "said the" crosses the end of nothing it encloses: two pieces, one annotation
    assert "".join(c.text_content() for c in pieces(doc, "Q2", "cue")) == "said the"


def test_nested_and_crossing_spans_keep_the_text_intact(built):
    doc = parse(render_html(built))
    (inner,) = pieces(doc, "Q4")
    assert any(a.get("data-key") == "Q3" for a in inner.iterancestors("span"))
    article = doc.xpath("//article")[0]
    shown = [el.text_content() for el in article]
    assert shown == [
        built.text[b.start : b.end] for b in built.blocks if b.kind != "dateline"
    ]  # the dateline is drawn inside its paragraph
    assert article.xpath('.//span[contains(@class, "dateline")]')[0].text_content() == (
        "RIVERTON, April 3 —"
    )


def test_article_text_is_never_markup(built):
    html = render_html(built)
    doc = parse(html)
    assert doc.xpath("//img") == []
    assert not [b for b in doc.xpath("//b") if b.text_content() == "Ledger"]
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text_content()
    assert "<script>alert(1)</script>" in doc.xpath("//h1")[0].text_content()
    assert '"><img src=x onerror=alert(2)>' in pieces(doc, "Q6")[0].text_content()
    assert "Riverton <b>Ledger</b>" in doc.xpath('//*[@class="source"]')[0].text_content()
    assert not doc.xpath('//a[starts-with(@href, "javascript")]')


def test_report_shows_structure_source_and_warnings(built):
    doc = parse(render_html(built))
    assert doc.xpath("//h1")[0].text_content().startswith("Mayor backs")
    assert doc.xpath('//p[@class="byline"]')[0].text_content() == "By Jo Park"
    assert (
        doc.xpath('//p[@class="caption"]')[0].text_content() == "Pictured: the old bridge at dusk."
    )
    assert doc.xpath('//p[@class="credit"]')[0].text_content() == "Photo: Lee Ong"
    source = doc.xpath('//*[@class="source"]')[0].text_content()
    assert "2024-04-03" in source and "javascript:x" in source
    assert "replaced 2 undecodable bytes" in doc.xpath('//*[@class="warnings"]')[0].text_content()


def test_entity_panel_lists_people_with_their_quote_counts(built):
    doc = parse(render_html(built))
    (ruiz,) = doc.xpath('//button[@data-focus="E1"]')
    text = " ".join(ruiz.text_content().split())
    assert "Ana Ruiz" in text and "PERSON" in text and "mayor" in text and "also: Ruiz" in text
    assert "3 quotes" in text
    assert "0 quotes" in " ".join(doc.xpath('//button[@data-focus="E2"]')[0].text_content().split())
    heads = [h.text_content() for h in doc.xpath('//section[@class="speaker"]/h3')]
    assert heads[0] == "Ana Ruiz" and "a city official (anonymous)" in heads


def test_report_of_a_real_analysis(analyze):
    a = analyze(
        "Bridge plan approved\n\n"
        '"We will build it," said Mayor Ana Ruiz on Thursday. "It will open next year."\n\n'
        "Councillor Tomas Brandt said the price was too high.",
        published="2024-03-14",
    )
    doc = parse(render_html(a))
    assert a.quotes
    for q in a.quotes:
        name = a.entity(q.speaker.entity).name if q.speaker and q.speaker.entity else None
        for piece, span in zip(pieces(doc, q.id), q.spans or [q.content], strict=True):
            assert piece.text_content() == span.text
            assert name is None or name in piece.get("title")
    ruiz = [q for q in a.quotes if "We will build it" in q.content.text]
    assert ruiz and "Ana Ruiz" in pieces(doc, ruiz[0].id)[0].get("title")


BRAT_LINE = re.compile(r"^(T\d+)\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")


def check_brat(analysis: Analysis, ann: str) -> dict[str, str]:
    """Every text-bound line has the exact surface text at its offsets; returns id -> label."""
    labels = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, label, offsets, surface = BRAT_LINE.match(line).groups()
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            assert surface == " ".join(analysis.text[s:e] for s, e in frags)
            assert all("\n" not in analysis.text[s:e] for s, e in frags)
            labels[tid] = label
    for line in ann.splitlines():
        if line.startswith("E"):
            for arg in line.split("\t")[1].split():
                role, tid = arg.split(":")
                assert labels[tid] == role
    return labels


def test_brat_lines_mirror_polnear(built):
    ann = render_brat(built)
    check_brat(built, ann)
    lines = ann.splitlines()
    t = built.text
    src, cue = at(t, "Mayor Ana Ruiz"), at(t, "said")
    first, second = at(t, "We will build it,"), at(t, "and we will build it fast.")
    assert lines[:7] == [
        f"T1\tSource {src.start} {src.end}\tMayor Ana Ruiz",
        f"T2\tCue {cue.start} {cue.end}\tsaid",
        f"T3\tContent {first.start} {first.end};{second.start} {second.end}\t"
        "We will build it, and we will build it fast.",
        f"T4\tAttribution {cue.start} {cue.end}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "A1\tKind E1 direct",
        "#1\tAnnotatorNotes T4\tQ1; speaker: Ana Ruiz; date: 2024-04-03; confidence: 0.90",
    ]
    # a content with a line break is cut into two fragments
    official = next(line for line in lines if line.startswith("T") and "The plan" in line)
    assert official.split("\t")[2] == "The plan is late,"
    assert ";" in official.split("\t")[1]
    assert "*\tCoreference T" in ann


def test_brat_of_a_real_analysis(analyze):
    a = analyze(
        "Port Calder\n\n"
        '"Nobody listened," Jonas Wexler, a union spokesman, said. "Not once.\n'
        'Not ever."\n\n'
        "According to the union, the crane was never inspected."
    )
    ann = render_brat(a)
    labels = check_brat(a, ann)
    assert list(labels.values()).count("Content") == len(a.quotes) > 0
    assert "Person" in labels.values()


@pytest.mark.slow
def test_demo_samples_through_the_cli(tmp_path):
    samples = sorted(str(p) for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".html"))
    assert any(s.endswith(".txt") for s in samples) and any(s.endswith(".html") for s in samples)
    result = CliRunner().invoke(
        main, ["analyze", *samples, "--format", "html", "--out-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    reports = {p.stem: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.html")}
    assert set(reports) == {Path(s).stem for s in samples}
    page = parse(reports["amberly-festival"])
    body = page.xpath("//article")[0].text_content()
    assert "Cookie settings" not in body and "lakefan77" not in body and "Most read" not in body
    assert page.xpath("//h1")[0].text_content().startswith("Amberly food festival")
    assert page.xpath('//*[@class="caption"]') and page.xpath('//*[@class="credit"]')
    assert "2024-06-09" in page.xpath('//*[@class="source"]')[0].text_content()
    for html in reports.values():
        assert parse(html).xpath('//article//span[contains(@class, " q ")]')
