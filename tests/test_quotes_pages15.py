"""Session 15 (helper-100): twelve real pages read as a verification editor. A page's text parts its
paragraphs with single line breaks (the link path), not blank lines; what that reading found."""

from __future__ import annotations

from spacy.language import Language


def test_a_line_ending_on_a_full_stop_inside_its_closing_mark_ends_the_sentence(nlp: Language) -> None:
    # the parser ran such a line into the next one, whose `told` then claimed the line's quotation
    text = ("Marsh further described the idea that the board is training the rebels at the pier as "
            "\"certainly absurd.\"\n"
            "Tom Alvarez, program administrator for the Docks Project, told the Gazette it is false.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[-1].startswith("Tom Alvarez") and sents[0].endswith("absurd.\"")


def test_a_line_ending_on_a_bare_full_stop_ends_the_sentence(nlp: Language) -> None:
    text = ("Marsh said the board was training the rebels at the pier.\n"
            "Tom Alvarez, program administrator for the Docks Project, told the Gazette it is false.")
    assert [s.text.strip()[:9] for s in nlp(text).sents] == ["Marsh sai", "Tom Alvar"]


def test_a_line_break_after_an_abbreviation_is_no_sentence_end(nlp: Language) -> None:
    text = "“We will reopen the pier in spring,” said the harbour master, Capt.\nIda Marsh, on Tuesday."
    assert len(list(nlp(text).sents)) == 1


def test_a_person_with_an_offices_full_name_before_their_job_is_a_person(quotes_and_sources) -> None:
    text = ("The campaign did not appeal to Ida Marsh, Eastland Department of Health public information "
            "officer, but she said she did not want to judge it.\n"
            "“When a group is trying to reach a very specific audience, the message can miss,” Marsh said.")
    _, sources = quotes_and_sources(text)
    assert [(s.name, s.kind) for s in sources.named] == [("Ida Marsh", "person")]


def test_a_group_named_as_an_office_of_someone_is_still_a_group(quotes_and_sources) -> None:
    text = "“We will not sell the quay,” said the Harbour Trust, an office of the mayor."
    _, sources = quotes_and_sources(text)
    assert [(s.name, s.kind) for s in sources.named] == [("Harbour Trust", "organization")]
