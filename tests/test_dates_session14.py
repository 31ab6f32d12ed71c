"""Dates of the fourteenth session (invented text): explicit dates the grammar missed on TimeBank
(the second day of a pair, "April 24 and 25"; a year after "pre-" or "post-") and a deadline whose
hour stands between "until" and its weekday ("until 9 a.m. EST Tuesday")."""

from __future__ import annotations

import datetime as dt

from checks.dates.find import find_dates

FRIDAY = dt.date(2025, 12, 5)
MONDAY = dt.date(2026, 3, 2)


def values(nlp, text: str, published: dt.date | None = FRIDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


def test_the_second_day_of_a_pair_shares_the_first_days_month_and_year(nlp) -> None:
    assert values(nlp, "The summit will be held in Rome on April 24 and 25.") == [
        ("April 24", "2026-04-24"), ("25", "2026-04-25")]
    assert values(nlp, "Markets fell on Oct. 30 and 31.") == [("Oct. 30", "2025-10-30"), ("31", "2025-10-31")]
    assert values(nlp, "The fair is on June 3-4.") == [("June 3", "2026-06-03"), ("4", "2026-06-04")]


def test_the_year_after_a_pair_of_days_is_both_days_not_a_year_of_its_own(nlp) -> None:
    assert values(nlp, "The talks ran on May 3 and 4, 2024.") == [
        ("May 3", "2024-05-03"), ("4, 2024", "2024-05-04")]
    assert values(nlp, "The festival ran on June 3-4, 2016, in Oslo.") == [
        ("June 3", "2016-06-03"), ("4, 2016", "2016-06-04")]


def test_a_number_after_a_day_that_counts_something_is_no_day(nlp) -> None:
    assert values(nlp, "Police arrested him on March 3 and 4 others fled.") == [("March 3", "2025-03-03")]
    # a pair that runs backwards is no pair of days in one month
    assert ("2", None) not in values(nlp, "The vote was on May 30 and 2 weeks later the count ended.")
    assert [v for _, v in values(nlp, "It was held on May 30 and 2.")] == ["2025-05-30"]


def test_a_year_after_pre_or_post_is_the_year(nlp) -> None:
    assert values(nlp, "Analysts said the post-1959 politics split thousands of families.") == [
        ("post-1959", "1959")]
    assert values(nlp, "Pre-1990 cars need no emissions test.") == [("Pre-1990", "1990")]


def test_a_prefixed_year_naming_a_noun_does_not_set_the_storys_year(nlp) -> None:
    text = "The firm was sold in March 2003. Its post-1990 plants were closed that year."
    assert values(nlp, text)[-1] == ("that year", "2003")


def test_a_deadline_put_off_to_an_hour_of_a_weekday_lies_ahead(nlp) -> None:
    # the parse hangs "Tuesday" on "a.m." as an apposition; it was read as the Tuesday gone
    text = ("The union refused to sign the offer after two days of talks, and the board extended its "
            "deadline until 9 a.m. EST Tuesday.\n\nThe mood changed, however, when the mayor announced "
            "last Wednesday that the plant would stay open.")
    assert values(nlp, text, MONDAY) == [("Tuesday", "2026-03-03"), ("last Wednesday", "2026-02-25")]
    # a run that ended at that hour stays in the past
    assert values(nlp, "The strike lasted until 9 a.m. Tuesday.", MONDAY) == [("Tuesday", "2026-02-24")]


def test_a_time_ahead_with_no_day_is_future_ref(nlp) -> None:
    assert values(nlp, "Sales should stay weak in the near term.") == [("the near term", "FUTURE_REF")]
    assert values(nlp, "We see the challenges of the near term.") == [("the near term", "FUTURE_REF")]
    assert values(nlp, "It doesn't bode well for coming quarters.") == [("coming quarters", "FUTURE_REF")]
    assert values(nlp, "The firm sees growth in future years.") == [("future years", "FUTURE_REF")]
    # a term of office, a compound adjective and a named period stay out; "the coming months" keeps PXM
    assert values(nlp, "He served the short term of his predecessor.") == []
    assert values(nlp, "Short-term rates rose, and near-term goals slipped.") == []
    assert values(nlp, "Prices will rise in the coming months.") == [("the coming months", "PXM")]


def test_a_shift_from_a_supposed_day_has_no_value(nlp) -> None:
    text = ("The court ruled on May 3, 2025. If the family fails to file an appeal within 14 days, she said, "
            "the soonest the boy could leave would be seven days later.")
    assert values(nlp, text)[-1] == ("seven days later", None)
    # with a day of its own in the condition, the shift counts from it; without a condition, from the story's
    text = ("The court ruled on May 3, 2025. If the family appeals on May 10, a hearing would follow "
            "two weeks later.")
    assert values(nlp, text)[-1] == ("two weeks later", "2026-05-24")
    assert values(nlp, "The court ruled on May 3, 2025. Two weeks later, the family appealed.")[-1] == (
        "Two weeks later", "2025-05-17")


def test_the_year_ago_quarter_tells_the_storys_quarter_for_the_year_ago_results(nlp) -> None:
    text = "Coast earned $10.2 million in the year-ago quarter. The year-ago results have been restated."
    assert values(nlp, text, dt.date(1989, 11, 1)) == [
        ("the year-ago quarter", "1988-Q3"), ("year-ago", "1988-Q3")]


def test_todays_machines_are_the_present_age_not_a_day(nlp) -> None:
    text = "The firm's chips are the chips of choice in many of today's personal computers."
    assert values(nlp, text) == [("today", "PRESENT_REF")]
    assert values(nlp, "Tomorrow's smartphones will fold.") == [("Tomorrow", "FUTURE_REF")]
    assert values(nlp, "Today's vote was close.") == [("Today", "2025-12-05")]


def test_the_second_day_of_two_pairs_raises_no_phrase_conflict() -> None:
    from checks import check_text

    text = "The first talks were held on April 24 and 25. A second round is set for May 24 and 25."
    report = check_text(text, published=FRIDAY)
    assert [d.value for d in report.dates] == ["2025-04-24", "2025-04-25", "2026-05-24", "2026-05-25"]
    assert "date_phrase_conflict" not in [s.code for s in report.signals]
