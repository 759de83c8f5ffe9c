"""The framing layer: loaded language and labels, in the author's voice or a quote's.

Each check runs on the core stage and, with the embeddings extra, on the stage with its
fine-tuned MiniLM tagger (``make test-embeddings``).
"""

from __future__ import annotations

import pytest

from presslens.schema import Analysis

AUTHOR = (
    "Harbour plan sparks row\n\n"
    "The council's reckless and disastrous harbour plan is a shameful betrayal of every "
    "family in Eastport. Councillors voted for it on Tuesday.\n"
)
QUOTED = (
    "Harbour plan sparks row\n\n"
    "\"The council's reckless and disastrous harbour plan is a shameful betrayal of every "
    "family in Eastport,\" said Mara Lindqvist, who leads the residents' association.\n"
)
NEUTRAL = (
    "Library extends opening hours\n\n"
    "The public library on Mill Street will open until 8 p.m. on weekdays from March, the "
    "town council said on Monday. The change follows a survey of 1,200 residents. The "
    "library has 14 staff and lends about 3,000 books a week.\n"
)
LOADED = ("reckless", "disastrous", "shameful", "betrayal")


def loaded(result: Analysis) -> list:
    """Framing spans that cover one of the LOADED words."""
    return [f for f in result.framing if any(w in f.text for w in LOADED)]


@pytest.fixture(
    scope="module",
    params=[False, pytest.param(True, marks=pytest.mark.needs_extra)],
    ids=["core", "tagger"],
)
def frame(request, analyze):
    """``analyze`` without and with the MiniLM tagger."""
    return lambda text: analyze(text, embeddings=request.param)


@pytest.fixture(scope="module")
def author(frame) -> Analysis:
    return frame(AUTHOR)


@pytest.fixture(scope="module")
def quoted(frame) -> Analysis:
    return frame(QUOTED)


def test_loaded_words_in_the_articles_own_words_are_the_authors(author):
    spans = loaded(author)
    assert spans
    assert {f.category for f in spans} <= {"loaded_language", "name_calling"}
    assert all(f.voice == "author" and f.quote is None for f in spans)


def test_the_same_words_inside_a_quote_are_the_speakers(quoted):
    assert len(quoted.quotes) == 1
    spans = loaded(quoted)
    assert spans
    assert all(f.voice == "quoted" and f.quote == quoted.quotes[0].id for f in spans)
    assert not [f for f in quoted.framing if f.voice == "author" and f in spans]


def test_a_label_made_by_so_called_is_name_calling(frame):
    result = frame("The so-called experts behind the report have never visited the town.")
    labels = [f for f in result.framing if f.category == "name_calling"]
    assert [f.text for f in labels] == ["so-called experts"]
    assert labels[0].voice == "author"


def test_exaggeration_and_doubt_phrases(frame):
    result = frame(
        "Officials called the flooding unprecedented. The supposedly independent review "
        "was merely a formality."
    )
    found = {(f.text, f.category) for f in result.framing}
    assert ("unprecedented", "exaggeration") in found
    assert ("supposedly", "doubt") in found
    assert ("merely", "minimisation") in found


def test_a_neutral_factual_article_has_no_framing(frame):
    assert frame(NEUTRAL).framing == []


def test_offsets_slice_the_analysed_text(author, quoted):
    for result in (author, quoted):
        for f in result.framing:
            assert result.text[f.start : f.end] == f.text
            assert f.text == f.text.strip()
