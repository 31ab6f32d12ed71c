"""Sources, from helper-113's reading of twelve real pages. Every text here is invented."""

from __future__ import annotations

import pytest

from checks import check_text


@pytest.mark.parametrize(("role", "name"), [("Canada’s ambassador to Japan", "Mark Ellison"),
                                            ("Brazil’s ambassador to Britain", "Ana Costa")])
def test_a_description_that_is_a_named_sources_role_word_for_word_is_that_source(role: str,
                                                                                 name: str) -> None:
    """Described first, named a paragraph later with the very same role before the name."""
    text = ("The harbour protests went on for a fifth night on Friday.\n"
            f"{role} accused the port authority of meddling and warned that his government “will not stand "
            f"aside” if the dispute “gets worse”.\n"
            f"{role} {name} has said that his country has the “patience and resolve” to wait for talks.\n"
            f"{name.split()[-1]} said the navy could be sent, warning: “They are already at sea.”\n")
    sources = check_text(text).sources
    assert not sources.anonymous
    assert [(s.name, s.quotes) for s in sources.named] == [(name, 4)]


def test_an_indefinite_description_with_a_named_sources_role_stays_anonymous() -> None:
    """`a spokeswoman for the port` may be another of its spokeswomen."""
    text = ("The harbour will close for repairs in May.\n"
            "“We will reopen in June,” said Ana Costa, a spokeswoman for the port.\n"
            "“The repairs are overdue,” a spokeswoman for the port said on Tuesday.\n")
    sources = check_text(text).sources
    assert [s.text for s in sources.anonymous] == ["a spokeswoman for the port"]


def test_the_unnamed_sources_warning_counts_one_named_source_in_the_singular() -> None:
    text = ("The ferry talks stalled on Monday, a senior port official said.\n"
            "A union negotiator said the two sides would meet again next week.\n"
            "Ana Ruiz, the port's chair, said the new boat would be late.\n")
    messages = [s.message for s in check_text(text).signals if s.code == "mostly_anonymous"]
    assert messages and "against 1 named one " in messages[0]


def test_the_source_after_one_unnamed_informant_is_that_informant() -> None:
    text = ("Ivo Brandt is unhappy with his partner, according to a report.\n"
            "“Ivo is frustrated because his name is being dragged in the mud,” an insider told the outlet.\n"
            "Brandt has tried to call the singer, who has not returned his calls, the source claimed.\n"
            "“This fight is not something Ivo agrees with,” the insider added.\n")
    assert [(a.text, a.quotes) for a in check_text(text).sources.anonymous] == [("an insider", 2)]
