"""The store's overhead: ``ingest`` against analysing alone, on the same texts, one core.

    python bench/ingest.py [--data DIR] [--articles N] [--repeats K] [--postgres ADMIN_URL]

Texts as in bench/throughput.py (PolNeAR, else samples/). In this one process, alternately
K times: ``analyze_many`` over the articles (results dropped), then ``store.ingest`` of the
same articles into a fresh store (SQLite in a temporary folder, or a new PostgreSQL database
with ``--postgres``: reading, key look-ups, rows, corpus-entity linking, one transaction per
article); the best run of each counts, in CPU and in wall seconds (PostgreSQL's own work is
in its server's processes: only the wall clock sees it).
Then a rerun of the ingest over the stored articles: everything is skipped before a parse.
Prints a markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from throughput import ROOT, load_texts


def timed(run) -> tuple[float, float]:
    """CPU seconds of this process and wall seconds of ``run``: with PostgreSQL the server's
    work is in another process, which only the wall clock sees."""
    c0, w0 = time.process_time(), time.perf_counter()
    run()
    return time.process_time() - c0, time.perf_counter() - w0


@contextmanager
def fresh_store(tmp: str, k: int, postgres: str | None) -> Iterator[str]:
    """A new empty store for run ``k``: a SQLite file, or a PostgreSQL database created
    through the admin URL ``postgres`` (dropped after)."""
    if postgres is None:
        yield str(Path(tmp) / f"run{k}.db")
        return
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"presslens_ingest_bench_{k}"
    with psycopg.connect(postgres, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield make_url(postgres).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(postgres, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("PRESSLENS_DATA", ROOT.parent / "shared" / "data")),
    )
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--postgres", metavar="URL", help="ingest into PostgreSQL (a URL that may create databases)"
    )
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
            alone.append(timed(lambda: sum(1 for _ in analyze_many(articles()))))
            with fresh_store(tmp, k, args.postgres) as url:
                engine = open_store(url)
                stored.append(timed(lambda engine=engine: ingest(items(), engine)))
                rerun.append(timed(lambda engine=engine: ingest(items(), engine)))
                engine.dispose()
    kind = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{len(texts)} {where}, best of {args.repeats}, one process (and the server)\n")
    print("| run | CPU s | wall s | articles/s (wall) |")
    print("| --- | ---: | ---: | ---: |")
    for name, runs in (
        ("analyze_many alone", alone),
        (f"ingest into {kind}", stored),
        ("ingest again (all skipped)", rerun),
    ):
        c, w = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"| {name} | {c:.2f} | {w:.2f} | {len(texts) / w:.1f} |")
    for clock, n in (("CPU", 0), ("wall", 1)):
        a, b = min(r[n] for r in alone), min(r[n] for r in stored)
        print(f"store overhead, {clock}: {100 * (b / a - 1):+.1f}% (target <= 10%)")


if __name__ == "__main__":
    main()
