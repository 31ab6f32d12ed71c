"""Dates, the editor's seventh reading: a weekday that names a noun in a past-tense sentence, a time
of day under a verb without a tense of its own, a page's own correction line, and "today" in a
quotation that does not say when it was spoken.

Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks.dates.find import find_dates
from checks.models import Article, Report, Signal
from checks.signals import find_signals

TUESDAY = dt.date(2024, 3, 12)  # the publication date: a Tuesday, two days before the next Thursday
FRIDAY = dt.date(2024, 3, 15)


def values(nlp, text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


def signals(nlp, text: str, published: dt.date = TUESDAY) -> tuple[Signal, ...]:
    report = Report(article=Article(published=published), dates=find_dates(nlp(text), published))
    return find_signals(report, text)


def codes(found: tuple[Signal, ...]) -> list[str]:
    return [s.code for s in found]


# 1. a weekday that names a noun takes the tense of that noun's verb, not the nearest day

def test_a_weekday_naming_a_noun_in_a_past_tense_sentence_is_the_one_before(nlp):
    text = "The coach said little on Monday when asked about Thursday night's brawl."
    assert ("Thursday night", "2024-03-07") in values(nlp, text)


def test_a_weekday_naming_an_event_reported_as_done_is_the_one_before(nlp):
    text = "Saturday's storm, which flooded two streets, still blocks the harbour road."
    assert values(nlp, text, FRIDAY) == [("Saturday", "2024-03-09")]


def test_a_weekday_naming_a_noun_under_an_infinitive_of_a_past_verb_is_the_one_before(nlp):
    text = "The striker decided to speak about Thursday's scuffle on Monday."
    assert values(nlp, text)[0] == ("Thursday", "2024-03-07")


def test_a_weekday_naming_a_noun_in_a_future_sentence_stays_the_nearest(nlp):
    assert values(nlp, "Thursday's vote will settle the budget.") == [("Thursday", "2024-03-14")]


def test_a_weekday_naming_an_event_called_off_stays_the_nearest(nlp):
    text = "The league called off Saturday's match after the floods."
    assert values(nlp, text, FRIDAY) == [("Saturday", "2024-03-16")]


def test_a_weekday_after_ahead_of_in_a_past_sentence_stays_the_nearest(nlp):
    text = "Council members met on Monday ahead of Thursday's vote."
    assert ("Thursday", "2024-03-14") in values(nlp, text)


def test_a_weekday_with_a_word_of_plan_on_its_noun_stays_the_nearest(nlp):
    text = "The clerk said Thursday's scheduled vote was moved to a larger room."
    assert values(nlp, text) == [("Thursday", "2024-03-14")]


# 2. a time of day under a verb with no tense of its own ("began falling") takes that verb's tense

def test_a_weekday_under_an_ing_verb_of_a_past_verb_is_the_one_before(nlp):
    text = "Snow began falling at 2 a.m. on Thursday, and the pass closed by noon."
    assert values(nlp, text)[0] == ("on Thursday", "2024-03-07")


def test_a_time_of_day_on_a_weekday_in_a_past_sentence_is_the_one_before(nlp):
    text = "The ferry ran aground at 2 a.m. on Thursday, the coast guard said."
    assert values(nlp, text) == [("on Thursday", "2024-03-07")]


# 3. the page's own correction or update line is expected to be dated after publication

def test_a_correction_line_dated_after_publication_raises_no_warning(nlp):
    text = ("The council approved the budget on March 11, 2024.\n"
            "Correction added March 14, 2024: An earlier version gave the wrong ward.")
    assert ("March 14, 2024", "2024-03-14") in values(nlp, text)
    assert "date_after_publication" not in codes(signals(nlp, text))


def test_an_update_label_dated_after_publication_raises_no_warning(nlp):
    text = "UPDATED: Thu., March 14, 2024\nThe council approved the budget on Monday."
    assert "date_after_publication" not in codes(signals(nlp, text))


def test_a_story_sentence_dated_after_publication_still_warns(nlp):
    text = "The council approved the budget on March 14, 2024, after an update from the treasurer."
    assert codes(signals(nlp, text)) == ["date_after_publication"]


# 4. "today" in a quotation told in the past without a day is read from publication, and says so

def test_today_in_a_quotation_said_on_no_given_day_is_flagged_as_assumed(nlp):
    text = '"We open the new wing today," the hospital director said.'
    assert values(nlp, text) == [("today", "2024-03-12")]
    [signal] = [s for s in signals(nlp, text) if s.code == "quoted_day_assumed"]
    assert signal.severity == "info"
    assert text[signal.start:signal.end] == "today"
    assert "(March 12, 2024)" in signal.message


def test_today_in_a_quotation_said_on_a_given_day_is_not_flagged(nlp):
    text = '"We open the new wing today," the hospital director said Monday.'
    assert values(nlp, text)[0] == ("today", "2024-03-11")
    assert "quoted_day_assumed" not in codes(signals(nlp, text))


def test_today_in_a_quotation_told_in_the_present_is_not_flagged(nlp):
    text = '"We open the new wing today," the hospital director says.'
    assert "quoted_day_assumed" not in codes(signals(nlp, text))


# -- read on fresh real pages, December 2026 ---------------------------------------------------


def test_a_number_of_pixels_or_other_units_is_not_a_year(nlp):
    found = values(nlp, "The screen shows 1080 pixels by 1920 pixels and the 2019 model weighs 1850 grams.")
    assert found == [("2019", "2019")]


def test_a_season_in_a_present_tense_schedule_is_the_coming_one(nlp):
    published = dt.date(2019, 11, 20)
    assert values(nlp, "The hybrid goes on sale in the summer.", published) == [("the summer", "2020-SU")]
    assert values(nlp, "The hybrid went on sale in the summer.", published) == [("the summer", "2019-SU")]
    assert values(nlp, "The market runs through the fall.", published) == [("the fall", "2019-FA")]


def test_this_weekend_told_in_the_past_early_in_the_week_is_the_weekend_just_gone(nlp):
    monday = dt.date(2019, 11, 18)
    assert values(nlp, "Soldiers cleared the barricades this weekend.", monday) == [
        ("this weekend", "2019-W46-WE")]
    assert values(nlp, "Soldiers will clear the barricades this weekend.", monday) == [
        ("this weekend", "2019-W47-WE")]
