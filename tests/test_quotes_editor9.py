"""Quotes from the ninth editor's reading of real pages (invented text throughout)."""

from __future__ import annotations

import pytest

from checks import check_text


@pytest.mark.parametrize("text", [
    'When the offending dust is chalk in a gym, HP is called "climber\'s lung." Nobody knows why.',
    'When it strikes a baker, the illness is known as "flour cough." It is rare.',
])
def test_what_something_is_called_is_a_term_not_a_quote(text: str) -> None:
    assert check_text(text).quotes == ()


def test_a_named_caller_still_makes_it_a_quote() -> None:
    (quote,) = check_text('The plan was called "a disgrace" by Senator Tom Haldane.').quotes
    assert quote.speaker == "Tom Haldane"


def test_one_word_in_marks_owning_the_noun_after_is_no_quote() -> None:
    """`keep the “whistleblower’s” identity secret`: the writer's doubt about a word."""
    text = "Would Senator Tom Haldane have pleaded to keep the \u201cinformant\u2019s\u201d identity secret?"
    assert check_text(text).quotes == ()


def test_in_the_words_of_names_the_speaker() -> None:
    text = ("The man saw his doctor in March. Here is how bad things got in the words of the patient: "
            "\"Two months after the onset, I was unable to stand.\"")
    (quote,) = check_text(text).quotes
    assert (quote.speaker, quote.speaker_kind) == ("the patient", "anonymous")


def test_one_noun_in_marks_as_a_subject_outside_what_was_said_is_a_term() -> None:
    """`when the “reset” proved to be appeasement`: the story's name for a policy."""
    text = ("Yet our shocked diplomats somehow cannot explain why they were silent when the "
            "\u201creset\u201d proved to be appeasement of Moscow.")
    assert check_text(text).quotes == ()


def test_one_noun_in_marks_inside_what_was_said_stays_a_quote() -> None:
    (quote,) = check_text("Senator Tom Haldane said the \u201ccompromise\u201d was a trap.").quotes
    assert quote.text == "compromise"


def test_a_speaker_after_according_to_speaks_for_themselves() -> None:
    """`According to AFP, one user on Weibo posted: “…”`: the user's words, passed on by AFP."""
    text = ("Residents are worried. According to AFP, one user on Weibo, a social network, posted: "
            "\u201cI just want to know how these two came to the city?\u201d")
    (quote,) = check_text(text).quotes
    assert (quote.speaker, quote.speaker_kind) == ("one user", "anonymous")


def test_according_to_alone_still_names_the_source() -> None:
    (quote,) = check_text("According to Reuters: \u201cThe deal is off.\u201d").quotes
    assert quote.speaker == "Reuters"
