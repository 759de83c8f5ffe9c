"""presslens_quotes: who said what, on short invented articles, through the real pipeline."""

from __future__ import annotations

import pytest

from presslens.components.quotes import confidence
from presslens.schema import Analysis, Quote
from presslens.text.quotemarks import find_quoted


def quote_with(a: Analysis, fragment: str) -> Quote:
    """The one quote whose content contains ``fragment``."""
    found = [q for q in a.quotes if fragment in a.text[q.content.start : q.content.end]]
    assert len(found) == 1, [q.content.text for q in a.quotes]
    return found[0]


def quote_cued(a: Analysis, cue: str) -> Quote:
    """The one quote whose cue is ``cue``."""
    found = [q for q in a.quotes if q.cue is not None and q.cue.text == cue]
    assert len(found) == 1, [(q.cue.text if q.cue else None) for q in a.quotes]
    return found[0]


def speaker_name(a: Analysis, q: Quote) -> str | None:
    entity = a.entity(q.speaker.entity) if q.speaker else None
    return entity.name if entity else None


def assert_offsets(a: Analysis) -> None:
    for q in a.quotes:
        assert a.text[q.content.start : q.content.end] == q.content.text
        if q.speaker:
            assert a.text[q.speaker.start : q.speaker.end] == q.speaker.text


# -- direct quotes and quotation marks --------------------------------------------------------


def test_direct_quote_before_the_cue_with_curly_marks(analyze):
    a = analyze(
        "Bridge to reopen\n\n"
        "“We will rebuild the bridge by spring,” said Mayor Ana Ruiz on Wednesday.",
        published="2024-03-14",
    )
    q = quote_with(a, "rebuild")
    assert q.kind == "direct"
    assert q.content.text == "“We will rebuild the bridge by spring,”"
    assert q.cue.text == "said"
    assert q.speaker.text == "Mayor Ana Ruiz"
    assert speaker_name(a, q) == "Ana Ruiz"
    assert q.date == "2024-03-13"
    assert_offsets(a)


def test_direct_quote_after_a_colon_cue_with_straight_marks(analyze):
    a = analyze('Harbour news\n\nTom Bell said: "The crews deserve better pay."')
    q = quote_with(a, "crews")
    assert (q.kind, q.content.text) == ("direct", '"The crews deserve better pay."')
    assert q.speaker.text == "Tom Bell"
    assert speaker_name(a, q) == "Tom Bell"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("«We will be back next year», said coach Lena Ortiz.", "«We will be back next year»"),
        ("‘We lost the game in the first half,’ said coach Lena Ortiz.", None),
        ("'We lost the game in the first half,' said coach Lena Ortiz.", None),
    ],
)
def test_any_quotation_marks(analyze, sentence, content):
    a = analyze(f"Cup final\n\n{sentence}")
    (q,) = a.quotes
    assert q.kind == "direct"
    assert q.content.text == (content or sentence.split(" said")[0])
    assert q.speaker.text == "coach Lena Ortiz"


def test_unbalanced_marks_stay_in_their_paragraph(analyze):
    text = (
        'Council vote\n\nThe council met on a "long night and voted twice.\n\n'
        "The budget passed. The roads will be repaired this year.\n\n"
        "“The roads come first,” said Ana Ruiz."
    )
    a = analyze(text)
    paragraph_end = text.index("\n\nThe budget")
    for q in a.quotes:
        assert q.content.end <= paragraph_end or q.content.start > paragraph_end
    q = quote_with(a, "roads come first")
    assert q.content.text == "“The roads come first,”"
    assert speaker_name(a, q) == "Ana Ruiz"


def test_quotemarks_never_swallow_the_rest_after_a_stray_mark():
    text = 'One "stray mark here\n\nA second paragraph with “a quote” in it.'
    blocks = [(0, 20), (22, len(text))]
    quoted = find_quoted(text, blocks)
    assert [(text[q.start : q.end], q.closed) for q in quoted] == [
        ('"stray mark here', False),
        ("“a quote”", True),
    ]


# -- partial and mixed quotes -----------------------------------------------------------------


def test_partial_quote(analyze):
    a = analyze('Rent plan\n\nSenator Mia Cole called the plan "a gift to landlords."')
    q = quote_with(a, "gift")
    assert (q.kind, q.content.text) == ("partial", '"a gift to landlords."')
    assert q.cue.text == "called"
    assert speaker_name(a, q) == "Mia Cole"


def test_mixed_quote(analyze):
    a = analyze(
        'Rent plan\n\nMia Cole said that the plan was "a gift to landlords" and would fail.'
    )
    q = quote_with(a, "gift")
    assert q.kind == "mixed"
    assert q.content.text == 'that the plan was "a gift to landlords" and would fail'
    assert speaker_name(a, q) == "Mia Cole"


def test_naming_a_person_with_a_quoted_phrase(analyze):
    a = analyze(
        "Harbour feud\n\n"
        "Tom Bell later called her “second-rate” and skipped the council debate. "
        "He has also mocked his rivals, calling Mayor Ana Ruiz a “clueless tourist” and "
        "posting a photo of the empty quay."
    )
    rate = quote_with(a, "second-rate")
    assert (rate.kind, rate.content.text) == ("partial", "“second-rate”")
    assert speaker_name(a, rate) == "Tom Bell"
    tourist = quote_with(a, "clueless tourist")
    assert tourist.content.text.endswith("“clueless tourist”")
    assert speaker_name(a, tourist) == "Tom Bell"


def test_short_quoted_phrase_inside_a_reported_object_is_mixed(analyze):
    a = analyze(
        'Harbour\n\nAna Ruiz called for more "flexibility" for the harbour pilots in winter.'
    )
    q = quote_with(a, "flexibility")
    assert q.kind == "mixed"
    assert q.content.text.startswith('more "flexibility" for the harbour pilots')


# -- indirect speech and verbless attributions ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        ("Tom Bell said that the ferries would run again.", "that the ferries would run", "said"),
        ("Tom Bell told reporters the ferries would run again.", "the ferries would run", "told"),
        ("Tom Bell added that the ferries would run again.", "that the ferries would run", "added"),
        ("Tom Bell warned the ferries would not run again.", "the ferries would not run", "warned"),
        (
            "Tom Bell claimed the ferries had never stopped.",
            "the ferries had never stopped",
            "claimed",
        ),
        ("Tom Bell stressed that the ferries were safe.", "that the ferries were safe", "stressed"),
        ("Tom Bell denied that the ferries had stopped.", "that the ferries had stopped", "denied"),
    ],
)
def test_indirect_speech(analyze, sentence, content, cue):
    a = analyze(f"Ferries\n\n{sentence}")
    q = quote_with(a, content)
    assert q.kind == "indirect"
    assert q.content.text.startswith(content)
    assert q.cue.text == cue
    assert q.speaker.text == "Tom Bell"
    assert speaker_name(a, q) == "Tom Bell"


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        ("Half of the voters said so in the spring poll.", "so", "said"),
        ("Most residents said yes when asked about the pier.", "yes", "said"),
        ("Tom Bell called for a new ferry timetable.", "a new ferry timetable", "called"),
        (
            "Tom Bell called on the council to repair the pier.",
            "the council to repair the pier",
            "called",
        ),
        (
            "Tom Bell is calling for the council to repair the pier.",
            "for the council to repair the pier",
            "calling",
        ),
        (
            "Tom Bell accused the council of neglecting the pier.",
            "the council of neglecting the pier",
            "accused",
        ),
    ],
)
def test_contents_that_are_not_clauses(analyze, sentence, content, cue):
    a = analyze(f"Ferries\n\n{sentence}")
    q = quote_with(a, content.split()[-1])
    assert q.content.text == content
    assert q.cue.text == cue


def test_cue_in_a_relative_clause_is_its_own_quote(analyze):
    a = analyze(
        "Ferries\n\nTom Bell, who said the ferries were late, said the council had no plan."
    )
    inner = quote_with(a, "ferries were late")
    outer = quote_with(a, "no plan")
    assert inner.speaker.text == "Tom Bell, who"
    assert speaker_name(a, inner) == speaker_name(a, outer) == "Tom Bell"


def test_addressee_is_not_the_content(analyze):
    a = analyze("Ferries\n\nTom Bell was speaking to reporters at the quay.")
    assert a.quotes == []


def test_wrote_in_a_post_gives_content_and_channel(analyze):
    a = analyze("Ferries\n\nTom Bell wrote in a post that the ferries would run again.")
    q = quote_with(a, "ferries would run")
    assert (q.kind, q.content.text) == ("indirect", "that the ferries would run again")
    assert q.channel == "post"
    assert speaker_name(a, q) == "Tom Bell"


def test_according_to(analyze):
    a = analyze("Ferries\n\nAccording to Tom Bell, the ferries will run again on Monday.")
    q = quote_with(a, "ferries will run")
    assert q.kind == "indirect"
    assert q.content.text == "the ferries will run again on Monday."
    assert q.cue.text == "According to"
    assert speaker_name(a, q) == "Tom Bell"


def test_colon_attribution_without_a_verb(analyze):
    a = analyze('Jobs\n\nThe port opened a new dock.\n\nTom Bell: "Nobody will lose their job."')
    q = quote_with(a, "Nobody")
    assert (q.kind, q.content.text) == ("direct", '"Nobody will lose their job."')
    assert speaker_name(a, q) == "Tom Bell"


def test_colon_after_a_clause_about_a_person_gives_that_person_the_quote(analyze):
    a = analyze(
        "Dock safety\n\n"
        '"The cranes are safe," said Tom Bell, the port director.\n\n'
        "Lena Ortiz, a welder at the Northgate yard, was blunt: "
        '"Those cranes should have been replaced years ago."'
    )
    q = quote_with(a, "replaced years ago")
    assert (q.kind, q.content.text) == (
        "direct",
        '"Those cranes should have been replaced years ago."',
    )
    assert q.speaker.text == "Lena Ortiz"
    assert speaker_name(a, q) == "Lena Ortiz"


def test_subheading_with_a_colon_attribution(analyze):
    a = analyze(
        'Storm damage\n\nThe storm hit the quay on Monday.\n\nMayor: "We will rebuild"\n\n'
        "Repairs start next week."
    )
    assert "subheading" in [b.kind for b in a.blocks]
    q = quote_with(a, "rebuild")
    assert (q.kind, q.content.text, q.speaker.text) == ("direct", '"We will rebuild"', "Mayor")


HEADLINE_COLONS = {
    "a title": ("Minister: we will not resign", "we will not resign", "Minister"),
    "a named person": ("Smith: 'I am innocent'", "'I am innocent'", "Smith"),
    "a surname the body gives": (
        "Fiorina: Trump is on solid ground",
        "Trump is on solid ground",
        "Fiorina",
    ),
    "a poll": ("Poll: Clinton and Trump in dead heat", "Clinton and Trump in dead heat", "Poll"),
    "what a group said": (
        "Democrats' new warning: Leaks could include Russian lies",
        "Leaks could include Russian lies",
        "Democrats' new warning",
    ),
    "a source named with 'from'": (
        "A lesson from Loretta Lynch: 'Be the voice that people hear.'",
        "'Be the voice that people hear.'",
        "A lesson from Loretta Lynch",
    ),
}


@pytest.mark.parametrize(
    ("headline", "content", "speaker"), HEADLINE_COLONS.values(), ids=HEADLINE_COLONS.keys()
)
def test_headline_colon_after_a_person_or_source_is_an_attribution(
    analyze, headline, content, speaker
):
    a = analyze(
        f"{headline}\n\nJohn Smith, the health minister, spoke to Loretta Lynch and Carly "
        "Fiorina on Tuesday about the latest poll."
    )
    q = quote_with(a, content)
    assert (q.content.text, q.cue.text, q.speaker.text) == (content, ":", speaker)


@pytest.mark.parametrize(
    "headline",
    [
        "Budget: Council cuts library hours",
        "London: Police close Tower Bridge after crash",
        "Today: Mayor opens the new ferry terminal",
        "Stealth Over Health: Mayor Was Taken to Hospital",
    ],
    ids=["a topic", "a place", "a time", "a phrase"],
)
def test_headline_colon_after_a_topic_is_no_attribution(analyze, headline):
    a = analyze(f"{headline}\n\nThe city council met on Tuesday evening.")
    topic = headline.split(":")[0]
    assert not [q for q in a.quotes if q.speaker and q.speaker.text == topic]
    assert not [q for q in a.quotes if q.cue and q.cue.text == ":"]


def test_dash_attribution(analyze):
    a = analyze('Pay talks\n\n"The crews deserve better." — Tom Bell, union leader')
    q = quote_with(a, "crews")
    assert (q.kind, q.content.text) == ("direct", '"The crews deserve better."')
    assert q.cue.text == "—"
    assert speaker_name(a, q) == "Tom Bell"


def test_dash_attributions_on_consecutive_lines(analyze):
    a = analyze(
        "Ferry voices\n\n"
        "“The ferry is late almost every single day.” ― Lena Ortiz\n"
        "“Nobody at the harbour office ever listens to us.” ― Tom Bell"
    )
    late, listens = quote_with(a, "ferry is late"), quote_with(a, "ever listens")
    assert (late.speaker.text, listens.speaker.text) == ("Lena Ortiz", "Tom Bell")
    assert "Tom Bell" not in late.content.text


# -- speech over several sentences and paragraphs ---------------------------------------------


SPEECH_OVER_PARAGRAPHS = {
    "a quote over several paragraphs": (
        "Harbour plan\n\n"
        "Ana Ruiz said: “The harbour will be rebuilt first.\n\n"
        "“Then the roads, and then the schools.”\n\n"
        "The council meets again in May.",
        "harbour will be rebuilt",
        "direct",
        ["“The harbour will be rebuilt first.", "“Then the roads, and then the schools.”"],
        "Ana Ruiz",
    ),
    "speech going on after one cue": (
        "Harbour plan\n\n"
        "“The harbour comes first,” said Ana Ruiz. “The roads will follow next year.”\n\n"
        "“We have the money for both of them now.”\n\n"
        "The council meets again in May.",
        "harbour comes first",
        "direct",
        [
            "“The harbour comes first,”",
            "“The roads will follow next year.”",
            "“We have the money for both of them now.”",
        ],
        "Ana Ruiz",
    ),
    "reported speech going on in a quoted paragraph": (
        "Port reopens\n\n"
        "Tom Bell said the port would reopen in May.\n\n"
        "“We have the cranes and the crews ready to go.”\n\n"
        "Shipping lines welcomed the news.",
        "reopen in May",
        "mixed",
        ["the port would reopen in May", "“We have the cranes and the crews ready to go.”"],
        "Tom Bell",
    ),
}


@pytest.mark.parametrize(
    ("text", "fragment", "kind", "spans", "speaker"),
    SPEECH_OVER_PARAGRAPHS.values(),
    ids=SPEECH_OVER_PARAGRAPHS.keys(),
)
def test_speech_over_paragraphs_is_one_quote(analyze, text, fragment, kind, spans, speaker):
    a = analyze(text)
    q = quote_with(a, fragment)
    assert q.kind == kind
    assert [s.text for s in q.spans] == spans
    last_paragraph = text.rsplit("\n\n", 1)[1]
    assert last_paragraph not in q.content.text
    assert speaker_name(a, q) == speaker


def test_nested_attribution(analyze):
    a = analyze("Pay deal\n\nTom Bell said that Ana Ruiz told him the pay would rise in May.")
    outer = quote_with(a, "that Ana Ruiz told him")
    inner = next(q for q in a.quotes if q.content.text == "the pay would rise in May")
    assert speaker_name(a, outer) == "Tom Bell"
    assert speaker_name(a, inner) == "Ana Ruiz"
    assert inner.embedded_in == outer.id
    assert outer.embedded_in is None


# -- speakers ---------------------------------------------------------------------------------


SPEAKERS = {
    "through a pronoun": (
        "Clinic hours\n\nHugh Hill has worked as a doctor for ten years.\n\n"
        "He said the clinic would stay open at night.",
        "stay open",
        "He",
        "Hugh Hill",
    ),
    "after the cue, never a phrase of the quote": (
        "Ferry vote\n\n"
        '"This school has taught our grandparents, our parents and our children," '
        "said Councillor Mia Holt after the vote.",
        "our parents",
        "Councillor Mia Holt",
        "Mia Holt",
    ),
    "with an appositive": (
        "Clinic\n\nHugh Hill, a doctor, said the injured had all gone home.",
        "gone home",
        "Hugh Hill",
        "Hugh Hill",
    ),
    "through a title": (
        "Storm\n\nMayor Ana Ruiz visited the quay on Monday.\n\n"
        "The mayor said the repairs would cost millions.",
        "repairs",
        "The mayor",
        "Ana Ruiz",
    ),
    "an organisation": (
        "Ferries\n\nThe Ministry of Transport ordered a review.\n\n"
        "The ministry said in a statement that the ferries were safe.",
        "ferries were safe",
        "The ministry",
        "Ministry of Transport",
    ),
}


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "entity"), SPEAKERS.values(), ids=SPEAKERS.keys()
)
def test_speaker_resolves_to_its_entity(analyze, text, fragment, speaker, entity):
    a = analyze(text)
    q = quote_with(a, fragment)
    assert q.speaker.text == speaker
    assert speaker_name(a, q) == entity
    assert not q.content.start <= q.speaker.start < q.content.end


def test_a_claim_verb_the_parser_hangs_on_its_subject_still_attributes(analyze):
    # the parser reads 'The opposition alleged on Tuesday' as 'the opposition [that was] alleged'
    a = analyze(
        "Audit\n\nThe opposition alleged on Tuesday that Mayor Rosalind Achterberg used council "
        "money for a family trip, and called for an audit. The trip went along a stream called "
        "Miracle Run."
    )
    q = a.quotes[0]
    assert q.content.text == "that Mayor Rosalind Achterberg used council money for a family trip"
    assert q.speaker.text == "The opposition"
    assert q.cue.text == "alleged"
    assert not any("Miracle" in x.content.text for x in a.quotes)  # a name, not a quote


NOT_SPEAKERS = {
    "yesterday": (
        "Ferry strike\n\nYesterday confirmed what the workers feared: the yard will close.",
        "what the workers feared",
    ),
    "today": ("Ferry strike\n\nToday shows that the strike has worked.", "the strike has worked"),
    "a time span": (
        "Ferry strike\n\nThe last two weeks have signaled that the ferry company is in trouble.",
        "the ferry company is in trouble",
    ),
    "an invitation to speak": (
        "Ferry strike\n\nAn invitation to speak at the summit shows that the city is taken "
        "seriously.",
        "the city is taken seriously",
    ),
    "a decision to act": (
        "Ferry strike\n\nThe decision to cut the service shows that the company no longer cares "
        "about the islands.",
        "no longer cares",
    ),
    "those spoken to": (
        "Ferry strike\n\nReporters were told that the ferries would stop on Friday.",
        "the ferries would stop",
    ),
}


@pytest.mark.parametrize(("text", "fragment"), NOT_SPEAKERS.values(), ids=NOT_SPEAKERS.keys())
def test_times_things_and_addressees_are_never_speakers(analyze, text, fragment):
    q = quote_with(analyze(text), fragment)
    assert q.speaker is None


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        (
            "The first woman to lead the port authority said the bridge would close.",
            "the bridge would close",
            "The first woman",
        ),
        (  # 'he's said' is 'he has said', not a passive
            "While he's said he'll fight all the way to the convention, he has not won a state.",
            "fight all the way",
            "he",
        ),
        (  # the participle tells what Mr. Trump did, not the attempt
            "On Sunday Mr. Trump made a third attempt to deflect the criticism, writing on "
            "Twitter that the real issue at stake in the election was terrorism.",
            "the real issue",
            "Mr. Trump",
        ),
    ],
    ids=["a person governing an infinitive", "has said", "a participle after an attempt"],
)
def test_speakers_near_the_rules_still_speak(analyze, sentence, fragment, speaker):
    assert quote_with(analyze(f"Campaign\n\n{sentence}"), fragment).speaker.text == speaker


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        (
            "Funding was cut by the state who said the schools had to save money.",
            "had to save money",
            "the state",
        ),
        (
            "Mayor Ana Ruiz told a young woman who suggested that nobody would vote to keep "
            "trying.",
            "nobody would vote",
            "a young woman",
        ),
    ],
    ids=["a restrictive who", "a person who"],
)
def test_a_restrictive_relative_pronoun_is_no_part_of_the_speaker(
    analyze, sentence, fragment, speaker
):
    q = quote_with(analyze(f"School funding\n\n{sentence}"), fragment)
    assert q.speaker.text == speaker


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        (
            "The plan came from the senator from Ohio, who said that the boats were too slow.",
            "boats were too slow",
            "the senator from Ohio, who",
        ),
        (
            "The plan is likely to placate nervous Democrats on Capitol Hill, who have argued "
            "that it helps down-ballot candidates.",
            "it helps down-ballot",
            "nervous Democrats on Capitol Hill, who",
        ),
        (
            "The report -- which notes that the ferries are late -- was published on Friday.",
            "ferries are late",
            "The report -- which",
        ),
        (
            "The audit \u2014 which found that the ferries were late \u2014 was published on "
            "Friday.",
            "ferries were late",
            "The audit \u2014 which",
        ),
    ],
    ids=["words of the phrase before the comma", "a place in the phrase", "--", "em dash"],
)
def test_a_non_restrictive_relative_pronoun_ends_the_speaker(analyze, sentence, fragment, speaker):
    """PolNeAR marks 'Ruiz, who said' at 'Ruiz, who': after a comma or a dash, across the words
    of the speaker's phrase."""
    q = quote_with(analyze(f"School funding\n\n{sentence}"), fragment)
    assert q.speaker.text == speaker


def test_no_that_opens_a_non_restrictive_clause(analyze):
    a = analyze(
        "Ferries\n\nAna Ruiz retweeted a message from her adviser, Tom Bell, that read: "
        '"The ferries will run."'
    )
    q = quote_cued(a, "read")
    assert q.speaker is None or not q.speaker.text.endswith("that")


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        (
            "The mayor is determined to warn residents that the ferries will stop.",
            "the ferries will stop",
            "The mayor",
        ),
        (  # four heads up: 'warn' -> 'visit' -> 'unable' -> 'be'
            "Tom Bell will be unable to visit the islands and warn the crews that the ferries "
            "would stop.",
            "the ferries would stop",
            "Tom Bell",
        ),
        ("It is worth noting that the ferries are late.", "the ferries are late", None),
    ],
    ids=["determined to", "unable to ... and", "it is worth"],
)
def test_the_subject_of_an_adjective_speaks_its_infinitive(analyze, sentence, fragment, speaker):
    q = quote_with(analyze(f"Ferries\n\n{sentence}"), fragment)
    assert (q.speaker.text if q.speaker else None) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Tom Bell's plan is intended to cut the ferry fares by half.", "Tom Bell's"),
        ("The plan is intended to cut the ferry fares by half.", None),
    ],
    ids=["an owner", "no owner"],
)
def test_a_purpose_passive_is_said_by_the_subjects_owner(analyze, sentence, speaker):
    q = quote_with(analyze(f"Ferries\n\n{sentence}"), "ferry fares")
    assert q.cue.text == "intended"
    assert (q.speaker.text if q.speaker else None) == speaker


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        (
            '"We have rebuilt the pier we can be proud of," Ms. Ruiz said, not even needing to '
            "mention the strike.",
            "mention",
            "Ms. Ruiz",
        ),
        (
            '"The islanders do not trust the council," Bell said, suggesting a few questions, '
            'including, "Mr. Mayor, do you really think the boats are safe?"',
            "suggesting",
            "Bell",
        ),
    ],
    ids=["not even needing to", "suggesting"],
)
def test_a_participle_after_a_reporting_verb_takes_its_subject(analyze, sentence, cue, speaker):
    """The parser hangs the participle on the quotation or makes it the root: the speaker is
    the subject of the reporting verb just before it."""
    q = quote_cued(analyze(f"Ferries\n\n{sentence}"), cue)
    assert q.speaker.text == speaker


def test_a_name_word_tagged_as_a_verb_still_names_the_speaker():
    """'"...," Tulsa police Chief Ana Ruiz said' as the parser sometimes reads it: 'Tulsa' a
    verb heading the name, 'said' without a subject. The last noun before the cue speaks."""
    from spacy.tokens import Doc

    from presslens.components.quotes.speakers import name_after_quote
    from presslens.pipeline import build_nlp

    words = ['"', "We", "will", "win", ",", '"', "Tulsa", "police", "Chief", "Ana", "Ruiz"]
    words += ["said", "."]
    heads = [3, 3, 3, 3, 3, 3, 3, 8, 6, 10, 8, 3, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "punct", "punct", "dep", "compound", "dobj"]
    deps += ["compound", "appos", "conj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB", "NOUN", "PROPN", "PROPN"]
    pos += ["PROPN", "VERB", "PUNCT"]
    doc = Doc(build_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    token_quote = [0] * 6 + [-1] * 7
    said = doc[11]
    assert name_after_quote(said, token_quote).text == "Ruiz"
    # a clause with a verb of its own between the quotation and the cue names no one this way
    doc[7].pos = doc.vocab.strings["ADV"]
    assert name_after_quote(said, token_quote) is None


def test_unnamed_source_stays_anonymous(analyze):
    a = analyze(
        "Budget\n\nA senior official who spoke on condition of anonymity said the budget was short."
    )
    (q,) = a.quotes
    assert q.content.text == "the budget was short"
    assert q.speaker.text == "A senior official"
    assert q.speaker.entity is None
    assert q.speaker.anonymous is True


# -- channel and date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ("Tom Bell said in an interview that the ferries were safe.", "interview"),
        ("Tom Bell told a press conference that the ferries were safe.", "press conference"),
        ("Tom Bell wrote in a letter that the ferries were safe.", "letter"),
        ("Tom Bell said in an email that the ferries were safe.", "email"),
        ("The ministry said in a statement that the ferries were safe.", "statement"),
        ("Tom Bell tweeted that the ferries were safe.", "tweet"),
    ],
)
def test_channel(analyze, sentence, channel):
    a = analyze(f"Ferries\n\n{sentence}")
    q = quote_with(a, "ferries were safe")
    assert q.channel == channel


def test_date_resolved_against_the_publication_date(analyze):
    text = (
        "Ferries\n\nTom Bell said on Friday that the ferries were safe. "
        "On March 3, Ana Ruiz said the harbour was closed."
    )
    a = analyze(text, published="2024-03-14")  # a Thursday
    assert quote_with(a, "ferries were safe").date == "2024-03-08"
    assert quote_with(a, "harbour was closed").date == "2024-03-03"
    undated = analyze(text)
    assert [q.date for q in undated.quotes] == [None, None]


# -- not speech -------------------------------------------------------------------------------


def test_scare_quotes_titles_and_captions_are_not_quotes(analyze):
    a = analyze(
        'Harbour news\n\nThe so-called "reform" was shelved. The mayor has read "War and Peace" '
        "twice.\n\n"
        'Pictured: Ana Ruiz said "we will win" at the quay.\n\n'
        "The pier reopened on Monday."
    )
    assert a.quotes == []


def test_confidence_reflects_the_evidence(analyze):
    a = analyze(
        "Harbour\n\n“The harbour comes first,” said Ana Ruiz.\n\n"
        "Officials believe that the harbour will reopen."
    )
    direct = quote_with(a, "harbour comes first")
    belief = quote_with(a, "will reopen")
    assert 0 < belief.confidence < direct.confidence <= 1


def test_each_kind_of_attribution_has_its_named_confidence(analyze):
    a = analyze(
        "Harbour\n\n“The harbour comes first,” said Ana Ruiz.\n\n"
        "Ana Ruiz said that the pier was safe.\n\n"
        "Officials believe that the harbour will reopen.\n\n"
        "According to Tom Bell, the ferries are late.\n\n"
        "Tom Bell: “The crews deserve better pay.”"
    )
    assert [(q.kind, q.confidence) for q in a.quotes] == [
        ("direct", confidence.QUOTED_SPEECH),
        ("indirect", confidence.REPORTED_SPEECH),
        ("indirect", confidence.BELIEF),
        ("indirect", confidence.ACCORDING_TO),
        ("direct", confidence.REPORTED_SPEECH),
    ]
