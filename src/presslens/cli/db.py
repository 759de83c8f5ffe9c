"""``presslens db``: the corpus store's schema (``db upgrade``) and its corpus entities
(``db relink``)."""

from __future__ import annotations

import click

from presslens.cli.options import db_option
from presslens.store.corpus_entities import Relinked
from presslens.store.db import relink_store, upgrade


@click.group("db")
def db_group() -> None:
    """The corpus store's schema and corpus entities: db upgrade, db relink."""


@db_group.command("upgrade")
@db_option
def upgrade_command(db: str) -> None:
    """Bring the store to this presslens's schema version (a new store is created)."""
    before, after, relinked = upgrade(db)
    if before == after:
        click.echo(f"the store {db} is at schema version {after}: nothing to do")
    else:
        click.echo(f"the store {db} is now at schema version {after} (was {before or 'empty'})")
    if relinked:
        click.echo(_linked(db, relinked))


@db_group.command("relink")
@db_option
def relink_command(db: str) -> None:
    """Link every stored person and organisation to its corpus entity again, from scratch
    (after an upgrade of presslens changed the linker's rules or word lists)."""
    click.echo(_linked(db, relink_store(db)))


def _linked(db: str, done: Relinked) -> str:
    return (
        f"the store {db}: {done.linked} people and organisations of {done.articles} articles "
        f"linked into {done.corpus_entities} corpus entities, {done.unlinked} left unlinked"
    )
