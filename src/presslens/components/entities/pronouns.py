"""Pronouns: he/she to the most recent compatible person, it/its/they only in clear cases
(the subject of the governing verb); skipped when unsure, as a wrong link is worse than none."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from presslens.components.entities.context import NOUNS, Context
from presslens.components.entities.drafts import Draft, Mention
from presslens.nlp.syntax import NOMINAL_SUBJECTS

_HEAD_WALK = 6
_AGE = re.compile(r"\d{1,3}-years?-old\b", re.IGNORECASE)


def resolve_pronouns(ctx: Context) -> None:
    """Add each pronoun whose antecedent is clear as a mention of that entity, and each age
    description ("the 71-year-old") whose person is clear."""
    doc, lex = ctx.doc, ctx.lex
    quoted = ctx.quoted
    ordered = sorted(ctx.mentions, key=lambda m: m.start)
    token_mention = _token_mentions(ctx, ordered)
    history: list[Mention] = []
    k = 0
    for i in range(ctx.n):
        if ctx.covered[i] and ctx.tag[i] != "PRP$":  # "Its" of "Its founder" is the company
            continue
        kind = lex.pronouns.get(ctx.lower[i]) if ctx.pos[i] == "PRON" else None
        relative = _relative_antecedent(ctx, i, token_mention)
        age = None if kind or relative else _age_description(ctx, i)
        if kind is None and relative is None and age is None:
            continue
        tok = doc[i]
        while k < len(ordered) and ordered[k].start < tok.idx:
            if not _speaker_or_addressee(ctx, ordered[k]):
                history.append(ordered[k])
            k += 1
        start, end, gender = i, i + 1, None
        if relative is not None:
            draft = relative
        elif age is not None:
            end, gender = age
            draft = _person_antecedent(ctx, tok, gender, history, quoted, token_mention)
        elif kind in ("m", "f"):
            gender = kind
            draft = _person_antecedent(ctx, tok, kind, history, quoted, token_mention)
        else:
            draft = _clear_antecedent(ctx, tok, kind, token_mention, history)
        if draft is None:
            continue
        draft.set_gender(gender)
        kind_of = "description" if age is not None else "pronoun"
        m = Mention(ctx.idx[start], ctx.end_char(end - 1), end - 1, kind_of)
        draft.add(m)
        history.append(m)
        for t in range(start, end):
            token_mention[t] = m


def _relative_antecedent(ctx: Context, i: int, token_mention: dict[int, Mention]) -> Draft | None:
    """The entity a relative pronoun stands for: the noun phrase its clause describes
    ("Rosa Delgado, who started it", "The company, which employs 900 people")."""
    kind = ctx.lex.relative_pronouns.get(ctx.lower[i])
    if kind is None or not ctx.parsed or not ctx.tag[i].startswith("W"):
        return None
    clause = ctx.doc[i].head
    if ctx.lower[i] == "whose":
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.i >= i:
        return None
    m = token_mention.get(clause.head.i)
    if m is None:
        return None
    person = m.entity.final_type == "PERSON"
    if (kind == "person" and not person) or (kind == "thing" and person):
        return None
    return m.entity


def _age_description(ctx: Context, i: int) -> tuple[int, str | None] | None:
    """(end token, gender) of "the 71-year-old" or "the 71-year-old woman" at token ``i``
    (the article), else None."""
    if ctx.lower[i] != "the" or i + 1 >= ctx.n:
        return None
    found = _AGE.match(ctx.text, ctx.idx[i + 1])
    if found is None:
        return None
    after = bisect.bisect_left(ctx.idx, found.end())
    if after < ctx.n and ctx.lower[after] in ctx.lex.age_nouns:
        return after + 1, ctx.lex.age_nouns[ctx.lower[after]]
    if after < ctx.n and ctx.pos[after] in NOUNS:
        return None  # "the 71-year-old building"
    return after, None


def _speaker_or_addressee(ctx: Context, m: Mention) -> bool:
    """Whether ``m`` is an interview's "I" or "you", which no "he" or "she" refers back to."""
    rules = ctx.lex.interviews
    return m.kind == "pronoun" and (
        ctx.lower[m.head] in rules.answer_pronouns or ctx.lower[m.head] in rules.question_pronouns
    )


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
            if m is None:  # an unresolved pronoun, or no entity
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
    close: list[Draft] = []  # compatible people of this sentence and the previous one
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
        if msent >= sent - 1 and _fits(d, gender) and d not in close:
            close.append(d)
        if msent >= sent - 1 and _is_subject(ctx, m):
            subjects.add(id(d))
    if not recent:  # nobody nearby: only one person in a wider window will do
        return far[0] if len(far) == 1 and _fits(far[0], gender) else None
    compatible = [d for d in recent if _fits(d, gender)]
    if not compatible:
        return None
    found = _governing_subject(ctx, tok, token_mention)
    governing = found[0] if found else None
    known = [d for d in compatible if gender and d.gender == gender]
    if governing in compatible and (governing.gender == gender or len(compatible) == 1):
        return governing
    if len(compatible) == 1:
        return compatible[0]
    if len(known) == 1 and (known[0] is compatible[0] or id(known[0]) in subjects):
        return known[0]
    subject_fits = [d for d in compatible if id(d) in subjects]
    if len(subject_fits) == 1 and subject_fits[0].gender == gender:
        return subject_fits[0]
    if subject_fits == close and len(close) == 1 and not known:
        return close[0]  # the only person of the previous sentence and this one: its subject
    # the person the story is about, when gender or subjecthood points at nobody else
    if len(known) == 1 and not subject_fits and _dominant(known[0], compatible):
        return known[0]
    if len(subject_fits) == 1 and not known and _dominant(subject_fits[0], compatible):
        return subject_fits[0]
    return None


def _dominant(draft: Draft, compatible: list[Draft]) -> bool:
    """Whether ``draft`` has more mentions than the other compatible people together."""
    return len(draft.mentions) > sum(len(d.mentions) for d in compatible if d is not draft)


def _fits(draft: Draft, gender: str | None) -> bool:
    """Whether a person of unknown or the same gender can be meant (any, for no gender)."""
    return gender is None or draft.gender in (None, gender)


def _clear_antecedent(
    ctx: Context, tok: Token, kind: str, token_mention: dict[int, Mention], history: list[Mention]
) -> Draft | None:
    """it/its/they: only the clear cases. The entity that is subject of the governing verb
    ("The ministry said it ..."), or, for a sentence-initial "It said" or "Its founder", the
    organisation that was the previous sentence's subject."""
    allowed = {"ORG", "GPE"} if kind == "it" else {"ORG", "PERSON"}
    found = _governing_subject(ctx, tok, token_mention)
    draft, subject = found if found else (None, tok.i)
    if draft is None and ctx.parsed:
        sent_start, _ = ctx.sent_bounds(tok.i)
        opening = all(ctx.punct[sent_start : tok.i])
        says = tok.dep_ in NOMINAL_SUBJECTS and tok.head.lemma_ in ctx.lex.report_verbs
        owns = tok.dep_ == "poss" and tok.head.dep_ in NOMINAL_SUBJECTS
        if opening and (says or owns):
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
            if ctx.pos[k] not in NOUNS or (m is not None and m.entity is draft and m.head == k):
                continue
            if m is None or m.entity is not draft or m.kind != "name":
                return None  # "Kim, a spokesperson for the agency, said they"
    return draft
