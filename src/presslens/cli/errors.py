"""How a command fails: one line ``presslens: error: MESSAGE`` on stderr and exit code 2."""

from __future__ import annotations

from typing import IO, Any

import click

from presslens.errors import PresslensError

EXIT_FAILED = 2


class CommandError(click.ClickException):
    """A fatal error of a command, printed as one line on stderr (exit code 2)."""

    exit_code = EXIT_FAILED

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"presslens: error: {self.format_message()}", file=file, err=True)


class Group(click.Group):
    """A click group whose commands' PresslensErrors become CommandErrors: the one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PresslensError as exc:
            raise CommandError(str(exc)) from exc
