"""Session 14 (helper-94): whole quotations credited to another speaker or to nobody, from a reading
of PolNeAR train's name-source errors: paragraphs carried over after a fragment."""

from __future__ import annotations

from support.quotes import only


def test_a_fragment_closed_by_a_named_cue_clause_carries_into_the_next_paragraph(quotes_in) -> None:
    text = ("Council vote looms\n\n"
            "Ruiz “is tapping into something that is very deep inside the party, which is discontent "
            "with the system,” Tom Alvarez, a council member, told the Gazette.\n\n"
            "“He has characterized the mayor as a champion of that system.”")
    q = only(quotes_in(text), "champion of that system")
    assert (q.speaker, q.speaker_evidence) == ("Tom Alvarez", "carried")


def test_a_fragment_closing_a_paragraph_after_the_same_speakers_quote_carries(quotes_in) -> None:
    text = ("“By the way, if she gets to pick the judges, nothing you can do, folks,” Fenwick told a rally "
            "in Dayton, saying the mayor would “abolish the parks department.”\n\n"
            "“Although the park people, maybe there is. I don’t know. But that will be a horrible day.”")
    q = only(quotes_in(text), "horrible day")
    assert (q.speaker, q.speaker_evidence) == ("Fenwick", "carried")
