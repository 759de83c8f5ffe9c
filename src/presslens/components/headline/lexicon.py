"""The headline check's vocabulary: ``resources/lexicons/headline/lexicon.json``."""

from __future__ import annotations

from dataclasses import dataclass

from presslens.lexicons import lexicon_from, load_json


@dataclass(frozen=True)
class HeadlineLexicon:
    """The vocabulary of ``resources/lexicons/headline/lexicon.json``, read once."""

    scales: dict[str, dict[str, int]]  # phrase -> {scale: level}
    distinct_top: frozenset[str]
    governors: dict[str, int]
    modals: dict[str, int]
    hedge_adverbs: dict[str, int]
    attribution: frozenset[str]
    reporting: frozenset[str]
    speech: frozenset[str]
    copulas: frozenset[str]
    hedging_governors: frozenset[str]
    particles: frozenset[str]
    negators: frozenset[str]
    choosing_against: frozenset[str]
    refuting: frozenset[str]
    antonyms: dict[str, frozenset[str]]
    synonyms: dict[str, frozenset[str]]
    measure_units: frozenset[str]
    light_verbs: frozenset[str]
    claim_cues: frozenset[str]
    nominal_events: dict[str, str]

    @classmethod
    def load(cls) -> HeadlineLexicon:
        """The one place the headline lexicon is read (speech verbs: ``quotes/cues.json``)."""
        data = load_json("headline", "lexicon.json")
        scales: dict[str, dict[str, int]] = {}
        for scale, words in data["scales"].items():
            for word, level in words.items():
                scales.setdefault(word, {})[scale] = level
        antonyms: dict[str, set[str]] = {}
        for a, b in data["antonyms"]:
            antonyms.setdefault(a, set()).add(b)
            antonyms.setdefault(b, set()).add(a)
        return lexicon_from(
            cls,
            data,
            scales=scales,
            distinct_top=frozenset(data["distinct_top_scales"]),
            attribution=frozenset(data["attribution_adverbs"]),
            speech=frozenset(load_json("quotes", "cues.json")["speech"]),
            antonyms={k: frozenset(v) for k, v in antonyms.items()},
            synonyms={k: frozenset(v) for k, v in data["synonyms"].items()},
        )
