"""The word lists and regex rules of the time tagger, from ``resources/lexicons/times/``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.lexicons import load_json

_PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")


DIGITS = "#"  # the trigger that stands for any number


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    triggers: frozenset[str]  # lower-case words (or DIGITS) one of which every match holds


@dataclass(frozen=True)
class Veto:
    """A match of ``rule`` (reading ``text``, if given) that is no time expression when the
    text before it ends with ``before`` and the text after it starts with ``after``."""

    rule: str
    text: str | None
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None

    def applies(self, rule: str, text: str, start: int, end: int) -> bool:
        return (
            rule == self.rule
            and (self.text is None or text[start:end].lower() == self.text)
            and (self.before is None or self.before.search(text, max(0, start - 30), start))
            is not None
            and (self.after is None or self.after.match(text[end : end + 30])) is not None
        )


@dataclass(frozen=True)
class TimesLexicon:
    words: dict  # lexicon.json as parsed
    rules: tuple[Rule, ...]  # in priority order
    vetoes: tuple[Veto, ...]
    compared: re.Pattern[str]  # a comparison cue before: "up from $4 million a year earlier"

    def __getitem__(self, key: str):
        return self.words[key]

    @classmethod
    def load(cls) -> TimesLexicon:
        """The word lists and the compiled rules."""
        words = load_json("times", "lexicon.json")
        spec = load_json("times", "patterns.json")
        fragments = {**spec["fragments"], **_word_lists(words)}
        rules = tuple(
            Rule(
                name,
                re.compile(_expand(pattern, fragments), re.IGNORECASE),
                _triggers(spec["triggers"][name], words),
            )
            for name, pattern in spec["rules"].items()
        )
        vetoes = tuple(
            Veto(
                v["rule"],
                v.get("text"),
                re.compile(v["before"], re.IGNORECASE) if "before" in v else None,
                re.compile(v["after"], re.IGNORECASE) if "after" in v else None,
            )
            for v in spec["vetoes"]
        )
        compared = re.compile(
            rf"\b{_alternation(words['comparison_cues'])}\b[^.;:!?]{{0,80}}$", re.IGNORECASE
        )
        return cls(words=words, rules=rules, vetoes=vetoes, compared=compared)


def _longest_first(words: object) -> list[str]:
    return sorted(words, key=len, reverse=True)


def _alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = _longest_first(words)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _word_lists(words: dict) -> dict[str, str]:
    abbreviated = set(words["weekday_abbreviations_need_dot"])
    weekdays = [w for w in words["weekdays"] if w not in abbreviated]
    units = list(words["units"])
    plurals = [u + "s" for u in units if u != "century"] + list(words["unit_plurals"])
    # three-letter weekday abbreviations only with their full stop ("Fri.", never "sat")
    weekday_forms = _longest_first(weekdays) + [rf"{w}\." for w in abbreviated]
    full_months = set(words["full_months_alone"])
    return {
        "MONTH": "(?:"
        + "|".join(m if m in full_months else rf"{m}\.?" for m in _longest_first(words["months"]))
        + ")",
        "WEEKDAY": "(?:" + "|".join(weekday_forms) + ")",
        "ORD": _alternation(words["ordinals"]),
        "UNITS": _alternation(units + plurals),
        "POD": _alternation(words["parts_of_day"]),
        "SEASON": _alternation(words["seasons"]),
        "DECADEWORD": _alternation(words["decade_words"]),
        "DAYWORD": _alternation(words["day_words"]),
        "VAGUEREF": _alternation(words["vague_refs"]),
        "SETADV": _alternation(words["sets_adverbs"]),
        "HOLIDAY": _alternation(words["holidays"]),
        "TZ": _alternation(words["time_zones"]),
    }


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    for _ in range(5):  # fragments may name fragments
        pattern = _PLACEHOLDER.sub(lambda m: fragments[m.group(1)], pattern)
    if _PLACEHOLDER.search(pattern):
        raise ValueError(f"unresolved placeholder in time rule {pattern[:60]!r}")
    return pattern


def _triggers(names: list[str], words: dict) -> frozenset[str]:
    """The trigger words of a rule: literal words, DIGITS, and for each phrase of an ``@list``
    its longest word (a rarer one than "the" or "a", so fewer windows to search)."""
    out: set[str] = set()
    for name in names:
        phrases = words[name[1:]] if name.startswith("@") else [name]
        for phrase in phrases:
            parts = [w for w in re.split(r"[^a-z0-9#]+", phrase.lower()) if w]
            out.update(parts if not name.startswith("@") else [max(parts, key=len)])
    return frozenset(out)
