"""Ingest: read articles, skip those already stored, analyse the rest, store each one.

Articles go in chunks of ``settings.chunk``: the chunk's keys are looked up in one query,
known articles are skipped before any parse (so a rerun is fast), the others stream
through ``api.analyze_stream`` (which isolates an article that breaks its chunk), and each
is committed with all its rows on its own (``write.save``), by a writer thread that stores
one chunk while the next is analysed. Killing an ingest and running it again therefore loses
nothing and stores nothing twice.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from presslens.api import analyze_stream
from presslens.errors import PresslensError
from presslens.io.sources import Read
from presslens.schema import Analysis
from presslens.settings import Settings
from presslens.store import tables
from presslens.store.db import store_errors
from presslens.store.write import ANALYSED, Pending, record_failure, save

INGESTED, SKIPPED, FAILED = "ingested", "skipped", "failed"

# Told of each input as it is done: (outcome, name, the error when it failed).
Report = Callable[[str, str, PresslensError | None], None]
Outcome = tuple[str, str, PresslensError | None]


@dataclass
class Tally:
    """How many articles an ingest stored, found already stored, and could not store."""

    ingested: int = 0
    skipped: int = 0
    failed: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass(frozen=True)
class _Known:
    article_id: int
    status: str
    analysis_version: str
    content_hash: str


def ingest(
    items: Iterable[Read],
    engine: Engine,
    *,
    settings: Settings | None = None,
    reanalyze: bool = False,
    report: Report | None = None,
) -> Tally:
    """Store each ``(name, Article or error)`` of ``items``; how it went.

    An article already stored is skipped, unless its analysis failed (it is tried again)
    or, with ``reanalyze``, its analysis version or content changed (it is analysed again
    and keeps its id). A failure is recorded (``tables.Failure``) and the rest go on; a
    store that cannot be written raises ``StoreError``.
    """
    settings = settings or Settings()
    version = settings.analysis_version()
    tally = Tally()

    def done(outcome: str, name: str, error: PresslensError | None = None) -> None:
        tally.add(outcome)
        if report:
            report(outcome, name, error)

    it = iter(items)
    # one writer thread stores a chunk while the next one is analysed; reports stay in order
    writes: deque[tuple[str | None, Future[Outcome]]] = deque()

    def settle(behind: int) -> None:  # report the writes done, until at most ``behind`` wait
        while len(writes) > behind:
            done(*writes.popleft()[1].result())

    writer = ThreadPoolExecutor(1, "presslens-store")
    try:
        with store_errors(engine):
            while chunk := list(islice(it, settings.chunk)):
                read = []
                for name, item in chunk:
                    if isinstance(item, PresslensError):
                        writes.append((None, writer.submit(_record, engine, name, item)))
                    else:
                        read.append(Pending.of(name, item))
                known = _known(engine, {p.key for p in read})
                todo: list[tuple[Pending, int | None]] = []
                seen = {key for key, _ in writes}  # being stored, or twice in a chunk: once
                for p in read:
                    old = known.get(p.key)
                    if p.key in seen or (old and not _stale(old, p, version, reanalyze)):
                        writes.append((None, _already((SKIPPED, p.name, None))))
                        continue
                    seen.add(p.key)
                    todo.append((p, old.article_id if old else None))
                found = analyze_stream(((p.name, p.article) for p, _ in todo), settings=settings)
                for (p, replaces), (_, result) in zip(todo, found, strict=True):
                    stored = writer.submit(_store, engine, p, result, version, replaces)
                    writes.append((p.key, stored))
                    settle(settings.chunk)
                settle(settings.chunk)
            settle(0)
    finally:  # after an error the writes still waiting are dropped: a rerun makes them
        writer.shutdown(cancel_futures=True)
    return tally


def _already(outcome: Outcome) -> Future[Outcome]:
    """A write with nothing to do: its ``outcome``."""
    done: Future[Outcome] = Future()
    done.set_result(outcome)
    return done


def _record(engine: Engine, name: str, error: PresslensError) -> Outcome:
    record_failure(engine, name, error)
    return FAILED, name, error


def _known(engine: Engine, keys: set[str]) -> dict[str, _Known]:
    """The stored articles among ``keys``, by key."""
    if not keys:
        return {}
    a = tables.Article
    query = select(a.key, a.article_id, a.status, a.analysis_version, a.content_hash)
    with engine.connect() as conn:
        return {key: _Known(*rest) for key, *rest in conn.execute(query.where(a.key.in_(keys)))}


def _stale(old: _Known, p: Pending, version: str, reanalyze: bool) -> bool:
    """Whether a stored article is analysed again: its analysis failed, or (``reanalyze``)
    it was analysed another way or its content changed."""
    changed = old.analysis_version != version or old.content_hash != p.content_hash
    return old.status != ANALYSED or (reanalyze and changed)


def _store(
    engine: Engine,
    p: Pending,
    result: Analysis | PresslensError,
    version: str,
    replaces: int | None,
) -> Outcome:
    """Save one article: ``(outcome, name, error)`` (another ingest may have stored it)."""
    try:
        save(engine, p, result, version=version, replaces=replaces)
    except IntegrityError as exc:
        if p.key in _known(engine, {p.key}):
            return SKIPPED, p.name, None
        error = PresslensError(f"cannot store the analysis: {exc.orig}")
        record_failure(engine, p.name, error)
        return FAILED, p.name, error
    if isinstance(result, PresslensError):
        return FAILED, p.name, result
    return INGESTED, p.name, None
