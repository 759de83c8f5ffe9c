"""Opening a store: the schema its migrations build, versions refused, errors as one line."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, select, text

from presslens.cli import main
from presslens.errors import StoreError
from presslens.store import db, tables

FTS_TABLES = ("_fts", "_fts_config", "_fts_data", "_fts_docsize", "_fts_idx")


def _ours(obj, name, type_, reflected, compare_to) -> bool:
    """Leave out what the migration adds by hand: the full-text tables and indexes."""
    return not (name or "").endswith(FTS_TABLES)


# SQLite cannot reflect the lower(name) indexes, so they are left uncompared there.
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_an_empty_store_gets_the_schema_of_tables_py(store_url):
    engine = db.open_store(store_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": _ours}
        )
        diff = compare_metadata(context, tables.Base.metadata)
        names = set(inspect(conn).get_table_names())
    assert diff == []
    assert {t.name for t in tables.Base.metadata.tables.values()} <= names
    assert db.upgrade(store_url) == (db.head(), db.head(), None)


def test_a_newer_schema_is_refused_with_one_line(store_url):
    engine = db.open_store(store_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match=r"schema version 9999, newer than this presslens"):
        db.open_store(store_url)
    run = CliRunner().invoke(main, ["failures", "--db", store_url])
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"presslens: error: the store has schema version 9999, newer than this presslens knows "
        f"({db.head()}): upgrade presslens to use it"
    ]


def test_another_applications_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="another application's database"):
        db.open_store(str(path))


def test_db_upgrade_creates_then_finds_nothing_to_do(tmp_path):
    path = str(tmp_path / "corpus.db")
    first = CliRunner().invoke(main, ["db", "upgrade", "--db", path])
    again = CliRunner().invoke(main, ["db", "upgrade", "--db", path])
    assert first.exit_code == again.exit_code == 0
    assert first.stdout == f"the store {path} is now at schema version {db.head()} (was empty)\n"
    assert again.stdout == f"the store {path} is at schema version {db.head()}: nothing to do\n"


def test_the_db_comes_from_presslens_db_in_the_environment(tmp_path):
    path = str(tmp_path / "env.db")
    run = CliRunner().invoke(main, ["db", "upgrade"], env={"PRESSLENS_DB": path})
    assert run.exit_code == 0 and path in run.stdout


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: "postgresql://nobody@127.0.0.1:1/corpus", "refuses connections"),
        (lambda p: "postgresql://nobody@no-such-host.invalid/corpus", "cannot be found"),
        (lambda p: str(p / "missing" / "dir" / "store.db"), "cannot be opened"),
        (
            lambda p: (p / "junk.db").write_bytes(b"not sqlite " * 200) and str(p / "junk.db"),
            "is not a SQLite database",
        ),
        (lambda p: "mysql://localhost/corpus", "neither SQLite nor PostgreSQL"),
    ],
)
def test_an_unusable_store_is_one_clear_line(tmp_path, make, message):
    url = make(tmp_path)
    (tmp_path / "a.txt").write_text("The harbour reopened on Tuesday.", encoding="utf-8")
    run = CliRunner().invoke(main, ["ingest", "--db", url, str(tmp_path / "a.txt")])
    assert run.exit_code == 2
    (line,) = run.stderr.splitlines()
    assert line.startswith("presslens: error: ") and message in line, line


def test_a_password_is_never_shown():
    url = db.url_of("postgresql://ana:secret@127.0.0.1:1/corpus")
    assert db.shown(url) == "postgresql://ana:***@127.0.0.1:1/corpus"
    assert url.drivername == "postgresql+psycopg"


@pytest.mark.slow  # waits LOCK_SECONDS for the lock
def test_a_locked_sqlite_store_is_one_clear_line(tmp_path):
    path = tmp_path / "store.db"
    db.open_store(str(path)).dispose()
    (tmp_path / "a.txt").write_text("The harbour reopened on Tuesday.", encoding="utf-8")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        run = CliRunner().invoke(main, ["ingest", "--db", str(path), str(tmp_path / "a.txt")])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"presslens: error: the store {path} is locked by another process (another ingest?): "
        "let it finish"
    ]


@pytest.mark.slow  # parses one article with the real pipeline
def test_a_0001_store_is_upgraded_and_its_articles_and_speakers_become_searchable(
    tmp_path, store_url
):
    from alembic import command

    from presslens.io.sources import read_sources
    from presslens.settings import Settings
    from presslens.store import fts
    from presslens.store.ingest import ingest
    from presslens.store.queries import search_quotes

    source = tmp_path / "a.txt"
    source.write_text(
        "Harbour reopens\n\nThe harbour of Port Calder reopened. “We are open again,” said the "
        "port’s spokeswoman, Mia Holm.\n",
        "utf-8",
    )
    engine = db.open_store(store_url)
    ingest(read_sources([str(source)]), engine, settings=Settings())
    with engine.begin() as conn:
        command.downgrade(db._config(conn), "0001")  # as a store written before 0002
    with pytest.raises(StoreError, match="run `presslens db upgrade"):
        db.open_store(store_url)
    assert db.upgrade(store_url)[:2] == ("0001", db.head())
    engine = db.open_store(store_url)
    with engine.connect() as conn:
        found = conn.execute(
            select(tables.Article.headline).where(fts.matches(conn, tables.Article, "reopening"))
        )
        assert found.scalars().all() == ["Harbour reopens"]
    # the quotes stored before 0002 get their speaker's name, and a search by it finds them
    said = search_quotes(engine, speaker="holm")
    assert [(q.speaker, q.text) for q in said.rows] == [("Mia Holm", "“We are open again,”")]


def test_a_question_reads_while_an_ingest_holds_the_write_lock(tmp_path):
    from presslens.store.queries import search_quotes

    path = str(tmp_path / "busy.db")
    writer = db.open_store(path)
    with writer.connect() as conn, conn.begin():
        conn.execute(text("INSERT INTO failures (input, reason, failed_at) VALUES ('x', 'y', 0)"))
        # the writer's transaction is open (BEGIN IMMEDIATE): a reader does not wait for it
        assert search_quotes(db.open_store(path, read_only=True), speaker="anyone").total == 0
        with pytest.raises(StoreError, match="is locked by another process"):
            db.open_store(path)  # a second writer waits LOCK_SECONDS, then says so
