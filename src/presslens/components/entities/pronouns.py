"""Pronouns: he/she to the most recent compatible person, it/its/they only in clear cases
(the subject of the governing verb); skipped when unsure, as a wrong link is worse than none."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from presslens.components.entities.context import NOUNS, Context
from presslens.components.entities.drafts import Draft, Mention
from presslens.nlp.parse import end_char
from presslens.nlp.quoted import quoted_stretches
from presslens.nlp.syntax import NOMINAL_SUBJECTS

_HEAD_WALK = 6


def resolve_pronouns(ctx: Context) -> None:
    """Add each pronoun whose antecedent is clear as a mention of that entity."""
    doc, lex = ctx.doc, ctx.lex
    quoted = _quoted_tokens(ctx)
    ordered = sorted(ctx.mentions, key=lambda m: m.start)
    token_mention = _token_mentions(ctx, ordered)
    history: list[Mention] = []
    k = 0
    for i in range(ctx.n):
        kind = lex.pronouns.get(ctx.lower[i])
        if kind is None or ctx.covered[i] or ctx.pos[i] != "PRON":
            continue
        tok = doc[i]
        while k < len(ordered) and ordered[k].start < tok.idx:
            history.append(ordered[k])
            k += 1
        if kind in ("m", "f"):
            draft = _person_antecedent(ctx, tok, kind, history, quoted, token_mention)
        else:
            draft = _clear_antecedent(ctx, tok, kind, token_mention, history)
        if draft is None:
            continue
        if kind in ("m", "f"):
            draft.set_gender(kind)
        m = Mention(tok.idx, end_char(tok), i, "pronoun")
        draft.add(m)
        history.append(m)


def _quoted_tokens(ctx: Context) -> list[int]:
    """Token -> number of the quoted stretch it is in, -1 outside quotes."""
    inside = [-1] * ctx.n
    for n, stretch in enumerate(quoted_stretches(ctx.doc)):
        for s, e in stretch.pieces:
            first, end = bisect.bisect_left(ctx.idx, s), bisect.bisect_left(ctx.idx, e)
            inside[first:end] = [n] * (end - first)
    return inside


def _token_mentions(ctx: Context, ordered: list[Mention]) -> dict[int, Mention]:
    """Token index -> the smallest mention containing it (for subject checks)."""
    by_token: dict[int, Mention] = {}
    for m in sorted(ordered, key=lambda m: m.start - m.end):
        i = bisect.bisect_right(ctx.idx, m.start) - 1
        while 0 <= i < ctx.n and ctx.idx[i] < m.end:
            by_token[i] = m
            i += 1
    return by_token


def _is_subject(ctx: Context, m: Mention) -> bool:
    return ctx.dep[m.head] in NOMINAL_SUBJECTS


def _governing_subject(
    ctx: Context, tok: Token, token_mention: dict[int, Mention]
) -> tuple[Draft, int] | None:
    """The entity that is subject of a verb governing ``tok`` earlier in its sentence
    ("The ministry said it would act" -> the ministry), with the subject's token, or None."""
    if not ctx.parsed:
        return None
    cur = tok
    for _ in range(_HEAD_WALK):
        if cur.head is cur:
            return None
        cur = cur.head
        subjects = [c for c in cur.children if c.dep_ in NOMINAL_SUBJECTS and c.i < tok.i]
        if subjects:
            if any(c.dep_ == "conj" for c in subjects[0].children):
                return None  # "Smith and Jones said they ..."
            m = token_mention.get(subjects[0].i)
            if m is None or m.kind == "pronoun":
                return None
            return m.entity, subjects[0].i
    return None


def _person_antecedent(
    ctx: Context,
    tok: Token,
    gender: str,
    history: list[Mention],
    quoted: list[int],
    token_mention: dict[int, Mention],
) -> Draft | None:
    """The person a he/she form refers to: the only compatible person nearby, else the
    one gender or subjecthood singles out; None when that is not clear. Inside a quote
    only people named in the same quote count (the quote's speaker is "I", not "he");
    outside, people named inside quotes do not."""
    window = ctx.lex.window
    sent = ctx.sent_of[tok.i]
    recent: list[Draft] = []  # most recent first
    subjects: set[int] = set()
    far: list[Draft] = []
    for m in reversed(history):
        msent = ctx.sent_of[m.head]
        if sent - msent > 3 * window:
            break
        d = m.entity
        if d.type != "PERSON" or quoted[m.head] != quoted[tok.i]:
            continue
        if sent - msent > window:
            if d not in far:
                far.append(d)
            continue
        if d not in recent:
            recent.append(d)
        if msent >= sent - 1 and _is_subject(ctx, m):
            subjects.add(id(d))
    if not recent:  # nobody nearby: only one person in a wider window will do
        return far[0] if len(far) == 1 and far[0].gender in (None, gender) else None
    compatible = [d for d in recent if d.gender in (None, gender)]
    if not compatible:
        return None
    found = _governing_subject(ctx, tok, token_mention)
    governing = found[0] if found else None
    known = [d for d in compatible if d.gender == gender]
    if governing in compatible and (governing.gender == gender or len(compatible) == 1):
        return governing
    if len(compatible) == 1:
        return compatible[0]
    if len(known) == 1 and (known[0] is compatible[0] or id(known[0]) in subjects):
        return known[0]
    subject_fits = [d for d in compatible if id(d) in subjects]
    if len(subject_fits) == 1 and subject_fits[0].gender == gender:
        return subject_fits[0]
    return None


def _clear_antecedent(
    ctx: Context, tok: Token, kind: str, token_mention: dict[int, Mention], history: list[Mention]
) -> Draft | None:
    """it/its/they: only the clear cases. The entity that is subject of the governing verb
    ("The ministry said it ..."), or, for a sentence-initial "It said", the organisation that
    was the previous sentence's subject."""
    allowed = {"ORG", "GPE"} if kind == "it" else {"ORG", "PERSON"}
    found = _governing_subject(ctx, tok, token_mention)
    draft, subject = found if found else (None, tok.i)
    if draft is None and ctx.parsed and tok.dep_ in NOMINAL_SUBJECTS:
        sent_start, _ = ctx.sent_bounds(tok.i)
        opening = all(ctx.punct[sent_start : tok.i])
        if opening and tok.head.lemma_ in ctx.lex.report_verbs:
            prev = ctx.sent_of[tok.i] - 1
            subjects = {
                id(m.entity): m.entity
                for m in history
                if ctx.sent_of[m.head] == prev and _is_subject(ctx, m)
            }
            if len(subjects) == 1:
                draft = next(iter(subjects.values()))
                if draft.type == "PERSON":
                    draft = None
    if draft is None:
        return None
    etype = draft.final_type
    if etype not in allowed:
        return None
    if etype == "PERSON":
        # singular "they" only for a person with no gender given and no other noun between
        if draft.gender is not None:
            return None
        for k in range(subject + 1, tok.i):
            m = token_mention.get(k)
            if ctx.pos[k] in NOUNS and (m is None or m.entity is not draft):
                return None
    return draft
