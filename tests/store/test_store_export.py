"""``presslens export``: the store's tables as Parquet, CSV and JSON Lines, corpus entity ids
throughout, read back the way a pandas or DuckDB user would."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from presslens.cli import main
from presslens.io.sources import read_sources
from presslens.settings import Settings
from presslens.store.db import open_store
from presslens.store.ingest import ingest

pytestmark = pytest.mark.slow  # parses with the real pipeline
ROOT = Path(__file__).resolve().parents[2]
COLUMNS = {
    "articles": ["article_id", "source_id", "url", "outlet", "published", "headline",
                 "content_hash", "analysis_version", "status", "error"],
    "entities": ["entity_id", "name", "type", "aliases", "article_count", "mention_count"],
    "mentions": ["article_id", "entity_id", "start", "end", "text"],
    "quotes": ["article_id", "quote_id", "kind", "content_text", "speaker_entity_id",
               "speaker_text", "cue_text", "channel", "date"],
}  # fmt: skip


@pytest.fixture
def store(store_url) -> str:
    source = ROOT / "samples" / "corpus" / "riverton.jsonl"
    ingest(read_sources([str(source)]), open_store(store_url), settings=Settings())
    return store_url


def test_parquet_tables_with_corpus_entity_ids(store, tmp_path):
    done = CliRunner().invoke(main, ["export", "--db", store, "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert {line.split("\t")[0] for line in done.output.splitlines()} == {
        str(tmp_path / f"{t}.parquet")
        for t in ("articles", "entities", "mentions", "quotes", "claims", "claim_kinds",
                  "events", "participants", "times", "framing")
    }  # fmt: skip
    read = {t: pq.read_table(tmp_path / f"{t}.parquet").to_pylist() for t in COLUMNS}
    for table, columns in COLUMNS.items():
        assert pq.read_schema(tmp_path / f"{table}.parquet").names == columns
    assert len(read["articles"]) == 5
    names = {e["entity_id"]: e["name"] for e in read["entities"]}
    mayor = [q for q in read["quotes"] if q["speaker_entity_id"] is not None]
    assert {names[q["speaker_entity_id"]] for q in mayor} >= {"Ann Lee", "David Lee"}
    ann = next(i for i, n in names.items() if n == "Ann Lee")
    outlets = {
        a["article_id"]: a["outlet"] for a in read["articles"]
    }  # one corpus entity across the three outlets
    assert {outlets[m["article_id"]] for m in read["mentions"] if m["entity_id"] == ann} == {
        "Riverton Gazette",
        "Valley Post",
        "Metro Daily",
    }


def test_csv_and_jsonl_hold_the_same_rows(store, tmp_path):
    for fmt in ("csv", "jsonl"):
        done = CliRunner().invoke(
            main, ["export", "--db", store, "--out", str(tmp_path / fmt), "--format", fmt]
        )
        assert done.exit_code == 0, done.output
    with (tmp_path / "csv" / "quotes.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines = (tmp_path / "jsonl" / "quotes.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert list(rows[0]) == COLUMNS["quotes"] and len(rows) == len(records) > 0
    assert [r["content_text"] for r in rows] == [r["content_text"] for r in records]
    entities = (tmp_path / "csv" / "entities.csv").read_text("utf-8")
    assert "Mayor Ann Lee; Mayor Lee" in entities  # aliases joined in CSV
