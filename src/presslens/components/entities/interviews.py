"""Question-and-answer interviews: the interviewee's I in the answers and you in the questions.

In a transcript the answers speak in the first person with no cue, so the quote rules never
see them; the interviewee is the one person the headline names ("Biologist Nick Bos tells
Wikinews about ants", "Interview with Noam Chomsky"). With several people in the headline
and no "Name:" before an answer, nothing is linked.
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
    interviewee = _headline_person(ctx)
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
    headline = next((b for b in layers(ctx.doc).blocks if b.kind == "headline"), None)
    if headline is None:
        return None
    people = {
        id(m.entity): m.entity
        for m in ctx.mentions
        if m.kind == "name"
        and m.entity is not None
        and m.entity.type == "PERSON"
        and headline.start <= m.start < headline.end
        and ctx.quoted[m.head] < 0
    }
    return next(iter(people.values())) if len(people) == 1 else None


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
