"""The TimeBank scorer: reading TimeML, matching spans, value accuracy; a short real run."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from presslens.cli import main
from presslens.datasets.timebank import Timex, read_tml
from presslens.evaluate.timebank import run, score

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>ferry</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-14" functionInDocument="CREATION_TIME">'
    "20240314</TIMEX3></DCT>\n<TEXT>\n"
    'The ferry &amp; the barge <EVENT eid="e1">sank</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2024-03-13">yesterday</TIMEX3> after '
    '<TIMEX3 tid="t2" type="DURATION" value="P11D">11 days</TIMEX3> at sea. It sails '
    '<TIMEX3 tid="t3" type="SET" value="XXXX-WXX-1">every Monday</TIMEX3>.\n'
    "</TEXT>\n</TimeML>\n"
)


@pytest.fixture
def tml(tmp_path):
    path = tmp_path / "ferry.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_tml_strips_tags_and_keeps_offsets(tml):
    doc = read_tml(tml)
    assert doc.created == dt.date(2024, 3, 14)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == [
        "yesterday",
        "11 days",
        "every Monday",
    ]
    assert "&" in doc.text and "<" not in doc.text
    assert [t.type for t in doc.timexes] == ["DATE", "DURATION", "SET"]


def test_score_strict_relaxed_and_values(tml):
    doc = read_tml(tml)
    y, d, _ = doc.timexes
    predicted = [
        Timex(y.start, y.end, "DATE", "2024-03-13"),  # exact, right value
        Timex(d.start - 6, d.end, "DURATION", "P10D"),  # overlapping, wrong value
        Timex(0, 3, "DATE", "PRESENT_REF"),  # spurious
    ]
    s = score(doc, predicted)
    c = s.counts
    assert (c.gold, c.predicted, c.strict, c.relaxed) == (3, 3, 1, 2)
    assert c.typed["DATE"] == [1, 1]
    assert c.typed["DURATION"] == [0, 1]
    assert len(s.missed) == 1 and len(s.spurious) == 1 and len(s.wrong_value) == 1


@pytest.mark.slow
def test_run_scores_presslens_on_a_folder(tml):
    out = run(tml.parent, baseline=False)
    assert "| presslens |" in out
    assert "dateparser" not in out


@pytest.mark.slow
@pytest.mark.needs_data("tempeval3/timebank")
def test_eval_timebank_command_on_real_data(data_dir):
    timebank = data_dir / "tempeval3" / "timebank"
    result = CliRunner().invoke(main, ["eval", "timebank", str(timebank), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "| presslens |" in result.output and "| dateparser |" in result.output
    assert "| presslens, first 1 documents |" in result.output
    assert "| presslens, last 1 documents |" in result.output
