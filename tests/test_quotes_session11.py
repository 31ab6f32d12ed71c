"""Quotes from session 11's reading of missed and false quotes (invented text throughout): a quoted
fragment under a speech verb whose subject is a described person is kept, a long run of someone's
words woven into a sentence is the subject's whatever the verb, and titles cited with their author
or after a comma, and single-marked subheads, are nobody's words."""

from __future__ import annotations

import pytest

from checks import check_text

STORY = ("Tom Reyes, the harbour master, met worried ferry passengers at the pier on Monday after a storm "
         "closed the crossing for three days.\n\n")


@pytest.mark.parametrize("line", [
    "The harbour master sought to calm the crowd, saying the old ferry would \u201cnot sink in any "
    "weather\u201d this winter.",
    "Later the harbour master told reporters that the crossing was \u201cperfectly safe\u201d again.",
])
def test_a_fragment_under_a_speech_verb_with_a_described_subject_is_kept(line: str) -> None:
    """`the Florida senator … saying the man would “not get beat up”`: a person noun governing the
    words through a speech verb speaks, as it does next to a whole quotation."""
    (quote,) = check_text(STORY + line).quotes
    assert quote.partial
    assert quote.speaker in ("Tom Reyes", "The harbour master", "the harbour master")


@pytest.mark.parametrize(("line", "words"), [
    ("Reyes thanked the crews for \u201cstaying up all night to fill sandbags along the whole river.\u201d",
     "staying up all night"),
    ("Reyes offered \u201cmy sincere apologies to all of the families who waited at the pier.\u201d",
     "my sincere apologies"),
])
def test_a_long_run_of_words_in_a_sentence_is_its_subjects(line: str, words: str) -> None:
    (quote,) = check_text(STORY + line).quotes
    assert quote.text.startswith(words)
    assert quote.speaker == "Tom Reyes"


@pytest.mark.parametrize("line", [
    # the words hang in a clause of their own, or describe a noun: another voice
    "Reyes once worked for the Gazette, a paper that has run headlines such as \u201cCouncil plans to close "
    "every library in the county\u201d last year.",
    "Reyes signed an agreement barring him from publishing a \u201cdiary, memoir, letter, story or "
    "photograph about the company\u201d for ten years.",
    # a subject that only perceives says nothing
    "Reyes will see \u201cgates that cannot be kept closed by any council\u201d soon enough.",
])
def test_a_long_run_of_words_is_not_credited_to_another_voice(line: str) -> None:
    """Beside a line whose long quoted run is Reyes's, one whose run has another voice stays his not."""
    own = ("Reyes thanked the crews for \u201cstaying up all night to fill sandbags along the whole "
           "river.\u201d")
    quotes = check_text(STORY + own + "\n\n" + line).quotes
    assert [q.text[:20] for q in quotes if q.speaker == "Tom Reyes"] == ["staying up all night"]


def test_a_headline_cited_with_its_author_is_nobodys_quote() -> None:
    text = ("READING LIST\n\n"
            "HARBOUR NEWS\u2014\u201cStorm closes the ferry crossing for three days,\u201d by the Gazette's "
            "Ana Ruiz: \u201cThe crossing will reopen on Thursday, the harbour office said.\u201d\n")
    quotes = check_text(text).quotes
    assert [q.text for q in quotes] == ["The crossing will reopen on Thursday, the harbour office said."]


def test_a_title_case_title_cited_with_its_author_is_nobodys_quote() -> None:
    line = ("One winter, according to \u201cOut Past the Harbour Wall: A Life on the Ferries\u201d by Ana "
            "Ruiz, Reyes slept at the pier for a week.")
    assert check_text(STORY + line).quotes == ()


@pytest.mark.parametrize("line", [
    "Reyes wrote about the storms of his childhood in his 2019 memoir, \u201cOut Past the Harbour "
    "Wall,\u201d and he still reads from it at the library.",
    "The ferry company answered with a short web ad, \u201cSafe Harbour,\u201d in which Reyes walks the "
    "pier.",
])
def test_a_title_after_a_work_and_a_comma_is_its_name(line: str) -> None:
    assert check_text(STORY + line).quotes == ()


def test_a_single_marked_line_is_a_subhead_only_in_a_double_marked_story() -> None:
    """`'A long winter ahead.'` alone on its line under a double-quoted paragraph is a subhead, which
    the quote before it used to lend its speaker; British papers quote in single marks, and there a
    quotation alone on its line goes on speaking."""
    american = (STORY + "\u201cWe will not run a boat that is not safe,\u201d Reyes said. \u201cNobody wants "
                "that.\u201d\n\n'A long winter ahead.'\n\nThe ferry company expects more storms before "
                "March.\n")
    assert [q.text for q in check_text(american).quotes] == [
        "We will not run a boat that is not safe", "Nobody wants that."]
    british = (STORY + "\u2018We will not run a boat that is not safe,\u2019 Reyes said.\n\n"
               "\u2018Nobody wants that.\u2019\n\nThe ferry company expects more storms before March.\n")
    quotes = check_text(british).quotes
    assert [q.text for q in quotes] == ["We will not run a boat that is not safe", "Nobody wants that."]
    assert quotes[1].speaker == "Tom Reyes"


def test_a_fragment_under_an_adjective_in_reported_speech_is_the_speakers() -> None:
    """`Miller said he is hopeful the bill can be “…”`: the content of `hopeful`, `confident`, `sure`
    inside what someone said is still what they said."""
    line = ("Reyes said he is hopeful the new ferry can be \u201cthe safest boat on the whole coast,\u201d "
            "giving families a reason to travel again.")
    (quote,) = check_text(STORY + line).quotes
    assert quote.text == "the safest boat on the whole coast"
    assert quote.speaker == "Tom Reyes"
