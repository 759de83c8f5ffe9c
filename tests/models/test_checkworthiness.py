"""Check-worthiness: the shipped scorer, its training and the CheckThat! evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.datasets.checkthat import read_split
from presslens.errors import InputError
from presslens.evaluate.checkthat import run
from presslens.evaluate.metrics import average_precision, best_threshold
from presslens.models.checkworthiness import (
    CheckworthinessModel,
    EmbeddingHead,
    load_checkworthiness_model,
    score,
)
from presslens.training.checkworthiness import BLEND_WEIGHTS, HEAD_HIDDEN, train

FACTUAL = "Unemployment rose to 14 percent in 2023, the highest since 1990."
CHATTER = "Thank you, good evening."

CHECKABLE = [
    "The city spent $4 million on the new bridge last year.",
    "Crime fell by 12 percent between 2019 and 2022.",
    "Our state has the lowest tax rate in the region.",
    "The mayor cut the school budget by 30 percent.",
    "Forty thousand jobs were lost in the mill towns since 2008.",
    "The county doubled its water rates in 2021.",
]
NOT_CHECKABLE = [
    "Thank you all for coming tonight.",
    "I think we can do better together.",
    "Let me finish my answer.",
    "That is a great question.",
    "We will fight for you every single day.",
    "Good evening, everyone.",
]


def test_a_sentence_with_figures_outscores_small_talk() -> None:
    factual, chatter = score([FACTUAL, CHATTER])
    assert 0.0 <= chatter < factual <= 1.0
    threshold = load_checkworthiness_model().threshold
    assert factual >= threshold > chatter


def test_claims_with_figures_clear_the_threshold_and_courtesies_do_not() -> None:
    model = load_checkworthiness_model()
    claims = model.score(
        [
            "The governor cut school funding by $300 million in 2019.",
            "Our factories lost 60,000 jobs over the last four years.",
        ]
    )
    courtesies = model.score(["Thank you very much.", "It is good to be here tonight."])
    assert min(claims) >= model.threshold > max(courtesies)


def test_empty_text_gets_a_score() -> None:
    (value,) = score([""])
    assert 0.0 <= value <= 1.0


def write_split(folder: Path, name: str, yes: list[str], no: list[str]) -> None:
    rows = [f"{i}\t{t}\tYes" for i, t in enumerate(yes)] + [
        f"{100 + i}\t{t}\tNo" for i, t in enumerate(no)
    ]
    (folder / f"{name}.tsv").write_text(
        "Sentence_id\tText\tclass_label\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )


@pytest.fixture
def tiny_checkthat(tmp_path: Path) -> Path:
    write_split(tmp_path, "train", CHECKABLE * 3, NOT_CHECKABLE * 3)
    write_split(tmp_path, "dev", CHECKABLE[:3], NOT_CHECKABLE[:3])
    write_split(tmp_path, "dev-test", CHECKABLE[3:], NOT_CHECKABLE[3:])
    return tmp_path


@pytest.mark.slow
def test_train_then_evaluate_on_a_tiny_checkthat_folder(tiny_checkthat: Path) -> None:
    out = tiny_checkthat / "model.npz"
    report = train(tiny_checkthat, out=out)
    assert f"wrote {out}" in report
    model = CheckworthinessModel.load(out)
    figures, thanks = model.score(["Rents rose by 20 percent in 2020.", "Thank you, everyone."])
    assert figures > thanks
    assert "out-of-fold" in report
    table = run(tiny_checkthat, model=model)
    assert "dev 6 sentences (3 yes), dev-test 6 (3 yes)" in table
    assert "| presslens" in table
    assert "| baseline: word 1-2-gram TF-IDF + LR, train; threshold best on dev" in table
    assert "| baseline: the same, train+dev; threshold by 5-fold CV" in table


@pytest.mark.slow
@pytest.mark.needs_extra
def test_train_the_embedding_head_on_a_tiny_checkthat_folder(tiny_checkthat: Path) -> None:
    out = tiny_checkthat / "head.npz"
    report = train(tiny_checkthat, out=out, embeddings=True)
    assert f"wrote {out}" in report
    assert "blend 0.5 hashed + 0.5 head" in report
    assert "| presslens + MiniLM" in report
    head = EmbeddingHead.load(out)
    assert head.weight in BLEND_WEIGHTS
    assert [w.shape for w, _ in head.hidden] == [(384, HEAD_HIDDEN[0])]


def test_threshold_and_average_precision_on_a_ranking() -> None:
    labels = [True, True, False, True, False, False]
    scores = [0.9, 0.8, 0.7, 0.6, 0.2, 0.1]
    assert 0.2 < best_threshold(labels, scores) < 0.6  # all three positives, one false alarm
    assert average_precision(labels, scores) == pytest.approx((1 + 1 + 3 / 4) / 3)
    assert average_precision([True, False], [0.5, 0.5]) == pytest.approx(0.5)


@pytest.mark.slow
@pytest.mark.needs_data("checkthat24")
def test_the_shipped_model_beats_chance_on_checkthat_dev_test(data_dir: Path) -> None:
    table = run(data_dir / "checkthat24", baseline=False)
    row = next(line for line in table.splitlines() if line.startswith("| presslens"))
    f1, ap = (float(cell) for cell in row.split("|")[5:7])
    assert f1 > 0.7 and ap > 0.8


def test_a_folder_without_the_tsv_files_says_what_is_expected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"train\.tsv, dev\.tsv and dev-test\.tsv"):
        read_split(tmp_path, "dev")
