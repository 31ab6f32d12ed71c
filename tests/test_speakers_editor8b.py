"""Speakers an editor found wrong or missing on real pages (issue 14, item 1), on invented text."""

from __future__ import annotations

from checks import check_text


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in check_text(text).quotes]


def test_a_woman_named_as_a_topic_is_the_she_of_what_follows() -> None:
    text = (
        "“The ferry will run again in spring,” Marta Quill said at the harbour office.\n\n"
        "The council voted on the plan in a long session that ran past midnight.\n\n"
        "When the vote came, I immediately thought of Carla Benning. After years of petitions, "
        "how would she take the news?\n\n"
        "“I have no words for it, none at all,” she replied in a message.\n"
    )
    assert _speakers(text)[-1] == "Carla Benning"


def test_a_woman_the_sentence_before_keeps_calling_her_outranks_an_earlier_speaker() -> None:
    text = (
        "“He read everything twice,” Nora Pell said of the late author.\n\n"
        "“He wrote in the margins of every page he owned,” Tomas Ruud told me. "
        "When Ruud visited his agent Clara Voss at her flat, he would leave small drawings "
        "on her table for her to find. “There was never enough time,” she recalled.\n"
    )
    assert _speakers(text)[-1] == "Clara Voss"


def test_he_follows_the_man_the_story_is_about_past_a_man_he_met() -> None:
    text = (
        "Duke Alaric Penn says he ended the friendship in person.\n\n"
        "Penn claims that he felt bound to visit the financier Viktor Vosk to tell him it was over. "
        "This odd farewell required the duke spending three days at Vosk's lake house. "
        "Must have been long talks?\n\n"
        "During the visit, he was photographed walking by the lake with Vosk. "
        "Was this to find out how exposed the duke was?\n\n"
        "He later told the radio host: “I made the call that it had to be done face to face.”\n"
    )
    assert _speakers(text)[-1] == "Alaric Penn"


def test_a_claim_with_an_owner_is_the_owners_words_not_the_interviews() -> None:
    text = (
        "Senator Hugo Brandt spoke to the radio host for an hour on Sunday.\n\n"
        "His long effort to end the deal with Vosk contradicts his claim in the same interview "
        "that the firms were “not linked”.\n"
    )
    (quote,) = check_text(text).quotes
    assert quote.speaker == "Hugo Brandt"


def test_an_order_next_to_a_quotation_attributes_it() -> None:
    text = (
        "The door gave way after the second blow.\n\n"
        "“Hands up! Show me your hands!” a deputy ordered. “Walk out slowly.”\n"
    )
    assert _speakers(text) == ["a deputy", "a deputy"]


def test_a_rep_after_a_promo_line_speaks_and_one_who_did_not_respond_does_not() -> None:
    text = (
        "The label's statement ended there.\n"
        "DOWNLOAD OUR NEWS APP TODAY\n"
        "Harlow's rep told the Ledger that this was not the whole story. \"The label is trying to "
        "turn this into a fight about money, and the audit says otherwise.\"\n"
        "A rep for the label did not immediately respond to a request for comment.\n"
    )
    (quote,) = check_text(text).quotes
    assert quote.speaker == "Harlow's rep"


def test_it_after_a_statement_is_that_statement() -> None:
    text = (
        "The label spoke up last week.\n"
        "Now the label has put out another statement, this time to the festival.\n"
        "\"We will license the recordings for the stream and for later broadcasts,\" it says.\n"
    )
    (quote,) = check_text(text).quotes
    assert quote.speaker_kind == "unresolved" and quote.speaker == "another statement"
