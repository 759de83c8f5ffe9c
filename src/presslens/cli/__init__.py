"""The ``presslens`` command."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from presslens.errors import PresslensError
from presslens.export import EXTENSIONS, FORMATS, render
from presslens.io.readers import DEFAULT_MAX_BYTES, read_bytes, read_jsonl, read_path
from presslens.nlp.pipeline import DEFAULT_MODEL

EXIT_FAILED = 2


def fail(message: str) -> None:
    """Print one clear line on stderr and exit with code 2."""
    click.echo(f"presslens: error: {message}", err=True)
    sys.exit(EXIT_FAILED)


def echo_result(job: Callable[..., str], *args: object, **kwargs: object) -> None:
    """Print what ``job`` returns, or its PresslensError as one line on stderr (exit 2)."""
    try:
        click.echo(job(*args, **kwargs))
    except PresslensError as exc:
        fail(str(exc))


data_dir_argument = click.argument(
    "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
parser_option = click.option(
    "--model", default=DEFAULT_MODEL, show_default=True, help="The spaCy pipeline that parses."
)


def baseline_option(what: str) -> Callable:
    """``--baseline/--no-baseline`` of an eval command: ``what`` the baseline does."""
    return click.option(
        "--baseline/--no-baseline", default=True, show_default=True, help=f"Also {what}."
    )


def out_option(shipped: str) -> Callable:
    """``--out`` of a train command; ``shipped`` is the file under resources/ it replaces."""
    return click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"Write the weights here instead of the shipped resources/{shipped}.",
    )


embeddings_option = click.option(
    "--embeddings",
    is_flag=True,
    help="Use MiniLM too: claims by sentence embeddings, framing by its tagger (needs the extra).",
)


@click.group()
@click.version_option(package_name="presslens")
def main() -> None:
    """Read news articles the way a careful fact-checker does."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@click.option("--published", help="Publication date YYYY-MM-DD (overrides HTML metadata).")
@click.option("--headline", help="The headline, when the file holds only the body.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DIR/<input stem>.<ext> for each input.",
)
@click.option(
    "--model", default=DEFAULT_MODEL, show_default=True, help="Any installed spaCy pipeline."
)
@click.option(
    "--max-bytes",
    type=int,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this.",
)
@embeddings_option
def analyze(
    inputs: tuple[str, ...],
    published: str | None,
    headline: str | None,
    fmt: str,
    output: Path | None,
    out_dir: Path | None,
    model: str,
    max_bytes: int,
    embeddings: bool,
) -> None:
    """Analyse articles: text or HTML files, - for stdin, a .jsonl batch with --format jsonl."""
    from presslens.api import analyze_stream

    if output and out_dir:
        fail("give either -o FILE or --out-dir DIR, not both")
    if out_dir is None and fmt in ("html", "brat") and len(inputs) > 1:
        fail(f"--format {fmt} writes one file per article: add --out-dir DIR")

    def items() -> Iterator[tuple[str, object]]:
        for name in inputs:
            try:
                if name.endswith(".jsonl") and fmt == "jsonl":
                    yield from read_jsonl(Path(name), max_bytes=max_bytes)
                elif name == "-":
                    yield (
                        "<stdin>",
                        read_bytes(
                            sys.stdin.buffer.read(max_bytes + 1),
                            name="<stdin>",
                            headline=headline,
                            published=published,
                            max_bytes=max_bytes,
                        ),
                    )
                else:
                    yield (
                        name,
                        read_path(
                            name, headline=headline, published=published, max_bytes=max_bytes
                        ),
                    )
            except PresslensError as exc:
                yield name, exc
            except OSError as exc:
                yield name, PresslensError(f"cannot read the file: {exc.strerror or exc}")

    failures: list[tuple[str, str]] = []
    results = []
    last = None  # the last analysis, for the brat .txt beside -o FILE
    sink = output.open("w", encoding="utf-8") if output else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    try:
        for name, result in analyze_stream(items(), model=model, embeddings=embeddings):
            if isinstance(result, PresslensError):
                failures.append((name, str(result)))
                click.echo(f"presslens: {name}: {result}", err=True)
                if fmt == "jsonl":  # keep one line per input, in order
                    results.append(
                        json.dumps(
                            {
                                "schema_version": "1",
                                "source": {"id": getattr(result, "article_id", None) or name},
                                "input": name,
                                "error": str(result),
                            }
                        )
                        + "\n"
                    )
                continue
            for warning in result.warnings:
                click.echo(f"presslens: {name}: warning: {warning}", err=True)
            text = render(result, fmt)
            last = result
            if out_dir:
                stem = Path(name).stem if name != "<stdin>" else "stdin"
                (out_dir / f"{stem}.{EXTENSIONS[fmt]}").write_text(text, encoding="utf-8")
                if fmt == "brat":  # brat reads the analysed text beside the .ann
                    (out_dir / f"{stem}.txt").write_text(result.text, encoding="utf-8")
            else:
                results.append(text)
    except PresslensError as exc:
        fail(str(exc))
    finally:
        if results:
            out = sink or sys.stdout
            if fmt == "json" and len(results) > 1:
                out.write("[\n" + ",\n".join(r.rstrip("\n") for r in results) + "\n]\n")
            else:
                out.write("".join(results))
        if sink:
            sink.close()
            if fmt == "brat" and last is not None:
                output.with_suffix(".txt").write_text(last.text, encoding="utf-8")
    if failures:
        if len(inputs) > 1 or len(failures) > 1:
            click.echo(
                f"presslens: {len(failures)} input(s) failed: " + ", ".join(n for n, _ in failures),
                err=True,
            )
        sys.exit(EXIT_FAILED)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output contract."""
    from presslens.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@main.group(name="eval")
def eval_group() -> None:
    """Score presslens on a public benchmark, with its baseline beside it."""


@eval_group.command(name="polnear")
@data_dir_argument
@click.option("--split", default="dev", show_default=True, help="Sub-folder of DATA_DIR to score.")
@click.option("--limit", type=int, help="Score only the first N articles.")
@baseline_option("run textacy's direct_quotations on the same texts")
@click.option("--errors", is_flag=True, help="List presslens's missed and spurious contents.")
def eval_polnear(
    data_dir: Path, split: str, limit: int | None, baseline: bool, errors: bool
) -> None:
    """Attribution on PolNeAR: content P/R/F1 at overlap 0.3 and 0.8, speaker accuracy."""
    from presslens.evaluate.polnear import run

    echo_result(run, data_dir, split=split, limit=limit, baseline=baseline, errors=errors)


@eval_group.command(name="checkthat")
@data_dir_argument
@embeddings_option
def eval_checkthat(data_dir: Path, embeddings: bool) -> None:
    """Check-worthiness on CheckThat! 2024 task 1: P/R/F1 and AP on dev-test and dev, baselines."""
    from presslens.evaluate.checkthat import run

    echo_result(run, data_dir, embeddings=embeddings)


@eval_group.command(name="plover")
@data_dir_argument
@click.option("--limit", type=int, help="Score only the first N event records.")
@baseline_option("score the majority type and a keyword lookup")
@click.option("--errors", is_flag=True, help="List the records presslens codes wrongly.")
@click.option(
    "--records",
    "records_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this records file (same format as dev.json) instead of DATA_DIR/dev.json.",
)
@click.option(
    "--part",
    type=click.Choice(["A", "B"]),
    help="Score only part A (odd record numbers) or part B (even ones).",
)
def eval_plover(
    data_dir: Path,
    limit: int | None,
    baseline: bool,
    errors: bool,
    records_file: Path | None,
    part: str | None,
) -> None:
    """Event coding on PLOVER (DATA_DIR/dev.json): type and (actor, type, target) accuracy."""
    from presslens.evaluate.plover import run

    echo_result(
        run,
        data_dir,
        limit=limit,
        baseline=baseline,
        errors=errors,
        records_file=records_file,
        part=part,
    )


@eval_group.command(name="fnc1")
@data_dir_argument
@baseline_option("train and score the official FNC-1 baseline on the same bodies")
@click.option(
    "--cv/--no-cv",
    default=True,
    show_default=True,
    help="Also report 5-fold cross-validation grouped by body over all pairs.",
)
def eval_fnc1(data_dir: Path, baseline: bool, cv: bool) -> None:
    """Headline-vs-body stance on FNC-1: FNC score and macro-F1 on held-out bodies."""
    from presslens.evaluate.fnc1 import run

    echo_result(run, data_dir, baseline=baseline, cross_validate=cv)


@eval_group.command(name="verdicts")
@data_dir_argument
@click.option(
    "--per-stance",
    type=int,
    default=60,
    show_default=True,
    help="Pairs of each gold stance to check.",
)
def eval_verdicts(data_dir: Path, per_stance: int) -> None:
    """Headline verdicts vs FNC-1 gold stances on held-out bodies (a sanity check)."""
    from presslens.evaluate.verdicts import run

    echo_result(run, data_dir, per_stance=per_stance)


@eval_group.command(name="headlines")
@click.argument("cases", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@parser_option
@click.option("--errors", is_flag=True, help="List the cases presslens gets wrong.")
def eval_headlines(cases: Path, model: str, errors: bool) -> None:
    """Headline verdicts on hand-written cases (CASES: JSONL, e.g. eval/headlines/test.jsonl)."""
    from presslens.evaluate.headlines import run

    echo_result(run, cases, model=model, errors=errors)


@eval_group.command(name="timebank")
@data_dir_argument
@click.option("--limit", type=int, help="Score only the first N documents.")
@baseline_option("run dateparser's search_dates relative to each creation time")
@click.option("--errors", is_flag=True, help="List presslens's missed, spurious and wrong values.")
def eval_timebank(data_dir: Path, limit: int | None, baseline: bool, errors: bool) -> None:
    """Time expressions on TempEval-3 TimeBank (DATA_DIR/*.tml): span P/R/F1, value accuracy."""
    from presslens.evaluate.timebank import run

    echo_result(run, data_dir, limit=limit, baseline=baseline, errors=errors)


@eval_group.command(name="ptc")
@data_dir_argument
@click.option("--limit", type=int, help="Score only the first N held-out articles.")
@baseline_option("score a VADER sentiment-word match on the same articles")
@click.option("--errors", is_flag=True, help="List the most frequent missed and spurious spans.")
@embeddings_option
def eval_ptc(
    data_dir: Path, limit: int | None, baseline: bool, errors: bool, embeddings: bool
) -> None:
    """Framing on SemEval-2020 task 11 PTC: SI span P/R/F1 on held-out articles."""
    from presslens.evaluate.ptc import run

    echo_result(run, data_dir, limit=limit, baseline=baseline, errors=errors, embeddings=embeddings)


@main.group(name="train")
def train_group() -> None:
    """Train presslens's own small models on a public benchmark."""


@train_group.command(name="cues")
@data_dir_argument
@out_option("models/cues.json")
@click.option("--limit", type=int, help="Train on the first N articles only.")
@parser_option
def train_cues(data_dir: Path, out: Path | None, limit: int | None, model: str) -> None:
    """Learn the cue classifier from DATA_DIR/train (PolNeAR); score it on DATA_DIR/dev."""
    from presslens.training.cues import train

    echo_result(train, data_dir, out=out, model=model, limit=limit)


@train_group.command(name="checkworthiness")
@data_dir_argument
@out_option("models/checkworthiness.npz (with --embeddings: checkworthiness_embeddings.npz)")
@click.option(
    "--embeddings",
    is_flag=True,
    help="Fit only the MiniLM embedding head blended with the shipped model (needs the extra).",
)
def train_checkworthiness(data_dir: Path, out: Path | None, embeddings: bool) -> None:
    """Learn check-worthiness from DATA_DIR/train.tsv + dev.tsv (CheckThat! 2024), tuned by CV."""
    from presslens.training.checkworthiness import train

    echo_result(train, data_dir, out=out, embeddings=embeddings)


@train_group.command(name="stance")
@data_dir_argument
@out_option("models/stance.npz")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the tree learner.")
@click.option(
    "--cv/--no-cv",
    default=True,
    show_default=True,
    help="Also report cross-validation over the training bodies.",
)
def train_stance(data_dir: Path, out: Path | None, seed: int, cv: bool) -> None:
    """Learn headline-vs-body stance from FNC-1 (DATA_DIR/dev_*.csv), holding out 1/5 of bodies."""
    from presslens.training.stance import train

    echo_result(train, data_dir, out=out, seed=seed, cv=cv)


@train_group.command(name="framing")
@data_dir_argument
@out_option("models/framing.npz (with --embeddings: framing_tagger.npz)")
@click.option("--limit", type=int, help="Train on the first N training articles only.")
@parser_option
@click.option(
    "--embeddings",
    is_flag=True,
    help="Fine-tune only the MiniLM tagger blended with the shipped model (needs the extra).",
)
def train_framing(
    data_dir: Path, out: Path | None, limit: int | None, model: str, embeddings: bool
) -> None:
    """Learn the framing token model from the PTC training articles (SemEval-2020 task 11)."""
    from presslens.training.framing import train

    echo_result(train, data_dir, out=out, model=model, limit=limit, embeddings=embeddings)


if __name__ == "__main__":
    main()
