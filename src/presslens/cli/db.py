"""``presslens db``: the corpus store's schema (``db upgrade``)."""

from __future__ import annotations

import click

from presslens.cli.options import db_option
from presslens.store.db import upgrade


@click.group("db")
def db_group() -> None:
    """The corpus store's schema: db upgrade."""


@db_group.command("upgrade")
@db_option
def upgrade_command(db: str) -> None:
    """Bring the store to this presslens's schema version (a new store is created)."""
    before, after = upgrade(db)
    if before == after:
        click.echo(f"the store {db} is at schema version {after}: nothing to do")
    else:
        click.echo(f"the store {db} is now at schema version {after} (was {before or 'empty'})")
