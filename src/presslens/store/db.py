"""Open a store: the engine for a URL, its schema version checked, and ``upgrade``.

A plain path (``corpus.db``) is a SQLite file; ``postgresql://`` URLs go through psycopg 3.
SQLite runs with foreign keys on, write-ahead logging (readers go on while an ingest
writes) and ``BEGIN IMMEDIATE`` transactions (a writer waits ``LOCK_SECONDS`` for another
one, then fails with a clear line); a read-only engine's transactions begin deferred. Every
database error on the way becomes a ``StoreError`` that says what to do (``store_errors``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from presslens.errors import StoreError
from presslens.store.corpus_entities import Relinked, relink

MIGRATIONS = Path(__file__).parent / "migrations"
LINKED_SINCE = "0003"  # the schema version that brought corpus entities
LOCK_SECONDS = 5
_READS = "presslens_reads"  # the execution option of a read-only engine (open_store)
CONNECT_SECONDS = 5

# (words in the driver's message, what to tell the user); the first that matches wins.
_REASONS = (
    ("database is locked", "is locked by another process (another ingest?): let it finish"),
    ("readonly database", "is read-only: give a --db you can write to"),
    ("unable to open database file", "cannot be opened: check the folder exists and is writable"),
    ("file is not a database", "is not a SQLite database: give another --db"),
    ("connection refused", "refuses connections: is the PostgreSQL server running there?"),
    ("could not translate host name", "names a host that cannot be found: check the URL"),
    ("failed to resolve host", "names a host that cannot be found: check the URL"),
    ("timeout expired", "does not answer: check the host, the port and the network"),
    ("password authentication failed", "refused the user or password: check the URL"),
    ("does not exist", "names a database or user that does not exist: create it first"),
)


def url_of(db: str) -> URL:
    """The SQLAlchemy URL of ``db``: a URL as given (psycopg for postgresql), else a path."""
    if "://" not in db:
        return URL.create("sqlite", database=str(Path(db).expanduser()))
    try:
        url = make_url(db)
    except ArgumentError:
        raise StoreError(
            f"cannot read the store URL {db!r}: give a path or postgresql://..."
        ) from None
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"the store {db!r} is neither SQLite nor PostgreSQL: give a path or postgresql://..."
        )
    return url


def shown(url: URL) -> str:
    """The URL as a user can be shown it: a SQLite path, a PostgreSQL URL without password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def engine_for(db: str) -> Engine:
    """An engine for the store ``db`` (nothing is connected yet)."""
    url = url_of(db)
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": LOCK_SECONDS})
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, connect_args={"connect_timeout": CONNECT_SECONDS})
    except NoSuchModuleError as exc:
        raise StoreError(f"cannot use the store {shown(url)}: {exc}") from None


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # transactions begin where SQLAlchemy says
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    reads = connection.get_execution_options().get(_READS, False)
    connection.exec_driver_sql("BEGIN" if reads else "BEGIN IMMEDIATE")


@contextmanager
def store_errors(engine: Engine) -> Iterator[None]:
    """Turn the database errors raised inside into one ``StoreError`` that says the fix."""
    try:
        yield
    except DBAPIError as exc:
        message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        reason = next(
            (fix for words, fix in _REASONS if words in message.lower()),
            f"cannot be used ({message})",
        )
        raise StoreError(f"the store {shown(engine.url)} {reason}") from None


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest schema version this presslens knows."""
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def version(connection: Connection) -> str | None:
    """The store's schema version; None for an empty store. Refuses what is not a store."""
    current = MigrationContext.configure(connection).get_current_revision()
    if current is None and inspect(connection).get_table_names():
        raise StoreError(
            "the store holds tables but no presslens schema version: it is another "
            "application's database; give another --db"
        )
    if current is not None:
        try:
            ScriptDirectory(str(MIGRATIONS)).get_revision(current)
        except CommandError:  # a revision this presslens does not ship
            raise StoreError(
                f"the store has schema version {current}, newer than this presslens knows "
                f"({head()}): upgrade presslens to use it"
            ) from None
    return current


def upgrade(db: str) -> tuple[str | None, str, Relinked | None]:
    """Bring the store ``db`` to the newest schema: the versions before and after, and the
    relink of a store from before corpus entities (done in the same transaction)."""
    engine = engine_for(db)
    with store_errors(engine), engine.begin() as connection:
        before = version(connection)
        command.upgrade(_config(connection), "head")
        relinked = relink(connection) if _predates_linking(before) else None
    engine.dispose()
    return before, head(), relinked


def _predates_linking(revision: str | None) -> bool:
    """Whether a store at ``revision`` was written before corpus entities existed."""
    if revision is None:
        return False
    newer = ScriptDirectory(str(MIGRATIONS)).iterate_revisions("head", revision)
    return any(r.revision == LINKED_SINCE for r in newer)


def relink_store(db: str) -> Relinked:
    """Link every article of the store ``db`` to corpus entities again, from scratch, in one
    transaction (after the linker's rules or lexicons changed)."""
    engine = open_store(db)
    with store_errors(engine), engine.begin() as connection:
        done = relink(connection)
    engine.dispose()
    return done


def open_store(db: str, *, read_only: bool = False) -> Engine:
    """The engine of a usable store: an empty one is given the schema, an older one is
    refused (``presslens db upgrade``), as is a newer one or anything else. With
    ``read_only`` (the questions, export) a SQLite file that does not exist is refused too,
    and transactions begin deferred: a search does not wait for an ingest's write lock."""
    url = url_of(db)
    sqlite = url.get_backend_name() == "sqlite"
    if read_only and sqlite and not Path(url.database or "").is_file():
        raise StoreError(
            f"there is no store at {db}: ingest articles first (presslens ingest PATH --db {db})"
            " or give the --db that holds them"
        )
    engine = engine_for(db)
    if read_only and sqlite:
        engine = engine.execution_options(**{_READS: True})
    with store_errors(engine), engine.begin() as connection:
        current = version(connection)
        if current is None:
            command.upgrade(_config(connection), "head")
        elif current != head():
            raise StoreError(
                f"the store {shown(engine.url)} has schema version {current}, older than "
                f"this presslens ({head()}): run `presslens db upgrade --db {db}`"
            )
    return engine
