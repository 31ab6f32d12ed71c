"""Real-page leftovers of issue 14 (helper 101): who is who in the cast, and a few attribution forms.

A label with the party and state after the name (`Rep. Tom Harlan (R-S.C.):“…”`) is the person's, as
`Reid: “…”` is; a surname that is also a word is the subject of the cue right after the closing mark
(`“…,” Early said`); a company's kind before a name (`Developer Corvane`) makes it a company; an
organisation's short form (`VW`, `CBP`, `Department of Conservation` after `New Zealand Department of
Conservation`) is its row; a role whose head follows a capitalised name (`Department of Conservation
ranger`) is a person's; a short given name (`Mike Ford`) is the one Ford whose first name or middle
initial it stands for. Every text is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import named, only

from checks.models import Quote, Sources

Quotes = Callable[[str], tuple[Quote, ...]]
QuotesAndSources = Callable[[str], tuple[tuple[Quote, ...], Sources]]


def test_a_label_with_party_and_state_names_the_speaker(quotes_in: Quotes) -> None:
    text = ("Several lawmakers reacted on Twitter.\n\n"
            "Rep. Tom Harlan (R-S.C.):\"This is a disgrace to the House.\"\n\n"
            "Rep. Ana Ruiz (D-Calif.): \"We must act now.\"")
    quotes = quotes_in(text)
    assert only(quotes, "disgrace").speaker == "Tom Harlan"
    assert only(quotes, "act now").speaker == "Ana Ruiz"


def test_a_parenthesis_that_is_not_a_short_label_names_nobody(quotes_in: Quotes) -> None:
    text = ("The memo was leaked on Friday.\n\n"
            "Its last line (which several aides in the office had asked the lawyers to remove before it went "
            "out): \"We will not comply.\"")
    assert only(quotes_in(text), "not comply").speaker is None


def test_a_surname_that_is_a_word_right_after_the_closing_mark_speaks(quotes_in: Quotes) -> None:
    text = ("Jon Early has coached the team for ten years.\n\n"
            "\"We are ready,\" Early said after the last practice.")
    assert only(quotes_in(text), "We are ready").speaker == "Jon Early"


def test_a_company_kind_as_a_title_makes_a_company(quotes_and_sources: QuotesAndSources) -> None:
    text = ("Developer Corvane announced the new console on Tuesday. The company said sales would start in "
            "May.\n\n\"We think players will love it,\" Corvane said in a statement.\n\n"
            "Analyst Rita Holm was less sure. \"The price is high,\" she said.")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "love it").speaker == "Corvane"
    assert only(quotes, "love it").speaker_kind == "organization"
    assert named(sources, "Corvane").kind == "organization"
    assert named(sources, "Rita Holm").kind == "person"


def test_an_abbreviated_company_is_one_source(quotes_and_sources: QuotesAndSources) -> None:
    text = ("Volkswagen said on Monday it would recall 2,000 cars. \"Safety comes first,\" Volkswagen said "
            "in a statement.\n\nThe dealers were angry. \"We had no warning,\" said Tom Brandt, a dealer in "
            "Ohio.\n\nVW said the recall would cost little. \"The fix takes an hour,\" VW said.")
    _, sources = quotes_and_sources(text)
    assert [(s.name, s.quotes) for s in sources.named if s.kind == "organization"] == [("Volkswagen", 2)]


def test_an_acronym_of_initials_is_one_source(quotes_and_sources: QuotesAndSources) -> None:
    text = ("The Federal Marine Agency said the harbor would reopen. \"The channel is clear,\" the Federal "
            "Marine Agency said.\n\nFMA said later that the work cost more. \"We had delays,\" FMA said.")
    _, sources = quotes_and_sources(text)
    organisations = [(s.name, s.quotes) for s in sources.named if s.kind == "organization"]
    assert organisations == [("Federal Marine Agency", 2)]


def test_an_acronym_two_names_fit_stays_its_own_source(quotes_and_sources: QuotesAndSources) -> None:
    text = ("The Federal Marine Agency said the harbor would reopen. \"The channel is clear,\" the Federal "
            "Marine Agency said.\n\nThe Fisheries Management Alliance disagreed. \"Boats are waiting,\" "
            "the Fisheries Management Alliance said.\n\n\"We had delays,\" FMA said.")
    _, sources = quotes_and_sources(text)
    assert named(sources, "FMA").quotes == 1


def test_a_department_without_its_country_is_one_source(quotes_and_sources: QuotesAndSources) -> None:
    text = ("The New Zealand Department of Conservation said the whales were stranded overnight on a beach "
            "in New Zealand. \"We have 40 volunteers on the beach,\" the New Zealand Department of "
            "Conservation "
            "said in a statement.\n\nBy noon most had been refloated. \"It has been a long day,\" said "
            "Department of Conservation ranger Ann Wells.\n\n\"Only three died,\" the Department of "
            "Conservation said.")
    _, sources = quotes_and_sources(text)
    assert [(s.name, s.quotes) for s in sources.named if s.kind == "organization"] == [
        ("New Zealand Department of Conservation", 2)]
    # her role names the department, but she is a ranger: a person
    assert named(sources, "Ann Wells").kind == "person"


def test_a_short_given_name_is_the_one_whose_middle_initial_it_opens(
        quotes_and_sources: QuotesAndSources) -> None:
    text = ("John M. Ford grew up in the city with his brother Dale, a mechanic.\n\n"
            "\"We had nothing,\" John M. Ford said.\n\n"
            "Friends call him Mike. \"He was always the quiet one,\" said Ann Lutz, a neighbor.\n\n"
            "Mike Ford said the years were hard. \"We learned to work,\" Mike Ford said.\n\n"
            "Dale Ford stayed in the city. \"I never left,\" Dale Ford said.")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "learned to work").speaker == "John M. Ford"
    assert only(quotes, "never left").speaker == "Dale Ford"
    assert named(sources, "John M. Ford").quotes == 2


def test_a_different_given_name_with_the_same_initial_is_someone_else(
        quotes_and_sources: QuotesAndSources) -> None:
    text = ("John M. Ford grew up in the city with his brother Mark.\n\n"
            "\"We had nothing,\" John M. Ford said.\n\n"
            "Mark Ford said the years were hard. \"We learned to work,\" Mark Ford said.")
    quotes, _ = quotes_and_sources(text)
    assert only(quotes, "learned to work").speaker == "Mark Ford"


def test_an_acronym_is_not_a_few_letters_of_a_word(quotes_and_sources: QuotesAndSources) -> None:
    # `AP` opens `Apple`, but its P is not the start of a part of the word
    text = ("Apple said on Monday it would open a store in the city. \"We are excited,\" Apple said.\n\n"
            "AP said the store would employ 200 people. \"Hiring starts in June,\" AP said.")
    _, sources = quotes_and_sources(text)
    assert named(sources, "AP").quotes == 1
    assert named(sources, "Apple").quotes == 1


def test_a_description_with_a_company_word_is_no_company(quotes_in: Quotes) -> None:
    text = ("Dan Roe, the front-runner, named a show as his guilty pleasure.\n\n"
            "\u201cMy favorite show stars me,\u201d the billionaire business mogul told a magazine.")
    assert only(quotes_in(text), "favorite show").speaker_kind != "organization"


def test_a_body_named_with_and_is_one_organisation_not_a_person(quotes_and_sources: QuotesAndSources) -> None:
    # the small model tags `Ports and Harbours Authority` whole, as a work of art; its first word alone
    # had become a person called `Ports`, at 0.98
    text = ("Crews closed the crossing on Sunday.\n\n"
            "\"The situation remains under control,\" Ports and Harbours Authority said in a statement.\n\n"
            "Ana Smith runs the shelter nearby with Raul Jones. \"We need more beds,\" Smith and Jones said.")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "under control").speaker == "Ports and Harbours Authority"
    assert only(quotes, "under control").speaker_kind == "organization"
    assert named(sources, "Ports and Harbours Authority").kind == "organization"
    assert only(quotes, "more beds").speaker_kind == "named"  # people joined by `and` stay people
