"""Time expressions normalised from text alone (no parse): value, granularity, type, relation."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.timex import bounds, granularity_of, last_day, normalise
from tidings.timex.detect import find_candidates

ANCHOR = date(2021, 11, 20)  # a Saturday


@pytest.mark.parametrize(
    "text, value, granularity, type_, relation",
    [
        ("On November 15", "2021-11-15", "day", "DATE", None),
        ("January 3, 2020", "2020-01-03", "day", "DATE", None),
        ("3 January 2020", "2020-01-03", "day", "DATE", None),
        ("Back in July", "2021-07", "month", "DATE", None),
        ("last year's", "2020", "year", "DATE", None),
        ("in 2017", "2017", "year", "DATE", None),
        ("by the end of this year", "2021-12-31", "day", "DATE", "deadline"),
        ("by the end of the current year", "2021-12-31", "day", "DATE", "deadline"),
        ("within the coming days", "FUTURE_REF", "unknown", "DATE", None),
        ("recently", "PAST_REF", "unknown", "DATE", None),
        ("last week", "2021-W45", "unknown", "DATE", None),
        ("next month", "2021-12", "month", "DATE", None),
        ("the third quarter of this year", "2021-Q3", "quarter", "DATE", None),
        ("the summer of 2019", "2019-SU", "season", "DATE", None),
        ("in the 1990s", "199", "decade", "DATE", None),
        ("the 19th century", "18", "century", "DATE", None),
        ("three years ago", "2018", "year", "DATE", None),
        ("yesterday", "2021-11-19", "day", "DATE", None),
        ("since March 2015", "2015-03", "month", "DATE", "since"),
        ("at 14:30 GMT", "2021-11-20T14:30Z", "day", "TIME", None),
        ("Tuesday morning", "2021-11-16TMO", "day", "TIME", None),
        ("for six months", "P6M", "unknown", "DURATION", None),
        ("a decade-long", "P10Y", "unknown", "DURATION", None),
        ("every week", "P1W", "unknown", "SET", None),
        ("monthly", "P1M", "unknown", "SET", None),
        ("10/12/2019", "2019-10-12", "day", "DATE", None),
    ],
)
def test_values_anchored_to_publication(text, value, granularity, type_, relation):
    assert normalise(text, ANCHOR) == (value, granularity, type_, relation)


@pytest.mark.parametrize(
    "text, direction, value",
    [
        ("on Friday", None, "2021-11-19"),  # the Friday before publication
        ("on Friday", "past", "2021-11-19"),
        ("on Friday", "future", "2021-11-26"),  # "will meet on Friday"
        ("on Saturday", "past", "2021-11-20"),  # the publication day itself
        ("in March", "past", "2021-03"),
        ("in March", "future", "2022-03"),
        ("in December", None, "2021-12"),  # nearest: next month rather than last year's
        ("on December 2", "past", "2020-12-02"),
    ],
)
def test_open_dates_follow_the_verb(text, direction, value):
    assert normalise(text, ANCHOR, direction)[0] == value


@pytest.mark.parametrize(
    "text, value, granularity, type_",
    [
        # TimeML conventions for news (anchor: Saturday 20 November 2021)
        ("two years ago", "2019", "year", "DATE"),  # a DATE at the unit's size, as in TimeBank
        ("a few years ago", "PAST_REF", "unknown", "DATE"),
        ("two weeks from now", "2021-12-04", "day", "DATE"),
        ("several days later", "FUTURE_REF", "unknown", "DATE"),
        ("a few months earlier", "PAST_REF", "unknown", "DATE"),
        ("in recent years", "PAST_REF", "unknown", "DATE"),
        ("in coming months", "FUTURE_REF", "unknown", "DATE"),
        ("right now", "PRESENT_REF", "unknown", "DATE"),
        ("currently", "PRESENT_REF", "unknown", "DATE"),
        ("over the past year", "P1Y", "unknown", "DURATION"),
        ("for the past three months", "P3M", "unknown", "DURATION"),
        ("for decades", "PXY", "unknown", "DURATION"),
        ("a quarter century", "P25Y", "unknown", "DURATION"),
        ("fiscal 2020", "FY2020", "year", "DATE"),
        ("in fiscal year 2019", "FY2019", "year", "DATE"),
        ("FY2022", "FY2022", "year", "DATE"),
        ("the 2020-21 fiscal year", "FY2021", "year", "DATE"),
        ("the current fiscal year", "FY2021", "year", "DATE"),
        ("last fiscal year", "FY2020", "year", "DATE"),
        ("the first quarter of fiscal 2022", "FY2022-Q1", "quarter", "DATE"),
        ("this year's second quarter", "2021-Q2", "quarter", "DATE"),
        ("the first half of next year", "2022-H1", "unknown", "DATE"),
        ("the latest quarter", "2021-Q3", "quarter", "DATE"),
        ("this past weekend", "2021-W45-WE", "unknown", "DATE"),
        ("last year's summer", "2020-SU", "season", "DATE"),
        ("twice a week", "P1W", "unknown", "SET"),
        ("three times a year", "P1Y", "unknown", "SET"),
        ("every summer", "XXXX-SU", "unknown", "SET"),
        ("each September", "XXXX-09", "unknown", "SET"),
        ("on Fridays", "XXXX-WXX-5", "unknown", "SET"),
        ("Sunday mornings", "XXXX-WXX-7TMO", "unknown", "SET"),
        ("the annual summit", "P1Y", "unknown", "SET"),
        ("at 6:40 p.m. (GMT +8)", "2021-11-20T18:40", "day", "TIME"),
    ],
)
def test_timeml_conventions(text, value, granularity, type_):
    assert normalise(text, ANCHOR)[:3] == (value, granularity, type_)


@pytest.mark.parametrize(
    "text, values",
    [
        ("between 60 and 90 days", ["P60D", "P90D"]),  # each number of a range is a duration
        ("two or three years", ["P2Y", "P3Y"]),
        ("from 2009 to 2011", ["2009", "2011"]),  # a range of dates is two dates
    ],
)
def test_ranges_are_two_expressions(text, values):
    from tidings.timex.normalise import interpret

    assert [interpret(c, ANCHOR).value for c in find_candidates(text)] == values


def test_year_end_deadline():
    assert normalise("by year-end", ANCHOR) == ("2021-12-31", "day", "DATE", "deadline")


def test_fiscal_values_have_calendar_bounds():
    assert granularity_of("FY2021-Q3") == "quarter"
    assert bounds("FY2021") == (date(2021, 1, 1), date(2021, 12, 31))


def test_publication_date_may_be_given_as_text():
    assert normalise("last year", "2021-11-20")[0] == "2020"


@pytest.mark.parametrize(
    "text, value, relation",
    [
        ("January 3, 2020", "2020-01-03", None),  # absolute: resolves without an anchor
        ("in the 1990s", "199", None),
        ("for six months", "P6M", None),
        ("On November 15", None, "unresolved"),  # relative: never guessed from today's date
        ("last year", None, "unresolved"),
        ("on Friday", None, "unresolved"),
        ("three days ago", None, "unresolved"),
    ],
)
def test_without_publication_date(text, value, relation):
    got = normalise(text, None)
    assert (got[0], got[3]) == (value, relation)


@pytest.mark.parametrize("text", ["We", "We might see an escalation", "the current situation is tense",
                                  "it fell shortly after"])
def test_no_false_dates(text):
    values = [c.text for c in find_candidates(text) if c.kind not in {"reference"}]
    assert values == []


def test_model_splits_are_one_expression():
    # "January 3, 2020" is one expression, not a date and a number
    found = find_candidates("They were targeted on January 3, 2020, in a strike.")
    assert [c.text for c in found] == ["January 3, 2020"]


def test_event_relative_expression_waits_for_its_event():
    value, granularity, type_, relation = normalise("Two days after the attack", ANCHOR)
    assert (value, type_, relation) == (None, "DATE", "after")


def test_decimals_and_counts_are_not_times():
    assert find_candidates("shares fell 3.41% to 7,114.30 points") == []


@pytest.mark.parametrize(
    "value, granularity, first, last",
    [
        ("2021-07", "month", date(2021, 7, 1), date(2021, 7, 31)),
        ("2021-Q3", "quarter", date(2021, 7, 1), date(2021, 9, 30)),
        ("2020-WI", "season", date(2020, 12, 1), date(2021, 2, 28)),
        ("199", "decade", date(1990, 1, 1), date(1999, 12, 31)),
        ("2021-W46", "unknown", date(2021, 11, 15), date(2021, 11, 21)),
    ],
)
def test_calendar_bounds(value, granularity, first, last):
    assert granularity_of(value) == granularity
    assert bounds(value) == (first, last)


def test_last_day_and_references():
    assert last_day("2021") == "2021-12-31"
    assert bounds("PAST_REF") is None and granularity_of("FUTURE_REF") == "unknown"
