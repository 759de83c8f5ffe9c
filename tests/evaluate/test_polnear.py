"""The PolNeAR attribution scorer, checked by hand on a tiny invented corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.datasets.polnear import Attribution, read_split
from presslens.errors import InputError
from presslens.evaluate.polnear import evaluate, run, score_article

TEXT = (
    "Bridge Plan Divides Council\n\n"
    '"We will rebuild the bridge by spring," Mayor Ana Ruiz said on Monday. '
    '"It is safe," she added, "and it is paid for."\n\n'
    "Critics said the budget was too small.\n\n"
    "The council meets again in May.\n"
)
# Two quote marks and a stray third one: textacy refuses such a text.
STAY = '"Stay inside tonight,"'
ODD_TEXT = 'Storm Warning\n\n"Stay inside tonight," the forecaster said. The "storm will pass.\n'


def at(sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``sub`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


Q1 = '"We will rebuild the bridge by spring,"'
Q2A, Q2B = '"It is safe,"', '"and it is paid for."'
INDIRECT = "the budget was too small"


def brat(*lines: tuple) -> str:
    """brat standoff lines: ("T1", "Source", (s, e), ...) or ("E1", "Attribution:T4 ...")."""
    out = []
    for tid, *rest in lines:
        if tid.startswith("T"):
            role, *pieces = rest
            offsets = ";".join(f"{s} {e}" for s, e in pieces)
            surface = " ".join(TEXT[s:e] for s, e in pieces)
            out.append(f"{tid}\t{role} {offsets}\t{surface}")
        else:
            out.append(f"{tid}\t{rest[0]}")
    return "\n".join(out) + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A PolNeAR-layout folder: one article with two annotators, one with an odd quote mark."""
    text_dir, ann_dir = tmp_path / "dev" / "text", tmp_path / "dev" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir()
    (text_dir / "bridge_2024-03-14_plan.txt").write_text(TEXT, encoding="utf-8")
    (text_dir / "storm_2024-03-15_warning.txt").write_text(ODD_TEXT, encoding="utf-8")
    (ann_dir / "bridge_2024-03-14_plan_aaaa.ann").write_text(
        brat(
            ("T1", "Source", at("Mayor Ana Ruiz")),
            ("T2", "Cue", at("said")),
            ("T3", "Content", at(Q1)),
            ("T4", "Attribution", at("said")),
            ("E1", "Attribution:T4 Content:T3 Cue:T2 Source:T1"),
            ("T5", "Source", at("she")),
            ("T6", "Cue", at("added")),
            ("T7", "Content", at(Q2A), at(Q2B)),
            ("T8", "Attribution", at("added")),
            ("E2", "Attribution:T8 Content:T7 Cue:T6 Source:T5"),
            ("T9", "Source", at("Critics")),
            ("T10", "Cue", at("said", 1)),
            ("T11", "Content", at(INDIRECT)),
            ("T12", "Attribution", at("said", 1)),
            ("E3", "Attribution:T12 Content:T11 Cue:T10 Source:T9"),
            ("T13", "Discuss", at("The council meets")),
        ),
        encoding="utf-8",
    )
    (ann_dir / "bridge_2024-03-14_plan_bbbb.ann").write_text(
        brat(
            ("T1", "Cue", at("said")),
            ("T2", "Content", at(Q1)),
            ("T3", "Attribution-no-source", at("said")),
            ("E1", "Attribution-no-source:T3 Content:T2 Cue:T1"),
        ),
        encoding="utf-8",
    )
    start, end = ODD_TEXT.index(STAY), ODD_TEXT.index(STAY) + len(STAY)
    (ann_dir / "storm_2024-03-15_warning_aaaa.ann").write_text(
        f"T1\tContent {start} {end}\t{STAY}\n", encoding="utf-8"
    )
    return tmp_path


def test_reads_discontinuous_content_sources_and_each_annotator(corpus: Path) -> None:
    bridge, storm = read_split(corpus, "dev")
    assert sorted(bridge.annotations) == ["aaaa", "bbbb"]
    first, second, third = bridge.annotations["aaaa"]  # the Discuss line is ignored
    assert first.speaker == (at("Mayor Ana Ruiz"),)
    assert second.content == (at(Q2A), at(Q2B))
    assert second.speaker == (at("she"),) and second.cue == (at("added"),)
    assert third.cue == (at("said", 1),)
    (no_source,) = bridge.annotations["bbbb"]
    assert no_source.speaker == () and no_source.content == (at(Q1),)
    # a Content no E line names still counts as a gold content
    (orphan,) = storm.annotations["aaaa"]
    assert storm.text[slice(*orphan.content[0])] == STAY


def test_scores_a_missed_a_spurious_and_a_half_found_quote_against_the_best_annotator(
    corpus: Path,
) -> None:
    bridge = read_split(corpus, "dev")[0]
    exact = Attribution(content=(at(Q1),), speaker=(at("Ana Ruiz"),), cue=(at("said"),))
    # the first piece only: 13 of 34 gold characters, enough at 0.3, not at 0.8
    half = Attribution(content=(at(Q2A),), speaker=(at("Mayor Ana Ruiz"),), cue=(at("added"),))
    spurious = Attribution(content=(at("The council meets again in May"),))

    score = score_article(bridge, [exact, half, spurious])

    # aaaa: 2 of 3 found, 2 of 3 right (F1 2/3); bbbb: 1 of 1 found, 1 of 3 right (F1 1/2)
    assert score.annotator == "aaaa"
    c = score.all
    assert (c.gold, c.predicted, c.matched[0.3], c.matched[0.8]) == (3, 3, 2, 1)
    assert c.precision(0.3) == pytest.approx(2 / 3)
    assert c.recall(0.3) == pytest.approx(2 / 3)
    assert c.f1(0.8) == pytest.approx(1 / 3)
    assert (c.speaker_ok, c.speaker_total) == (1, 2)  # "Mayor Ana Ruiz" is not "she"
    assert (c.cue_ok, c.cue_total) == (2, 2)
    q = score.quoted  # the indirect gold and the unquoted prediction drop out
    assert (q.gold, q.predicted, q.matched[0.3], q.matched[0.8]) == (2, 2, 2, 1)
    assert [g.content for g in score.missed] == [(at(INDIRECT),)]
    assert score.spurious == [spurious]
    assert score.wrong_speaker == [(bridge.annotations["aaaa"][1], half)]
    assert "missed: 'the budget was too small'" in score.describe()


def test_one_prediction_matches_one_gold_content(corpus: Path) -> None:
    bridge = read_split(corpus, "dev")[0]
    both = Attribution(content=((at(Q2A)[0], at(Q2B)[1]),))  # spans both pieces of E2
    score = score_article(bridge, [both])
    assert score.all.matched[0.3] == 1
    assert score.all.precision(0.3) == 1.0


@pytest.mark.slow
def test_textacy_crash_is_counted_and_scored_as_no_predictions(corpus: Path) -> None:
    result = evaluate(read_split(corpus, "dev"), "textacy")
    assert result.crashes == 1
    storm = result.articles[1]
    assert storm.crashed and storm.all.predicted == 0 and storm.all.gold == 1


@pytest.mark.slow
def test_run_reports_both_systems_in_one_table(corpus: Path) -> None:
    report = run(corpus, split="dev")
    assert "| presslens | all |" in report and "| textacy | quote-marked |" in report
    assert "F1@0.3" in report and "speaker acc" in report


def test_wrong_folder_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="dev/text"):
        run(tmp_path, split="dev")


@pytest.mark.slow
@pytest.mark.needs_data("polnear")
def test_real_dev_articles(data_dir: Path) -> None:
    articles = read_split(data_dir / "polnear", "dev", limit=3)
    assert len(articles) == 3
    result = evaluate(articles, "textacy")
    c = result.all
    assert c.gold > 0 and 0.0 <= c.f1(0.3) <= 1.0
    assert c.matched[0.8] <= c.matched[0.3] <= min(c.gold, c.predicted)
    assert "| presslens | all |" in run(data_dir / "polnear", limit=3, baseline=False)
