"""The memoised attribute-ruler matcher finds exactly the matches of spaCy's Matcher, so
every token gets the same POS, morphology and lemma as with the stock model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.lang.en import English
from spacy.language import Language

from presslens.nlp.attribute_ruler import SpecMatcher, memoise_attribute_rulers
from presslens.pipeline import DEFAULT_MODEL, build_nlp

ROOT = Path(__file__).resolve().parents[2]
# the model's two-token exceptions, contractions and the DEP- and IS_SPACE-tested specs
TRICKY = (
    "Y'all ain't gonna believe it, c'mon. Let's go: there is a fee and there were two.\n\n"
    "I said it to you and you told me; but  she  left. Gotta run, it's late.\n"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(DEFAULT_MODEL)


def texts() -> list[str]:
    return [TRICKY] + [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("samples/*.txt"))]


def test_the_model_ruler_is_memoised_and_matches_what_spacy_matches(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    memo = SpecMatcher.of(ruler)
    assert memo is not None  # every pattern of the English model is a plain token spec
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(texts()))
    for doc in docs:
        stock = ruler.match(doc)
        assert stock and memo(doc) == sorted(set(stock))


def test_presslens_gives_every_token_the_stock_model_annotations(nlp):
    ours = build_nlp()
    assert not isinstance(nlp.get_pipe("attribute_ruler").match, SpecMatcher)
    assert isinstance(ours.get_pipe("attribute_ruler").match, SpecMatcher)
    model = [name for name in nlp.pipe_names]
    for text in texts():
        with ours.select_pipes(enable=model):
            mine = ours(text)
        theirs = nlp(text)
        for attr in (POS, TAG, MORPH, LEMMA):
            assert (mine.to_array(attr) == theirs.to_array(attr)).all()


def _ruler(patterns: list[dict]) -> Language:
    blank = English()
    blank.add_pipe("attribute_ruler").add_patterns(patterns)
    return blank


def test_regex_not_in_flags_and_later_patterns_winning_as_in_spacy():
    patterns = [
        {"patterns": [[{"LOWER": {"REGEX": "^colou?r$"}}]], "attrs": {"LEMMA": "colour"}},
        {
            "patterns": [[{"IS_SPACE": False, "LOWER": {"NOT_IN": ["the", "a"]}}]],
            "attrs": {"NORM": "word"},
        },
        {
            "patterns": [[{"LOWER": "the"}, {"IS_PUNCT": False}]],
            "attrs": {"LEMMA": "THE"},
            "index": 1,
        },
        {"patterns": [[{"LOWER": {"IN": ["color", "red"]}}]], "attrs": {"LEMMA": "hue"}},
        {"patterns": [[{}]], "attrs": {"TAG": "XX"}, "index": -1},
    ]
    stock, memoised = _ruler(patterns), _ruler(patterns)
    memoise_attribute_rulers(memoised)
    assert isinstance(memoised.get_pipe("attribute_ruler").match, SpecMatcher)
    text = "The colour of the red color, the  ."
    a, b = stock(text), memoised(text)
    assert [t.lemma_ for t in b] == [t.lemma_ for t in a]
    assert [t.norm_ for t in b] == [t.norm_ for t in a] and [t.tag_ for t in b] == ["XX"] * len(b)
    # "colour" meets the regex, then "the" + word (a later pattern) wins; "red": "hue" wins
    assert [t.lemma_ for t in b][1:6] == ["THE", "", "", "hue", "hue"]


def test_a_pattern_with_an_operator_keeps_spacys_matcher():
    blank = _ruler([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "very"}}])
    ruler = blank.get_pipe("attribute_ruler")
    assert SpecMatcher.of(ruler) is None
    memoise_attribute_rulers(blank)
    assert not isinstance(ruler.match, SpecMatcher)
    assert [t.lemma_ for t in blank("very very good")] == ["very", "very", ""]
