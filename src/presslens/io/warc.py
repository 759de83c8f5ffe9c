"""Web archives: the HTML responses of a ``.warc`` or ``.warc.gz`` file, read through warcio.

Records are read one at a time (a 2 GB archive never sits in memory); each HTML response
becomes an article through the HTML reader, with the record's target URI as its URL. An
article is named ``PATH@OFFSET``, the record's offset (``warcio extract PATH OFFSET``
prints it).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from presslens.errors import InputError
from presslens.io.article import Article
from presslens.io.readers import DEFAULT_MAX_BYTES, read_bytes, too_large

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
# What warcio and gzip raise on a broken archive.
_CORRUPT = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)


def is_warc(path: Path) -> bool:
    """Whether a file is a web archive, by its name."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def _is_html_response(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def _article(record: ArcWarcRecord, max_bytes: int) -> Article:
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    uri = record.rec_headers.get_header("WARC-Target-URI")
    article = read_bytes(data, name=uri or "", max_bytes=max_bytes, html=True)
    article.url = uri or article.url
    return article


def read_warc(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """One ``(PATH@OFFSET, Article or error)`` per HTML response of the archive, in order.

    Other records (requests, metadata, images, redirects) are passed over. A corrupt
    archive gives one error where it breaks, after the articles before it.
    """
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        offset = 0
        try:
            for record in records:
                offset = records.get_record_offset()
                if not _is_html_response(record):
                    continue
                name = f"{path}@{offset}"
                try:
                    yield name, _article(record, max_bytes)
                except InputError as exc:
                    yield name, exc
        except _CORRUPT as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            yield (
                f"{path}@{offset}",
                InputError(
                    f"corrupt web archive ({reason[:200]}): the records up to this offset were "
                    "read; check the file with `warcio index` and fetch or repair it"
                ),
            )


def count_html_responses(path: Path) -> int:
    """How many HTML responses the archive holds (up to where it breaks), content unread."""
    n = 0
    with path.open("rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                n += _is_html_response(record)
        except _CORRUPT:
            pass
    return n
