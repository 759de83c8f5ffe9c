"""``presslens analyze``: read the inputs, analyse them in order, write the results."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TextIO

import click

from presslens.api import Item, Result, analyze_stream
from presslens.cli.errors import EXIT_FAILED, CommandError
from presslens.cli.options import embeddings_option, max_bytes_option, model_option
from presslens.errors import PresslensError
from presslens.export import EXTENSIONS, FORMATS, render
from presslens.io.readers import STDIN, read_bytes, read_jsonl, read_path
from presslens.schema import Analysis, Failure
from presslens.settings import Settings


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@click.option("--published", help="Publication date YYYY-MM-DD (overrides HTML metadata).")
@click.option("--headline", help="The headline, when the file holds only the body.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DIR/<input stem>.<ext> for each input.",
)
@model_option("Any installed spaCy pipeline.")
@max_bytes_option
@embeddings_option
@click.pass_context
def analyze(
    ctx: click.Context,
    inputs: tuple[str, ...],
    published: str | None,
    headline: str | None,
    fmt: str,
    output: Path | None,
    out_dir: Path | None,
    model: str,
    max_bytes: int,
    embeddings: bool,
) -> None:
    """Analyse articles: text or HTML files, - for stdin, a .jsonl batch with --format jsonl."""
    _check_destination(fmt, output, out_dir, len(inputs))
    settings = Settings(model=model, embeddings=embeddings, max_bytes=max_bytes)
    items = read_inputs(
        inputs, fmt=fmt, headline=headline, published=published, max_bytes=settings.max_bytes
    )
    with Destination(fmt, output=output, out_dir=out_dir) as destination:
        failures = destination.write_all(analyze_stream(items, settings=settings))
    if failures:
        _report_failures(failures, len(inputs))
        ctx.exit(EXIT_FAILED)


def _check_destination(fmt: str, output: Path | None, out_dir: Path | None, n_inputs: int) -> None:
    if output and out_dir:
        raise CommandError("give either -o FILE or --out-dir DIR, not both")
    if out_dir is None and fmt in ("html", "brat") and n_inputs > 1:
        raise CommandError(f"--format {fmt} writes one file per article: add --out-dir DIR")


def read_inputs(
    inputs: Iterable[str],
    *,
    fmt: str,
    headline: str | None,
    published: str | None,
    max_bytes: int,
) -> Iterator[Item]:
    """``(name, Article or PresslensError)`` for each input, in order: a .jsonl batch
    (with ``--format jsonl``) gives one per line, ``-`` reads stdin."""
    for name in inputs:
        try:
            if name.endswith(".jsonl") and fmt == "jsonl":
                yield from read_jsonl(Path(name), max_bytes=max_bytes)
            elif name == "-":
                data = sys.stdin.buffer.read(max_bytes + 1)
                yield (
                    STDIN,
                    read_bytes(
                        data,
                        name=STDIN,
                        headline=headline,
                        published=published,
                        max_bytes=max_bytes,
                    ),
                )
            else:
                yield (
                    name,
                    read_path(name, headline=headline, published=published, max_bytes=max_bytes),
                )
        except PresslensError as exc:
            yield name, exc
        except OSError as exc:
            yield name, PresslensError(f"cannot read the file: {exc.strerror or exc}")


class Destination:
    """Where the results go: stdout, ``-o FILE`` or one file per input in ``--out-dir DIR``.

    Results for stdout or FILE are collected and written when the destination closes
    (a JSON array when there are several); a failure keeps its line in JSONL.
    """

    def __init__(self, fmt: str, *, output: Path | None, out_dir: Path | None) -> None:
        self.fmt, self.output, self.out_dir = fmt, output, out_dir
        self.results: list[str] = []
        self.last: Analysis | None = None  # the last analysis, for the brat .txt beside FILE
        self.sink: TextIO | None = None

    def __enter__(self) -> Destination:
        if self.output:
            self.sink = self.output.open("w", encoding="utf-8")
        if self.out_dir:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        return self

    def write_all(self, results: Iterable[Result]) -> list[str]:
        """Write each ``(name, Analysis or PresslensError)``; the names of the failed inputs."""
        failures = []
        for name, result in results:
            if isinstance(result, PresslensError):
                failures.append(name)
                self.write_failure(name, result)
            else:
                self.write(name, result)
        return failures

    def write(self, name: str, analysis: Analysis) -> None:
        for warning in analysis.warnings:
            click.echo(f"presslens: {name}: warning: {warning}", err=True)
        text = render(analysis, self.fmt)
        self.last = analysis
        if self.out_dir is None:
            self.results.append(text)
            return
        stem = Path(name).stem if name != STDIN else "stdin"
        (self.out_dir / f"{stem}.{EXTENSIONS[self.fmt]}").write_text(text, encoding="utf-8")
        if self.fmt == "brat":  # brat reads the analysed text beside the .ann
            (self.out_dir / f"{stem}.txt").write_text(analysis.text, encoding="utf-8")

    def write_failure(self, name: str, error: PresslensError) -> None:
        click.echo(f"presslens: {name}: {error}", err=True)
        if self.fmt == "jsonl":  # keep one line per input, in order
            self.results.append(Failure.of(name, error).to_json() + "\n")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.results:
            out = self.sink or sys.stdout
            if self.fmt == "json" and len(self.results) > 1:
                out.write("[\n" + ",\n".join(r.rstrip("\n") for r in self.results) + "\n]\n")
            else:
                out.write("".join(self.results))
        if self.sink:
            self.sink.close()
            if self.fmt == "brat" and self.last is not None:
                assert self.output is not None
                self.output.with_suffix(".txt").write_text(self.last.text, encoding="utf-8")


def _report_failures(failures: list[str], n_inputs: int) -> None:
    """Name the failed inputs on stderr, unless the one input's own line already did."""
    if n_inputs > 1 or len(failures) > 1:
        click.echo(f"presslens: {len(failures)} input(s) failed: " + ", ".join(failures), err=True)
