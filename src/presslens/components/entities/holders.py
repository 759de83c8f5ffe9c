"""Title -> holder links: appositives ("Hugh Hill, a doctor, said", "the mayor, Ana Ruiz,") and
nominals ("the mayor") as mentions of the person who holds the title."""

from __future__ import annotations

import bisect

from presslens.components.entities.context import DEFINITE, MAX_ADJECTIVES, NOUNS, Context
from presslens.components.entities.drafts import Draft, Mention
from presslens.components.entities.titles import (
    adjective_title,
    compatible,
    definite_title,
    nominal_name,
    past,
    title_ending,
)

_INDEFINITE = {"a", "an"}
_APPOSITIVE_STOPS = {",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "–"}
_MAX_APPOSITIVE_TOKENS = 12


def appositives(ctx: Context) -> None:
    """ "Hugh Hill, a doctor at the clinic," and "the mayor, Ana Ruiz," give a title."""
    ends = {m.end: m for m in ctx.mentions if m.entity.type == "PERSON"}
    for i in range(1, ctx.n):
        if ctx.words[i] != ",":
            continue
        before = ends.get(ctx.end_char(i - 1))
        if before is not None and before.kind == "name":
            _appositive_after(ctx, before, i + 1)
        elif i + 1 < ctx.n:
            after = ctx.name_mention_at(i + 1)
            if after is not None and after.entity.type == "PERSON":
                _title_before(ctx, after, i)


def _appositive_after(ctx: Context, person: Mention, start: int) -> None:
    if start >= ctx.n:
        return
    opener = ctx.lower[start]
    if not (
        opener in DEFINITE
        or opener in _INDEFINITE
        or opener in ctx.lex.modifiers
        or opener in ctx.lex.title_heads
    ):
        return
    _, sent_end = ctx.sent_bounds(start)
    limit = min(sent_end, start + _MAX_APPOSITIVE_TOKENS)
    stop = start
    while stop < limit and ctx.words[stop] not in _APPOSITIVE_STOPS:
        stop += 1
    for j in range(start, stop):
        found = title_ending(ctx, j + 1, floor=start)
        if found is None:
            continue
        if j + 1 < stop and (ctx.pos[j + 1] in NOUNS or ctx.tag[j + 1] == "POS"):
            continue  # "the minister's spokesman": the title is further on
        end = stop
        if ctx.parsed and ctx.dep[j] == "appos":
            end = min(stop, ctx.doc[j].right_edge.i + 1)
        _give_title(ctx, person.entity, found[2], past(ctx, start, found[1]))
        ctx.mention(person.entity, start, end, j, "nominal")
        return


def _title_before(ctx: Context, person: Mention, comma: int) -> None:
    """ "The company's chief executive, John Smith," -> the nominal is John Smith."""
    nominal = definite_title(ctx, comma)
    if nominal is None:
        return
    start, head, title = nominal
    _give_title(ctx, person.entity, title, past(ctx, start, head))
    ctx.mention(person.entity, start, comma, head, "nominal")


def _give_title(ctx: Context, draft: Draft, title: str, was: bool) -> None:
    """An appositive's title for a named person, and the gender and past it implies."""
    draft.set_title(title)
    draft.set_gender(ctx.lex.gendered_titles.get(title))
    draft.past = draft.past or was


def nominal_titles(ctx: Context) -> None:
    """ "the mayor", "the Prime Minister": a mention of the holder named in the article, or
    an entity of its own when nobody is named. With adjectives in between ("the Democratic
    presidential nominee") only a mention of the one holder that fits."""
    holders = [d for d in ctx.drafts if d.type == "PERSON" and d.title and d.names]
    unnamed: list[Draft] = []
    for i in range(ctx.n):
        if ctx.covered[i] or ctx.lower[i] not in ctx.lex.title_heads:
            continue
        if i + 1 < ctx.n and (ctx.pos[i + 1] in NOUNS or ctx.dep[i] == "compound"):
            continue  # "the mayor Ana Ruiz" is a prefix, "the mayor election" no person
        nominal, adjectives = definite_title(ctx, i + 1), []
        if nominal is None:
            nominal, adjectives = adjective_title(ctx, i + 1) or (None, [])
        if nominal is None:
            continue
        start, head, title = nominal
        end = i + 1
        if i + 2 < ctx.n and ctx.lower[i + 1] == "of":
            ent = ctx.name_mention_at(i + 2)
            if ent is not None and ent.entity.type != "PERSON":
                end = i + 2
                while end < ctx.n and ctx.idx[end] < ent.end:
                    end += 1
        was = past(ctx, start, i)
        if adjectives:
            draft = _only_holder(ctx, holders, title, was, adjectives)
            if draft is None:
                continue
        else:
            owner = _owner(ctx, start, i)
            draft = _holder(ctx, holders, title, was, ctx.idx[i]) or _unnamed(
                ctx, unnamed, title, owner, was
            )
        if draft is None:
            draft = ctx.new("PERSON")
            draft.title, draft.owner, draft.past = title, owner, was
            draft.nominal = nominal_name(ctx, start, i + 1)
            unnamed.append(draft)
        ctx.mention(draft, start, end, head, "nominal")


def _owner(ctx: Context, start: int, head: int) -> object:
    """Whose title a possessive nominal is: the entity or the words before "'s"."""
    for k in range(start, head):
        if ctx.tag[k] == "POS":
            offset = ctx.idx[start]
            for m in ctx.mentions:
                if m.start <= offset < m.end and m.kind != "pronoun":
                    return m.entity
            return ctx.text_of(start, k).lower()
    return None


def _holder(ctx: Context, holders: list[Draft], title: str, was: bool, offset: int) -> Draft | None:
    """The named holder "the <title>" stands for: the last one named before it, else the
    only one. A former holder is only "the former <title>", and the other way round."""
    fitting = [d for d in holders if compatible(ctx, d.title, title) and d.past == was]
    before = [
        (max(m.start for m in d.mentions if m.start < offset), d)
        for d in fitting
        if any(m.start < offset for m in d.mentions)
    ]
    if before:
        return max(before, key=lambda x: x[0])[1]
    return fitting[0] if len(fitting) == 1 else None


def _only_holder(
    ctx: Context, holders: list[Draft], title: str, was: bool, adjectives: list[int]
) -> Draft | None:
    """The one holder "the <adjectives> <title>" can be: capitalised adjectives
    ("Democratic") must appear in or just before one of the holder's mentions."""
    marks = {ctx.lower[a] for a in adjectives if ctx.words[a][:1].isupper()}
    fitting = [
        d
        for d in holders
        if compatible(ctx, d.title, title) and d.past == was and marks <= _words_around(ctx, d)
    ]
    return fitting[0] if len(fitting) == 1 else None


def _words_around(ctx: Context, draft: Draft) -> set[str]:
    """Lowercase words of an entity's mentions and of the few tokens before each."""
    found: set[str] = set()
    for m in draft.mentions:
        first = bisect.bisect_left(ctx.idx, m.start)
        k = max(0, first - MAX_ADJECTIVES)
        while k < ctx.n and ctx.idx[k] < m.end:
            found.add(ctx.lower[k])
            k += 1
    return found


def _unnamed(
    ctx: Context, unnamed: list[Draft], title: str, owner: object, was: bool
) -> Draft | None:
    """The unnamed holder seen last with a title that fits (and the same owner, if any)."""
    fitting = [
        d
        for d in unnamed
        if compatible(ctx, d.title, title) and d.past == was and (owner is None or owner == d.owner)
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda d: max(m.start for m in d.mentions))
