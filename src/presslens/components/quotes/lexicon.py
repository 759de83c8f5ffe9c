"""The attribution vocabulary of the quotes stage: ``resources/lexicons/quotes/cues.json``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.lexicons import lexicon_from, load_json, phrase_pattern


@dataclass(frozen=True)
class CueLexicon:
    """Cue verbs, their kinds of content, channels, unnamed sources and who can be a speaker
    (see the file's _doc)."""

    speech: frozenset[str]
    belief: frozenset[str]
    needs_quote: frozenset[str]
    xcomp: frozenset[str]
    object_content: frozenset[str]
    about_content: frozenset[str]
    prep_content: frozenset[str]
    prep_cues: frozenset[str]
    addressee_object: frozenset[str]
    channel_pattern: re.Pattern[str]
    channel_of: dict[str, str]
    cue_channels: dict[str, str]
    anonymity: re.Pattern[str]
    unnamed_heads: frozenset[str]
    pronouns: dict[str, str]
    time_words: frozenset[str]
    # heads of a person or organisation: speaker_nouns, unnamed_heads, titles and kinship words
    speaker_heads: frozenset[str]
    speech_nouns: frozenset[str]
    relative_marks: frozenset[str]
    purpose_passives: frozenset[str]

    @classmethod
    def load(cls) -> CueLexicon:
        """The one place the cue lexicon is read."""
        data = load_json("quotes", "cues.json")
        channel_of = {p: name for name, phrases in data["channels"].items() for p in phrases}
        titles = load_json("entities", "titles.json")
        speaker_heads = frozenset(
            [*data["speaker_nouns"], *data["unnamed_heads"], *titles["kinship"]]
            + [title.split()[-1] for title in titles["titles"]]
        )
        return lexicon_from(
            cls,
            data,
            belief=frozenset(data["belief"]) - frozenset(data["speech"]),
            channel_pattern=phrase_pattern(channel_of),
            channel_of=channel_of,
            anonymity=phrase_pattern(data["anonymity"]),
            speaker_heads=speaker_heads,
        )

    def knows(self, lemma: str) -> bool:
        """Whether ``lemma`` is a cue of the lexicon (not one only the cue model finds)."""
        return lemma in self.speech or lemma in self.belief
