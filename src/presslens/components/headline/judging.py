"""One headline assertion judged against the body's predicates: the same, weaker, hedged,
negated, said by someone else or only as someone's claim."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.components.headline.actors import (
    actor_of,
    claimed,
    same_actor,
    subject_of,
    third_party,
)
from presslens.components.headline.assertions import Assertion
from presslens.components.headline.body import Body, paragraph_of, quote_at
from presslens.components.headline.evidence import SUPPORTED_SCORE, Match, matches
from presslens.components.headline.forms import variants
from presslens.components.headline.predicates import Reading
from presslens.components.headline.roles import extent, swapped_roles
from presslens.components.headline.verdict import (
    SEVERITY,
    Problem,
    by_overlap,
    finding,
    overlap_finding,
    text_at,
    verdict_of,
)
from presslens.nlp.layers import layers, span
from presslens.nlp.parse import end_char
from presslens.schema import Finding, Quote

_CLAIM_WORDS = 3  # headline words a claim must hold to be what the headline states as fact
_GOVERNED = frozenset({"xcomp"})  # a verb continuing its governor's clause: 'planning to quit'
_CONTINUING = _GOVERNED | {"conj"}  # ... or the clause before it: 'said X and cut Y'


def _about(tok: Token, topic: frozenset[str], deps: frozenset[str] = _CONTINUING) -> bool:
    """Whether the clause of ``tok`` has one of the headline's other words, with the subject
    of the verb it continues through ``deps`` ('Halvorsen was planning to step down', 'said
    ... but questioned')."""
    while tok.dep_ in deps and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return any(t.lemma_.lower() in topic or t.lower_ in topic for t in tok.subtree)


def judge(doc: Doc, a: Assertion, body: Body) -> tuple[str, Finding] | None:
    """The verdict on one assertion and its finding (None: a noun the body never says)."""
    head = a.reading
    topic = body.headline_words - variants(head.tok) - {head.key}
    problems: list[Problem] = []
    clean: list[Match] = []
    for m in sorted(matches(doc, head, body), key=lambda m: m.how != "same"):
        if not _about(m.reading.verb, topic):
            continue  # another deed in a sentence that is only partly about the headline
        problem = _compare(doc, a, m, body)
        if problem is not None and m.how != "same" and not _same_subject(doc, a, m.reading):
            continue  # a kindred verb said of someone else shows nothing wrong
        if problem is not None and not _about(m.reading.verb, topic, _GOVERNED):
            continue  # a fault needs its own clause on topic: '... but did not include a timeline'
        if problem is None:
            clean.append(m)
        else:
            problems.append(problem)
    if clean:
        m = clean[0]
        explanation = (
            f'The headline says "{text_at(doc, head.start, head.end)}"; the body says '
            f'"{text_at(doc, m.reading.start, m.reading.end)}" (paragraph {m.sentence.paragraph}).'
        )
        return "supported", Finding(
            headline=span(doc, head.start, head.end),
            evidence=[span(doc, m.sentence.start, m.sentence.end)],
            explanation=explanation,
            verdict="supported",
        )
    if problems:
        p = min(problems, key=lambda p: SEVERITY.index(verdict_of(p.kind)))
        verdict = verdict_of(p.kind)
        return verdict, finding(doc, p, verdict)
    if a.nominal:
        return None  # the verb governing it is judged on its own
    verdict = by_overlap(body)
    claim = _alleged(doc, body) if verdict == "supported" and not a.attributed else None
    if claim is not None:  # no predicate to compare, but the body has it only as a claim
        where = f"(paragraph {paragraph_of(body, claim)})"
        problem = _attribution_dropped(doc, (a.start, a.end), claim, where)
        return "overstated", finding(doc, problem, "overstated")
    return verdict, overlap_finding(doc, layers(doc).headline, verdict, body)


def _same_subject(doc: Doc, a: Assertion, ev: Reading) -> bool:
    """Whether the body verb is said of the headline's subject, as far as one can tell."""
    ours, theirs = subject_of(a.reading.verb), subject_of(ev.verb)
    if ours is None or theirs is None:
        return True
    actor = actor_of(doc, ev.verb)
    if a.actor and actor:
        return same_actor(doc, a.actor, actor, None)
    if theirs.pos_ == "PRON" or ours.pos_ == "PRON":
        return True
    words = {w for t in ours.subtree if t.is_alpha and not t.is_stop for w in variants(t)}
    return any(variants(t) & words for t in theirs.subtree if t.is_alpha and not t.is_stop)


def _compare(doc: Doc, a: Assertion, m: Match, body: Body) -> Problem | None:
    """What is wrong with ``m`` as evidence for the assertion ``a``, or None."""
    head, ev = a.reading, m.reading
    hs, es = (head.start, head.end), [(ev.start, ev.end)]
    h_words, e_words = text_at(doc, *hs), text_at(doc, ev.start, ev.end)
    where = f"(paragraph {m.sentence.paragraph})"
    says = f'The headline says "{h_words}"; the body says "{e_words}" {where}.'
    if m.how == "antonym":
        return Problem("antonym", hs, es, says) if ev.negated == head.negated else None
    if head.negated != ev.negated:  # a contradiction only of the same verb
        kind = "refuted" if ev.refuted else "negated"
        return Problem(kind, hs, es, says) if m.how == "same" else None
    if m.how == "scale":
        kin, theirs = head.scales(), ev.scales()
        shared = kin.keys() & theirs.keys()
        if all(kin[s] > theirs[s] for s in shared):
            word = (head.tok.idx, end_char(head.tok))
            only = f'The headline says "{head.tok.text}"; the body says only "{e_words}" {where}.'
            return Problem("escalated", word, es, only)
    if head.certainty > ev.certainty:
        kind = "escalated" if ev.hedge_kind == "governor" else "hedge_dropped"
        only = f'The headline says "{h_words}"; the body says only "{e_words}" {where}.'
        return Problem(kind, hs, es, only)
    actor = actor_of(doc, ev.verb)
    named = (subj := subject_of(ev.verb)) is not None and subj.pos_ == "PROPN"
    if a.actor and actor and named and not same_actor(doc, a.actor, actor, m.sentence):
        names = {e.id: e.name for e in layers(doc).entities}
        subj = subject_of(ev.verb)
        who = [extent(subj)] if subj is not None else []
        return Problem(
            "different_actor",
            hs,
            [*who, *es] if who and who[0][1] <= ev.start else es,
            f"The headline has {names[a.actor]} doing it; in the body it is {names[actor]} "
            f"{where}.",
        )
    headline = doc.char_span(*layers(doc).headline, alignment_mode="expand")
    swapped = swapped_roles(headline, head.verb, ev.verb) if headline is not None else None
    if swapped is not None:
        (ours, to), (theirs, them) = swapped
        return Problem(
            "different_actor",
            hs,
            [extent(theirs), *es],
            f'The headline has "{ours.text}" doing it to "{to.text}"; in the body '
            f'"{text_at(doc, *extent(theirs))}" did it to "{text_at(doc, *extent(them))}" {where}.',
        )
    quote = quote_at(body, ev.tok.idx)
    speaker = quote.speaker.entity if quote is not None and quote.speaker else None
    if a.source and speaker and not same_actor(doc, a.source, speaker, None):
        names = {e.id: e.name for e in layers(doc).entities}
        return Problem(
            "different_actor",
            hs,
            [(quote.speaker.start, quote.speaker.end), *es],
            f"The headline has {names[a.source]} saying it; in the body it is "
            f"{names[speaker]} {where}.",
        )
    if quote is not None and not a.attributed and third_party(doc, ev, quote):
        return _attribution_dropped(doc, (a.start, a.end), quote, where)
    return None


def _attribution_dropped(doc: Doc, clause: tuple[int, int], quote: Quote, where: str) -> Problem:
    who = quote.speaker.text if quote.speaker else "a source"
    evidence = [(quote.content.start, quote.content.end)]
    if quote.speaker:
        evidence.append((quote.speaker.start, quote.speaker.end))
    return Problem(
        "attribution_dropped",
        clause,
        evidence,
        f'The headline states "{text_at(doc, *clause)}" as fact; in the body it is what {who} said '
        f"{where}.",
    )


def _alleged(doc: Doc, body: Body) -> Quote | None:
    """The claim in the best evidence sentence ('activists claimed that ...') that carries
    most of the headline's words by itself."""
    best = body.top[0] if body.top else None
    for q in body.quotes:
        if best is None or not (best.start <= q.content.start < best.end) or not claimed(doc, q):
            continue
        said = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
        forms = {w for t in said or () for w in (t.lemma_.lower(), t.lower_)}
        carried = [bool(forms & words) for words in body.headline_forms]
        if sum(carried) >= max(_CLAIM_WORDS, SUPPORTED_SCORE * len(carried)):
            return q
    return None
