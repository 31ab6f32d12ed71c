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


def test_a_paraphrase_with_quoted_words_before_its_cue_goes_on_in_the_quote_after(quotes_in) -> None:
    # the quoted words before `he told reporters` are fragments of his paraphrase: he goes on
    text = ("Harbour Fees\n\nPort spokesman Lars Okonkwo denied the report on Monday.\n\n"
            "Critics should bring proof and not use vague words like “maybe” and “perhaps”, he told "
            "reporters.\n\n“This is an irresponsible claim.”")
    q = only(quotes_in(text), "irresponsible claim")
    assert (q.speaker, q.speaker_guessed) == ("Lars Okonkwo", True)


def test_a_whole_quotation_before_its_cue_is_still_no_paraphrase_to_go_on_from(quotes_in) -> None:
    text = ("Harbour Fees\n\n“Critics should bring proof,” Lars Okonkwo told reporters, adding that the "
            "board would meet.\n\nMeanwhile the union wants a vote.\n\n“This is an irresponsible claim.”")
    assert only(quotes_in(text), "irresponsible claim").speaker is None



def test_a_speech_verb_opening_its_sentence_reports_it_when_the_parse_makes_it_a_clause(quotes_in) -> None:
    # the parse makes `may reconsider` the root and `argued` a clause before it
    text = ("Harbour Vote\n\nPollster Dale Roper expects an upset.\n\nRoper argued in an opinion piece "
            "for The Harbour Ledger that delegates pledged to the mayor, even those who did so early, may "
            "reconsider.\n\n“A win in the north would show the mayor's weakness as a candidate.”")
    q = only(quotes_in(text), "win in the north")
    assert (q.speaker, q.speaker_guessed) == ("Dale Roper", True)

def test_a_document_whose_cue_the_tagger_read_as_a_noun_is_shown_as_what_spoke(quotes_in) -> None:
    text = ("Harbour Fees\n\n“Friend, let me be blunt. I can win this race,” the email read.\n\n"
            "“We will fix the harbour,” a voice-over in the ad states.\n\n"
            "“Vote for the plan,” the editorial read.")
    quotes = quotes_in(text)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("the email", "unresolved"),
                                                           ("a voice-over in the ad", "unresolved"),
                                                           ("the editorial", "unresolved")]



def test_speculating_that_is_reported_speech_a_quoted_paragraph_goes_on_from(quotes_in) -> None:
    text = ("Harbour Boats\n\nIn a video on Thursday, Mayor Ana Ruiz speculated that the boats could belong "
            "to smugglers.\n\n“They come at night and nobody stops them.”")
    q = only(quotes_in(text), "come at night")
    assert (q.speaker, q.speaker_guessed) == ("Ana Ruiz", True)
