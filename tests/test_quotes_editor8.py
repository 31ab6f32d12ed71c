"""Quote boundaries from the eighth editor's reading of real pages (invented text throughout)."""

from __future__ import annotations

import pytest

from checks import check_text
from checks.quotes.attribution import Attribution
from checks.quotes.cast import Speaker
from checks.quotes.find import _plausible_speaker


@pytest.mark.parametrize("text", [
    '"I run my firm from my phone," Ana Ruiz told the host. " You have done such a good job."',
    '"I run my firm from my phone," Ana Ruiz told the host. \u201c You have done such a good job.\u201d',
])
def test_a_stray_space_after_an_opening_mark_after_a_sentence(text: str) -> None:
    quotes = check_text(text).quotes
    assert [q.text for q in quotes] == ["I run my firm from my phone", "You have done such a good job."]
    assert {q.speaker for q in quotes} == {"Ana Ruiz"}


def test_a_closing_mark_with_a_stray_space_still_closes() -> None:
    quotes = check_text('"We will win this race. " Ana Ruiz said it twice. Nobody doubted her.').quotes
    assert [q.text for q in quotes] == ["We will win this race."]


def test_two_apostrophes_open_a_quotation_as_one_mark() -> None:
    """Archive copy types both marks as two apostrophes: ''We will win,'' she said."""
    text = ("''We are almost there, almost,'' Mr. Okafor said. ''More is being decided than anyone "
            "could have imagined.''\n\nThe danger remains.")
    quotes = check_text(text).quotes
    assert [q.text for q in quotes] == ["We are almost there, almost",
                                        "More is being decided than anyone could have imagined."]
    assert [q.speaker for q in quotes] == ["Okafor", "Okafor"]
    assert not any(q.partial for q in quotes)


@pytest.mark.parametrize("text", [
    'Her third album, "Night Roads" (Columbia Records, 2019), was praised by critics.',
    'The study, "Water Above Europa" (Nature Astronomy, 2019), was written by Ana Ruiz.',
    'Ana Ruiz said her report, "Water Above Europa" (Nature Astronomy, 2019), was the first of its kind.',
])
def test_a_title_with_its_citation_in_brackets_is_not_a_quote(text: str) -> None:
    assert check_text(text).quotes == ()


def test_a_slogan_someone_said_stays_a_quote() -> None:
    (quote,) = check_text('"Make Our Town Great Again," Ana Ruiz said (to cheers).').quotes
    assert quote.speaker == "Ana Ruiz"


def test_a_quotation_running_on_keeps_its_speaker_in_the_next_paragraph() -> None:
    text = ("Harbour chief Ana Ruiz said the release of the sailors “gives us hope for the talks, which "
            "we stand ready to support.\n\n“We see these steps as signs that the long dispute may soon "
            "end.”\n\nThe talks resume on Monday.")
    quotes = check_text(text).quotes
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Ana Ruiz"]
    assert quotes[1].speaker_evidence == "carried"


def test_a_stretch_of_the_sentence_holding_a_quotation_mark_is_never_a_speaker() -> None:
    """How the parse once read `…,“We are glad” at the crew’s release, adding…`: the description
    it offered as the speaker began inside the quotation."""
    garbled = Speaker("glad” at the crew’s release", "unresolved", 10, 38, "glad", evidence="description")
    assert _plausible_speaker(Attribution(garbled, "said")) == Attribution(None, "said")
    named = Speaker("Ana Ruiz", "named", 0, 8, "ana ruiz", evidence="name_at_cue")
    assert _plausible_speaker(Attribution(named, "said")) == Attribution(named, "said")


@pytest.mark.parametrize("text", [
    'Ana Ruiz saved for years. In his book "Money Matters: A Plain Path to All the Wealth You Will Need," '
    'Tom Lee shares the formula he used.',
    'Ana Ruiz cited the podcast "Town Hall Tonight," where Tom Lee argued the point at length.',
])
def test_a_title_after_the_noun_of_a_work_is_not_a_quote(text: str) -> None:
    assert check_text(text).quotes == ()


def test_words_after_a_work_noun_that_are_not_a_title_stay_a_quote() -> None:
    text = 'Ana Ruiz wrote in her book, "we never saw the flood coming," and she meant it.'
    (quote,) = check_text(text).quotes
    assert quote.text.startswith("we never saw")


def test_a_speaker_called_like_a_company_is_an_organisation() -> None:
    text = ('The label, Tom Harlan Productions, denied any deal. "We have no further comment," '
            'Tom Harlan Productions said in a statement.')
    report = check_text(text)
    assert [q.speaker_kind for q in report.quotes] == ["organization"]
    (source,) = report.sources.named
    assert source.name.endswith("Harlan Productions") and source.kind == "organization"


def test_two_apostrophes_after_a_reporting_sentence_take_its_speaker() -> None:
    text = "Ms. Okafor said at a plant. ''I want to propose things I can get done.''\n\nThen."
    (quote,) = check_text(text).quotes
    assert quote.speaker == "Okafor"


def test_two_closing_apostrophes_after_a_stray_space() -> None:
    (quote,) = check_text("''We will win this race, '' said Mr. Okafor, who runs the local party.").quotes
    assert (quote.text, quote.speaker) == ("We will win this race", "Okafor")
