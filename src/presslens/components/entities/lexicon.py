"""The entity word lists of ``resources/lexicons/entities/*.json``, read once per pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language

from presslens.lexicons import load_json


@dataclass(frozen=True)
class InterviewRules:
    """How a question-and-answer interview is told and whom its I and you mean
    (``interviews.json``)."""

    min_questions: int
    question_prefixes: tuple[str, ...]
    answer_pronouns: frozenset[str]
    question_pronouns: frozenset[str]
    credit_words: frozenset[str]


@dataclass(frozen=True)
class EntityLexicon:
    """The word lists of ``resources/entities``, read once per pipeline."""

    titles: frozenset[tuple[str, ...]]
    title_heads: frozenset[str]
    title_max: int
    modifiers: frozenset[str]
    dropped_modifiers: frozenset[str]
    past_modifiers: frozenset[str]
    unlinked_adjectives: frozenset[str]
    distinct_modifiers: frozenset[str]
    party_labels: frozenset[str]
    equivalents: dict[str, frozenset[str]]
    kinship: frozenset[str]
    family_nouns: frozenset[str]
    gendered_titles: dict[str, str]
    honorifics: dict[str, tuple[str | None, str | None]]
    name_suffixes: frozenset[str]
    post_nominals: frozenset[str]
    name_particles: frozenset[str]
    pronouns: dict[str, str]
    report_verbs: frozenset[str]
    speech_verbs: frozenset[str]  # the report verbs and verbs of asking ("interview")
    relative_pronouns: dict[str, str]
    age_nouns: dict[str, str | None]
    window: int
    first_names: dict[str, str]
    org_nouns: dict[str, frozenset[str]]
    bare_org_nouns: frozenset[str]
    company_nouns: frozenset[str]
    public_words: frozenset[str]
    corporate_suffixes: frozenset[str]
    acronym_stopwords: frozenset[str]
    place_names: dict[str, str]
    vote_weights: dict[str, float]
    place_nouns: frozenset[str]
    org_nouns_after: frozenset[str]
    date_words: frozenset[str]
    suffix_types: dict[str, str]
    org_heads: frozenset[str]
    platforms: frozenset[str]
    minor_words: frozenset[str]
    place_prepositions: frozenset[str]
    not_place_heads: frozenset[str]
    person_cues: re.Pattern[str]
    person_verbs: frozenset[str]
    interviews: InterviewRules

    @classmethod
    def load(cls, nlp: Language) -> EntityLexicon:
        """Read the entity lexicons: the one place they are read."""
        titles_data = load_json("entities", "titles.json")
        honorifics = load_json("entities", "honorifics.json")
        pronouns = load_json("entities", "pronouns.json")
        names = load_json("entities", "first_names.json")
        orgs = load_json("entities", "organisations.json")
        places = load_json("entities", "places.json")
        types = load_json("entities", "types.json")
        interviews = load_json("entities", "interviews.json")
        # titles are matched token by token, so split them the way the tokenizer does
        titles = frozenset(
            tuple(t.lower_ for t in nlp.make_doc(title)) for title in titles_data["titles"]
        )
        place_names: dict[str, str] = {}
        for canonical, forms in places["aliases"].items():
            for form in [canonical, *forms]:
                place_names[form.lower()] = canonical
        return cls(
            titles=titles,
            title_heads=frozenset(t[-1] for t in titles),
            title_max=max(len(t) for t in titles),
            modifiers=frozenset(titles_data["modifiers"]),
            dropped_modifiers=frozenset(titles_data["dropped_modifiers"]),
            past_modifiers=frozenset(titles_data["past_modifiers"]),
            unlinked_adjectives=frozenset(titles_data["unlinked_adjectives"]),
            distinct_modifiers=frozenset(titles_data["distinct_modifiers"]),
            party_labels=frozenset(titles_data["party_labels"]),
            equivalents={k: frozenset(v) for k, v in titles_data["equivalents"].items()},
            kinship=frozenset(titles_data["kinship"]),
            family_nouns=frozenset(titles_data["family_nouns"]),
            gendered_titles=titles_data["gendered"],
            honorifics={k: (v["gender"], v["title"]) for k, v in honorifics["honorifics"].items()},
            name_suffixes=frozenset(honorifics["name_suffixes"]),
            post_nominals=frozenset(honorifics["post_nominals"]),
            name_particles=frozenset(honorifics["name_particles"]),
            pronouns=pronouns["pronouns"],
            report_verbs=frozenset(pronouns["report_verbs"]),
            speech_verbs=frozenset(pronouns["report_verbs"] + orgs["speech_verbs"]),
            relative_pronouns=pronouns["relative_pronouns"],
            age_nouns=pronouns["age_nouns"],
            window=pronouns["window_sentences"],
            first_names={n: g for g in ("f", "m") for n in names[g]},
            org_nouns={k: frozenset(v) for k, v in orgs["nouns"].items()},
            bare_org_nouns=frozenset(orgs["bare_nouns"]),
            company_nouns=frozenset(orgs["company_nouns"]),
            public_words=frozenset(orgs["public_words"]),
            corporate_suffixes=frozenset(orgs["corporate_suffixes"]),
            acronym_stopwords=frozenset(orgs["acronym_stopwords"]),
            place_names=place_names,
            vote_weights=types["weights"],
            place_nouns=frozenset(types["place_nouns"]),
            org_nouns_after=frozenset(types["org_nouns"]),
            date_words=frozenset(types["date_words"]),
            suffix_types=types["suffix_types"],
            org_heads=frozenset(types["org_heads"]),
            platforms=frozenset(types["platforms"]),
            minor_words=frozenset(types["title_case_minor_words"]),
            place_prepositions=frozenset(types["place_prepositions"]),
            not_place_heads=frozenset(types["not_place_heads"]),
            person_cues=re.compile(types["person_cues"]),
            person_verbs=frozenset(types["person_verbs"]),
            interviews=InterviewRules(
                min_questions=interviews["min_questions"],
                question_prefixes=tuple(interviews["question_prefixes"]),
                answer_pronouns=frozenset(interviews["answer_pronouns"]),
                question_pronouns=frozenset(interviews["question_pronouns"]),
                credit_words=frozenset(interviews["credit_words"]),
            ),
        )
