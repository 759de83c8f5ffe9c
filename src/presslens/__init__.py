"""presslens: who said what, about whom, in news articles.

>>> import presslens
>>> a = presslens.analyze('"We will win," said Mayor Ana Ruiz.', published="2024-03-14")
>>> a.quotes[0].speaker.text
'Mayor Ana Ruiz'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from presslens.article import Article
from presslens.errors import InputError, ModelError, PresslensError
from presslens.pipeline import DEFAULT_MODEL, build_nlp
from presslens.schema import Analysis

__all__ = [
    "DEFAULT_MODEL",
    "Analysis",
    "Article",
    "InputError",
    "ModelError",
    "PresslensError",
    "analyze",
    "analyze_many",
]
__version__ = "0.1.0"


def analyze(
    text: str | Article,
    *,
    published: dt.date | str | None = None,
    headline: str | None = None,
    model: str = DEFAULT_MODEL,
    embeddings: bool = False,
) -> Analysis:
    """Analyse one article given as text (or an ``Article``).

    ``embeddings=True`` uses MiniLM as well (the optional extra; slower, more accurate):
    claims are scored with its sentence embeddings, framing is tagged by its fine-tuned
    tagger too.
    """
    article = (
        text
        if isinstance(text, Article)
        else Article.from_text(text, headline=headline, published=published)
    )
    return next(analyze_many([article], model=model, embeddings=embeddings))


def analyze_many(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    embeddings: bool = False,
    batch_size: int = 16,
) -> Iterator[Analysis]:
    """Analyse articles in order, streaming them through one spaCy pipeline."""
    from presslens.layers import analysis_from_doc, layers

    nlp = build_nlp(model, embeddings=embeddings)

    def docs() -> Iterator:
        for art in articles:
            doc = nlp.make_doc(art.text)
            layers(doc).article = art
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield analysis_from_doc(doc)
