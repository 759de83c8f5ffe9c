"""The ``presslens`` command: the click group, with one module per command group.

``analyze`` (analyze.py), ``schema`` (schema.py), ``eval`` (evaluate.py), ``train``
(train.py), ``ingest`` and ``failures`` (ingest.py), ``db`` (db.py); the corpus questions
``search`` (search.py), ``drift`` (drift.py), ``compare`` (compare.py), ``network``
(network.py), ``entities`` and ``timeline`` (people.py); ``export`` (export.py); ``serve``
(serve.py), the HTTP API. Shared options in options.py, how the questions print in
output.py, how a command fails in errors.py.
"""

from __future__ import annotations

import click

from presslens.cli.analyze import analyze
from presslens.cli.compare import compare_command
from presslens.cli.db import db_group
from presslens.cli.drift import drift_command
from presslens.cli.errors import Group
from presslens.cli.evaluate import eval_group
from presslens.cli.export import export_command
from presslens.cli.ingest import failures, ingest
from presslens.cli.network import network_command
from presslens.cli.people import entities_command, timeline_command
from presslens.cli.schema import schema
from presslens.cli.search import search_group
from presslens.cli.serve import serve_command
from presslens.cli.train import train_group


@click.group(cls=Group)
@click.version_option(package_name="presslens")
def main() -> None:
    """Read news articles the way a careful fact-checker does."""


for command in (
    analyze,
    schema,
    eval_group,
    train_group,
    ingest,
    failures,
    db_group,
    search_group,
    drift_command,
    compare_command,
    network_command,
    entities_command,
    timeline_command,
    export_command,
    serve_command,
):
    main.add_command(command)
