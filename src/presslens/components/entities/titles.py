"""Titles and honorifics in the tokens: "Mayor", "Ms", "the health minister", "the company's
chief executive", "former President"."""

from __future__ import annotations

from presslens.components.entities.context import (
    DEFINITE,
    MAX_ADJECTIVES,
    MAX_NAME_TOKENS,
    NOUNS,
    Context,
)

_POSSESSIVE_DETS = {"its", "their"}
_DEGREE_TAGS = {"JJR", "JJS"}  # "the older brother", "the oldest senator": not a known holder


def title_word(ctx: Context, i: int) -> bool:
    """Token ``i`` is a capitalised word of a title: "President", "Health", "Chief"."""
    lowered = ctx.lower[i]
    return ctx.words[i][:1].isupper() and (
        lowered in ctx.lex.title_heads or lowered in ctx.lex.modifiers
    )


def honorific(ctx: Context, i: int) -> tuple[str | None, str | None] | None:
    """(gender, title) of an honorific such as "Ms" or "Dr." at token ``i``, else None."""
    if not ctx.words[i][:1].isupper():
        return None
    return ctx.lex.honorifics.get(ctx.lower[i].rstrip("."))


def title_ending(ctx: Context, end: int, floor: int = 0) -> tuple[int, int, str] | None:
    """The title whose last token is ``doc[end - 1]``: (start incl. dropped words, start of
    the title proper, title text), or None. Stops at ``floor`` and at covered tokens."""
    lex, lower = ctx.lex, ctx.lower
    if lower[end - 1] not in lex.title_heads or ctx.pos[end - 1] not in NOUNS:
        return None
    core = None
    for n in range(min(lex.title_max, end - floor), 0, -1):
        if tuple(lower[end - n : end]) in lex.titles:
            core = end - n
            break
    if core is None or any(ctx.covered[core:end]):
        return None
    while core > floor and _modifier(ctx, core - 1):
        core -= 1
    start = core
    while start > floor and not ctx.covered[start - 1]:
        if lower[start - 1] in lex.dropped_modifiers:
            start -= 1
        elif lower[start - 1] == "-" and start - 1 > floor and _dropped(ctx, start - 2):
            start -= 2  # "then-president", "ex-mayor"
        else:
            break
    return start, core, ctx.text_of(core, end).lower()


def _dropped(ctx: Context, i: int) -> bool:
    return not ctx.covered[i] and ctx.lower[i] in ctx.lex.dropped_modifiers


def _modifier(ctx: Context, i: int) -> bool:
    """Whether token ``i`` may precede a title as part of it ("health" minister)."""
    if ctx.covered[i] or ctx.ent[i] not in ("", "PERSON"):
        return False
    return ctx.lower[i] in ctx.lex.modifiers


def past(ctx: Context, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` make a title a past one ("former", "ex-")."""
    return any(ctx.lower[k] in ctx.lex.past_modifiers for k in range(start, end))


def prefix(ctx: Context, name_start: int) -> tuple[int, str | None, str | None, bool]:
    """Honorifics and titles right before a name: (start, gender, title, past title)."""
    start, gender, title, was = name_start, None, None, False
    while start > 0:
        found_honorific = honorific(ctx, start - 1)
        if found_honorific is not None:
            gender = gender or found_honorific[0]
            title = title or found_honorific[1]
            start -= 1
            continue
        found = title_ending(ctx, start)
        if found is None:
            break
        first, core, text = found
        title = text  # the title next to the name wins over an honorific's
        gender = gender or ctx.lex.gendered_titles.get(text)
        was = was or past(ctx, first, core)
        start = core
    return start, gender, title, was


def definite_title(ctx: Context, end: int) -> tuple[int, int, str] | None:
    """A definite title ending at token ``end - 1``: "the mayor", "the company's chief
    executive", "its spokesperson". Returns (start token, head token, title)."""
    if end <= 0 or end - 1 >= ctx.n:
        return None
    found = title_ending(ctx, end)
    if found is None:
        return None
    return _determined(ctx, found[0], end, found[2])


def _determined(ctx: Context, start: int, end: int, title: str) -> tuple[int, int, str] | None:
    """``doc[start:end]`` with "the", "its" or a possessive ("the company's") before it."""
    if start == 0:
        return None
    before = ctx.lower[start - 1]
    if before in DEFINITE or before in _POSSESSIVE_DETS:
        return start - 1, end - 1, title
    if ctx.tag[start - 1] == "POS" and start >= 2:
        first = ctx.doc[start - 2].left_edge.i if ctx.parsed else start - 2
        sent_start, _ = ctx.sent_bounds(start)
        first = max(first, sent_start, start - 2 - MAX_NAME_TOKENS)
        return first, end - 1, title
    return None


def adjective_title(ctx: Context, end: int) -> tuple[tuple[int, int, str], list[int]] | None:
    """A definite title with adjectives before it ("the Democratic presidential nominee",
    "the company's longtime chief executive"): the nominal and the adjectives' tokens.
    None for adjectives that point elsewhere ("the first president", "the oldest")."""
    found = title_ending(ctx, end)
    if found is None:
        return None
    start = k = found[0]
    while (
        k > 0
        and start - k < MAX_ADJECTIVES
        and ctx.pos[k - 1] == "ADJ"
        and (not ctx.covered[k - 1] or ctx.ent[k - 1] == "NORP")  # "Democratic"
    ):
        k -= 1
    adjectives = list(range(k, start))
    if not adjectives or any(
        ctx.lower[a] in ctx.lex.unlinked_adjectives or ctx.tag[a] in _DEGREE_TAGS
        for a in adjectives
    ):
        return None
    nominal = _determined(ctx, k, end, found[2])
    return (nominal, adjectives) if nominal else None


def nominal_name(ctx: Context, start: int, end: int) -> str:
    """The name of an entity known only by a nominal: "The mayor" -> "the mayor"."""
    text = ctx.text_of(start, end)
    first = ctx.lower[start]
    return first + text[len(first) :] if first in DEFINITE else text


def compatible(ctx: Context, holder: str | None, nominal: str) -> bool:
    """Whether someone titled ``holder`` is "the ``nominal``" (a health minister is "the
    minister"; a vice president is not "the president")."""
    if holder is None:
        return False
    if holder == nominal or nominal in ctx.lex.equivalents.get(holder, ()):
        return True
    h, n = holder.split(), nominal.split()
    return len(h) > len(n) and h[-len(n) :] == n and h[0] not in ctx.lex.distinct_modifiers
