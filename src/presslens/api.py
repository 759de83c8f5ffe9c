"""The Python API: analyse one article, many in order, or a stream that records failures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import islice

from presslens.errors import PresslensError
from presslens.io.article import Article
from presslens.nlp.pipeline import DEFAULT_MODEL, build_nlp
from presslens.schema import Analysis

Item = tuple[str, Article | PresslensError]
Result = tuple[str, Analysis | PresslensError]


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
    from presslens.nlp.layers import analysis_from_doc, layers

    nlp = build_nlp(model, embeddings=embeddings)

    def docs() -> Iterator:
        for art in articles:
            doc = nlp.make_doc(art.text)
            layers(doc).article = art
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield analysis_from_doc(doc)


def analyze_stream(
    items: Iterable[Item], *, model: str, embeddings: bool = False, chunk: int = 64
) -> Iterator[Result]:
    """Yield ``(name, Analysis or error)`` for each ``(name, Article or error)``, in input order.

    Articles go through the pipeline in chunks; if a chunk fails, its articles are
    retried one by one so that a single bad article is recorded and the rest go on.
    """
    it = iter(items)
    while batch := list(islice(it, chunk)):
        good = [(i, item) for i, (_, item) in enumerate(batch) if isinstance(item, Article)]
        results: dict[int, Analysis | PresslensError] = {}
        try:
            for (i, _), analysis in zip(
                good,
                analyze_many([a for _, a in good], model=model, embeddings=embeddings),
                strict=True,
            ):
                results[i] = analysis
        except PresslensError:
            raise
        except Exception:  # isolate the article that broke the chunk
            for i, art in good:
                try:
                    results[i] = next(analyze_many([art], model=model, embeddings=embeddings))
                except Exception as exc:  # recorded, reported, and the batch goes on
                    results[i] = PresslensError(f"analysis failed: {type(exc).__name__}: {exc}")
        for i, (name, item) in enumerate(batch):
            yield name, results.get(i, item)
