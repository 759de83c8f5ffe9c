"""The cross-document scorer on invented GUM documents (no parse), and a run on real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.datasets.gum import read_documents
from presslens.evaluate.gum_corpus import prepare, run, score
from presslens.schema import Entity, Span

# (id, text, [(words, cluster, etype, identity)]): Ann Holt in three documents, a different
# Holt in a fourth, the Harbour Board in two.
DOCS = [
    ("d1", "Mayor Ann Holt spoke. Holt thanked the Harbour Board.", [
        ("Mayor Ann Holt", "1", "person", "Ann_Holt"),
        ("Holt", "1", "person", "Ann_Holt"),
        ("the Harbour Board", "2", "organization", "Harbour_Board"),
    ]),
    ("d2", "Ann Holt won again.", [("Ann Holt", "1", "person", "Ann_Holt")]),
    ("d3", "Mrs. Holt left early.", [("Mrs. Holt", "1", "person", "Ann_Holt")]),
    ("d4", "Tom Holt and the Harbour Board met.", [
        ("Tom Holt", "1", "person", ""),
        ("the Harbour Board", "2", "organization", "Harbour_Board"),
    ]),
]  # fmt: skip


def mention(text: str, words: str) -> dict[str, int]:
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


@pytest.fixture
def gum_dir(tmp_path: Path) -> Path:
    lines = []
    for doc_id, text, mentions in DOCS:
        found = [
            {**mention(text, w), "text": w, "cluster": c, "etype": e, "identity": i}
            for w, c, e, i in mentions
        ]
        lines.append({"id": doc_id, "genre": "news", "title": "", "text": text, "mentions": found})
    (tmp_path / "dev.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    return tmp_path


def entity(text: str, n: int, kind: str, name: str, *words: str) -> Entity:
    spans = [Span(**mention(text, w), text=w) for w in words]
    return Entity(id=f"E{n}", name=name, type=kind, aliases=list(words), mentions=spans)


def test_pairs_across_documents_by_identity(gum_dir: Path) -> None:
    d1, d2, d3, d4 = read_documents(gum_dir)
    docs = [
        prepare(
            d1,
            [
                entity(d1.text, 1, "PERSON", "Ann Holt", "Ann Holt", "Holt"),
                entity(d1.text, 2, "ORG", "Harbour Board", "Harbour Board"),
            ],
        ),
        prepare(d2, [entity(d2.text, 1, "PERSON", "Ann Holt", "Ann Holt")]),
        prepare(d3, [entity(d3.text, 1, "PERSON", "Holt", "Mrs. Holt")]),
        prepare(
            d4,
            [
                entity(d4.text, 1, "PERSON", "Tom Holt", "Tom Holt"),
                entity(d4.text, 2, "ORG", "Harbour Board", "Harbour Board"),
            ],
        ),
    ]
    linker, exact = score("presslens (as ingested)", docs), score("exact name", docs)
    # gold: Ann Holt d1-d2, d1-d3, d2-d3; the Harbour Board d1-d4 (Tom Holt has no identity)
    assert len(linker.gold) == 4
    # the linker: Ann Holt's three documents ("Mrs. Holt" joins the one Holt known when d3 is
    # linked) and the Board by its name
    assert linker.scores() == {"predicted": 4, "p": 1.0, "r": 1.0, "f1": 1.0, "reached": 1.0}
    # exact names: "Ann Holt" d1-d2 and the Board; not "Holt" in d3
    assert exact.scores()["predicted"] == 2 and exact.scores()["r"] == 0.5


@pytest.mark.slow
@pytest.mark.needs_data("gum")
def test_run_on_part_of_the_real_data(data_dir: Path) -> None:
    out = run(data_dir / "gum", part="A")
    assert out.startswith("GUM part A: 16 documents, ")
    rows = {line.split("|")[1].strip() for line in out.splitlines() if line.startswith("| ")}
    assert rows == {"system", "presslens (as ingested)", "presslens (as relinked)", "exact name"}
