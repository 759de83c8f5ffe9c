"""Quote drift on versions of one quote: grouping, word alignment, the flags and their spans."""

from __future__ import annotations

import datetime as dt

from presslens.corpus.drift import Version, align, drift

ORIGINAL = "We may consider raising the fee to 40 euros, but we will not do it this year"
ARTICLES = {
    1: f"Fee rise considered. “{ORIGINAL},” said Mayor Ann Lee.",
    2: "Mayor plans fee rise. Ann Lee said: “We will consider raising the fee to 45 euros.”",
    3: "Fee to rise. Ann Lee said: “raising the fee to 40 euros, but we will do it this year.”",
    4: "Parking. Ann Lee said: “The car park opens on Monday for everyone in town.”",
}


def version(article_id: int, day: int, speaker: str = "ann lee") -> Version:
    text = ARTICLES[article_id]
    content = text[text.index("“") + 1 : text.rindex("”")].rstrip(",")
    return Version(
        article_id,
        "Q1",
        speaker,
        content,
        text.index(content),
        f"outlet {article_id}",
        dt.date(2026, 3, day),
    )


def quoted(article_id: int, span: tuple[int, int]) -> str:
    return ARTICLES[article_id][span[0] : span[1]]


def test_versions_of_one_quote_group_and_the_fullest_is_the_reference():
    groups = drift([version(3, 1), version(4, 4), version(1, 2), version(2, 3)])
    assert len(groups) == 1  # the car-park quote has no other version
    (group,) = groups
    assert group.reference.article_id == 1
    assert [a.version.article_id for a in group.versions] == [3, 2]  # in date order


def test_a_changed_number_a_dropped_hedge_and_a_cut_end_each_with_both_spans():
    aligned = align(version(1, 2), version(2, 3))
    flags = {f.kind: f for f in aligned.flags}
    # the "not" went with the cut end: what the version still reports is not turned round
    assert set(flags) == {"changed_number", "dropped_hedge", "truncated"}
    number = flags["changed_number"]
    assert (quoted(1, number.reference_span), quoted(2, number.version_span)) == ("40", "45")
    assert quoted(1, flags["dropped_hedge"].reference_span) == "may"
    assert quoted(1, flags["truncated"].reference_span) == "but we will not do it this year"
    changes = [(c.op, c.reference_words, c.version_words) for c in aligned.changes]
    assert changes == [
        ("changed", "may", "will"),
        ("changed", "40", "45"),
        ("dropped", "but we will not do it this year", ""),
    ]


def test_a_partial_quote_that_drops_the_negation_flips_the_meaning():
    aligned = align(version(1, 2), version(3, 4))
    kinds = [f.kind for f in aligned.flags]
    assert kinds.count("dropped_hedge") == 2 and "meaning_flipped" in kinds
    assert ("dropped", "not", "") in [
        (c.op, c.reference_words, c.version_words) for c in aligned.changes
    ]
    assert "truncated" in kinds and aligned.similarity > 0.8


def test_the_same_words_from_another_speaker_or_the_same_article_are_no_drift():
    assert drift([version(1, 2), version(2, 3, speaker="bob")]) == []
    same_article = Version(1, "Q2", "ann lee", "raising the fee to 40 euros", 40)
    assert drift([version(1, 2), same_article]) == []


def test_an_exact_repeat_has_no_changes_and_no_flags():
    again = Version(9, "Q3", "ann lee", ORIGINAL, 0, "outlet 9", dt.date(2026, 3, 5))
    (group,) = drift([version(1, 2), again])
    assert group.versions[0].changes == [] and group.versions[0].flags == []
    assert group.versions[0].similarity == 1.0
