"""Articles and the readers that make them from files, stdin and JSONL lines."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from presslens.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class BlockHint:
    """A block the source format already marks (an HTML caption, heading, ...)."""

    kind: str
    start: int
    end: int


@dataclass
class Article:
    """One article, ready to analyse.

    ``text`` is exactly the string analysed; every offset in the output indexes
    into it. When the headline arrives separately, ``text`` is the headline, a
    blank line, then the body.
    """

    text: str
    headline: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    id: str | None = None
    path: str | None = None
    hints: list[BlockHint] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(
        cls,
        body: str,
        *,
        headline: str | None = None,
        published: dt.date | str | None = None,
        **meta: str | None,
    ) -> Article:
        """An article from its body, with the headline put in front when given separately."""
        if not body.strip() and not (headline or "").strip():
            raise InputError("the article is empty: give a file or string with some text in it")
        text = f"{headline.strip()}\n\n{body}" if headline else body
        return cls(
            text=text,
            headline=headline.strip() if headline else None,
            published=parse_date(published),
            **meta,
        )


def parse_date(value: dt.date | str | None) -> dt.date | None:
    """A publication date from a date or a YYYY-MM-DD string (a longer ISO timestamp is cut)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(
            f"cannot read the publication date {value!r}: write it as YYYY-MM-DD"
        ) from None


def read_bytes(
    data: bytes,
    *,
    name: str,
    headline: str | None = None,
    published: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one article from the raw bytes of a text or HTML document."""
    if len(data) > max_bytes:
        raise InputError(f"{len(data)} bytes is over the limit of {max_bytes}; raise --max-bytes")
    return Article.from_text(data.decode("utf-8"), headline=headline, published=published)


def read_jsonl(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """One ``(name, Article or error)`` per line of a JSONL batch, in order."""
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            name = f"{path}:{n}"
            try:
                rec = json.loads(line)
                art = Article.from_text(
                    rec["text"],
                    headline=rec.get("headline"),
                    published=rec.get("published"),
                    outlet=rec.get("outlet"),
                    url=rec.get("url"),
                    id=str(rec.get("id", n)),
                )
                yield name, art
            except InputError as exc:
                yield name, exc
            except (ValueError, KeyError, TypeError) as exc:
                yield name, InputError(f"not a JSON object with a text field: {exc}")


def read_path(
    path: str | Path,
    *,
    headline: str | None = None,
    published: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one article from a text file."""
    p = Path(path)
    if p.stat().st_size > max_bytes:
        raise InputError(
            f"{p.stat().st_size} bytes is over the limit of {max_bytes}; raise --max-bytes"
        )
    art = read_bytes(
        p.read_bytes(), name=str(p), headline=headline, published=published, max_bytes=max_bytes
    )
    art.path, art.id = str(p), p.stem
    return art
