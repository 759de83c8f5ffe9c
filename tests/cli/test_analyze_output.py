"""The real ``presslens analyze`` command: formats, output files, the JSONL batch form."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # each test runs the command in a new process

ARTICLE = (
    "Council backs bridge\n\n"
    '"We will rebuild the bridge by spring," said Mayor Ana Ruiz on Thursday.\n\n'
    "Ruiz added that the council had approved the money.\n"
)


def presslens(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "presslens", "analyze", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_json_to_stdout_has_quotes_with_offsets(tmp_path):
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    run = presslens("bridge.txt", "--published", "2024-03-16", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["source"]["published"] == "2024-03-16"
    quote = out["quotes"][0]
    assert quote["content"]["text"] == '"We will rebuild the bridge by spring,"'
    assert (
        out["text"][quote["content"]["start"] : quote["content"]["end"]]
        == (quote["content"]["text"])
    )
    assert quote["speaker"]["text"] == "Mayor Ana Ruiz"
    assert quote["date"] == "2024-03-14"


def test_out_dir_writes_one_file_per_input_and_brat_text_beside(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Ana Ruiz", "Tom Bell"), encoding="utf-8")
    for fmt, ext in (("json", "json"), ("html", "html"), ("brat", "ann")):
        run = presslens("a.txt", "b.txt", "--format", fmt, "--out-dir", "out", cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert (tmp_path / "out" / f"a.{ext}").exists()
        assert (tmp_path / "out" / f"b.{ext}").exists()
    ann = (tmp_path / "out" / "b.ann").read_text(encoding="utf-8")
    text = (tmp_path / "out" / "b.txt").read_text(encoding="utf-8")
    assert text == ARTICLE.replace("Ana Ruiz", "Tom Bell")
    assert "Tom Bell" in ann
    assert "Tom Bell" in (tmp_path / "out" / "b.html").read_text(encoding="utf-8")


def test_jsonl_batch_keeps_order_ids_and_headline(tmp_path):
    lines = [
        {"id": "first", "text": "Ruiz said the bridge would reopen.", "headline": "Bridge news"},
        {"id": "second", "text": "", "published": "2024-03-16"},
        {"id": "third", "text": '"It works," Tom Bell said.', "published": "2024-03-16"},
    ]
    (tmp_path / "in.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8"
    )
    run = presslens("in.jsonl", "--format", "jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert run.returncode == 2
    assert "in.jsonl:2" in run.stderr
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [o["source"]["id"] for o in out] == ["first", "second", "third"]
    assert out[1]["input"] == "in.jsonl:2"
    assert out[0]["text"].startswith("Bridge news\n\nRuiz said")
    assert out[0]["headline"]["text"] == "Bridge news"
    assert "empty" in out[1]["error"]
    assert out[2]["source"]["published"] == "2024-03-16"
    assert out[2]["quotes"][0]["speaker"]["text"] == "Tom Bell"


def test_jsonl_batch_carries_times_claims_events_and_the_headline_check(tmp_path):
    body = (
        "Police arrested 14 protesters outside parliament yesterday, officials said. "
        "Unemployment rose to 9 percent last year, the highest level since 2010."
    )
    lines = [
        {"id": "dated", "headline": "Police arrest 40 protesters", "text": body},
        {"id": "undated", "text": body},
    ]
    for line in lines[:1]:
        line["published"] = "2024-03-16"
    (tmp_path / "in.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8"
    )
    run = presslens("in.jsonl", "--format", "jsonl", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    dated, undated = (json.loads(x) for x in run.stdout.splitlines())

    yesterday = next(t for t in dated["times"] if t["text"] == "yesterday")
    assert (yesterday["value"], yesterday["anchor"]) == ("2024-03-15", "2024-03-16")
    assert next(t for t in undated["times"] if t["text"] == "yesterday")["anchor"] is None

    figures = {n["text"]: n for c in dated["claims"] for n in c["numbers"]}
    assert figures["9 percent"]["value"] == 9 and figures["9 percent"]["unit"] == "percent"
    assert any(
        e["type"] == "COERCE" and e["trigger"]["text"] == "arrested" for e in dated["events"]
    )

    check = dated["headline_check"]
    assert check["verdict"] == "overstated"
    assert any(f["kind"] == "number_inflated" for f in check["findings"])
    assert undated["headline_check"]["verdict"] == "not_applicable"


def test_schema_command_prints_the_contract(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "presslens", "schema"], capture_output=True, text=True, check=True
    )
    props = json.loads(run.stdout)["properties"]
    for field in ("schema_version", "text", "source", "headline", "blocks", "entities", "quotes"):
        assert field in props
