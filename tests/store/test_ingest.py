"""``presslens ingest`` with the real pipeline: every kind of input into SQLite and
PostgreSQL, a rerun that changes nothing, ``--reanalyze``, bad inputs each one line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from presslens.cli import main
from presslens.io.sources import read_sources
from presslens.settings import Settings
from presslens.store import tables
from presslens.store.db import open_store
from presslens.store.ingest import Tally, ingest

pytestmark = pytest.mark.slow  # parses with the real pipeline

STORY = (
    "{title}\n\nThe ferry to Port Calder sailed again on Monday after a week of storms, "
    "the operator said. “We are glad to be back,” said the captain, Mia Holm. Officials "
    "said 200 passengers had waited since Friday.\n"
)
PAGE = """<html><head><title>{title} | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"></head><body><article>
<h1>{title}</h1><p>The ferry to Port Calder sailed again on Monday after a week of storms,
the operator said, and the first boat left at seven with forty passengers on board.</p>
<p>“We are glad to be back,” said the captain, Mia Holm, as the boat pulled away.</p>
</article></body></html>"""


def corpus(folder, write_warc) -> None:
    """Seven articles: a .txt, an .html, a .json, two JSONL lines, two archived pages."""
    folder.mkdir()
    (folder / "ferry.txt").write_text(STORY.format(title="Ferry back"), encoding="utf-8")
    (folder / "page.html").write_text(PAGE.format(title="Storm over"), encoding="utf-8")
    (folder / "one.json").write_text(
        json.dumps({"id": "j1", "text": STORY.format(title="Harbour calm")}), encoding="utf-8"
    )
    lines = [
        {"id": "n1", "text": STORY.format(title="Port reopens"), "outlet": "Calder Post"},
        {"text": STORY.format(title="Boats sail"), "url": "https://www.calder.example/boats"},
    ]
    (folder / "batch.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8"
    )
    pages = [(f"https://news.example/{n}", PAGE.format(title=f"Crossing {n}")) for n in (1, 2)]
    write_warc(folder / "crawl.warc.gz", pages)


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["ingest", *args], input=stdin)


def test_every_kind_of_input_goes_in_once_and_a_rerun_changes_nothing(
    count_rows, tmp_path, store_url, write_warc
):
    corpus(tmp_path / "in", write_warc)
    first = run(str(tmp_path / "in"), "--db", store_url)
    assert first.exit_code == 0, first.stderr
    assert first.stderr == "presslens: 7 ingested, 0 already stored, 0 failed\n"
    engine = open_store(store_url)
    before = count_rows(engine)
    assert before["articles"] == before["analyses"] == 7 and before["quotes"] >= 7
    with engine.connect() as conn:
        a = tables.Article
        rows = conn.execute(select(a.input, a.identity, a.outlet).order_by(a.input)).all()
    found = {name.rpartition("/")[2].partition("@")[0]: (who, outlet) for name, who, outlet in rows}
    assert found == {
        "batch.jsonl:1": ("id", "Calder Post"),
        "batch.jsonl:2": ("url", "calder.example"),
        "crawl.warc.gz": ("url", "Harbour Times"),
        "ferry.txt": ("content", None),
        "one.json": ("id", None),
        "page.html": ("content", "Harbour Times"),
    }
    again = run(str(tmp_path / "in"), "--db", store_url)
    assert again.stderr == "presslens: 0 ingested, 7 already stored, 0 failed\n"
    assert count_rows(engine) == before


def test_jsonl_on_stdin(tmp_path):
    db = str(tmp_path / "s.db")
    lines = [{"id": f"s{n}", "text": STORY.format(title=f"Ferry {n}")} for n in range(2)]
    done = run("-", "--db", db, stdin="".join(json.dumps(x) + "\n" for x in lines))
    assert done.exit_code == 0 and done.stderr.startswith("presslens: 2 ingested")
    with open_store(db).connect() as conn:
        names = conn.execute(select(tables.Article.input).order_by(tables.Article.input))
        assert names.scalars().all() == ["<stdin>:1", "<stdin>:2"]


def test_reanalyze_updates_what_another_analysis_version_stored(count_rows, tmp_path):
    db = str(tmp_path / "s.db")
    text = STORY.format(title="Ferry back")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "r1", "text": text}) + "\n")
    engine = open_store(db)
    sources = [str(tmp_path / "a.jsonl")]
    assert ingest(read_sources(sources), engine) == Tally(ingested=1)
    assert ingest(read_sources(sources), engine, reanalyze=True) == Tally(skipped=1)
    strict = Settings(claim_threshold=0.99)
    assert ingest(read_sources(sources), engine, settings=strict) == Tally(skipped=1)
    assert ingest(read_sources(sources), engine, settings=strict, reanalyze=True) == Tally(
        ingested=1
    )
    with engine.connect() as conn:
        article = conn.execute(select(tables.Article)).one()
    assert article.article_id == 1 and article.analysis_version == strict.analysis_version()
    assert count_rows(engine)["analyses"] == 1


def test_bad_lines_are_each_one_line_recorded_once_and_the_rest_go_on(tmp_path):
    db = str(tmp_path / "s.db")
    good = json.dumps({"id": "g1", "text": STORY.format(title="Ferry back")})
    (tmp_path / "b.jsonl").write_text(
        f'{good}\n{{"id": "x"\n{{"id": "e1", "text": ""}}\n[1, 2]\n', encoding="utf-8"
    )
    for attempt in range(2):
        done = run(str(tmp_path / "b.jsonl"), "--db", db)
        assert done.exit_code == 0
        lines = done.stderr.splitlines()
        assert [line.partition(": ")[2].partition(": ")[0] for line in lines[:3]] == [
            f"{tmp_path}/b.jsonl:{n}" for n in (2, 3, 4)
        ]
        assert lines[3] == (
            f"presslens: {1 - attempt} ingested, {attempt} already stored, 3 failed "
            "(presslens failures lists them)"
        )
    listed = CliRunner().invoke(main, ["failures", "--db", db]).stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == [
        f"{tmp_path}/b.jsonl:{n}" for n in (2, 3, 4)
    ]
    assert "not valid JSON" in listed[0] and "empty" in listed[1] and "JSON object" in listed[2]


def test_a_corrupt_archive_is_one_line_and_nothing_ingested_exits_2(tmp_path):
    (tmp_path / "bad.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    done = run(str(tmp_path / "bad.warc.gz"), "--db", str(tmp_path / "s.db"))
    assert done.exit_code == 2
    failure, fatal = done.stderr.splitlines()
    assert failure.startswith(f"presslens: {tmp_path}/bad.warc.gz@0: corrupt web archive (")
    assert fatal == "presslens: error: nothing was ingested: all 1 article(s) failed"


def test_no_articles_at_all_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("nothing", encoding="utf-8")
    done = run(str(tmp_path), "--db", str(tmp_path / "s.db"))
    assert done.exit_code == 2
    assert done.stderr.startswith(f"presslens: error: no articles found in {tmp_path}: give ")
