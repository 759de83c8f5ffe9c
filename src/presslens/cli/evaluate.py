"""``presslens eval``: score presslens on a public benchmark, with its baseline beside it."""

from __future__ import annotations

from pathlib import Path

import click

from presslens.cli.options import (
    also_option,
    data_dir_argument,
    embeddings_option,
    model_option,
)


@click.group(name="eval")
def eval_group() -> None:
    """Score presslens on a public benchmark, with its baseline beside it."""


@eval_group.command(name="polnear")
@data_dir_argument
@click.option("--split", default="dev", show_default=True, help="Sub-folder of DATA_DIR to score.")
@click.option("--limit", type=int, help="Score only the first N articles.")
@also_option("baseline", "run textacy's direct_quotations on the same texts")
@click.option("--errors", is_flag=True, help="List presslens's missed and spurious contents.")
def eval_polnear(
    data_dir: Path, split: str, limit: int | None, baseline: bool, errors: bool
) -> None:
    """Attribution on PolNeAR: content P/R/F1 at overlap 0.3 and 0.8, speaker accuracy."""
    from presslens.evaluate.polnear import run

    click.echo(run(data_dir, split=split, limit=limit, baseline=baseline, errors=errors))


@eval_group.command(name="checkthat")
@data_dir_argument
@embeddings_option
def eval_checkthat(data_dir: Path, embeddings: bool) -> None:
    """Check-worthiness on CheckThat! 2024 task 1: P/R/F1 and AP on dev-test and dev, baselines."""
    from presslens.evaluate.checkthat import run

    click.echo(run(data_dir, embeddings=embeddings))


@eval_group.command(name="plover")
@data_dir_argument
@click.option("--limit", type=int, help="Score only the first N event records.")
@also_option("baseline", "score the majority type and a keyword lookup")
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

    click.echo(
        run(
            data_dir,
            limit=limit,
            baseline=baseline,
            errors=errors,
            records_file=records_file,
            part=part,
        )
    )


@eval_group.command(name="fnc1")
@data_dir_argument
@also_option("baseline", "train and score the official FNC-1 baseline on the same bodies")
@also_option("cv", "report 5-fold cross-validation grouped by body over all pairs")
def eval_fnc1(data_dir: Path, baseline: bool, cv: bool) -> None:
    """Headline-vs-body stance on FNC-1: FNC score and macro-F1 on held-out bodies."""
    from presslens.evaluate.fnc1 import run

    click.echo(run(data_dir, baseline=baseline, cross_validate=cv))


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

    click.echo(run(data_dir, per_stance=per_stance))


@eval_group.command(name="headlines")
@click.argument("cases", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_option("The spaCy pipeline that parses.")
@click.option("--errors", is_flag=True, help="List the cases presslens gets wrong.")
def eval_headlines(cases: Path, model: str, errors: bool) -> None:
    """Headline verdicts on hand-written cases (CASES: JSONL, e.g. eval/headlines/test.jsonl)."""
    from presslens.evaluate.headlines import run

    click.echo(run(cases, model=model, errors=errors))


@eval_group.command(name="timebank")
@data_dir_argument
@click.option("--limit", type=int, help="Score only the first N documents.")
@also_option("baseline", "run dateparser's search_dates relative to each creation time")
@click.option("--errors", is_flag=True, help="List presslens's missed, spurious and wrong values.")
def eval_timebank(data_dir: Path, limit: int | None, baseline: bool, errors: bool) -> None:
    """Time expressions on TempEval-3 TimeBank (DATA_DIR/*.tml): span P/R/F1, value accuracy."""
    from presslens.evaluate.timebank import run

    click.echo(run(data_dir, limit=limit, baseline=baseline, errors=errors))


@eval_group.command(name="ptc")
@data_dir_argument
@click.option("--limit", type=int, help="Score only the first N held-out articles.")
@also_option("baseline", "score a VADER sentiment-word match on the same articles")
@click.option("--errors", is_flag=True, help="List the most frequent missed and spurious spans.")
@embeddings_option
def eval_ptc(
    data_dir: Path, limit: int | None, baseline: bool, errors: bool, embeddings: bool
) -> None:
    """Framing on SemEval-2020 task 11 PTC: SI span P/R/F1 on held-out articles."""
    from presslens.evaluate.ptc import run

    click.echo(run(data_dir, limit=limit, baseline=baseline, errors=errors, embeddings=embeddings))


@eval_group.command(name="gum")
@data_dir_argument
@click.option(
    "--part",
    type=click.Choice(["A", "B"]),
    help="Score only part A (the 1st, 3rd, ... document of each genre) or part B.",
)
@also_option("baseline", "merge spaCy's PERSON and ORG entities by identical text")
@click.option("--errors", is_flag=True, help="List wrong merges, splits and missed clusters.")
def eval_gum(data_dir: Path, part: str | None, baseline: bool, errors: bool) -> None:
    """Entities on GUM (DATA_DIR/dev.jsonl): link P/R/F1, MUC, B³, CEAFe, CoNLL."""
    from presslens.evaluate.gum import run

    click.echo(run(data_dir, part=part, baseline=baseline, errors=errors))


@eval_group.command(name="gum-corpus")
@data_dir_argument
@click.option(
    "--part",
    type=click.Choice(["A", "B"]),
    help="Link only part A (the 1st, 3rd, ... document of each genre) or part B.",
)
@click.option("--errors", is_flag=True, help="List the missed and the wrong cross-document pairs.")
def eval_gum_corpus(data_dir: Path, part: str | None, errors: bool) -> None:
    """Corpus entities across GUM documents: pairwise P/R over (document, identity) units,
    the exact-name baseline beside it."""
    from presslens.evaluate.gum_corpus import run

    click.echo(run(data_dir, part=part, errors=errors))
