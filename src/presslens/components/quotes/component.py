"""The ``presslens_quotes`` component: one linear pass over the parse, then the quotes."""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from presslens.components.quotes import confidence
from presslens.components.quotes.content import owners
from presslens.components.quotes.cues import CUE_THRESHOLD, Cues, according_to
from presslens.components.quotes.drafts import Draft, outside
from presslens.components.quotes.lexicon import CueLexicon
from presslens.components.quotes.speakers import without_cues_in_speakers
from presslens.components.quotes.verbless import continuations, headings, verbless
from presslens.lexicons import lexicon
from presslens.models.cues import CueModel, load_cue_model
from presslens.nlp.layers import doc_text, layers, span
from presslens.nlp.parse import block_sentences
from presslens.nlp.quoted import (
    NOT_SPEECH_BLOCKS,
    quote_blocks,
    quoted_stretches,
    token_quote_index,
)
from presslens.schema import Quote, Speaker
from presslens.text.spans import ByStart


class QuotesComponent:
    def __init__(
        self,
        lexicon: CueLexicon,
        cue_model: CueModel,
        cue_threshold: float = CUE_THRESHOLD,
    ) -> None:
        self.lex = lexicon
        self.cues = Cues(lexicon, cue_model, cue_threshold)

    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        blocks = quote_blocks(doc, speech_blocks=True)
        skipped = [(b.start, b.end) for b in lay.blocks if b.kind in NOT_SPEECH_BLOCKS]
        starts = [s for s, _ in blocks]
        quoted = quoted_stretches(doc, speech_blocks=True)
        token_quote = token_quote_index(doc, quoted)
        drafts: list[Draft] = []
        claimed: set[int] = set()

        def block_of(char: int) -> int:
            return bisect.bisect_right(starts, char) - 1

        tokens = list(doc)  # made once: iterating a sentence builds new Token objects
        for sent in block_sentences(doc, starts):
            if any(s <= sent.start_char < e for s, e in skipped):
                continue
            sent_quotes = sorted({q for q in token_quote[sent.start : sent.end] if q >= 0})
            cues = [
                t
                for t in tokens[sent.start : sent.end]
                if token_quote[t.i] < 0 and self.cues.is_cue(t)
            ]
            owner = owners(sent_quotes, cues, quoted, doc)
            found = [
                self.cues.attribution(doc, cue, sent, quoted, owner, token_quote, claimed)
                for cue in cues
            ]
            found.append(according_to(doc, sent, token_quote))
            for draft in found:
                if draft is not None:
                    draft.block = block_of(draft.start)
                    drafts.append(draft)
        drafts = without_cues_in_speakers(drafts, token_quote)
        drafts.extend(verbless(doc, quoted, blocks, claimed, block_of, token_quote, self.lex))
        drafts.extend(headings(doc, lay.blocks, drafts, block_of, self.lex))
        drafts.sort(key=lambda d: d.start)
        drafts = continuations(doc, drafts, quoted, claimed, block_of, self.lex)
        lay.quotes = self._finish(doc, drafts)
        return doc

    def _finish(self, doc: Doc, drafts: list[Draft]) -> list[Quote]:
        quotes: list[Quote] = []
        for n, d in enumerate(drafts):
            content = span(doc, d.start, d.end)
            channel = None
            if d.sentence is not None:
                around = outside(d.sentence.start_char, d.sentence.end_char, d.pieces)
                channel = self._channel(doc, d, around)
            speaker = None
            if d.speaker is not None:
                speaker = Speaker(
                    entity=d.speaker_entity,
                    start=d.speaker[0],
                    end=d.speaker[1],
                    text=doc_text(doc)[d.speaker[0] : d.speaker[1]],
                    anonymous=d.anonymous,
                )
            sure = round(d.confidence, confidence.DIGITS)
            quotes.append(
                Quote(
                    id=f"Q{n + 1}",
                    kind=d.kind,
                    content=content,
                    spans=[span(doc, s, e) for s, e in d.pieces] if len(d.pieces) > 1 else None,
                    cue=span(doc, *d.cue) if d.cue else None,
                    speaker=speaker,
                    channel=channel,
                    confidence=max(confidence.LOWEST, min(confidence.HIGHEST, sure)),
                )
            )
        _nest(quotes, drafts)
        return quotes

    def _channel(self, doc: Doc, d: Draft, around: list[tuple[int, int]]) -> str | None:
        """The channel the cue implies ('tweeted'), else the first named around the quote."""
        if d.cue_token is not None and d.cue_token.lemma_.lower() in self.lex.cue_channels:
            return self.lex.cue_channels[d.cue_token.lemma_.lower()]
        for s, e in around:
            m = self.lex.channel_pattern.search(doc_text(doc), s, e)
            if m:
                return self.lex.channel_of[m.group(0).lower()]
        return None


def _nest(quotes: list[Quote], drafts: list[Draft]) -> None:
    """Point ``embedded_in`` at the smallest other quote whose content holds this quote's cue."""
    contents = ByStart(quotes, lambda o: (o.content.start, o.content.end))
    for q, d in zip(quotes, drafts, strict=True):
        if d.cue is None:
            continue
        holders = [
            o
            for o in contents.may_contain(*d.cue)
            if o is not q and o.content.start <= d.cue[0] and d.cue[1] <= o.content.end
        ]
        if holders:
            q.embedded_in = min(holders, key=lambda o: o.content.end - o.content.start).id


@Language.factory("presslens_quotes", default_config={"cue_threshold": CUE_THRESHOLD})
def make_quotes(nlp: Language, name: str, cue_threshold: float) -> QuotesComponent:
    """``cue_threshold``: the cue-model probability from which a verb outside the lexicon is a
    cue."""
    return QuotesComponent(lexicon(CueLexicon), load_cue_model(), cue_threshold)
