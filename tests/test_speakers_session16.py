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


def test_a_quoted_paragraph_goes_on_from_a_speaker_who_spoke_about_a_topic_past_an_aside(quotes_in) -> None:
    text = ("Harbour Law\n\nUnion chief Ana Ruiz also spoke about the harbour case before the court. "
            "(The law requires every boat to carry a licence. It also bans night fishing.)\n\n"
            "“The harbour belongs to the people who work in it.”")
    q = only(quotes_in(text), "belongs to the people")
    assert (q.speaker, q.speaker_guessed) == ("Ana Ruiz", True)


def test_who_spoke_with_someone_leaves_the_quoted_paragraph_below_to_either(quotes_in) -> None:
    text = ("Harbour Law\n\nUnion chief Ana Ruiz spoke with Mayor Tom Baker about the harbour case.\n\n"
            "“The harbour belongs to the people who work in it.”")
    assert only(quotes_in(text), "belongs to the people").speaker is None


@pytest.mark.parametrize("end", ["reacted Tom Baker.", "was the reply from Tom Baker."])
def test_a_topic_someone_spoke_about_lends_nothing_to_a_quote_with_words_after_it(quotes_in, end) -> None:
    # the words after the quote name who said it, however the parse reads them; `spoke about` is no cue
    text = ("Harbour Vote\n\nMayor Ana Ruiz spoke about the need to welcome the fishermen.\n\n"
            "“Ruiz said the fishermen are our heroes. Which fishermen? Is Ruiz profiling?” " + end)
    assert only(quotes_in(text), "profiling").speaker != "Ana Ruiz"
