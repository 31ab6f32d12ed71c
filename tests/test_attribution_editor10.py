"""Who said a quoted fragment: attributions an editor found wrong on real pages (issue 14, item 1).

Every text here is invented for the test; the patterns are those of the pages the editor read.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

# -- a judgement in the first clause is not the next clause's speaker's ----------------------


def test_words_a_subject_rejects_something_as_are_the_subjects(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("The Navy rejected these claims as “utterly baseless,” and both outside experts and "
            "residents of the harbor told the Ledger the ministry's figures are wrong.")
    q = only(quotes_in(text), "utterly baseless")
    assert (q.speaker, q.cue) == ("Navy", "rejected")


def test_a_new_clause_after_a_fragment_does_not_lend_it_its_speaker(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    # `, and X told …` starts a clause of its own: X says something else, and the fragment is not X's
    text = ("The ferry board's plan was “a recipe for chaos,” and two longtime residents told the "
            "Gazette the crossings should stay as they are.")
    assert all(q.speaker != "two longtime residents" for q in quotes_in(text))
    # without the conjunction the words after the fragment still attribute it
    said = ("The ferry board's plan is “a recipe for chaos,” two longtime residents told the Gazette.")
    assert only(quotes_in(said), "recipe for chaos").speaker == "two longtime residents"
    # a pronoun after the conjunction goes on with the subject before it: the same speaker
    same = ("Ida Brandt, the mayor, decried the “backroom dealing at the ferry board,” and she vowed "
            "to open its meetings to the public.")
    assert only(quotes_in(same), "backroom dealing").speaker == "Ida Brandt"


# -- a subject the parse ran into the line above ------------------------------------------------


def test_a_source_whose_line_the_parse_joined_to_the_one_above_still_speaks(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    # a caption-like line with no full stop: the parser runs it into the next paragraph and hangs
    # that paragraph's opening noun phrase on it, leaving `said` with no subject of its own
    text = ("Tomas Reyes, a harbor pilot, told the Ledger the port authority's figures are wrong.\n\n"
            "“… block the departure of the fishing families from the Delmont shelter”\n"
            "A Harbor Weekly correspondent Mara Lindqvist's source inside the Delmont shelter, a "
            "fisherman who feared reprisals from the port authority and asked not to be named, said "
            "that the authority's account is “completely made up.”")
    q = only(quotes_in(text), "completely made up")
    assert q.speaker is not None and "source inside the Delmont shelter" in q.speaker
    assert (q.speaker_kind, q.cue) == ("anonymous", "said")
