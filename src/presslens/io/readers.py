"""The readers that make articles from files, stdin and JSONL lines: decoding, size, type."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from presslens.errors import InputError
from presslens.io.article import EMPTY, Article

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
STDIN = "<stdin>"
BINARY = "looks like a binary file (e.g. PDF/image); give a text or HTML article"

# Magic numbers of binary formats people try to analyse by mistake.
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b")
_ASCII = bytes(range(128))
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_START = re.compile(
    r"\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<article|<!--|<(?:p|div|h1)[\s>])",
    re.IGNORECASE,
)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def too_large(size: int, max_bytes: int) -> InputError:
    return InputError(
        f"the input is {size:,} bytes, over the limit of {max_bytes:,}: "
        f"raise it with --max-bytes (max_bytes= in Python) if this really is one article"
    )


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x0b\x1b")
    return controls > len(head) // 10


def _codec(name: str) -> str | None:
    """A Python codec for an encoding label; Latin-1 labels mean cp1252, as browsers read them."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _guess_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8: cp1252 for Western text, else guessed.

    Mostly-ASCII text whose other bytes are all defined in cp1252 is read as cp1252
    (curly quotes and accents of Windows/Latin-1 text); charset-normalizer guesses
    poorly on short texts like that, so it only decides the rest.
    """
    non_ascii = len(data.translate(None, _ASCII))
    if non_ascii <= len(data) // 10:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best else None


def decode(data: bytes, *, html: bool = False) -> tuple[str, list[str]]:
    """The text of ``data`` and warnings about how it was decoded.

    UTF-8 (a leading byte-order mark is dropped, nothing else changes) and UTF-16
    with a byte-order mark are read as such; anything else is decoded with the
    charset an HTML page declares or a guessed one, and a warning names it and
    counts the characters that had to be replaced.
    """
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace"), []
    if _looks_binary(data):
        raise InputError(BINARY)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    declared = None
    if html and (m := _HTML_CHARSET.search(data[:4096])):
        declared = _codec(m.group(1).decode("ascii", "replace"))
    encoding = declared if declared not in (None, "utf-8") else _guess_encoding(data)
    if encoding is None:
        raise InputError(BINARY)
    text = data.decode(encoding, errors="replace")
    warning = f"not valid UTF-8, read as {encoding}: check accents and quotes, or save as UTF-8"
    if replaced := text.count("\ufffd"):
        warning += f"; {replaced} undecodable character(s) replaced with U+FFFD"
    return text, [warning]


def is_html(name: str, text: str) -> bool:
    """Whether a document is HTML, by its file extension or its first characters."""
    return Path(name).suffix.lower() in _HTML_SUFFIXES or bool(_HTML_START.match(text[:1024]))


def read_bytes(
    data: bytes,
    *,
    name: str,
    headline: str | None = None,
    published: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    html: bool | None = None,
) -> Article:
    """Read one article from the raw bytes of a text or HTML document.

    Plain text is kept exactly as decoded; HTML goes through ``html_reader``.
    ``name`` (a file name or ``<stdin>``) helps tell HTML from text, unless ``html``
    says which it is (a web archive's record has its content type).
    """
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    if not data.strip():
        raise InputError(EMPTY)
    head = data[:1024].removeprefix(codecs.BOM_UTF8).decode("latin-1")
    text, warnings = decode(data, html=is_html(name, head) if html is None else html)
    if is_html(name, text) if html is None else html:
        from presslens.io.html import read_html  # trafilatura: imported only for HTML

        art = read_html(text, headline=headline, published=published)
    else:
        art = Article.from_text(text, headline=headline, published=published)
    art.warnings.extend(warnings)
    return art


def read_jsonl(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """One ``(name, Article or error)`` per non-blank line of a JSONL batch, in order.

    Each line is a JSON object with ``text`` and optionally ``id``, ``headline``,
    ``published``, ``outlet`` and ``url``; a line that is not is yielded as an
    ``InputError``, and the batch goes on. Names are ``PATH:LINE``; an article's
    ``id`` is its ``id`` field, else its line number.
    """
    with path.open("rb") as fh:
        yield from read_jsonl_stream(fh, name=str(path), max_bytes=max_bytes)


def read_jsonl_stream(
    fh: BinaryIO, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """``read_jsonl`` of an open binary stream (stdin) called ``name``, a line at a time:
    a line over ``max_bytes`` is skipped unread, never held in memory whole."""
    for n, line in enumerate(_lines(fh, max_bytes), 1):
        if isinstance(line, int):
            yield f"{name}:{n}", too_large(line, max_bytes)
        elif line.strip():
            try:
                yield f"{name}:{n}", _article_from_record(line, max_bytes=max_bytes, line_no=n)
            except InputError as exc:
                yield f"{name}:{n}", exc


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of ``fh``; instead of a line longer than ``max_bytes``, its length."""
    while line := fh.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
            size += len(more)
        yield size + len(more)


def read_json(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One article from a ``.json`` file holding one object with the fields of a JSONL line."""
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)
    art = _article_from_record(path.read_bytes(), max_bytes=max_bytes, line_no=None)
    art.path = str(path)
    if art.id is None:
        art.id, art.id_derived = path.stem, True
    return art


def _article_from_record(line: bytes, *, max_bytes: int, line_no: int | None) -> Article:
    if len(line) > max_bytes:
        raise too_large(len(line), max_bytes)
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg}, column {exc.colno}): each line must be one JSON "
            'object like {"id": "a1", "text": "..."}'
        ) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8: save the JSONL file as UTF-8") from None
    if not isinstance(rec, dict):
        raise InputError(
            f'expected a JSON object with a "text" field, got a JSON {type(rec).__name__}'
        )
    given = rec.get("id")
    article_id = str(given) if given is not None else None
    if article_id is None and line_no is not None:
        article_id = str(line_no)
    try:
        text = rec.get("text")
        if not isinstance(text, str):
            raise InputError('no "text" field with a string: give the article body as "text"')
        fields = {}
        for key in ("headline", "published", "outlet", "url"):
            value = rec.get(key)
            if value is not None and not isinstance(value, str):
                raise InputError(f'the "{key}" field must be a string, got {value!r}')
            fields[key] = value
        art = Article.from_text(
            text,
            headline=fields["headline"],
            published=fields["published"],
            outlet=fields["outlet"],
            url=fields["url"],
            id=article_id,
        )
        art.id_derived = given is None
        return art
    except InputError as exc:
        exc.article_id = article_id
        raise


def read_path(
    path: str | Path,
    *,
    headline: str | None = None,
    published: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one article from a text or HTML file."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file: check the path")
    if p.is_dir():
        raise InputError("is a directory: give the article files in it (e.g. DIR/*.txt)")
    size = p.stat().st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)
    art = read_bytes(
        p.read_bytes(), name=str(p), headline=headline, published=published, max_bytes=max_bytes
    )
    art.path, art.id, art.id_derived = str(p), p.stem, True
    return art
