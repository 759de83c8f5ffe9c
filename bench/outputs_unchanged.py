"""Save, then compare, everything presslens prints: a refactor must leave it byte-identical.

    python bench/outputs_unchanged.py save DIR [--data DATA] [--skip-eval]
    python bench/outputs_unchanged.py check DIR [--data DATA] [--skip-eval]

``save`` writes into DIR: ``eval.txt`` (the output of every ``make eval`` command, in order),
``samples/`` (``presslens analyze --format json`` of each file in samples/, as ``make demo``
runs it) and ``polnear/`` (the same for 200 PolNeAR texts: the 84 of dev, then train's
first ones in name order). ``check`` produces the same into a temporary folder and compares
file by file; it prints one line per file that differs and exits 1 if any does. The one
thing allowed to differ is wall time: the cells of a table column headed ``seconds`` in eval.txt.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_TEXTS = 200


def presslens(*args: str) -> str:
    """Stdout of one ``presslens`` command from this interpreter's venv."""
    exe = Path(sys.executable).with_name("presslens")
    done = subprocess.run([str(exe), *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return done.stdout


def eval_commands(data: Path) -> list[list[str]]:
    """The ``presslens eval`` commands of the Makefile's ``eval`` target, $(DATA) filled in."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\neval:", 1)[1].split("\n\n", 1)[0]
    commands = re.findall(r"\$\(BIN\)/presslens (.+)", target)
    return [c.replace("$(DATA)", str(data)).split() for c in commands]


def polnear_texts(data: Path) -> list[Path]:
    dev = sorted((data / "polnear" / "dev" / "text").glob("*.txt"))
    train = sorted((data / "polnear" / "train" / "text").glob("*.txt"))
    return (dev + train)[:POLNEAR_TEXTS]


def produce(out: Path, data: Path, run_eval: bool) -> None:
    """Write every output this script compares into ``out``."""
    if run_eval:
        with (out / "eval.txt").open("w", encoding="utf-8") as sink:
            for command in eval_commands(data):
                sink.write(f"$ presslens {' '.join(command)}\n{presslens(*command)}")
    samples = out / "samples"
    samples.mkdir()
    txt = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples").glob("*.txt"))
    html = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples").glob("*.html"))
    presslens("analyze", *txt, "--published", "2026-03-14", "--out-dir", str(samples))
    presslens("analyze", *html, "--out-dir", str(samples))
    polnear = out / "polnear"
    polnear.mkdir()
    presslens("analyze", *map(str, polnear_texts(data)), "--out-dir", str(polnear))


def without_timings(report: str) -> str:
    """``report`` with every cell of a markdown column headed ``seconds`` blanked."""
    lines, column = [], None
    for line in report.splitlines():
        cells = line.split("|")
        if not line.startswith("|"):
            column = None
        elif column is None:
            column = cells.index(" seconds ") if " seconds " in cells else -1
        elif column >= 0 and len(cells) > column:
            cells[column] = " ~ "
            line = "|".join(cells)
        lines.append(line)
    return "\n".join(lines)


def same(first: Path, second: Path) -> bool:
    if first.name == "eval.txt":
        read = lambda p: without_timings(p.read_text(encoding="utf-8"))  # noqa: E731
        return read(first) == read(second)
    return filecmp.cmp(first, second, shallow=False)


def differing(before: Path, after: Path, ignore: set[str]) -> tuple[int, list[str]]:
    """How many files were compared, and those missing on one side or differing in content."""
    names = {str(p.relative_to(before)) for p in before.rglob("*") if p.is_file()}
    names |= {str(p.relative_to(after)) for p in after.rglob("*") if p.is_file()}
    names -= ignore
    changed = [
        n
        for n in sorted(names)
        if not ((before / n).is_file() and (after / n).is_file()) or not same(before / n, after / n)
    ]
    return len(names), changed


def main() -> None:
    default_data = os.environ.get("PRESSLENS_DATA", str(ROOT.parent / "shared" / "data"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["save", "check"])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--data", type=Path, default=Path(default_data))
    ap.add_argument("--skip-eval", action="store_true", help="only the analyze outputs")
    args = ap.parse_args()
    data = args.data.resolve()
    if args.action == "save":
        args.dir.mkdir(parents=True)
        produce(args.dir, data, not args.skip_eval)
        print(f"saved to {args.dir}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        produce(Path(tmp), data, not args.skip_eval)
        ignore = {"eval.txt"} if args.skip_eval else set()
        compared, changed = differing(args.dir, Path(tmp), ignore)
    for name in changed:
        print(f"differs: {name}")
    print(f"{compared} files compared, {len(changed)} differ")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
