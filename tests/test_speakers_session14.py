"""Who `he said` and `she said` stand for on PolNeAR `train` (issue 14, session 14).

Every text is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def test_a_his_after_another_person_named_before_the_subject_says_nothing_of_the_subject(
        quotes_in: Quotes) -> None:
    # `his plan` is Lund's: it must not make Priya Castell a man, so `she` still finds her
    text = ("Victor Lund wants a ferry tax, while Priya Castell has slammed his plan.\n\n"
            "At the pier on Monday, Castell spoke about the ferry.\n\n"
            "“The tax would empty the harbour,” she said.")
    assert only(quotes_in(text), "empty the harbour").speaker == "Priya Castell"


def test_as_for_someone_then_he_is_that_someone(quotes_in: Quotes) -> None:
    text = ("Carl Ruiz warned against a brokered convention. "
            "“That would be a disaster,” the senator said.\n\n"
            "As for Tom Baird, he said he is not worried. “I will have the delegates,” he said.")
    assert only(quotes_in(text), "have the delegates").speaker == "Tom Baird"


def test_a_full_name_tagged_an_organisation_that_the_story_calls_her_is_a_person(quotes_in: Quotes) -> None:
    # the small model tags `Carly Denholm` ORG here; the story's own `her` makes her a person
    text = ("Carly Denholm threw her support behind Sen. Tom Baird on Wednesday.\n\n"
            "She made a surprise appearance at the rally in Miami.\n\n"
            "“He has fought for our liberty,” she said to cheers.")
    assert only(quotes_in(text), "fought for our liberty").speaker == "Carly Denholm"


def test_a_first_name_set_beside_someones_wife_is_a_person_of_that_surname(quotes_in: Quotes) -> None:
    text = ("Tom Baird will accept the nomination on Thursday.\n\n"
            "On the opening night, Baird's wife, Melinda, is scheduled to speak. She is often by her "
            "husband's side. At a rally this spring, she described him as “a kind man.”")
    assert only(quotes_in(text), "kind man").speaker == "Melinda Baird"


def test_a_name_opening_its_sentence_before_a_comma_is_the_subject_the_parse_lost(quotes_in: Quotes) -> None:
    text = ("Tom Baird met the mayor. Dan Vole was in the room.\n\n"
            "But Baird, for all the gains he helped wrangle from the unions, seems to agree. "
            "“We do not yet know what will work,” he said.")
    assert only(quotes_in(text), "what will work").speaker == "Tom Baird"


def test_a_surname_the_tagger_read_as_a_verb_is_still_a_subject(quotes_in: Quotes) -> None:
    # `Trump` is also a verb: `Trump himself was delighted` came out a verb with no mention of him
    text = ("Dan Vole had lunch with Tom Trump. Vole suggested that this was a bad idea. The post went out. "
            "Trump himself was delighted by the fuss. "
            "“The people who were upset were the people we wanted,” he later said.")
    assert only(quotes_in(text), "people we wanted").speaker == "Tom Trump"



def test_the_admiral_said_makes_the_admiral_the_next_he(quotes_in: Quotes) -> None:
    text = ("Adm. Tom Baird runs the fleet. A state paper, run by Dan Vole, called him a hawk.\n\n"
            "The comments had two goals, the admiral said. "
            "First, they were meant to show that the paper of Dan Vole was right. "
            "Second, they seemed intended to hurt him.\n\n"
            "“When I am described that way, it is a cheap shot,” he said.")
    assert only(quotes_in(text), "cheap shot").speaker == "Tom Baird"
