"""``presslens train``: rebuild presslens's own small models from a public benchmark."""

from __future__ import annotations

from pathlib import Path

import click

from presslens.cli.options import also_option, data_dir_argument, model_option, out_option


@click.group(name="train")
def train_group() -> None:
    """Train presslens's own small models on a public benchmark."""


@train_group.command(name="cues")
@data_dir_argument
@out_option("models/cues.json")
@click.option("--limit", type=int, help="Train on the first N articles only.")
@model_option("The spaCy pipeline that parses.")
def train_cues(data_dir: Path, out: Path | None, limit: int | None, model: str) -> None:
    """Learn the cue classifier from DATA_DIR/train (PolNeAR); score it on DATA_DIR/dev."""
    from presslens.training.cues import train

    click.echo(train(data_dir, out=out, model=model, limit=limit))


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

    click.echo(train(data_dir, out=out, embeddings=embeddings))


@train_group.command(name="stance")
@data_dir_argument
@out_option("models/stance.npz")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the tree learner.")
@also_option("cv", "report cross-validation over the training bodies")
def train_stance(data_dir: Path, out: Path | None, seed: int, cv: bool) -> None:
    """Learn headline-vs-body stance from FNC-1 (DATA_DIR/dev_*.csv), holding out 1/5 of bodies."""
    from presslens.training.stance import train

    click.echo(train(data_dir, out=out, seed=seed, cv=cv))


@train_group.command(name="framing")
@data_dir_argument
@out_option("models/framing.npz (with --embeddings: framing_tagger.npz)")
@click.option("--limit", type=int, help="Train on the first N training articles only.")
@model_option("The spaCy pipeline that parses.")
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

    click.echo(train(data_dir, out=out, model=model, limit=limit, embeddings=embeddings))
