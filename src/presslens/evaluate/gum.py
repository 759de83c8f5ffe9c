"""Entities merged inside an article, on GUM: presslens (and spaCy exact-text) against gold.

Gold from ``presslens.datasets.gum``: the person and organisation clusters that have a named
mention, with all their mentions (names, titles, pronouns, descriptions). Each predicted
mention of a PERSON or ORG entity is matched one-to-one to the gold mention (of any cluster)
it overlaps with the smallest difference in range (start and end distance summed). The
response is every predicted entity with a mention matched to a scored cluster, holding all
its matched mentions: a merge with another cluster's mention costs precision. Predicted
mentions GUM does not annotate are left out.

Scores, micro-averaged over documents: pairwise links (precision over the pairs of mentions
the system puts in one entity, recall over the gold pairs), MUC, B³, CEAFe and their mean
(the CoNLL-2012 score) as the ``scorch`` package computes them, the share of gold mentions
matched and the share of scored clusters found at all (any mention matched).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from presslens.datasets.gum import Document, read_documents
from presslens.errors import InputError
from presslens.evaluate.metrics import f1, one_to_one, ratio
from presslens.schema import Entity as SchemaEntity

SYSTEM_TYPES = frozenset({"PERSON", "ORG"})

# A predicted entity: its name and the (start, end) of each mention.
Entity = tuple[str, list[tuple[int, int]]]


@dataclass
class DocScore:
    """One system on one document, mentions as indices into ``doc.mentions``."""

    doc: Document
    key: list[set[int]]
    response: list[set[int]]
    names: list[str]
    entities: list[int]  # the index of each response entity in the system's list

    def cluster_of(self, i: int) -> str:
        return self.doc.mentions[i].cluster

    @property
    def predicted_links(self) -> tuple[int, int]:
        """(right, all) pairs of mentions the system put in one entity."""
        pairs = [p for r in self.response for p in combinations(sorted(r), 2)]
        return sum(self.cluster_of(a) == self.cluster_of(b) for a, b in pairs), len(pairs)

    @property
    def gold_links(self) -> tuple[int, int]:
        """(found, all) pairs of mentions of one scored cluster."""
        entity_of = {i: n for n, r in enumerate(self.response) for i in r}
        pairs = [p for k in self.key for p in combinations(sorted(k), 2)]
        found = sum(a in entity_of and entity_of.get(a) == entity_of.get(b) for a, b in pairs)
        return found, len(pairs)

    @property
    def matched(self) -> set[int]:
        return set().union(*self.response) if self.response else set()

    def describe(self) -> str:
        """Wrong merges, splits and missed clusters of this document, for reading."""
        text = self.doc.mentions
        lines = [f"## {self.doc.id} ({self.doc.genre})"]
        for name, r in zip(self.names, self.response, strict=True):
            by_cluster = Counter(self.cluster_of(i) for i in r)
            if len(by_cluster) > 1:
                parts = "; ".join(
                    " | ".join(text[i].text for i in sorted(r) if self.cluster_of(i) == c)
                    for c, _ in by_cluster.most_common()
                )
                lines.append(f"- wrong merge in {name!r}: {parts}")
        entity_of = {i: n for n, r in enumerate(self.response) for i in r}
        for k in self.key:
            entities = {entity_of[i] for i in k if i in entity_of}
            label = text[min(k)].text
            if not entities:
                lines.append(f"- missed: {label!r} ({len(k)} mentions)")
            elif len(entities) > 1:
                names = ", ".join(repr(self.names[e]) for e in sorted(entities))
                lines.append(f"- split {label!r} over {names}")
            missed = [text[i].text for i in sorted(k) if i not in entity_of]
            if entities and missed:
                lines.append(f"- unlinked mentions of {label!r}: {' | '.join(missed)}")
        return "\n".join(lines)


def score_document(doc: Document, entities: Sequence[Entity]) -> DocScore:
    """Match predicted mentions to gold ones and keep the entities that touch a scored
    cluster."""
    scored = doc.scored_clusters()
    index = {id(m): i for i, m in enumerate(doc.mentions)}
    key = [{index[id(m)] for m in ms} for ms in scored.values()]
    predicted = [(e, span) for e, (_, spans) in enumerate(entities) for span in spans]
    candidates = [
        (abs(m.start - s) + abs(m.end - e), gi, pi)
        for pi, (_, (s, e)) in enumerate(predicted)
        for gi, m in enumerate(doc.mentions)
        if m.start < e and s < m.end
    ]
    members: dict[int, set[int]] = defaultdict(set)
    for gi, pi in one_to_one(candidates):
        members[predicted[pi][0]].add(gi)
    in_scope = set().union(*key) if key else set()
    kept = sorted(e for e, ms in members.items() if ms & in_scope)
    return DocScore(
        doc=doc,
        key=key,
        response=[members[e] for e in kept],
        names=[entities[e][0] for e in kept],
        entities=kept,
    )


def _metrics() -> dict[str, Callable]:
    """scorch's MUC, B³ and CEAFe (imported late: only the evaluation needs scorch)."""
    from scorch.scores import b_cubed, ceaf_e, muc

    return {"muc": muc, "b3": b_cubed, "ceafe": ceaf_e}


def _global(docs: Sequence[DocScore]) -> tuple[list[set[int]], list[set[int]]]:
    """Key and response of ``docs`` with mention indices made unique across documents."""
    key: list[set[int]] = []
    response: list[set[int]] = []
    offset = 0
    for d in docs:
        key += [{offset + i for i in k} for k in d.key]
        response += [{offset + i for i in r} for r in d.response]
        offset += len(d.doc.mentions)
    return key, response


def scores(docs: Sequence[DocScore]) -> dict[str, float]:
    """Every number of one table row over ``docs``."""
    right, predicted = (sum(x) for x in zip(*(d.predicted_links for d in docs), strict=True))
    found, gold = (sum(x) for x in zip(*(d.gold_links for d in docs), strict=True))
    key, response = _global(docs)
    p, r = ratio(right, predicted), ratio(found, gold)
    coref = {name: float(fn(key, response)[2]) for name, fn in _metrics().items()}
    matched = sum(len(k & d.matched) for d in docs for k in d.key)
    return {
        "documents": len(docs),
        "clusters": len(key),
        "found": ratio(sum(bool(k & d.matched) for d in docs for k in d.key), len(key)),
        "mention_recall": ratio(matched, sum(len(k) for k in key)),
        "link_p": p,
        "link_r": r,
        "link_f1": f1(p, r),
        **coref,
        "conll": sum(coref.values()) / len(coref),
    }


def presslens_people(docs: Sequence[Document]) -> Iterator[list[SchemaEntity]]:
    """presslens's PERSON and ORG entities of each document, in order."""
    import presslens
    from presslens.io.article import Article

    articles = (Article.from_text(d.text, id=d.id, published=d.published) for d in docs)
    for analysis in presslens.analyze_many(articles):
        yield [e for e in analysis.entities if e.type in SYSTEM_TYPES]


def spans(entity: SchemaEntity) -> Entity:
    """An entity as the scorer reads it: its name and mention ranges."""
    return entity.name, [(m.start, m.end) for m in entity.mentions]


def presslens_entities(docs: Sequence[Document]) -> Iterator[list[Entity]]:
    """presslens's PERSON and ORG entities of each document, in order."""
    for entities in presslens_people(docs):
        yield [spans(e) for e in entities]


def spacy_entities(docs: Sequence[Document]) -> Iterator[list[Entity]]:
    """spaCy's PERSON and ORG entities merged only when their text is identical."""
    from presslens.evaluate.polnear import plain_nlp
    from presslens.pipeline import DEFAULT_MODEL

    for doc in plain_nlp(DEFAULT_MODEL).pipe(d.text for d in docs):
        merged: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for ent in doc.ents:
            if ent.label_ in SYSTEM_TYPES:
                merged[ent.text].append((ent.start_char, ent.end_char))
        yield list(merged.items())


SYSTEMS: dict[str, Callable[[Sequence[Document]], Iterator[list[Entity]]]] = {
    "presslens": presslens_entities,
    "spacy exact-text": spacy_entities,
}


@dataclass
class Result:
    system: str
    docs: list[DocScore]
    seconds: float


def evaluate(docs: Sequence[Document], system: str = "presslens") -> Result:
    """Run one system over ``docs`` and score each document."""
    from presslens.evaluate.polnear import plain_nlp
    from presslens.pipeline import DEFAULT_MODEL, build_nlp

    (build_nlp if system == "presslens" else plain_nlp)(DEFAULT_MODEL)  # load outside the clock
    started = time.perf_counter()
    predicted = list(SYSTEMS[system](docs))
    seconds = time.perf_counter() - started
    scored = [score_document(d, e) for d, e in zip(docs, predicted, strict=True)]
    return Result(system=system, docs=scored, seconds=seconds)


COLUMNS = (
    ("found", "clusters found"),
    ("mention_recall", "mention R"),
    ("link_p", "link P"),
    ("link_r", "link R"),
    ("link_f1", "link F1"),
    ("muc", "MUC F1"),
    ("b3", "B³ F1"),
    ("ceafe", "CEAFe F1"),
    ("conll", "CoNLL"),
)


def table(results: Sequence[Result]) -> str:
    """The markdown table: per system, all documents, then each genre."""
    head = "| system | documents | clusters | " + " | ".join(c for _, c in COLUMNS) + " | seconds |"
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for res in results:
        genres = sorted({d.doc.genre for d in res.docs})
        groups = [("all", res.docs)] + [
            (g, [d for d in res.docs if d.doc.genre == g]) for g in genres
        ]
        for label, docs in groups:
            s = scores(docs)
            cells = " | ".join(f"{s[k]:.3f}" for k, _ in COLUMNS)
            seconds = f"{res.seconds:.1f}" if label == "all" else ""
            rows.append(
                f"| {res.system} | {label} ({s['documents']}) | {s['clusters']} | {cells} "
                f"| {seconds} |"
            )
    return "\n".join(rows)


def run(
    data_dir: str | Path,
    part: str | None = None,
    baseline: bool = True,
    errors: bool = False,
) -> str:
    """Score presslens (and the spaCy exact-text baseline) on GUM; markdown out."""
    docs = read_documents(data_dir, part)
    if not docs:
        raise InputError(f"no GUM documents in {data_dir}")
    systems = ["presslens", "spacy exact-text"] if baseline else ["presslens"]
    results = [evaluate(docs, s) for s in systems]
    scope = f"part {part}" if part else "dev"
    out = [
        f"GUM {scope}: {len(docs)} documents; person and organisation clusters with a named "
        "mention, all their mentions",
        "",
        table(results),
    ]
    if errors:
        out += ["", "# presslens errors", ""] + [d.describe() for d in results[0].docs]
    return "\n".join(out)
