"""presslens eval headlines: hand-written headline cases, read, scored and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslens.cli import main
from presslens.datasets.headlines import VERDICTS, read_cases
from presslens.errors import InputError
from presslens.evaluate.headlines import run

CASES = Path(__file__).parents[2] / "eval" / "headlines"
KINDS = {
    "escalated",
    "hedge_dropped",
    "number_inflated",
    "attribution_dropped",
    "quote_not_in_body",
    "different_actor",
    "number_differs",
    "negated",
    "antonym",
    "refuted",
}


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def case(id_: str, headline: str, body: str, verdict: str, kind: str | None = None) -> dict:
    return {"id": id_, "headline": headline, "body": body, "verdict": verdict, "kind": kind}


@pytest.mark.parametrize("name", ["dev.jsonl", "test.jsonl"])
def test_the_shipped_case_files_are_well_formed(name):
    cases = read_cases(CASES / name)
    assert len({c.id for c in cases}) == len(cases)
    for c in cases:
        assert c.verdict in VERDICTS
        assert (c.kind is None) == (c.verdict in ("supported", "unrelated")), c.id
        assert c.kind is None or c.kind in KINDS, c.id
        assert c.headline.strip() and c.body.strip()


@pytest.mark.slow
def test_a_run_counts_verdicts_and_kinds_and_lists_the_misses(tmp_path):
    path = write(
        tmp_path / "cases.jsonl",
        [
            case(
                "a",
                "Minister demands council scrap parking fees",
                "Transport Minister Ruth Adeyemi asked the city council on Tuesday to scrap "
                "parking fees.",
                "overstated",
                "escalated",
            ),
            case(
                "b",
                "Local bakery wins national bread prize",
                "Rain is expected across the north this weekend, forecasters said.",
                "unrelated",
            ),
            case(  # labelled wrongly on purpose: the run must count it as a miss
                "c",
                "Ferry operator raises fares",
                "The ferry operator did not raise its fares this spring, a spokeswoman said.",
                "supported",
            ),
        ],
    )
    report = run(path, errors=True)
    assert "cases.jsonl: 3 cases" in report
    assert "| verdict right | 2/3 (0.67) |" in report
    assert "| verdict and kind right | 2/3 (0.67) |" in report
    misses = [line for line in report.splitlines() if line.startswith("| c |")]
    assert misses == [
        "| c | supported / - | contradicted / negated | Ferry operator raises fares |"
    ]


def test_a_malformed_line_is_named_with_its_number(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(case("a", "H", "B", "supported")) + "\n{not json\n")
    with pytest.raises(InputError, match=r"bad.jsonl:2: not a case"):
        read_cases(path)
    result = CliRunner().invoke(main, ["eval", "headlines", str(path)])
    assert result.exit_code != 0
    assert "bad.jsonl:2" in result.output


def test_an_unknown_verdict_is_refused(tmp_path):
    path = write(tmp_path / "odd.jsonl", [case("a", "H", "B", "misleading")])
    with pytest.raises(InputError, match="'misleading' is not one of"):
        read_cases(path)
