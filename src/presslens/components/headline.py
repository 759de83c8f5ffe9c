"""Headline fidelity: does the body carry what the headline asserts, and as strongly?

The headline is split into assertions (a main-clause predicate: its verb or,
after a copula, the complement; with its subject). One pass over the body
sentences ranks them by the headline words they share; in the best ones each
predicate is looked up by lemma, synonym, graded scale and antonym
(``resources/headline/lexicon.json``) and compared with the headline's:
polarity (contradicted; refuted when the body calls it false), strength on a
shared scale and certainty (modals, hedges like "is expected to", tentative
governors like "considering"), attribution (the body has it only inside
someone's quote or claim while the headline states it as fact), actor (another
subject entity, or doer and target swapped). A deed the headline names by a
noun ("confirms hospital closure") is checked like its verb. Figures in the
headline are checked against the body's figures of the same unit or act
(``presslens.text.numbers``); words quoted in the headline must occur in the body.
The FNC-1 stance of headline and body comes from ``presslens.models.stance``.
"""

from __future__ import annotations

import bisect
import warnings
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.errors import PresslensError
from presslens.lexicons import lexicon_from, load_json
from presslens.models.stance import predict_stance
from presslens.nlp.layers import doc_text, entity_for, layers, span
from presslens.nlp.syntax import NOMINAL_SUBJECTS
from presslens.schema import Finding, HeadlineCheck, Quote
from presslens.text.numbers import NumberMention, find_numbers
from presslens.text.quotemarks import find_quoted
from presslens.text.words import APOSTROPHES, WORD

_EVIDENCE_BLOCKS = {"paragraph", "subheading"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
_ACTOR_TYPES = {"PERSON", "ORG", "GPE"}
_PREDICATE_DEPS = {"ROOT", "conj", "advcl", "ccomp", "parataxis"}
_COMPLEMENTS = {"acomp", "attr"}
_HEADLINE_VERB_TAGS = {"NN", "NNS", "NNP", "VB", "VBP", "VBZ"}  # a misread headline verb's tags
_DOERS = {"nsubj", "agent"}
_TARGETS = {"dobj", "nsubjpass"}  # also where a deed named by a noun sits: 'confirms closure'
_NOT_BEFORE_VERB = {"DET", "ADJ", "ADP", "PRON"}  # 'A Curious Plan' is no predicate
_POSSESSIVES = {"its", "their"}  # 'its owner said': the subject speaking for itself
_NEGATED_VIA = {"xcomp", "ccomp", "pcomp", "acl", "relcl", "dobj", "pobj", "prep", "nsubj"}
_NEGATOR_STEPS = 5  # 'denied [that] X'
_PLANNED = 2  # the certainty of a headline's bare 'to' ('Firm to cut jobs': it plans to)
_TOP_SENTENCES = 4  # evidence sentences searched for the predicate
_FLOOR = 0.2  # a sentence sharing less of the headline's weight is no evidence
_SUPPORTED_SCORE = 0.5  # share of the headline the top sentences carry when no predicate matches
_CLAIM_WORDS = 3  # headline words a claim must hold to be what the headline states as fact
_SHORT_QUOTE = 2  # a headline quote this short may be a scare quote: its words must be in the body
_NUMBER_TOLERANCE = 0.005  # relative difference still read as the same figure
_ROUNDING = 0.1  # a headline may round a figure down (an "about" figure either way) this much
_ROUNDED_DOWN = 0.25  # ... or to its own last non-zero digit ('2,000' for 2,340) up to this much
_SEVERITY = ("contradicted", "overstated", "unsupported", "unrelated", "supported")
_OVERSTATED = {"escalated", "hedge_dropped", "number_inflated", "attribution_dropped"}
_CONTRADICTED = {"negated", "antonym", "refuted"}
_GOVERNED = frozenset({"xcomp"})  # a verb continuing its governor's clause: 'planning to quit'
_CONTINUING = _GOVERNED | {"conj"}  # ... or the clause before it: 'said X and cut Y'


@dataclass(frozen=True)
class HeadlineLexicon:
    """The vocabulary of ``resources/headline/lexicon.json``, read once."""

    scales: dict[str, dict[str, int]]  # phrase -> {scale: level}
    distinct_top: frozenset[str]
    governors: dict[str, int]
    modals: dict[str, int]
    hedge_adverbs: dict[str, int]
    attribution: frozenset[str]
    reporting: frozenset[str]
    speech: frozenset[str]
    copulas: frozenset[str]
    hedging_governors: frozenset[str]
    particles: frozenset[str]
    negators: frozenset[str]
    choosing_against: frozenset[str]
    refuting: frozenset[str]
    antonyms: dict[str, frozenset[str]]
    synonyms: dict[str, frozenset[str]]
    measure_units: frozenset[str]
    light_verbs: frozenset[str]
    claim_cues: frozenset[str]
    nominal_events: dict[str, str]

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
        return lexicon_from(
            cls,
            data,
            scales=scales,
            distinct_top=frozenset(data["distinct_top_scales"]),
            attribution=frozenset(data["attribution_adverbs"]),
            speech=frozenset(load_json("quotes", "cues.json")["speech"]),
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


# -- how a predicate is asserted --------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """How a predicate is asserted: its phrase, polarity, certainty and the words saying so."""

    tok: Token  # the content word (a verb, or the complement of a copula)
    verb: Token  # the verb carrying auxiliaries and negation
    key: str  # lemma with its particle ('rule out'), 'not ' in front when the scale knows it
    negated: bool
    certainty: int  # 1 tentative .. 3 stated
    hedge_kind: str | None  # modal | governor | hedge | adverb: what lowered the certainty
    start: int  # characters a reader would point at: 'did not rule out', 'may close'
    end: int
    refuted: bool = False  # negated by a word calling it false ('denied', 'a hoax')

    def scales(self) -> dict[str, int]:
        return lexicon().scales.get(self.key, {})


def _particle(verb: Token, child: Token) -> bool:
    return child.dep_ == "prt" or (
        child.dep_ == "advmod" and child.i == verb.i + 1 and child.lower_ in lexicon().particles
    )


def _key(tok: Token, base: str) -> tuple[str, Token | None]:
    """The lexicon phrase of ``tok`` ('call for', 'rule out') and its second word, if any."""
    lex = lexicon()
    for child in tok.children:
        if _particle(tok, child) or (child.dep_ == "prep" and child.i == tok.i + 1):
            phrase = f"{base} {child.lower_}"
            if phrase in lex.scales or f"not {phrase}" in lex.scales or phrase in lex.antonyms:
                return phrase, child
    return base, None


def _reported(verb: Token) -> bool:
    """Whether ``verb`` is the complement of a past-tense speech verb ('said it would')."""
    lex = lexicon()
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.tag_ == "VBD"
        and (head.lemma_ in lex.speech or head.lemma_ in lex.reporting)
    )


def read(tok: Token, base: str | None = None) -> Reading:
    """How the predicate ``tok`` is asserted (``base``: its bare form when it was mis-tagged)."""
    lex = lexicon()
    verb = tok.head if tok.dep_ in _COMPLEMENTS and tok.head.lemma_ in lex.copulas else tok
    key, second = _key(tok, base or tok.lemma_.lower())
    negated = any(c.dep_ == "neg" for c in verb.children) or _denied_noun(tok)
    if negated and f"not {key}" in lex.scales:
        key, negated = f"not {key}", False
    certainty, kind = 3, None
    words = [tok, verb] + ([second] if second is not None else [])
    cur = verb
    for _ in range(3):  # the verb, then the verbs governing it through xcomp ('considering X-ing')
        for child in cur.children:
            if child.dep_ in ("aux", "neg") or (cur is verb and _particle(verb, child)):
                words.append(child)
            low = child.lower_
            if child.dep_ == "aux" and low in lex.modals:
                level = 3 if low == "would" and _reported(cur) else lex.modals[low]
                if level < certainty:
                    certainty, kind = level, "modal"
            elif child.dep_ == "advmod" and lex.hedge_adverbs.get(low, 3) < certainty:
                certainty, kind = lex.hedge_adverbs[low], "adverb"
        governor = _governor(cur)
        if governor is None:
            break
        cur = governor
        words.append(cur)
        if lex.governors.get(cur.lemma_.lower(), 3) < certainty:
            certainty = lex.governors[cur.lemma_.lower()]
            kind = "hedge" if cur.lemma_.lower() in lex.hedging_governors else "governor"
    negator = _negator(verb)
    if negator is not None:
        negated = not negated
        words.append(negator)
    refuted = negator is not None and bool({negator.lower_, negator.lemma_} & lex.refuting)
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    return Reading(tok, verb, key, negated, certainty, kind, start, end, refuted)


def _governor(tok: Token) -> Token | None:
    """The verb ``tok`` takes its certainty from: 'considering scrapping', or the verb around
    a deed named by a noun ('confirms the closure', 'mulls a closure', 'closure confirmed')."""
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp"):  # 'considering scrapping', 'considering whether to halt'
        return head if head.lemma_.lower() in lexicon().governors else None
    if tok.pos_ != "NOUN":
        return None
    if head.pos_ == "VERB" and (
        tok.dep_ in _TARGETS or (tok.dep_ == "nsubj" and head.tag_ == "VBN")
    ):
        return head
    if tok.dep_ == "ROOT":  # 'Hospital closure confirmed by board'
        return next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return None


def _either_way(negator: Token) -> bool:
    """'confirm or deny': a denial offered as one of two, which denies nothing."""
    pair = [negator.head] if negator.dep_ == "conj" else []
    pair += [c for c in negator.children if c.dep_ == "conj"]
    return any(t.lemma_.lower() == "confirm" for t in pair)


def _denied_noun(tok: Token) -> bool:
    """A deed named by a noun and denied: 'found no link', 'there was no increase'."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _negator(verb: Token) -> Token | None:
    """What negates ``verb`` from above: a verb like 'deny' ('denied taking', 'denied reports
    that he took') or a refuting complement ('the story that she grew ... is a hoax')."""
    lex = lexicon()
    cur = verb
    for _ in range(_NEGATOR_STEPS):
        if cur.dep_ not in _NEGATED_VIA or cur.head is cur:
            return None
        if cur.dep_ == "nsubj" and cur.head.lemma_ not in lex.copulas:
            return None  # 'the council rejected it' does not negate the council
        cur = cur.head
        if cur.lemma_.lower() in lex.negators:
            return None if _either_way(cur) else cur
        if cur.lower_ == "against" and cur.head.lemma_.lower() in lex.choosing_against:
            return cur.head  # 'decided against expelling her'
        if cur.lemma_ in lex.copulas:
            return next(
                (c for c in cur.children if c.dep_ in _COMPLEMENTS and c.lower_ in lex.refuting),
                None,
            )
    return None


# -- the body ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: range  # token indices
    paragraph: int  # 1-based among the body's paragraphs


@dataclass
class Body:
    """What the checks read of the body: its sentences ranked against the headline, its quotes."""

    sentences: list[Sentence]
    vocabulary: set[str]  # lemmas and lower-cased words of the body
    quotes: list[Quote]
    quote_pieces: list[tuple[int, int, Quote]]  # content pieces, by start
    top: list[Sentence]  # the best evidence sentences, best first
    coverage: float  # share of the headline's word weight the top sentences hold together
    stance: str | None  # the FNC-1 stance of the body towards the headline (None: no model)
    headline_forms: list[frozenset[str]]  # forms and synonyms of each headline content word
    question: bool  # the headline asks ('Will the bridge close?')

    @cached_property
    def headline_words(self) -> frozenset[str]:
        """The forms and synonyms of all the headline's content words."""
        return frozenset().union(*self.headline_forms)


def _body_sentences(doc: Doc) -> list[Sentence]:
    """The body's sentences in paragraphs and subheadings (not byline, dateline, captions)."""
    lay = layers(doc)
    text = doc_text(doc)
    blocks = [b for b in lay.blocks if b.kind != "headline"]
    starts = [b.start for b in blocks]
    paragraph_no: dict[int, int] = {}
    for b in blocks:
        if b.kind == "paragraph":
            paragraph_no[b.start] = len(paragraph_no) + 1
    h_end = lay.headline[1] if lay.headline else 0
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        i = bisect.bisect_right(starts, start) - 1
        if start < h_end or i < 0 or blocks[i].kind not in _EVIDENCE_BLOCKS:
            continue
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            paragraph = paragraph_no.get(blocks[i].start, 0)
            out.append(Sentence(start, end, range(sent.start, sent.end), paragraph))
    return out


def _with_synonyms(forms: set[str]) -> set[str]:
    """``forms`` and the words the lexicon gives as carrying them."""
    lex = lexicon()
    return forms | {s for f in forms for s in lex.synonyms.get(f, ())}


def _content(tokens) -> list[Token]:
    return [t for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop and t.text.strip()]


def _read_body(doc: Doc, headline: DocSpan, sentences: list[Sentence], stance: str | None) -> Body:
    """Rank the body sentences by the weighted share of headline words they contain."""
    lex = lexicon()
    wanted: list[tuple[float, set[str]]] = []
    for tok in _content(headline):
        if tok.lemma_.lower() in lex.reporting:
            continue
        forms = _with_synonyms(variants(tok))
        wanted.append((2.0 if tok.pos_ == "PROPN" or tok.ent_type_ else 1.0, forms))
    total = sum(w for w, _ in wanted) or 1.0
    vocabulary: set[str] = set()
    scored = []
    for s in sentences:
        seen = {doc[i].lemma_.lower() for i in s.tokens} | {doc[i].lower_ for i in s.tokens}
        vocabulary |= seen
        scored.append((sum(w for w, forms in wanted if forms & seen) / total, s, seen))
    scored.sort(key=lambda x: (-x[0], x[1].start))
    top = [(s, seen) for score, s, seen in scored[:_TOP_SENTENCES] if score >= _FLOOR]
    together = set().union(*(seen for _, seen in top))
    quotes = [q for q in layers(doc).quotes if q.content.start >= headline.end_char]
    pieces = sorted(
        ((p.start, p.end, q) for q in quotes for p in (q.spans or [q.content])), key=lambda x: x[0]
    )
    return Body(
        sentences=sentences,
        vocabulary=vocabulary,
        quotes=quotes,
        quote_pieces=pieces,
        top=[s for s, _ in top],
        coverage=sum(w for w, forms in wanted if forms & together) / total,
        headline_forms=list({frozenset(forms) for _, forms in wanted}),
        question=_question(doc, headline),
        stance=stance,
    )


def _quote_at(body: Body, char: int) -> Quote | None:
    for start, end, q in body.quote_pieces:
        if start > char:
            break
        if char < end:
            return q
    return None


# -- the component ----------------------------------------------------------------------------


class HeadlineComponent:
    """Writes ``layers(doc).headline_check``."""

    def __call__(self, doc: Doc) -> Doc:
        layers(doc).headline_check = check_headline(doc)
        return doc


@Language.factory("presslens_headline")
def make_headline(nlp: Language, name: str) -> HeadlineComponent:
    return HeadlineComponent()


@dataclass
class Problem:
    kind: str
    headline: tuple[int, int]
    evidence: list[tuple[int, int]]
    explanation: str


@dataclass(frozen=True)
class Assertion:
    """One headline predicate: how it is asserted, by whom, and whether the headline says who."""

    reading: Reading
    start: int  # the clause around the predicate
    end: int
    attributed: bool  # the headline itself attributes it ('X says ...', 'X: ...', 'reportedly')
    actor: str | None  # entity id of the subject
    source: str | None  # entity id of whom the headline has saying it
    nominal: bool  # a deed named by a noun ('closure'): judged only where the body has it


def check_headline(doc: Doc) -> HeadlineCheck:
    """The headline check of a Doc the earlier presslens stages have been through."""
    lay = layers(doc)
    text = doc_text(doc)
    sentences = _body_sentences(doc) if lay.headline else []
    if lay.headline is None or not sentences:
        return HeadlineCheck(verdict="not_applicable")
    h_start, h_end = lay.headline
    headline = doc.char_span(h_start, h_end, alignment_mode="expand")
    stance = _stance(text[h_start:h_end], "\n\n".join(text[s.start : s.end] for s in sentences))
    body = _read_body(doc, headline, sentences, stance)
    judged = [
        j for a in _assertions(doc, headline, body) if (j := _judge(doc, a, body)) is not None
    ]
    if not judged:  # no predicate: the headline is a phrase ('Record crowd at lake festival')
        verdict = _by_overlap(body)
        judged.append((verdict, _overlap_finding(doc, lay.headline, verdict, body)))
    so_far = _overall([v for v, _ in judged])
    problems = (
        []  # the body is about something else: its figures and quotes tell nothing
        if so_far == "unrelated"
        else _number_problems(doc, headline, body) + _quote_problems(doc, headline, body)
    )
    if so_far in ("supported", "unsupported") and not _question(doc, headline):
        problems += _refuted(doc, lay.headline, body)
    for p in problems:
        verdict = _verdict_of(p.kind)
        judged.append((verdict, _finding(doc, p, verdict)))
    findings: list[Finding] = []
    for _, f in judged:
        if f not in findings and not any(_inside(f, g) for _, g in judged):
            findings.append(f)
    verdict = _overall([v for v, _ in judged])
    return HeadlineCheck(verdict=verdict, stance=stance, findings=findings)


def _inside(f: Finding, wider: Finding) -> bool:
    """Whether ``f`` says what ``wider`` says of headline words around it ('will rebuild'
    inside a misattributed headline quote)."""
    return (
        f.kind is not None
        and f.kind == wider.kind
        and f.headline != wider.headline
        and wider.headline.start <= f.headline.start
        and f.headline.end <= wider.headline.end
    )


def _stance(headline: str, body: str) -> str | None:
    """The FNC-1 stance of ``body`` towards ``headline``; None without the stance model."""
    try:
        return predict_stance(headline, body)[0]
    except PresslensError as exc:  # the check stands without it; say once why stance is null
        warnings.warn(f"headline check without stance: {exc}", RuntimeWarning, stacklevel=2)
        return None


def _overall(verdicts: list[str]) -> str:
    """The worst verdict; an unrelated assertion next to related ones is unsupported."""
    if all(v == "unrelated" for v in verdicts):
        return "unrelated"
    related = ["unsupported" if v == "unrelated" else v for v in verdicts]
    return min(related, key=_SEVERITY.index)


def _by_overlap(body: Body) -> str:
    """The verdict when no predicate of the headline is in the body: word overlap and stance."""
    if body.stance == "unrelated" and body.coverage < _SUPPORTED_SCORE:
        return "unrelated"
    if body.coverage >= _SUPPORTED_SCORE or (body.coverage >= _FLOOR and body.stance == "agree"):
        return "supported"
    if body.coverage < _FLOOR:
        return "unrelated"
    return "supported" if body.question else "unsupported"  # a question asserts nothing


def _refuted(doc: Doc, headline: tuple[int, int], body: Body) -> list[Problem]:
    """With a 'disagree' stance, the sentence calling the story false.

    The evidence is the first refuting word ('hoax', 'denied') in the best sentences, then
    in the rest of the body; without one the stance alone contradicts nothing.
    """
    if body.stance != "disagree":
        return []
    refuting = lexicon().refuting
    for s in body.top + body.sentences:
        for i in s.tokens:
            tok = doc[i]
            nxt = doc[i + 1] if i + 1 < s.tokens.stop else None
            pair = f"{tok.lower_} {nxt.lower_}" if nxt is not None else ""
            if tok.lower_ in refuting or pair in refuting:
                end = nxt if pair in refuting else tok
                cue = (tok.idx, end.idx + len(end))
                return [
                    Problem(
                        "refuted",
                        headline,
                        [cue],
                        f'The body disputes the story: "{_t(doc, *cue)}" '
                        f"(paragraph {s.paragraph}).",
                    )
                ]
    return []


# -- assertions -------------------------------------------------------------------------------


def _assertions(doc: Doc, headline: DocSpan, body: Body) -> list[Assertion]:
    """The headline's predicates: main-clause verbs (copulas by their complement)."""
    lex = lexicon()
    colon = doc_text(doc).find(":", headline.start_char, headline.end_char)
    found: list[Assertion] = []
    for tok in headline:
        if not _verbal(tok) or not (tok.dep_ in _PREDICATE_DEPS or _passive_headline(tok)):
            continue
        if tok.pos_ == "AUX" or tok.lemma_.lower() in lex.copulas:
            comps = [c for c in tok.children if c.dep_ in _COMPLEMENTS]
            if not comps:
                continue
            tok = comps[0]
        elif tok.lemma_.lower() in lex.reporting:
            continue  # 'says' only attributes what it governs
        elif tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.negators:
            continue  # 'X denies it threatened Y': the denial is the assertion
        found.append(_assertion(doc, headline, tok, colon))
    for tok in headline:  # 'Government confirms hospital closure': the closure is asserted too
        base = lex.nominal_events.get(tok.lower_)
        if base is not None and _governor(tok) is not None:
            found.append(_assertion(doc, headline, tok, colon, base))
    if not found:  # a headline the tagger read as names and nouns: predicates by lexicon or body
        verbs = {
            doc[i].lemma_.lower() for s in body.sentences for i in s.tokens if doc[i].pos_ == "VERB"
        } - lex.light_verbs
        for tok in headline[1:]:
            said = verbs if tok.tag_ in _HEADLINE_VERB_TAGS else frozenset()
            hits = [v for v in variants(tok) if v in lex.scales or v in lex.antonyms or v in said]
            if hits and doc[tok.i - 1].pos_ not in _NOT_BEFORE_VERB:
                found.append(_assertion(doc, headline, tok, colon, hits[0]))
    return found


def _passive_headline(tok: Token) -> bool:
    """A headline's bare passive read as a modifier: 'Suspect identified in ...'."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and head.i == tok.i - 1
        and head.dep_ in ("ROOT", "nsubj", "nsubjpass")
    )


def _verbal(tok: Token) -> bool:
    """A verb, or a headline verb the tagger read as a noun ('Police arrest protesters'); never
    a noun that cannot be a verb ('closure') the tagger read as one."""
    base = lexicon().nominal_events.get(tok.lower_)
    if base is not None and base not in variants(tok):
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.pos_ == "NOUN" and {"nsubj", "dobj"} <= {c.dep_ for c in tok.children}


def _question(doc: Doc, headline: DocSpan) -> bool:
    return doc_text(doc)[headline.start_char : headline.end_char].rstrip().endswith("?")


def _assertion(
    doc: Doc, headline: DocSpan, tok: Token, colon: int, base: str | None = None
) -> Assertion:
    lex = lexicon()
    reading = read(tok, base)
    verb = reading.verb
    question = _question(doc, headline)
    if question:  # 'Is the bridge safe?' asserts nothing
        reading = replace(reading, certainty=1)
    elif verb.dep_ != "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        reading = replace(reading, certainty=min(reading.certainty, _PLANNED))  # 'Firm to cut'
    cue = next(
        (a for a in verb.ancestors if a.lemma_ in lex.reporting or a.lemma_ in lex.speech), None
    )
    attributed = (
        question
        or 0 <= colon < tok.idx
        or cue is not None
        or any(t.lower_ in lex.attribution for t in headline)
    )
    if cue is not None:
        source = _actor(doc, cue)
    elif 0 <= colon < tok.idx:  # 'Mayor: ...'
        source = _typed_actor(doc, entity_for(doc, headline.start_char, colon))
    else:
        source = None
    start = max(min(verb.left_edge.idx, reading.start), headline.start_char)
    end = min(max(verb.right_edge.idx + len(verb.right_edge), reading.end), headline.end_char)
    actor = _actor(doc, verb)
    if actor is None and _subject(verb) is None:
        actor = _typed_actor(
            doc, entity_for(doc, max(colon + 1, headline.start_char), reading.start)
        )
    nominal = tok.pos_ == "NOUN" and _governor(tok) is not None
    return Assertion(reading, start, end, attributed, actor, source, nominal)


def _typed_actor(doc: Doc, eid: str | None) -> str | None:
    """``eid`` when it is a person, organisation, place or group."""
    ent = next((e for e in layers(doc).entities if e.id == eid), None) if eid else None
    return eid if ent is not None and ent.type in _ACTOR_TYPES else None


def _actor(doc: Doc, verb: Token) -> str | None:
    """The entity id of the subject of ``verb`` (or of the verb it depends on), a person etc."""
    cur = verb
    for _ in range(3):
        subj = _subject(cur)
        if subj is not None:
            eid = entity_for(doc, subj.left_edge.idx, subj.idx + len(subj))
            # 'Grellstadt house prices': the prices, not the town, are the subject
            return _typed_actor(doc, eid) if _mentions(doc, subj.idx, eid) else None
        if cur.dep_ not in ("xcomp", "conj"):
            return None
        cur = cur.head
    return None


# -- evidence for an assertion ----------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    reading: Reading
    sentence: Sentence
    how: str  # same | scale | antonym


def _matches(doc: Doc, head: Reading, body: Body) -> list[Match]:
    """Body predicates in the top sentences that say the same, a graded kin, or the opposite."""
    lex = lexicon()
    same = {head.key} | variants(head.tok)
    same |= lex.synonyms.get(head.key, frozenset())
    kin = head.scales()
    opposite = lex.antonyms.get(head.key, frozenset())
    out = []
    for s in body.top:
        for i in s.tokens:
            tok = doc[i]
            if tok.pos_ not in ("VERB", "ADJ", "NOUN") or (
                tok.pos_ == "NOUN" and head.tok.pos_ != "NOUN" and not _denied_noun(tok)
            ):
                continue
            lemma = tok.lemma_.lower()
            if lemma in same:
                out.append(Match(read(tok), s, "same"))
            elif lemma in opposite:
                out.append(Match(read(tok), s, "antonym"))
            elif tok.pos_ == "VERB" and kin:
                r = read(tok)
                shared = kin.keys() & r.scales().keys()
                if shared and not all(
                    s in lex.distinct_top and kin[s] <= r.scales()[s] for s in shared
                ):
                    out.append(Match(r, s, "scale"))
    return out


def _about(tok: Token, topic: frozenset[str], deps: frozenset[str] = _CONTINUING) -> bool:
    """Whether the clause of ``tok`` has one of the headline's other words, with the subject
    of the verb it continues through ``deps`` ('Halvorsen was planning to step down', 'said
    ... but questioned')."""
    while tok.dep_ in deps and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return any(t.lemma_.lower() in topic or t.lower_ in topic for t in tok.subtree)


def _judge(doc: Doc, a: Assertion, body: Body) -> tuple[str, Finding] | None:
    """The verdict on one assertion and its finding (None: a noun the body never says)."""
    head = a.reading
    topic = body.headline_words - variants(head.tok) - {head.key}
    problems: list[Problem] = []
    clean: list[Match] = []
    for m in sorted(_matches(doc, head, body), key=lambda m: m.how != "same"):
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
            f'The headline says "{_t(doc, head.start, head.end)}"; the body says '
            f'"{_t(doc, m.reading.start, m.reading.end)}" (paragraph {m.sentence.paragraph}).'
        )
        return "supported", Finding(
            headline=span(doc, head.start, head.end),
            evidence=[span(doc, m.sentence.start, m.sentence.end)],
            explanation=explanation,
            verdict="supported",
        )
    if problems:
        p = min(problems, key=lambda p: _SEVERITY.index(_verdict_of(p.kind)))
        verdict = _verdict_of(p.kind)
        return verdict, _finding(doc, p, verdict)
    if a.nominal:
        return None  # the verb governing it is judged on its own
    verdict = _by_overlap(body)
    claim = _alleged(doc, body) if verdict == "supported" and not a.attributed else None
    if claim is not None:  # no predicate to compare, but the body has it only as a claim
        where = f"(paragraph {_paragraph(body, claim)})"
        problem = _attribution_dropped(doc, (a.start, a.end), claim, where)
        return "overstated", _finding(doc, problem, "overstated")
    return verdict, _overlap_finding(doc, layers(doc).headline, verdict, body)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS), None)


def _same_subject(doc: Doc, a: Assertion, ev: Reading) -> bool:
    """Whether the body verb is said of the headline's subject, as far as one can tell."""
    ours, theirs = _subject(a.reading.verb), _subject(ev.verb)
    if ours is None or theirs is None:
        return True
    actor = _actor(doc, ev.verb)
    if a.actor and actor:
        return _same_actor(doc, a.actor, actor, None)
    if theirs.pos_ == "PRON" or ours.pos_ == "PRON":
        return True
    words = {w for t in ours.subtree if t.is_alpha and not t.is_stop for w in variants(t)}
    return any(variants(t) & words for t in theirs.subtree if t.is_alpha and not t.is_stop)


def _verdict_of(kind: str) -> str:
    if kind in _CONTRADICTED:
        return "contradicted"
    return "overstated" if kind in _OVERSTATED else "unsupported"


def _compare(doc: Doc, a: Assertion, m: Match, body: Body) -> Problem | None:
    """What is wrong with ``m`` as evidence for the assertion ``a``, or None."""
    head, ev = a.reading, m.reading
    hs, es = (head.start, head.end), [(ev.start, ev.end)]
    h_words, e_words = _t(doc, *hs), _t(doc, ev.start, ev.end)
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
            word = (head.tok.idx, head.tok.idx + len(head.tok))
            only = f'The headline says "{head.tok.text}"; the body says only "{e_words}" {where}.'
            return Problem("escalated", word, es, only)
    if head.certainty > ev.certainty:
        kind = "escalated" if ev.hedge_kind == "governor" else "hedge_dropped"
        only = f'The headline says "{h_words}"; the body says only "{e_words}" {where}.'
        return Problem(kind, hs, es, only)
    actor = _actor(doc, ev.verb)
    named = (subj := _subject(ev.verb)) is not None and subj.pos_ == "PROPN"
    if a.actor and actor and named and not _same_actor(doc, a.actor, actor, m.sentence):
        names = {e.id: e.name for e in layers(doc).entities}
        subj = _subject(ev.verb)
        who = [_extent(subj)] if subj is not None else []
        return Problem(
            "different_actor",
            hs,
            [*who, *es] if who and who[0][1] <= ev.start else es,
            f"The headline has {names[a.actor]} doing it; in the body it is {names[actor]} "
            f"{where}.",
        )
    headline = doc.char_span(*layers(doc).headline, alignment_mode="expand")
    swapped = _swapped(headline, head.verb, ev.verb) if headline is not None else None
    if swapped is not None:
        (ours, to), (theirs, them) = swapped
        return Problem(
            "different_actor",
            hs,
            [_extent(theirs), *es],
            f'The headline has "{ours.text}" doing it to "{to.text}"; in the body '
            f'"{_t(doc, *_extent(theirs))}" did it to "{_t(doc, *_extent(them))}" {where}.',
        )
    quote = _quote_at(body, ev.tok.idx)
    speaker = quote.speaker.entity if quote is not None and quote.speaker else None
    if a.source and speaker and not _same_actor(doc, a.source, speaker, None):
        names = {e.id: e.name for e in layers(doc).entities}
        return Problem(
            "different_actor",
            hs,
            [(quote.speaker.start, quote.speaker.end), *es],
            f"The headline has {names[a.source]} saying it; in the body it is "
            f"{names[speaker]} {where}.",
        )
    if quote is not None and not a.attributed and _third_party(doc, ev, quote):
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
        f'The headline states "{_t(doc, *clause)}" as fact; in the body it is what {who} said '
        f"{where}.",
    )


def _alleged(doc: Doc, body: Body) -> Quote | None:
    """The claim in the best evidence sentence ('activists claimed that ...') that carries
    most of the headline's words by itself."""
    best = body.top[0] if body.top else None
    for q in body.quotes:
        if best is None or not (best.start <= q.content.start < best.end) or not _claimed(doc, q):
            continue
        said = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
        forms = {w for t in said or () for w in (t.lemma_.lower(), t.lower_)}
        carried = [bool(forms & words) for words in body.headline_forms]
        if sum(carried) >= max(_CLAIM_WORDS, _SUPPORTED_SCORE * len(carried)):
            return q
    return None


def _role(verb: Token, deps: set[str]) -> Token | None:
    """Who does (``_DOERS``) or undergoes (``_TARGETS``) ``verb``; a passive's agent by its noun."""
    for c in verb.children:
        if c.dep_ in deps:
            return (
                next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else c
            )
    return None


def _nouns(tok: Token | None) -> set[str]:
    if tok is None:
        return set()
    return {w for t in tok.subtree if t.pos_ in ("NOUN", "PROPN") for w in variants(t)}


Roles = tuple[Token, Token]  # doer, target


def _headline_roles(headline: DocSpan, verb: Token) -> Roles | None:
    """The headline verb's doer and target as parsed, or else the nouns either side of it
    (headline-ese the tagger misreads: 'Police arrest protesters')."""
    doer, target = _role(verb, _DOERS), _role(verb, _TARGETS)
    if doer is None or target is None:
        doer = next((t for t in reversed(headline[: verb.i - headline.start]) if _noun(t)), None)
        target = next((t for t in headline[verb.i - headline.start + 1 :] if _noun(t)), None)
    return None if doer is None or target is None else (doer, target)


def _name_words(tok: Token) -> set[str]:
    """The forms of a headline noun and of the nouns compounded into it ('Harlan Motors')."""
    words = variants(tok)
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            words |= variants(c)
    return words


def _noun(tok: Token) -> bool:
    """A noun, or a plural the tagger took for a verb ('Guards attack inmates')."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.tag_ == "VBZ"


def _swapped(headline: DocSpan, ours: Token, theirs: Token) -> tuple[Roles, Roles] | None:
    """The headline's and the body's doer and target when the body has them the other way
    round ('Police arrest protesters' / 'Protesters arrested two police officers')."""
    head = _headline_roles(headline, ours)
    doer, target = _role(theirs, _DOERS), _role(theirs, _TARGETS)
    if head is None or doer is None or target is None:
        return None
    h_doer, h_target = _name_words(head[0]), _name_words(head[1])
    if h_doer & _nouns(target) and h_target & _nouns(doer) and not h_doer & _nouns(doer):
        return head, (doer, target)
    return None


def _extent(tok: Token) -> tuple[int, int]:
    """The characters of a noun phrase up to its head ('two police officers')."""
    return tok.left_edge.idx, tok.idx + len(tok)


def _same_actor(doc: Doc, ours: str, theirs: str, s: Sentence | None) -> bool:
    """The same entity, one named inside the other ('LG', 'LG Display'), or ours named in ``s``."""
    if ours == theirs:
        return True
    names = {e.id: e.name.lower().split() for e in layers(doc).entities if e.id in (ours, theirs)}
    short, long = sorted((names[ours], names[theirs]), key=len)
    if any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return True
    return s is not None and any(
        eid == ours and s.start <= start < s.end
        for (start, _), eid in layers(doc).mention_entity.items()
    )


def _third_party(doc: Doc, ev: Reading, quote: Quote) -> bool:
    """Whether the quote is a person's claim about someone or something other than themself.

    A speaker speaks for the subject when it is the subject's entity, belongs to it
    ('its owner', 'their spokesman') or names it ('a spokesman for the factory'). What an
    institution reports in indirect speech ('police said') is sourcing, not someone's claim.
    """
    subj = _subject(ev.verb)
    if subj is None or subj.pos_ == "PRON" or quote.speaker is None:
        return False
    person = _person_speaking(doc, quote)
    if not person and quote.kind == "indirect" and not _claimed(doc, quote):
        return False  # 'police said', 'the airline said': a source's report, not an opinion
    speaker = doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
    own = speaker is not None and any(
        t.lower_ in _POSSESSIVES or t.lemma_.lower() == subj.lemma_.lower() for t in speaker
    )
    same = entity_for(doc, subj.idx, subj.idx + len(subj)) == quote.speaker.entity
    return not own and not (same and quote.speaker.entity is not None)


def _person_speaking(doc: Doc, quote: Quote) -> bool:
    """Whether a person speaks, not their office ('the county sheriff's office said')."""
    speaker = quote.speaker
    if speaker is None or not any(
        e.id == speaker.entity and e.type == "PERSON" for e in layers(doc).entities
    ):
        return False
    words = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return words is None or _mentions(doc, words.root.idx, speaker.entity)


def _mentions(doc: Doc, char: int, eid: str | None) -> bool:
    """Whether the word at ``char`` is in a mention of the entity ``eid``."""
    return eid is not None and any(
        s <= char < e and found == eid for (s, e), found in layers(doc).mention_entity.items()
    )


def _claimed(doc: Doc, quote: Quote) -> bool:
    """Whether the quote's cue makes it a contested claim ('campaigners claimed', 'alleged')."""
    if quote.cue is None:
        return False
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and cue.root.lemma_.lower() in lexicon().claim_cues


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


def _overlap_finding(doc: Doc, headline: tuple[int, int], verdict: str, body: Body) -> Finding:
    """A finding from word overlap alone, when no predicate of the headline is in the body."""
    if verdict == "unrelated" or not body.top:
        return Finding(
            headline=span(doc, *headline),
            explanation="Nothing in the body is about what the headline says.",
            verdict=verdict,
            kind="no_evidence",
        )
    s = body.top[0]
    explanation = (
        f"Paragraph {s.paragraph} carries most of the headline's words."
        if verdict == "supported"
        else f"No sentence of the body says this in so many words; the nearest is in paragraph "
        f"{s.paragraph}."
    )
    return Finding(
        headline=span(doc, *headline),
        evidence=[span(doc, s.start, s.end)],
        explanation=explanation,
        verdict=verdict,
        kind=None if verdict == "supported" else "no_evidence",
    )


# -- figures ----------------------------------------------------------------------------------


def _number_problems(doc: Doc, headline: DocSpan, body: Body) -> list[Problem]:
    """Headline figures the body's figures of the same thing do not carry."""
    text = doc_text(doc)
    heads = [
        Figure.of(doc, n)
        for n in find_numbers(text[headline.start_char : headline.end_char], headline.start_char)
    ]
    heads = [h for h in heads if h.n.unit or h.acts]  # 'Police arrest 40': what 40 counts
    if not heads:
        return []
    figures = [
        (Figure.of(doc, n), s)
        for s in body.sentences
        for n in find_numbers(text[s.start : s.end], s.start)
    ]
    problems = []
    for head in heads:
        h = head.n
        same = [(b.n, s) for b, s in figures if head.counts_as(b)]
        if any(_carries(b, h) for b, _ in same) or _carries_in_sum([b for b, _ in same], h):
            continue
        if not same:
            if not h.unit or any(
                _close(b.n.value, h.value) and not b.measure() for b, _ in figures
            ):
                continue  # a bare count the body never ties to the same act: nothing to compare
            explanation = f'The headline says "{h.text}"; the body gives no such figure.'
            problems.append(Problem("number_differs", (h.start, h.end), [], explanation))
            continue
        b, s = min(same, key=lambda bs: abs(bs[0].value - h.value))
        inflated = h.value > b.value or (h.value == b.value and b.bound == "at_most")
        explanation = (
            f'The headline says "{h.text}"; the body says {"only " if inflated else ""}'
            f'"{b.text}" (paragraph {s.paragraph}).'
        )
        kind = "number_inflated" if inflated else "number_differs"
        problems.append(Problem(kind, (h.start, h.end), [(b.start, b.end)], explanation))
    return problems


_COUNTED = {"dobj", "nsubj", "nsubjpass"}  # a figure a verb acts on: 'arrested 14', '40 killed'
_FIGURE_POS = {"NUM", "NOUN"}  # '... and 26 more on Saturday': a figure hung on the verb


@dataclass(frozen=True)
class Figure:
    """A figure with the verb acting on what it counts ('arrested 14 people' -> arrest)."""

    n: NumberMention
    acts: frozenset[str]

    @classmethod
    def of(cls, doc: Doc, n: NumberMention) -> Figure:
        found = doc.char_span(n.start, n.end, alignment_mode="expand")
        tok = found[-1] if found is not None else None
        if tok is not None and tok.dep_ == "nummod":
            tok = tok.head
        bounded = tok is not None and tok.dep_ == "pobj" and tok.head.idx >= n.start
        if bounded:  # 'close up to 45 stores': the bound's preposition hangs on the verb
            tok = tok.head
        while tok is not None and tok.dep_ == "conj" and tok.head.pos_ != "VERB":
            tok = tok.head  # '14 men and 26 women': the women were arrested too
        gapped = tok is not None and tok.dep_ == "conj" and tok.pos_ in _FIGURE_POS
        if (
            tok is None
            or not (tok.dep_ in _COUNTED or gapped or bounded)
            or tok.head.pos_ != "VERB"
        ):
            return cls(n, frozenset())
        forms = _with_synonyms(variants(tok.head))
        return cls(n, frozenset(forms - lexicon().light_verbs))

    def counts_as(self, other: Figure) -> bool:
        """The same unit, or counts of what the same act was done to ('40' and '14 people')."""
        if self.n.unit and self.n.unit == other.n.unit:
            return True
        return bool(self.acts & other.acts) and not (self.measure() or other.measure())

    def measure(self) -> bool:
        unit = self.n.unit
        return bool(unit) and (unit.isupper() or unit in lexicon().measure_units)


def _carries_in_sum(body: list[NumberMention], head: NumberMention) -> bool:
    """'14 people on Friday and 26 more on Saturday' carries a headline's 40."""
    exact = [b for b in body if b.bound is None and b.upper is None]
    if len(exact) < 2:
        return False
    total = replace(exact[0], value=sum(b.value for b in exact))
    return _carries(total, head)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _NUMBER_TOLERANCE * max(abs(a), abs(b))


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
    if body.bound in ("at_least", "about") or head.bound == "about":
        return low * (1 - _ROUNDING) <= value <= high * (1 + _ROUNDING)
    return low * (1 - _ROUNDING) <= value <= high * (1 + _NUMBER_TOLERANCE) or _rounded_down(
        low, value
    )


def _rounded_down(body: float, head: float) -> bool:
    """A round headline figure the body's rounds down to ('2,000' for 2,340), within a quarter."""
    if head <= 0 or head < body * (1 - _ROUNDED_DOWN):
        return False
    digits = len(str(int(head))) - len(str(int(head)).rstrip("0"))
    step = 10**digits
    return digits > 0 and head == head // step * step and body // step * step == head


# -- quotes in the headline -------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.lower().translate(APOSTROPHES)))


def _quote_problems(doc: Doc, headline: DocSpan, body: Body) -> list[Problem]:
    """Words quoted in the headline that nobody in the body says, or someone else says.

    A quote of one or two words may be a scare quote ('Zombie cat'): it is fine when
    its words are in the body in any form; a longer one must be there word for word.
    """
    text = doc_text(doc)
    quoted = find_quoted(text, [(headline.start_char, headline.end_char)])
    if not quoted:
        return []
    said = f" {_words(' '.join(text[s.start : s.end] for s in body.sentences))} "
    in_headline = [
        q for q in layers(doc).quotes if q.content.end <= headline.end_char and q.speaker
    ]
    problems = []
    for q in quoted:
        inner = _words(text[q.start + 1 : q.end - 1])
        if not inner:
            continue
        if f" {inner} " in said:
            speaker = next(
                (
                    h.speaker.entity
                    for h in in_headline
                    if h.content.start <= q.start < h.content.end
                ),
                None,
            )
            problem = _quoted_speaker(doc, q.start, q.end, inner, speaker, body)
            problems.extend([problem] if problem else [])
            continue
        if len(inner.split()) <= _SHORT_QUOTE:
            words = doc.char_span(q.start, q.end, alignment_mode="expand")
            if words is not None and all(
                variants(t) & body.vocabulary for t in words if t.is_alpha
            ):
                continue
        wanted = set(inner.split())
        overlap = {id(bq): len(wanted & set(_words(bq.content.text).split())) for bq in body.quotes}
        closest = max(body.quotes, key=lambda bq: overlap[id(bq)], default=None)
        evidence, tail = [], "."
        if closest is not None and overlap[id(closest)] >= 2:
            evidence = [(closest.content.start, closest.content.end)]
            who = closest.speaker.text if closest.speaker else "a source"
            tail = f"; the nearest is what {who} said (paragraph {_paragraph(body, closest)})."
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


def _quoted_speaker(
    doc: Doc, start: int, end: int, inner: str, speaker: str | None, body: Body
) -> Problem | None:
    """A headline quote the body has from someone other than the headline's speaker."""
    if speaker is None:
        return None
    sayers = [
        bq
        for bq in body.quotes
        if f" {inner} " in f" {_words(bq.content.text)} " and bq.speaker and bq.speaker.entity
    ]
    if not sayers or any(_same_actor(doc, speaker, bq.speaker.entity, None) for bq in sayers):
        return None
    bq = sayers[0]
    names = {e.id: e.name for e in layers(doc).entities}
    return Problem(
        "different_actor",
        (start, end),
        [(bq.content.start, bq.content.end), (bq.speaker.start, bq.speaker.end)],
        f"The headline has {names[speaker]} saying {doc_text(doc)[start:end]}; in the body "
        f"{names[bq.speaker.entity]} says it (paragraph {_paragraph(body, bq)}).",
    )


def _paragraph(body: Body, quote: Quote) -> int:
    starts = [s.start for s in body.sentences]
    i = max(bisect.bisect_right(starts, quote.content.start) - 1, 0)
    return body.sentences[i].paragraph
