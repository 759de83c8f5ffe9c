"""presslens_claims: check-worthy statements, their kinds, figures and source."""

from __future__ import annotations

import pytest

from presslens.models.checkworthiness import load_checkworthiness_model


def claim_with(analysis, words: str):
    found = [c for c in analysis.claims if words in c.text]
    assert found, [c.text for c in analysis.claims]
    return found[0]


def test_claims_slice_the_text_and_are_numbered_in_order(analyze):
    a = analyze(
        "Harbour tolls to rise\n\n"
        "The harbour authority raised tolls by 14 percent last year. "
        "Shipping firms blamed the rise for the loss of 300 jobs."
    )
    assert a.claims
    assert [c.id for c in a.claims] == [f"c{i}" for i in range(1, len(a.claims) + 1)]
    assert [c.start for c in a.claims] == sorted(c.start for c in a.claims)
    for c in a.claims:
        assert a.text[c.start : c.end] == c.text
        threshold = load_checkworthiness_model().threshold
        assert threshold <= c.checkworthiness <= 1
        for n in c.numbers:
            assert a.text[n.start : n.end] == n.text
            assert c.start <= n.start < n.end <= c.end


def test_plain_sentence_is_no_claim(analyze):
    assert analyze("The weather was nice.").claims == []


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        (
            "The county hired 1,200 new teachers in the spring, the most in a decade.",
            "1,200 new teachers",
            "numeric",
        ),
        (
            "Unemployment in the county rose to 14 percent, and one in five households "
            "now relies on food banks.",
            "14 percent",
            "statistical",
        ),
        (
            "The mill closed because the price of timber collapsed, which led to "
            "hundreds of layoffs.",
            "because",
            "causal",
        ),
        (
            "Crime in the district is higher than in any other part of the state.",
            "higher than",
            "comparison",
        ),
        ("The county economy will grow by 3 percent next year.", "will grow", "prediction"),
        ("Unemployment is on track to reach 9 percent next year.", "on track", "prediction"),
        (
            "The company illegally dumped waste in the river and violated federal "
            "environmental law.",
            "illegally dumped",
            "legal",
        ),
    ],
)
def test_each_kind(analyze, text, words, kind):
    c = claim_with(analyze(text), words)
    assert kind in c.kinds
    assert c.source is None
    assert "quote-only" not in c.kinds


def test_figures_of_a_claim(analyze):
    a = analyze("The council spent $38 million on the bridge, more than 200 plus residents said.")
    figures = {n.text: n for c in a.claims for n in c.numbers}
    assert figures["$38 million"].value == 38_000_000
    assert figures["$38 million"].unit == "USD"


def test_years_and_dates_are_not_figures(analyze):
    a = analyze("In 2019 the state spent $4 billion on roads, on March 3 officials said.")
    c = claim_with(a, "$4 billion")
    assert [n.text for n in c.numbers] == ["$4 billion"]


def test_quote_is_a_claim_with_its_source(analyze):
    a = analyze(
        'Mayor Ana Ruiz spoke at the harbour. "The new bridge will cost $38 million and '
        'create 400 jobs," Ruiz said.'
    )
    (quote,) = a.quotes
    c = claim_with(a, "$38 million")
    assert c.source == quote.id
    assert "quote-only" in c.kinds
    assert "prediction" in c.kinds
    assert not c.text.startswith('"')
    assert [n.text for n in c.numbers] == ["$38 million", "400"]
    assert c.numbers[1].unit == "job"
    # 'Ruiz said' is not a claim of its own
    assert all("Ruiz said" not in x.text for x in a.claims)


def test_indirect_quote_splits_its_sentence(analyze):
    a = analyze(
        "Police chief Omar Hale, speaking to reporters in the city hall, said burglaries "
        "had fallen by 30 percent since the new patrols began."
    )
    c = claim_with(a, "30 percent")
    assert c.source is not None
    assert "speaking to reporters" not in c.text
    assert all(x.source is not None for x in a.claims)


def test_author_voice_around_a_short_quote(analyze):
    a = analyze(
        'The city spent $5 million on the old bridge, which Ruiz called "a waste of money".'
    )
    c = claim_with(a, "$5 million")
    assert c.source is None


def test_headline_is_a_claim_but_byline_is_not(analyze):
    a = analyze(
        "Port tolls rise 14 percent as shipping slumps\n\n"
        "By Jane Doe, 14 staff writers\n\n"
        "The harbour authority raised tolls by 14 percent after cargo fell by a third."
    )
    assert a.headline is not None
    assert any(c.start == a.headline.start for c in a.claims)
    byline = next(b for b in a.blocks if b.kind == "byline")
    assert all(not (byline.start <= c.start < byline.end) for c in a.claims)


def test_a_reported_forecast_is_a_prediction(analyze):
    a = analyze("Economists predicted that unemployment would reach 9 percent next year.")
    c = claim_with(a, "9 percent")
    assert c.text == "unemployment would reach 9 percent next year"
    assert {"prediction", "statistical", "quote-only"} <= set(c.kinds)
    assert c.source == a.quotes[0].id


def test_a_figure_counts_the_noun_it_qualifies(analyze):
    a = analyze("The state wrongly removed 12,000 registered voters from the rolls last year.")
    (n,) = claim_with(a, "12,000").numbers
    assert (n.value, n.unit) == (12_000, "voter")


def test_time_expressions_are_not_figures(analyze):
    a = analyze(
        "The mill, which employed 800 people for nearly two decades, closed three years ago.",
        published="2024-05-01",
    )
    c = claim_with(a, "800 people")
    assert [(n.text, n.unit) for n in c.numbers] == [("800", "people")]
