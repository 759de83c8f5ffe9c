"""Alembic's environment: migrations run on the connection ``store.db`` hands over.

At run time ``store.db.upgrade`` passes the connection in ``config.attributes``; a developer
writing a new migration runs Alembic with the repository's ``alembic.ini`` instead
(``alembic revision --autogenerate -m "..."``), which names a scratch SQLite file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from presslens.store.tables import Base

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    with create_engine(config.get_main_option("sqlalchemy.url")).begin() as connection:
        _migrate(connection)


def _migrate(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters a table by copying it
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
