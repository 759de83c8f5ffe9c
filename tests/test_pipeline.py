"""A text longer than ``Settings.piece_chars`` is parsed in pieces: same text, same offsets."""

from __future__ import annotations

import pytest

import presslens
from presslens import Article, Settings
from presslens.nlp.layers import analysis_from_doc, layers
from presslens.pipeline import build_nlp, piece_cuts, run_in_pieces

FIRST = (
    "Harbour workers walk out in Port Calder\n\n"
    "PORT CALDER — Dock workers walked off the job on Monday, halting cargo at the city's "
    'main port. "We have waited three years for a fair contract," said Ana Ruiz, a crane '
    "operator who leads the local union.\n\n"
    "The port authority said in a statement that talks would resume on Thursday. Its "
    'director, Tom Becker, told reporters the strike was "deeply regrettable" and urged '
    "both sides to return to the table.\n\n"
)
SECOND = (
    "Shipping companies warned that delays could spread to rail yards across the region. "
    '"Every day of this costs us customers," said Maria Okafor, who runs a freight firm in '
    "Dayton.\n\n"
    "Okafor said her company had already diverted four ships to other ports since March 3. "
    "City officials said the mayor, Helen Park, would meet union leaders on Friday.\n\n"
)
PIECE = 1500


def long_text() -> str:
    """Paragraphs of news, the names of SECOND only after the first piece."""
    text = FIRST * 3
    return text + SECOND * (2 * PIECE // len(SECOND) + 1)


def test_pieces_end_after_a_blank_line_else_a_line_a_sentence_a_word():
    text = "a" * 60 + "\n\n" + "b" * 30 + "\n" + "c" * 40
    assert piece_cuts(text, 100) == [62, len(text)]
    assert piece_cuts("a" * 60 + "\n" + "b" * 60, 100) == [61, 121]
    assert piece_cuts("Aa. " * 30, 100) == [100, 120]
    assert piece_cuts("word " * 30, 22) == [20, 40, 60, 80, 100, 120, 140, 150]
    assert piece_cuts("x" * 250, 100) == [100, 200, 250]
    assert piece_cuts("short", 100) == [5]


def test_a_long_text_is_parsed_in_pieces_joined_into_the_same_text(nlp):
    text = long_text()
    assert len(piece_cuts(text, PIECE)) > 2
    doc = nlp.tokenizer(text)
    layers(doc).article = Article.from_text(text)
    joined = run_in_pieces(nlp, doc, PIECE)
    assert joined.text == text
    assert [t.text for t in joined] == [t.text for t in nlp.tokenizer(text)]
    assert joined.has_annotation("DEP") and joined.has_annotation("ENT_IOB")


def test_every_span_of_a_long_text_indexes_the_whole_text(analyze):
    text = long_text()
    first_piece_end = piece_cuts(text, PIECE)[0]
    a = analyze(text, settings=Settings(piece_chars=PIECE))
    assert a.text == text
    spans = [m for e in a.entities for m in e.mentions]
    spans += [q.content for q in a.quotes] + [q.cue for q in a.quotes if q.cue]
    spans += [*a.claims, *(e.trigger for e in a.events)]
    for s in [*spans, *a.times]:
        assert text[s.start : s.end] == s.text
    okafor = next(e for e in a.entities if e.name == "Maria Okafor")
    assert min(m.start for m in okafor.mentions) > first_piece_end
    late = [q for q in a.quotes if q.content.start > first_piece_end]
    assert any(q.speaker and q.speaker.entity == okafor.id for q in late)
    assert any(t.start > first_piece_end and t.text == "March 3" for t in a.times)


def test_one_piece_gives_the_analysis_of_a_short_text(nlp):
    text = FIRST + SECOND
    art = Article.from_text(text, published="2026-03-14")
    doc = nlp.tokenizer(text)
    layers(doc).article = art
    whole = analysis_from_doc(run_in_pieces(nlp, doc, len(text)))
    assert whole == presslens.analyze(art)


def test_the_models_max_length_no_longer_refuses_a_text(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 2 * PIECE)
    text = long_text()
    assert len(text) > nlp.max_length
    assert presslens.analyze(text, settings=Settings(piece_chars=PIECE)).text == text


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()
