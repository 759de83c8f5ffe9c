"""The quoted stretches of a Doc, found once per Doc and shared by the stages that read them."""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.nlp.layers import doc_text, layers
from presslens.nlp.parse import tokens_over
from presslens.text.quotemarks import Quoted, find_quoted

NOT_SPEECH_BLOCKS = frozenset({"caption", "credit"})  # never speech: no quote is read there
SPEECH_MIN_WORDS = 4  # a shorter quoted stretch without a cue is a scare quote or a title


def quote_blocks(doc: Doc, *, speech_blocks: bool = False) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the blocks quotations are read in: every block, or with
    ``speech_blocks=True`` those that can hold speech; the whole text when there are none."""
    lay = layers(doc)
    if not lay.blocks:
        return [(0, len(doc_text(doc)))]
    return [
        (b.start, b.end) for b in lay.blocks if not (speech_blocks and b.kind in NOT_SPEECH_BLOCKS)
    ]


def quoted_stretches(doc: Doc, *, speech_blocks: bool = False) -> list[Quoted]:
    """The quoted stretches of ``doc`` (computed once per Doc and kind).

    Over every block by default; ``speech_blocks=True`` reads only the blocks that can
    hold speech (not captions or credits), where an open quotation is carried over to the
    next such block: so the two can differ, and each is cached on its own.
    """
    lay = layers(doc)
    if speech_blocks not in lay.quoted:
        blocks = quote_blocks(doc, speech_blocks=speech_blocks)
        lay.quoted[speech_blocks] = find_quoted(doc_text(doc), blocks)
    return lay.quoted[speech_blocks]


def token_quote_index(doc: Doc, quoted: list[Quoted]) -> list[int]:
    """For every token of ``doc``, the index in ``quoted`` of the stretch it lies in, or -1."""
    index = [-1] * len(doc)
    for n, q in enumerate(quoted):
        for s, e in q.pieces:
            words = tokens_over(doc, s, e)
            if words is not None:
                index[words.start : words.end] = [n] * len(words)
    return index
