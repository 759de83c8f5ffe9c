"""Reading what ``ingest`` is given: folders, JSONL streams, .json, web archives (no parse)."""

from __future__ import annotations

import io
import json

from presslens.errors import InputError
from presslens.io.article import Article
from presslens.io.readers import read_jsonl_stream
from presslens.io.sources import count, files, read_sources
from presslens.io.warc import read_warc

PAGE = """<html><head><title>Ferry back | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"></head><body><article>
<h1>{title}</h1><p>The ferry to Port Calder sailed again on Monday after a week of storms,
the operator said, and the first boat left at seven with forty passengers on board.</p>
<p>“We are glad to be back,” said the captain, Mia Holm, as the boat pulled away.</p>
</article></body></html>"""


def test_a_folder_gives_its_article_files_in_order_and_hidden_ones_not(tmp_path):
    for name in ("b.txt", "a.html", "sub/c.jsonl", "sub/d.warc.gz", "notes.md", ".git/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.removeprefix(f"{tmp_path}/") for p in files([str(tmp_path), "-"])]
    assert found == ["a.html", "b.txt", "sub/c.jsonl", "sub/d.warc.gz", "-"]


def test_jsonl_streams_line_by_line_and_a_huge_line_is_skipped_unread():
    lines = [
        json.dumps({"id": "a", "text": "The ferry sailed."}),
        json.dumps({"text": "x" * 5000}),
        "{broken",
        json.dumps({"text": "The bridge reopened.", "url": "https://h.example/b"}),
    ]
    read = list(read_jsonl_stream(io.BytesIO("\n".join(lines).encode()), name="in", max_bytes=1000))
    assert [name for name, _ in read] == ["in:1", "in:2", "in:3", "in:4"]
    first, huge, broken, last = (item for _, item in read)
    assert isinstance(first, Article) and (first.id, first.id_derived) == ("a", False)
    assert isinstance(huge, InputError) and "5,013 bytes" in str(huge)
    assert isinstance(broken, InputError) and "not valid JSON" in str(broken)
    assert isinstance(last, Article) and (last.id, last.id_derived) == ("4", True)


def test_a_json_file_is_one_article(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "The ferry sailed."}), encoding="utf-8")
    ((_, art),) = read_sources([str(tmp_path / "a.json")])
    assert isinstance(art, Article) and (art.id, art.id_derived) == ("a", True)


def test_a_web_archive_gives_its_html_responses_only(tmp_path, write_warc):
    pages = [(f"https://www.harbour.example/{n}", PAGE.format(title=f"Ferry {n}")) for n in (1, 2)]
    path = write_warc(tmp_path / "crawl.warc.gz", pages)
    read = list(read_warc(path))
    assert len(read) == 2 and count([str(path)]) == 2
    (name, art), _ = read
    assert name.startswith(f"{path}@")
    assert isinstance(art, Article)
    assert (art.url, art.outlet, art.headline) == (pages[0][0], "Harbour Times", "Ferry 1")


def test_a_truncated_web_archive_gives_its_first_articles_then_one_error(tmp_path, write_warc):
    pages = [(f"https://h.example/{n}", PAGE.format(title=f"Ferry {n}")) for n in range(3)]
    whole = write_warc(tmp_path / "whole.warc.gz", pages).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])  # one gzip member per record: some whole
    read = [item for _, item in read_sources([str(cut)])]
    assert all(isinstance(a, Article) for a in read[:-1]) and read[:-1]
    assert isinstance(read[-1], InputError) and "corrupt web archive" in str(read[-1])


def test_a_file_that_is_no_web_archive_is_one_error(tmp_path):
    (tmp_path / "x.warc").write_text("hello, not an archive", encoding="utf-8")
    ((_, error),) = read_sources([str(tmp_path / "x.warc")])
    assert isinstance(error, InputError) and "corrupt web archive" in str(error)
