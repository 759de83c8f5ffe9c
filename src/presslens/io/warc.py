"""Web archives: the HTML responses of a ``.warc`` or ``.warc.gz`` file, read through warcio.

Records are read one at a time (a 2 GB archive never sits in memory); each HTML response
becomes an article through the HTML reader, with the record's target URI as its URL. An
article is named ``PATH@OFFSET``, the record's offset (``warcio extract PATH OFFSET``
prints it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from presslens.errors import InputError
from presslens.io.article import Article
from presslens.io.readers import DEFAULT_MAX_BYTES, read_bytes, too_large

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    """Whether a file is a web archive, by its name."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def _is_html_response(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def _article(data: bytes, uri: str | None, max_bytes: int) -> Article:
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    article = read_bytes(data, name=uri or "", max_bytes=max_bytes, html=True)
    article.url = uri or article.url
    return article


def _html_responses(path: Path, max_bytes: int) -> Iterator[tuple[int, str | None, bytes]]:
    """``(offset, target URI, content)`` of each HTML response; ``CorruptArchive`` where the
    archive breaks."""
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        offset = 0
        while True:
            try:
                record = next(records, None)
                if record is None:
                    return
                if not _is_html_response(record):
                    continue
                data = record.content_stream().read(max_bytes + 1)
                offset = records.get_record_offset()  # reads the record to its end first
            except Exception as exc:  # warcio and gzip raise many kinds on a broken archive
                raise CorruptArchive(offset, exc) from exc
            yield offset, record.rec_headers.get_header("WARC-Target-URI"), data


class CorruptArchive(InputError):
    """A web archive that breaks after ``offset``."""

    def __init__(self, offset: int, exc: Exception) -> None:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        super().__init__(
            f"corrupt web archive ({reason}): the records up to this offset were read; "
            "check the file with `warcio index` and fetch or repair it"
        )
        self.offset = offset


def read_warc(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, Article | InputError]]:
    """One ``(PATH@OFFSET, Article or error)`` per HTML response of the archive, in order.

    Other records (requests, metadata, images, redirects, errors) are passed over. A
    corrupt archive gives one error where it breaks, after the articles before it.
    """
    responses = _html_responses(path, max_bytes)
    while True:
        try:
            offset, uri, data = next(responses)
        except StopIteration:
            return
        except CorruptArchive as exc:
            yield f"{path}@{exc.offset}", exc
            return
        try:
            yield f"{path}@{offset}", _article(data, uri, max_bytes)
        except InputError as exc:
            yield f"{path}@{offset}", exc


def count_html_responses(path: Path) -> int:
    """How many HTML responses the archive holds (up to where it breaks)."""
    n = 0
    try:
        for _ in _html_responses(path, 0):
            n += 1
    except CorruptArchive:
        pass
    return n
