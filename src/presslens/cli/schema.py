"""``presslens schema``: the JSON Schema of the output contract."""

from __future__ import annotations

import json

import click

from presslens.schema import json_schema


@click.command()
def schema() -> None:
    """Print the JSON Schema of the output contract."""
    click.echo(json.dumps(json_schema(), indent=2))
