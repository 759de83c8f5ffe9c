"""Analyse a stream of articles in order, recording failures instead of stopping."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from presslens.article import Article
from presslens.errors import PresslensError
from presslens.schema import Analysis

Item = tuple[str, Article | PresslensError]
Result = tuple[str, Analysis | PresslensError]


def analyze_stream(
    items: Iterable[Item], *, model: str, embeddings: bool = False, chunk: int = 64
) -> Iterator[Result]:
    """Yield ``(name, Analysis or error)`` for each ``(name, Article or error)``, in input order.

    Articles go through the pipeline in chunks; if a chunk fails, its articles are
    retried one by one so that a single bad article is recorded and the rest go on.
    """
    from presslens import analyze_many

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
