"""presslens_structure: block kinds and offsets, and sentences that stay inside blocks."""

from __future__ import annotations

import pytest
import spacy

from presslens.io.article import Article
from presslens.io.html import read_html
from presslens.nlp.layers import layers
from presslens.pipeline import DEFAULT_MODEL

ARTICLE = """Harbour reopens after storm

By Jane Doe and John Roe, Reuters

PORTVALE (Reuters) — The harbour reopened on Tuesday after a week of repairs, officials said.
Mayor Ana Ruiz thanked the crews.

“Harbour at dawn” (CC BY-SA 2.0) by Lena Park

Repairs ahead of schedule

"We will rebuild everything," Ruiz told reporters. The work cost less than expected.

Boats return to the quay on Tuesday. Photo: Tom Bell/AP

By Tuesday evening, the first ferries were back.
"""


@pytest.fixture(scope="module")
def nlp():
    """The model with only the structure component, added the way a spaCy user would."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("presslens_structure", before="tok2vec")
    return nlp


def blocks_of(nlp, article: str | Article) -> list[tuple[str, str]]:
    text = article.text if isinstance(article, Article) else article
    doc = nlp.make_doc(text)
    if isinstance(article, Article):
        layers(doc).article = article
    doc = nlp(doc)
    return [(b.kind, text[b.start : b.end]) for b in layers(doc).blocks]


def test_blocks_of_a_plain_text_article(analyze):
    a = analyze(ARTICLE)
    assert [(b.kind, a.text[b.start : b.end]) for b in a.blocks] == [
        ("headline", "Harbour reopens after storm"),
        ("byline", "By Jane Doe and John Roe, Reuters"),
        ("dateline", "PORTVALE (Reuters) —"),
        (
            "paragraph",
            "The harbour reopened on Tuesday after a week of repairs, officials said.\n"
            "Mayor Ana Ruiz thanked the crews.",
        ),
        ("caption", "“Harbour at dawn”"),
        ("credit", "(CC BY-SA 2.0) by Lena Park"),
        ("subheading", "Repairs ahead of schedule"),
        (
            "paragraph",
            '"We will rebuild everything," Ruiz told reporters. The work cost less than expected.',
        ),
        ("caption", "Boats return to the quay on Tuesday."),
        ("credit", "Photo: Tom Bell/AP"),
        ("paragraph", "By Tuesday evening, the first ferries were back."),
    ]
    assert (a.headline.start, a.headline.end, a.headline.text) == (
        0,
        27,
        "Harbour reopens after storm",
    )


def test_blocks_tile_the_non_blank_text_in_order(analyze):
    a = analyze(ARTICLE)
    covered = list(a.text)
    previous_end = 0
    for b in a.blocks:
        assert previous_end <= b.start < b.end
        assert a.text[b.start : b.end] == a.text[b.start : b.end].strip()
        covered[b.start : b.end] = " " * (b.end - b.start)
        previous_end = b.end
    assert not "".join(covered).strip()


def test_sentences_never_cross_a_block_boundary(nlp):
    text = (
        "Storm damage in numbers\n\n"
        "LONDON, March 3 — Three piers were lost and the harbour wall cracked\n\n"
        "Pictured: The old pier at low tide\n\n"
        "Getty Images\n\n"
        "Crews worked through the night and the ferries ran again by noon\n"
    )
    doc = nlp(text)
    blocks = layers(doc).blocks
    assert [b.kind for b in blocks] == [
        "headline",
        "dateline",
        "paragraph",
        "caption",
        "credit",
        "paragraph",
    ]
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        assert any(b.start <= start and end <= b.end for b in blocks), sent.text
    assert {b.start for b in blocks} <= {s.start_char for s in doc.sents}


def test_a_separate_headline_is_the_headline_even_with_a_full_stop(nlp):
    art = Article.from_text(
        "Storm hits the coast.\nCrews are out.", headline="Harbour closes after storm."
    )
    assert blocks_of(nlp, art) == [
        ("headline", "Harbour closes after storm."),
        ("paragraph", "Storm hits the coast."),
        ("paragraph", "Crews are out."),
    ]


def test_one_line_of_text_is_a_paragraph_not_a_headline(nlp):
    assert blocks_of(nlp, '"We will win," said Mayor Ana Ruiz.') == [
        ("paragraph", '"We will win," said Mayor Ana Ruiz.')
    ]


def test_paragraph_splits_follow_blank_lines_or_single_lines(nlp):
    blank_separated = "Ferries return\n\nThe first ferry left at six.\nIt was full.\n\nMore follow."
    assert blocks_of(nlp, blank_separated) == [
        ("headline", "Ferries return"),
        ("paragraph", "The first ferry left at six.\nIt was full."),
        ("paragraph", "More follow."),
    ]
    one_per_line = "Ferries return\nThe first ferry left at six.\nIt was full.\nMore follow."
    assert [k for k, _ in blocks_of(nlp, one_per_line)] == ["headline"] + ["paragraph"] * 3
    hard_wrapped = (
        "Ferries return\nThe first ferry left the quay\nat six and was full.\nMore follow."
    )
    assert blocks_of(nlp, hard_wrapped)[1] == (
        "paragraph",
        "The first ferry left the quay\nat six and was full.",
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Jane Doe", "byline"),
        ("By JANE DOE and JOHN ROE | Staff writers", "byline"),
        ("Jane Doe | Staff writer", "byline"),
        ("By the end of the week, the pier had reopened.", "paragraph"),
        ("By Tuesday, the crews had gone home.", "paragraph"),
        ("Getty Images", "credit"),
        ("(Image credit: Jane Roe)", "credit"),
        ("Tom Bell via Getty Images.", "credit"),
        ("From Reuters:", "paragraph"),
        ("Pictured: Mayor Ana Ruiz at the quay.", "caption"),
        ("Image: Ferries wait outside the harbour on Monday.", "caption"),
        ('Mayor: "We will rebuild"', "subheading"),
        ("What the repairs cost", "subheading"),
        ("She said the crews were paid by the hour.", "paragraph"),
    ],
)
def test_line_kinds_between_paragraphs(nlp, line, kind):
    text = f"Harbour news\n\nThe pier was closed.\n\n{line}\n\nThe pier reopened."
    assert blocks_of(nlp, text)[2] == (kind, line)


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("WASHINGTON (Reuters) — The vote", "WASHINGTON (Reuters) —"),
        ("LONDON, March 3 — The vote", "LONDON, March 3 —"),
        ("PORTVALE, Maine, Oct. 4 (UPI) -- The vote", "PORTVALE, Maine, Oct. 4 (UPI) --"),
        ("Geneva - The vote", "Geneva -"),
        ("PORTVALE (CNN)The vote", "PORTVALE (CNN)"),
        ("Ana Ruiz — the mayor — said the vote", None),
    ],
)
def test_dateline_opening_the_first_paragraph(nlp, opening, dateline):
    blocks = blocks_of(nlp, f"Harbour vote\n\n{opening} was close.\n\nMore later.")
    if dateline is None:
        assert blocks[1] == ("paragraph", f"{opening} was close.")
    else:
        assert blocks[1:3] == [("dateline", dateline), ("paragraph", "The vote was close.")]


def test_html_hints_give_the_blocks(nlp):
    art = read_html(
        "<html><body><article><h1>Harbour reopens</h1>"
        "<p>PORTVALE (AP) — The harbour reopened on Tuesday after repairs, officials said.</p>"
        "<figure><img src='a.jpg'><figcaption>Boats at the quay. Photo: Tom Bell/AP"
        "</figcaption></figure>"
        "<h2>What comes next</h2><p>Ferries will run from Monday, the port said.</p>"
        "</article></body></html>"
    )
    assert blocks_of(nlp, art) == [
        ("headline", "Harbour reopens"),
        ("dateline", "PORTVALE (AP) —"),
        ("paragraph", "The harbour reopened on Tuesday after repairs, officials said."),
        ("caption", "Boats at the quay."),
        ("credit", "Photo: Tom Bell/AP"),
        ("subheading", "What comes next"),
        ("paragraph", "Ferries will run from Monday, the port said."),
    ]
