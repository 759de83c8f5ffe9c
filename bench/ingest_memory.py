"""Resident memory of one ``ingest`` as the corpus grows: flat, or growing with it?

    python bench/ingest_memory.py [--data DIR] [--articles N] [--every K] [--words W]
                                  [--db PATH_OR_URL]

Streams N articles (the PolNeAR texts of bench/throughput.py, cycled, each pass under new
ids so that nothing is skipped; with ``--words``, each cut to its first W words, so that a
run of 100,000 articles fits in an hour or two) through ``store.ingest`` into a fresh store
(a SQLite file in a temporary folder unless ``--db`` names one), reading the process's
resident memory (``/proc/self/statm``) after every K articles; prints a markdown table for
docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from throughput import ROOT, load_texts

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE_MB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(os.environ.get("PRESSLENS_DATA", ROOT.parent / "shared" / "data"))
    ap.add_argument("--data", type=Path, default=default)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--every", type=int, default=300)
    ap.add_argument("--words", type=int, help="cut each text to its first W words")
    ap.add_argument("--db", help="the store (default: a new SQLite file in a temporary folder)")
    args = ap.parse_args()

    from presslens.io.article import Article
    from presslens.store.db import open_store
    from presslens.store.ingest import ingest

    texts, where = load_texts(args.data, 10_000)
    if args.words:
        texts = [" ".join(t.split(" ")[: args.words]) for t in texts]
        where += f", each cut to its first {args.words} words"
    seen: list[tuple[int, float, float]] = []
    t0 = time.perf_counter()

    def items() -> Iterator[tuple[str, Article]]:
        cycled = itertools.islice(itertools.cycle(enumerate(texts)), args.articles)
        for n, (k, text) in enumerate(cycled):
            yield f"m{n}", Article(text=text, id=f"pass{n // len(texts)}-{k}")

    def report(outcome: str, name: str, error: object) -> None:
        done = int(name[1:]) + 1
        if done % args.every == 0:
            seen.append((done, resident_mb(), time.perf_counter() - t0))

    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(args.db or str(Path(tmp) / "memory.db"))
        ingest(items(), engine, report=report)
        stored_mb = Path(tmp, "memory.db").stat().st_size / 2**20 if not args.db else None
    if stored_mb is not None:
        print(f"SQLite store: {stored_mb:,.0f} MB")
    print(f"{args.articles} articles from {len(texts)} {where}, cycled under new ids\n")
    print("| articles | " + " | ".join(str(n) for n, _, _ in seen) + " |")
    print("| --- |" + " ---: |" * len(seen))
    print("| resident MB | " + " | ".join(f"{mb:.0f}" for _, mb, _ in seen) + " |")
    print("| minutes | " + " | ".join(f"{s / 60:.1f}" for _, _, s in seen) + " |")


if __name__ == "__main__":
    main()
