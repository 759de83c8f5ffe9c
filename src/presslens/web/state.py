"""What a running server holds: its store engines, its settings, its write token, and the
one lock its analyses take turns on (the cached spaCy pipeline is not thread-safe)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Engine
from starlette.requests import Request

from presslens.settings import Settings

T = TypeVar("T")


@dataclass
class State:
    reads: Engine  # open_store(db, read_only=True): every question
    writes: Engine | None  # a writable engine, only with a write token (ingest)
    write_token: str | None
    settings: Settings
    _parsing: threading.Lock = field(default_factory=threading.Lock)

    def parse(self, work: Callable[[], T]) -> T:
        """``work()`` (an analysis, an ingest) once no other request is parsing."""
        with self._parsing:
            return work()

    def close(self) -> None:
        for engine in (self.reads, self.writes):
            if engine is not None:
                engine.dispose()


def state_of(request: Request) -> State:
    """The ``State`` of the app serving ``request``."""
    return request.app.state.presslens
