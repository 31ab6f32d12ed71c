"""Direct quotations: marks, attribution, fragments, scare quotes, continuations."""

from __future__ import annotations

import pytest
from support.quotes import only

from checks.quotes.marks import find_marked


def test_curly_quote_before_name_said_gives_text_offsets_speaker_and_cue(quotes_in) -> None:
    text = ("Mayor Ana Ruiz toured the flooded district on Monday.\n"
            "“We will reopen the bridge by Friday,” Ruiz said.")
    q = only(quotes_in(text), "reopen the bridge")
    assert q.text == "We will reopen the bridge by Friday"
    assert text[q.start:q.end] == q.text
    assert (q.speaker, q.speaker_kind, q.cue, q.partial) == ("Ana Ruiz", "named", "said", False)
    assert q.speaker_span is not None and text[q.speaker_span[0]:q.speaker_span[1]] == "Ruiz"
    assert not q.speaker_guessed


def test_straight_quotes_with_said_before_the_name(quotes_in) -> None:
    text = '"The budget is balanced for the first time in a decade," said Tom Keller, the city treasurer.'
    q = only(quotes_in(text), "budget is balanced")
    assert q.speaker == "Tom Keller"
    assert q.cue == "said"


def test_according_to_introduces_the_speaker(quotes_in) -> None:
    text = "According to Fire Chief Dana Obi, “the blaze started in a kitchen on the third floor.”"
    q = only(quotes_in(text), "blaze started")
    assert q.speaker == "Dana Obi"
    assert q.cue == "according to"


def test_name_said_colon_introduces_the_quote(quotes_in) -> None:
    text = "Council member Ivan Petrov said: “We will hold a public hearing before any vote.”"
    assert only(quotes_in(text), "public hearing").speaker == "Ivan Petrov"


def test_colon_at_the_end_of_the_previous_paragraph_introduces_the_quote(quotes_in) -> None:
    text = ("Governor Lena Park ended the briefing with a blunt warning:\n\n"
            "“Nobody should be on the roads tonight. Stay home.”")
    q = only(quotes_in(text), "Nobody should be")
    assert q.speaker == "Lena Park"


def test_quote_split_around_the_attribution_keeps_the_speaker(quotes_in) -> None:
    text = ("Plant manager Hugo Brandt met the workers on Friday.\n"
            "“It is a fair deal,” Brandt told them. “We protect the jobs, and we keep the plant open.”")
    quotes = quotes_in(text)
    first, second = only(quotes, "fair deal"), only(quotes, "keep the plant open")
    assert first.speaker == second.speaker == "Hugo Brandt"
    assert not second.speaker_guessed


def test_paragraph_that_continues_a_quote_takes_the_last_speaker_as_a_guess(quotes_in) -> None:
    text = ("“We lost everything in the barn,” said farmer Joe Miles.\n\n"
            "“The water came up to the roof in less than an hour.”")
    q = only(quotes_in(text), "water came up")
    assert q.speaker == "Joe Miles"
    assert q.speaker_guessed


def test_quote_running_over_two_paragraphs_is_attributed_at_its_end(quotes_in) -> None:
    text = ("“The river rose faster than any of our models predicted.\n\n"
            "“We had perhaps twenty minutes to get people out,” said hydrologist Mei Chen.")
    q = only(quotes_in(text), "river rose faster")
    assert q.speaker == "Mei Chen"
    assert q.speaker_guessed


def test_partial_quote_inside_a_sentence_is_attributed_to_the_verb_subject(quotes_in) -> None:
    text = "Senator Maria Lopez accused the agency of “a reckless disregard for safety” in a letter."
    q = only(quotes_in(text), "reckless disregard")
    assert q.partial
    assert q.speaker == "Maria Lopez"
    assert q.cue == "accused"


def test_scare_quotes_are_not_quotes_of_anyone(quotes_in) -> None:
    text = ("The “green wall” plan has split the council. Supporters of the “fast track” approach "
            "met on Monday, and the debate over the “hero” label went on.")
    assert quotes_in(text) == ()


def test_nested_single_quote_with_apostrophes_stays_inside_the_outer_quote(quotes_in) -> None:
    text = ("“My landlord told me, ‘Don’t sign anything until Monday,’ and I didn’t,” "
            "said tenant Rosa Diaz.")
    quotes = quotes_in(text)
    assert len(quotes) == 1
    assert quotes[0].text == "My landlord told me, ‘Don’t sign anything until Monday,’ and I didn’t"
    assert quotes[0].speaker == "Rosa Diaz"


def test_apostrophes_are_not_closing_marks_in_the_scanner() -> None:
    text = "“The farmers’ union won’t back down,” she said."
    marked = find_marked(text)
    assert [text[m.start:m.end] for m in marked] == ["The farmers’ union won’t back down,"]


def test_unbalanced_mark_does_not_swallow_the_rest_of_the_article(quotes_in) -> None:
    text = ("The mayor’s office called the audit “misleading and declined further comment.\n"
            "Council member Ivan Petrov said, “We will hold a public hearing.”\n"
            "“The numbers do not add up,” said auditor Grace Lin.")
    quotes = quotes_in(text)
    assert only(quotes, "public hearing").speaker == "Ivan Petrov"
    assert only(quotes, "numbers do not add up").speaker == "Grace Lin"


def test_pronoun_speaker_resolves_to_the_last_named_person_and_says_it_guessed(quotes_in) -> None:
    text = ("Mayor Ana Ruiz toured the flooded district on Tuesday with relief workers.\n"
            "She said, “This is the worst flood this city has seen in forty years.”")
    q = only(quotes_in(text), "worst flood")
    assert q.speaker == "Ana Ruiz"
    assert q.speaker_guessed
    assert q.speaker_span is not None and text[q.speaker_span[0]:q.speaker_span[1]] == "Ana Ruiz"


def test_anonymous_speaker_is_the_descriptive_phrase(quotes_in) -> None:
    text = ("“The talks are stalled and nobody wants to blink,” said a senior trade official, "
            "speaking on condition of anonymity.")
    q = only(quotes_in(text), "talks are stalled")
    assert q.speaker == "a senior trade official"
    assert q.speaker_kind == "anonymous"


def test_statement_from_an_organisation_is_attributed_to_the_organisation(quotes_in) -> None:
    text = ("A statement from the Department of Transportation read: "
            "“The bridge is safe and will stay open to traffic.”")
    q = only(quotes_in(text), "bridge is safe")
    assert q.speaker_kind == "organization"
    assert q.speaker is not None and "Department of Transportation" in q.speaker


def test_quotes_in_a_headline_are_left_to_the_body(quotes_in) -> None:
    text = ("‘Not Backing Down’: Mayor Vows to Fight State Cuts\n"
            "“We are not backing down,” Mayor Ana Ruiz said on Monday.")
    quotes = quotes_in(text)
    assert [q.text for q in quotes] == ["We are not backing down"]


def test_question_quote_followed_by_a_new_sentence_is_unattributed_by_it(quotes_in) -> None:
    text = "Reporters asked about the delay. “Who knows?” The minister left without answering."
    q = only(quotes_in(text), "Who knows")
    assert q.speaker is None
    assert q.speaker_kind == "unresolved"


def test_titles_in_quote_marks_are_not_quotes(quotes_in) -> None:
    text = ("Senator Maria Lopez told viewers of “Sunday Morning Futures” that the bill “will not "
            "survive the summer,” and she repeated it on “Face the Nation.”")
    assert [q.text for q in quotes_in(text)] == ["will not survive the summer"]


def test_fragment_ending_in_a_comma_takes_the_attribution_after_it(quotes_in) -> None:
    text = "Voters in towns like this “want someone who actually shows up,” said organizer Dee Holt."
    q = only(quotes_in(text), "actually shows up")
    assert q.partial
    assert q.speaker == "Dee Holt"


def test_inverted_attribution_names_the_speaker_after_the_verb(quotes_in) -> None:
    text = ("Chris Murphy spoke at the rally.\n"
            "“We will appeal the ruling as soon as the court reopens,” added Murphy, "
            "referring to Friday’s decision.")
    assert only(quotes_in(text), "appeal the ruling").speaker == "Chris Murphy"


def test_document_speaker_is_shown_but_left_unresolved(quotes_in) -> None:
    text = "“The defendant acted with malice and without regard for the tenants,” the lawsuit alleges."
    q = only(quotes_in(text), "acted with malice")
    assert (q.speaker, q.speaker_kind) == ("the lawsuit", "unresolved")


def test_crowd_next_to_a_quote_is_an_anonymous_speaker(quotes_in) -> None:
    text = "“Count every vote, count every vote,” the crowd chanted outside the county building."
    q = only(quotes_in(text), "Count every vote")
    assert (q.speaker, q.speaker_kind) == ("the crowd", "anonymous")


def test_surname_takes_the_full_name_used_most_not_the_longest(quotes_in) -> None:
    text = ("Chris Murphy has pushed for the bill since 2013. Chris Murphy met Anne Marie Murphy, "
            "a teacher, at the hearing.\n“We owe the families a vote,” Murphy said.")
    assert only(quotes_in(text), "owe the families").speaker == "Chris Murphy"


def test_a_second_opening_mark_ends_an_unclosed_quote_and_keeps_the_attribution(quotes_in) -> None:
    text = ('Senator Maria Lopez spoke for an hour. "Without more money for the dikes, she said, '
            '"this town will flood again next spring."')
    q = only(quotes_in(text), "flood again")
    assert q.speaker == "Maria Lopez"


@pytest.mark.parametrize("text", ["“", "“”", '"""', "’’’ ‘‘", "He said: “", "“a”, b said.",
                                  "\n\n\n“x\n“y\n“z”", "“Yes,” he said."])
def test_odd_marks_never_raise_and_offsets_always_match_the_text(quotes_in, text: str) -> None:
    for q in quotes_in(text):
        assert text[q.start:q.end] == q.text
        assert q.speaker_span is None or 0 <= q.speaker_span[0] < q.speaker_span[1] <= len(text)


def test_she_skips_a_man_the_article_marks_as_male(quotes_in) -> None:
    text = ("Senator Maria Lopez toured a diner in Manchester on Monday.\n"
            "Tom Reyes, her campaign manager, thanked his volunteers at the door. "
            "She said, “With your help, we can win this state.”")
    q = only(quotes_in(text), "With your help")
    assert q.speaker == "Maria Lopez"
    assert q.speaker_guessed


def test_hard_wrapped_lines_keep_a_quote_and_its_attribution_together(quotes_in) -> None:
    text = ("Council member Ivan Petrov spoke after the vote. “We have waited three years for\n"
            "this bridge, and we will not wait another three,” Petrov said, adding that the\n"
            "state audit was “a delay dressed up as diligence.”")
    quotes = quotes_in(text)
    q = only(quotes, "waited three years")
    assert q.text == ("We have waited three years for\nthis bridge, and we will not wait another three")
    assert q.speaker == "Ivan Petrov"
    assert only(quotes, "delay dressed up").speaker == "Ivan Petrov"


def test_the_title_alone_resolves_to_the_person_with_that_title_as_a_guess(quotes_in) -> None:
    text = ("President Maria Lopez opened the summit on Monday. Delegates from 40 countries attended.\n"
            "“Nobody leaves this room without a deal,” the president said.")
    q = only(quotes_in(text), "Nobody leaves")
    assert (q.speaker, q.speaker_guessed) == ("Maria Lopez", True)


def test_they_goes_back_to_the_last_unnamed_or_organisation_speaker(quotes_in) -> None:
    text = ("“We have not been consulted,” said a spokesman for the farmers’ union.\n"
            "“The first we heard of it was on the radio,” they said in a statement.")
    q = only(quotes_in(text), "first we heard")
    assert (q.speaker, q.speaker_kind, q.speaker_guessed) == (
        "a spokesman for the farmers’ union", "anonymous", True)


def test_they_and_it_resolve_to_the_group_or_organisation_just_named(quotes_in) -> None:
    text = ("Officials at the transport ministry met union leaders on Monday.\n"
            "“We are close to an agreement on the night shifts,” they said.\n"
            "Northwind Logistics announced the closures on Thursday. "
            "“The depots no longer pay for themselves,” it said in a statement.")
    quotes = quotes_in(text)
    officials = only(quotes, "night shifts")
    assert (officials.speaker, officials.speaker_kind, officials.speaker_guessed) == (
        "Officials at the transport ministry", "anonymous", True)
    company = only(quotes, "depots")
    assert (company.speaker, company.speaker_kind) == ("Northwind Logistics", "organization")


def test_a_space_after_the_opening_mark_or_before_the_closing_one_is_still_a_quote(quotes_in) -> None:
    text = ("Mara Quill runs the ferry office on the island.\n"
            "“ The boats have never been this full,” Quill said.\n"
            "“We need a second crossing every morning ” Quill said.")
    quotes = quotes_in(text)
    first = only(quotes, "boats have never")
    assert (first.text, first.speaker) == ("The boats have never been this full", "Mara Quill")
    second = only(quotes, "second crossing")
    assert (second.text, second.speaker) == ("We need a second crossing every morning", "Mara Quill")


@pytest.mark.parametrize("close", ["’’", "''"])
def test_two_apostrophes_close_a_double_quote_and_the_attribution_after_them_is_read(quotes_in,
                                                                                      close: str) -> None:
    text = f"“The tide tables were rewritten to fool the fishermen,{close} harbour master Oren Platt said."
    q = only(quotes_in(text), "tide tables")
    assert q.text == "The tide tables were rewritten to fool the fishermen"
    assert (q.speaker, q.cue) == ("Oren Platt", "said")


def test_a_closing_mark_touching_the_next_word_ends_the_quote_there(quotes_in) -> None:
    text = ("Ines Faro chairs the audit committee.\n"
            "Faro said: “We kept every receipt and we showed them to the auditors.”"
            "Correction: An earlier version misstated the date of the vote.")
    quotes = quotes_in(text)
    q = only(quotes, "every receipt")
    assert q.text == "We kept every receipt and we showed them to the auditors."
    assert all("Correction" not in x.text for x in quotes)
    assert q.speaker == "Ines Faro"


def test_nested_single_then_spaced_double_closing_marks_end_the_outer_quote(quotes_in) -> None:
    text = "“I told the crew, ‘Not the pier again,’ ” deckhand Bram Hollis said."
    quotes = quotes_in(text)
    assert len(quotes) == 1
    assert quotes[0].text == "I told the crew, ‘Not the pier again,’"
    assert quotes[0].speaker == "Bram Hollis"
