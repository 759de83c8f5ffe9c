"""Who does what to whom across articles: actors as nodes, relations as edges with their
evidence (pure functions; ``presslens.store.network`` feeds them from a store).

An edge comes from an event (its actor to its target, the relation named by the event's
PLOVER type) or from a quote whose cue says how the speaker stands to someone ("criticised",
"praised", "urged"): the speaker to each person or organisation the quote's content names.
Both ends must be entities the article resolved: unlinked phrases ("furious residents")
are left out rather than guessed. Relations are data: ``resources/lexicons/network/``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from presslens.corpus.actors import Actor
from presslens.lexicons import lexicon, load_json


@dataclass(frozen=True)
class Relations:
    events: dict[str, str]
    cues: dict[str, str]

    @classmethod
    def load(cls) -> Relations:
        data = load_json("network", "relations.json")
        return cls(data["events"], data["cues"])


def event_relation(plover_type: str) -> str:
    return lexicon(Relations).events.get(plover_type, plover_type.lower())


def cue_relation(cue: str | None) -> str | None:
    return lexicon(Relations).cues.get(" ".join((cue or "").lower().split()))


@dataclass(frozen=True)
class Evidence:
    """Where a link is read: the article, the event or quote, its text (an event's
    sentence, a quote's content) and the words that say the relation (the event's trigger,
    the quote's cue), each as character offsets into the article."""

    article_id: int
    source: str  # event | quote
    id: str  # the event's or quote's id in the article
    text: str
    start: int
    end: int
    words: tuple[int, int]


@dataclass(frozen=True)
class Link:
    source: Actor
    relation: str
    target: Actor
    evidence: Evidence


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    type: str | None
    links: int  # edges in or out, counted by evidence


@dataclass(frozen=True)
class Edge:
    source: str  # node keys
    relation: str
    target: str
    count: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]


def network(links: Iterable[Link], *, min_count: int = 1) -> Network:
    """The links joined into edges (same source, relation and target), those read at least
    ``min_count`` times, the most read first; the nodes they join, the most linked first."""
    links = list(links)
    triggers = {
        (k.evidence.article_id, k.source.key, k.relation, k.target.key, k.evidence.words[0])
        for k in links
        if k.evidence.source == "event"
    }
    grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    actors: dict[str, Actor] = {}
    for link in links:
        if link.source.key == link.target.key:
            continue  # an actor's relation to itself is a reading error more often than news
        if _read_twice(link, triggers):
            continue
        actors.setdefault(link.source.key, link.source)
        actors.setdefault(link.target.key, link.target)
        grouped[(link.source.key, link.relation, link.target.key)].append(link.evidence)
    edges = [
        Edge(s, r, t, len(ev), sorted(ev, key=lambda e: (e.article_id, e.start)))
        for (s, r, t), ev in grouped.items()
        if len(ev) >= min_count
    ]
    edges.sort(key=lambda e: (-e.count, e.source, e.relation, e.target))
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e.source] += e.count
        degree[e.target] += e.count
    nodes = [Node(k, actors[k].name, actors[k].type, n) for k, n in degree.items()]
    nodes.sort(key=lambda n: (-n.links, n.name.lower()))
    return Network(nodes, edges)


def _read_twice(link: Link, triggers: set[tuple[int, str, str, str, int]]) -> bool:
    """Whether ``link`` is a quote whose cue an event of the same relation already read."""
    if link.evidence.source != "quote":
        return False
    at = (link.evidence.article_id, link.source.key, link.relation, link.target.key)
    return any((*at, start) in triggers for start in range(*link.evidence.words))
