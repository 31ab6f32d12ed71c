"""Speakers named by a description that refers back to a person the story named (invented text)."""

from __future__ import annotations

from support.quotes import only

from checks import check_text

_APPOINTED = ("Rovers have appointed Dennis Harlow as their new manager. Harlow, who left Town in March, "
              "replaces Gary Pike.\n\n")


def test_an_age_in_the_speaker_slot_is_the_person_the_story_is_about() -> None:
    text = _APPOINTED + "The 56-year-old said after his appointment: \"This is a club with huge potential.\""
    quote = only(check_text(text).quotes, "huge potential")
    assert (quote.speaker, quote.speaker_kind) == ("Dennis Harlow", "named")
    assert quote.speaker_evidence == "epithet"
    assert quote.speaker_guessed
    assert text[slice(*quote.speaker_span)] == "Harlow"  # the name, as for a pronoun


def test_a_role_noun_after_the_quote_is_the_person_the_story_is_about() -> None:
    text = _APPOINTED + ("The former midfielder added that the squad was strong. \"We have good players "
                         "here,\" the veteran coach said.")
    report = check_text(text)
    quote = only(report.quotes, "good players")
    assert (quote.speaker, quote.speaker_evidence) == ("Dennis Harlow", "epithet")
    assert report.sources.anonymous == ()
    assert [s.name for s in report.sources.named] == ["Dennis Harlow"]


def test_an_age_goes_to_the_person_given_that_age() -> None:
    text = ("Lena Ostrova, 34, and Marta Quell, 61, both ran for the seat. Quell conceded on Sunday.\n\n"
            "\"I will run again,\" the 34-year-old said.")
    assert only(check_text(text).quotes, "run again").speaker == "Lena Ostrova"


def test_a_role_goes_to_the_person_given_that_role() -> None:
    text = ("Tom Vane, a former midfielder, met Carl Ibbs at the ground. Ibbs runs the club shop.\n\n"
            "\"It felt like coming home,\" the former midfielder said.")
    assert only(check_text(text).quotes, "coming home").speaker == "Tom Vane"


def test_a_title_goes_to_the_person_with_its_abbreviation() -> None:
    text = ("Sen. Ana Ruiz met Mayor Tom Iker and Carla Benning on Monday.\n\n"
            "\"The bill is dead,\" the Vermont senator said.")
    assert only(check_text(text).quotes, "bill is dead").speaker == "Ana Ruiz"


def test_an_unnamed_source_keeps_its_description_beside_a_named_one() -> None:
    text = ("Mayor Ana Ruiz, 52, defended the budget on Monday. A senior official said the cuts were "
            "unavoidable.\n\n\"We had no choice,\" the official added.\n\n"
            "Ruiz spoke to the council later. \"We will recover,\" the 52-year-old said.")
    quotes = check_text(text).quotes
    assert (only(quotes, "no choice").speaker, only(quotes, "no choice").speaker_kind) == \
        ("the official", "anonymous")
    assert only(quotes, "will recover").speaker == "Ana Ruiz"


def test_an_age_given_to_someone_unnamed_stays_theirs() -> None:
    text = ("Police spoke to Dan Corrie on Friday. A 56-year-old man was later released.\n\n"
            "\"I did nothing wrong,\" the 56-year-old said.\n\n"
            "Corrie, 40, runs the shop next door. \"It was a shock,\" the 40-year-old said.")
    quotes = check_text(text).quotes
    assert only(quotes, "nothing wrong").speaker_kind != "named"
    assert only(quotes, "a shock").speaker == "Dan Corrie"


def test_a_role_two_named_people_fit_stays_a_description() -> None:
    text = ("Tom Vane, a former midfielder, joined the staff on Monday. Carl Ibbs, a former midfielder, "
            "left it. Ibbs, 31, and Vane, 45, shook hands.\n\n"
            "\"It felt like coming home,\" the former midfielder said. \"I am proud,\" the 45-year-old said.")
    quotes = check_text(text).quotes
    assert only(quotes, "coming home").speaker_kind == "anonymous"
    assert only(quotes, "I am proud").speaker == "Tom Vane"


def test_a_role_noun_is_not_a_person_the_story_gave_another_role() -> None:
    text = ("Striker Sam Orde scored twice as Rovers beat Town on Saturday.\n\n"
            "\"We were sharp from the start,\" the coach said.\n\n"
            "Orde later spoke to reporters. \"I just kept running,\" the striker said.")
    quotes = check_text(text).quotes
    assert only(quotes, "sharp from the start").speaker != "Sam Orde"
    assert only(quotes, "kept running").speaker == "Sam Orde"


def test_the_one_who_asks_is_not_the_one_who_answers() -> None:
    text = ("Tom Quill, 61, met Rita Vance on Sunday.\n\n"
            "\"Would you run again?\" Vance asked. \"I would, yes,\" the senator said. "
            "\"We have the votes,\" the 61-year-old added.")
    quotes = check_text(text).quotes
    assert only(quotes, "I would, yes").speaker != "Rita Vance"
    assert only(quotes, "have the votes").speaker == "Tom Quill"


def test_a_title_is_not_given_to_one_of_two_people_with_one_surname() -> None:
    text = ("Jeb Rowe, 44, brought his older brother, Carl Rowe, to the rally on Monday.\n\n"
            "\"He will be a great governor,\" the former mayor said. "
            "\"I am grateful,\" the 44-year-old said.")
    quotes = check_text(text).quotes
    assert only(quotes, "great governor").speaker_kind == "anonymous"
    assert only(quotes, "I am grateful").speaker == "Jeb Rowe"


def test_a_noun_the_story_used_for_someone_unnamed_stays_a_description() -> None:
    text = ("Ana Ruiz, 39, argued for her client on Monday. The judge listened closely.\n\n"
            "\"I have heard enough,\" the judge said. \"We will appeal,\" the 39-year-old said.")
    quotes = check_text(text).quotes
    assert only(quotes, "heard enough").speaker_kind == "anonymous"
    assert only(quotes, "will appeal").speaker == "Ana Ruiz"


def test_a_speaker_read_back_from_a_description_is_held_like_a_pronouns() -> None:
    """Too few epithet quotes in PolNeAR train to prove a cell: the speaker stays under 0.8 with the
    "confirm the speaker" note, and so does the quote carried over from it (it was scored as a
    speaker carried from three paragraphs up, about 1 in 10)."""
    text = _APPOINTED + ("\"This is a club with huge potential,\" the 56-year-old said after his "
                         "appointment. \"We start on Monday.\"")
    report = check_text(text)
    first, carried = only(report.quotes, "huge potential"), only(report.quotes, "start on Monday")
    assert (first.speaker, carried.speaker) == ("Dennis Harlow", "Dennis Harlow")
    assert first.speaker_confidence is not None and 0.5 <= first.speaker_confidence < 0.8
    assert carried.speaker_confidence is not None and 0.5 <= carried.speaker_confidence < 0.8
    notes = [s.message for s in report.signals if s.code == "speaker_guessed"]
    assert len(notes) == 2 and "description that refers back" in notes[0]
