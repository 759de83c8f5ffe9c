"""``kill -9`` in the middle of an ingest, then the same command again: every article is
stored exactly once, each with all the rows of its analysis."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from presslens.store import tables
from presslens.store.db import open_store
from presslens.store.rows import stored_analysis

pytestmark = pytest.mark.slow  # runs the command, with the real pipeline, three times

ARTICLES = 30
NAMES = ["Ana Ruiz", "Mia Holm", "Tom Berg", "Lea Voss", "Sam Okafor", "Ivo Brandt"]


def article(n: int) -> dict:
    name = NAMES[n % len(NAMES)]
    text = (
        f"Bridge {n} reopens\n\nBridge number {n} reopened on Tuesday, {name} said. "
        f"“We fixed {n + 2} cracks in {n + 1} weeks,” {name.split()[1]} told reporters. "
        f"Protesters blocked the road for {n + 3} hours."
    )
    return {"id": f"b{n}", "text": text, "outlet": ["Courier", "Post", "Times"][n % 3]}


def command(jsonl, db) -> list[str]:
    return [sys.executable, "-m", "presslens", "ingest", str(jsonl), "--db", str(db), "--quiet"]


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def kill_after(args: list[str], db, more_than: int) -> int:
    """Start ``args``, SIGKILL it once more than ``more_than`` articles are stored; how many."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while stored(db) <= more_than and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return stored(db)


def test_kill_9_then_rerun_stores_every_article_once_with_all_its_rows(tmp_path):
    jsonl, db = tmp_path / "in.jsonl", tmp_path / "store.db"
    jsonl.write_text("".join(json.dumps(article(n)) + "\n" for n in range(ARTICLES)))
    args = command(jsonl, db)
    first = kill_after(args, db, 0)
    second = kill_after(args, db, first)
    assert 0 < first <= second < ARTICLES, "the kills should land mid-way"
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    engine = open_store(str(db))
    with engine.connect() as conn:
        a = tables.Article
        keys = conn.execute(select(a.source_id, func.count()).group_by(a.source_id)).all()
        assert sorted(keys) == sorted((f"b{n}", 1) for n in range(ARTICLES))
        assert conn.execute(select(func.count()).select_from(tables.Failure)).scalar_one() == 0
        for article_id, text, analysis in conn.execute(
            select(a.article_id, a.text, tables.Analysis.analysis).join(tables.Analysis)
        ):
            whole = stored_analysis(text, analysis)

            def rows(table, article_id=article_id):
                query = select(func.count()).select_from(table)
                return conn.execute(query.where(table.article_id == article_id)).scalar_one()

            assert whole.quotes and rows(tables.Quote) == len(whole.quotes)
            assert rows(tables.ArticleEntity) == len(whole.entities)
            assert rows(tables.Mention) == sum(len(e.mentions) for e in whole.entities)
            assert rows(tables.Claim) == len(whole.claims)
            assert rows(tables.Event) == len(whole.events)
            assert rows(tables.Time) == len(whole.times)
            assert rows(tables.Framing) == len(whole.framing)
