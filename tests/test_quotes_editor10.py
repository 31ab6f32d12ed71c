"""Quotes from the tenth editor's reading of real pages (invented text throughout): lines the
writer imagines are nobody's quotes, a dash-and-name line signs the quote above it, and Korean
names keep their family name for a bare `Moon said`."""

from __future__ import annotations

import pytest
from support.quotes import named, only

from checks import check_text
from checks.quotes.confidence import MIN_CELL, load_table
from checks.quotes.names import name_parts

STORY = ("The Harbour Lions lost their ninth game in a row on Sunday, and coach Dana Ruiz left without "
         "a word.\n\n")


@pytest.mark.parametrize("line", [
    'With the playoffs gone, fans may well ask: "What are we paying for?"',
    'One might wonder: "Who signed off on this roster?"',
    'The owners will be left to wonder: "How did we get here?"',
    '"What are we paying for?" fans may well ask.',
    'Anyone would tell you: "The stadium is the heart of this town."',
    'Voters should ask: "Who pays for the new stand?"',
])
def test_a_line_the_writer_imagines_is_nobodys_quote(line: str) -> None:
    """`X will be left to wonder: “…”` at 0.98 was a line credited to someone who never said it."""
    report = check_text(STORY + line)
    assert report.quotes == ()
    assert not [s for s in report.signals if s.code == "unattributed_quote"]


@pytest.mark.parametrize(("line", "speaker"), [
    ('Ruiz would later tell reporters: "I take the blame for all of it."', "Dana Ruiz"),
    ('Ruiz may have said "the season is over" in March, the minutes show.', "Dana Ruiz"),
    ('A spokesman for the club could only quip: "Next year is another year."', "A spokesman for the club"),
    ('Asked about it, all Ruiz could say was, "We ran out of luck."', "Dana Ruiz"),
])
def test_real_lines_near_a_modal_stay_quotes(line: str, speaker: str) -> None:
    (quote,) = check_text(STORY + line).quotes
    assert quote.speaker == speaker


REVIEWS = ("Readers who saw the show at the Pier Theatre sent us their reviews.\n"
           "\u201cThe drummers were wonderful. We sat in the second row and saw every face.\u201d\n"
           "\u2013 Ali***, Leeds\n"
           "\u201cGood seats, friendly staff. My daughter went on stage! Worth every penny at 100%\u201d\n"
           "\u2013 Ro** Ma****\n"
           "\u201cA short show, but a lovely one. We will come back next spring.\u201d\n"
           "\u2014 Jane D.\n")


def test_a_dash_and_a_name_under_a_quote_signs_it() -> None:
    report = check_text(REVIEWS)
    assert [(q.speaker, q.speaker_kind, q.speaker_evidence) for q in report.quotes] == [
        ("Ali***", "named", "signature"), ("Ro** Ma****", "named", "signature"),
        ("Jane D.", "named", "signature")]
    assert not [s for s in report.signals if s.code == "unattributed_quote"]
    ali = report.quotes[0]
    assert REVIEWS[ali.speaker_span[0]:ali.speaker_span[1]] == "Ali***"


def test_a_signature_speaks_from_its_own_fitted_cell() -> None:
    """PolNeAR train has seven quotes signed this way (all with the right speaker), enough for a cell
    of their own since the seventeenth session's refit: a signature is scored from it, not from the
    prior of all quotes, and the same for every signed quote of the page."""
    table = load_table()
    assert table["cells"]["signature"]["n"] >= MIN_CELL
    confidences = {q.speaker_confidence for q in check_text(REVIEWS).quotes}
    assert len(confidences) == 1 and confidences != {round(float(table["prior"]), 2)}


def test_a_signature_with_a_title_is_the_person_the_story_named() -> None:
    text = ("Mayor Tom Reyes opened the new library on Friday.\n\n"
            "\u201cA town that reads is a town that thinks. This building is for everyone.\u201d\n\n"
            "\u2014Mayor Tom Reyes\n\n"
            "The library opens at nine.")
    report = check_text(text)
    (quote,) = report.quotes
    assert (quote.speaker, quote.speaker_evidence) == ("Tom Reyes", "signature")
    assert named(report.sources, "Reyes").quotes == 1


@pytest.mark.parametrize("tail", ["\u2014 and that was the end of it.", "\u2013 The End", "Tom Reyes"])
def test_a_line_that_is_no_signature_signs_nothing(tail: str) -> None:
    text = ("The library opened on Friday.\n\n"
            "\u201cA town that reads is a town that thinks. This building is for everyone.\u201d\n\n"
            f"{tail}\n")
    quotes = check_text(text).quotes
    assert not [q for q in quotes if q.speaker_evidence == "signature"]


def test_a_signed_quote_does_not_lend_its_signer_to_the_next_one() -> None:
    text = ("Two visitors wrote to us.\n"
            "\u201cThe drummers were wonderful. We sat in the second row.\u201d\n"
            "\u2013 Ali***\n"
            "\u201cA short show, but a lovely one. We will come back.\u201d\n"
            "\u2013 Tur**\n")
    assert [q.speaker for q in check_text(text).quotes] == ["Ali***", "Tur**"]


KOREA = ("Seoul and Tokyo agreed on Friday to resume talks on trade.\n\n"
         "South Korean President Moon Jae-in met the delegation in the morning. \"We have waited long "
         "enough for this,\" Moon said after the meeting.\n\n"
         "The plan was first announced by president Moon Jae-in a year ago.\n\n"
         "Prime Minister Lee Nak-yon spoke later. \"The ministries know their part,\" Lee said.")


def test_a_korean_name_is_whole_and_its_family_name_finds_the_person(quotes_and_sources) -> None:
    quotes, sources = quotes_and_sources(KOREA)
    assert only(quotes, "waited long").speaker == "Moon Jae-in"
    assert only(quotes, "ministries").speaker == "Lee Nak-yon"
    assert [(s.name, s.quotes) for s in sources.named] == [("Moon Jae-in", 1), ("Lee Nak-yon", 1)]
    assert named(sources, "Moon").mentions == 3


@pytest.mark.parametrize(("text", "parts"), [
    ("Kim Jong-un did not comment.", ("jong-un", "kim", None)),
    ("Officials met Moon Jae-in on Monday.", ("jae-in", "moon", None)),
    ("Commander Cheuk Hau-yip spoke.", ("hau-yip", "cheuk", None)),
    ("Rep. Alexandria Ocasio-Cortez spoke.", ("alexandria", "ocasio-cortez", None)),
    ("Deputy Director Eva-Marie Persson took the stand on Monday.", ("eva-marie", "persson", None)),
])
def test_family_name_first_when_the_given_name_is_hyphenated_in_lower_case(nlp, text: str, parts) -> None:
    """`Kim` of `Kim Jong-un` is his family name, not a woman's first name."""
    doc = nlp(text)
    (person,) = [e for e in doc.ents if e.label_ == "PERSON"]
    assert name_parts(doc[person.start:person.end]) == parts


def test_an_english_word_after_a_name_and_a_hyphen_is_not_a_given_name(quotes_and_sources) -> None:
    text = ("Critics compared the rules to George Bush-era policies on Monday. \"This is a rerun of "
            "2004,\" George Bush said at a dinner. \"I liked 2004,\" Bush said.")
    quotes, _ = quotes_and_sources(text)
    assert {q.speaker for q in quotes} == {"George Bush"}


def test_a_whole_article_on_one_line_without_a_last_full_stop_keeps_its_quotes() -> None:
    """A paste that lost its line breaks and its last full stop is one long line: too long for a
    headline, so its quotes are still read (they were all dropped as a headline's)."""
    text = ("Council weighs river park plan. The council met on Tuesday to weigh the plan for the river "
            "park, which has been delayed twice. \"We have waited long enough for this park, and the money "
            "is there,\" said Alma Ruiz, who chairs the budget panel. Others on the council were less sure "
            "of the cost and asked for another study before a vote, which is now expected in the spring")
    report = check_text(text)
    assert [(q.speaker, q.text[:15]) for q in report.quotes] == [("Alma Ruiz", "We have waited ")]
