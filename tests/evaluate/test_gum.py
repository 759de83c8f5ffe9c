"""The GUM entity scorer, on a tiny invented document, and a short run on the real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.datasets.gum import read_documents
from presslens.errors import InputError
from presslens.evaluate.gum import run, score_document, scores

TEXT = (
    "Mayor Ann Holt spoke. Holt said the city would act. She thanked Acme Corp. "
    "The company agreed. Its chief was there."
)


def _mention(text: str, word: str, cluster: str, etype: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {
        "start": start,
        "end": start + len(word),
        "text": word,
        "cluster": cluster,
        "etype": etype,
        "identity": "",
    }


def _write(tmp_path: Path, docs: list[dict]) -> Path:
    (tmp_path / "dev.jsonl").write_text(
        "\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8"
    )
    return tmp_path


@pytest.fixture
def gum_dir(tmp_path: Path) -> Path:
    mentions = [
        _mention(TEXT, "Mayor Ann Holt", "d:1", "person"),
        _mention(TEXT, "Holt", "d:1", "person", nth=1),
        _mention(TEXT, "the city", "d:2", "place"),
        _mention(TEXT, "She", "d:1", "person"),
        _mention(TEXT, "Acme Corp", "d:3", "organization"),
        _mention(TEXT, "The company", "d:3", "organization"),
        _mention(TEXT, "Its", "d:3", "organization"),
        _mention(TEXT, "Its chief", "d:4", "person"),  # no name: not scored
    ]
    doc = {"id": "d", "genre": "news", "title": "", "text": TEXT, "mentions": mentions}
    return _write(tmp_path, [doc, {**doc, "id": "e"}])


def test_scored_clusters_are_those_with_a_named_mention(gum_dir: Path) -> None:
    doc = read_documents(gum_dir)[0]
    assert sorted(doc.scored_clusters()) == ["d:1", "d:3"]
    assert [d.part for d in read_documents(gum_dir)] == ["A", "B"]


def test_links_count_right_and_wrong_merges(gum_dir: Path) -> None:
    doc = read_documents(gum_dir)[0]

    def at(word: str, nth: int = 0) -> tuple[int, int]:
        m = _mention(TEXT, word, "", "", nth)
        return m["start"], m["end"]

    # "Ann Holt" matches "Mayor Ann Holt" (smallest range difference); "Holt" the second one;
    # "She" is wrongly put with the company; "the city" with Holt costs precision.
    entities = [
        ("Ann Holt", [at("Ann Holt"), at("Holt", 1), at("the city")]),
        ("Acme Corp", [at("Acme Corp"), at("The company"), at("She")]),
        ("Unscored", [at("chief")]),
    ]
    score = score_document(doc, entities)
    assert score.names == ["Ann Holt", "Acme Corp"]
    assert score.predicted_links == (2, 6)  # Holt-Holt and Acme-company are right
    assert score.gold_links == (2, 6)  # of Holt's 3 pairs and the company's 3
    s = scores([score])
    assert s["link_p"] == pytest.approx(1 / 3)
    assert s["found"] == 1.0
    assert s["mention_recall"] == pytest.approx(5 / 6)
    assert 0 < s["conll"] < 1
    described = score.describe()
    assert "wrong merge in 'Acme Corp'" in described
    assert "unlinked mentions of 'Acme Corp': Its" in described


def test_a_perfect_response_scores_one(gum_dir: Path) -> None:
    doc = read_documents(gum_dir)[0]
    clusters = doc.scored_clusters().values()
    entities = [("x", [(m.start, m.end) for m in ms]) for ms in clusters]
    s = scores([score_document(doc, entities)])
    assert s["link_p"] == s["link_r"] == s["conll"] == pytest.approx(1.0)


def test_a_missing_or_malformed_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"dev\.jsonl"):
        read_documents(tmp_path)
    (tmp_path / "dev.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a GUM document"):
        read_documents(tmp_path)


@pytest.mark.slow
@pytest.mark.needs_data("gum")
def test_run_on_part_of_the_real_data(data_dir: Path) -> None:
    out = run(data_dir / "gum", part="A", baseline=True)
    rows = {tuple(c.strip() for c in line.split("|")[1:3]) for line in out.splitlines()}
    assert ("presslens", "all (16)") in rows and ("spacy exact-text", "news (6)") in rows
