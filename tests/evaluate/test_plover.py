"""The PLOVER event scorer, on tiny invented records, and a short run on the real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.datasets.plover import Record, read_records
from presslens.errors import InputError
from presslens.evaluate.plover import Prediction, role_ok, run, triple_ok

RECORDS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "documentation, not an event"},
    {
        "id": "R1",
        "event": "ASSAULT",
        "text": "Masked gunmen attacked Norland pilgrims near Kasso on Sunday.",
        "source": [{"actorText": "gunmen", "code": "UAF"}],
        "target": [{"actorText": "Norland pilgrims", "code": "NOR"}],
    },
    {
        "id": "R2",
        "event": "DEMAND",
        "text": "Vesteria called on Norland to release the detained fishermen.",
        "source": [{"actorText": "Vesteria", "code": "VES"}],
        "target": [{"actorText": "Norland", "code": "NOR"}],
    },
    {
        "id": "R3",
        "event": "AGREE",
        "text": "Vesteria and Norland agreed to a ceasefire on Friday.",
        "source": [{"actorText": "Vesteria"}, {"actorText": "Norland"}],
        "target": "",
    },
]


@pytest.fixture
def plover_dir(tmp_path: Path) -> Path:
    (tmp_path / "dev.json").write_text(json.dumps(RECORDS), encoding="utf-8")
    return tmp_path


def test_reads_records_and_skips_documentation(plover_dir: Path) -> None:
    records, skipped = read_records(plover_dir)
    assert skipped == 1
    assert [r.id for r in records] == ["R1", "R2", "R3"]
    assert records[0].actors == ("gunmen",) and records[0].targets == ("Norland pilgrims",)
    assert records[2].targets == ()  # an empty target string is no target
    assert [r.id for r in read_records(plover_dir, limit=2)[0]] == ["R1", "R2"]


def test_roles_match_by_a_shared_word_and_unscored_without_gold() -> None:
    assert role_ok(["the Norland pilgrims on a bus"], ["Norland pilgrims"])
    assert not role_ok(["the bus"], ["Norland pilgrims"])
    assert not role_ok([], ["Norland pilgrims"])
    assert not role_ok(["the town of Kasso"], ["of the"])  # stopwords never match
    assert role_ok([], [])
    record = Record("R", "text", "ASSAULT", actors=("gunmen",), targets=("pilgrims",))
    right = Prediction("ASSAULT", actors=["Masked gunmen"], targets=["a bus of pilgrims"])
    assert triple_ok(record, right)
    assert not triple_ok(record, Prediction("FIGHT", right.actors, right.targets))
    assert not triple_ok(record, Prediction("ASSAULT", ["police"], right.targets))
    assert not triple_ok(record, Prediction(None))


@pytest.mark.slow
def test_run_scores_presslens_beside_the_baselines(plover_dir: Path) -> None:
    report = run(plover_dir, errors=True)
    assert "3 event records (1 DOCUMENT record(s) skipped)" in report
    presslens_row = next(line for line in report.splitlines() if line.startswith("| presslens"))
    cells = [c.strip() for c in presslens_row.strip("|").split("|")][1:]
    assert cells[-2:] == ["1.000", "1.000"]  # type and triple accuracy on all three
    assert "| keyword lookup |" in report and "| majority (" in report


def test_missing_file_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"dev\.json"):
        run(tmp_path)


@pytest.mark.slow
@pytest.mark.needs_data("plover")
def test_real_dev_records_with_a_limit(data_dir: Path) -> None:
    report = run(data_dir / "plover", limit=6, baseline=False)
    assert "6 event records" in report
    assert "| presslens |" in report and "keyword" not in report


def news_records() -> list[dict]:
    """Four invented records numbered 1-4: parts A (odd) and B (even)."""
    texts = [
        ("ASSAULT", "Masked gunmen attacked a bus near Kasso."),
        ("SANCTION", "Norland imposed sanctions on Vesteria."),
        ("ASSAULT", "A mob ransacked the offices of the Dorna Herald."),
        ("DEMAND", "Vesteria called on Norland to free the fishermen."),
    ]
    return [
        {"id": f"NEWS-{kind}-{n:04d}", "event": kind, "text": text, "source": [], "target": []}
        for n, (kind, text) in enumerate(texts, 1)
    ]


@pytest.mark.slow
def test_records_file_is_scored_in_parts_by_record_number(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text(json.dumps(news_records()), encoding="utf-8")
    report = run(tmp_path, records_file=path)
    assert "2 in part A (odd ids, tuned on), 2 in part B (even ids, held out)" in report
    assert "type acc (part A)" in report and "type acc (part B)" in report
    assert "| majority (ASSAULT) |" in report  # learnt from part A
    only_a = run(tmp_path, records_file=path, part="A", baseline=False, errors=True)
    assert "2 event records" in only_a and "type acc (part B)" not in only_a
    assert "NEWS-SANCTION-0002" not in only_a and "NEWS-DEMAND-0004" not in only_a


def test_part_needs_numbered_ids(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text(json.dumps([{**news_records()[0], "id": "first"}]), encoding="utf-8")
    with pytest.raises(InputError, match="does not end in a number"):
        run(tmp_path, records_file=path, part="A")


NEWS = Path(__file__).parents[1] / "data" / "events_news.json"


@pytest.mark.slow
@pytest.mark.skipif(not NEWS.is_file(), reason="tests/data/events_news.json absent")
def test_news_part_a_with_a_limit(data_dir: Path) -> None:
    report = run(data_dir / "plover", records_file=NEWS, part="A", limit=4, baseline=False)
    assert "4 event records" in report and "part A only" in report
