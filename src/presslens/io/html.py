"""HTML articles: the main text through trafilatura, as plain text plus block hints.

The produced text is the headline first (from ``<h1>``, else the page title),
then one block per heading, paragraph, caption or list item, separated by blank
lines, whitespace inside a block collapsed to single spaces. ``BlockHint``s mark
what each block was in the HTML, with offsets into the produced text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml import etree

from presslens.errors import InputError
from presslens.io.article import Article, BlockHint, parse_date

NO_TEXT = (
    "no article text found in the HTML: is it the article page itself (not an index, a "
    "login wall or a page built by JavaScript)? Save the article text as .txt and give that"
)

_BOLD_HEADING_WORDS = 15
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses it in a decoded string

# Dates from the page's metadata only: the extensive search guesses from free text and URLs.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _element_text(elem: etree._Element) -> str:
    """The text of an element, its line breaks as spaces."""
    for lb in elem.iter("lb", "br"):
        lb.tail = " " + (lb.tail or "")
    return _clean("".join(elem.itertext()))


def _bold_heading(elem: etree._Element, text: str) -> bool:
    """A short paragraph that is one bold run: a subheading set as ``<p><strong>``."""
    return (
        len(text.split()) <= _BOLD_HEADING_WORDS
        and not text.endswith(".")
        and len(elem) == 1
        and elem[0].tag == "hi"
        and elem[0].get("rend") == "#b"
        and not (elem.text or "").strip()
        and not (elem[0].tail or "").strip()
    )


def _mark_captions(tree: lxml.html.HtmlElement) -> set[str]:
    """Turn figures into plain blocks so trafilatura keeps their captions; the caption texts."""
    captions = set()
    for elem in tree.iter("figcaption"):
        if text := _element_text(elem):
            captions.add(text)
        elem.tag = "p"
    for elem in tree.iter("figure"):
        elem.tag = "div"
    return captions


def _byline(tree: lxml.html.HtmlElement) -> str | None:
    """The text of the page's byline element, which trafilatura drops as boilerplate."""
    for elem in tree.xpath("//body//*[contains(translate(@class, 'BYLINE', 'byline'), 'byline')]"):
        text = _element_text(elem)
        if 0 < len(text) <= 120:
            return text
    return None


def _blocks(body: etree._Element) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` for each block of trafilatura's XML body, in order."""
    for elem in body:
        tag = elem.tag
        if tag == "head":
            kind = "headline" if elem.get("rend") == "h1" else "subheading"
            yield kind, _element_text(elem)
        elif tag == "list":
            for item in elem.iter("item"):
                yield "paragraph", _element_text(item)
        elif tag == "table":
            for row in elem.iter("row"):
                yield "paragraph", " | ".join(_element_text(cell) for cell in row.iter("cell"))
        elif tag == "quote" and len(elem):
            yield from _blocks(elem)
        elif tag != "graphic":
            text = _element_text(elem)
            yield ("subheading" if _bold_heading(elem, text) else "paragraph"), text


def _page_date(value: str | None) -> dt.date | None:
    """The page's publication date, or None when its metadata holds none that is readable."""
    try:
        return parse_date(value)
    except InputError:
        return None


def read_html(
    html: str, *, headline: str | None = None, published: dt.date | str | None = None
) -> Article:
    """An article from an HTML page; an explicit ``headline``/``published`` beats the page's."""
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        raise InputError(NO_TEXT) from None
    captions = _mark_captions(tree)
    byline = _byline(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        favor_recall=True,
        date_extraction_params=_DATE_PARAMS,
    )
    blocks = [(k, t) for k, t in _blocks(doc.body) if t] if doc is not None else []
    if headline:
        headline = _clean(headline)
        if blocks and blocks[0][0] == "headline":
            blocks.pop(0)
    elif blocks and blocks[0][0] == "headline":
        headline = blocks.pop(0)[1]
    elif doc is not None and doc.title:
        headline = _clean(doc.title)
    if headline and blocks and blocks[0][1] == headline:
        blocks.pop(0)
    blocks = [("subheading" if k == "headline" else k, t) for k, t in blocks]  # a later <h1>
    if not any(k == "paragraph" for k, _ in blocks):
        raise InputError(NO_TEXT)
    if byline and all(byline not in t for _, t in blocks):
        blocks.insert(0, ("byline", byline))
    if headline:
        blocks.insert(0, ("headline", headline))

    parts, hints, offset = [], [], 0
    for kind, text in blocks:
        if kind == "paragraph" and text in captions:
            kind = "caption"
        hints.append(BlockHint(kind=kind, start=offset, end=offset + len(text)))
        parts.append(text)
        offset += len(text) + 2
    return Article(
        text="\n\n".join(parts),
        headline=headline,
        published=parse_date(published) if published else _page_date(doc.date),
        outlet=doc.sitename or None,
        url=doc.url or None,
        hints=hints,
    )
