"""Speakers and sources an editor found wrong on real pages (session 12, helper-87), rewritten as
invented text. Every text here is invented for the test."""

from __future__ import annotations

from checks import check_text


def test_a_closing_said_whose_speaker_the_parse_took_for_its_object_is_the_teller() -> None:
    """`X was known for telling others "…", said another witness, Y` went to X: the parse made the
    witness the object of `said`, and the fragment stayed with the man it describes."""
    text = ("Vandermolen was known for telling others \"he was in charge of Bolivia\" despite being the "
            "U.S. envoy in Geneva, said another witness in the impeachment probe, former White House "
            "Bolivia adviser Nora Lind.")
    assert [q.speaker for q in check_text(text).quotes] == ["Nora Lind"]