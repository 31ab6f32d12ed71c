"""Issue 14 (helper-115): wrong speakers on PolNeAR train: `Ms. Khan` when the story named only her
husband, a first surname alone for a name with two (`Ms. Acosta` after `Melba Acosta Febo`), and `the
woman` after an unnamed woman. Every text here is invented for the test."""

from __future__ import annotations

from support.quotes import only


def test_ms_before_a_surname_only_a_man_called_mr_bears_is_someone_else(quotes_in) -> None:
    text = ("Senator Ellen Marsh spoke at the convention on Thursday. Tariq Malik, whose son died in the "
            "war, gave a speech there while his wife stood beside him in silence. Mr. Malik spoke of "
            "their son.\n\n"
            "On Sunday, Ms. Malik said she had not spoken because she could not stay calm. \u201cEveryone "
            "felt my pain,\u201d Ms. Malik wrote. She continued: \u201cNobody should have to wonder why I "
            "stayed silent.\u201d\n")
    quotes = quotes_in(text)
    assert only(quotes, "felt my pain").speaker == "Ms. Malik"
    assert only(quotes, "stayed silent").speaker == "Ms. Malik"


def test_ms_before_a_surname_a_woman_of_the_story_bears_is_that_woman(quotes_in) -> None:
    text = ("Tariq Malik and his daughter, Nadia Malik, spoke at the convention on Thursday.\n\n"
            "\u201cNobody should have to wonder why I stayed silent,\u201d Ms. Malik said.\n")
    assert only(quotes_in(text), "stayed silent").speaker == "Nadia Malik"


def test_the_first_of_two_surnames_alone_is_the_one_named_with_both(quotes_in) -> None:
    text = ("The island's bank is run by Luisa Quiroga Pujol, a former finance official, and her deputy, "
            "Tom Varga. \u201cYou will not find anything like it in any state,\u201d Ms. Quiroga said.\n")
    assert only(quotes_in(text), "anything like it").speaker == "Luisa Quiroga Pujol"


def test_a_middle_word_that_is_a_first_name_is_no_surname(quotes_in) -> None:
    text = ("Anne Marie Dorsey chairs the board. Her cousin Marie spoke later. \u201cWe will vote in "
            "May,\u201d Marie said.\n")
    assert only(quotes_in(text), "vote in May").speaker != "Anne Marie Dorsey"


def test_the_woman_after_an_unnamed_woman_is_that_unnamed_woman(quotes_in) -> None:
    text = ("Pastor Ruth Ellery led the vigil on Friday and thanked the firefighters by name.\n\n"
            "In the parking lot, a young nurse stood apart from the crowd. \u201cNobody here slept last "
            "night,\u201d said the woman. \u201cWe are all tired,\u201d she said.\n")
    found = only(quotes_in(text), "all tired")
    assert found.speaker == "a young nurse" and found.speaker_kind == "anonymous"


def test_the_woman_said_before_a_clause_of_her_own_is_still_the_speaker_of_the_sentence(quotes_in) -> None:
    text = ("Pastor Ruth Ellery led the vigil on Friday and thanked the firefighters by name.\n\n"
            "In the parking lot, a young nurse stood apart from the crowd. \u201cNobody here slept last "
            "night,\u201d said the woman, who like several others asked that her name be left out of the "
            "paper. \u201cWe are all tired,\u201d she said.\n")
    assert only(quotes_in(text), "all tired").speaker == "a young nurse"


def test_the_woman_after_a_woman_named_since_the_unnamed_one_stays_open(quotes_in) -> None:
    text = ("In the parking lot, a young nurse stood apart from the crowd, and her sister, Ruth Ellery, "
            "stood with her. \u201cNobody here slept last night,\u201d said the woman. \u201cWe are all "
            "tired,\u201d she said.\n")
    assert only(quotes_in(text), "all tired").speaker != "a young nurse"
