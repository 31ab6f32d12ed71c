"""Session 16 (helper-104): quoted words deep in what someone says, past a clause with no speech verb,
and a Title Case name someone calls a person or a thing."""

from __future__ import annotations

from support.quotes import only


def test_a_fragment_in_a_clause_inside_what_someone_says_is_theirs(quotes_in) -> None:
    text = ("Mayor Ann Ruiz said she has seen schools in the county that reminded her of \"a badly run "
            "prison camp,\" where teachers lacked chalk.\n\n"
            "Tom Baker said there was clear evidence that the board was \"far too slow to act on it\" "
            "last year.")
    quotes = quotes_in(text)
    assert only(quotes, "prison camp").speaker == "Ann Ruiz"
    assert only(quotes, "too slow").speaker == "Tom Baker"
    assert only(quotes, "too slow").partial


def test_past_a_clause_of_its_own_a_label_or_words_not_said_stay_out(quotes_in) -> None:
    text = ("Tom Baker said the schools that joined the \"pilot scheme\" did well.\n\n"
            "Ana Ruiz, whose group organized the \"march for the end of the war in the region\" last "
            "year, said on Monday that she would run.\n\n"
            "Ruiz said the deal was done, but the company has \"no plans to change its policy\" this "
            "year.\n\n"
            "Ana Ruiz had nothing but praise for Tom Baker’s May 4 speech at the summit in Leeds, England, "
            "which Ruiz claims affirmed \"the basic belief in the value, the duty, and the rights of every "
            "single voter.\"")
    assert quotes_in(text) == ()


def test_a_title_case_name_someone_calls_a_person_is_theirs(quotes_in) -> None:
    text = ("Tom Baker called Ann Ruiz \"The Queen of the Budget.\"\n\n"
            "The show was called \"The Late Hour With Tom.\" Lena Ford said on \"Face the Nation\" that "
            "she would run.")
    quotes = quotes_in(text)
    assert [(q.text, q.speaker) for q in quotes] == [("The Queen of the Budget.", "Tom Baker")]


def test_who_thinks_gives_the_thought_to_the_person_the_clause_describes(quotes_in) -> None:
    text = ("\"People are angry,\" said Alderman Tom Baker, who thinks the mayor and his staff \"need to be "
            "more open, working with the community.\"")
    assert only(quotes_in(text), "more open").speaker == "Tom Baker"
