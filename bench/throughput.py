"""Words per second of presslens and of the spaCy model alone, on the same texts, one core.

    python bench/throughput.py [--data DIR] [--articles N] [--repeats K] [--embeddings]

Texts: PolNeAR article texts under DIR/polnear/{dev,train}/text (DIR defaults to
$PRESSLENS_DATA or ../shared/data), else the repo's samples/. Three pipelines run
in this one process, alternately, K times, and the best run of each counts: the
spaCy model alone as spacy.load gives it (the baseline), the same model with the
memoised attribute-ruler matcher presslens gives it (presslens.nlp.attribute_ruler;
the same annotations), and presslens.
Speed is words per CPU second of this process (threads pinned to one), which
other load on the machine disturbs far less than wall time.
Then the CPU time of each pipeline component over the same texts (one doc at a
time), and one `presslens analyze` CLI call on a sample article, start-up
included; prints markdown tables for docs/BENCHMARKS.md. ``--embeddings`` measures
presslens with the MiniLM extra (run it from a venv that has the extra).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]


def load_texts(data: Path, limit: int) -> tuple[list[str], str]:
    files = sorted((data / "polnear" / "dev" / "text").glob("*.txt"))
    files += sorted((data / "polnear" / "train" / "text").glob("*.txt"))
    where = f"PolNeAR texts from {data / 'polnear'}"
    if not files:
        files, where = sorted((ROOT / "samples").glob("*.txt")), "samples/*.txt"
    return [f.read_text(encoding="utf-8") for f in files[:limit]], where


def words_per_second(run, texts: list[str], words: int) -> float:
    """Words per CPU second of this (single-threaded) process: steady on a shared machine."""
    t0 = time.process_time()
    run(texts)
    return words / (time.process_time() - t0)


def stage_seconds(texts: list[str], embeddings: bool) -> dict[str, float]:
    """CPU seconds each component of the presslens pipeline spends on ``texts``."""
    from presslens.io.article import Article
    from presslens.nlp.layers import layers
    from presslens.pipeline import build_nlp

    nlp = build_nlp(embeddings=embeddings)
    spent = dict.fromkeys(nlp.pipe_names, 0.0)
    for text in texts:
        doc = nlp.make_doc(text)
        layers(doc).article = Article(text=text)
        for name, component in nlp.pipeline:
            t0 = time.process_time()
            doc = component(doc)
            spent[name] += time.process_time() - t0
    return spent


def cli_seconds(sample: Path, flags: list[str]) -> float:
    exe = Path(sys.executable).with_name("presslens")
    t0 = time.perf_counter()
    subprocess.run([str(exe), "analyze", str(sample), *flags], check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    default_data = os.environ.get("PRESSLENS_DATA", str(ROOT.parent / "shared" / "data"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(default_data))
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--embeddings", action="store_true", help="presslens with the MiniLM extra")
    args = ap.parse_args()
    flags = ["--embeddings"] if args.embeddings else []

    import spacy

    import presslens
    from presslens.io.article import Article
    from presslens.nlp.attribute_ruler import memoise_attribute_rulers
    from presslens.pipeline import DEFAULT_MODEL

    texts, where = load_texts(args.data, args.articles)
    words = sum(len(t.split()) for t in texts)
    spacy_nlp = spacy.load(DEFAULT_MODEL)
    memoised_nlp = spacy.load(DEFAULT_MODEL)
    memoise_attribute_rulers(memoised_nlp)  # as presslens runs the model

    def spacy_alone(batch: list[str], nlp=spacy_nlp) -> None:
        for _ in nlp.pipe(batch, batch_size=16):
            pass

    def spacy_memoised(batch: list[str]) -> None:
        spacy_alone(batch, memoised_nlp)

    def presslens_full(batch: list[str]) -> None:
        articles = (Article(text=t) for t in batch)
        for _ in presslens.analyze_many(articles, embeddings=args.embeddings):
            pass

    presslens_full(texts[:5])  # load and warm both before timing
    spacy_alone(texts[:5])
    ours = "presslens --embeddings" if args.embeddings else "presslens"
    runs = {
        "spaCy alone": spacy_alone,
        "spaCy alone, memoised attribute ruler": spacy_memoised,
        ours: presslens_full,
    }
    best = dict.fromkeys(runs, 0.0)
    for _ in range(args.repeats):
        for name, run in runs.items():
            best[name] = max(best[name], words_per_second(run, texts, words))
    stages = stage_seconds(texts, args.embeddings)
    sample = ROOT / "samples" / sorted(p.name for p in (ROOT / "samples").glob("*.txt"))[0]
    cli = min(cli_seconds(sample, flags) for _ in range(3))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"Texts: {len(texts)} {where} ({words:,} words); best of {args.repeats} runs, CPU time")
    print(
        f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print()
    print("| pipeline | words/s | relative to spaCy alone |")
    print("|---|---:|---:|")
    for name, wps in best.items():
        print(f"| {name} | {wps:,.0f} | {wps / best['spaCy alone']:.2f}x |")
    print()
    spacy_total = sum(t for name, t in stages.items() if not name.startswith("presslens"))
    print("| component | CPU s | share of the spaCy model's own components |")
    print("|---|---:|---:|")
    for name, t in stages.items():
        print(f"| {name} | {t:.2f} | {t / spacy_total:.1%} |")
    print()
    print(
        f"Single-article CLI call (`presslens analyze samples/{sample.name}"
        f"{' --embeddings' if flags else ''}`), start-up included:"
        f" {cli:.2f} s (best of 3)"
    )
    print(f"Peak resident memory of this benchmark process: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
