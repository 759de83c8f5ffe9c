"""Every article under the paths a user names: files, folders (recursively), stdin.

By suffix: ``.jsonl`` (one article per line), ``.json`` (one article object),
``.warc``/``.warc.gz`` (the HTML responses), anything else a text or HTML file; ``-`` is
JSONL on stdin. A folder gives its files with the suffixes of ``SUFFIXES``, in name order,
hidden ones left out. Everything streams: one article is read when the caller asks for it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from presslens.errors import InputError, PresslensError
from presslens.io.article import Article
from presslens.io.readers import (
    DEFAULT_MAX_BYTES,
    STDIN,
    read_json,
    read_jsonl,
    read_jsonl_stream,
    read_path,
)
from presslens.io.warc import WARC_SUFFIXES, count_html_responses, is_warc, read_warc

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", *WARC_SUFFIXES)

Read = tuple[str, Article | PresslensError]


def files(inputs: Iterable[str]) -> Iterator[str]:
    """The files of ``inputs`` (``-`` kept as is), each folder replaced by its article files."""
    for name in inputs:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and _is_article_file(p, path))
            yield from sorted(str(p) for p in found)
        else:
            yield name


def _is_article_file(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.name.lower().endswith(SUFFIXES)


def read_sources(
    inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Read]:
    """``(name, Article or error)`` for each article under ``inputs``, in order."""
    for name in files(inputs):
        if name == "-":
            yield from read_jsonl_stream(stdin or sys.stdin.buffer, name=STDIN, max_bytes=max_bytes)
            continue
        try:
            yield from _read_file(Path(name), max_bytes)
        except PresslensError as exc:
            yield name, exc
        except OSError as exc:
            yield name, InputError(f"cannot read the file: {exc.strerror or exc}")


def _read_file(path: Path, max_bytes: int) -> Iterator[Read]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, max_bytes=max_bytes)
    elif is_warc(path):
        yield from read_warc(path, max_bytes=max_bytes)
    elif suffix == ".json":
        yield str(path), read_json(path, max_bytes=max_bytes)
    else:
        yield str(path), read_path(path, max_bytes=max_bytes)


def count(inputs: Iterable[str]) -> int | None:
    """About how many articles ``read_sources`` will give, for a progress bar's ETA, found
    cheaply: JSONL line breaks and archive records are counted, nothing is parsed; None
    with stdin."""
    names = list(files(inputs))
    if "-" in names:
        return None
    total = 0
    for name in names:
        path = Path(name)
        try:
            if path.suffix.lower() == ".jsonl":
                with path.open("rb") as fh:
                    blocks = iter(lambda: fh.read(1 << 20), b"")
                    total += sum(block.count(b"\n") for block in blocks)
            elif is_warc(path):
                total += count_html_responses(path)
            else:
                total += 1
        except (OSError, PresslensError):
            total += 1
    return total
