"""Quotes from helper-107's reading of real pages (session 16). Every text here is invented."""

from __future__ import annotations

from checks import check_text


def test_words_said_right_before_the_quotation_are_the_inner_speakers() -> None:
    # `he said, “…,” the office said`: the office reports his words
    report = check_text('Dale Porter was arrested in April. The clerk who took the call recalled that he '
                        'said, '
                        '"I will burn the place down," the county prosecutor\'s office said.')
    assert [q.speaker for q in report.quotes] == ["Dale Porter"]
    # a quotation that only follows its attribution keeps it; a split quotation keeps its speaker
    report = check_text('"We will win," Ana Ruiz said, "and soon."')
    assert [q.speaker for q in report.quotes] == ["Ana Ruiz", "Ana Ruiz"]
    report = check_text('The mayor told the crowd, "We will rebuild," a spokesman for the city said later.')
    assert report.quotes[0].speaker == "The mayor"


def test_a_name_before_a_colon_stays_a_label_after_a_speech_verb() -> None:
    # `Pollsters agree - Ann Lee: “…”`: the name is the label, not the object of `agree`
    report = check_text('Pollsters agree - Nora Blake: "The biggest lesson was a simple one: keep calling '
                        'voters late." Others were less sure.')
    assert report.quotes[0].speaker == "Nora Blake"
    # a time after the verb still lets it open the quotation
    report = check_text('"In breaking news," Tom Reyes tweeted last January, "the mayor endorses himself."')
    assert [q.speaker for q in report.quotes] == ["Tom Reyes", "Tom Reyes"]
