"""Session 14 (helper-94): whole quotations credited to another speaker or to nobody, from a reading
of PolNeAR train's name-source errors: paragraphs carried over after a fragment, a passive
`was asked`, a participle between a name and its cue, an aside naming where it was said, an
aside teller before words that go on with the name's verb."""

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


def test_a_question_put_to_someone_in_the_passive_is_not_theirs(quotes_in) -> None:
    text = ("Mayor Dana Ruiz spoke at the town hall on Monday.\n\n"
            "In an interview with the local paper published Wednesday, Ruiz was asked, "
            "\"What is the hardest decision you have made in office?\"\n\n"
            "Later, Ruiz was asked by host Tom Berry, \"Do you still think taxes will not rise?\"\n\n"
            "Ruiz was quoted as saying, \"The budget is balanced.\"")
    quotes = quotes_in(text)
    assert only(quotes, "hardest decision").speaker is None
    assert only(quotes, "taxes will not rise").speaker == "Tom Berry"
    assert only(quotes, "budget is balanced").speaker == "Dana Ruiz"


def test_a_participle_set_off_between_the_name_and_its_cue(quotes_in) -> None:
    text = ("The issue had come up Friday after Mr. Fenwick, asked about the deaths of workers at the plant, "
            "had said, \"I think our city does plenty of damage also.\"")
    assert only(quotes_in(text), "plenty of damage").speaker == "Fenwick"


def test_an_aside_with_where_it_was_said_introduces_the_next_quote(quotes_in) -> None:
    text = ("Board member Lou Ash wrote to the chair on Monday.\n\n"
            "If anything, Ash argued in his email, the incident is an illustration of why the board "
            "should adopt new rules.\n\n"
            "\"In light of this serious breach, is it prudent to give such power to the chair?\"")
    assert only(quotes_in(text), "serious breach").speaker == "Lou Ash"


def test_an_aside_teller_before_words_that_go_on_with_the_names_verb(quotes_in) -> None:
    text = ("Mayor Ana Ruiz prepared for the debate with Tom Baxter all week.\n\n"
            "Ruiz, a top aide said, “is very confident, very confident in the contrast” between her "
            "and Baxter.\n\n"
            "Maria Lopez, a campaign spokeswoman said, “We are confident in the contrast.”")
    quotes = quotes_in(text)
    assert only(quotes, "very confident in the contrast").speaker == "a top aide"
    assert only(quotes, "We are confident").speaker == "Maria Lopez"  # a closing comma left out
