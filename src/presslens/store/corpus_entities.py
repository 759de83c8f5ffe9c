"""The linker in the store: an article's entities linked to corpus entities inside the
transaction that writes the article (``link``, ``unlink``), and a whole store relinked.

``StoreCorpus`` answers the linker's two questions from ``corpus_entities``,
``corpus_entity_keys`` and ``article_entities``; the decisions (``store.linker``) are applied
here. On PostgreSQL a transaction that links takes an advisory lock first, so two ingests never
start the same corpus entity twice or lose each other's counts (SQLite writers already take
turns: ``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, func, insert, select, text, update

from presslens.store import tables
from presslens.store.entity_index import index_article, reindex
from presslens.store.linker import PHASES, CorpusEntity, Decision, Phase, link_article
from presslens.store.names import ORG, PERSON, EntityRecord, profile, profiles

_LOCK = 0x70726573  # the advisory lock of linking (PostgreSQL)
_COUNTED = ("names", "forms", "givens", "genders", "titles")
_COLUMNS = {"givens": "given_names"}  # CorpusEntity field -> column, where they differ


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})


class StoreCorpus:
    """The store's corpus entities, as the linker asks for them (one connection, inside its
    transaction). What it reads it keeps: ``fetch`` the keys of a whole article first and
    the linker's questions cost no further query."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.loaded: dict[int, CorpusEntity] = {}
        self.holders: dict[str, set[int]] = {}

    def fetch(self, keys: Collection[str]) -> None:
        """Read the corpus entities holding any of ``keys`` not read yet."""
        new = [key for key in keys if key not in self.holders]
        if not new:
            return
        k = tables.CorpusEntityKey
        for key in new:
            self.holders[key] = set()
        for key, owner in self.conn.execute(
            select(k.key, k.corpus_entity_id).where(k.key.in_(new))
        ):
            self.holders[key].add(owner)
        self.load(set().union(*(self.holders[key] for key in new)))

    def candidates(self, keys: Collection[str]) -> list[CorpusEntity]:
        self.fetch(keys)
        ids = set().union(*(self.holders[key] for key in keys))
        return [self.loaded[i] for i in sorted(ids)]

    def together(self, candidates: Collection[int], others: Collection[int]) -> dict[int, int]:
        a = tables.ArticleEntity.__table__.alias("a")
        b = tables.ArticleEntity.__table__.alias("b")
        query = (
            select(a.c.corpus_entity_id, func.count(b.c.corpus_entity_id.distinct()))
            .join(b, a.c.article_id == b.c.article_id)
            .where(a.c.corpus_entity_id.in_(candidates), b.c.corpus_entity_id.in_(others))
            .where(a.c.corpus_entity_id != b.c.corpus_entity_id)
            .group_by(a.c.corpus_entity_id)
        )
        return dict(self.conn.execute(query).all())

    def load(self, ids: Collection[int]) -> list[CorpusEntity]:
        """The corpus entities ``ids``, with their keys, in id order (read once)."""
        missing = [i for i in ids if i not in self.loaded]
        if missing:
            self.loaded |= {e.id: e for e in self._read(missing)}
        return [self.loaded[i] for i in sorted(ids)]

    def _read(self, ids: Collection[int]) -> list[CorpusEntity]:
        c, k = tables.CorpusEntity, tables.CorpusEntityKey
        rows = self.conn.execute(select(c.__table__).where(c.corpus_entity_id.in_(ids))).all()
        keys: dict[int, Counter[str]] = {i: Counter() for i in ids}
        for key, owner, count in self.conn.execute(
            select(k.key, k.corpus_entity_id, k.count).where(k.corpus_entity_id.in_(ids))
        ):
            keys[owner][key] = count
        return [
            CorpusEntity(
                id=r.corpus_entity_id,
                type=r.type,
                surname=r.surname,
                suffix=r.suffix,
                keys=keys[r.corpus_entity_id],
                article_count=r.article_count,
                mention_count=r.mention_count,
                **{f: Counter(getattr(r, _COLUMNS.get(f, f))) for f in _COUNTED},
            )
            for r in sorted(rows, key=lambda r: r.corpus_entity_id)
        ]

    def save(self, entities: Iterable[CorpusEntity]) -> None:
        """Write ``entities`` in a few statements, whatever their number: new ones (id not
        positive; given their ids), updates, and deletes of those no article names any more."""
        c, k = tables.CorpusEntity, tables.CorpusEntityKey
        entities = list(entities)
        gone = [e.id for e in entities if e.id > 0 and e.article_count <= 0]
        kept = [e for e in entities if e.id > 0 and e.article_count > 0]
        new = [e for e in entities if e.id <= 0]
        if gone:
            self.conn.execute(delete(c).where(c.corpus_entity_id.in_(gone)))
        if kept:
            self.conn.execute(
                update(c).where(c.corpus_entity_id == bindparam("id_")),
                [{"id_": e.id, **_row(e)} for e in kept],
            )
            self.conn.execute(delete(k).where(k.corpus_entity_id.in_([e.id for e in kept])))
        if new:
            ids = self.conn.execute(
                insert(c).returning(c.corpus_entity_id, sort_by_parameter_order=True),
                [_row(e) for e in new],
            ).scalars()
            for entity, id_ in zip(new, ids, strict=True):
                entity.id = id_
        keys = [
            {"key": key, "corpus_entity_id": e.id, "count": n}
            for e in [*kept, *new]
            for key, n in e.keys.items()
        ]
        if keys:
            self.conn.execute(insert(k), keys)


def _row(entity: CorpusEntity) -> dict:
    """The ``corpus_entities`` row of ``entity``, but for its id."""
    return {
        "type": entity.type,
        "name": entity.name,
        "aliases": entity.aliases,
        "article_count": entity.article_count,
        "mention_count": entity.mention_count,
        "surname": entity.surname,
        "suffix": entity.suffix,
        **{_COLUMNS.get(f, f): dict(getattr(entity, f)) for f in _COUNTED},
    }


def _records(conn: Connection, article_id: int) -> list[tuple[EntityRecord, int | None]]:
    """The article's people and organisations, each with its corpus entity (or None)."""
    e = tables.ArticleEntity
    rows = conn.execute(
        select(e.entity, e.name, e.type, e.title, e.aliases, e.mention_count, e.corpus_entity_id)
        .where(e.article_id == article_id, e.type.in_((PERSON, ORG)))
        .order_by(e.entity)
    )
    return [(EntityRecord(*r[:4], tuple(r[4]), r[5]), r[6]) for r in rows]


def link(conn: Connection, article_id: int, phases: Iterable[Phase] = PHASES) -> list[Decision]:
    """Link the stored entities of one article (in the caller's transaction), its quotes
    counted for their speakers' corpus entities."""
    _lock(conn)
    decisions = _link(conn, article_id, phases)
    index_article(conn, article_id, 1)
    return decisions


def _link(conn: Connection, article_id: int, phases: Iterable[Phase]) -> list[Decision]:
    found = _records(conn, article_id)
    counted = {ce for _, ce in found if ce is not None}  # corpus entities counting the article
    todo = [r for r, ce in found if ce is None]
    corpus = StoreCorpus(conn)
    corpus.fetch({key for p in profiles(todo) for key in p.lookup})
    decisions = link_article(todo, corpus, phases=phases, linked=counted)
    started: dict[int, CorpusEntity] = {}  # by the decisions' negative ids
    joined: dict[int, CorpusEntity] = {}
    for d in decisions:
        if d.profile is None or d.corpus_entity_id is None or d.action == "none":
            continue
        if d.action == "new":
            entity = started.setdefault(d.corpus_entity_id, CorpusEntity(0, d.profile.type))
            entity.article_count = 1
        else:
            entity = joined.get(d.corpus_entity_id) or corpus.load([d.corpus_entity_id])[0]
            joined[entity.id] = entity
            if entity.id not in counted:
                entity.article_count += 1
                counted.add(entity.id)
        entity.add(d.profile)
    corpus.save([*started.values(), *joined.values()])
    ids = {i: entity.id for i, entity in (started | joined).items()}
    links = [
        {"a": article_id, "e": d.entity, "ce": ids[d.corpus_entity_id]}
        for d in decisions
        if d.action != "none" and d.corpus_entity_id in ids
    ]
    if links:
        e = tables.ArticleEntity.__table__
        conn.execute(
            update(e)
            .where(e.c.article_id == bindparam("a"), e.c.entity == bindparam("e"))
            .values(corpus_entity_id=bindparam("ce")),
            links,
        )
    return decisions


def unlink(conn: Connection, article_id: int) -> None:
    """Take one article's entities out of their corpus entities (before it is analysed again
    or deleted); a corpus entity no other article names is deleted."""
    _lock(conn)
    index_article(conn, article_id, -1)
    by_entity: dict[int, list[EntityRecord]] = {}
    for record, ce in _records(conn, article_id):
        if ce is not None:
            by_entity.setdefault(ce, []).append(record)
    corpus = StoreCorpus(conn)
    entities = corpus.load(list(by_entity))
    for entity in entities:
        entity.article_count -= 1
        for record in by_entity[entity.id]:
            p = profile(record)
            if p is None:  # the lexicons changed since: its counts cannot be taken back
                entity.mention_count -= record.mentions
            else:
                entity.remove(p)
    corpus.save(entities)
    e = tables.ArticleEntity
    conn.execute(update(e).where(e.article_id == article_id), {"corpus_entity_id": None})


@dataclass(frozen=True)
class Relinked:
    """What a relink gave: the articles read, entities linked and left, corpus entities."""

    articles: int
    linked: int
    unlinked: int
    corpus_entities: int


def relink(conn: Connection) -> Relinked:
    """Link every article of the store again from scratch (in the caller's transaction): the
    full names of all articles first, then the partial ones, so a bare surname finds the
    full name a later article gives."""
    _lock(conn)
    e = tables.ArticleEntity
    conn.execute(update(e), {"corpus_entity_id": None})
    conn.execute(delete(tables.CorpusEntityKey))
    conn.execute(delete(tables.CorpusEntity))
    ids = (
        conn.execute(
            select(e.article_id).where(e.type.in_((PERSON, ORG))).distinct().order_by(e.article_id)
        )
        .scalars()
        .all()
    )
    for phase in PHASES:
        for article_id in ids:
            _link(conn, article_id, (phase,))
    reindex(conn)
    linked = e.corpus_entity_id.is_not(None)
    counts = dict(
        conn.execute(
            select(linked, func.count()).where(e.type.in_((PERSON, ORG))).group_by(linked)
        ).all()
    )
    total = conn.execute(select(func.count()).select_from(tables.CorpusEntity)).scalar_one()
    return Relinked(len(ids), counts.get(True, 0), counts.get(False, 0), total)
