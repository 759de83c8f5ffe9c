"""What is said: a cue's quoted stretch, clausal complement or object, or what follows its colon."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presslens.components.quotes.drafts import outside, trim
from presslens.components.quotes.lexicon import CueLexicon
from presslens.components.quotes.speakers import SUBJECTS, subject
from presslens.nlp.layers import doc_text
from presslens.nlp.parse import end_char, first_child, tokens_over
from presslens.nlp.quoted import SPEECH_MIN_WORDS
from presslens.text.quotemarks import Quoted

_ABOUT = {"about", "on", "of"}
_OBJECT_PREDICATES = {"oprd", "dobj"}  # 'called Obama an "ignorant baboon"' (a second object)
_PREDICATE_PREPS = {"as", "of", "for"}  # 'accused Ruiz of lying', 'praised Ruiz as a leader'
_WHEN = {"DATE", "TIME"}
_QUOTED_SHARE = 0.7  # a content at least this much inside quotation marks is the quotation
_PARTIAL_SHARE = 0.5  # an object content this much quoted is reported as the quoted phrase


def reported(
    doc: Doc,
    cue: Token,
    sent: Span,
    quoted: list[Quoted],
    mine: list[int],
    token_quote: list[int],
    claimed: set[int],
    lex: CueLexicon,
) -> tuple[str, list[tuple[int, int]]] | None:
    """The kind and pieces of what ``cue`` reports in ``sent``, given the quoted stretches it
    owns (``mine``); the stretches it takes are added to ``claimed``. None: it reports nothing."""
    clause, from_object = _content(cue, sent, lex)
    kind = "indirect"
    pieces: list[tuple[int, int]] = []
    inside = [q for q in mine if any(_overlaps(quoted[q], s, e) for s, e in clause)]
    quoted_share = _quoted_share(quoted, inside, clause)
    if clause and inside and not from_object:
        if quoted_share >= _QUOTED_SHARE:
            kind, pieces = "direct", _pieces(quoted, mine)
            claimed.update(mine)
        else:
            kind, pieces = "mixed", _covering(clause, quoted, inside)
            claimed.update(inside)
    elif clause and inside:
        if not lex.knows(cue.lemma_.lower()) and not any(
            is_speech(doc, *quoted[q].pieces[0]) for q in inside
        ):
            return None  # 'has read "War and Peace"': a title, not a quote
        if quoted_share >= _PARTIAL_SHARE:  # 'called the plan "a gift"'
            kind, pieces = "partial", _pieces(quoted, inside)
        else:  # 'called for more "flexibility" for advisers'
            kind, pieces = "mixed", _covering(clause, quoted, inside)
        claimed.update(inside)
    elif clause:
        pieces = clause
    elif mine:
        kind = "partial" if all(_is_fragment(doc, cue, quoted[q]) for q in mine) else "direct"
        if kind == "partial" and not any(is_speech(doc, *quoted[q].pieces[0]) for q in mine):
            return None  # 'spoke of "night vision"': a phrase the cue does not report
        pieces = _pieces(quoted, mine)
        claimed.update(mine)
    else:
        q = _after_colon(doc, cue, token_quote)
        if q is None or q in claimed:
            return None
        kind, pieces = "direct", list(quoted[q].pieces)
        claimed.add(q)
    return (kind, pieces) if pieces else None


def _content(cue: Token, sent: Span, lex: CueLexicon) -> tuple[list[tuple[int, int]], bool]:
    """Character pieces of the cue's reported content within ``sent``, and whether it is the
    cue's object ("praised the plan") rather than a clause ("said that ...")."""
    text = doc_text(cue.doc)
    lemma = cue.lemma_.lower()
    comp = first_child(cue, "ccomp") or _xcomp(cue, lex) or _that_clause_in_prep(cue)
    from_object = False
    if comp is None and lemma in lex.object_content:
        comp = first_child(cue, "dobj", "oprd")
        from_object = comp is not None
    if comp is None and lemma not in lex.belief and subject(cue) is not None:
        comp = object_like(cue, lex)
        from_object = comp is not None
    if comp is None and lemma in lex.about_content:
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in _ABOUT), None)
        comp = first_child(prep, "pobj") if prep else None
        comp = None if comp is not None and comp.ent_type_ in _WHEN else comp
        from_object = comp is not None
    if comp is not None:
        left, right = comp.left_edge, comp.right_edge
        obj = first_child(cue, "dobj")
        if (
            not from_object
            and obj is not None
            and obj.right_edge.i + 1 == left.i
            and not any(c.dep_ in SUBJECTS for c in comp.children)
        ):  # 'warned the ferries would stop': the parser took the subject for an object
            left = obj.left_edge
        pobj = _prep_object(cue)
        if comp.dep_ == "xcomp" and pobj is not None and pobj.right_edge.i + 1 == left.i:
            left = pobj.left_edge  # 'called on Congress to act'
        if from_object:  # "called the plan a gift", "praised Ruiz as a leader": with predicate
            right = max(
                (
                    c.right_edge
                    for c in cue.rights
                    if c.i > comp.i
                    and (
                        c.dep_ in _OBJECT_PREDICATES
                        or (c.dep_ == "prep" and c.lower_ in _PREDICATE_PREPS)
                    )
                ),
                default=right,
                key=lambda t: t.i,
            )
        if from_object and comp.dep_ == "oprd" and left.i > cue.i + 1:
            left = cue.nbor(1)  # 'called her "third-rate"': the parser's object is in 'her'
        if left.i > cue.i:  # 'said that ...': keep from the complementiser on
            while left.i > cue.i + 1 and left.nbor(-1).dep_ == "mark":
                left = left.nbor(-1)
        start, end = max(left.idx, sent.start_char), min(end_char(right), sent.end_char)
        return ([trim(text, start, end)] if end > start else []), from_object
    if cue.dep_ == "parataxis":  # 'The plan, he said, is dead.': the sentence around the cue
        cue_clause = [(cue.left_edge.idx, end_char(cue.right_edge))]
        pieces = [trim(text, s, e) for s, e in outside(sent.start_char, sent.end_char, cue_clause)]
        return [(s, e) for s, e in pieces if e - s > 1], False
    return [], False


def _xcomp(tok: Token, lex: CueLexicon) -> Token | None:
    if tok.lemma_.lower() not in lex.xcomp:
        return None
    return first_child(tok, "xcomp")


def _prep_object(cue: Token, preps: frozenset[str] | None = None) -> Token | None:
    """The object of the cue's first preposition (of ``preps`` when given)."""
    for prep in cue.children:
        if prep.dep_ == "prep" and (preps is None or prep.lower_ in preps):
            return first_child(prep, "pobj")
    return None


def object_like(cue: Token, lex: CueLexicon) -> Token | None:
    """What a cue without a clause reports: its object ('said so', 'said yes', 'backed the
    plan'); for a cue outside the lexicon also its 'to ...' complement or the object of
    'for/against' ('called for a vote')."""
    lemma = cue.lemma_.lower()
    if lemma in lex.addressee_object:
        return None
    for c in cue.children:
        if c.dep_ in ("dobj", "intj") or (c.dep_ == "advmod" and c.lower_ == "so"):
            return c
    if lemma in lex.speech and lemma not in lex.prep_cues:
        return None
    for c in cue.children:
        if c.dep_ == "xcomp" or (  # 'called for Congress to act'
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in lex.prep_content for m in c.children)
        ):
            return c
    return _prep_object(cue, lex.prep_content)


def _that_clause_in_prep(cue: Token) -> Token | None:
    """The 'that ...' clause the parser hung on the channel: 'wrote in a post that ...'."""
    for prep in cue.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            for c in pobj.rights:
                if c.dep_ in ("relcl", "acl", "ccomp") and c.left_edge.dep_ == "mark":
                    return c
    return None


# -- the quoted stretches a cue reports ------------------------------------------------------


def owners(
    sent_quotes: list[int], cues: list[Token], quoted: list[Quoted], doc: Doc
) -> dict[int, int]:
    """Each quoted stretch of the sentence goes to (the index of) the cue that governs it in the
    parse, else to the nearest cue outside it."""
    owner: dict[int, int] = {}
    cue_ids = {t.i for t in cues}
    for q in sent_quotes:
        words = tokens_over(doc, quoted[q].start, quoted[q].end)
        tok = words.root if words is not None else None
        for _ in range(6):
            if tok is None or tok.i in cue_ids or tok.head is tok:
                break
            tok = tok.head
        if tok is not None and tok.i in cue_ids:
            owner[q] = tok.i
            continue
        best = min(cues, key=lambda t, q=quoted[q]: _gap(t, q), default=None)
        if best is not None:
            owner[q] = best.i
    return owner


def is_speech(doc: Doc, start: int, end: int) -> bool:
    """Whether a quoted stretch reads as speech rather than a scare quote or a title."""
    words = tokens_over(doc, start, end)
    if words is None:
        return False
    n = sum(1 for t in words if not t.is_punct)
    return n >= SPEECH_MIN_WORDS and (
        any(t.pos_ in ("VERB", "AUX") for t in words) or words[-2:].text[:1] in ".!?"
    )


def _covering(
    pieces: list[tuple[int, int]], quoted: list[Quoted], which: list[int]
) -> list[tuple[int, int]]:
    """``pieces`` stretched to hold the quoted stretches ``which`` whole (with both marks)."""
    start = min([pieces[0][0], *(quoted[q].start for q in which)])
    end = max([pieces[-1][1], *(quoted[q].end for q in which)])
    return (
        [(start, pieces[0][1]), *pieces[1:-1], (pieces[-1][0], end)]
        if len(pieces) > 1
        else [(start, end)]
    )


def _quoted_share(quoted: list[Quoted], which: list[int], pieces: list[tuple[int, int]]) -> float:
    """The share of the characters of ``pieces`` that lie inside the quoted stretches."""
    if not pieces or not which:
        return 0.0
    start, end = pieces[0][0], pieces[-1][1]
    inside = sum(min(end, quoted[q].end) - max(start, quoted[q].start) for q in which)
    return inside / max(1, sum(e - s for s, e in pieces))


def _overlaps(q: Quoted, start: int, end: int) -> bool:
    return q.start < end and start < q.end


def _pieces(quoted: list[Quoted], which: list[int]) -> list[tuple[int, int]]:
    return [p for q in sorted(which) for p in quoted[q].pieces]


def _after_colon(doc: Doc, cue: Token, token_quote: list[int]) -> int | None:
    """The quoted stretch that follows ``cue:`` (in the sentence or opening the next block)."""
    i = cue.i + 1
    while i < len(doc) and i <= cue.i + 4 and doc[i].text != ":":
        i += 1
    if i >= len(doc) or doc[i].text != ":":
        return None
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return token_quote[j] if j < len(doc) and token_quote[j] >= 0 else None


def _is_fragment(doc: Doc, cue: Token, q: Quoted) -> bool:
    """Whether a quoted stretch is a phrase inside the cue's own clause ('called it "a gift"')."""
    words = tokens_over(doc, q.start, q.end)
    if words is None or q.start < cue.idx or len(q.pieces) > 1:
        return False
    root = words.root
    return root.dep_ not in ("ccomp", "parataxis", "ROOT") and cue.is_ancestor(root)


def _gap(tok: Token, q: Quoted) -> int:
    """Characters between a token and a quoted stretch."""
    return q.start - end_char(tok) if tok.idx < q.start else tok.idx - q.end
