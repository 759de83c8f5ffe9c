"""presslens_times: each time form of the issue, resolved against the publication date."""

from __future__ import annotations

import pytest

from presslens.schema import Analysis, Time

PUBLISHED = "2024-03-14"  # a Thursday


def time_of(a: Analysis, text: str) -> Time:
    found = [t for t in a.times if t.text == text]
    assert found, f"no time {text!r} in {[t.text for t in a.times]}"
    return found[0]


def assert_offsets(a: Analysis) -> None:
    for t in a.times:
        assert a.text[t.start : t.end] == t.text


ANY = object()  # the anchor is not what the case is about


def case(
    name: str,
    text: str,
    expression: str,
    value: str,
    *,
    type_: str | None = None,
    anchor: object = ANY,
    published: str | None = PUBLISHED,
):
    """One time expression of ``text`` and what it resolves to (its type and anchor too,
    when given)."""
    return pytest.param(text, expression, value, type_, anchor, published, id=name)


RESOLVED = [
    *(
        case(f"calendar: {text}", f"Bridge\n\n{sentence}", text, value, type_="date")
        for sentence, text, value in [
            ("The bridge opened on March 3, 2021.", "March 3, 2021", "2021-03-03"),
            ("The bridge opened on 3 March 2021.", "3 March 2021", "2021-03-03"),
            ("The bridge opened on Sept. 5.", "Sept. 5", "2023-09-05"),
            ("The bridge opened on 2021-03-03.", "2021-03-03", "2021-03-03"),
            ("The bridge opened on Saturday, March 9.", "Saturday, March 9", "2024-03-09"),
            ("The bridge opened in January.", "January", "2024-01"),
            ("The bridge opened in May 2019.", "May 2019", "2019-05"),
            ("The bridge opened in 1998.", "1998", "1998"),
            ("The bridge opened in the 1990s.", "the 1990s", "199"),
        ]
    ),
    case(
        "a date with its year needs no anchor",
        "Bridge\n\nThe bridge opened on March 3, 2021.",
        "March 3, 2021",
        "2021-03-03",
        anchor=None,
        published=None,
    ),
    *(
        case(
            f"relative: {text}", f"News\n\n{sentence}", text, value, type_="date", anchor=PUBLISHED
        )
        for sentence, text, value in [
            ("The storm hit the coast yesterday.", "yesterday", "2024-03-13"),
            ("The storm hit the coast today.", "today", "2024-03-14"),
            ("The storm hit the coast last Tuesday.", "last Tuesday", "2024-03-12"),
            ("The council will meet next week.", "next week", "2024-W12"),
            ("The plant closed two years ago.", "two years ago", "2022"),
            ("The plant closed earlier this month.", "earlier this month", "2024-03"),
            ("The plant closed last year.", "last year", "2023"),
            ("Profit rose in the fourth quarter.", "the fourth quarter", "2023-Q4"),
            ("The park will reopen this summer.", "this summer", "2024-SU"),
        ]
    ),
    *(
        case(f"time of day: {text}", f"Ferry\n\n{sentence}", text, value, type_="time")
        for sentence, text, value in [
            ("The ferry leaves at 3 p.m.", "3 p.m.", "2024-03-14T15:00"),
            ("The ferry left at 10:30 a.m. Tuesday.", "10:30 a.m. Tuesday", "2024-03-12T10:30"),
            ("The ferry left this morning.", "this morning", "2024-03-14TMO"),
            ("The ferry left on Friday night.", "Friday night", "2024-03-08TNI"),
        ]
    ),
    *(
        case(f"duration: {text}", f"News\n\n{sentence}", text, value, type_="duration", anchor=None)
        for sentence, text, value in [
            ("Rain fell over the past 11 days.", "the past 11 days", "P11D"),
            ("The talks lasted three hours.", "three hours", "PT3H"),
            ("Sales rose in the first nine months.", "the first nine months", "P9M"),
            ("He signed a two-year contract.", "two-year", "P2Y"),
            ("The dispute went on for several years.", "several years", "PXY"),
        ]
    ),
    *(
        case(f"set: {text}", f"News\n\n{sentence}", text, value, type_="set")
        for sentence, text, value in [
            ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
            ("The council meets each month.", "each month", "P1M"),
            ("The report is published annually.", "annually", "P1Y"),
            ("The club meets twice a week.", "twice a week", "P1W"),
        ]
    ),
    case(
        "a year-less date late in the year is last year's",
        "Ferry\n\nThe ferry sank on December 30.",
        "December 30",
        "2023-12-30",
        published="2024-01-02",
    ),
    *(
        case(
            f"story timeline: {text}", f"Mill\n\n{story}", text, value, type_="date", anchor=anchor
        )
        for story, text, value, anchor in [
            (
                "The company was founded in March 2019. The following year it moved to Leeds.",
                "The following year",
                "2020",
                "2019-03-01",
            ),
            (
                "The mill burned down on June 3, 2011. The owner was arrested the day before.",
                "the day before",
                "2011-06-02",
                "2011-06-03",
            ),
            (
                "The mill burned down on June 3, 2011. Two years later a school stood there.",
                "Two years later",
                "2013",
                "2011-06-03",
            ),
            (
                "The mill burned down on June 3, 2011. Nobody was hurt that day.",
                "that day",
                "2011-06-03",
                "2011-06-03",
            ),
            (
                "The mill reopened in May 2015. The owner sold it the same month.",
                "the same month",
                "2015-05",
                "2015-05-01",
            ),
            (
                "The vote came on Tuesday, March 5, 2019, and the bill had been tabled "
                "the previous Friday.",
                "the previous Friday",
                "2019-03-01",
                "2019-03-05",
            ),
        ]
    ),
    case(
        "ago stays on the publication date after an older date",
        "Mill\n\nThe mill was built in 1901. It closed two years ago.",
        "two years ago",
        "2022",
    ),
    case(
        "a year does not say which day 'the day before' is",
        "Mill\n\nThe mill was built in 1901. It was sold the day before.",
        "the day before",
        "2024-03-13",
        anchor=PUBLISHED,
    ),
    case(
        "weeks ago names a day",
        "Ferry\n\nThe ferry sank two weeks ago.",
        "two weeks ago",
        "2024-02-29",
    ),
    *(
        case(f"in so many years: {sentence}", f"Bonds\n\n{sentence}", text, value, type_=type_)
        for sentence, text, type_, value in [
            ("The bonds will be repaid in five years.", "five years", "date", "2029"),
            ("The bonds would be repaid in five years.", "five years", "date", "2029"),
            ("The bridge was built in two years.", "two years", "duration", "P2Y"),
            ("The town hopes it will one day host the games.", "one day", "date", "FUTURE_REF"),
        ]
    ),
    case(
        "a past day about nine months back",
        "Shops\n\nThe chain lost money in the year that ended Jan. 31.",
        "Jan. 31",
        "2023-01-31",
        published="2023-10-31",
    ),
    # -- classes of TimeBank errors fixed with general rules (invented sentences) ----------
    *(
        case(f"past perfect plan: {sentence}", f"Offer\n\n{sentence}", text, value)
        for sentence, text, value in [
            ("The offer had been due to expire Friday evening.", "Friday evening", "2024-03-08TEV"),
            ("The sale had been scheduled to close on Monday.", "Monday", "2024-03-11"),
            ("The sale is scheduled to close on Monday.", "Monday", "2024-03-18"),
        ]
    ),
    case(
        "a month naming a thing takes no tense from the verb",
        "Mill\n\nThe mill says it is continuing to try to sell itself under a June agreement "
        "with its lenders.",
        "June",
        "2023-06",
        published="2023-10-27",
    ),
    *(
        case(f"vague: {text}", f"Shares\n\n{sentence}", text, value, type_="date")
        for sentence, text, value in [
            ("The shares were sold at the then current price.", "then current", "PAST_REF"),
            ("The rest will be paid at a later date.", "a later date", "FUTURE_REF"),
        ]
    ),
    case(
        "earlier in the year is this year",
        "Mill\n\nThe mill was sold earlier in the year.",
        "earlier in the year",
        "2024",
    ),
    case(
        "two quarters of a year are its half",
        "Mill\n\nLosses will go on through the first two quarters of 2025.",
        "the first two quarters of 2025",
        "2025-H1",
    ),
    *(
        case(f"a year or two: {sentence}", f"Plant\n\n{sentence}", text, value, type_=type_)
        for sentence, text, type_, value in [
            ("The plant may reopen in a year or two.", "a year or two", "date", "FUTURE_REF"),
            ("The repairs took two or three days.", "two or three days", "duration", "PXD"),
            ("The plant shut a year or two ago.", "a year or two ago", "date", "PAST_REF"),
        ]
    ),
    *(
        case(f"financial year: {sentence}", f"Results\n\n{sentence}", text, value, type_=type_)
        for sentence, text, type_, value in [
            ("Sales for the full year rose 4%.", "the full year", "date", "2024"),
            ("For the year, volume was flat.", "the year", "date", "2024"),
            ("Sales fell in the latest fiscal year.", "the latest fiscal year", "date", "2023"),
            ("Profit for the year ended June 30 fell.", "the year", "duration", "P1Y"),
            (
                "Margins should widen throughout the fiscal year.",
                "the fiscal year",
                "duration",
                "P1Y",
            ),
        ]
    ),
    case(
        "later in the day is the day",
        "Visit\n\nThe mayor flew to Leeds later in the day.",
        "later in the day",
        PUBLISHED,
    ),
    *(
        case(f"fractional: {text}", f"Camps\n\n{sentence}", text, value, type_="duration")
        for sentence, text, value in [
            ("The camps stood for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
            ("The pilot called a minute and a half later.", "a minute and a half", "PT1M30S"),
            ("The strike lasted 1.5 days.", "1.5 days", "P1DT12H"),
        ]
    ),
    case(
        "weekday nights in the plural recur",
        "Flights\n\nNew flights will leave on Tuesday nights.",
        "Tuesday nights",
        "XXXX-WXX-2TNI",
        type_="set",
    ),
    case(
        "a year earlier in a comparison counts from the publication date",
        "Results\n\nThe bank was founded in 1990. Its loans rose 9%, up from a year earlier.",
        "a year earlier",
        "2023",
    ),
    case(
        "the quarter is named by the day it ended",
        "Results\n\nIn the quarter ended July 31, the chain earned $2 million.",
        "the quarter",
        "2023-Q2",
        published="2023-10-30",
    ),
    case(
        "last year's quarter is the reported quarter a year back",
        "Results\n\nSales for last year's quarter were $3 million.",
        "last year's quarter",
        "2022-Q3",
        published="2023-11-01",
    ),
    *(
        case(f"vague stretch: {text}", f"Deal\n\n{sentence}", text, value, type_="duration")
        for sentence, text, value in [
            ("The deal follows months of talks.", "months", "PXM"),
            ("It made a profit after several quarters of losses.", "several quarters", "PXQ"),
        ]
    ),
    *(
        case(f"under a future verb: {sentence}", f"Vote\n\n{sentence}", text, value)
        for sentence, text, value in [
            ("The council will vote after the mayor returns on Monday.", "Monday", "2024-03-18"),
            ("Funds were likely to buy as soon as trading opened Monday.", "Monday", "2024-03-18"),
            ("He left after the meeting ended on Monday.", "Monday", "2024-03-11"),
        ]
    ),
    case(
        "a few days later is a stretch, not the future",
        "Merger\n\nThe chairman resigned in May. A few days later, the bank announced losses.",
        "A few days later",
        "PXD",
        type_="duration",
    ),
]


@pytest.mark.parametrize(("text", "expression", "value", "type_", "anchor", "published"), RESOLVED)
def test_each_time_form_resolves(analyze, text, expression, value, type_, anchor, published):
    a = analyze(text, published=published)
    t = time_of(a, expression)
    assert t.value == value
    if type_ is not None:
        assert t.type == type_
    if anchor is not ANY:
        assert t.anchor == anchor
    assert_offsets(a)


def test_weekday_past_or_future_by_the_verbs_tense(analyze):
    a = analyze(
        "Council\n\nThe council met on Tuesday. It will vote on Monday.", published=PUBLISHED
    )
    assert time_of(a, "Tuesday").value == "2024-03-12"
    assert time_of(a, "Monday").value == "2024-03-18"
    assert time_of(a, "Monday").anchor == PUBLISHED


def test_no_publication_date_keeps_relative_values_unanchored(analyze):
    a = analyze(
        "Storm\n\nThe storm hit the coast yesterday. The council met on Tuesday "
        "and will meet again next week. The plant closed on March 3."
    )
    values = {t.text: (t.value, t.anchor) for t in a.times}
    assert values["yesterday"] == ("REF-P1D", None)
    assert values["Tuesday"] == ("XXXX-WXX-2", None)
    assert values["next week"] == ("REF+P1W", None)
    assert values["March 3"] == ("XXXX-03-03", None)


def test_vague_references(analyze):
    a = analyze("Ferry\n\nThe ferry is now full. It was recently repainted.", published=PUBLISHED)
    assert time_of(a, "now").value == "PRESENT_REF"
    assert time_of(a, "recently").value == "PAST_REF"


def test_words_that_only_look_like_times_are_not_times(analyze):
    a = analyze(
        "Crowd\n\nThe march drew 2000 people. May I ask, said the mayor, "
        "whether the sun will shine.",
        published=PUBLISHED,
    )
    assert a.times == []


# -- quotes ----------------------------------------------------------------------------------


def test_quote_date_and_yesterday_inside_the_quote(analyze):
    a = analyze(
        "Storm\n\n“The storm hit us yesterday and we reopen on Monday,” "
        "the mayor told reporters on Tuesday.",
        published=PUBLISHED,
    )
    (q,) = a.quotes
    assert q.date == "2024-03-12"
    inside = time_of(a, "yesterday")
    assert (inside.value, inside.anchor) == ("2024-03-11", "2024-03-12")
    outside = time_of(a, "Tuesday")
    assert outside.anchor == PUBLISHED


def test_quote_date_from_a_statement(analyze):
    a = analyze(
        "Port\n\nThe port authority said in a statement on March 3 that the harbour was closed.",
        published=PUBLISHED,
    )
    (q,) = a.quotes
    assert q.date == "2024-03-03"


def test_quote_without_a_day_has_no_date(analyze):
    a = analyze("Port\n\nTom Bell said the harbour was closed.", published=PUBLISHED)
    assert [q.date for q in a.quotes] == [None]


def test_a_year_earlier_beside_a_quarter_is_that_quarter_a_year_back(analyze):
    a = analyze(
        "Results\n\nThe bank earned $5 million in the third quarter, up from $4 million "
        "a year earlier.",
        published="2024-10-20",
    )
    assert time_of(a, "the third quarter").value == "2024-Q3"
    assert time_of(a, "a year earlier").value == "2023-Q3"


def test_the_weekend_and_parts_of_the_day(analyze):
    a = analyze(
        "Storm\n\nThe storm hit over the weekend and eased by mid-afternoon yesterday.",
        published=PUBLISHED,
    )
    assert time_of(a, "the weekend").value == "2024-W10-WE"
    t = time_of(a, "mid-afternoon yesterday")
    assert (t.type, t.value) == ("time", "2024-03-13TAF")


def test_quote_date_without_on(analyze):
    a = analyze(
        "Port\n\n“We reopen tomorrow,” the harbour master told reporters Tuesday.",
        published=PUBLISHED,
    )
    (q,) = a.quotes
    assert q.date == "2024-03-12"
    assert time_of(a, "tomorrow").value == "2024-03-13"


def test_every_rule_has_a_resolver_and_triggers():
    from presslens.lexicons import lexicon
    from presslens.text.times.lexicon import TimesLexicon
    from presslens.text.times.tagger import resolvers

    rules = lexicon(TimesLexicon).rules
    assert {r.name for r in rules} == set(resolvers())
    assert all(r.triggers for r in rules)


# -- the story's own timeline (reference time) ----------------------------------------------


def test_the_reference_time_moves_along_the_story(analyze):
    a = analyze(
        "Mill\n\nThe mill was built in 1901 and sold the following year. It closed in 1950 "
        "and was pulled down the following year.",
        published=PUBLISHED,
    )
    assert [t.value for t in a.times if t.text == "the following year"] == ["1902", "1951"]


def test_the_last_half_or_quarter_of_a_year(analyze):
    a = analyze(
        "Results\n\nThe mill expects weaker sales in the last half of 2023 and the last "
        "quarter of 2024.",
        published=PUBLISHED,
    )
    assert time_of(a, "the last half of 2023").value == "2023-H2"
    assert time_of(a, "the last quarter of 2024").value == "2024-Q4"


def test_an_effective_date_is_ahead(analyze):
    """A date something takes effect on is ahead, whatever the tense of the sentence."""
    a = analyze(
        "Board\n\nThe mill named a new board, effective Feb. 1, the company said.",
        published="2023-10-26",
    )
    assert time_of(a, "Feb. 1").value == "2024-02-01"


# -- classes of TimeBank errors fixed with general rules (invented sentences) ----------------


def test_a_date_naming_a_thing_looks_ahead_only_with_a_future_auxiliary(analyze):
    a = analyze(
        "Bank\n\nThe bank will miss the Jan. 31 deadline. The April report showed losses.",
        published="2023-10-27",
    )
    assert time_of(a, "Jan. 31").value == "2024-01-31"
    assert time_of(a, "April").value == "2023-04"


def test_ages_and_as_soon_as_are_not_times(analyze):
    a = analyze(
        "Bank\n\nMr. Bell, 52 years old, runs a 136-year-old bank. He will retire as soon as "
        "a successor is found, and left soon after the vote.",
        published=PUBLISHED,
    )
    assert a.times == []


def test_a_year_before_a_described_plural_is_still_a_year(analyze):
    a = analyze(
        "Bank\n\nThe loss will appear in the bank's 1989 operating results. The march drew "
        "2000 people.",
        published=PUBLISHED,
    )
    assert [t.text for t in a.times] == ["1989"]


def test_parts_of_the_day_without_this(analyze):
    a = analyze(
        "Shares\n\nBy mid afternoon the index was down. Shares fell on Friday. Dealers sold "
        "heavily in the morning.",
        published=PUBLISHED,
    )
    assert time_of(a, "mid afternoon").value == "2024-03-14TAF"
    t = time_of(a, "the morning")
    assert (t.type, t.value, t.anchor) == ("time", "2024-03-08TMO", "2024-03-08")


def test_quarters_of_the_vote_are_a_fraction(analyze):
    a = analyze(
        "Vote\n\nShe won three quarters of the vote and three-quarters of voters.",
        published=PUBLISHED,
    )
    assert a.times == []


def test_kinds_and_titles_are_not_times(analyze):
    a = analyze(
        "Tweets\n\nHe defended his early-morning tweets at the morning meetings. She was "
        "named Person of the Year. The curfew went unenforced in the early hours of the day. "
        "She told CBS This Morning she had watched The Tonight Show.",
        published=PUBLISHED,
    )
    assert [t.text for t in a.times] == []


def test_the_past_before_a_count_is_no_vague_time(analyze):
    a = analyze("Riots\n\nRiots broke out for the past three summers.", published=PUBLISHED)
    assert "PAST_REF" not in [t.value for t in a.times]


def test_new_forms_without_a_publication_date_stay_relative(analyze):
    a = analyze(
        "Results\n\nSales for the full year rose. Dealers sold heavily in the morning. "
        "In the quarter ended July 31, profit fell."
    )
    values = {t.text: (t.value, t.anchor) for t in a.times}
    assert values["the full year"] == ("REF+P0Y", None)
    assert values["the morning"] == ("XXXX-XX-XXTMO", None)
    assert values["the quarter"] == ("XXXX-QX", None)
