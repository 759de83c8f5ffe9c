"""Headline fidelity: does the body carry what the headline asserts, and as strongly?

The headline is split into assertions (a main-clause predicate: its verb or,
after a copula, the complement; with its subject). One pass over the body
sentences ranks them by the headline words they share; in the best ones each
predicate is looked up by lemma, synonym, graded scale and antonym
(``resources/headline/lexicon.json``) and compared with the headline's:
polarity (contradicted), strength on a shared scale and certainty (modals,
tentative governors like "considering"), attribution (the body has it only
inside someone's quote while the headline states it as fact), actor (another
subject entity). Numbers in the headline are checked against the body's
numbers of the same unit; words quoted in the headline must occur in the body.
The FNC-1 stance of headline and body comes from ``presslens.stance``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from presslens.errors import PresslensError
from presslens.layers import doc_text, entity_for, layers, span
from presslens.numbers import NumberMention, find_numbers
from presslens.quotemarks import find_quoted
from presslens.resource_files import load_json
from presslens.schema import Finding, HeadlineCheck, Quote
from presslens.stance import predict_stance

_EVIDENCE_BLOCKS = {"paragraph", "subheading"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
_ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_PREDICATE_DEPS = {"ROOT", "conj", "advcl", "ccomp", "parataxis"}
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_TOP_SENTENCES = 4  # evidence sentences searched for the predicate
_FLOOR = 0.2  # a sentence sharing less of the headline's weight is no evidence
_SUPPORTED_SCORE = 0.5  # share of the headline a sentence must carry when no predicate matches
_NUMBER_TOLERANCE = 0.005  # relative difference still read as the same number
_ROUNDING = 0.1  # a headline may round a figure down (or an "about" figure either way) this much
_SEVERITY = ("contradicted", "overstated", "unsupported", "unrelated", "supported")
_OVERSTATED = {"escalated", "hedge_dropped", "number_inflated", "attribution_dropped"}
_CONTRADICTED = {"negated", "antonym"}


@dataclass(frozen=True)
class HeadlineLexicon:
    """The vocabulary of ``resources/headline/lexicon.json``, read once."""

    scales: dict[str, dict[str, int]]  # phrase -> {scale: level}
    governors: dict[str, int]
    modals: dict[str, int]
    hedge_adverbs: dict[str, int]
    attribution: frozenset[str]
    reporting: frozenset[str]
    speech: frozenset[str]
    copulas: frozenset[str]
    antonyms: dict[str, frozenset[str]]
    synonyms: dict[str, frozenset[str]]

    @classmethod
    def load(cls) -> HeadlineLexicon:
        data = load_json("headline", "lexicon.json")
        scales: dict[str, dict[str, int]] = {}
        for scale, words in data["scales"].items():
            for word, level in words.items():
                scales.setdefault(word, {})[scale] = level
        antonyms: dict[str, set[str]] = {}
        for a, b in data["antonyms"]:
            antonyms.setdefault(a, set()).add(b)
            antonyms.setdefault(b, set()).add(a)
        return cls(
            scales=scales,
            governors=data["governors"],
            modals=data["modals"],
            hedge_adverbs=data["hedge_adverbs"],
            attribution=frozenset(data["attribution_adverbs"]),
            reporting=frozenset(data["reporting"]),
            speech=frozenset(load_json("quotes", "cues.json")["speech"]),
            copulas=frozenset(data["copulas"]),
            antonyms={k: frozenset(v) for k, v in antonyms.items()},
            synonyms={k: frozenset(v) for k, v in data["synonyms"].items()},
        )


@lru_cache(maxsize=1)
def lexicon() -> HeadlineLexicon:
    return HeadlineLexicon.load()


def variants(tok: Token) -> set[str]:
    """The lemma, the lower-cased word and its bare forms ('Scraps' -> 'scrap')."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    if len(low) > 4:
        if low.endswith("ies"):
            out.add(low[:-3] + "y")
        elif low.endswith("es"):
            out.update((low[:-2], low[:-1]))
        elif low.endswith("s") and not low.endswith("ss"):
            out.add(low[:-1])
        elif low.endswith("ed"):
            out.update((low[:-2], low[:-1]))
        elif low.endswith("ing"):
            out.update((low[:-3], low[:-3] + "e"))
    return out


@dataclass(frozen=True)
class Reading:
    """How a predicate is asserted: its phrase, polarity, certainty and the words saying so."""

    tok: Token  # the content word (a verb, or the complement of a copula)
    verb: Token  # the verb carrying auxiliaries and negation
    key: str  # lemma with its particle ('rule out'), 'not ' in front when the scale knows it
    negated: bool
    certainty: int  # 1 tentative .. 3 stated
    hedge: Token | None  # the word that lowers the certainty
    hedge_kind: str | None  # modal | governor | adverb
    start: int  # characters a reader would point at: 'did not rule out', 'may close'
    end: int

    def scales(self) -> dict[str, int]:
        return lexicon().scales.get(self.key, {})


def _key(tok: Token) -> str:
    lex = lexicon()
    base = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in ("for", "on", "to")):
            phrase = f"{base} {child.lower_}"
            if phrase in lex.scales or f"not {phrase}" in lex.scales or phrase in lex.antonyms:
                return phrase
    return base


def _reported(verb: Token) -> bool:
    """Whether ``verb`` is the complement of a past-tense speech verb ('said it would')."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.tag_ == "VBD"
        and (head.lemma_ in lexicon().speech or head.lemma_ in lexicon().reporting)
    )


def read(tok: Token, variant: str | None = None) -> Reading:
    """How the predicate ``tok`` is asserted (``variant``: its bare form when mis-tagged)."""
    lex = lexicon()
    verb = tok.head if tok.dep_ in ("acomp", "attr") and tok.head.lemma_ in lex.copulas else tok
    key = variant or _key(tok)
    negated = any(c.dep_ == "neg" for c in verb.children)
    if negated and f"not {key}" in lex.scales:
        key, negated = f"not {key}", False
    certainty, hedge, kind = 3, None, None
    words = [tok, verb]

    def lower(level: int, token: Token, how: str) -> None:
        nonlocal certainty, hedge, kind
        if level < certainty:
            certainty, hedge, kind = level, token, how

    cur = verb
    for _ in range(3):
        for child in cur.children:
            if child.dep_ in ("aux", "neg") or (child.dep_ == "prt" and cur is verb):
                words.append(child)
            lemma = child.lower_
            if child.dep_ == "aux" and lemma in lex.modals:
                level = 3 if lemma == "would" and _reported(cur) else lex.modals[lemma]
                lower(level, child, "modal")
            elif child.dep_ == "advmod" and lemma in lex.hedge_adverbs:
                lower(lex.hedge_adverbs[lemma], child, "adverb")
        if cur.dep_ != "xcomp":
            break
        gov = cur.head
        level = lex.governors.get(gov.lemma_.lower())
        if level is None:
            break
        words.append(gov)
        lower(level, gov, "governor")
        cur = gov
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    return Reading(tok, verb, key, negated, certainty, hedge, kind, start, end)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: range  # token indices
    paragraph: int  # 1-based among the body's paragraphs


@dataclass
class Problem:
    kind: str
    headline: tuple[int, int]
    evidence: list[tuple[int, int]]
    explanation: str


@dataclass(frozen=True)
class Assertion:
    """One headline predicate with its reading and its subject's entity."""

    reading: Reading
    attributed: bool  # the headline itself attributes it ('X says ...', 'X: ...')
    actor: str | None  # entity id of the subject


class HeadlineComponent:
    """Writes ``layers(doc).headline_check``."""

    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        lay.headline_check = check_headline(doc)
        return doc


@Language.factory("presslens_headline")
def make_headline(nlp: Language, name: str) -> HeadlineComponent:
    return HeadlineComponent()


def check_headline(doc: Doc) -> HeadlineCheck:
    """The headline check of a Doc the earlier presslens stages have been through."""
    lay = layers(doc)
    text = doc_text(doc)
    if lay.headline is None:
        return HeadlineCheck(verdict="not_applicable")
    sentences = _body_sentences(doc)
    if not sentences:
        return HeadlineCheck(verdict="not_applicable")
    h_start, h_end = lay.headline
    headline = doc.char_span(h_start, h_end, alignment_mode="expand")
    body_text = "\n\n".join(text[s.start : s.end] for s in sentences)
    stance = _stance(text[h_start:h_end], body_text)
    ranked = _rank(doc, headline, sentences)
    top = [s for score, s in ranked[:_TOP_SENTENCES] if score >= _FLOOR]
    best_score = ranked[0][0] if ranked else 0.0
    body_quotes = [q for q in lay.quotes if q.content.start >= h_end]
    quote_spans = _quote_intervals(body_quotes)
    findings: list[Finding] = []
    verdicts: list[str] = []
    for assertion in _assertions(doc, headline):
        verdict, finding = _judge(doc, assertion, top, best_score, quote_spans)
        verdicts.append(verdict)
        findings.append(finding)
    if not verdicts:  # no predicate: the headline is a phrase ('Record crowd at festival')
        verdict = _by_overlap(best_score)
        verdicts.append(verdict)
        findings.append(_overlap_finding(doc, (h_start, h_end), verdict, top))
    for problem in _number_problems(doc, headline, sentences) + _quote_problems(
        doc, lay.headline, body_quotes, sentences
    ):
        verdict = "overstated" if problem.kind in _OVERSTATED else "unsupported"
        verdicts.append(verdict)
        findings.append(_finding(doc, problem, verdict))
    return HeadlineCheck(verdict=_overall(verdicts), stance=stance, findings=findings)


def _stance(headline: str, body: str) -> str | None:
    """The FNC-1 stance, or None while the stance model is not trained yet."""
    try:
        return predict_stance(headline, body)[0]
    except PresslensError:
        return None


def _overall(verdicts: list[str]) -> str:
    """The worst verdict; an unrelated assertion next to related ones is unsupported."""
    if all(v == "unrelated" for v in verdicts):
        return "unrelated"
    related = ["unsupported" if v == "unrelated" else v for v in verdicts]
    return min(related, key=_SEVERITY.index)


def _by_overlap(score: float) -> str:
    if score >= _SUPPORTED_SCORE:
        return "supported"
    return "unsupported" if score >= _FLOOR else "unrelated"


def _body_sentences(doc: Doc) -> list[Sentence]:
    """The body's sentences in paragraphs and subheadings (not byline, dateline, captions)."""
    lay = layers(doc)
    blocks = [b for b in lay.blocks if b.kind != "headline"]
    starts = [b.start for b in blocks]
    paragraph_no: dict[int, int] = {}
    for b in blocks:
        if b.kind == "paragraph":
            paragraph_no[b.start] = len(paragraph_no) + 1
    h_end = lay.headline[1] if lay.headline else 0
    out = []
    for sent in doc.sents:
        start = sent.start_char
        if start < h_end:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or blocks[i].kind not in _EVIDENCE_BLOCKS:
            continue
        end = sent.end_char
        while end > start and doc_text(doc)[end - 1].isspace():
            end -= 1
        if end > start:
            paragraph = paragraph_no.get(blocks[i].start, 0)
            out.append(Sentence(start, end, range(sent.start, sent.end), paragraph))
    return out


def _content(tokens) -> list[Token]:
    return [t for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop and t.text.strip()]


def _rank(doc: Doc, headline, sentences: list[Sentence]) -> list[tuple[float, Sentence]]:
    """Body sentences by the weighted share of headline words they contain, best first."""
    lex = lexicon()
    wanted: list[tuple[float, set[str]]] = []
    for tok in _content(headline):
        if tok.lemma_.lower() in lex.reporting:
            continue
        words = variants(tok)
        for w in list(words):
            words |= lex.synonyms.get(w, frozenset())
        weight = 2.0 if tok.pos_ == "PROPN" or tok.ent_type_ else 1.0
        wanted.append((weight, words))
    total = sum(w for w, _ in wanted)
    if not total:
        return []
    scored = []
    for s in sentences:
        seen = {doc[i].lemma_.lower() for i in s.tokens} | {doc[i].lower_ for i in s.tokens}
        score = sum(w for w, words in wanted if words & seen) / total
        scored.append((score, s))
    scored.sort(key=lambda x: (-x[0], x[1].start))
    return scored


def _assertions(doc: Doc, headline) -> list[Assertion]:
    """The headline's predicates: main-clause verbs (copulas by their complement)."""
    lex = lexicon()
    text = doc_text(doc)
    colon = text.find(":", headline.start_char, headline.end_char)
    found: list[Assertion] = []
    for tok in headline:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in _PREDICATE_DEPS:
            continue
        if tok.pos_ == "AUX" or tok.lemma_.lower() in lex.copulas:
            comps = [c for c in tok.children if c.dep_ in ("acomp", "attr")]
            if not comps:
                continue
            tok = comps[0]
        elif tok.lemma_.lower() in lex.reporting:
            continue  # 'says' only attributes what it governs
        found.append(_assertion(doc, tok, colon))
    if not found:  # a Title Case headline the tagger read as names: find predicates by lexicon
        for tok in headline:
            hits = [v for v in variants(tok) if v in lex.scales or v in lex.antonyms]
            if hits and tok.i > headline.start:
                found.append(_assertion(doc, tok, colon, hits[0]))
    return found


def _assertion(doc: Doc, tok: Token, colon: int, variant: str | None = None) -> Assertion:
    lex = lexicon()
    reading = read(tok, variant)
    attributed = 0 <= colon < tok.idx or any(
        a.lemma_.lower() in lex.reporting or a.lemma_.lower() in lex.speech
        for a in reading.verb.ancestors
    )
    attributed = attributed or any(t.lower_ in lex.attribution for t in reading.verb.subtree)
    return Assertion(reading, attributed, _subject_entity(doc, reading.verb))


def _subject_entity(doc: Doc, verb: Token) -> str | None:
    cur = verb
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            eid = entity_for(doc, subj.left_edge.idx, subj.idx + len(subj))
            ent = next((e for e in layers(doc).entities if e.id == eid), None)
            return eid if ent is not None and ent.type in _ACTOR_TYPES else None
        if cur.dep_ not in ("xcomp", "conj"):
            return None
        cur = cur.head
    return None


def _quote_intervals(quotes: list[Quote]) -> list[tuple[int, int, Quote]]:
    out = []
    for q in quotes:
        for piece in q.spans or [q.content]:
            out.append((piece.start, piece.end, q))
    return sorted(out, key=lambda x: x[0])


def _quote_at(intervals: list[tuple[int, int, Quote]], char: int) -> Quote | None:
    for start, end, q in intervals:
        if start <= char < end:
            return q
        if start > char:
            break
    return None


@dataclass(frozen=True)
class Match:
    reading: Reading
    sentence: Sentence
    how: str  # same | scale | antonym


def _matches(doc: Doc, head: Reading, top: list[Sentence]) -> list[Match]:
    """Body predicates in the top sentences that say the same, a graded kin, or the opposite."""
    lex = lexicon()
    same = {head.key, head.tok.lemma_.lower()} | variants(head.tok)
    same |= lex.synonyms.get(head.key, frozenset())
    kin = set(head.scales())
    opposite = lex.antonyms.get(head.key, frozenset())
    out = []
    for s in top:
        for i in s.tokens:
            tok = doc[i]
            if tok.pos_ not in ("VERB", "ADJ", "NOUN") or tok.is_punct:
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and head.tok.pos_ != "NOUN":
                continue
            if lemma in same:
                out.append(Match(read(tok), s, "same"))
            elif lemma in opposite:
                out.append(Match(read(tok), s, "antonym"))
            elif tok.pos_ == "VERB" and kin:
                r = read(tok)
                if kin & set(r.scales()):
                    out.append(Match(r, s, "scale"))
    return out


def _judge(
    doc: Doc,
    a: Assertion,
    top: list[Sentence],
    best_score: float,
    quotes: list[tuple[int, int, Quote]],
) -> tuple[str, Finding]:
    """The verdict on one assertion and its finding."""
    head = a.reading
    problems: list[Problem] = []
    clean: list[Match] = []
    for m in sorted(_matches(doc, head, top), key=lambda m: m.how != "same"):
        problem = _compare(doc, a, m, quotes)
        if problem is None:
            clean.append(m)
        else:
            problems.append(problem)
    if clean:
        m = clean[0]
        words = f'"{_t(doc, m.reading.start, m.reading.end)}"'
        explanation = (
            f'The headline says "{_t(doc, head.start, head.end)}"; the body says {words} '
            f"(paragraph {m.sentence.paragraph})."
        )
        return "supported", Finding(
            headline=span(doc, head.start, head.end),
            evidence=[span(doc, m.sentence.start, m.sentence.end)],
            explanation=explanation,
            verdict="supported",
        )
    if problems:
        problems.sort(key=lambda p: _problem_rank(p.kind))
        p = problems[0]
        verdict = (
            "contradicted"
            if p.kind in _CONTRADICTED
            else "overstated"
            if p.kind in _OVERSTATED
            else "unsupported"
        )
        return verdict, _finding(doc, p, verdict)
    h = layers(doc).headline or (head.start, head.end)
    verdict = _by_overlap(best_score)
    return verdict, _overlap_finding(doc, h, verdict, top)


def _problem_rank(kind: str) -> int:
    if kind in _CONTRADICTED:
        return 0
    return 1 if kind in _OVERSTATED else 2


def _compare(
    doc: Doc, a: Assertion, m: Match, quotes: list[tuple[int, int, Quote]]
) -> Problem | None:
    """What is wrong with ``m`` as evidence for the assertion ``a``, or None."""
    head, body = a.reading, m.reading
    hs, bs = (head.start, head.end), [(body.start, body.end)]
    h_words, b_words = _t(doc, *hs), _t(doc, body.start, body.end)
    where = f"(paragraph {m.sentence.paragraph})"
    if m.how == "antonym":
        if body.negated != head.negated:
            return None  # 'did not reject' is no contradiction of 'approves'
        return Problem(
            "antonym",
            hs,
            bs,
            f'The headline says "{h_words}"; the body says "{b_words}" {where}.',
        )
    if head.negated != body.negated:
        return Problem(
            "negated",
            hs,
            bs,
            f'The headline says "{h_words}"; the body says "{b_words}" {where}.',
        )
    if m.how == "scale":
        shared = set(head.scales()) & set(body.scales())
        if any(head.scales()[s] > body.scales()[s] for s in shared) and not any(
            head.scales()[s] <= body.scales()[s] for s in shared
        ):
            return Problem(
                "escalated",
                (head.tok.idx, head.tok.idx + len(head.tok)),
                bs,
                f'The headline says "{head.tok.text}"; the body says only "{b_words}" {where}.',
            )
    if head.certainty > body.certainty:
        kind = "hedge_dropped" if body.hedge_kind in ("modal", "adverb") else "escalated"
        return Problem(
            kind,
            hs,
            bs,
            f'The headline says "{h_words}"; the body says only "{b_words}" {where}.',
        )
    actor = _subject_entity(doc, body.verb)
    if a.actor and actor and actor != a.actor and not _mentions(doc, a.actor, m.sentence):
        names = {e.id: e.name for e in layers(doc).entities}
        return Problem(
            "different_actor",
            hs,
            bs,
            f"The headline has {names[a.actor]} doing it; in the body it is {names[actor]} "
            f"{where}.",
        )
    quote = _quote_at(quotes, body.tok.idx)
    if quote is not None and not a.attributed and _third_party(doc, body, quote):
        who = quote.speaker.text if quote.speaker else "someone"
        evidence = [(quote.content.start, quote.content.end)]
        if quote.speaker:
            evidence.append((quote.speaker.start, quote.speaker.end))
        return Problem(
            "attribution_dropped",
            (head.start, head.end),
            evidence,
            f'The headline states "{h_words}" as fact; in the body it is what {who} said {where}.',
        )
    return None


def _third_party(doc: Doc, body: Reading, quote: Quote) -> bool:
    """Whether the quoted claim is about someone or something other than its speaker."""
    subj = next((c for c in body.verb.children if c.dep_ in _SUBJECTS), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    speaker = quote.speaker.entity if quote.speaker else None
    return speaker is None or entity_for(doc, subj.idx, subj.idx + len(subj)) != speaker


def _mentions(doc: Doc, entity: str, s: Sentence) -> bool:
    return any(
        eid == entity and s.start <= start < s.end
        for (start, _), eid in layers(doc).mention_entity.items()
    )


def _t(doc: Doc, start: int, end: int) -> str:
    return doc_text(doc)[start:end]


def _finding(doc: Doc, p: Problem, verdict: str) -> Finding:
    return Finding(
        headline=span(doc, *p.headline),
        evidence=[span(doc, s, e) for s, e in p.evidence],
        explanation=p.explanation,
        verdict=verdict,
        kind=p.kind,
    )


def _overlap_finding(
    doc: Doc, headline: tuple[int, int], verdict: str, top: list[Sentence]
) -> Finding:
    if verdict == "unrelated" or not top:
        return Finding(
            headline=span(doc, *headline),
            explanation="Nothing in the body is about what the headline says.",
            verdict=verdict,
            kind="no_evidence",
        )
    s = top[0]
    explanation = (
        f"The body is closest in paragraph {s.paragraph}, which shares most of the "
        f"headline's words."
        if verdict == "supported"
        else f"The body does not say this; the nearest sentence is in paragraph {s.paragraph}."
    )
    return Finding(
        headline=span(doc, *headline),
        evidence=[span(doc, s.start, s.end)],
        explanation=explanation,
        verdict=verdict,
        kind=None if verdict == "supported" else "no_evidence",
    )


# -- numbers ---------------------------------------------------------------------------------


def _body_numbers(doc: Doc, sentences: list[Sentence]) -> list[tuple[NumberMention, Sentence]]:
    text = doc_text(doc)
    return [(n, s) for s in sentences for n in find_numbers(text[s.start : s.end], s.start)]


def _number_problems(doc: Doc, headline, sentences: list[Sentence]) -> list[Problem]:
    """Headline figures the body's figures of the same unit do not carry."""
    text = doc_text(doc)
    heads = [
        n
        for n in find_numbers(text[headline.start_char : headline.end_char], headline.start_char)
        if n.unit
    ]
    if not heads:
        return []
    body = _body_numbers(doc, sentences)
    problems = []
    for h in heads:
        same_unit = [(b, s) for b, s in body if b.unit == h.unit]
        if any(_carries(b, h) for b, _ in same_unit):
            continue
        if not same_unit:
            if any(_close(b.value, h.value) for b, _ in body):
                continue
            explanation = f'The headline says "{h.text}"; the body gives no such figure.'
            problems.append(Problem("number_differs", (h.start, h.end), [], explanation))
            continue
        b, s = min(same_unit, key=lambda bs: abs(bs[0].value - h.value))
        inflated = h.value > b.value or (h.value == b.value and b.bound == "at_most")
        says = "says only" if inflated else "says"
        explanation = (
            f'The headline says "{h.text}"; the body {says} "{b.text}" (paragraph {s.paragraph}).'
        )
        kind = "number_inflated" if inflated else "number_differs"
        problems.append(Problem(kind, (h.start, h.end), [(b.start, b.end)], explanation))
    return problems


def _close(a: float, b: float, tolerance: float = _NUMBER_TOLERANCE) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _carries(body: NumberMention, head: NumberMention) -> bool:
    """Whether the body figure supports the headline figure (rounding down is fine, up is not)."""
    low, high = body.value, body.upper or body.value
    value = head.value
    if head.bound == "at_least":  # 'more than 40,000': the body must reach it
        return high >= value * (1 - _NUMBER_TOLERANCE)
    if head.bound == "at_most":  # 'nearly 500': the body may not exceed it
        return low * (1 - _NUMBER_TOLERANCE) <= value and high >= value * (1 - _ROUNDING)
    if body.bound == "at_most":  # body 'nearly 500': the headline must stay below
        return low * (1 - _ROUNDING) <= value < low
    if body.bound == "at_least" or body.bound == "about" or head.bound == "about":
        return low * (1 - _ROUNDING) <= value <= high * (1 + _ROUNDING)
    return low * (1 - _ROUNDING) <= value <= high * (1 + _NUMBER_TOLERANCE)


# -- quotes in the headline -------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _quote_problems(
    doc: Doc, headline: tuple[int, int], quotes: list[Quote], sentences: list[Sentence]
) -> list[Problem]:
    """Words quoted in the headline that nobody in the body says."""
    text = doc_text(doc)
    quoted = find_quoted(text, [headline])
    if not quoted:
        return []
    body = f" {_words(' '.join(text[s.start : s.end] for s in sentences))} "
    problems = []
    for q in quoted:
        inner = _words(text[q.start + 1 : q.end - 1])
        if not inner or f" {inner} " in body:
            continue
        wanted = set(inner.split())
        closest = max(
            quotes, key=lambda bq: len(wanted & set(_words(bq.content.text).split())), default=None
        )
        evidence = []
        tail = "."
        if closest is not None and len(wanted & set(_words(closest.content.text).split())) >= 2:
            evidence = [(closest.content.start, closest.content.end)]
            who = closest.speaker.text if closest.speaker else "the body"
            tail = f'; the nearest is what {who} said: "{closest.content.text}".'
        problems.append(
            Problem(
                "quote_not_in_body",
                (q.start, q.end),
                evidence,
                f"The headline quotes {text[q.start : q.end]}, but nobody in the body says "
                f"these words{tail}",
            )
        )
    return problems
