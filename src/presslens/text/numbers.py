"""Quantities said in text: "$38 million", "14 percent", "200 plus", "a third", "one in five".

Pure functions over a string (no spaCy), so any layer can read the figures of a
sentence or a headline. A figure is found with its bound ("more than 200" is at
least 200, "nearly 200" at most), a range's upper end ("10 to 12"), and a unit:
a currency code, ``percent``, ``percentage point``, ``fraction`` or the noun
that follows ("200 people" -> ``people``). Years, dates, times of day, ordinals,
list numbers and identifiers ("F-35", "No. 1", "9/11") are not quantities.
The vocabulary is ``resources/lexicons/numbers/lexicon.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from presslens.lexicons import lexicon, lexicon_from, load_json

_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.?|[ap]m\b|o['’]clock\b)", re.IGNORECASE)
_GLUED_BEFORE = re.compile(r"[^\W\d_]-?$|\d[-/:]$|/$")
_FRACTION_DETERMINERS = frozenset({"a", "an", "one"})
_HALF_FOLLOWERS = frozenset({"of", "the", "its", "their", "his", "her", "our", "all"})
_FIRST_YEAR, _LAST_YEAR = 1800, 2099
_SENTENCE_OPENERS = frozenset('.!?:;"“(—')
_LONGEST_FIGURE_DIGITS = 10  # a longer run of digits without separators is an identifier


@dataclass(frozen=True)
class NumberMention:
    """One figure: ``text[start:end]`` reads as ``value`` (``upper`` for a range) of ``unit``."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    bound: str | None = None  # at_least | at_most | about
    upper: float | None = None


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, float]  # units and tens
    scales: dict[str, float]
    suffixes: dict[str, float]
    suffixes_need_currency: frozenset[str]
    vague: dict[str, float]
    fractions: dict[str, float]
    currency_symbols: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    percent: dict[tuple[str, ...], str]
    bounds_before: dict[tuple[str, ...], str]
    bounds_after: dict[tuple[str, ...], str]
    range_words: frozenset[str]
    months: frozenset[str]
    identifiers_before: frozenset[str]
    unit_aliases: dict[str, str]
    not_units: frozenset[str]
    starters: frozenset[str]  # the words a spelled-out figure can start with
    maybe_figure: re.Pattern[str]  # what any figure has: a digit or a number word

    @classmethod
    def load(cls) -> _Lexicon:
        data = load_json("numbers", "lexicon.json")
        starters = frozenset(
            [*data["units"], *data["tens"], *data["vague"], *_FRACTION_DETERMINERS, "half", "tens"]
        )
        # every figure has a digit or one of these words ('a dozen', 'one-third', 'one in five')
        telling = (starters | set(data["scales"]) | set(data["fractions"])) - _FRACTION_DETERMINERS
        maybe = r"\d|\b(?:" + "|".join(sorted(telling, key=len, reverse=True)) + r")\b"
        return lexicon_from(
            cls,
            data,
            words={**data["units"], **data["tens"]},
            vague={k: float(v) for k, v in data["vague"].items()},
            currency_words=_phrases(data["currency_words"]),
            percent=_phrases(data["percent"]),
            bounds_before=_phrases(data["bounds_before"]),
            bounds_after=_phrases(data["bounds_after"]),
            starters=starters,
            maybe_figure=re.compile(maybe, re.IGNORECASE),
        )


def _phrases(table: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(_TOKEN.findall(k)): v for k, v in table.items()}


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    low: str

    @property
    def is_digit(self) -> bool:
        return self.low[0].isdigit()


@dataclass
class _Core:
    """A figure's numeral: tokens ``first`` to ``last`` (inclusive)."""

    first: int
    last: int
    value: float
    kind: str  # digits | words | vague | fraction
    scale: float = 1.0  # what a scale word or suffix multiplied the numeral by
    suffix: str | None = None


class _Reader:
    """Reads the figures of one text, token by token (one left-to-right pass)."""

    def __init__(
        self, text: str, offset: int, noun_unit: Callable[[int, str], str | None] | None
    ) -> None:
        self.text = text
        self.offset = offset
        self.lex = lexicon(_Lexicon)
        self.toks = [_Tok(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
        self.noun_unit = noun_unit

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def adjacent(self, i: int) -> bool:
        """Whether token ``i`` touches the token before it."""
        return 0 < i < len(self.toks) and self.toks[i].start == self.toks[i - 1].end

    def phrase_at(self, i: int, table: dict[tuple[str, ...], str]) -> tuple[int, str] | None:
        """(tokens used, value) of the longest phrase of ``table`` starting at token ``i``."""
        for n in (3, 2, 1):
            key = tuple(self.low(k) for k in range(i, i + n))
            if key in table:
                return n, table[key]
        return None

    def phrase_before(self, i: int, table: dict[tuple[str, ...], str]) -> tuple[int, str] | None:
        """(tokens used, value) of the longest phrase of ``table`` ending before token ``i``."""
        for n in (3, 2, 1):
            if i - n < 0:
                continue
            key = tuple(self.low(k) for k in range(i - n, i))
            if key in table:
                return n, table[key]
        return None

    # -- numerals -----------------------------------------------------------------------------

    def words_value(self, i: int) -> tuple[int, float] | None:
        """(last token, value) of a spelled-out number starting at ``i`` ('twenty-five',
        'two hundred and fifty thousand', 'a dozen', 'half a million')."""
        lex = self.lex
        j, factor = i, 1.0
        if self.low(i) == "half" and self.low(i + 1) in ("a", "an"):
            j, factor = i + 1, 0.5
        if self.low(j) in ("a", "an"):
            if self.low(j + 1) not in lex.scales:
                return None
            j += 1
            total, current = 0.0, 1.0
        elif self.low(j) in lex.words:
            total, current = 0.0, 0.0
        else:
            return None
        last = j - 1
        while j < len(self.toks):
            w = self.low(j)
            if w in lex.words:
                current += lex.words[w]
            elif w in lex.scales:
                scale = lex.scales[w]
                if scale >= 1000:
                    total += max(current, 1.0) * scale
                    current = 0.0
                else:
                    current = max(current, 1.0) * scale
            elif self.low(j + 1) in lex.words and (
                (w == "-" and self.adjacent(j)) or (w == "and" and self.low(last) in lex.scales)
            ):  # 'twenty-five', 'a hundred and fifty'
                j += 1
                continue
            else:
                break
            last = j
            j += 1
        return last, (total + current) * factor

    def can_start(self, i: int) -> bool:
        """Whether a numeral may start at token ``i`` (a quick test before ``read``)."""
        low = self.toks[i].low
        return self.toks[i].is_digit or low in self.lex.starters

    def core(self, i: int) -> _Core | None:
        lex, tok = self.lex, self.toks[i]
        if tok.is_digit:
            value = float(tok.low.replace(",", ""))
            nxt = self.low(i + 1)
            if self.adjacent(i + 1) and nxt in _ORDINAL_SUFFIXES:
                return None
            if self.adjacent(i + 1) and nxt in lex.suffixes:
                scale = lex.suffixes[nxt]
                return _Core(i, i + 1, value * scale, "digits", scale, nxt)
            if nxt in lex.scales:
                scale = lex.scales[nxt]
                return _Core(i, i + 1, value * scale, "digits", scale)
            if self.low(i + 1) == "in" and self.toks[i + 2 : i + 3] and self.toks[i + 2].is_digit:
                if _is_year(self.low(i + 2)):  # '14 in 2019': a count and a year
                    return _Core(i, i, value, "digits")
                return self.one_in(i, value, i + 2, float(self.low(i + 2).replace(",", "")))
            return _Core(i, i, value, "digits")
        if tok.low in lex.vague and self.low(i + 1) == "of":
            return _Core(i, i, lex.vague[tok.low], "vague")
        if tok.low == "tens" and self.low(i + 1) == "of" and self.low(i + 2) in lex.vague:
            return _Core(i, i + 2, 10 * lex.vague[self.low(i + 2)], "vague")
        return self.fraction(i) or self.spelled(i)

    def spelled(self, i: int) -> _Core | None:
        found = self.words_value(i)
        if found is None:
            return None
        last, value = found
        if self.low(last + 1) == "in" and self.low(last + 2) in self.lex.words:
            return self.one_in(i, value, last + 2, self.lex.words[self.low(last + 2)])
        if last == i and self.low(i) == "one":
            return None  # 'one of them', 'the one who': not a figure on its own
        scales = [self.lex.scales.get(self.low(k), 1.0) for k in range(i, last + 1)]
        return _Core(i, last, value, "words", max(scales))

    def one_in(self, i: int, top: float, j: int, bottom: float) -> _Core | None:
        """'one in five', '1 in 4'."""
        if not bottom or top >= bottom:
            return None
        return _Core(i, j, top / bottom, "fraction")

    def fraction(self, i: int) -> _Core | None:
        """'a third (of)', 'two-thirds', 'three quarters', 'half (of)'."""
        lex, w = self.lex, self.low(i)
        if w == "half" and (
            self.low(i + 1) in _HALF_FOLLOWERS and self.low(i + 2) not in lex.scales
        ):
            return _Core(i, i, 0.5, "fraction")
        if w not in _FRACTION_DETERMINERS and w not in lex.words:
            return None
        j = i + 2 if self.low(i + 1) == "-" and self.adjacent(i + 1) else i + 1
        frac = self.low(j)
        if frac not in lex.fractions:
            return None
        count = 1.0 if w in _FRACTION_DETERMINERS else lex.words[w]
        plural = frac.endswith("s") or frac == "halves"
        hyphenated = j == i + 2
        if not plural and not hyphenated and self.low(j + 1) not in ("of", "", ".", ",", ";"):
            return None  # 'a third term', 'one quarter century': an ordinal
        if plural and count == 1:
            return None
        return _Core(i, j, count * lex.fractions[frac], "fraction")

    # -- one figure -----------------------------------------------------------------------------

    def currency_before(self, i: int) -> tuple[int, str] | None:
        """(first token, currency) of a symbol just before token ``i`` ('$', 'US$')."""
        sym = self.low(i - 1)
        if sym not in self.lex.currency_symbols:
            return None
        prefixed = self.low(i - 2) + sym
        if self.adjacent(i - 1) and prefixed in self.lex.currency_symbols:
            return i - 2, self.lex.currency_symbols[prefixed]
        return i - 1, self.lex.currency_symbols[sym]

    def unit_after(self, j: int) -> tuple[int, str | None, str | None]:
        """(next token, unit, kind) after a numeral ending before token ``j``: a percent word,
        a currency word or nothing; kind is 'percent', 'currency' or None."""
        found = self.phrase_at(j, self.lex.percent)
        if found is not None:
            return j + found[0], found[1], "percent"
        found = self.phrase_at(j, self.lex.currency_words)
        if found is not None:
            return j + found[0], found[1], "currency"
        return j, None, None

    def noun(self, j: int) -> str | None:
        """The unit noun at token ``j`` ('people', 'jobs' -> 'job'), or None."""
        if j >= len(self.toks):
            return None
        tok = self.toks[j]
        lex = self.lex
        if not tok.low.isalpha() or tok.low in lex.not_units or tok.low in lex.months:
            return None
        if tok.low in lex.words or tok.low in lex.scales:
            return None
        if self.noun_unit is not None:
            lemma = self.noun_unit(tok.start + self.offset, tok.low)
            return None if lemma is None else lex.unit_aliases.get(lemma, lemma)
        return lex.unit_aliases.get(tok.low) or _singular(tok.low)

    def read(self, i: int) -> tuple[int, NumberMention] | None:
        """The figure whose numeral starts at token ``i``, and the token after it."""
        lex, text = self.lex, self.text
        core = self.core(i)
        if core is None:
            return None
        first, j = core.first, core.last + 1
        currency = self.currency_before(first)
        unit = currency[1] if currency else None
        if currency:
            first = currency[0]
        if core.suffix in lex.suffixes_need_currency and not currency:
            return None  # '38m' is 38 metres, '4K' a resolution
        bound = None
        found = self.phrase_before(first, lex.bounds_before)
        if found is not None:
            first -= found[0]
            bound = found[1]
        if core.kind == "vague":
            bound = bound or "at_least"
        if core.kind == "vague" and self.low(j) == "of":  # 'millions of dollars'
            k, word_unit, unit_kind = self.unit_after(j + 1)
            j = k if word_unit else j
        else:
            j, word_unit, unit_kind = self.unit_after(j)
        unit = unit or word_unit
        upper = None
        if self.is_range(j, first, word_unit):
            rng = self.range_end(j + 1, core)
            if rng is not None:
                high, j, range_unit, range_kind = rng
                upper = high.value
                if core.scale == 1.0 and high.scale != 1.0:  # 'between 10 and 12 million'
                    core.value *= high.scale
                unit, unit_kind = unit or range_unit, unit_kind or range_kind
        after = self.phrase_at(j, lex.bounds_after)
        if after is not None and (after[1] != "at_least" or self.low(j) != "+" or self.adjacent(j)):
            j += after[0]
            bound = bound or after[1]
        if core.kind == "fraction":
            unit = unit or "fraction"
        elif unit is None:
            k = j + 1 if self.low(j) == "of" and core.kind == "vague" else j
            unit = self.noun(k)
        has_unit = currency is not None or unit_kind is not None
        if not self.is_quantity(core, has_unit, bound, upper is not None):
            return None
        start, end = self.toks[first].start, self.toks[j - 1].end
        mention = NumberMention(
            start + self.offset, end + self.offset, text[start:end], core.value, unit, bound, upper
        )
        return j, mention

    def is_range(self, j: int, first: int, own_unit: str | None) -> bool:
        """Whether token ``j`` joins the figure starting at token ``first`` to a range's upper
        end: 'to' and dashes do, 'and' after 'between'; not a change 'from 10 to 12' nor after a
        unit word ('rose 2 percent to 14 percent')."""
        joiner = self.low(j)
        if joiner not in self.lex.range_words or own_unit is not None:
            return False
        if joiner == "and":
            return self.low(first - 1) == "between"
        return self.low(first - 1) != "from"

    def range_end(self, k: int, low: _Core) -> tuple[_Core, int, str | None, str | None] | None:
        """(upper end, next token, unit, unit kind) of a range whose upper end starts at ``k``."""
        if self.low(k) in self.lex.currency_symbols:
            k += 1
        if k >= len(self.toks):
            return None
        high = self.core(k)
        if high is None or high.kind != low.kind or high.kind in ("fraction", "vague"):
            return None
        scale = high.scale if low.scale == 1.0 else 1.0
        if high.value <= low.value * scale:
            return None  # '3-2' is a score, not a range
        j, unit, kind = self.unit_after(high.last + 1)
        return high, j, unit, kind

    def names(self, k: int) -> bool:
        """Whether token ``k`` is a capitalised word inside a sentence, naming what the number
        after it is part of ('Fortune 500', 'Boeing 737')."""
        if k < 1 or not self.low(k).isalpha():
            return False
        tok = self.toks[k]
        word = self.text[tok.start : tok.end]
        opens_sentence = (
            self.low(k - 1) in _SENTENCE_OPENERS
            or "\n" in self.text[self.toks[k - 1].end : tok.start]
        )
        return word[0].isupper() and not opens_sentence and self.low(k) not in self.lex.not_units

    def is_quantity(self, core: _Core, has_unit: bool, bound: str | None, ranged: bool) -> bool:
        """False for years, dates, times, ordinals, list numbers and identifiers."""
        if core.kind != "digits":
            return True
        tok, lex = self.toks[core.first], self.lex
        before = self.text[max(0, tok.start - 2) : tok.start]
        after = self.text[tok.end : tok.end + 2]
        joined = after[:1] in ":-" and after[1:2].isdigit() and not ranged
        if _GLUED_BEFORE.search(before) or after[:1] == "/" or joined:
            return False  # 'F-35', 'COVID-19', '9/11', '10:30', '3-2', '800-273-8255'
        if len(tok.low) >= _LONGEST_FIGURE_DIGITS and tok.low.isdigit():
            return False  # an id or a phone number
        glued = self.adjacent(core.first + 1) and self.low(core.first + 1).isalpha()
        if glued and core.scale == 1.0:
            return False  # '3D'
        if has_unit or core.scale != 1.0:
            return True
        prev = self.low(core.first - 1)
        if prev == ".":  # 'Sept. 26'
            prev = self.low(core.first - 2)
        if prev in lex.months or self.low(core.first + 1) in lex.months:
            return False
        if bound is None and (prev in lex.identifiers_before or self.names(core.first - 1)):
            return False
        if _TIME_AFTER.match(self.text, tok.end):
            return False
        if _is_year(tok.low) and bound is None:
            return False
        line_start = self.text.rfind("\n", 0, tok.start) + 1
        is_listed = self.low(core.first + 1) in (".", ")")  # a list number
        return not (is_listed and not self.text[line_start : tok.start].strip())


def _is_year(digits: str) -> bool:
    """'2019', never '2,019' or '2019.5'."""
    return digits.isdigit() and len(digits) == 4 and _FIRST_YEAR <= int(digits) <= _LAST_YEAR


def _singular(word: str) -> str:
    """A plural noun's singular, by rule ('jobs' -> 'job', 'cities' -> 'city')."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def find_numbers(
    text: str,
    offset: int = 0,
    noun_unit: Callable[[int, str], str | None] | None = None,
) -> list[NumberMention]:
    """The figures in ``text``, in order, with offsets shifted by ``offset``.

    ``noun_unit(char, word)`` may say what the word after a figure (at ``char``, offset
    included) is as a unit: its lemma when it is a noun, else None. Without it a plural
    is made singular by rule.
    """
    lex = lexicon(_Lexicon)
    if not lex.maybe_figure.search(text):
        return []
    reader = _Reader(text, offset, noun_unit)
    found: list[NumberMention] = []
    i = 0
    while i < len(reader.toks):
        read = reader.read(i) if reader.can_start(i) else None
        if read is None:
            i += 1
        else:
            i, mention = read
            found.append(mention)
    return found
