"""The store's overhead: ``ingest`` against analysing alone, on the same texts, one core.

    python bench/ingest.py [--data DIR] [--articles N] [--repeats K]

Texts as in bench/throughput.py (PolNeAR, else samples/). In this one process, alternately
K times: ``analyze_many`` over the articles (results dropped), then ``store.ingest`` of the
same articles into a fresh SQLite store in a temporary folder (reading, key look-ups, rows,
one transaction per article); the best run of each counts, in CPU seconds of this process.
Then a rerun of the ingest over the stored articles: everything is skipped before a parse.
Prints a markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from throughput import ROOT, load_texts


def cpu(run) -> float:
    t0 = time.process_time()
    run()
    return time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("PRESSLENS_DATA", ROOT.parent / "shared" / "data")),
    )
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from presslens.api import analyze_many
    from presslens.io.article import Article
    from presslens.store.db import open_store
    from presslens.store.ingest import ingest

    texts, where = load_texts(args.data, args.articles)
    articles = lambda: [Article(text=t) for t in texts]  # noqa: E731  (fresh each run)
    items = lambda: [(f"t{n}", a) for n, a in enumerate(articles())]  # noqa: E731
    for _ in analyze_many(articles()[:1]):  # load the model outside the timings
        pass
    alone, stored, rerun = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeats):
            alone.append(cpu(lambda: sum(1 for _ in analyze_many(articles()))))
            engine = open_store(str(Path(tmp) / f"run{k}.db"))
            stored.append(cpu(lambda engine=engine: ingest(items(), engine)))
            rerun.append(cpu(lambda engine=engine: ingest(items(), engine)))
            engine.dispose()
    best_alone, best_stored = min(alone), min(stored)
    print(f"{len(texts)} {where}, best of {args.repeats}, CPU seconds of one process\n")
    print("| run | seconds | articles/s |")
    print("| --- | ---: | ---: |")
    for name, seconds in (
        ("analyze_many alone", best_alone),
        ("ingest into SQLite", best_stored),
        ("ingest again (all skipped)", min(rerun)),
    ):
        print(f"| {name} | {seconds:.2f} | {len(texts) / seconds:.1f} |")
    print(f"\nstore overhead: {100 * (best_stored / best_alone - 1):+.1f}% (target <= 10%)")


if __name__ == "__main__":
    main()
