"""The real ``presslens`` command on bad input: one clear line on stderr, exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presslens.io.readers import DEFAULT_MAX_BYTES

pytestmark = pytest.mark.slow  # each test runs the command in a new process

GOOD = "Harbour reopens\n\nThe harbour reopened on Tuesday, officials said.\n"
NO_BODY_HTML = "<html><head><title>Home</title></head><body><script>go()</script></body></html>"


def presslens(*args: str, cwd, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "presslens", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def make_inputs(folder) -> None:
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\x00\x00")
    (folder / "latin.txt").write_bytes(
        "“We will rebuild,” said Mayor Ana Ruiz on Monday.\n".encode("cp1252")
    )
    (folder / "big.txt").write_text("The ferry left. " * 100, encoding="utf-8")
    (folder / "menu.html").write_text(NO_BODY_HTML, encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["empty.txt"], "empty"),
        (["scan.pdf"], "looks like a binary file"),
        (["--max-bytes", "1000", "big.txt"], "--max-bytes"),
        (["menu.html"], "no article text found in the HTML"),
        (["missing.txt"], "no such file"),
    ],
)
def test_one_bad_input_gives_one_clear_line_and_exit_code_2(tmp_path, args, message):
    make_inputs(tmp_path)
    run = presslens("analyze", *args, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"presslens: {args[-1]}: ") and message in lines[0]


def test_windows_1252_file_is_decoded_with_a_warning(tmp_path):
    make_inputs(tmp_path)
    run = presslens("analyze", "latin.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["text"] == "“We will rebuild,” said Mayor Ana Ruiz on Monday.\n"
    assert any("cp1252" in w for w in out["warnings"])
    assert "warning" in run.stderr and "cp1252" in run.stderr and "Traceback" not in run.stderr


def test_good_inputs_are_written_and_failures_listed_at_the_end(tmp_path):
    make_inputs(tmp_path)
    run = presslens(
        "analyze",
        "--out-dir",
        "out",
        "good.txt",
        "empty.txt",
        "latin.txt",
        "scan.pdf",
        cwd=tmp_path,
    )
    assert run.returncode == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.json", "latin.json"]
    good = json.loads((tmp_path / "out" / "good.json").read_text(encoding="utf-8"))
    assert good["text"] == GOOD and good["source"]["id"] == "good"
    last = run.stderr.splitlines()[-1]
    assert "2 input(s) failed" in last and "empty.txt" in last and "scan.pdf" in last
    assert "Traceback" not in run.stderr


def test_jsonl_batch_keeps_one_line_per_input_with_errors_in_place(tmp_path):
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "a1", "text": "The harbour reopened, officials said."}\n'
        '{"id": "a2", "text": broken}\n'
        '{"id": "a3", "text": "Ferries return on Monday."}\n',
        encoding="utf-8",
    )
    run = presslens("analyze", "--format", "jsonl", "batch.jsonl", cwd=tmp_path)
    assert run.returncode == 2
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["source"]["id"] for r in records] == ["a1", "batch.jsonl:2", "a3"]
    assert "error" not in records[0] and "not valid JSON" in records[1]["error"]
    assert records[2]["text"] == "Ferries return on Monday."
    assert "batch.jsonl:2" in run.stderr and "Traceback" not in run.stderr


def test_only_the_size_limit_refuses_a_long_text_with_one_line(tmp_path):
    paragraph = "The ferry left the harbour on Monday, officials said.\n\n"
    (tmp_path / "huge.txt").write_text(
        paragraph * (DEFAULT_MAX_BYTES // len(paragraph) + 1), encoding="utf-8"
    )
    run = presslens("analyze", "huge.txt", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith("presslens: huge.txt: the input is ")
    assert f"over the limit of {DEFAULT_MAX_BYTES:,}" in line and "--max-bytes" in line


def test_a_text_over_the_limit_fails_in_a_batch_and_the_rest_go_on(tmp_path):
    huge = "The ferry left. " * (DEFAULT_MAX_BYTES // 16 + 1)
    lines = [
        {"id": "a1", "text": "The harbour reopened, officials said."},
        {"id": "a2", "text": huge},
        {"id": "a3", "text": "Ferries return on Monday."},
    ]
    (tmp_path / "batch.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8"
    )
    run = presslens("analyze", "--format", "jsonl", "batch.jsonl", cwd=tmp_path)
    assert run.returncode == 2
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["source"]["id"] for r in records] == ["a1", "batch.jsonl:2", "a3"]
    assert "over the limit" in records[1]["error"] and "error" not in records[2]
    assert "Traceback" not in run.stderr


def test_article_from_stdin(tmp_path):
    run = presslens("analyze", "-", cwd=tmp_path, stdin=GOOD)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["headline"]["text"] == "Harbour reopens"
