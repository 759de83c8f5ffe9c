"""presslens_headline: does the body carry what the headline says, as strongly as it says it?"""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass

import pytest
from conftest import ROOT
from spacy.util import registry

from presslens.schema import Analysis, Finding


def check(analyze, headline: str, body: str) -> Analysis:
    return analyze(body, headline=headline)


def problem(a: Analysis) -> Finding:
    """The one finding that says what is wrong."""
    found = [f for f in a.headline_check.findings if f.kind not in (None, "no_evidence")]
    assert len(found) == 1, a.headline_check.findings
    return found[0]


@dataclass(frozen=True)
class Wrong:
    """A headline the body does not carry, and what a reader is shown about it."""

    headline: str
    body: str
    verdict: str
    kind: str | None = None  # the finding's kind, when the test names it
    words: str | None = None  # the contested headline words
    evidence: tuple[str, ...] | None = None  # the evidence spans' texts
    explained: str | None = None  # words the explanation must contain


WRONG = {
    "demands when the body says asked": Wrong(
        "Minister demands council scrap parking fees",
        "Transport Minister Ruth Adeyemi asked the city council on Tuesday to scrap parking "
        "fees in the city centre. The council said it would discuss the request next month.",
        "overstated",
        "escalated",
        "demands",
        ("asked",),
        '"demands"',
    ),
    "admits when the body says did not rule out": Wrong(
        "Health minister admits fault over hospital delays",
        "Health Minister Paul Greer did not rule out on Monday that mistakes had been made "
        "over the delays at St Anne's hospital.\n\nAn inquiry will report in May, he said.",
        "overstated",
        words="admits",
        evidence=("did not rule out",),
        explained="paragraph 1",
    ),
    "will when the body says may": Wrong(
        "Westhaven harbour will close next year",
        "The Westhaven harbour may close next year, officials said on Monday, because the "
        "repairs it needs are too costly.",
        "overstated",
        "hedge_dropped",
        "will close",
        ("may close",),
    ),
    "scraps when the body says is considering scrapping": Wrong(
        "Council scraps parking fees",
        "The city council is considering scrapping parking fees in the centre, a spokesman said.",
        "overstated",
        evidence=("is considering scrapping",),
    ),
    "a title-case headline": Wrong(
        "Council Scraps Parking Fees In City Centre",
        "The city council is considering scrapping parking fees in the centre, a spokesman said.",
        "overstated",
        words="Scraps",
    ),
    "a figure rounded up": Wrong(
        "Draxton to cut 500 jobs at Leeds plant",
        "Carmaker Draxton said on Friday it would cut about 300 jobs at its Leeds plant as "
        "demand for diesel engines falls.",
        "overstated",
        "number_inflated",
        "500",
        ("about 300",),
    ),
    "a figure the body says is not quite reached": Wrong(
        "Factory to cut 500 jobs",
        "The factory will cut nearly 500 jobs next year, its owner said.",
        "overstated",
        "number_inflated",
        evidence=("nearly 500",),
    ),
    "a bare headline count against the count of the same act": Wrong(
        "Police arrest 40 after Dunmore clashes",
        "Police arrested 14 people after clashes in the centre of Dunmore on Saturday night, "
        "a spokesman said.",
        "overstated",
        "number_inflated",
        "40",
        ("14",),
    ),
    "a death toll above the body's at least": Wrong(
        "40 killed in Ardmore floods",
        "At least 12 people were killed when floods swept through Ardmore on Monday, "
        "officials said.",
        "overstated",
        "number_inflated",
        evidence=("At least 12",),
    ),
    "a count never compared with a percentage of the same verb": Wrong(
        "Glenmoor Foods cuts 300 staff",
        "Glenmoor Foods will cut 20 percent of its staff, it said on Monday.",
        "unsupported",
        "number_differs",
        evidence=(),
        explained="no such figure",
    ),
    "a figure the body does not give": Wrong(
        "Council approves $40 million bridge plan",
        "The city council approved the plan to replace the bridge on Thursday.",
        "unsupported",
        "number_differs",
        "$40 million",
    ),
    "a claim the body attributes, stated as fact": Wrong(
        "New flu vaccine is unsafe",
        "The new flu vaccine is unsafe, said Dr Lena Hart, a campaigner who has opposed "
        "vaccination for years. Health officials said the vaccine had passed every trial.",
        "overstated",
        "attribution_dropped",
        evidence=("The new flu vaccine is unsafe", "Dr Lena Hart"),
        explained="Dr Lena Hart",
    ),
    "a headline quote nobody in the body said": Wrong(
        'Mayor calls Mill Street bridge "a death trap"',
        "Mayor Ana Ruiz said on Thursday that the Mill Street bridge needed urgent repairs. "
        '"It is old and it is tired," she said. "We cannot wait another winter."',
        "unsupported",
        "quote_not_in_body",
        '"a death trap"',
    ),
    "a headline quote someone else said": Wrong(
        'Mayor Ruiz: "We will rebuild the bridge"',
        '"We will rebuild the bridge," said Councillor Tomas Brandt on Monday. Mayor Ana Ruiz '
        "did not comment.",
        "unsupported",
        "different_actor",
        '"We will rebuild the bridge"',
        ('"We will rebuild the bridge,"', "Councillor Tomas Brandt"),
    ),
    "someone else doing it": Wrong(
        "Ruiz vetoes bridge budget",
        "Councillor Tomas Brandt vetoed the bridge budget on Monday. Mayor Ana Ruiz said she "
        "regretted the decision.",
        "unsupported",
        "different_actor",
        explained="Tomas Brandt",
    ),
    "a claim put in the wrong mouth": Wrong(
        "Mayor Ruiz says Mill Street bridge is unsafe",
        "The Mill Street bridge is unsafe, said Tomas Brandt, a councillor. Mayor Ana Ruiz "
        "did not comment.",
        "unsupported",
        "different_actor",
        evidence=("Tomas Brandt", "is unsafe"),
    ),
    "the opposite verb": Wrong(
        "Council approves new stadium",
        "The council rejected plans for a new stadium on Tuesday after a long debate.",
        "contradicted",
        evidence=("rejected",),
    ),
    "a negated verb": Wrong(
        "Ferry operator raises fares",
        "The ferry operator did not raise its fares this spring, a spokeswoman said.",
        "contradicted",
        evidence=("did not raise",),
    ),
    "denied doing it": Wrong(
        "Surgeon took selfie during operation",
        "The surgeon, Dr Gwen Kovac, has denied taking a selfie during the operation, her "
        "lawyer said.",
        "contradicted",
        "refuted",
        evidence=("denied taking",),
    ),
    "a death toll said with another verb": Wrong(
        "Landslide kills 30 in hill villages",
        "At least 17 people died when a landslide buried homes in two hill villages on "
        "Sunday, officials said.",
        "overstated",
        "number_inflated",
        "30",
        ("At least 17",),
    ),
    "a group's claim stated as fact": Wrong(
        "Pesticide harms bees",
        "Beekeepers claimed on Monday that the pesticide harms bees. The manufacturer said its "
        "product was safe when used as directed.",
        "overstated",
        "attribution_dropped",
        evidence=("that the pesticide harms bees", "Beekeepers"),
        explained="Beekeepers",
    ),
    "doer and target swapped": Wrong(
        "Striker punches referee in cup tie",
        "The referee punched a striker during the cup tie on Saturday, witnesses said.",
        "unsupported",
        "different_actor",
        explained='in the body "The referee" did it to "a striker"',
    ),
    "a deed named by a noun, confirmed while the body only considers it": Wrong(
        "Council confirms library closure",
        "The city council is considering closing the central library, a spokeswoman said.",
        "overstated",
        "escalated",
        "confirms library closure",
        ("is considering closing",),
    ),
    "a hedge in 'is expected to'": Wrong(
        "Central bank raises interest rates",
        "The central bank is expected to raise interest rates on Thursday, economists said.",
        "overstated",
        "hedge_dropped",
        evidence=("expected to raise",),
    ),
    "decided against doing it": Wrong(
        "Club sacks manager Ortiz",
        "The club's board decided against sacking manager Luis Ortiz on Monday, despite a run "
        "of six defeats.",
        "contradicted",
        "negated",
    ),
    "found no link": Wrong(
        "Study links sweetener to memory loss",
        "A study of 40,000 adults found no link between the sweetener and memory loss, "
        "researchers said on Tuesday.",
        "contradicted",
        "negated",
        evidence=("found no link",),
    ),
    "a rumour the body calls a hoax": Wrong(
        "Panther spotted in Brackley woods",
        "Reports that a panther had been spotted in Brackley woods were a hoax, police said "
        "on Friday.",
        "contradicted",
        "refuted",
    ),
}


@pytest.mark.parametrize("case", WRONG.values(), ids=WRONG.keys())
def test_a_headline_the_body_does_not_carry_says_why(analyze, case: Wrong):
    a = check(analyze, case.headline, case.body)
    assert a.headline_check.verdict == case.verdict
    f = problem(a)
    assert f.verdict == case.verdict
    if case.kind:
        assert f.kind == case.kind
    if case.words:
        assert f.headline.text == case.words
    if case.evidence is not None:
        assert tuple(e.text for e in f.evidence) == case.evidence
    if case.explained:
        assert case.explained in f.explanation


SUPPORTED = {
    "the claim with its source in the headline": (
        "New flu vaccine is unsafe, campaigner says",
        "The new flu vaccine is unsafe, said Dr Lena Hart, a campaigner who has opposed "
        "vaccination for years.",
    ),
    "a headline quote the body has": (
        'Mayor says Mill Street bridge is "old and tired"',
        'Mayor Ana Ruiz said on Thursday that the Mill Street bridge was "old and tired" and '
        "needed urgent repairs.",
    ),
    "a figure rounded down": (
        "Factory to cut nearly 500 jobs",
        "The factory will cut 480 jobs next year, its owner said.",
    ),
    "a count the body reaches in two parts": (
        "Police arrest 40 in weekend protests",
        "Police arrested 14 people on Friday and 26 more on Saturday during protests against "
        "the new law.",
    ),
    "a company announcing its own plan": (
        "Draxton to cut 300 jobs",
        "Carmaker Draxton will cut 300 jobs at its Leeds plant, its chief executive said.",
    ),
    "'firm to close' read as a plan": (
        "Draxton to close Leeds plant",
        "Carmaker Draxton plans to close its Leeds plant next year, its chief executive said.",
    ),
    "a question headline states nothing as fact": (
        "Will Westhaven harbour close next year?",
        "The Westhaven harbour may close next year, officials said on Monday.",
    ),
    "a question the body answers in other words": (
        "Will the Tarrow bridge reopen before winter?",
        "Repairs to the Tarrow bridge are running two months late, the county said on Friday, "
        "and it still hopes to let traffic back on in November.",
    ),
    "a round figure the body rounds down to": (
        "Fire forces 3,000 from homes",
        "The fire forced 3,400 people from their homes on Tuesday, officials said.",
    ),
    "an office's report is sourcing, not a claim": (
        "Grass fire forces 1,200 from homes",
        "A grass fire forced 1,200 residents from their homes on Tuesday, the county sheriff's "
        "office said.",
    ),
    "the same doer and target": (
        "Striker punches referee in cup tie",
        "A striker punched the referee during the cup tie on Saturday, witnesses said.",
    ),
}


@pytest.mark.parametrize(("headline", "body"), SUPPORTED.values(), ids=SUPPORTED.keys())
def test_a_headline_the_body_carries_is_supported(analyze, headline, body):
    a = check(analyze, headline, body)
    assert a.headline_check.verdict == "supported", a.headline_check.findings
    assert all(f.verdict == "supported" for f in a.headline_check.findings)


def test_a_faithful_headline_shows_its_evidence(analyze):
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


def test_a_story_the_body_calls_a_hoax_is_contradicted(analyze):
    a = check(
        analyze,
        "Florida woman grows third arm after surgery",
        "The story of a Florida woman who grew a third arm after surgery is a hoax. Photos of "
        "the arm were doctored, a hospital spokesman said.",
    )
    assert a.headline_check.verdict == "contradicted"
    assert problem(a).evidence[0].text.endswith("is a hoax")


def test_the_entry_point_names_the_registered_factory():
    """pyproject's spacy_factories entry point resolves to the factory spaCy registered."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    module, name = project["entry-points"]["spacy_factories"]["presslens_headline"].split(":")
    factory = getattr(importlib.import_module(module), name)
    assert registry.factories.get("presslens_headline") is factory
