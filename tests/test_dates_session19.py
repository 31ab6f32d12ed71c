"""Dates of the nineteenth session (invented text): a weekday before a plural part of day is a habit
("on Monday nights"); a count of days before a day's date moves it ("the day before last Tuesday");
"last February" in a March story is the one a year before; the small hours of the day after
publication, told in the past ("early Sunday" in a Saturday story), are that day; a page's update
day moves a past weekday only when the page was updated the day after publication."""

from __future__ import annotations

import datetime as dt

from checks import check_text
from checks.dates.find import find_dates
from checks.models import Article

FRIDAY = dt.date(2025, 1, 10)
SATURDAY = dt.date(2025, 1, 4)


def values(nlp, text: str, published: dt.date | None = FRIDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


# --- habits -----------------------------------------------------------------------------------------

def test_a_weekday_before_a_plural_part_of_day_is_a_habit_not_a_date(nlp) -> None:
    assert values(nlp, "The market on Elm Street is busy on Monday nights.") == []
    assert values(nlp, "The shop closes early on Friday evenings, the owner said.") == []
    assert values(nlp, "On Sunday mornings, Ana Ruiz runs by the river.") == []


def test_a_weekday_before_one_part_of_day_stays_a_date(nlp) -> None:
    assert values(nlp, "Ana Ruiz ran by the river on Sunday morning.") == [
        ("on Sunday morning", "2025-01-05")]
    assert values(nlp, "The market was busy on Monday night.") == [("on Monday night", "2025-01-06")]


# --- a count of days from a date -------------------------------------------------------------------

def test_the_day_before_a_weekday_is_the_day_before_it(nlp) -> None:
    assert values(nlp, "The day before last Tuesday's hearing, Bo Lind called his brother.") == [
        ("The day before last Tuesday", "2025-01-06")]


def test_a_count_of_days_after_a_written_date_moves_it(nlp) -> None:
    assert values(nlp, "Two days after Jan. 5, 2025, the mayor resigned.") == [
        ("Two days after Jan. 5, 2025", "2025-01-07")]
    assert values(nlp, "They left on the day after Christmas.") == [("the day after Christmas", "2024-12-26")]


def test_days_before_a_date_with_no_count_leave_it_alone(nlp) -> None:
    assert values(nlp, "It rained for days before Sunday's race.") == [("Sunday", "2025-01-12")]


# --- "last" and the month just ended ----------------------------------------------------------------

def test_last_and_the_month_just_ended_is_the_one_a_year_before(nlp) -> None:
    march = dt.date(2025, 3, 1)
    assert values(nlp, "Two ferries collided last February off the coast.", march) == [
        ("last February", "2024-02")]
    assert values(nlp, "Two ferries collided this past February.", march) == [
        ("this past February", "2025-02")]
    assert values(nlp, "Two ferries collided last January.", march) == [("last January", "2025-01")]
    # in January, the December just ended is also last year's
    assert values(nlp, "Two ferries collided last December.", dt.date(2025, 1, 20)) == [
        ("last December", "2024-12")]


# --- the small hours after publication -------------------------------------------------------------

def test_early_on_the_day_after_publication_told_in_the_past_is_that_day(nlp) -> None:
    text = ("Two people were hurt early Sunday when a car hit a wall, police said. The bar had closed "
            "at 2 a.m. Sunday. The fire was put out Sunday at about 3 a.m., officials said.")
    assert [v for _, v in values(nlp, text, SATURDAY)] == ["2025-01-05"] * 3


def test_a_past_weekday_without_small_hours_keeps_the_week_before(nlp) -> None:
    assert values(nlp, "The council met on Sunday to pass the budget.", SATURDAY) == [
        ("on Sunday", "2024-12-29")]
    # "last Sunday" says the week before in so many words
    assert values(nlp, "Two people were hurt early last Sunday.", SATURDAY) == [("last Sunday", "2024-12-29")]
    # an hour in a clause of its own describes something else
    assert values(nlp, "The bar, which closes at 2 a.m., was raided Sunday.", SATURDAY) == [
        ("Sunday", "2024-12-29")]
    # the small hours of another day than the one after publication are the week's
    assert values(nlp, "Two people were hurt early Thursday.", SATURDAY) == [("Thursday", "2025-01-02")]


# --- a page's update day ---------------------------------------------------------------------------

def test_an_update_days_after_publication_leaves_a_past_weekday_before_publication() -> None:
    text = ("Smog covered the city this week. The court on Monday also issued an order against crop "
            "burning, and fires were still seen on Saturday.")
    # a Friday story edited the Wednesday after: its Monday is the one before publication
    report = check_text(text, FRIDAY, article=Article(updated=dt.date(2025, 1, 15)))
    assert {d.text: d.value for d in report.dates}["on Monday"] == "2025-01-06"


def test_an_update_the_day_after_publication_still_moves_a_past_weekday() -> None:
    text = "The court on Saturday also issued an order against crop burning."
    report = check_text(text, FRIDAY, article=Article(updated=dt.date(2025, 1, 11)))
    assert {d.text: d.value for d in report.dates}["on Saturday"] == "2025-01-11"


# --- a republished story ---------------------------------------------------------------------------

REPUBLISHED = ("City bans scooters\n\nThe council voted yesterday to ban rented scooters from the old town, "
               "and the ban starts on Monday.\n\n{line}\n")


def test_a_republished_story_without_its_first_day_places_nothing_from_the_republication(nlp) -> None:
    text = REPUBLISHED.format(line="This article originally appeared on Ledger Weekly.")
    assert values(nlp, text) == [("yesterday", None), ("on Monday", None)]
    text = REPUBLISHED.format(line="(This piece is republished from The Ledger under a free licence.)")
    assert values(nlp, text) == [("yesterday", None), ("on Monday", None)]


def test_a_republished_story_with_its_first_day_is_read_from_that_day(nlp) -> None:
    text = REPUBLISHED.format(line="A version of this story was first published on Jan. 3, 2025, by Ledger.")
    assert values(nlp, text)[:2] == [("yesterday", "2025-01-02"), ("on Monday", "2025-01-06")]


def test_a_work_first_published_long_ago_is_no_republication(nlp) -> None:
    text = "The novel, first published in 1851, sold badly. Its new editor spoke yesterday."
    assert values(nlp, text) == [("1851", "1851"), ("yesterday", "2025-01-09")]
    # another story the text tells of, not the page's own
    text = "The story was first published by a rival paper. Its editor resigned yesterday."
    assert values(nlp, text) == [("yesterday", "2025-01-09")]


# --- an update stamp -------------------------------------------------------------------------------

STAMPED = ("Bridge closed after storm\n\nPublished Dec. 20, 2024 | Updated Jan. 5, 2025\n\n"
           "The council closed the bridge that day. Engineers had warned of cracks in late November.")


def test_an_update_stamp_is_listed_but_anchors_nothing(nlp) -> None:
    assert values(nlp, STAMPED, dt.date(2024, 12, 20)) == [
        ("Dec. 20, 2024", "2024-12-20"), ("Jan. 5, 2025", "2025-01-05"), ("that day", None),
        ("late November", "2024-11")]
    text = "Updated Jan. 5, 2025, 4:10 p.m.\n\nThe storm hit in late December. The next day, the road shut."
    assert values(nlp, text, None) == [("Jan. 5, 2025", "2025-01-05"), ("late December", "XXXX-12"),
                                       ("The next day", None)]


def test_an_update_stamp_after_the_publication_stamp_raises_no_warning() -> None:
    report = check_text(STAMPED, dt.date(2024, 12, 20))
    assert not [s for s in report.signals if s.code == "date_after_publication"]


def test_a_date_the_story_says_something_was_updated_on_is_the_story_s_time(nlp) -> None:
    text = "The agency said its figures were updated on Jan. 5, 2025. The next day, its chief resigned."
    assert values(nlp, text, dt.date(2025, 1, 20))[1] == ("The next day", "2025-01-06")


# --- "the current year" before a clause ------------------------------------------------------------

def test_the_current_year_before_a_relative_clause_is_the_publication_s_year(nlp) -> None:
    text = "The firm expects sales in the current fiscal year that are above its forecast."
    assert values(nlp, text) == [("the current fiscal year", "2025")]
    # "the year that followed" still defines a year of its own
    assert values(nlp, "The year that followed was hard for the firm.") == []
