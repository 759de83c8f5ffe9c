"""Headline verdicts against FNC-1 gold stances: the sampling, the scoring, a short real run."""

from __future__ import annotations

import pytest

from presslens.datasets.fnc1 import Pairs
from presslens.evaluate.metrics import precision_recall
from presslens.evaluate.verdicts import run, sample


def test_sample_keeps_the_first_pairs_of_each_stance_in_order():
    pairs = Pairs(
        ["h1", "h2", "h3", "h4", "h5"],
        ["1", "2", "3", "4", "5"],
        ["agree", "unrelated", "agree", "agree", "unrelated"],
        {},
    )
    kept = sample(pairs, 2)
    assert kept.headlines == ["h1", "h2", "h3", "h5"]


def test_precision_and_recall_count_the_verdicts_that_mean_the_gold_stance():
    gold = ["disagree", "disagree", "agree", "unrelated"]
    said = ["contradicted", "supported", "contradicted", "unrelated"]
    p, r, n = precision_recall(gold, said, ("contradicted",), ("disagree",))
    assert (p, r, n) == (0.5, 0.5, 2)


@pytest.mark.slow
@pytest.mark.needs_data("fnc1")
def test_a_short_run_on_held_out_fnc1_pairs_reports_both_readings(data_dir):
    report = run(data_dir / "fnc1", per_stance=2)
    assert "8 pairs" in report
    assert '| "unrelated" = unrelated |' in report
    rows = [line for line in report.splitlines() if line.startswith("| agree |")]
    assert len(rows) == 1 and sum(int(c) for c in rows[0].strip("|").split("|")[1:]) == 2
