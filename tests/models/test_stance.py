"""Headline-vs-body stance: the shipped model, the FNC-1 scorer, training and evaluation."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from presslens.datasets.fnc1 import read_pairs, split
from presslens.evaluate.fnc1 import run
from presslens.evaluate.fnc1_table import fnc_score
from presslens.models.stance import STANCES, StanceModel, predict_stance
from presslens.training.stance import fit_model, train

HEADLINE = "Mayor of Riverton resigns after budget scandal"
RESTATING = (
    "The mayor of Riverton, Anna Kowalski, resigned on Tuesday after weeks of pressure over "
    "a budget scandal. Kowalski said in a statement that she was stepping down to spare the "
    "city further turmoil. The council had found that 2 million dollars of the budget were "
    "moved to a private consultancy without a vote. Her deputy will lead the city until an "
    "election is held in the spring."
)
DENYING = (
    "Anna Kowalski, the mayor of Riverton, denied reports that she had resigned over the "
    "budget scandal. 'The claim is false. I have not resigned and I will not resign,' "
    "Kowalski told reporters on Tuesday. Her office called the story a hoax spread on social "
    "media and said the mayor was at work as usual. The council has not found any wrongdoing."
)
UNRELATED = (
    "Heavy rain flooded the coastal highway near Port Alden on Sunday, closing two lanes for "
    "several hours. Drivers were advised to take the inland road. Forecasters expect the "
    "storm to move north overnight, with calmer weather by Tuesday afternoon. Fishing boats "
    "stayed in the harbour for a second day."
)


def test_a_body_about_something_else_is_unrelated() -> None:
    label, probs = predict_stance(HEADLINE, UNRELATED)
    assert label == "unrelated"
    assert set(probs) == set(STANCES)
    assert sum(probs.values()) == pytest.approx(1.0)


def test_a_body_that_restates_the_headline_agrees_or_discusses() -> None:
    label, _ = predict_stance(HEADLINE, RESTATING)
    assert label in ("agree", "discuss")


def test_a_body_that_denies_the_headline_is_related_and_leans_to_disagree() -> None:
    label, probs = predict_stance(HEADLINE, DENYING)
    assert label != "unrelated"
    assert probs["disagree"] > predict_stance(HEADLINE, RESTATING)[1]["disagree"]


def test_empty_texts_get_a_stance() -> None:
    label, probs = predict_stance("", "")
    assert label in STANCES
    assert sum(probs.values()) == pytest.approx(1.0)


def test_fnc_score_weighs_related_labels_more() -> None:
    gold = ["agree", "unrelated", "discuss", "disagree"]
    predicted = ["agree", "unrelated", "agree", "unrelated"]
    # 1 (exact related) + 0.25 (unrelated right) + 0.25 (related, wrong label) + 0 (missed)
    assert fnc_score(gold, predicted) == pytest.approx(1.5 / 3.25)
    assert fnc_score(gold, gold) == 1.0


TINY_BODIES = {
    "0": RESTATING,
    "1": DENYING,
    "2": UNRELATED,
    "3": "The city council of Riverton approved a new budget for parks and libraries.",
    "4": "Reports that the Riverton mayor quit are a hoax, her office said; she denied it.",
    "5": "Officials may discuss whether the Riverton mayor could resign, sources claim.",
    "6": RESTATING,  # held out: crc32('6') % 5 == 0
    "12": DENYING,  # held out
}
TINY_STANCES = {
    "0": "agree",
    "1": "disagree",
    "2": "unrelated",
    "3": "unrelated",
    "4": "disagree",
    "5": "discuss",
    "6": "agree",
    "12": "disagree",
}


@pytest.fixture
def tiny_fnc1(tmp_path: Path) -> Path:
    with (tmp_path / "dev_bodies.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(TINY_BODIES.items())
    with (tmp_path / "dev_stances.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Headline", "Body ID", "Stance"])
        for _ in range(5):
            writer.writerows([HEADLINE, b, s] for b, s in TINY_STANCES.items())
            writer.writerow(["Storm closes coastal highway", "1", "unrelated"])
    return tmp_path


@pytest.mark.slow
def test_train_then_evaluate_on_a_tiny_fnc1_folder(tiny_fnc1: Path) -> None:
    training, held_out = split(read_pairs(tiny_fnc1))
    assert set(held_out.body_ids) == {"6", "12"}
    assert not set(training.body_ids) & set(held_out.body_ids)
    out = tiny_fnc1 / "model.npz"
    report = train(tiny_fnc1, out=out, cv=False)
    assert f"wrote {out}" in report
    model = StanceModel.load(out)
    label, _ = model.predict("Storm closes coastal highway", RESTATING)
    assert label in STANCES
    table = run(tiny_fnc1, model=model, cross_validate=False)
    assert "| presslens (resources/models/stance.npz), held-out bodies | 2 | 10 |" in table
    assert "| baseline: FNC-1 official features + GBDT, held-out" in table


@pytest.mark.slow
def test_a_saved_model_predicts_as_the_trained_one(tiny_fnc1: Path) -> None:
    model = fit_model(split(read_pairs(tiny_fnc1))[0])
    model.save(tiny_fnc1 / "model.npz")
    loaded = StanceModel.load(tiny_fnc1 / "model.npz")
    for body in (RESTATING, DENYING, UNRELATED):
        expected = model.predict(HEADLINE, body)[1]
        assert loaded.predict(HEADLINE, body)[1] == pytest.approx(expected, abs=1e-4)


@pytest.mark.slow
@pytest.mark.needs_data("fnc1")
def test_the_shipped_model_beats_the_baseline_level_on_held_out_bodies(data_dir: Path) -> None:
    table = run(data_dir / "fnc1", baseline=False, cross_validate=False)
    row = next(line for line in table.splitlines() if line.startswith("| presslens"))
    fnc, macro_f1 = (float(cell) for cell in row.split("|")[4:6])
    assert fnc > 0.75
    assert macro_f1 > 0.5
