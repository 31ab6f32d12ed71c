"""Session 16 (helper-109): confident wrongs an editor found on real pages (issue 14): a pronoun
that went to a generic phrase, a singular `they` that went to a company, a present-day `today`."""

from __future__ import annotations

from support.quotes import only


def test_a_he_never_quotes_a_generic_person_from_a_relative_clause(quotes_in) -> None:
    text = ("Marco Quiroga runs a testing lab in Valencia. Quiroga offered to answer questions that a "
            "typical pharmacist is not trained to respond to. \"People write to me at night with worries "
            "they cannot take anywhere else,\" he wrote. \"I try to answer them all.\"")
    quotes = quotes_in(text)
    assert only(quotes, "People write to me").speaker == "Marco Quiroga"
    assert only(quotes, "answer them all").speaker == "Marco Quiroga"


def test_a_he_still_quotes_an_unnamed_person_just_introduced(quotes_in) -> None:
    text = ("Marco Quiroga runs a testing lab in Valencia. A retired pharmacist waited outside the lab "
            "on Monday. \"I come every week,\" he said.")
    assert only(quotes_in(text), "every week").speaker == "A retired pharmacist"


def test_a_singular_they_after_a_companys_spokesperson_is_the_spokesperson(quotes_in) -> None:
    text = ("Meta said on Tuesday that it would change how shops are listed. Dana Whitlock, a spokesperson "
            "for Instagram, confirmed the change. \"We want shops to be easy to find,\" they said in an "
            "email.")
    quote = only(quotes_in(text), "easy to find")
    assert quote.speaker == "Dana Whitlock"
    assert quote.speaker_confidence is None or quote.speaker_confidence < 0.8


def test_a_they_after_a_group_named_since_the_spokesperson_is_not_the_spokesperson(quotes_in) -> None:
    text = ("Dana Whitlock, a spokesperson for Instagram, said on Tuesday that Meta had asked for "
            "the change. \"We want shops to be easy to find,\" they said in a letter.")
    assert only(quotes_in(text), "easy to find").speaker != "Dana Whitlock"


def test_a_they_after_a_named_person_with_no_speaking_role_is_not_that_person(quotes_in) -> None:
    text = ("Lawmakers met on Tuesday. Dana Whitlock, a member of the panel, confirmed the vote. "
            "\"We want a fair count,\" they said.")
    assert only(quotes_in(text), "fair count").speaker != "Dana Whitlock"


def test_a_forum_handle_is_a_person_writing_under_a_pseudonym(quotes_in) -> None:
    quotes = quotes_in("The forum is busy at night. \"Nobody checks the powder anymore,\" wrote user "
                       "bluefox1987.")
    quote = only(quotes, "Nobody checks")
    assert (quote.speaker, quote.speaker_kind) == ("bluefox1987", "named")
    text = ("Prices have climbed all year. As one buyer on the Nimbus market, tallpine88, wrote to me, \"I "
            "would rather pay more and know what I am getting.\"")
    assert only(quotes_in(text), "rather pay more").speaker == "tallpine88"



def test_a_site_the_model_tags_as_a_person_is_no_he(quotes_and_sources) -> None:
    text = ("Buyers talked on the marketplace \"Valhalla.\" Tess, a Valhalla user, tested the pills. In "
            "posts to the Valhalla community, kettle77 asked for more tests and paid for two himself. "
            "\"We have enough for five tests now,\" he wrote.")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "five tests").speaker != "Valhalla"
    assert "Valhalla" not in [s.name for s in sources.named if s.kind == "person"]
