"""An article ready to analyse: the exact text, its headline and its metadata."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from presslens.errors import InputError

EMPTY = "the article is empty: give a file or string with some text in it"


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
    id_derived: bool = False  # the reader made ``id`` up (a file's stem, a line number)
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
            raise InputError(EMPTY)
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
