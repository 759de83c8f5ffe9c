"""The quoted stretches of a Doc, found once per Doc and shared by the stages that read them."""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.nlp.layers import doc_text, layers
from presslens.text.quotemarks import Quoted, find_quoted

NOT_SPEECH_BLOCKS = frozenset({"caption", "credit"})  # never speech: no quote is read there
SPEECH_MIN_WORDS = 4  # a shorter quoted stretch without a cue is a scare quote or a title


def quoted_stretches(doc: Doc, *, speech_blocks: bool = False) -> list[Quoted]:
    """The quoted stretches of ``doc`` (computed once per Doc and kind).

    Over every block by default; ``speech_blocks=True`` reads only the blocks that can
    hold speech (not captions or credits), where an open quotation is carried over to the
    next such block: so the two can differ, and each is cached on its own.
    """
    lay = layers(doc)
    if speech_blocks not in lay.quoted:
        text = doc_text(doc)
        blocks = [
            (b.start, b.end)
            for b in lay.blocks
            if not (speech_blocks and b.kind in NOT_SPEECH_BLOCKS)
        ]
        if not lay.blocks:
            blocks = [(0, len(text))]
        lay.quoted[speech_blocks] = find_quoted(text, blocks)
    return lay.quoted[speech_blocks]
