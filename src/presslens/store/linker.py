"""One corpus entity per real person or organisation, across articles: the decisions, pure.

``link_article(records, corpus)`` takes one article's entities (``names.EntityRecord``) and
returns a ``Decision`` for each: join a corpus entity, start a new one, or stay unlinked. It
only reads the corpus, through the two questions of ``Corpus``; ``MemoryCorpus`` answers them
from dicts (the evaluation, a runner's partition), ``store.corpus_entities.StoreCorpus`` from
the store's tables. Either applies the decisions with ``CorpusEntity.add``.

The rules (the issue's):

* A name written surname first ("Twain, Mark") is read in the usual order.
* A person with a given name joins the corpus entity of the same surname whose given names,
  suffix and gender all agree ("Hillary Clinton" is not "Bill Clinton", "Donald Trump" not
  "Donald Trump Jr.", "George W. Bush" not "George H. W. Bush"); none: a new one; several: the
  one with exactly these given names, else the one whose titles match, else unlinked.
* A bare surname ("Clinton", "Mrs. Clinton") joins only when exactly one corpus entity of that
  surname with a given name fits its suffix and gender (from the honorific); among several, the
  one whose titles match ("President Clinton"), else the one the article's other people and
  organisations are seen with (``together``), else it stays unlinked. With no full name of
  that surname anywhere it joins the one entity known by the surname alone, or starts it. A
  surname the article keeps apart from one of its named people stays unlinked: the article
  itself could not tell whose it is.
* An organisation joins the corpus entity that shares one of its normalised full names ("The
  Church of Scientology's" = "Church of Scientology"), or else the only one whose short forms
  (acronyms the article tied to its name, one-word aliases, the last word of a name, the name
  before "of" and one word) meet its names ("Scientology", "Cardinals", "The Guardian" of "The
  Guardian of London"); one named only by an acronym or short form joins the only
  entity that has it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

from presslens.lexicons import lexicon
from presslens.store.names import (
    ORG_KEY,
    PERSON,
    SHORT_KEY,
    EntityRecord,
    NameLexicon,
    Profile,
    profile,
)

Phase = Literal["full", "partial"]
PHASES: tuple[Phase, ...] = ("full", "partial")


@dataclass
class CorpusEntity:
    """A corpus entity: what the article entities that are it said of it, each counted once
    per article entity, and how many articles and mentions name it."""

    id: int
    type: str
    surname: str | None = None
    suffix: str | None = None
    names: Counter[str] = field(default_factory=Counter)  # best full names
    forms: Counter[str] = field(default_factory=Counter)  # every name and alias
    givens: Counter[str] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    keys: Counter[str] = field(default_factory=Counter)
    article_count: int = 0
    mention_count: int = 0

    @property
    def name(self) -> str:
        """The full name most articles give (on a tie the longest, then the first in order)."""
        return min(self.names.items(), key=lambda x: (-x[1], -len(x[0]), x[0]), default=("",))[0]

    @property
    def aliases(self) -> list[str]:
        """Every other name and alias, the most used first."""
        name = self.name
        return [f for f, _ in sorted(self.forms.items(), key=lambda x: (-x[1], x[0])) if f != name]

    @property
    def gender(self) -> str | None:
        top = self.genders.most_common(2)
        return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None

    def full_names(self) -> set[str]:
        return {k.removeprefix(ORG_KEY) for k in self.keys if k.startswith(ORG_KEY)}

    def short_forms(self) -> set[str]:
        return {k.removeprefix(SHORT_KEY) for k in self.keys if k.startswith(SHORT_KEY)}

    def add(self, p: Profile) -> None:
        """Count in one article entity that is this one (``article_count`` is the caller's:
        it knows whether the article was counted already)."""
        self._count(p, 1)

    def remove(self, p: Profile) -> None:
        """Take back what ``add`` counted for ``p``."""
        self._count(p, -1)

    def _count(self, p: Profile, sign: int) -> None:
        if self.surname is None and p.type == PERSON:
            self.surname, self.suffix = p.surname, p.suffix
        self.mention_count += sign * p.mentions
        for counter, values in (
            (self.names, {p.name}),
            (self.forms, p.forms),
            (self.givens, p.givens),
            (self.genders, {p.gender} - {None}),
            (self.titles, p.titles),
            (self.keys, p.keys),
        ):
            for value in values:
                counter[value] += sign
                if counter[value] <= 0:
                    del counter[value]


class Corpus(Protocol):
    """What the linker asks of the corpus entities linked so far."""

    def candidates(self, keys: Collection[str]) -> list[CorpusEntity]:
        """The corpus entities holding any of ``keys``."""
        ...

    def together(self, candidates: Collection[int], others: Collection[int]) -> dict[int, int]:
        """For each candidate id, how many of ``others`` share an article with it."""
        ...


@dataclass(frozen=True)
class Decision:
    """What becomes of one article entity: ``join`` the corpus entity ``corpus_entity_id``;
    ``new``: start one (entities of one article deciding ``new`` with the same negative
    ``corpus_entity_id`` start the same one); ``none``: stay unlinked. ``reason`` says why."""

    entity: str
    action: Literal["join", "new", "none"]
    reason: str
    profile: Profile | None = None
    corpus_entity_id: int | None = None


def link_article(
    records: Sequence[EntityRecord],
    corpus: Corpus,
    *,
    phases: Iterable[Phase] = PHASES,
    linked: Collection[int] = (),
) -> list[Decision]:
    """The decision for each of one article's entities, in the phases asked: ``full`` names
    first, then ``partial`` ones, which may lean on the corpus entities the full ones joined
    (``linked``: those this article joined in an earlier call). An entity of another phase
    gets no decision; one that names nobody in particular is ``none`` in any phase."""
    lex = lexicon(NameLexicon)
    found = {r.entity: profile(r) for r in records}
    people = Counter(
        p.surname for p in found.values() if p is not None and p.type == PERSON and p.given
    )
    pending: list[CorpusEntity] = []  # the new corpus entities of this article, ids -1, -2, ...
    joined = set(linked)
    decisions = {
        e: Decision(e, "none", "not the name of anyone in particular")
        for e, p in found.items()
        if p is None
    }
    for phase in phases:
        for entity, p in found.items():
            if p is None or p.partial != (phase == "partial"):
                continue
            if p.type == PERSON and p.partial and people[p.surname] > 0:
                d = Decision(entity, "none", "the article did not tell whose surname it is", p)
            else:
                local = [c for c in pending if c.keys.keys() & p.lookup]
                d = _decide(p, corpus.candidates(p.lookup) + local, corpus, joined, lex)
            if d.action == "new" and d.corpus_entity_id is None:
                pending.append(CorpusEntity(id=-len(pending) - 1, type=p.type))
                d = replace(d, corpus_entity_id=pending[-1].id)
            if d.action == "new":
                pending[-1 - d.corpus_entity_id].add(p)
            elif d.action == "join":
                joined.add(d.corpus_entity_id)
            decisions[entity] = d
    return [decisions[r.entity] for r in records if r.entity in decisions]


def _decide(
    p: Profile,
    candidates: list[CorpusEntity],
    corpus: Corpus,
    joined: Collection[int],
    lex: NameLexicon,
) -> Decision:
    same = [c for c in candidates if c.type == p.type]
    if p.type == PERSON:
        return _person(p, same, corpus, joined, lex)
    return _organisation(p, same)


def _join(p: Profile, c: CorpusEntity, reason: str) -> Decision:
    """Join ``c``; one this article starts (a negative id) is still ``new``."""
    return Decision(p.entity, "new" if c.id < 0 else "join", reason, p, c.id)


def _names_agree(a: str, b: str) -> bool:
    """One given name and another, or its initial ("j" ~ "john")."""
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) == 1 and long.startswith(short))


def _givens_agree(a: str, b: str) -> bool:
    """Given names agree word by word as far as both go: "george" ~ "george w",
    not "george w" ~ "george h w"."""
    return all(_names_agree(x, y) for x, y in zip(a.split(), b.split(), strict=False))


def _fits(p: Profile, c: CorpusEntity) -> bool:
    """Suffix and gender agree, and (for a full name) every given-name form of ``c``."""
    if c.surname != p.surname or c.suffix != p.suffix:
        return False
    if p.gender and c.gender and p.gender != c.gender:
        return False
    return p.given is None or all(_givens_agree(p.given, g) for g in c.givens)


def _person(
    p: Profile,
    same: list[CorpusEntity],
    corpus: Corpus,
    joined: Collection[int],
    lex: NameLexicon,
) -> Decision:
    full = [c for c in same if c.givens and _fits(p, c)]
    if p.given is not None:
        if not full:
            return Decision(p.entity, "new", "a new full name", p)
        if len(full) == 1:
            return _join(p, full[0], "the one person of this name")
        exact = [c for c in full if p.givens & c.givens.keys()]
        if len(exact) == 1:
            return _join(p, exact[0], "the same given names")
        return _narrow(p, full, corpus, joined, lex) or Decision(
            p.entity, "none", "several people of this name", p
        )
    if len(full) == 1:
        return _join(p, full[0], "the one person of this surname")
    if full:
        return _narrow(p, full, corpus, joined, lex) or Decision(
            p.entity, "none", "several people of this surname", p
        )
    bare = [c for c in same if not c.givens and _fits(p, c)]
    if len(bare) == 1:
        return _join(p, bare[0], "the surname alone, as other articles give it")
    if bare:
        return Decision(p.entity, "none", "several people known by this surname alone", p)
    return Decision(p.entity, "new", "a new surname", p)


def _narrow(
    p: Profile,
    fitting: list[CorpusEntity],
    corpus: Corpus,
    joined: Collection[int],
    lex: NameLexicon,
) -> Decision | None:
    """Among several fitting people, the one whose titles match, else the one the article's
    other corpus entities are seen with; None when neither tells."""
    titled = [c for c in fitting if p.titles & c.titles.keys()]
    if len(titled) == 1:
        return _join(p, titled[0], "the one person of this name with this title")
    known = [c.id for c in fitting if c.id > 0]
    shared = corpus.together(known, joined) if known and joined else {}
    ranked = sorted(((shared.get(i, 0), i) for i in known), reverse=True)
    if ranked and ranked[0][0] >= lex.min_shared:
        runner_up = ranked[1][0] if len(ranked) > 1 else 0
        if ranked[0][0] >= lex.shared_ratio * runner_up:
            best = next(c for c in fitting if c.id == ranked[0][1])
            return _join(p, best, "seen with this article's other entities")
    return None


def _organisation(p: Profile, same: list[CorpusEntity]) -> Decision:
    if p.full:
        named = [c for c in same if p.full & c.full_names()]
        if len(named) == 1:
            return _join(p, named[0], "the same name")
        if named:
            best = Counter({c.id: len(p.full & c.full_names()) for c in named}).most_common(2)
            if best[0][1] > best[1][1]:
                return _join(p, next(c for c in named if c.id == best[0][0]), "the most names")
            return Decision(p.entity, "none", "several organisations of this name", p)
    if p.full:  # a full name meets a short form, or its short forms meet a full name
        met = [c for c in same if p.full & c.short_forms() or p.short & c.full_names()]
    else:
        met = [c for c in same if p.short & (c.short_forms() | c.full_names())]
    if len(met) == 1:
        return _join(p, met[0], "the one organisation of this short form")
    if met and not p.full:
        return Decision(p.entity, "none", "several organisations of this short form", p)
    return Decision(p.entity, "new", "a new organisation", p)


@dataclass
class MemoryCorpus:
    """Corpus entities in memory: the ``Corpus`` of an evaluation or a runner's partition.
    An article is any hashable key; ``link`` decides its entities and applies the decisions;
    ``linked[article]`` is then each of its entities' corpus entity id."""

    entities: dict[int, CorpusEntity] = field(default_factory=dict)
    by_key: dict[str, set[int]] = field(default_factory=dict)
    articles: dict[int, set[Hashable]] = field(default_factory=dict)
    linked: dict[Hashable, dict[str, int]] = field(default_factory=dict)

    def candidates(self, keys: Collection[str]) -> list[CorpusEntity]:
        ids = set().union(*(self.by_key.get(k, set()) for k in keys))
        return [self.entities[i] for i in sorted(ids)]

    def together(self, candidates: Collection[int], others: Collection[int]) -> dict[int, int]:
        return {
            c: sum(bool(self.articles[c] & self.articles[o]) for o in others if o != c)
            for c in candidates
        }

    def link(
        self, article: Hashable, records: Sequence[EntityRecord], phases: Iterable[Phase] = PHASES
    ) -> list[Decision]:
        """Decide the entities of ``article`` and apply the decisions."""
        mine = self.linked.setdefault(article, {})
        decisions = link_article(records, self, phases=phases, linked=set(mine.values()))
        started: dict[int, CorpusEntity] = {}
        for d in decisions:
            if d.profile is None or d.corpus_entity_id is None or d.action == "none":
                continue
            if d.action == "new" and d.corpus_entity_id not in started:
                entity = CorpusEntity(id=len(self.entities) + 1, type=d.profile.type)
                self.entities[entity.id] = started[d.corpus_entity_id] = entity
                self.articles[entity.id] = set()
            entity = started.get(d.corpus_entity_id) or self.entities[d.corpus_entity_id]
            entity.add(d.profile)
            entity.article_count += article not in self.articles[entity.id]
            self.articles[entity.id].add(article)
            for key in d.profile.keys:
                self.by_key.setdefault(key, set()).add(entity.id)
            mine[d.entity] = entity.id
        return decisions
