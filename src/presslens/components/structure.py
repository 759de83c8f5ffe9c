"""Article structure: headline, paragraphs and the other blocks; sentence starts at block starts."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from presslens.layers import layers
from presslens.schema import Block

_BLOCK = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


class StructureComponent:
    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        blocks = [
            Block(kind="paragraph", start=m.start(), end=m.end()) for m in _BLOCK.finditer(doc.text)
        ]
        if blocks:
            blocks[0] = Block(kind="headline", start=blocks[0].start, end=blocks[0].end)
            lay.headline = (blocks[0].start, blocks[0].end)
        lay.blocks = blocks
        return doc


@Language.factory("presslens_structure")
def make_structure(nlp: Language, name: str) -> StructureComponent:
    return StructureComponent()
