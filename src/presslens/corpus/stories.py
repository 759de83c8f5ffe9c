"""Stories: articles about the same thing, grouped by what their words share and when they
appeared (pure functions; ``presslens.store.queries.compare`` feeds them from a store).

Each article is a sublinear TF-IDF vector of its headline and opening (stems as the stance
model reads them, ``presslens.models.stance``; idf over the articles being grouped); two
articles published at most ``window_days`` apart (or either undated) whose cosine is at
least ``similarity`` are about one story, and stories are the connected groups. The
defaults were set by hand on invented articles (``samples/corpus``), not on labelled
data: ``--similarity`` and ``--window`` change them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from presslens.models.stance import Idf, stem, words

SIMILARITY = 0.2
WINDOW_DAYS = 3
OPENING_CHARS = 3000  # of an article's text read for its vector


@dataclass(frozen=True)
class StoryText:
    """What grouping reads of an article."""

    article_id: int
    date: dt.date | None
    text: str  # its headline and opening


def _near(a: StoryText, b: StoryText, window_days: int) -> bool:
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= window_days


def stories(
    texts: list[StoryText], *, similarity: float = SIMILARITY, window_days: int = WINDOW_DAYS
) -> list[list[StoryText]]:
    """``texts`` grouped into stories, the largest first (then the earliest), each in date
    order; an article like no other is a story of its own."""
    stems = [[stem(w) for w in words(t.text)] for t in texts]
    idf = Idf.fit(stems)
    vectors = [idf.vector(Counter(s)) for s in stems]
    parent = list(range(len(texts)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            if not _near(texts[a], texts[b], window_days) or root(a) == root(b):
                continue
            small, large = sorted((vectors[a], vectors[b]), key=len)
            if sum(x * large.get(s, 0.0) for s, x in small.items()) >= similarity:
                parent[root(b)] = root(a)
    groups: dict[int, list[StoryText]] = {}
    for n, t in enumerate(texts):
        groups.setdefault(root(n), []).append(t)

    def when(t: StoryText) -> tuple[dt.date, int]:
        return (t.date or dt.date.max, t.article_id)

    ordered = [sorted(g, key=when) for g in groups.values()]
    return sorted(ordered, key=lambda g: (-len(g), when(g[0])))
