"""Proper names in the text: NER's names cleaned of "the", "'s", honorifics and titles, names NER
missed after a given name, honorific or title, and one type per name by a vote."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from presslens.components.entities.context import MAX_NAME_TOKENS, NOUNS, Context
from presslens.components.entities.titles import honorific, prefix, title_ending, title_word
from presslens.nlp.layers import layers

_KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_HEADING_BLOCKS = {"headline", "subheading"}
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_DATELINE_STOPS = {",", "(", "—", "–", "-", "--"}
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüýÿčćšžłńőű.-'’")


@dataclass
class Name:
    """A proper name found in the text: ``doc[name_start:name_end]``, prefix from ``start``."""

    start: int
    name_start: int
    name_end: int
    label: str
    gender: str | None = None
    title: str | None = None
    past: bool = False

    @property
    def personal(self) -> bool:
        return self.label == "PERSON" or self.start < self.name_start


def find_names(ctx: Context) -> list[Name]:
    """Proper names from NER, cleaned, plus names after an honorific or title NER missed."""
    doc, words, lower = ctx.doc, ctx.words, ctx.lower
    names: list[Name] = []
    in_ent = [bool(e) for e in ctx.ent]
    for ent in doc.ents:
        label = ent.label_
        if ent.text in ctx.lex.platforms:
            label = "ORG"  # "wrote on Twitter": a service, not a person
        elif label not in _KEPT_LABELS:
            if lower[ent.end - 1] not in ctx.lex.org_heads or len(ent) < 2:
                continue
            label = "ORG"  # "The Port Calder Harbour Authority", labelled WORK_OF_ART
        s, e = ent.start, ent.end
        # "The World Health Organization (WHO" -> the name before the bracket
        for i in range(s, e):
            if words[i] == "(":
                e = i
                break
        while s < e and (lower[s] in _DETERMINERS or ctx.punct[s]):
            s += 1
        if label != "PERSON":  # "state Department of Revenue" -> the capitalised name
            while s < e - 1 and words[s][:1].islower():
                s += 1
        while e > s and (ctx.tag[e - 1] == "POS" or ctx.punct[e - 1]):
            e -= 1
        if label == "PERSON":
            while e > s + 1 and not words[e - 1][:1].isupper():
                e -= 1
            # honorifics and titles NER put inside the name: "President Joe Biden"
            while e - s > 1 and (honorific(ctx, s) or title_word(ctx, s)):
                s += 1
        if label == "PERSON" and lower[e - 1].rstrip(".") in ctx.lex.corporate_suffixes:
            label = "ORG"  # "Globex Inc" is no person
        if s < e and _plausible(ctx, s, e, label):
            names.append(_name(ctx, s, e, label))
    for i in range(ctx.n):
        if in_ent[i]:
            continue
        if words[i] in ctx.lex.first_names and ctx.pos[i] == "PROPN":
            start, shortest = i, 2  # "Ana Ruiz" that NER missed: a known given name starts it
        elif honorific(ctx, i) is not None or title_ending(ctx, i + 1) is not None:
            start, shortest = i + 1, 1  # "Mayor Ana Ruiz", "Ms Lopez"
        else:
            continue
        e = start
        while e < ctx.n and e - start < MAX_NAME_TOKENS and not in_ent[e]:
            if ctx.pos[e] != "PROPN" or not words[e][:1].isupper():
                break
            if title_word(ctx, e) or honorific(ctx, e):
                break
            e += 1
        if e - start >= shortest:
            for k in range(start, e):
                in_ent[k] = True
            names.append(_name(ctx, start, e, "PERSON"))
    names.sort(key=lambda n: n.start)
    _vote_types(ctx, names)
    return names


def _vote_types(ctx: Context, names: list[Name]) -> None:
    """One type per name text, by a vote over its mentions: headline mentions count little
    (spaCy mislabels title-case words), a dateline's place and a name before "council" or
    "city" vote for a place, a name after a title for a person; a name ending in "Street"
    is no person. Names after an honorific or title stay people."""
    weights = ctx.lex.vote_weights
    headings = [(b.start, b.end) for b in layers(ctx.doc).blocks if b.kind in _HEADING_BLOCKS]
    datelines = _dateline_places(ctx, names)
    votes: dict[str, Counter] = {}
    for name in names:
        label, weight = name.label, 1.0
        if name.start < name.name_start:
            label, weight = "PERSON", weights["prefix"]
        elif name.name_start in datelines:
            label, weight = "GPE", weights["dateline"]
        elif _before_place_noun(ctx, name.name_end):
            label, weight = "GPE", weights["place_noun"]
        elif any(s <= ctx.idx[name.name_start] < e for s, e in headings):
            weight = weights["headline"]
        votes.setdefault(_name_key(ctx, name), Counter())[label] += weight
    for name in names:
        if name.start < name.name_start:
            continue
        label = votes[_name_key(ctx, name)].most_common(1)[0][0]
        name.label = _type_by_suffix(ctx, name) if label == "PERSON" else label


def _name_key(ctx: Context, name: Name) -> str:
    return ctx.text_of(name.name_start, name.name_end).lower()


def _dateline_places(ctx: Context, names: list[Name]) -> set[int]:
    """First tokens of the places that open dateline blocks ("RIVERTON, March 14 —"); a
    place NER missed is added to ``names``."""
    found: set[int] = set()
    for block in layers(ctx.doc).blocks:
        if block.kind != "dateline":
            continue
        start = bisect.bisect_left(ctx.idx, block.start)
        end = start
        while (
            end < ctx.n
            and ctx.idx[end] < block.end
            and end - start < MAX_NAME_TOKENS
            and ctx.words[end] not in _DATELINE_STOPS
            and ctx.words[end][:1].isupper()
            and ctx.ent[end] in ("", *_KEPT_LABELS)
        ):
            end += 1
        if end == start or end >= ctx.n or ctx.words[end] not in _DATELINE_STOPS:
            continue
        found.add(start)
        if not any(n.name_start <= start < n.name_end for n in names):
            names.append(Name(start, start, end, "GPE"))
            names.sort(key=lambda n: n.start)
    return found


def _before_place_noun(ctx: Context, end: int) -> bool:
    """Whether the name ending before token ``end`` modifies a place noun after it, as in
    "the Riverton city council" or "Riverton police"."""
    return (
        end < ctx.n
        and ctx.lower[end] in ctx.lex.place_nouns
        and ctx.pos[end] in NOUNS
        and (not ctx.parsed or ctx.dep[end - 1] in _MODIFIER_DEPS)
    )


def _type_by_suffix(ctx: Context, name: Name) -> str:
    """FAC or LOC for a name of several words ending in "Street", "Airport", "River" (unless
    it starts with a known given name), else PERSON."""
    last = ctx.lower[name.name_end - 1].rstrip(".")
    if name.name_end - name.name_start < 2 or last not in ctx.lex.suffix_types:
        return "PERSON"
    if ctx.words[name.name_start] in ctx.lex.first_names:
        return "PERSON"
    return ctx.lex.suffix_types[last]


def _plausible(ctx: Context, s: int, e: int, label: str) -> bool:
    """Whether NER's ``doc[s:e]`` can be a name: capitalised, not a bare title ("Mayor"),
    a person's name made of letters ("W]e" is not one)."""
    if not any(c.isupper() for c in ctx.text_of(s, e)):
        return False
    if label == "PERSON":
        if all(title_word(ctx, i) or honorific(ctx, i) for i in range(s, e)):
            return False
        if not all(_NAME_CHARS.issuperset(ctx.lower[i]) for i in range(s, e)):
            return False
    return True


def _name(ctx: Context, s: int, e: int, label: str) -> Name:
    start, gender, title, past = prefix(ctx, s)
    return Name(start, s, e, label, gender, title, past)


def name_parts(ctx: Context, name: Name) -> list[str]:
    """The words of a person's name, without punctuation (a hyphen stays) or suffixes ("Jr.")."""
    parts = [
        ctx.words[i]
        for i in range(name.name_start, name.name_end)
        if not ctx.punct[i] or ctx.words[i] == "-"
    ]
    while len(parts) > 1 and parts[-1].lower().rstrip(".") in ctx.lex.name_suffixes:
        parts.pop()
    return parts
