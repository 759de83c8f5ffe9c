"""presslens_headline: does the body carry what the headline says, as strongly as it says it?"""

from __future__ import annotations

import pytest

from presslens.schema import Analysis, Finding


def check(analyze, headline: str, body: str) -> Analysis:
    return analyze(body, headline=headline)


def problem(a: Analysis) -> Finding:
    """The one finding that says what is wrong."""
    found = [f for f in a.headline_check.findings if f.kind not in (None, "no_evidence")]
    assert len(found) == 1, a.headline_check.findings
    return found[0]


def test_demands_when_the_body_says_asked_is_overstated(analyze):
    a = check(
        analyze,
        "Minister demands council scrap parking fees",
        "Transport Minister Ruth Adeyemi asked the city council on Tuesday to scrap parking "
        "fees in the city centre. The council said it would discuss the request next month.",
    )
    assert a.headline_check.verdict == "overstated"
    f = problem(a)
    assert f.kind == "escalated"
    assert f.headline.text == "demands"
    assert [e.text for e in f.evidence] == ["asked"]
    assert '"demands"' in f.explanation and '"asked"' in f.explanation


def test_admits_when_the_body_says_did_not_rule_out_is_overstated(analyze):
    a = check(
        analyze,
        "Health minister admits fault over hospital delays",
        "Health Minister Paul Greer did not rule out on Monday that mistakes had been made "
        "over the delays at St Anne's hospital.\n\nAn inquiry will report in May, he said.",
    )
    assert a.headline_check.verdict == "overstated"
    f = problem(a)
    assert f.headline.text == "admits"
    assert [e.text for e in f.evidence] == ["did not rule out"]
    assert "paragraph 1" in f.explanation


def test_will_when_the_body_says_may_is_a_dropped_hedge(analyze):
    a = check(
        analyze,
        "Westhaven harbour will close next year",
        "The Westhaven harbour may close next year, officials said on Monday, because the "
        "repairs it needs are too costly.",
    )
    assert a.headline_check.verdict == "overstated"
    f = problem(a)
    assert f.kind == "hedge_dropped"
    assert f.headline.text == "will close"
    assert [e.text for e in f.evidence] == ["may close"]


def test_scraps_when_the_body_says_is_considering_scrapping_is_overstated(analyze):
    a = check(
        analyze,
        "Council scraps parking fees",
        "The city council is considering scrapping parking fees in the centre, a spokesman said.",
    )
    assert a.headline_check.verdict == "overstated"
    assert [e.text for e in problem(a).evidence] == ["is considering scrapping"]


def test_a_rounded_up_number_is_inflated(analyze):
    a = check(
        analyze,
        "Draxton to cut 500 jobs at Leeds plant",
        "Carmaker Draxton said on Friday it would cut about 300 jobs at its Leeds plant as "
        "demand for diesel engines falls.",
    )
    assert a.headline_check.verdict == "overstated"
    f = problem(a)
    assert f.kind == "number_inflated"
    assert f.headline.text == "500"
    assert [e.text for e in f.evidence] == ["about 300"]


def test_a_claim_the_body_attributes_stated_as_fact_is_overstated(analyze):
    a = check(
        analyze,
        "New flu vaccine is unsafe",
        "The new flu vaccine is unsafe, said Dr Lena Hart, a campaigner who has opposed "
        "vaccination for years. Health officials said the vaccine had passed every trial.",
    )
    assert a.headline_check.verdict == "overstated"
    f = problem(a)
    assert f.kind == "attribution_dropped"
    assert [e.text for e in f.evidence] == ["The new flu vaccine is unsafe", "Dr Lena Hart"]
    assert "Dr Lena Hart" in f.explanation


def test_the_same_claim_with_its_source_in_the_headline_is_supported(analyze):
    a = check(
        analyze,
        "New flu vaccine is unsafe, campaigner says",
        "The new flu vaccine is unsafe, said Dr Lena Hart, a campaigner who has opposed "
        "vaccination for years.",
    )
    assert a.headline_check.verdict == "supported"


def test_a_headline_quote_nobody_in_the_body_said_is_unsupported(analyze):
    a = check(
        analyze,
        'Mayor calls Mill Street bridge "a death trap"',
        "Mayor Ana Ruiz said on Thursday that the Mill Street bridge needed urgent repairs. "
        '"It is old and it is tired," she said. "We cannot wait another winter."',
    )
    assert a.headline_check.verdict == "unsupported"
    f = problem(a)
    assert f.kind == "quote_not_in_body"
    assert f.headline.text == '"a death trap"'


def test_a_headline_quote_the_body_has_is_fine(analyze):
    a = check(
        analyze,
        'Mayor says Mill Street bridge is "old and tired"',
        'Mayor Ana Ruiz said on Thursday that the Mill Street bridge was "old and tired" and '
        "needed urgent repairs.",
    )
    assert a.headline_check.verdict == "supported"
    assert not [f for f in a.headline_check.findings if f.kind == "quote_not_in_body"]


def test_a_faithful_headline_is_supported(analyze):
    a = check(
        analyze,
        "Riverton council approves plan to replace Mill Street bridge",
        "The Riverton city council approved a plan on Thursday to replace the ageing Mill "
        "Street bridge, ending a two-year dispute over its cost.",
    )
    assert a.headline_check.verdict == "supported"
    assert a.headline_check.stance in ("agree", "discuss")  # related, not disputed
    (f,) = a.headline_check.findings
    assert f.verdict == "supported" and f.kind is None
    assert f.headline.text == "approves"
    assert f.evidence[0].text.startswith("The Riverton city council approved a plan")


def test_the_opposite_verb_contradicts(analyze):
    a = check(
        analyze,
        "Council approves new stadium",
        "The council rejected plans for a new stadium on Tuesday after a long debate.",
    )
    assert a.headline_check.verdict == "contradicted"
    assert [e.text for e in problem(a).evidence] == ["rejected"]


def test_a_negated_verb_contradicts(analyze):
    a = check(
        analyze,
        "Ferry operator raises fares",
        "The ferry operator did not raise its fares this spring, a spokeswoman said.",
    )
    assert a.headline_check.verdict == "contradicted"
    assert [e.text for e in problem(a).evidence] == ["did not raise"]


def test_a_headline_about_something_else_is_unrelated(analyze):
    a = check(
        analyze,
        "Local bakery wins national bread prize",
        "Rain is expected across the north of the country this weekend, forecasters said, "
        "with temperatures falling to five degrees.",
    )
    assert a.headline_check.verdict == "unrelated"
    assert a.headline_check.stance == "unrelated"


@pytest.mark.parametrize("body", ["The ferry leaves at nine.", ""])
def test_no_headline_is_not_applicable(analyze, body):
    text = body or "Ferry fares rise"
    assert analyze(text).headline_check.verdict == "not_applicable"


def test_spans_are_offsets_into_the_text(analyze):
    a = check(
        analyze,
        "Minister demands council scrap parking fees",
        "Transport Minister Ruth Adeyemi asked the city council on Tuesday to scrap parking fees.",
    )
    for f in a.headline_check.findings:
        for s in [f.headline, *f.evidence]:
            assert a.text[s.start : s.end] == s.text
        assert f.headline.end <= a.headline.end


def test_a_title_case_headline_is_read_too(analyze):
    a = check(
        analyze,
        "Council Scraps Parking Fees In City Centre",
        "The city council is considering scrapping parking fees in the centre, a spokesman said.",
    )
    assert a.headline_check.verdict == "overstated"
    assert problem(a).headline.text == "Scraps"


def test_denied_doing_it_contradicts(analyze):
    a = check(
        analyze,
        "Surgeon took selfie during operation",
        "The surgeon, Dr Gwen Kovac, has denied taking a selfie during the operation, her "
        "lawyer said.",
    )
    assert a.headline_check.verdict == "contradicted"
    assert [e.text for e in problem(a).evidence] == ["denied taking"]


def test_a_figure_the_body_says_is_not_quite_reached_is_inflated(analyze):
    a = check(
        analyze,
        "Factory to cut 500 jobs",
        "The factory will cut nearly 500 jobs next year, its owner said.",
    )
    assert a.headline_check.verdict == "overstated"
    f = problem(a)
    assert f.kind == "number_inflated"
    assert [e.text for e in f.evidence] == ["nearly 500"]


def test_a_figure_rounded_down_is_fine(analyze):
    a = check(
        analyze,
        "Factory to cut nearly 500 jobs",
        "The factory will cut 480 jobs next year, its owner said.",
    )
    assert a.headline_check.verdict == "supported"


def test_a_bare_headline_count_is_checked_against_what_the_same_act_counts(analyze):
    a = check(
        analyze,
        "Police arrest 40 after Dunmore clashes",
        "Police arrested 14 people after clashes in the centre of Dunmore on Saturday night, "
        "a spokesman said.",
    )
    assert a.headline_check.verdict == "overstated"
    f = problem(a)
    assert f.kind == "number_inflated"
    assert f.headline.text == "40"
    assert [e.text for e in f.evidence] == ["14"]


def test_a_death_toll_above_the_bodys_at_least_is_inflated(analyze):
    a = check(
        analyze,
        "40 killed in Ardmore floods",
        "At least 12 people were killed when floods swept through Ardmore on Monday, "
        "officials said.",
    )
    f = problem(a)
    assert f.kind == "number_inflated"
    assert [e.text for e in f.evidence] == ["At least 12"]


def test_a_headline_count_the_body_reaches_in_two_parts_is_supported(analyze):
    a = check(
        analyze,
        "Police arrest 40 in weekend protests",
        "Police arrested 14 people on Friday and 26 more on Saturday during protests against "
        "the new law.",
    )
    assert a.headline_check.verdict == "supported"


def test_a_count_is_never_compared_with_a_percentage_of_the_same_verb(analyze):
    a = check(
        analyze,
        "Glenmoor Foods cuts 300 staff",
        "Glenmoor Foods will cut 20 percent of its staff, it said on Monday.",
    )
    f = problem(a)
    assert f.kind == "number_differs"
    assert f.evidence == []
    assert "no such figure" in f.explanation


def test_a_figure_the_body_does_not_give_is_unsupported(analyze):
    a = check(
        analyze,
        "Council approves $40 million bridge plan",
        "The city council approved the plan to replace the bridge on Thursday.",
    )
    assert a.headline_check.verdict == "unsupported"
    f = problem(a)
    assert f.kind == "number_differs"
    assert f.headline.text == "$40 million"


def test_someone_else_doing_it_is_unsupported(analyze):
    a = check(
        analyze,
        "Ruiz vetoes bridge budget",
        "Councillor Tomas Brandt vetoed the bridge budget on Monday. Mayor Ana Ruiz said she "
        "regretted the decision.",
    )
    assert a.headline_check.verdict == "unsupported"
    f = problem(a)
    assert f.kind == "different_actor"
    assert "Tomas Brandt" in f.explanation


def test_a_company_announcing_its_own_plan_is_no_dropped_attribution(analyze):
    a = check(
        analyze,
        "Draxton to cut 300 jobs",
        "Carmaker Draxton will cut 300 jobs at its Leeds plant, its chief executive said.",
    )
    assert a.headline_check.verdict == "supported"


def test_a_claim_put_in_the_wrong_mouth_is_unsupported(analyze):
    a = check(
        analyze,
        "Mayor Ruiz says Mill Street bridge is unsafe",
        "The Mill Street bridge is unsafe, said Tomas Brandt, a councillor. Mayor Ana Ruiz "
        "did not comment.",
    )
    assert a.headline_check.verdict == "unsupported"
    f = problem(a)
    assert f.kind == "different_actor"
    assert f.evidence[0].text == "Tomas Brandt"


def test_firm_to_cut_reads_as_a_plan(analyze):
    a = check(
        analyze,
        "Draxton to close Leeds plant",
        "Carmaker Draxton plans to close its Leeds plant next year, its chief executive said.",
    )
    assert a.headline_check.verdict == "supported"


def test_a_question_headline_states_nothing_as_fact(analyze):
    a = check(
        analyze,
        "Will Westhaven harbour close next year?",
        "The Westhaven harbour may close next year, officials said on Monday.",
    )
    assert a.headline_check.verdict == "supported"


def test_a_headline_quote_someone_else_said_is_unsupported(analyze):
    a = check(
        analyze,
        'Mayor Ruiz: "We will rebuild the bridge"',
        '"We will rebuild the bridge," said Councillor Tomas Brandt on Monday. Mayor Ana Ruiz '
        "did not comment.",
    )
    assert a.headline_check.verdict == "unsupported"
    f = problem(a)
    assert f.kind == "different_actor"
    assert f.headline.text == '"We will rebuild the bridge"'
    assert [e.text for e in f.evidence] == [
        '"We will rebuild the bridge,"',
        "Councillor Tomas Brandt",
    ]


def test_a_story_the_body_calls_a_hoax_is_contradicted(analyze):
    a = check(
        analyze,
        "Florida woman grows third arm after surgery",
        "The story of a Florida woman who grew a third arm after surgery is a hoax. Photos of "
        "the arm were doctored, a hospital spokesman said.",
    )
    assert a.headline_check.verdict == "contradicted"
    assert problem(a).evidence[0].text.endswith("is a hoax")
