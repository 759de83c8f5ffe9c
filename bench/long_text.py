"""Time and peak memory of `presslens analyze` on one long text, at several sizes.

    python bench/long_text.py [--data DIR] [--sizes 0.1,0.5,1,5] [--timeout SECONDS]

Each text is PolNeAR article texts (DIR/polnear/{dev,train}/text, DIR defaults to
$PRESSLENS_DATA or ../shared/data; else samples/*.txt), joined by blank lines and repeated
until it has SIZE million bytes of UTF-8, like a long report or transcript. Each size is
one `presslens analyze FILE --format json` process, start-up included: its wall and CPU
seconds and its peak resident memory (``os.wait4``'s ``ru_maxrss`` of that process). The
output is checked too: the analysed text is the file's, and every entity mention, quote
and time span indexes it. A run that outlives ``--timeout`` is killed and reported as such.
Prints a markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import ROOT, load_texts


def long_text(texts: list[str], size: int) -> str:
    """``texts`` joined by blank lines, repeated, cut at the paragraph that reaches ``size``
    bytes of UTF-8."""
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    out, n, i = [], 0, 0
    while n < size:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        n += len(paragraph.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out)


def check(analysis: dict, text: str) -> dict[str, int]:
    """How many entities, quotes and times the analysis has; fails if a span misses the text."""
    assert analysis["text"] == text, "the analysed text is not the input"
    spans = [m for e in analysis["entities"] for m in e["mentions"]]
    spans += [q["content"] for q in analysis["quotes"]] + analysis["times"]
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"], s
    return {k: len(analysis[k]) for k in ("entities", "quotes", "times")}


def run(text: str, timeout: float) -> dict[str, object]:
    """One `presslens analyze` of ``text``: seconds, peak memory and counts (or a timeout)."""
    exe = Path(sys.executable).with_name("presslens")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        out = Path(tmp) / "long.json"
        t0 = time.perf_counter()
        cmd = [str(exe), "analyze", str(path), "--format", "json", "-o", str(out)]
        proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, cwd=ROOT)
        while (done := os.wait4(proc.pid, os.WNOHANG))[0] == 0:
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                return {"status": f"killed after {timeout:.0f} s"}
            time.sleep(0.5)
        wall = time.perf_counter() - t0
        _, status, usage = done
        if os.waitstatus_to_exitcode(status) != 0:
            return {"status": proc.stderr.read().decode().strip()}
        counts = check(json.loads(out.read_text(encoding="utf-8")), text)
    return {
        "status": "ok",
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        **counts,
    }


def main() -> None:
    default_data = os.environ.get("PRESSLENS_DATA", str(ROOT.parent / "shared" / "data"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(default_data))
    ap.add_argument("--sizes", default="0.1,0.5,1,5", help="million bytes, comma-separated")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per size")
    args = ap.parse_args()
    texts, where = load_texts(args.data, 10**6)
    print(f"{platform.python_version()}, {os.cpu_count()} cores; texts: {where}\n")
    print("| MB | characters | wall s | CPU s | peak RSS MB | entities | quotes | times |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes.split(","):
        text = long_text(texts, int(float(size) * 1_000_000))
        r = run(text, args.timeout)
        if r["status"] != "ok":
            print(f"| {size} | {len(text):,} | {r['status']} |", flush=True)
            continue
        print(
            f"| {size} | {len(text):,} | {r['wall']:,.0f} | {r['cpu']:,.0f} | {r['peak_mb']:,.0f}"
            f" | {r['entities']:,} | {r['quotes']:,} | {r['times']:,} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
