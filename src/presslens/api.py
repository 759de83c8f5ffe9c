"""The Python API: analyse one article, many in order, or a stream that records failures.

Each function reads its defaults from a ``Settings`` (``settings=``, else the defaults);
a keyword given explicitly (``model=``, ``embeddings=``, ...) overrides that setting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import groupby, islice

from spacy.tokens import Doc

from presslens.errors import PresslensError
from presslens.io.article import Article
from presslens.pipeline import build_nlp, run_in_pieces
from presslens.schema import Analysis
from presslens.settings import Settings

Item = tuple[str, Article | PresslensError]
Result = tuple[str, Analysis | PresslensError]


def _settings(settings: Settings | None, **overrides: object) -> Settings:
    """``settings`` (or the defaults) with the keywords that were given (not None) replaced."""
    given = {name: value for name, value in overrides.items() if value is not None}
    return dataclasses.replace(settings or Settings(), **given)


def analyze(
    text: str | Article,
    *,
    published: dt.date | str | None = None,
    headline: str | None = None,
    model: str | None = None,
    embeddings: bool | None = None,
    settings: Settings | None = None,
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
    settings = _settings(settings, model=model, embeddings=embeddings)
    return next(analyze_many([article], settings=settings))


def analyze_many(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    embeddings: bool | None = None,
    batch_size: int | None = None,
    settings: Settings | None = None,
) -> Iterator[Analysis]:
    """Analyse articles in order, streaming them through one spaCy pipeline.

    A text longer than ``settings.piece_chars`` is parsed in pieces (``run_in_pieces``). Each
    ``settings.chunk`` articles are parsed inside one spaCy memory zone, so the strings of a
    long stream are freed as it goes.
    """
    from presslens.nlp.layers import analysis_from_doc, layers

    settings = _settings(settings, model=model, embeddings=embeddings, batch_size=batch_size)
    nlp = build_nlp(settings.model, **settings.pipeline())

    def doc(art: Article) -> Doc:
        made = nlp.tokenizer(art.text)  # nlp.make_doc without its max_length refusal
        layers(made).article = art
        return made

    def long(art: Article) -> bool:
        return len(art.text) > settings.piece_chars

    it = iter(articles)
    while chunk := list(islice(it, settings.chunk)):
        with nlp.memory_zone():
            for in_pieces, group in groupby(chunk, key=long):
                if in_pieces:
                    for art in group:
                        yield analysis_from_doc(run_in_pieces(nlp, doc(art), settings.piece_chars))
                else:
                    for parsed in nlp.pipe(map(doc, group), batch_size=settings.batch_size):
                        yield analysis_from_doc(parsed)


def analyze_stream(
    items: Iterable[Item],
    *,
    model: str | None = None,
    embeddings: bool | None = None,
    chunk: int | None = None,
    settings: Settings | None = None,
) -> Iterator[Result]:
    """Yield ``(name, Analysis or error)`` for each ``(name, Article or error)``, in input order.

    Articles go through the pipeline in chunks, each result yielded as soon as it is ready; if
    a chunk fails, its articles not analysed yet are retried one by one so that a single bad
    article is recorded and the rest go on.
    """
    settings = _settings(settings, model=model, embeddings=embeddings, chunk=chunk)
    it = iter(items)
    while batch := list(islice(it, settings.chunk)):
        yield from _stream_batch(batch, settings)


def _stream_batch(batch: list[Item], settings: Settings) -> Iterator[Result]:
    """``batch`` analysed through one pipeline, each result yielded once it and those before
    it are ready; when the batch breaks, the articles not analysed yet go one by one."""
    good = [(i, item) for i, (_, item) in enumerate(batch) if isinstance(item, Article)]
    results: dict[int, Analysis | PresslensError] = {}
    shown = 0
    try:
        for (i, _), analysis in zip(
            good, analyze_many([a for _, a in good], settings=settings), strict=True
        ):
            results[i] = analysis
            for k in range(shown, i + 1):
                yield batch[k][0], results.get(k, batch[k][1])
            shown = i + 1
    except PresslensError:
        raise
    except Exception:  # isolate the article that broke the batch
        for i, art in good:
            if i in results:
                continue
            try:
                results[i] = next(analyze_many([art], settings=settings))
            except Exception as exc:  # recorded, reported, and the batch goes on
                results[i] = PresslensError(f"analysis failed: {type(exc).__name__}: {exc}")
    for k in range(shown, len(batch)):
        yield batch[k][0], results.get(k, batch[k][1])
