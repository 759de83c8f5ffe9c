"""Quotes: who said what, direct, partial, mixed and indirect.

One linear pass over the parse (``component``). Quoted stretches come from ``nlp.quoted``;
cues (``cues``) are verbs from ``resources/lexicons/quotes/cues.json`` (``lexicon``) or
accepted by the trained cue model, and "according to". A cue's subject is the speaker
(``speakers``); its content (``content``) is the quoted stretch next to it, its clausal
complement, the rest of a parenthetical sentence, or what follows its colon. Verbless
attributions (``Mayor: "..."``, ``"..." — X``) and cueless continuations of a speaker's quote
are read from the text around the quoted stretches (``verbless``). How sure each kind of
attribution is: ``confidence``.
"""

from presslens.components.quotes.component import QuotesComponent, make_quotes
from presslens.components.quotes.lexicon import CueLexicon

__all__ = ["CueLexicon", "QuotesComponent", "make_quotes"]
