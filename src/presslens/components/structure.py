"""Article structure: headline, byline, dateline, subheadings, paragraphs, captions, credits.

Blocks tile the non-blank text in order. HTML articles bring their blocks as
``Article.hints``; plain text is read line by line with the patterns in
``resources/lexicons/structure/patterns.json``. The component runs before the parser and
marks every block start as a sentence start, which spaCy's parser keeps, so no
sentence crosses a block boundary.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from presslens.io.article import Article
from presslens.lexicons import lexicon, load_json
from presslens.nlp.layers import doc_text, layers
from presslens.schema import Block

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\s/|,;()]+")
_SENTENCE_END = re.compile(r"[.!?…,;:][”\"’')\]]*$")
_WRAP_END = re.compile(r"[.!?…:;”\"’')\]]$")
_TAIL_START = re.compile(r"(?:(?<=[.!?”\")])|(?<=[.!?][”\"’])) +(?=\S)")
_PAREN_TAIL = re.compile(r" +\((?P<inner>[^()]{1,120})\)\.?$")
_QUOTED_TITLE = re.compile(r"^[“\"‘][^”\"’]{1,120}[”\"’](?= +\S)")

_NOT_HEADING_START = "—–-[(*•"  # tweet attributions, stage directions, list items
_CREDIT_CHARS = 160  # a credit is a few names: no need to look further back
_SLOT = re.compile(r"\{(month|licence|credit_prefix|caption_prefix)\}")

Segment = tuple[str, int, int]  # (kind, start, end)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class StructurePatterns:
    """The compiled patterns of ``resources/lexicons/structure/patterns.json``."""

    agency: re.Pattern[str]
    licence: re.Pattern[str]
    credit_prefixed: re.Pattern[str]
    caption_line: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    byline_staff_line: re.Pattern[str]
    datelines: tuple[re.Pattern[str], ...]
    subheading_quote_line: re.Pattern[str]
    name_words: frozenset[str]
    not_names: frozenset[str]
    byline_max_words: int
    credit_max_words: int
    subheading_max_words: int
    subheading_max_chars: int
    subheading_max_words_quote: int
    headline_max_words: int

    @classmethod
    def load(cls) -> StructurePatterns:
        data = load_json("structure", "patterns.json")
        slots = {
            "month": _alternation(data["months"]),
            "licence": data["licence"],
            "credit_prefix": _alternation(data["credit_prefixes"]),
            "caption_prefix": _alternation(data["caption_prefixes"]),
        }

        def fill(pattern: str, flags: int = 0) -> re.Pattern[str]:
            return re.compile(_SLOT.sub(lambda m: slots[m.group(1)], pattern), flags)

        def compile_(key: str, flags: int = 0) -> re.Pattern[str]:
            return fill(data[key], flags)

        return cls(
            agency=re.compile(rf"(?<![\w-])(?:{_alternation(data['agencies'])})(?![\w-])"),
            licence=re.compile(rf"(?:{data['licence']})"),
            credit_prefixed=compile_("credit_prefixed", re.IGNORECASE),
            caption_line=compile_("caption_line", re.IGNORECASE),
            byline_prefix=re.compile(rf"^(?:{_alternation(data['byline_prefixes'])}) +(?=\S)"),
            byline_staff_line=compile_("byline_staff_line"),
            datelines=tuple(fill(p) for p in data["dateline"]),
            subheading_quote_line=compile_("subheading_quote_line"),
            name_words=frozenset(data["name_words"]),
            not_names=frozenset(data["byline_not_names"]),
            byline_max_words=data["byline_max_words"],
            credit_max_words=data["credit_max_words"],
            subheading_max_words=data["subheading_max_words"],
            subheading_max_chars=data["subheading_max_chars"],
            subheading_max_words_quote=data["subheading_max_words_quote"],
            headline_max_words=data["headline_max_words"],
        )

    def name_like(self, text: str) -> bool:
        """Only names, agencies, numbers and the few lowercase words bylines and credits use."""
        words = [w.strip(".:-—–&'’“”\"") for w in _WORD.findall(text)]
        return all(
            not w
            or w[0].isupper()
            or w[0].isdigit()
            or w in self.name_words
            or self.agency.match(w)
            for w in words
        )

    def is_byline(self, line: str) -> bool:
        if len(line.split()) > self.byline_max_words or line[-1] in "!?":
            return False
        if self.byline_staff_line.match(line):
            return True
        m = self.byline_prefix.match(line)
        if not m:
            return False
        rest = line[m.end() :]
        first = rest.split()[0].strip(",.")
        return (first[:1].isupper() and first not in self.not_names) and self.name_like(rest)

    def is_credit(self, text: str, *, tail: bool = False, titled: bool = False) -> bool:
        """A photo credit; as the ``tail`` of a caption it must say so (prefix, licence, /, via)."""
        text = text.strip().removeprefix("(").removesuffix(".").removesuffix(")").strip()
        if (
            not text
            or text.endswith(":")  # "From Reuters:" introduces what follows
            or len(text) > _CREDIT_CHARS
            or len(text.split()) > self.credit_max_words
        ):
            return False
        if self.licence.match(text):
            return True
        if m := self.credit_prefixed.match(text):
            return self.name_like(m.group("rest"))
        if titled and text.startswith(("by ", "via ")):
            return self.name_like(text[4:])
        if not self.agency.search(text) or not self.name_like(text):
            return False
        return not tail or "/" in text or " via " in text

    def is_subheading(self, line: str) -> bool:
        if self.subheading_quote_line.match(line):
            return len(line.split()) <= self.subheading_max_words_quote
        return (
            len(line) <= self.subheading_max_chars
            and len(line.split()) <= self.subheading_max_words
            and not line[0].islower()
            and line[0] not in _NOT_HEADING_START
            and not _SENTENCE_END.search(line)
        )

    def dateline_end(self, paragraph: str) -> int | None:
        """Where a dateline ("WASHINGTON (Reuters) —") that opens ``paragraph`` ends."""
        for pattern in self.datelines:
            if (m := pattern.match(paragraph)) and m.end() < len(paragraph):
                return len(paragraph[: m.end()].rstrip())
        return None

    def line_blocks(self, line: str, start: int, *, caption: bool = False) -> list[Segment]:
        """Byline, credit or caption (+ its credit) blocks for one line; [] for body text."""
        end = start + len(line)
        if not caption and self.is_byline(line):
            return [("byline", start, end)]
        if self.is_credit(line):
            return [("credit", start, end)]
        if cut := self._credit_cut(line):
            caption_end = start + len(line[:cut].rstrip())
            return [("caption", start, caption_end), ("credit", start + cut, end)]
        if caption or self.caption_line.match(line):
            return [("caption", start, end)]
        return []

    def _credit_cut(self, line: str) -> int | None:
        """Where a credit at the end of a caption line starts, if there is one."""
        if (m := _QUOTED_TITLE.match(line)) and self.is_credit(
            line[m.end() :], tail=True, titled=True
        ):
            return m.end() + 1
        window = max(0, len(line) - _CREDIT_CHARS)
        if (m := _PAREN_TAIL.search(line, window)) and self.is_credit(m.group("inner"), tail=True):
            return m.start() + 1
        cuts = [m.end() for m in _TAIL_START.finditer(line, window)]
        for cut in reversed(cuts[-3:]):
            if self.is_credit(line[cut:], tail=True):
                return cut
        return None


def _lines(text: str, start: int) -> list[tuple[int, int, bool]]:
    """``(start, end, blank_before)`` of each non-blank line from ``start``, stripped."""
    lines, prev = [], start
    for m in _LINE.finditer(text, start):
        raw = m.group()
        s = m.start() + len(raw) - len(raw.lstrip())
        e = m.end() - (len(raw) - len(raw.rstrip()))
        if s < e:
            lines.append((s, e, text.count("\n", prev, s) >= 2))
            prev = e
    return lines


def _wraps(text: str, line: tuple[int, int, bool], nxt: tuple[int, int, bool]) -> bool:
    """Whether ``nxt`` continues ``line`` (a hard-wrapped sentence)."""
    return not nxt[2] and text[nxt[0]].islower() and not _WRAP_END.search(text[line[0] : line[1]])


def plain_text_segments(text: str, headline_end: int | None) -> list[Segment]:
    """The blocks of plain text: special lines first, the rest grouped into paragraphs.

    Lines separated by single newlines form one paragraph when the body separates
    paragraphs with blank lines; otherwise every line is a paragraph, unless it is
    a hard-wrapped sentence going on.
    """
    segments: list[Segment] = []
    if headline_end:
        segments.append(("headline", 0, headline_end))
    lines = _lines(text, headline_end or 0)
    body = lines if headline_end else lines[1:]
    blank_mode = any(blank for _, _, blank in body[1:])
    group: list[tuple[int, int, bool]] = []
    patterns = lexicon(StructurePatterns)

    def flush() -> None:
        if group:
            segments.append(("paragraph" if len(group) > 1 else "line", group[0][0], group[-1][1]))
            group.clear()

    for i, line in enumerate(lines):
        special = patterns.line_blocks(text[line[0] : line[1]], line[0])
        if special:
            flush()
            segments.extend(special)
            continue
        if group and not (
            _wraps(text, group[-1], line)
            or (blank_mode and not line[2] and not (i == 1 and not headline_end))
        ):
            flush()
        group.append(line)
    flush()
    return _name_single_lines(text, segments, first_is_headline=not headline_end)


def _name_single_lines(
    text: str, segments: list[Segment], *, first_is_headline: bool
) -> list[Segment]:
    """Single-line paragraphs become the headline (the first) or subheadings (short, no period)."""
    out: list[Segment] = []
    patterns = lexicon(StructurePatterns)
    for i, (kind, s, e) in enumerate(segments):
        if kind == "line":
            line, has_next = text[s:e], i + 1 < len(segments)
            if i == 0 and first_is_headline and has_next:
                short = len(line.split()) <= patterns.headline_max_words
                kind = "headline" if short and patterns.dateline_end(line) is None else "paragraph"
            elif i > 0 and has_next and patterns.is_subheading(line):
                kind = "subheading"
            else:
                kind = "paragraph"
        out.append((kind, s, e))
    return out


def hinted_segments(text: str, article: Article) -> list[Segment]:
    """The blocks an HTML reader marked, with bylines and credits inside them told apart."""
    segments: list[Segment] = []
    patterns = lexicon(StructurePatterns)
    for hint in article.hints:
        line = text[hint.start : hint.end]
        special = []
        if hint.kind in ("paragraph", "caption"):
            special = patterns.line_blocks(line, hint.start, caption=hint.kind == "caption")
        segments.extend(special or [(hint.kind, hint.start, hint.end)])
    return segments


def split_dateline(text: str, segments: list[Segment]) -> list[Segment]:
    """A dateline opening the first paragraph becomes a block of its own."""
    for i, (kind, s, e) in enumerate(segments):
        if kind == "paragraph":
            cut = lexicon(StructurePatterns).dateline_end(text[s:e])
            if cut is None:
                return segments
            body = s + cut + len(text[s + cut : e]) - len(text[s + cut : e].lstrip())
            return [
                *segments[:i],
                ("dateline", s, s + cut),
                ("paragraph", body, e),
                *segments[i + 1 :],
            ]
    return segments


def find_blocks(text: str, article: Article | None = None) -> list[Block]:
    """The blocks of an article's text, in order."""
    if article is not None and article.hints:
        segments = hinted_segments(text, article)
    else:
        headline = article.headline if article is not None else None
        headline_end = len(headline) if headline and text.startswith(headline) else None
        segments = plain_text_segments(text, headline_end)
    return [Block(kind=k, start=s, end=e) for k, s, e in split_dateline(text, segments)]


class StructureComponent:
    """Writes ``layers(doc).blocks`` and ``.headline`` and starts a sentence at every block."""

    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        lay.blocks = find_blocks(doc_text(doc), lay.article)
        lay.headline = next(((b.start, b.end) for b in lay.blocks if b.kind == "headline"), None)
        starts = [t.idx for t in doc]
        # one array for all blocks: each Token.is_sent_start write checks the whole Doc's parse
        sent_starts = doc.to_array([SENT_START])
        for block in lay.blocks:
            i = bisect.bisect_right(starts, block.start) - 1
            if i >= 0:
                sent_starts[i] = 1
        doc.from_array([SENT_START], sent_starts)
        return doc


@Language.factory("presslens_structure")
def make_structure(nlp: Language, name: str) -> StructureComponent:
    return StructureComponent()
