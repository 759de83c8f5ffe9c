"""The forms a word is looked up by: its lemma, its bare forms, the synonyms carrying it."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.components.headline.lexicon import HeadlineLexicon
from presslens.lexicons import lexicon


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


def with_synonyms(forms: set[str]) -> set[str]:
    """``forms`` and the words the lexicon gives as carrying them."""
    lex = lexicon(HeadlineLexicon)
    return forms | {s for f in forms for s in lex.synonyms.get(f, ())}
