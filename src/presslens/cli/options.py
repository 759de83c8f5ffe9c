"""Options and arguments that several commands share; their defaults come from Settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from presslens.settings import Settings

DEFAULTS = Settings()

data_dir_argument = click.argument(
    "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path)
)

embeddings_option = click.option(
    "--embeddings",
    is_flag=True,
    default=DEFAULTS.embeddings,
    help="Use MiniLM too: claims by sentence embeddings, framing by its tagger (needs the extra).",
)


db_option = click.option(
    "--db",
    envvar="PRESSLENS_DB",
    default=DEFAULTS.db_url,
    show_default=True,
    help="The corpus store: a SQLite file or postgresql://USER@HOST/DB (env PRESSLENS_DB).",
)

max_bytes_option = click.option(
    "--max-bytes",
    type=int,
    default=DEFAULTS.max_bytes,
    show_default=True,
    help="Refuse inputs larger than this.",
)


def model_option(help: str) -> Callable:
    """``--model``, the spaCy pipeline, with the ``help`` of the command that takes it."""
    return click.option("--model", default=DEFAULTS.model, show_default=True, help=help)


def also_option(name: str, what: str) -> Callable:
    """``--NAME/--no-NAME``, on by default: ``what`` the command also does (a baseline, a
    cross-validation)."""
    return click.option(
        f"--{name}/--no-{name}", default=True, show_default=True, help=f"Also {what}."
    )


def out_option(shipped: str) -> Callable:
    """``--out`` of a train command; ``shipped`` is the file under resources/ it replaces."""
    return click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"Write the weights here instead of the shipped resources/{shipped}.",
    )
