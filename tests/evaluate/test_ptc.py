"""The PTC (SemEval-2020 task 11) span scorer and the `presslens eval ptc` run."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from presslens.cli import main
from presslens.datasets.ptc import split_ids
from presslens.evaluate.metrics import SiCounts, merge
from presslens.evaluate.ptc import si_score


def scores(predicted, gold) -> tuple[float, float, float]:
    counts = SiCounts()
    counts.add(predicted, gold)
    return counts.scores()


def test_partial_overlap_earns_partial_credit():
    # 5 of the 10 predicted characters are gold, 5 of the 10 gold characters are found
    assert scores([(0, 10)], [(5, 15)]) == (0.5, 0.5, 0.5)


def test_precision_is_per_predicted_span_and_recall_per_gold_span():
    p, r, _ = scores([(0, 4), (10, 12)], [(0, 8)])
    assert (p, r) == (0.5, 0.5)  # (4/4 + 0) / 2 predicted; 4/8 / 1 gold
    p, r, _ = scores([(0, 2), (4, 6)], [(0, 8)])
    assert (p, r) == (1.0, 0.5)  # both inside gold; each finds a quarter of it


def test_nothing_predicted_scores_zero():
    assert scores([], [(0, 8)]) == (0.0, 0.0, 0.0)


def test_overlapping_spans_are_merged_adjacent_ones_are_not():
    assert merge([(3, 8), (0, 5), (8, 10)]) == [(0, 8), (8, 10)]


def test_pooled_techniques_are_scored_as_one():
    gold = {"a": {"Loaded_Language": [(0, 4)], "Name_Calling,Labeling": [(2, 8)]}}
    predicted = {"a": {"Name_Calling,Labeling": [(0, 8)]}}
    pooled = si_score(predicted, gold, ("Loaded_Language", "Name_Calling,Labeling"), ["a"])
    assert pooled.scores() == (1.0, 1.0, 1.0)
    alone = si_score(predicted, gold, ("Loaded_Language",), ["a"])
    assert alone.scores() == (0.0, 0.0, 0.0)


def test_every_third_article_is_held_out_whatever_the_order():
    train, report = split_ids(["6", "1", "3", "5", "2", "4"])
    assert report == ["3", "6"]
    assert train == ["1", "2", "4", "5"]


@pytest.mark.slow
@pytest.mark.needs_data("ptc")
def test_eval_ptc_prints_the_table(data_dir):
    result = CliRunner().invoke(main, ["eval", "ptc", str(data_dir / "ptc"), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "| presslens | loaded + name-calling |" in result.output
    assert "baseline: VADER" in result.output
