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


def test_a_bare_name_saying_i_is_a_person_not_an_organisation() -> None:
    """`"…I think I played one of the best matches…," the 14th-ranked X said`: the surname after an
    epithet was tagged an organisation and listed as one."""
    text = "\"I think I played my best match of the year,\" the 14th-ranked Hollister said."
    report = check_text(text)
    assert [(q.speaker, q.speaker_kind) for q in report.quotes] == [("Hollister", "named")]
    assert all(s.kind == "person" for s in report.sources.named)
    # a company speaks as `we`: still an organisation
    company = check_text("\"We will keep our prices low this winter,\" Costco said.")
    assert [(q.speaker, q.speaker_kind) for q in company.quotes] == [("Costco", "organization")]


def test_a_semicolon_after_the_speech_verb_introduces_the_quote() -> None:
    """`Speaking through an interpreter he added; “It is true …”` gave `No speaker found`: the
    semicolon after `added` is a slip for a colon."""
    text = ("Director Peter Wong said backstage that nobody could tell what would happen at the awards.\n\n"
            "Speaking through an interpreter he added; “It is true that the momentum is building.”")
    assert [q.speaker for q in check_text(text).quotes] == ["Peter Wong"]
    # a semicolon between two clauses of the writer's introduces nothing
    two = check_text("Mayor Ana Ruiz opened the meeting. The plan failed; “we tried everything,” she said.")
    assert [q.speaker for q in two.quotes] == ["Ana Ruiz"]


def test_he_never_stands_for_an_organisation() -> None:
    """`Speaking through an interpreter he added; “…”` went to SAG (a guild the model tagged a
    person): a person's pronoun that finds only a name reading like an organisation finds nobody."""
    text = ("The Eric Lund Foundation gave the money. Eric Lund Foundation said the gift was a loan.\n\n"
            "He added, “My father made the donation himself.”")
    assert [q.speaker for q in check_text(text).quotes] == [None]
