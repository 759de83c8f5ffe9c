"""The fine-tuned MiniLM framing tagger of the embeddings extra: windows, training, the file."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.evaluate.ptc import PtcArticle

pytestmark = pytest.mark.needs_extra

TEXTS = (
    "Mayor rejects audit\n\nThe mayor's disgraceful cover-up of the audit is a betrayal. "
    "Officials published the report on Monday after a vote of the council.",
    "Bridge reopens\n\nThe bridge reopened on Friday. Its reckless, arrogant builders "
    "ignored every warning, and the thugs who run the firm laughed.",
)
LOADED = ("disgraceful cover-up", "betrayal", "reckless", "arrogant", "thugs")


def article(i: int, text: str) -> PtcArticle:
    """A PTC-style article whose gold marks each LOADED phrase it holds as loaded language."""
    spans = [(text.index(w), text.index(w) + len(w)) for w in LOADED if w in text]
    return PtcArticle(str(i), text, {"Loaded_Language": spans})


@pytest.fixture(scope="module")
def items():
    from presslens.training.framing import examples

    return examples([article(i, t) for i, t in enumerate(TEXTS)], None)


@pytest.mark.slow
def test_windows_cover_the_text_with_whole_sentences_and_map_pieces_to_their_tokens(items):
    from presslens.models.framing_tagger import MAX_PIECES, NO_PIECE, tokenizer, windows

    doc = items[0].doc
    cut = windows(doc, tokenizer())
    assert all(len(w.ids) <= MAX_PIECES for w in cut)
    covered = {int(t) for w in cut for t in w.tokens if t != NO_PIECE}
    assert covered == {t.i for t in doc if not t.is_space}
    pieces = tokenizer().convert_ids_to_tokens
    for w in cut:
        for piece, token in zip(pieces(w.ids.tolist()), w.tokens, strict=True):
            if token != NO_PIECE:
                assert piece.removeprefix("##") in doc[int(token)].text.lower()


@pytest.mark.slow
def test_a_saved_tagger_tags_as_the_trained_one_did(items, tmp_path):
    from presslens.models.framing_tagger import load_tagger_file, save_tagger
    from presslens.training.framing_tagger import fine_tune

    trained, adapters = fine_tune(items, epochs=3)  # one step each; the first has no rate
    assert any(np.abs(v).max() > 0 for k, v in adapters.items() if k.endswith(".lora_b"))
    path = tmp_path / "tagger.npz"
    save_tagger(path, adapters, trained.head, 0.5, 0.3, {"rank": 8, "scale": 2.0})
    loaded = load_tagger_file(path)
    assert (loaded.weight, loaded.threshold) == (0.5, pytest.approx(0.3))
    for ex in items:
        before, after = trained.probabilities(ex.doc), loaded.probabilities(ex.doc)
        assert before.shape == (len(ex.doc), 3)
        np.testing.assert_allclose(before.sum(axis=1), 1.0, atol=1e-5)
        np.testing.assert_allclose(after, before, atol=0.02)  # weights stored as float16


def test_the_shipped_tagger_is_small_and_its_blend_is_set():
    from presslens.models.framing_tagger import TAGGER, load_tagger

    path = TAGGER.path()
    assert path.stat().st_size < 1_000_000
    tagger = load_tagger()
    assert 0.0 < tagger.weight <= 1.0 and 0.0 < tagger.threshold < 1.0
    assert tagger.head[0].shape == (384, 3)


@pytest.mark.slow
@pytest.mark.needs_data("ptc")
def test_train_framing_embeddings_writes_a_tagger_the_stage_can_load(tmp_path, data_dir):
    from click.testing import CliRunner

    from presslens.cli import main
    from presslens.models.framing_tagger import load_tagger_file

    out = tmp_path / "tagger.npz"
    args = ["train", "framing", str(data_dir / "ptc"), "--embeddings", "--limit", "6"]
    run = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert run.exit_code == 0, run.output
    assert "settings chosen on 2 of them after fitting on 4" in run.stdout
    assert f"wrote {out}" in run.stdout
    tagger = load_tagger_file(out)
    assert 0.0 < tagger.weight <= 1.0 and 0.0 < tagger.threshold < 1.0
