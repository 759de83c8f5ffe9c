"""Question-and-answer interviews: the interviewee's I in the answers and you in the questions.

In a transcript the answers speak in the first person with no cue, so the quote rules never
see them; the interviewee is the one person the headline names ("Biologist Nick Bos tells
Wikinews about ants", "Interview with Noam Chomsky"), else the one person named before the
first question (credits aside). With several people there and no "Name:" before an
answer, nothing is linked.
"""

from __future__ import annotations

import bisect

from presslens.components.entities.context import Context
from presslens.components.entities.drafts import Draft
from presslens.nlp.layers import layers

Paragraph = tuple[int, int]  # first and end token


def interview_pronouns(ctx: Context) -> None:
    """Add the interviewee's first-person forms in the answers and second-person forms in the
    questions as pronoun mentions, when the article is a question-and-answer interview."""
    rules = ctx.lex.interviews
    paragraphs = _paragraphs(ctx)
    questions = [_is_question(ctx, p) for p in paragraphs]
    asked = sum(q and not nxt for q, nxt in zip(questions, [*questions[1:], True], strict=True))
    if asked < rules.min_questions:
        return
    first_question = paragraphs[questions.index(True)][0]
    interviewee = _headline_person(ctx) or _introduced_person(ctx, first_question)
    in_answers = False
    for paragraph, question in zip(paragraphs, questions, strict=True):
        in_answers = in_answers or question
        if question:
            if interviewee is not None:
                _link(ctx, paragraph, rules.question_pronouns, interviewee)
            continue
        speaker = _prefixed_speaker(ctx, paragraph) or interviewee
        if in_answers and speaker is not None:
            _link(ctx, paragraph, rules.answer_pronouns, speaker)


def _paragraphs(ctx: Context) -> list[Paragraph]:
    """The body paragraphs as token ranges, in order."""
    out = []
    for block in layers(ctx.doc).blocks:
        if block.kind == "paragraph":
            first = bisect.bisect_left(ctx.idx, block.start)
            end = bisect.bisect_left(ctx.idx, block.end)
            if first < end:
                out.append((first, end))
    return out


def _is_question(ctx: Context, paragraph: Paragraph) -> bool:
    first, end = paragraph
    opening = ctx.text[ctx.idx[first] : ctx.idx[first] + 12]
    asked = ctx.words[end - 1] == "?" and ctx.quoted[end - 1] < 0
    return asked or opening.startswith(ctx.lex.interviews.question_prefixes)


def _headline_person(ctx: Context) -> Draft | None:
    """The one person named in the headline outside quotes, or None."""
    headline = layers(ctx.doc).headline
    return None if headline is None else _one_person(ctx, *headline)


def _introduced_person(ctx: Context, first_question: int) -> Draft | None:
    """The one person named outside quotes before the first question (token), leaving out
    anyone credited for a picture or the text ("image: David Shankbone", "by Jane Roe"), or
    None."""
    credited = {id(m.entity) for m in ctx.mentions if m.kind == "name" and _credited(ctx, m.start)}
    return _one_person(ctx, 0, ctx.idx[first_question], leave_out=credited)


def _one_person(
    ctx: Context, start: int, end: int, leave_out: frozenset[int] | set[int] = frozenset()
) -> Draft | None:
    """The one person, not in ``leave_out`` (ids), with a name mention outside quotes
    between characters ``start`` and ``end``, or None."""
    people = {
        id(m.entity): m.entity
        for m in ctx.mentions
        if m.kind == "name"
        and m.entity is not None
        and m.entity.type == "PERSON"
        and start <= m.start < end
        and ctx.quoted[m.head] < 0
        and id(m.entity) not in leave_out
    }
    return next(iter(people.values())) if len(people) == 1 else None


def _credited(ctx: Context, start: int) -> bool:
    """Whether the name at character ``start`` follows a credit word ("image:", "by")."""
    i = bisect.bisect_left(ctx.idx, start)
    before = ctx.lower[max(0, i - 2) : i]
    words = ctx.lex.interviews.credit_words
    return bool(before) and (
        before[-1] == "by" or (len(before) == 2 and before[-1] == ":" and before[0] in words)
    )


def _prefixed_speaker(ctx: Context, paragraph: Paragraph) -> Draft | None:
    """The person whose name and a colon open the answer ("Bos: We had ..."), or None."""
    first, end = paragraph
    m = ctx.name_mention_at(first)
    if m is None or m.entity is None or m.entity.type != "PERSON":
        return None
    after = bisect.bisect_left(ctx.idx, m.end)
    return m.entity if after < end and ctx.words[after] == ":" else None


def _link(ctx: Context, paragraph: Paragraph, forms: frozenset[str], person: Draft) -> None:
    """Each of ``forms`` in the paragraph, outside quotes, as a pronoun mention of ``person``."""
    first, end = paragraph
    for i in range(first, end):
        free = ctx.quoted[i] < 0 and not ctx.covered[i]
        if free and ctx.lower[i] in forms and ctx.pos[i] == "PRON":
            ctx.mention(person, i, i + 1, i, "pronoun")
