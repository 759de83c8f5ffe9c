"""An actor as the corpus questions count it: one key for one person or organisation in
every article (the corpus entity where the store links one, else the name lower-cased)."""

from __future__ import annotations

from dataclasses import dataclass


def actor_key(corpus_entity_id: int | None, name: str) -> str:
    return f"#{corpus_entity_id}" if corpus_entity_id is not None else name.lower()


@dataclass(frozen=True)
class Actor:
    key: str  # actor_key
    name: str
    type: str | None
