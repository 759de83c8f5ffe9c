"""spaCy's ``AttributeRuler`` with a memoised matcher: the same matches, a fraction of the time.

The English models' attribute ruler holds ~180 Matcher patterns (the tag map, morph
rules and a few two-token exceptions); spaCy's ``Matcher`` tries each of them at every
token, which costs about as much as the tagger and parser together. Each token spec of
those patterns tests only a few token attributes (LOWER, TAG, DEP, IS_SPACE) for
equality, ``IN``, ``NOT_IN`` or ``REGEX``, so which specs a token meets depends only on
those attributes' values: ``SpecMatcher`` works that out once per distinct combination
and finds every pattern's matches from it. The ruler keeps its patterns, attributes and
``set_annotations``; only its ``match`` is replaced, and only when every pattern is of
the supported kind (a ruler with any other pattern keeps spaCy's Matcher).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import and_
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

Match = tuple[int, int, int, int]  # (pattern index, match id, start, end), as AttributeRuler.match
Test = Callable[[Any], bool]
_CACHE_LIMIT = 1 << 18  # distinct attribute combinations remembered before starting afresh


# The string attributes a spec may test here (to_array gives their string hashes); the
# boolean flags are the IS_ and LIKE_ attributes.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"})


def _is_flag(attr: str) -> bool:
    return attr.startswith(("IS_", "LIKE_")) and attr in IDS


def _value_test(attr: Any, value: Any) -> Test | None:
    """A test of ``attr``'s value for a spec's ``value``, None if the spec is unsupported."""
    flag = isinstance(attr, str) and _is_flag(attr)
    if not flag and attr not in _STRING_ATTRS:
        return None
    if isinstance(value, bool if flag else str):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            return (lambda v: v in arg) if op == "IN" else (lambda v: v not in arg)
        if op == "REGEX" and isinstance(arg, str) and not flag:
            regex = re.compile(arg)
            return lambda v: regex.search(v) is not None
    return None


class SpecMatcher:
    """``AttributeRuler.match`` for patterns of plain token specs (see the module docstring).

    Build it with ``SpecMatcher.of(ruler)``, which returns None when a pattern needs
    spaCy's Matcher (operators, other predicates, extension attributes).
    """

    def __init__(
        self,
        ruler: AttributeRuler,
        attrs: list[str],
        specs: list[list[tuple[int, Test]]],
        patterns: list[tuple[int, list[int]]],
    ) -> None:
        self.strings = ruler.vocab.strings
        self.attr_ids = [IDS[a] for a in attrs]  # the token attributes the specs test
        self.flags = [_is_flag(a) for a in attrs]
        # per attribute: its tests as (spec number, test); the bits of the specs that ignore it
        self.tests: list[list[tuple[int, Test]]] = [[] for _ in attrs]
        for n, spec in enumerate(specs):
            for a, test in spec:
                self.tests[a].append((n, test))
        self.every = (1 << len(specs)) - 1
        self.ignoring = [self.every & ~sum(1 << n for n, _ in tests) for tests in self.tests]
        # (pattern index, match id, the bits of its later specs) of the patterns each spec starts
        match_ids = [self.strings[str(i)] for i in range(len(ruler.attrs))]
        self.starting: dict[int, list[tuple[int, int, list[int]]]] = {}
        for index, chain in patterns:
            later = [1 << n for n in chain[1:]]
            self.starting.setdefault(chain[0], []).append((index, match_ids[index], later))
        # per attribute: value (its string hash, or 0/1 for a flag) -> the specs it lets pass
        self.passing: list[dict[int, int]] = [{} for _ in attrs]
        self.starts: dict[int, list[tuple[int, int, list[int]]]] = {}  # met specs -> patterns

    @classmethod
    def of(cls, ruler: AttributeRuler) -> SpecMatcher | None:
        attrs: list[str] = []
        specs: list[list[tuple[int, Test]]] = []
        patterns: list[tuple[int, list[int]]] = []
        for index, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                chain = []
                for token_spec in pattern:
                    tests = []
                    for attr, value in token_spec.items():
                        test = _value_test(attr, value)
                        if test is None:
                            return None  # "OP", "_", ">=", LENGTH ...: spaCy's Matcher knows
                        if attr not in attrs:
                            attrs.append(attr)
                        tests.append((attrs.index(attr), test))
                    chain.append(len(specs))
                    specs.append(tests)
                if not chain:
                    return None
                patterns.append((index, chain))
        return cls(ruler, attrs, specs, patterns)

    def _passing(self, a: int, key: int) -> int:
        """The bits of the specs that attribute ``a`` with value ``key`` lets pass."""
        known = self.passing[a]
        if len(known) >= _CACHE_LIMIT:
            known.clear()
        value = bool(key) if self.flags[a] else self.strings[key]
        known[key] = bits = self.ignoring[a] | sum(1 << n for n, t in self.tests[a] if t(value))
        return bits

    def _starts(self, met: int) -> list[tuple[int, int, list[int]]]:
        """The patterns whose first spec is among the ``met`` bits."""
        self.starts[met] = starts = [
            p for n in range(met.bit_length()) if met >> n & 1 for p in self.starting.get(n, ())
        ]
        return starts

    def __call__(self, doc: Doc) -> list[Match]:
        if not len(doc):
            return []
        met = [self.every] * len(doc)  # per token: the bits of the specs it meets
        if self.attr_ids:
            columns = doc.to_array(self.attr_ids).reshape(len(doc), -1).T.tolist()
            for a, column in enumerate(columns):
                known, read = self.passing[a], self._passing
                met = list(map(and_, met, [known[k] if k in known else read(a, k) for k in column]))
        found: set[Match] = set()
        starts, read_starts = self.starts, self._starts
        for i, bits in enumerate(met):
            for index, match_id, later in starts[bits] if bits in starts else read_starts(bits):
                end = i + 1 + len(later)
                if end <= len(met) and all(met[i + 1 + k] & b for k, b in enumerate(later)):
                    found.add((index, match_id, i, end))
        return sorted(found)


def memoise_attribute_rulers(nlp: Language) -> None:
    """Give each ``AttributeRuler`` of ``nlp`` a ``SpecMatcher`` where its patterns allow."""
    for _, proc in nlp.pipeline:
        if isinstance(proc, AttributeRuler) and (matcher := SpecMatcher.of(proc)) is not None:
            proc.match = matcher  # the one method AttributeRuler.__call__ asks for its matches
