"""What a Slack message asks deskcheck to check, and which deliveries it has seen before."""

from __future__ import annotations

import pytest

from bot.service import single_url
from bot.slack.inputs import is_help, pick_input


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("<https://harbourgazette.example/news/bridge>", "https://harbourgazette.example/news/bridge"),
        ("<@U0DESKBOT> <https://harbourgazette.example/a|harbourgazette.example/a>",
         "https://harbourgazette.example/a"),
        ("can we run this? <https://harbourgazette.example/a|this story> thanks",
         "https://harbourgazette.example/a"),
    ],
)
def test_a_link_with_a_short_note_is_checked_as_the_link(message: str, expected: str) -> None:
    picked = pick_input(message)
    assert picked == expected
    assert single_url(picked) == expected


def test_a_pasted_article_is_checked_as_text_with_slack_markup_undone() -> None:
    article = ("<@U0DESKBOT> Council delays bridge closure. The mayor said the works would wait for "
               "the ferry &amp; the new timetable, according to "
               "<https://harbourgazette.example/a|the Gazette>. "
               "Residents of <#C0DESK|desk> &lt;Harbour Ward&gt; welcomed the vote, which passed 7-2 on "
               "Tuesday after a three-hour debate that also covered the budget and the park.")
    picked = pick_input(article)
    assert picked.startswith("Council delays bridge closure.")
    assert "the ferry & the new timetable, according to the Gazette." in picked
    assert "Residents of #desk <Harbour Ward> welcomed" in picked
    assert "<@" not in picked and "&amp;" not in picked


def test_two_different_links_are_not_guessed_between() -> None:
    picked = pick_input("<https://a.example/one> or <https://b.example/two>?")
    assert single_url(picked) is None


@pytest.mark.parametrize("text", ["", "  ", "help", "HELP", "?"])
def test_help_words_ask_for_usage(text: str) -> None:
    assert is_help(text)


def test_a_one_word_check_is_not_help() -> None:
    assert not is_help("hello")


def test_a_delivery_is_forgotten_after_its_time_so_memory_stays_bounded() -> None:
    from bot.slack.memory import Redeliveries

    now = [0.0]
    seen = Redeliveries(ttl_seconds=3600, size=3, clock=lambda: now[0])
    assert seen.first_time("Ev1") and not seen.first_time("Ev1")
    now[0] = 3601.0
    assert seen.first_time("Ev1")  # an hour later Slack no longer retries it: a new delivery
    for key in ("Ev2", "Ev3", "Ev4", "Ev5"):
        assert seen.first_time(key)
    assert seen.first_time("Ev2")  # pushed out by size, oldest first
