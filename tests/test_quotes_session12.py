"""Quotes from session 12's reading of missed quotes (invented text throughout): a quotation that
opens a sentence after one ending inside a closing mark (a show's name, a song's) is a whole
quotation, a repeat of credited words is recognised however its apostrophes or contractions are
written, and the title of a life story is nobody's quote."""

from __future__ import annotations

import pytest

from checks import check_text


@pytest.mark.parametrize("line", [
    "\u201cThe ferry is safe,\u201d Reyes said on the radio show \u201cHarbour Hour.\u201d "
    "\u201cWe checked every bolt on the hull last week.\u201d",
    "''The ferry is safe,'' Reyes said on the radio show ''Harbour Hour.'' "
    "''We checked every bolt on the hull last week.''",
    "\"The ferry is safe,\" Reyes said after the band played \"Rolling Home.\" "
    "\"We checked every bolt on the hull last week.\"",
])
def test_a_quotation_after_a_sentence_ending_inside_a_title_is_whole_and_keeps_its_speaker(line: str) -> None:
    """American style puts the full stop inside the closing mark of a show's or a song's name: the
    mark after it opens a new sentence, the speaker's next words, not a fragment of the narrative."""
    quotes = check_text("Tom Reyes runs the island ferry.\n\n" + line + "\n").quotes
    second = next(q for q in quotes if q.text.startswith("We checked"))
    assert not second.partial
    assert second.speaker == "Tom Reyes"


def test_a_repeat_with_a_straight_apostrophe_takes_the_credited_speaker() -> None:
    """The same words quoted again, once with curly apostrophes and once with straight ones (or a
    contraction spelt out), are one speaker's words."""
    text = ("Mayor Ana Ruiz wrote on Monday: \u201cWe won\u2019t close the library while I\u2019m the "
            "mayor of this town.\u201d\n\n"
            "The council read the post aloud at its meeting.\n\n"
            "Let us look at that promise again: \"We won't close the library while I'm the mayor of "
            "this town.\"\n")
    quotes = check_text(text).quotes
    assert len(quotes) == 2
    assert quotes[1].speaker == "Ana Ruiz"
    assert quotes[1].speaker_evidence == "carried"


@pytest.mark.parametrize("line", [
    "In his autobiography, \u201cSalt in the Wind,\u201d published in 2019, Reyes described how the "
    "crossing changed.",
    "Reyes recalls the storm in a new biography, \u201cThe Last Ferryman,\u201d out this spring.",
])
def test_the_title_of_a_life_story_is_nobodys_quote(line: str) -> None:
    """A title-cased name right after `autobiography` or `biography` is the book's title: crediting
    it to the person the book is about would be a confident wrong quote."""
    assert check_text("Tom Reyes ran the island ferry for thirty years.\n\n" + line + "\n").quotes == ()
