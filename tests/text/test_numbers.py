"""presslens.text.numbers: the figures a reader would check, with value, unit and bound."""

from __future__ import annotations

import pytest

from presslens.text.numbers import find_numbers


def only(text: str):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("The port handled 12,500 containers.", "12,500", 12500, "container"),
        ("The rate was 3.75 on average.", "3.75", 3.75, None),
        ("The plan costs $38 million.", "$38 million", 38_000_000, "USD"),
        ("Profits reached 1.2bn euros.", "1.2bn euros", 1_200_000_000, "EUR"),
        ("The fund lost £3bn.", "£3bn", 3_000_000_000, "GBP"),
        ("It raised €2 billion.", "€2 billion", 2_000_000_000, "EUR"),
        ("They paid 500 dollars.", "500 dollars", 500, "USD"),
        ("The salary was $50k.", "$50k", 50_000, "USD"),
        ("Turnout was 14 percent.", "14 percent", 14, "percent"),
        ("Turnout was 14%.", "14%", 14, "percent"),
        ("Turnout was 14 per cent.", "14 per cent", 14, "percent"),
        ("Support fell 3 percentage points.", "3 percentage points", 3, "percentage point"),
        ("Three ferries sailed.", "Three", 3, "ferry"),
        ("Only 24 ferries sailed.", "24", 24, "ferry"),
        ("Twenty-five nurses resigned.", "Twenty-five", 25, "nurse"),
        ("A dozen eggs broke.", "A dozen", 12, "egg"),
        (
            "two hundred and fifty thousand voters",
            "two hundred and fifty thousand",
            250_000,
            "voter",
        ),
        ("It costs half a million dollars.", "half a million dollars", 500_000, "USD"),
        ("The road is 40 km long.", "40", 40, "km"),
        ("Police held 14 in 2019 raids.", "14", 14, None),  # a count and a year, not '1 in 4'
    ],
)
def test_values_and_units(text, figure, value, unit):
    n = only(text)
    assert (n.text, n.value, n.unit) == (figure, pytest.approx(value), unit)
    assert text[n.start : n.end] == n.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A third of voters agreed.", 1 / 3),
        ("Half of the staff left.", 0.5),
        ("Two-thirds of the land flooded.", 2 / 3),
        ("Three quarters of the budget went on salaries.", 0.75),
        ("One in five adults smokes.", 0.2),
        ("1 in 4 homes has no heating.", 0.25),
    ],
)
def test_fractions(text, value):
    n = only(text)
    assert n.unit == "fraction"
    assert n.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figure", "bound"),
    [
        ("The club has 200 plus members.", "200 plus", "at_least"),
        ("The club has 200+ members.", "200+", "at_least"),
        ("More than 200 members came.", "More than 200", "at_least"),
        ("At least 200 members came.", "At least 200", "at_least"),
        ("200 or more members came.", "200 or more", "at_least"),
        ("Nearly 200 members came.", "Nearly 200", "at_most"),
        ("Up to 200 members came.", "Up to 200", "at_most"),
        ("Fewer than 200 members came.", "Fewer than 200", "at_most"),
        ("About 200 members came.", "About 200", "about"),
        ("Roughly $5 million was spent.", "Roughly $5 million", "about"),
        ("Hundreds of members came.", "Hundreds", "at_least"),
    ],
)
def test_bounds(text, figure, bound):
    n = only(text)
    assert (n.text, n.bound) == (figure, bound)


def test_vague_plural_is_at_least_two_of_its_scale():
    n = only("Thousands of residents marched.")
    assert (n.value, n.unit, n.bound) == (2000, "resident", "at_least")


@pytest.mark.parametrize(
    ("text", "value", "upper", "unit"),
    [
        ("Each ticket costs 10 to 12 dollars.", 10, 12, "USD"),
        ("Prices rose 10-12 percent.", 10, 12, "percent"),
        ("between 10 and 12 million dollars", 10_000_000, 12_000_000, "USD"),
        ("It will cost $3 million to $4 million.", 3_000_000, 4_000_000, "USD"),
    ],
)
def test_ranges(text, value, upper, unit):
    n = only(text)
    assert (n.value, n.upper, n.unit) == (value, upper, unit)


@pytest.mark.parametrize(
    "text",
    ["Growth rose 0.5 percent to 1.8 percent.", "Fares went from 10 to 12 dollars."],
)
def test_a_change_is_no_range(text):
    assert all(n.upper is None for n in find_numbers(text))
    assert len(find_numbers(text)) == 2


def test_a_scale_glued_to_its_figure():
    n = only("Donations passed the $1billion mark.")
    assert (n.value, n.unit) == (1_000_000_000, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "The mill closed in 2024.",
        "The 1990s were quiet.",
        "The vote is on Sept. 26.",
        "The vote is on 26 September.",
        "Polls close at 9 p.m.",
        "The train left at 10:30.",
        "He flew the F-35 during COVID-19.",
        "It was the 21st meeting.",
        "Profits rose in the third quarter.",
        "She won a third term.",
        "The memorial honours 9/11.",
        "He is ranked No. 1.",
        "One of them left.",
        "The 38m cable snapped.",
        "Call 800-273-8255 for help.",
        "The home side won 3-2.",
        "See post 783491630540001280.",
        "He flew on a Boeing 737 to the Fortune 500 summit.",
    ],
)
def test_not_quantities(text):
    assert find_numbers(text) == []


def test_list_numbers_are_not_quantities():
    assert find_numbers("1. Apply early\n2) Pay the fee") == []


def test_offset_and_unit_hook():
    seen = []

    def noun_unit(char: int, word: str) -> str | None:
        seen.append((char, word))
        return "vessel"

    (n,) = find_numbers("Three ferries sailed.", offset=100, noun_unit=noun_unit)
    assert (n.start, n.end, n.unit) == (100, 105, "vessel")
    assert seen == [(106, "ferries")]
