"""How ``presslens`` fails, checked in process (no parse): one line on stderr, exit code 2."""

from __future__ import annotations

import json

from click.testing import CliRunner

from presslens.cli import main
from presslens.errors import InputError
from presslens.schema import Failure
from presslens.settings import Settings


def test_a_fatal_error_is_one_line_on_stderr_with_exit_code_2():
    run = CliRunner().invoke(main, ["analyze", "-o", "x.json", "--out-dir", "d", "a.txt"])
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr == "presslens: error: give either -o FILE or --out-dir DIR, not both\n"


def test_a_library_error_becomes_the_same_line(tmp_path):
    (tmp_path / "a.txt").write_text("The harbour reopened.", encoding="utf-8")
    run = CliRunner().invoke(
        main, ["analyze", "--model", "no_such_pipeline", str(tmp_path / "a.txt")]
    )
    assert run.exit_code == 2
    assert run.stderr.startswith("presslens: error: cannot load the spaCy pipeline 'no_such")
    assert len(run.stderr.splitlines()) == 1


def test_usage_errors_are_still_clicks():
    run = CliRunner().invoke(main, ["analyze", "--format", "xyz", "a.txt"], prog_name="presslens")
    assert run.exit_code == 2
    assert run.stderr.startswith("Usage: presslens analyze [OPTIONS] FILE...")
    assert "Error: Invalid value for '--format'" in run.stderr


def test_option_defaults_come_from_settings():
    out = " ".join(CliRunner().invoke(main, ["analyze", "--help"]).stdout.split())
    assert f"[default: {Settings().model}]" in out
    assert f"[default: {Settings().max_bytes}]" in out


def test_the_jsonl_failure_line_is_ascii_json_with_the_input_id():
    error = InputError('the "headline" field must be a string, got ["Café"]')
    error.article_id = "a1"
    line = Failure.of("in.jsonl:3", error).to_json()
    assert line == json.dumps(
        {
            "schema_version": "1",
            "source": {"id": "a1"},
            "input": "in.jsonl:3",
            "error": 'the "headline" field must be a string, got ["Café"]',
        }
    )
    assert json.loads(Failure.of("in.jsonl:4", InputError("empty")).to_json())["source"] == {
        "id": "in.jsonl:4"
    }
