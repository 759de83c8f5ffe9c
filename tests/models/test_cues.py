"""The shipped cue classifier and the command that trains it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from presslens.cli import main
from presslens.models.cues import CueModel, load_cue_model
from presslens.pipeline import DEFAULT_MODEL


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def model() -> CueModel:
    return load_cue_model()


def prob(nlp, model: CueModel, text: str, word: str) -> float:
    doc = nlp(text)
    return model.probability(next(t for t in doc if t.text == word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The mayor said the plan failed.", "said"),
        ('"We will win," Mayor Ana Ruiz told reporters on Monday.', "told"),
        ("According to the mayor, the bridge will open in May.", "According"),
        ("The council argued that the budget was too small.", "argued"),
    ],
)
def test_reporting_words_score_high(nlp, model: CueModel, text: str, word: str) -> None:
    assert prob(nlp, model, text, word) > 0.5


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The mayor ate lunch.", "ate"),
        ("The city built a new bridge over the river last year.", "built"),
        ("Workers painted the school on Tuesday.", "painted"),
    ],
)
def test_other_verbs_score_low(nlp, model: CueModel, text: str, word: str) -> None:
    assert prob(nlp, model, text, word) < 0.5


def test_candidates_are_verbs_and_learned_cue_words(nlp, model: CueModel) -> None:
    doc = nlp("According to the mayor, the bridge will open in May.")
    assert model.is_candidate(doc[0])  # "According"
    assert model.is_candidate(doc[8])  # "open", a verb
    assert not model.is_candidate(doc[2])  # "the"


def test_model_is_read_once_and_round_trips(model: CueModel) -> None:
    assert load_cue_model() is model
    again = CueModel.from_json(model.to_json())
    assert again == model


TRAIN_TEXTS = [
    'Budget Row\n\nThe mayor said the budget was too small. "We need more," she told reporters.\n',
    "Bridge Plan\n\nOfficials said the bridge would open. Crews built the deck in May.\n",
    "School Vote\n\nAccording to the board, the school will close. Parents ate lunch outside.\n",
    "Rail Strike\n\nUnion leaders said the strike would end. Drivers parked the trains.\n",
]
CUES = [("said", "told"), ("said",), ("According to",), ("said",)]


def write_corpus(root: Path) -> None:
    """Invented articles in the PolNeAR layout, train and dev alike."""
    for split in ("train", "dev"):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir()
        for n, (text, cues) in enumerate(zip(TRAIN_TEXTS, CUES, strict=True)):
            (root / split / "text" / f"a{n}.txt").write_text(text, encoding="utf-8")
            lines = []
            for k, cue in enumerate(cues, 1):
                s = text.index(cue)
                c = text.index(" ", s + len(cue)) + 1
                end = text.index(".", c)
                lines += [
                    f"T{2 * k - 1}\tCue {s} {s + len(cue)}\t{cue}",
                    f"T{2 * k}\tContent {c} {end}\t{text[c:end]}",
                    f"E{k}\tAttribution-no-source:T{2 * k - 1} Cue:T{2 * k - 1} Content:T{2 * k}",
                ]
            (root / split / "attributions" / f"a{n}_ann1.ann").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )


def test_train_command_writes_a_loadable_model_and_reports_dev(nlp, tmp_path: Path) -> None:
    write_corpus(tmp_path / "polnear")
    out = tmp_path / "cues.json"
    result = CliRunner().invoke(
        main, ["train", "cues", str(tmp_path / "polnear"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "token F1" in result.output and "PolNeAR dev (4 articles)" in result.output
    trained = CueModel.from_json(out.read_text(encoding="utf-8"))
    text = "The mayor said the city built a bridge."
    assert prob(nlp, trained, text, "said") > prob(nlp, trained, text, "built")
