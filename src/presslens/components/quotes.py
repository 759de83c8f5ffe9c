"""Quotes: who said what, direct, partial, mixed and indirect.

One linear pass over the parse. Quoted stretches come from ``quotemarks``; cues
are verbs from ``resources/quotes/cues.json`` (or accepted by the trained cue
model when it is installed) and "according to". A cue's subject is the speaker;
its content is the quoted stretch next to it, its clausal complement, the rest
of a parenthetical sentence, or what follows its colon. Verbless attributions
(``Mayor: "..."``, ``"..." — X``) and cueless continuations of a speaker's
quote are read from the text around the quoted stretches.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from presslens.lexicons import lexicon_from, load_json, phrase_pattern
from presslens.models.cues import load_cue_model
from presslens.nlp.layers import doc_text, entity_for, layers, span
from presslens.nlp.quoted import NOT_SPEECH_BLOCKS, SPEECH_MIN_WORDS, quoted_stretches
from presslens.nlp.syntax import NOMINAL_SUBJECTS
from presslens.schema import Quote, Speaker
from presslens.text.quotemarks import Pieces, Quoted

_SUBJECTS = NOMINAL_SUBJECTS | {"csubj"}  # who says: a nominal subject or "What ... is"
_SPEAKER_RIGHT = {"compound", "flat", "cc", "conj", "nmod", "nummod", "case"}
_RELATIVE = {"who", "that", "which"}
_ABOUT = {"about", "on", "of"}
_OBJECT_PREDICATES = {"oprd", "dobj"}  # 'called Obama an "ignorant baboon"' (a second object)
_PREDICATE_PREPS = {"as", "of", "for"}  # 'accused Ruiz of lying', 'praised Ruiz as a leader'
_WHEN = {"DATE", "TIME"}
_SPEAKER_TYPES = {"PERSON", "ORG"}
_MAX_NAME_TOKENS = 12  # a speaker's mention between a quotation and its cue is no longer
_DASH = re.compile(r"^[\s,.]*(?:—|–|―|--|-\s)\s*")
_HEADINGS = {"headline", "subheading"}
_HEADING_COLON = re.compile(r"\s*([^:.\n]{1,60}):\s")
_RARE_CUE_WEIGHT = -0.5  # cue-model weight of a verb below which it is never scored
_QUOTED_SHARE = 0.7  # a content at least this much inside quotation marks is the quotation
_PARTIAL_SHARE = 0.5  # an object content this much quoted is reported as the quoted phrase


@dataclass(frozen=True)
class CueLexicon:
    """The attribution vocabulary, read once from ``resources/quotes/cues.json``."""

    speech: frozenset[str]
    belief: frozenset[str]
    needs_quote: frozenset[str]
    xcomp: frozenset[str]
    object_content: frozenset[str]
    about_content: frozenset[str]
    prep_content: frozenset[str]
    prep_cues: frozenset[str]
    addressee_object: frozenset[str]
    channel_pattern: re.Pattern[str]
    channel_of: dict[str, str]
    cue_channels: dict[str, str]
    anonymity: re.Pattern[str]
    unnamed_heads: frozenset[str]
    pronouns: dict[str, str]

    @classmethod
    def load(cls) -> CueLexicon:
        data = load_json("quotes", "cues.json")
        channel_of = {p: name for name, phrases in data["channels"].items() for p in phrases}
        return lexicon_from(
            cls,
            data,
            belief=frozenset(data["belief"]) - frozenset(data["speech"]),
            channel_pattern=phrase_pattern(channel_of),
            channel_of=channel_of,
            anonymity=phrase_pattern(data["anonymity"]),
        )


@dataclass
class _Draft(Pieces):
    """A quote being built: character spans until it becomes a ``schema.Quote``."""

    kind: str
    pieces: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    confidence: float
    block: int
    cue_token: Token | None = None
    sentence: Span | None = None
    anonymous: bool = False
    speaker_entity: str | None = None


class QuotesComponent:
    def __init__(
        self,
        lexicon: CueLexicon,
        cue_model=None,
        cue_threshold: float = 0.5,
    ) -> None:
        self.lex = lexicon
        self.cue_model = cue_model
        self.cue_threshold = cue_threshold
        # Verbs the cue model has learnt are seldom cues: not worth scoring (keeps the stage cheap).
        self.rare_cues = frozenset(
            name.removeprefix("lemma=")
            for name, weight in (cue_model.weights.items() if cue_model else ())
            if name.startswith("lemma=") and weight < _RARE_CUE_WEIGHT
        )

    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        text = doc_text(doc)
        blocks = [(b.start, b.end) for b in lay.blocks if b.kind not in NOT_SPEECH_BLOCKS]
        if not lay.blocks:
            blocks = [(0, len(text))]
        skipped = [(b.start, b.end) for b in lay.blocks if b.kind in NOT_SPEECH_BLOCKS]
        starts = [s for s, _ in blocks]
        quoted = quoted_stretches(doc, speech_blocks=True)
        token_quote = _token_quote_index(doc, quoted)
        drafts: list[_Draft] = []
        claimed: set[int] = set()

        def block_of(char: int) -> int:
            return bisect.bisect_right(starts, char) - 1

        for sent in _units(doc, starts):
            if any(s <= sent.start_char < e for s, e in skipped):
                continue
            sent_quotes = sorted({token_quote[t.i] for t in sent if token_quote[t.i] >= 0})
            cues = [t for t in sent if token_quote[t.i] < 0 and self._is_cue(t)]
            owner = _owners(sent_quotes, cues, quoted, doc)
            for cue in cues:
                draft = self._from_cue(doc, cue, sent, quoted, owner, token_quote, claimed)
                if draft is not None:
                    draft.block = block_of(draft.start)
                    drafts.append(draft)
            according = self._according_to(doc, sent, token_quote)
            if according is not None:
                according.block = block_of(according.start)
                drafts.append(according)
        heads = [
            _subject(d.cue_token, token_quote)
            for d in drafts
            if d.cue_token is not None and not _in_relative_clause(d)
        ]
        speakers = [(h, h.left_edge.idx, _end_char(h.right_edge)) for h in heads if h is not None]
        drafts = [  # a cue inside a speaker's phrase is part of that phrase ('an official who
            d  # spoke on condition of anonymity said'), unless it is what the speaker did
            for d in drafts
            if d.cue is None
            or _in_relative_clause(d)
            or not any(
                s <= d.cue[0] < e and not _predicate_of(d.cue_token, h) for h, s, e in speakers
            )
        ]
        drafts.extend(self._verbless(doc, quoted, blocks, claimed, block_of, token_quote))
        drafts.extend(self._headings(doc, lay.blocks, drafts, block_of))
        drafts.sort(key=lambda d: d.start)
        drafts = self._continuations(doc, drafts, quoted, claimed, block_of)
        lay.quotes = self._finish(doc, drafts)
        return doc

    # -- cues -----------------------------------------------------------------------------

    def _knows(self, lemma: str) -> bool:
        """Whether a cue is in the lexicon (not only found by the cue model)."""
        return lemma in self.lex.speech or lemma in self.lex.belief

    def _is_cue(self, tok: Token) -> bool:
        if tok.pos_ != "VERB":
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.lex.speech or lemma in self.lex.belief:
            return True
        if self.cue_model is None or lemma in self.rare_cues or _subject(tok) is None:
            return False
        has_content = any(c.dep_ == "ccomp" for c in tok.children) or (
            _object_like(tok, self.lex) is not None
        )
        return has_content and self.cue_model.probability(tok) >= self.cue_threshold

    def _from_cue(
        self,
        doc: Doc,
        cue: Token,
        sent: Span,
        quoted: list[Quoted],
        owner: dict[int, int],
        token_quote: list[int],
        claimed: set[int],
    ) -> _Draft | None:
        lemma = cue.lemma_.lower()
        mine = [q for q, i in owner.items() if i == cue.i and q not in claimed]
        clause, from_object = _content(cue, sent, self.lex)
        speaker_tok = _subject(cue, token_quote) or _name_after_quote(cue, token_quote)
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
            if not self._knows(lemma) and not any(
                _is_speech(doc, *quoted[q].pieces[0]) for q in inside
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
            if kind == "partial" and not any(_is_speech(doc, *quoted[q].pieces[0]) for q in mine):
                return None  # 'spoke of "night vision"': a phrase the cue does not report
            pieces = _pieces(quoted, mine)
            claimed.update(mine)
        else:
            q = _after_colon(doc, cue, token_quote)
            if q is None or q in claimed:
                return None
            kind, pieces = "direct", list(quoted[q].pieces)
            claimed.add(q)
        if not pieces:
            return None
        if lemma in self.lex.speech:
            confidence = 0.9 if kind in ("direct", "partial") else 0.8
        else:
            confidence = 0.6
        if lemma not in self.lex.speech and lemma not in self.lex.belief:
            confidence = round(0.8 * self.cue_model.probability(cue), 3) if self.cue_model else 0.5
        speaker = _speaker_span(speaker_tok, token_quote) if speaker_tok is not None else None
        relative = next((c for c in cue.children if c.lower_ in _RELATIVE), None)
        if speaker is not None and cue.dep_ == "relcl" and relative is not None:
            speaker = (speaker[0], max(speaker[1], _end_char(relative)))  # 'Ruiz, who'
        if speaker is None:
            if kind in ("direct", "partial") and not _is_speech(doc, pieces[0][0], pieces[-1][1]):
                return None  # 'the so-called "reform"': a scare quote
            confidence -= 0.2
        return _Draft(
            kind=kind,
            pieces=pieces,
            cue=(cue.idx, _end_char(cue)),
            speaker=speaker,
            confidence=confidence,
            block=0,
            cue_token=cue,
            sentence=sent,
        )

    def _according_to(self, doc: Doc, sent: Span, token_quote: list[int]) -> _Draft | None:
        if "ccording" not in doc_text(doc)[sent.start_char : sent.end_char]:
            return None  # cheap test before walking the tokens
        for tok in sent:
            if tok.lower_ != "according" or tok.i + 1 >= sent.end or token_quote[tok.i] >= 0:
                continue
            to = doc[tok.i + 1]
            if to.lower_ != "to":
                continue
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            phrase_end = pobj.right_edge.i + 1
            before = (sent.start_char, tok.idx)
            after = (doc[phrase_end].idx if phrase_end < sent.end else sent.end_char, sent.end_char)
            pieces = [_trim(doc_text(doc), *p) for p in (before, after)]
            pieces = [p for p in pieces if p[1] - p[0] > 1]
            if not pieces:
                continue
            return _Draft(
                kind="indirect",
                pieces=pieces,
                cue=(tok.idx, _end_char(to)),
                speaker=_speaker_span(pobj),
                confidence=0.85,
                block=0,
                cue_token=tok,
                sentence=sent,
            )
        return None

    # -- attributions without a cue verb -------------------------------------------------

    def _verbless(self, doc, quoted, blocks, claimed, block_of, token_quote) -> list[_Draft]:
        """``Mayor: "..."``, ``Ruiz was blunt: "..."`` and ``"..." — Mayor Ana Ruiz``."""
        text = doc_text(doc)
        found = []
        for n, q in enumerate(quoted):
            if n in claimed:
                continue
            b = block_of(q.start)
            lo, hi = blocks[b]
            head = text[lo : q.start]
            colon = head.rstrip()
            if colon.endswith(":"):
                at = lo + len(colon) - 1
                who = None
                if 0 < len(colon) - 1 <= 60 and "." not in colon:
                    who = _trim(text, lo, at)
                    who = who if self._looks_like_speaker(doc, *who) else None
                who = who or self._clause_subject(doc, lo, at, token_quote)
                if who is not None:
                    claimed.add(n)
                    found.append(_Draft("direct", list(q.pieces), (at, at + 1), who, 0.8, b))
                    continue
            tail_end = hi if len(q.pieces) == 1 else blocks[block_of(q.end)][1]
            line_end = text.find("\n", q.end, tail_end)
            tail_end = line_end if line_end >= 0 else tail_end
            tail = text[q.end : tail_end]
            dash = _DASH.match(tail)
            if dash and 0 < len(tail) - dash.end() <= 60:
                who = _trim(text, q.end + dash.end(), tail_end)
                who = (who[0], who[1] - 1) if text[who[1] - 1] in ".;" else who
                if self._looks_like_speaker(doc, *who):
                    claimed.add(n)
                    cue = (q.end + dash.start(), q.end + dash.end())
                    found.append(_Draft("direct", list(q.pieces), _trim(text, *cue), who, 0.8, b))
        return found

    def _headings(self, doc: Doc, all_blocks, drafts: list[_Draft], block_of) -> list[_Draft]:
        """``Caddell: Voters Worried About Health`` in a headline or subheading."""
        text = doc_text(doc)
        taken = [(d.start, d.end) for d in drafts]
        found = []
        for block in all_blocks:
            if block.kind not in _HEADINGS:
                continue
            m = _HEADING_COLON.match(text, block.start, block.end)
            if m is None or any(s < block.end and block.start < e for s, e in taken):
                continue
            who = _trim(text, block.start, m.end(1))
            content = _trim(text, m.end(), block.end)
            if content[1] - content[0] > 1 and self._looks_like_speaker(doc, *who):
                found.append(
                    _Draft(
                        "indirect",
                        [content],
                        (m.end(1), m.end(1) + 1),
                        who,
                        0.6,
                        block_of(content[0]),
                    )
                )
        return found

    def _clause_subject(
        self, doc: Doc, lo: int, colon: int, token_quote: list[int]
    ) -> tuple[int, int] | None:
        """The person or organisation whose clause (from char ``lo`` on) ends at the colon at
        char ``colon``: 'Priya Nand, an engineer, was blunt:'; else None."""
        words = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if words is None:
            return None
        end = words[0].i
        start = words[0].sent.start
        while start < end and doc[start].idx < lo:
            start += 1
        types = {e.id: e.type for e in layers(doc).entities}
        for tok in doc[start:end]:
            verb = tok.head
            if (
                tok.dep_ not in _SUBJECTS
                or tok.lower_ in _RELATIVE
                or token_quote[tok.i] >= 0
                or not start <= verb.i < end
                or (start <= verb.head.i < end and verb.head is not verb)
            ):
                continue
            who = _speaker_span(tok, token_quote)
            entity = entity_for(doc, *who)
            if types.get(entity) in _SPEAKER_TYPES or self.lex.pronouns.get(tok.lower_) in (
                "PERSON",
                "ANY",
            ):
                return who
        return None

    def _looks_like_speaker(self, doc: Doc, start: int, end: int) -> bool:
        words = doc.char_span(start, end, alignment_mode="expand")
        if words is None or not 0 < len(words) <= 8:
            return False
        return all(t.pos_ not in ("VERB", "AUX") for t in words) and any(
            t.pos_ in ("PROPN", "NOUN") for t in words
        )

    # -- cueless continuations -----------------------------------------------------------

    def _continuations(self, doc, drafts, quoted, claimed, block_of) -> list[_Draft]:
        """Quoted speech with no cue carries on the quote just before it (in its paragraph or
        the one before): a direct quote stays direct, any other becomes mixed."""
        out: list[_Draft] = []
        pending = sorted((quoted[n].start, n) for n in range(len(quoted)) if n not in claimed)
        k = 0
        for draft in [*drafts, None]:
            limit = draft.start if draft is not None else len(doc_text(doc)) + 1
            while k < len(pending) and pending[k][0] < limit:
                q = quoted[pending[k][1]]
                k += 1
                if not _is_speech(doc, q.start, q.end):
                    continue
                prev = out[-1] if out else None
                b = block_of(q.start)
                if prev is None or prev.speaker is None or b - prev.block > 1:
                    continue
                if prev.end <= q.start:  # the speech goes on, here or a paragraph on
                    prev.pieces.extend(q.pieces)
                    prev.kind = "direct" if prev.kind == "direct" else "mixed"
                    prev.block = b
                    continue
                out.append(
                    _Draft(
                        "direct",
                        list(q.pieces),
                        None,
                        prev.speaker,
                        round(min(prev.confidence, 0.9) - 0.25, 3),
                        b,
                        anonymous=prev.anonymous,
                        speaker_entity=prev.speaker_entity,
                    )
                )
            if draft is not None:
                self._resolve_speaker(doc, draft, out)
                out.append(draft)
        return out

    # -- speakers, channel, nesting ------------------------------------------------

    def _resolve_speaker(self, doc: Doc, draft: _Draft, before: list[_Draft]) -> None:
        if draft.speaker is None:
            return
        start, end = draft.speaker
        words = doc_text(doc)[start:end]
        entity = entity_for(doc, start, end)
        pronoun = self.lex.pronouns.get(words.lower())
        if entity is None and pronoun is not None:
            entity = _previous_entity(doc, start, pronoun, before)
        draft.speaker_entity = entity
        if entity is None and pronoun is None:
            context = doc_text(doc)[start : draft.sentence.end_char] if draft.sentence else words
            head = words.split()[-1].lower() if words.split() else ""
            draft.anonymous = bool(self.lex.anonymity.search(context)) or (
                head in self.lex.unnamed_heads and not words[:1].isupper()
            )

    def _finish(self, doc: Doc, drafts: list[_Draft]) -> list[Quote]:
        quotes: list[Quote] = []
        for n, d in enumerate(drafts):
            content = span(doc, d.start, d.end)
            channel = None
            if d.sentence is not None:
                outside = _outside(d.sentence.start_char, d.sentence.end_char, d.pieces)
                channel = self._channel(doc, d, outside)
            speaker = None
            if d.speaker is not None:
                speaker = Speaker(
                    entity=d.speaker_entity,
                    start=d.speaker[0],
                    end=d.speaker[1],
                    text=doc_text(doc)[d.speaker[0] : d.speaker[1]],
                    anonymous=d.anonymous,
                )
            quotes.append(
                Quote(
                    id=f"Q{n + 1}",
                    kind=d.kind,
                    content=content,
                    spans=[span(doc, s, e) for s, e in d.pieces] if len(d.pieces) > 1 else None,
                    cue=span(doc, *d.cue) if d.cue else None,
                    speaker=speaker,
                    channel=channel,
                    confidence=max(0.05, min(0.99, round(d.confidence, 3))),
                )
            )
        _nest(quotes, drafts)
        return quotes

    def _channel(self, doc: Doc, d: _Draft, outside: list[tuple[int, int]]) -> str | None:
        if d.cue_token is not None and d.cue_token.lemma_.lower() in self.lex.cue_channels:
            return self.lex.cue_channels[d.cue_token.lemma_.lower()]
        for s, e in outside:
            m = self.lex.channel_pattern.search(doc_text(doc), s, e)
            if m:
                return self.lex.channel_of[m.group(0).lower()]
        return None


# -- helpers on the parse -----------------------------------------------------------------


def _in_relative_clause(d: _Draft) -> bool:
    """'Ruiz, who said the plan failed, ...': a quote of its own, not part of a speaker."""
    cue = d.cue_token
    return cue is not None and cue.dep_ == "relcl" and any(c.dep_ == "ccomp" for c in cue.children)


def _end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces and commas."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _token_quote_index(doc: Doc, quoted: list[Quoted]) -> list[int]:
    """For every token, the index of the quoted stretch it lies in, or -1."""
    index = [-1] * len(doc)
    for n, q in enumerate(quoted):
        for s, e in q.pieces:
            words = doc.char_span(s, e, alignment_mode="expand")
            if words is not None:
                for t in words:
                    index[t.i] = n
    return index


def _xcomp(tok: Token, lex: CueLexicon) -> Token | None:
    if tok.lemma_.lower() not in lex.xcomp:
        return None
    return next((c for c in tok.children if c.dep_ == "xcomp"), None)


def _subject(cue: Token, token_quote: list[int] | None = None) -> Token | None:
    """The speaker's head token: the cue's subject, inherited through 'adding', 'saying', 'and'.

    With ``token_quote`` a subject inside quotation marks is skipped: in '"... our children,"
    said Ruiz' the parser may take a phrase of the quote for a second subject."""
    tok = cue
    for _ in range(3):
        subj = next(
            (
                c
                for c in tok.children
                if c.dep_ in _SUBJECTS and (token_quote is None or token_quote[c.i] < 0)
            ),
            None,
        )
        if subj is None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subj is not None:
            if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):  # 'Murphy ... tweeted'
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # 'began by saying'
            tok = tok.head
        elif tok.dep_ not in ("advcl", "conj", "xcomp", "parataxis") or tok.head is tok:
            return None
        tok = tok.head
    return None


def _name_after_quote(cue: Token, token_quote: list[int]) -> Token | None:
    """The head of the mention between a closing quotation and its cue when the parser gave the
    cue no subject: '"...," Ramos, 58, told AFP'."""
    i = cue.i - 1
    while i >= cue.sent.start and token_quote[i] < 0:
        i -= 1
    if i < cue.sent.start or cue.i - i > _MAX_NAME_TOKENS:
        return None
    return next(
        (
            t
            for t in cue.doc[i + 1 : cue.i]
            if t.pos_ in ("PROPN", "NOUN", "PRON") and not i < t.head.i < cue.i
        ),
        None,
    )


def _predicate_of(cue: Token | None, head: Token) -> bool:
    """Whether ``cue`` is what ``head`` said, hung on it as a modifier by the parser: 'The
    opposition alleged on Tuesday that ...' read as 'the opposition [that was] alleged', not
    a modifier like 'a stream called Miracle Run' (it has no reported clause)."""
    while cue is not None and cue.dep_ == "conj":
        cue = cue.head
    return (
        cue is not None
        and cue.dep_ == "acl"
        and cue.head == head
        and any(c.dep_ == "ccomp" for c in cue.children)
    )


def _speaker_span(head: Token, token_quote: list[int] | None = None) -> tuple[int, int]:
    """The speaker mention: the head with its left modifiers and tight right ones, never
    reaching into a quotation (with ``token_quote``: the parser may hang one on the head)."""
    outside = head.left_edge.i
    if token_quote is not None:
        outside = (
            next(
                i
                for i in range(head.i, head.left_edge.i - 2, -1)
                if i < head.left_edge.i or token_quote[i] >= 0
            )
            + 1
        )
    start = head.doc[outside].idx
    end = _end_char(head)
    for child in head.rights:
        if child.dep_ not in _SPEAKER_RIGHT and not (child.dep_ == "prep" and child.lower_ == "of"):
            break
        if token_quote is not None and token_quote[child.right_edge.i] >= 0:
            break
        end = _end_char(child.right_edge)
    return start, end


def _content(cue: Token, sent: Span, lex: CueLexicon) -> tuple[list[tuple[int, int]], bool]:
    """Character pieces of the cue's reported content within ``sent``, and whether it is the
    cue's object ("praised the plan") rather than a clause ("said that ...")."""
    text = doc_text(cue.doc)
    lemma = cue.lemma_.lower()
    comp = (
        next((c for c in cue.children if c.dep_ == "ccomp"), None)
        or _xcomp(cue, lex)
        or _that_clause_in_prep(cue)
    )
    from_object = False
    if comp is None and lemma in lex.object_content:
        comp = next((c for c in cue.children if c.dep_ in ("dobj", "oprd")), None)
        from_object = comp is not None
    if comp is None and lemma not in lex.belief and _subject(cue) is not None:
        comp = _object_like(cue, lex)
        from_object = comp is not None
    if comp is None and lemma in lex.about_content:
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in _ABOUT), None)
        comp = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        comp = None if comp is not None and comp.ent_type_ in _WHEN else comp
        from_object = comp is not None
    if comp is not None:
        left, right = comp.left_edge, comp.right_edge
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if (
            not from_object
            and obj is not None
            and obj.right_edge.i + 1 == left.i
            and not any(c.dep_ in _SUBJECTS for c in comp.children)
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
        start, end = max(left.idx, sent.start_char), min(_end_char(right), sent.end_char)
        return ([_trim(text, start, end)] if end > start else []), from_object
    if cue.dep_ == "parataxis":  # 'The plan, he said, is dead.': the sentence around the cue
        cue_clause = [(cue.left_edge.idx, _end_char(cue.right_edge))]
        pieces = [
            _trim(text, s, e) for s, e in _outside(sent.start_char, sent.end_char, cue_clause)
        ]
        return [(s, e) for s, e in pieces if e - s > 1], False
    return [], False


def _prep_object(cue: Token, preps: frozenset[str] | None = None) -> Token | None:
    """The object of the cue's first preposition (of ``preps`` when given)."""
    for prep in cue.children:
        if prep.dep_ == "prep" and (preps is None or prep.lower_ in preps):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _object_like(cue: Token, lex: CueLexicon) -> Token | None:
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


def _units(doc: Doc, block_starts: list[int]) -> list[Span]:
    """The sentences of ``doc``, also cut where a block starts."""
    cuts = iter(block_starts)
    cut = next(cuts, None)
    units = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            while cut is not None and cut < tok.idx:
                cut = next(cuts, None)
            if cut is not None and tok.idx == cut and tok.i > start:
                units.append(doc[start : tok.i])
                start = tok.i
        units.append(doc[start : sent.end])
    return [u for u in units if u.text.strip()]


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


def _owners(
    sent_quotes: list[int], cues: list[Token], quoted: list[Quoted], doc: Doc
) -> dict[int, int]:
    """Each quoted stretch of the sentence goes to (the index of) the cue that governs it in the
    parse, else to the nearest cue outside it."""
    owner: dict[int, int] = {}
    cue_ids = {t.i for t in cues}
    for q in sent_quotes:
        words = doc.char_span(quoted[q].start, quoted[q].end, alignment_mode="expand")
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


def _is_fragment(doc: Doc, cue: Token, q: Quoted) -> bool:
    """Whether a quoted stretch is a phrase inside the cue's own clause ('called it "a gift"')."""
    words = doc.char_span(q.start, q.end, alignment_mode="expand")
    if words is None or q.start < cue.idx or len(q.pieces) > 1:
        return False
    root = words.root
    return root.dep_ not in ("ccomp", "parataxis", "ROOT") and cue.is_ancestor(root)


def _gap(tok: Token, q: Quoted) -> int:
    """Characters between a token and a quoted stretch."""
    return q.start - _end_char(tok) if tok.idx < q.start else tok.idx - q.end


def _is_speech(doc: Doc, start: int, end: int) -> bool:
    """Whether a quoted stretch reads as speech rather than a scare quote or a title."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return False
    n = sum(1 for t in words if not t.is_punct)
    return n >= SPEECH_MIN_WORDS and (
        any(t.pos_ in ("VERB", "AUX") for t in words) or words[-2:].text[:1] in ".!?"
    )


def _previous_entity(doc: Doc, start: int, kind: str, before: list[_Draft]) -> str | None:
    """For a pronoun speaker: the speaker of the latest quote, else the latest fitting mention."""
    for d in reversed(before):
        if d.speaker_entity is not None:
            return d.speaker_entity
    lay = layers(doc)
    types = {e.id: e.type for e in lay.entities}
    fits = [
        (s, eid)
        for (s, _), eid in lay.mention_entity.items()
        if s < start and (kind == "ANY" or types.get(eid) == kind)
    ]
    return max(fits)[1] if fits else None


def _outside(start: int, end: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``start:end`` not covered by ``pieces``."""
    out, pos = [], start
    for s, e in sorted(pieces):
        if s > pos:
            out.append((pos, min(s, end)))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


def _nest(quotes: list[Quote], drafts: list[_Draft]) -> None:
    """Point ``embedded_in`` at the smallest other quote whose content holds this quote's cue."""
    for q, d in zip(quotes, drafts, strict=True):
        if d.cue is None:
            continue
        holders = [
            o
            for o in quotes
            if o is not q and o.content.start <= d.cue[0] and d.cue[1] <= o.content.end
        ]
        if holders:
            q.embedded_in = min(holders, key=lambda o: o.content.end - o.content.start).id


@Language.factory("presslens_quotes", default_config={"cue_threshold": 0.5})
def make_quotes(nlp: Language, name: str, cue_threshold: float) -> QuotesComponent:
    return QuotesComponent(CueLexicon.load(), load_cue_model(), cue_threshold)
