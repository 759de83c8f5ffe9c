"""Readers: plain text, HTML, encodings, JSONL, and the errors for input that cannot be read."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.errors import InputError
from presslens.io.readers import read_bytes, read_jsonl, read_path

PAGE = """<!doctype html>
<html><head>
<title>Harbour reopens after storm | The Portvale Gazette</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="The Portvale Gazette">
<meta property="og:url" content="https://gazette.example/harbour">
<meta property="article:published_time" content="2024-03-14T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Harbour reopens after storm</h1>
<p class="byline">By Jane Doe</p>
<p>The harbour reopened on Tuesday after a week of repairs, officials said. Mayor Ana Ruiz
called the work "a small miracle" and thanked the crews who worked through the night.</p>
<figure><img src="boats.jpg" alt="Boats"><figcaption>Boats return to the harbour on Tuesday.
Photo: Tom Bell/AP</figcaption></figure>
<h2>Repairs ahead of schedule</h2>
<p>"We will rebuild everything that was lost," Ruiz told reporters at the quay. She said the
repairs had cost less than expected and finished two days early.</p>
</article>
<footer>Copyright 2024 The Portvale Gazette. All rights reserved.</footer>
</body></html>
"""


def hinted(art) -> list[tuple[str, str]]:
    return [(h.kind, art.text[h.start : h.end]) for h in art.hints]


def test_html_article_keeps_headings_captions_and_metadata(tmp_path):
    path = tmp_path / "harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    art = read_path(path)
    assert hinted(art) == [
        ("headline", "Harbour reopens after storm"),
        ("byline", "By Jane Doe"),
        (
            "paragraph",
            "The harbour reopened on Tuesday after a week of repairs, officials said. Mayor Ana "
            'Ruiz called the work "a small miracle" and thanked the crews who worked through the '
            "night.",
        ),
        ("caption", "Boats return to the harbour on Tuesday. Photo: Tom Bell/AP"),
        ("subheading", "Repairs ahead of schedule"),
        (
            "paragraph",
            '"We will rebuild everything that was lost," Ruiz told reporters at the quay. She said '
            "the repairs had cost less than expected and finished two days early.",
        ),
    ]
    assert art.text.startswith("Harbour reopens after storm\n\nBy Jane Doe\n\nThe harbour")
    assert "Copyright" not in art.text and "Home" not in art.text
    assert art.headline == "Harbour reopens after storm"
    assert art.published == dt.date(2024, 3, 14)
    assert (art.outlet, art.url) == ("The Portvale Gazette", "https://gazette.example/harbour")
    assert (art.id, art.path) == ("harbour", str(path))


def test_explicit_published_date_overrides_the_page(tmp_path):
    path = tmp_path / "harbour.htm"
    path.write_text(PAGE, encoding="utf-8")
    assert read_path(path, published="2024-03-20").published == dt.date(2024, 3, 20)


def test_html_is_recognised_by_content_and_titled_from_the_page():
    page = (
        b"<html><head><title>Ferries return</title></head><body><div>"
        b"<p>The first ferry left Portvale at six on Monday and was full, the operator said.</p>"
        b"</div></body></html>"
    )
    art = read_bytes(page, name="<stdin>")
    assert art.text == (
        "Ferries return\n\n"
        "The first ferry left Portvale at six on Monday and was full, the operator said."
    )
    assert hinted(art)[0] == ("headline", "Ferries return")


def test_html_without_article_text_is_refused():
    page = b"<html><head><title>Home</title></head><body><script>go()</script></body></html>"
    with pytest.raises(InputError, match="no article text found in the HTML"):
        read_bytes(page, name="page.html")


def test_plain_text_is_kept_exactly_as_decoded():
    data = b"Ferries return\r\n\r\n  The first ferry left at six.  \r\n"
    art = read_bytes(data, name="ferries.txt")
    assert art.text == data.decode("utf-8")
    assert art.hints == [] and art.warnings == []


def test_a_utf8_byte_order_mark_is_dropped():
    art = read_bytes("\ufeffFerries “return”.".encode(), name="ferries.txt")
    assert art.text == "Ferries “return”."


def test_utf16_with_byte_order_mark_is_read():
    art = read_bytes("Ferries “return”.".encode("utf-16"), name="ferries.txt")
    assert art.text == "Ferries “return”."


def test_windows_1252_smart_quotes_are_decoded_with_a_warning():
    text = "“We will rebuild,” said Mayor Ana Ruiz. It’s been a hard week at the café.\n"
    art = read_bytes(text.encode("cp1252"), name="ruiz.txt")
    assert art.text == text
    assert len(art.warnings) == 1 and "cp1252" in art.warnings[0]


def test_replaced_characters_are_counted():
    page = (
        b'<html><head><meta charset="windows-1252"></head><body><p>\x93Ferries\x94 left '
        b"Portvale at six on Monday, the operator said \x81 and the quay was full.</p>"
        b"</body></html>"
    )
    art = read_bytes(page, name="ferries.html")
    assert art.text.startswith("“Ferries” left Portvale")
    assert "cp1252" in art.warnings[0] and "1 undecodable character" in art.warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        (b"text\x00with\x00nul bytes", "looks like a binary file"),
    ],
)
def test_unreadable_input_says_what_is_wrong(data, message):
    with pytest.raises(InputError, match=message):
        read_bytes(data, name="input.txt")


def test_input_over_the_size_limit_names_the_flag(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Ferries return. " * 10, encoding="utf-8")
    with pytest.raises(InputError, match="--max-bytes"):
        read_path(path, max_bytes=100)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")


def test_jsonl_records_and_bad_lines_in_order(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Ferries return.", "headline": "Ferries", '
        '"published": "2024-03-14"}\n'
        '{"id": "a2", "text": "broken\n'
        "\n"
        '["not", "an", "object"]\n'
        '{"id": "a4", "body": "no text field"}\n'
        '{"text": "Second good one."}\n',
        encoding="utf-8",
    )
    results = list(read_jsonl(path))
    assert [name for name, _ in results] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6)]
    first, broken, listed, textless, last = (r for _, r in results)
    assert (first.id, first.text, first.published) == (
        "a1",
        "Ferries\n\nFerries return.",
        dt.date(2024, 3, 14),
    )
    assert isinstance(broken, InputError) and str(broken).startswith("not valid JSON")
    assert isinstance(listed, InputError) and "JSON object" in str(listed)
    assert isinstance(textless, InputError) and '"text"' in str(textless)
    assert last.id == "6" and last.text == "Second good one."


def test_html_headline_byline_and_bold_subheading_outside_the_article_body():
    page = """<html><head><title>Ferries return - Portvale Gazette</title></head><body>
    <header><h1>Ferries return</h1>
    <div class="byline">By <a href="/jd">Jane Doe</a>, Staff writer</div></header>
    <main><p>The first ferry left at six on Monday and was full, the operator said.</p>
    <p><strong>A long wait</strong></p>
    <p>Passengers had waited three weeks.<br>"It was worth it," said Tom Bell.</p></main>
    </body></html>"""
    art = read_bytes(page.encode(), name="ferries.html")
    assert hinted(art) == [
        ("headline", "Ferries return"),
        ("byline", "By Jane Doe, Staff writer"),
        ("paragraph", "The first ferry left at six on Monday and was full, the operator said."),
        ("subheading", "A long wait"),
        ("paragraph", 'Passengers had waited three weeks. "It was worth it," said Tom Bell.'),
    ]


def test_xhtml_with_an_xml_declaration_is_read():
    page = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        b"<body><p>The first ferry left Portvale at six on Monday, the operator said.</p>"
        b"</body></html>"
    )
    art = read_bytes(page, name="ferries.xhtml")
    assert art.text == "The first ferry left Portvale at six on Monday, the operator said."


def test_a_non_western_single_byte_encoding_is_detected():
    text = "Мэр города Ана Руис заявила в понедельник, что гавань снова открыта для судов.\n"
    art = read_bytes(text.encode("cp1251"), name="port.txt")
    assert art.text == text and "cp1251" in art.warnings[0]
