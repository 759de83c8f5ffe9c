"""Quotes: who said what, direct, partial, mixed and indirect."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.layers import layers


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        layers(doc).quotes = []
        return doc


@Language.factory("presslens_quotes")
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
