"""Cues: the verbs of the lexicon or the trained cue model, and "according to"; what each
attributes to whom, and how surely."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presslens.components.quotes import confidence
from presslens.components.quotes.content import is_speech, object_like, reported
from presslens.components.quotes.drafts import Draft, trim
from presslens.components.quotes.lexicon import CueLexicon
from presslens.components.quotes.speakers import (
    name_after_quote,
    non_restrictive,
    participle_subject,
    speaker_head,
    speaker_span,
    subject,
)
from presslens.models.cues import CueModel
from presslens.nlp.layers import doc_text
from presslens.nlp.parse import end_char, first_child
from presslens.text.quotemarks import Quoted

CUE_THRESHOLD = 0.5  # the cue-model probability from which a verb outside the lexicon is a cue
_RARE_CUE_WEIGHT = -0.5  # cue-model weight of a verb below which it is never scored
_VERBATIM = ("direct", "partial")  # the kinds that report the speaker's own words


class Cues:
    """The cues of the lexicon, and the verbs the trained cue model accepts."""

    def __init__(self, lex: CueLexicon, model: CueModel, threshold: float) -> None:
        self.lex = lex
        self.model = model
        self.threshold = threshold
        # Verbs the cue model has learnt are seldom cues: not worth scoring (keeps the stage cheap).
        self.rare = frozenset(
            name.removeprefix("lemma=")
            for name, weight in model.weights.items()
            if name.startswith("lemma=") and weight < _RARE_CUE_WEIGHT
        )

    def is_cue(self, tok: Token) -> bool:
        if tok.pos_ != "VERB":
            return False
        lemma = tok.lemma_.lower()
        if self.lex.knows(lemma):
            return True
        if lemma in self.rare or subject(tok) is None:
            return False
        has_content = first_child(tok, "ccomp") is not None or (
            object_like(tok, self.lex) is not None
        )
        return has_content and self.model.probability(tok) >= self.threshold

    def attribution(
        self,
        doc: Doc,
        cue: Token,
        sent: Span,
        quoted: list[Quoted],
        owner: dict[int, int],
        token_quote: list[int],
        claimed: set[int],
    ) -> Draft | None:
        """What the cue ``cue`` reports in ``sent`` and who says it; the quoted stretches it
        takes are added to ``claimed``."""
        mine = [q for q, i in owner.items() if i == cue.i and q not in claimed]
        found = reported(doc, cue, sent, quoted, mine, token_quote, claimed, self.lex)
        if found is None:
            return None
        kind, pieces = found
        sure = self._confidence(cue, kind)
        speaker_tok = (
            subject(cue, token_quote)
            or participle_subject(cue, token_quote, self.lex)
            or name_after_quote(cue, token_quote)
        )
        if (
            speaker_tok is None
            and kind in _VERBATIM
            and not is_speech(doc, pieces[0][0], pieces[-1][1])
        ):
            return None  # 'the so-called "reform"': a scare quote
        if speaker_tok is not None:
            speaker_tok = speaker_head(speaker_tok, cue, self.lex)
        speaker = None
        if speaker_tok is not None:
            speaker = speaker_span(speaker_tok, token_quote)
            speaker = non_restrictive(speaker, speaker_tok, cue, self.lex)  # 'Ruiz, who'
        else:
            sure -= confidence.NO_SPEAKER
        return Draft(
            kind=kind,
            pieces=pieces,
            cue=(cue.idx, end_char(cue)),
            speaker=speaker,
            confidence=sure,
            block=0,
            cue_token=cue,
            sentence=sent,
        )

    def _confidence(self, cue: Token, kind: str) -> float:
        lemma = cue.lemma_.lower()
        if lemma in self.lex.speech:
            return confidence.QUOTED_SPEECH if kind in _VERBATIM else confidence.REPORTED_SPEECH
        if lemma in self.lex.belief:
            return confidence.BELIEF
        return round(confidence.REPORTED_SPEECH * self.model.probability(cue), confidence.DIGITS)


def according_to(doc: Doc, sent: Span, token_quote: list[int]) -> Draft | None:
    """'According to Ruiz, the plan failed': the rest of the sentence, said by Ruiz."""
    if "ccording" not in doc_text(doc)[sent.start_char : sent.end_char]:
        return None  # cheap test before walking the tokens
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or token_quote[tok.i] >= 0:
            continue
        to = doc[tok.i + 1]
        if to.lower_ != "to":
            continue
        pobj = first_child(to, "pobj")
        if pobj is None:
            continue
        phrase_end = pobj.right_edge.i + 1
        before = (sent.start_char, tok.idx)
        after = (doc[phrase_end].idx if phrase_end < sent.end else sent.end_char, sent.end_char)
        pieces = [trim(doc_text(doc), *p) for p in (before, after)]
        pieces = [p for p in pieces if p[1] - p[0] > 1]
        if not pieces:
            continue
        return Draft(
            kind="indirect",
            pieces=pieces,
            cue=(tok.idx, end_char(to)),
            speaker=speaker_span(pobj),
            confidence=confidence.ACCORDING_TO,
            block=0,
            cue_token=tok,
            sentence=sent,
        )
    return None
