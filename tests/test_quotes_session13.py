"""Session 13 (helper-93): speakers that are no pronoun choice: a quotation mark typed against the
next word, a name label before a colon, a name right before the cue after a quotation."""

from __future__ import annotations

from support.quotes import only


def test_a_closing_mark_glued_to_the_speakers_name_still_ends_the_quote(quotes_in) -> None:
    text = ("Senator Ada Moreno spoke to voters in Dover on Friday.\n\n"
            "“The river plan costs too much and helps too few,”Moreno said. “We can do better.”")
    quotes = quotes_in(text)
    assert only(quotes, "river plan").speaker == "Ada Moreno"
    assert only(quotes, "do better").speaker == "Ada Moreno"


def test_a_straight_mark_glued_to_a_name_after_the_comma(quotes_in) -> None:
    text = ('"Our members will not accept these cuts,"Lena Whitford, who leads the nurses\' union, '
            "said in a statement.")
    assert only(quotes_in(text), "accept these cuts").speaker == "Lena Whitford"


def test_an_opening_mark_glued_after_the_cue(quotes_in) -> None:
    text = "Harbour master Piet Olsen said,“Look, the pier is closed until the storm passes.”"
    assert only(quotes_in(text), "pier is closed").speaker == "Piet Olsen"


def test_a_headline_labels_its_quote_with_the_speakers_surname(quotes_in) -> None:
    text = ("Reid: 'Never, ever underestimate the governor.'\n\n"
            "Harry Reid has some advice for Democrats already celebrating.")
    q = only(quotes_in(text), "underestimate the governor")
    assert (q.speaker, q.speaker_evidence) == ("Harry Reid", "name_nearby")


def test_a_newsletter_line_gives_the_quote_to_the_source_after_the_dash(quotes_in) -> None:
    text = ("Analysts warned about the turnout models last week.\n\n"
            "Turnout models are shaky - Priya Raman: “The samples we saw overstate young voters by a wide "
            "margin, and the error grows in rural counties.”")
    q = only(quotes_in(text), "samples we saw")
    assert q.speaker == "Priya Raman"


def test_an_inverted_cue_before_the_label(quotes_in) -> None:
    text = ("Continued Stone: “The machines in the big cities are the real problem this year.”\n\n"
            "Roger Stone spoke at length.")
    assert only(quotes_in(text), "machines in the big cities").speaker == "Roger Stone"


def test_a_label_with_a_preposition_or_one_unknown_capitalised_word_names_nobody(quotes_in) -> None:
    text = ("Network Chief On Ruiz: 'We never pay guests for interviews.'\n\n"
            "Senator Ana Ruiz was in Ottawa on Monday.\n\n"
            "UPDATE: “The bridge stays closed to lorries until the inspectors report back.”")
    quotes = quotes_in(text)
    assert only(quotes, "never pay guests").speaker is None
    assert only(quotes, "bridge stays closed").speaker is None


def test_a_named_person_right_before_the_cue_speaks_however_the_parse_hangs_the_name(quotes_in) -> None:
    text = ("Critics said the poster harked back to old stereotypes.\n\n"
            '"Just saw the mayor\'s poster. I\'m impressed by his ability to insult every kind of '
            'human being," '
            "screenwriter Cole Haddon wrote on Twitter.")
    assert only(quotes_in(text), "Just saw the mayor").speaker == "Cole Haddon"


def test_a_statement_issued_right_before_the_quote_is_its_issuers(quotes_in) -> None:
    text = ("Flood waters rose overnight in the valley.\n\n"
            "Immediately after the evacuation, Governor Lise Amundsen issued a statement, "
            "“Last night our state was tested by the worst flood in a century.”")
    q = only(quotes_in(text), "tested by the worst flood")
    assert (q.speaker, q.cue) == ("Lise Amundsen", "issued")


def test_an_organisation_that_issued_a_statement_speaks_in_the_quote_after_it(quotes_in) -> None:
    text = ("The Harbour Authority issued a statement apologizing to residents for the delays.\n\n"
            "“On behalf of everyone at the authority, we want to offer a deep apology.”")
    q = only(quotes_in(text), "deep apology")
    assert (q.speaker, q.speaker_kind, q.speaker_guessed) == ("Harbour Authority", "organization", True)


def test_an_organisation_only_paraphrased_does_not_speak_in_the_quote_after_it(quotes_in) -> None:
    text = ("The Harbour Authority blamed the storm for the delays.\n\n"
            "“On behalf of everyone at the authority, we want to offer a deep apology.”")
    assert only(quotes_in(text), "deep apology").speaker is None


def test_verbs_of_manner_next_to_a_quote_are_its_cue(quotes_in) -> None:
    text = ("During the first debate, Senator Mara Lindqvist cracked, ''I'm a reformer who likes to get "
            "things done.''\n\n"
            "“This is fantastic!” beamed Tom Hartwell of Dayton, who snuck onto the floor.")
    quotes = quotes_in(text)
    assert (only(quotes, "reformer").speaker, only(quotes, "reformer").cue) == ("Mara Lindqvist", "cracked")
    assert only(quotes, "fantastic").speaker == "Tom Hartwell"
