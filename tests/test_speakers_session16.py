"""Session 16 (helper-106): matched quotations with no speaker, from a reading of PolNeAR train's
147 by cause. Every text here is invented for the test."""

from __future__ import annotations

import pytest
from support.quotes import only

from checks import check_text
from checks.quotes.confidence import HIGH


@pytest.mark.parametrize("stance", [
    "Karim Maalouf is upbeat about the talks, in part because he sees the ministry as a partner.",
    "Karim Maalouf remains skeptical of the new offer.",
    "Karim Maalouf fears the worst for the villages.",
])
def test_a_quote_paragraph_after_a_sentence_of_where_the_person_stands_is_a_guess_of_them(stance) -> None:
    text = f"Border Talks\n\n{stance}\n\n“They want us to give up the land and leave quietly.”"
    q = only(check_text(text).quotes, "give up the land")
    assert (q.speaker, q.speaker_guessed) == ("Karim Maalouf", True)
    assert q.speaker_confidence is not None and q.speaker_confidence < HIGH  # a guess over a paragraph break


@pytest.mark.parametrize("before", [
    "Negotiator Karim Maalouf drove to the crossing on Monday and waited for an hour.",
    "Karim Maalouf is not upbeat about the talks.",  # a stand denied is no stand of theirs to quote
    "Karim Maalouf believes the ministry will reopen the crossing.",  # the ministry may speak next
    "In the capital, Karim Maalouf is upbeat about the talks.",  # the sentence opens on a place
])
def test_a_quote_paragraph_after_other_sentences_about_a_person_stays_unattributed(quotes_in, before) -> None:
    text = f"Border Talks\n\n{before}\n\n“They want us to give up the land and leave quietly.”"
    assert only(quotes_in(text), "give up the land").speaker is None

