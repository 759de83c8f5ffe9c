"""Corpus entities across documents, on GUM: the linker (and exact names) against Wikification.

A unit is a (document, identity) pair: the person and organisation clusters ``eval gum``
scores, each known by its Wikipedia identity, or, without one, as itself (a cluster of one
document, which no other document's unit is). Each presslens PERSON or ORG entity is matched
to gold mentions as ``evaluate.gum`` matches them and belongs to the unit most of its matched
mentions are in (a merge inside a document is ``eval gum``'s error, not counted twice here).
The entities are then linked across documents, in file order: by the linker as ``presslens
ingest`` links them (one document after another), by the linker as ``presslens db relink``
links a store (full names of every document first, then partial ones), or by the exact-name
baseline (the same ``name`` string is the same corpus entity).

Pairwise, over pairs of units in different documents: recall over the pairs with the same
identity (do they share a corpus entity?), precision over the pairs that share a corpus entity
(do they have the same identity?).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from presslens.datasets.gum import Document, read_documents
from presslens.errors import InputError
from presslens.evaluate.gum import presslens_people, score_document, spans
from presslens.evaluate.metrics import f1, ratio
from presslens.schema import Entity
from presslens.store.linker import PHASES, MemoryCorpus
from presslens.store.names import EntityRecord

Unit = tuple[str, str]  # (document id, identity)


@dataclass
class Doc:
    """One document: its gold units and presslens's entities with the unit of each."""

    doc: Document
    units: set[Unit]
    records: list[EntityRecord]
    unit_of: dict[str, Unit]  # article entity id -> its unit


def identity(unit: Unit) -> str | None:
    """The Wikipedia identity of a unit, None for a cluster known only as itself."""
    return None if "#" in unit[1] else unit[1]


def prepare(doc: Document, entities: Sequence[Entity]) -> Doc:
    """The units of ``doc`` and the unit of each entity matched into one."""
    scored = doc.scored_clusters()
    ids = {c: ms[0].identity or f"{doc.id}#{c}" for c, ms in scored.items()}
    score = score_document(doc, [spans(e) for e in entities])
    unit_of = {}
    for e, matched in zip(score.entities, score.response, strict=True):
        clusters = Counter(doc.mentions[i].cluster for i in sorted(matched))
        cluster = next(c for c, _ in clusters.most_common() if c in ids)
        unit_of[entities[e].id] = (doc.id, ids[cluster])
    records = [
        EntityRecord(e.id, e.name, e.type, e.title, tuple(e.aliases), len(e.mentions))
        for e in entities
    ]
    return Doc(doc, {(doc.id, i) for i in ids.values()}, records, unit_of)


# A system: the corpus entity of each (document id, article entity id), or None.
System = Callable[[Sequence[Doc]], dict[tuple[str, str], Hashable | None]]


def ingest_order(docs: Sequence[Doc]) -> dict[tuple[str, str], Hashable | None]:
    corpus = MemoryCorpus()
    for d in docs:
        corpus.link(d.doc.id, d.records)
    return _links(docs, corpus)


def relink_order(docs: Sequence[Doc]) -> dict[tuple[str, str], Hashable | None]:
    corpus = MemoryCorpus()
    for phase in PHASES:
        for d in docs:
            corpus.link(d.doc.id, d.records, phases=(phase,))
    return _links(docs, corpus)


def _links(docs: Sequence[Doc], corpus: MemoryCorpus) -> dict[tuple[str, str], Hashable | None]:
    return {
        (d.doc.id, r.entity): corpus.linked[d.doc.id].get(r.entity) for d in docs for r in d.records
    }


def exact_names(docs: Sequence[Doc]) -> dict[tuple[str, str], Hashable | None]:
    return {(d.doc.id, r.entity): r.name for d in docs for r in d.records}


SYSTEMS: dict[str, System] = {
    "presslens (as ingested)": ingest_order,
    "presslens (as relinked)": relink_order,
    "exact name": exact_names,
}


@dataclass
class Result:
    """One system's pairs: gold (same identity), predicted (a shared corpus entity)."""

    system: str
    gold: set[tuple[Unit, Unit]]
    predicted: set[tuple[Unit, Unit]]
    names: dict[Unit, set[str]]  # the names of each unit's entities, for reading errors

    @property
    def reachable(self) -> set[tuple[Unit, Unit]]:
        """Gold pairs whose two units both have a presslens entity at all."""
        return {(a, b) for a, b in self.gold if a in self.names and b in self.names}

    @property
    def right(self) -> set[tuple[Unit, Unit]]:
        return self.gold & self.predicted

    def scores(self) -> dict[str, float]:
        p = ratio(len(self.right), len(self.predicted))
        r = ratio(len(self.right), len(self.gold))
        reached = ratio(len(self.right), len(self.reachable))
        return {
            "predicted": len(self.predicted),
            "p": p,
            "r": r,
            "f1": f1(p, r),
            "reached": reached,
        }


def cross_pairs(groups: dict[Hashable, set[Unit]]) -> set[tuple[Unit, Unit]]:
    """The pairs of units of one group that are in different documents, each sorted."""
    return {
        (a, b)
        for units in groups.values()
        for a, b in combinations(sorted(units), 2)
        if a[0] != b[0]
    }


def gold_pairs(docs: Sequence[Doc]) -> set[tuple[Unit, Unit]]:
    by_identity: dict[Hashable, set[Unit]] = defaultdict(set)
    for d in docs:
        for u in d.units:
            if identity(u):
                by_identity[identity(u)].add(u)
    return cross_pairs(by_identity)


def score(system: str, docs: Sequence[Doc]) -> Result:
    links = SYSTEMS[system](docs)
    by_corpus: dict[Hashable, set[Unit]] = defaultdict(set)
    names: dict[Unit, set[str]] = defaultdict(set)
    for d in docs:
        for r in d.records:
            unit = d.unit_of.get(r.entity)
            target = links[d.doc.id, r.entity]
            if unit is None:
                continue
            names[unit].add(r.name)
            if target is not None:
                by_corpus[target].add(unit)
    return Result(system, gold_pairs(docs), cross_pairs(by_corpus), names)


def describe(res: Result) -> list[str]:
    """The missed and the wrong pairs of one system, for reading."""

    def show(u: Unit) -> str:
        return f"{u[0]} {sorted(res.names.get(u, set())) or '(no entity)'}"

    lines = [f"# {res.system}: missed pairs", ""]
    lines += [f"- {identity(a)}: {show(a)} / {show(b)}" for a, b in sorted(res.gold - res.right)]
    lines += ["", f"# {res.system}: wrong pairs", ""]
    lines += [
        f"- {identity(a) or a[1]} ~ {identity(b) or b[1]}: {show(a)} / {show(b)}"
        for a, b in sorted(res.predicted - res.gold)
    ]
    return lines


def run(data_dir: str | Path, part: str | None = None, errors: bool = False) -> str:
    """Score the linker (as ingested and as relinked) and exact names on GUM; markdown out."""
    documents = read_documents(data_dir, part)
    if not documents:
        raise InputError(f"no GUM documents in {data_dir}")
    docs = [prepare(d, e) for d, e in zip(documents, presslens_people(documents), strict=True)]
    results = [score(s, docs) for s in SYSTEMS]
    gold, reachable = results[0].gold, results[0].reachable
    identities = {identity(a) for pair in gold for a in pair}
    units = sum(len(d.units) for d in docs)
    scope = f"part {part}" if part else "dev"
    out = [
        f"GUM {scope}: {len(docs)} documents, {units} units (document, identity) of person and "
        f"organisation clusters; {len(identities)} identities in two documents or more give "
        f"{len(gold)} cross-document pairs, {len(reachable)} of them between units "
        "that both have a presslens PERSON or ORG entity",
        "",
        "| system | linked pairs | P | R | F1 | R of reachable pairs |",
        "|---|---|---|---|---|---|",
    ]
    for res in results:
        s = res.scores()
        out.append(
            f"| {res.system} | {s['predicted']} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} "
            f"| {s['reached']:.3f} |"
        )
    if errors:
        for res in results[:2]:
            out += ["", *describe(res)]
    return "\n".join(out)
