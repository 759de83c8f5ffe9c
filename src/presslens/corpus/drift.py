"""Quote drift: the same quote as different articles report it, aligned word by word.

Pure functions over plain data (``Version``s in, ``Drift`` groups out): the store's query
(``presslens.store.queries.quote_drift``) fetches the versions, the CLI and the HTTP API
print them. Two quotes of one speaker in different articles are versions of one quote when
they share enough words in order (the lexicon's ``same_quote``). A group's reference is its
fullest version (the most words; the earliest of those); every other article's version (its
closest one, where it reports the quote twice) is aligned with it word by word (``difflib``
over lower-cased words, punctuation and quotation marks left out): changed, added and
dropped words, and the flags a fact-checker looks for, each with both spans as character
offsets into their articles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from presslens.lexicons import lexicon, load_json

_WORD = re.compile(r"\w+(?:[’'.,]\w+)*|n[’']t\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d")
_NEVER = dt.date.max
_OPS = {"replace": "changed", "delete": "dropped", "insert": "added"}


@dataclass(frozen=True)
class DriftLexicon:
    """``resources/lexicons/drift/lexicon.json``: hedges and negators (as word tuples)."""

    hedges: frozenset[tuple[str, ...]]
    negators: frozenset[str]
    min_words: int
    min_share: float

    @classmethod
    def load(cls) -> DriftLexicon:
        data = load_json("drift", "lexicon.json")
        return cls(
            hedges=frozenset(tuple(h.split()) for h in data["hedges"]),
            negators=frozenset(data["negators"]),
            min_words=data["same_quote"]["min_words"],
            min_share=data["same_quote"]["min_share"],
        )


@dataclass(frozen=True)
class Version:
    """One article's report of a quote: its content and where it stands in the article."""

    article_id: int
    quote_id: str
    speaker: str
    text: str
    start: int  # of ``text`` in the article
    outlet: str | None = None
    date: dt.date | None = None
    headline: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Words:
    """A version's words, lower-cased, with their article offsets."""

    words: list[str]
    spans: list[tuple[int, int]]

    @classmethod
    @lru_cache(maxsize=1 << 15)  # grouping, choosing the reference and aligning each read them
    def of(cls, v: Version) -> Words:
        found = list(_WORD.finditer(v.text))
        return cls(
            [m.group().lower().replace("’", "'") for m in found],
            [(v.start + m.start(), v.start + m.end()) for m in found],
        )

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Article offsets of words ``a:b`` (an empty span where ``a == b``)."""
        if a < b:
            return self.spans[a][0], self.spans[b - 1][1]
        at = self.spans[a][0] if a < len(self.spans) else (self.spans[-1][1] if self.spans else 0)
        return at, at


@dataclass(frozen=True)
class Change:
    """One difference: ``op`` is changed, added or dropped; the reference's and the
    version's words and spans (the empty side an empty span where the words would be)."""

    op: str
    reference_words: str
    version_words: str
    reference_span: tuple[int, int]
    version_span: tuple[int, int]


@dataclass(frozen=True)
class Flag:
    """What a fact-checker should look at: ``kind`` is truncated, dropped_hedge,
    changed_number or meaning_flipped; ``detail`` says it in words."""

    kind: str
    detail: str
    reference_span: tuple[int, int]
    version_span: tuple[int, int]


@dataclass(frozen=True)
class Aligned:
    """A version against the group's reference."""

    version: Version
    similarity: float  # share of the two versions' words that match, 0-1
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class Drift:
    """One quote as several articles report it: the reference and the others aligned."""

    speaker: str
    reference: Version
    versions: list[Aligned]

    @property
    def flag_count(self) -> int:
        return sum(len(a.flags) for a in self.versions)


def same_quote(a: Words, b: Words) -> bool:
    """Whether two quotes are versions of one (the lexicon's ``same_quote``)."""
    lex = lexicon(DriftLexicon)
    shorter = min(len(a.words), len(b.words))
    if shorter < lex.min_words:
        return False
    blocks = SequenceMatcher(None, a.words, b.words, autojunk=False).get_matching_blocks()
    matched = sum(block.size for block in blocks)
    return matched >= lex.min_words and matched >= lex.min_share * shorter


def _hedges_in(words: list[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(position, hedge) of each hedge in ``words``."""
    lex = lexicon(DriftLexicon)
    return [
        (i, h) for i in range(len(words)) for h in lex.hedges if tuple(words[i : i + len(h)]) == h
    ]


def _negations(words: list[str]) -> int:
    negators = lexicon(DriftLexicon).negators
    return sum(1 for w in words if w in negators or w.endswith("n't"))


def align(reference: Version, version: Version) -> Aligned:
    """``version`` aligned with ``reference`` word by word, with its changes and flags."""
    ref, ver = Words.of(reference), Words.of(version)
    matcher = SequenceMatcher(None, ref.words, ver.words, autojunk=False)
    matched = sum(b.size for b in matcher.get_matching_blocks())
    similarity = 2 * matched / ((len(ref.words) + len(ver.words)) or 1)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    changes, flags = [], []
    for tag, i1, i2, j1, j2 in ops:
        old, new = " ".join(ref.words[i1:i2]), " ".join(ver.words[j1:j2])
        spans = ref.span(i1, i2), ver.span(j1, j2)
        changes.append(Change(_OPS[tag], old, new, *spans))
        if tag == "replace" and _NUMBER.search(old) and _NUMBER.search(new):
            flags.append(Flag("changed_number", f"{old!r} became {new!r}", *spans))
    flags += _dropped_hedges(ref, ver, matcher, ops)
    kept = (0, len(ref.words))  # the reference's words the version does not cut away
    for tag, i1, i2, j1, _ in dict.fromkeys(ops[:1] + ops[-1:]):
        if tag == "delete" and (i1 == 0 or i2 == len(ref.words)):
            where, words = "beginning" if i1 == 0 else "end", " ".join(ref.words[i1:i2])
            detail = f"the {where} left out: {words!r}"
            flags.append(Flag("truncated", detail, ref.span(i1, i2), ver.span(j1, j1)))
            kept = (i2, kept[1]) if i1 == 0 else (kept[0], i1)
    before, after = _negations(ref.words[kept[0] : kept[1]]), _negations(ver.words)
    if before != after:  # a negation added or dropped in what both versions report
        detail = f"{before} negation(s) in the reference, {after} in this version"
        whole = ref.span(*kept), ver.span(0, len(ver.words))
        flags.append(Flag("meaning_flipped", detail, *whole))
    return Aligned(version, round(similarity, 3), changes, flags)


def _dropped_hedges(
    ref: Words, ver: Words, matcher: SequenceMatcher, ops: list[tuple[str, int, int, int, int]]
) -> list[Flag]:
    """A hedge of the reference in words the version changed or left out, and not in it."""
    version_text = f" {' '.join(ver.words)} "
    flags = []
    for i, hedge in _hedges_in(ref.words):
        phrase = " ".join(hedge)
        differs = any(i1 <= i < i2 for tag, i1, i2, _, _ in ops if tag != "insert")
        if differs and f" {phrase} " not in version_text:
            j = _position_in(matcher, i)
            spans = ref.span(i, i + len(hedge)), ver.span(j, j)
            flags.append(Flag("dropped_hedge", f"{phrase!r} left out", *spans))
    return flags


def _position_in(matcher: SequenceMatcher, i: int) -> int:
    """Where reference word ``i`` would stand in the version."""
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= i < i2 or (i1 == i2 == i):
            return j1 + min(i - i1, j2 - j1) if tag == "equal" else j1
    return len(matcher.b)


def _sort_key(v: Version) -> tuple[int, dt.date, int]:
    """The reference first: the fullest version (most words), then the earliest."""
    return (-len(Words.of(v).words), v.date or _NEVER, v.article_id)


def drift(versions: Iterable[Version]) -> list[Drift]:
    """The quotes reported by more than one article, each aligned with its reference; the
    groups with the most flags first."""
    by_speaker: dict[str, list[Version]] = defaultdict(list)
    for v in versions:
        by_speaker[v.speaker].append(v)
    groups: list[Drift] = []
    for speaker, said in by_speaker.items():
        for group in _groups(said):
            if len({v.article_id for v in group}) < 2:
                continue
            group.sort(key=_sort_key)
            reference = group[0]
            best: dict[int, Aligned] = {}  # per other article, its version closest to the reference
            for v in group[1:]:
                if v.article_id != reference.article_id:
                    a = align(reference, v)
                    if v.article_id not in best or a.similarity > best[v.article_id].similarity:
                        best[v.article_id] = a
            aligned = sorted(
                best.values(), key=lambda a: (a.version.date or _NEVER, a.version.article_id)
            )
            groups.append(Drift(speaker, reference, aligned))
    groups.sort(key=lambda d: (-d.flag_count, -len(d.versions), _sort_key(d.reference)))
    return groups


def _groups(said: list[Version]) -> list[list[Version]]:
    """``said`` (one speaker's quotes) joined into groups of versions of one quote."""
    words = [Words.of(v) for v in said]
    parent = list(range(len(said)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    # candidate pairs share a word trigram: no comparison of quotes with nothing in common
    by_trigram: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, w in enumerate(words):
        for gram in {tuple(w.words[k : k + 3]) for k in range(max(1, len(w.words) - 2))}:
            by_trigram[gram].append(n)
    pairs = {(a, b) for ns in by_trigram.values() for a in ns for b in ns if a < b}
    for a, b in sorted(pairs):
        apart = said[a].article_id != said[b].article_id and root(a) != root(b)
        if apart and same_quote(words[a], words[b]):
            parent[root(b)] = root(a)
    out: dict[int, list[Version]] = defaultdict(list)
    for n, v in enumerate(said):
        out[root(n)].append(v)
    return list(out.values())
