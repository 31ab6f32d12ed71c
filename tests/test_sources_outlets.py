"""Publications typed as organisations, and `the company`/`the agency` linked to the one the
story just named (editor's check of 14 pages, s6).

Every text here is invented for the test.
"""

from __future__ import annotations

from support.quotes import named

from checks.models import Quote


def quote(quotes: tuple[Quote, ...], contains: str) -> Quote:
    hits = [q for q in quotes if contains in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0]


# -- a publication is not a person ---------------------------------------------------------------


def test_a_one_word_outlet_that_reported_is_an_organisation(quotes_and_sources) -> None:
    text = ("Tovar said she first heard about the freeze in early May, after Politico reported the "
            "grant money had been held back.")
    _, sources = quotes_and_sources(text)
    assert named(sources, "Politico").kind == "organization"


def test_a_newspaper_written_with_the_is_an_organisation(quotes_and_sources) -> None:
    text = ("The Atlanta Ledger first reported the closure on Monday. “We will not comment on rumours,” "
            "said Dana Whitfield, a spokeswoman for the port.")
    _, sources = quotes_and_sources(text)
    assert named(sources, "Atlanta Ledger").kind == "organization"
    assert named(sources, "Dana Whitfield").kind == "person"


def test_a_column_after_a_publishers_possessive_is_an_organisation(quotes_and_sources) -> None:
    text = ("The mayor has repeated the claim at least 40 times, according to The Riverton Post's "
            "Fact Checker, which rated it false.")
    _, sources = quotes_and_sources(text)
    source = named(sources, "Fact Checker")
    assert source.kind == "organization"
    assert "Riverton Post" in source.name  # whose column it is


def test_a_person_after_a_companys_possessive_stays_a_person(quotes_and_sources) -> None:
    text = "Huawei's Ren Zhengfei said the company would survive the ban. “We are not afraid,” Ren said."
    _, sources = quotes_and_sources(text)
    assert named(sources, "Ren Zhengfei").kind == "person"


def test_a_reporter_after_an_outlets_possessive_stays_a_person(quotes_and_sources) -> None:
    text = ("Politico's Jake Sherman reported that the vote would slip to Thursday. “The whip count is "
            "not there,” Sherman wrote.")
    _, sources = quotes_and_sources(text)
    assert named(sources, "Jake Sherman").kind == "person"


def test_a_surname_that_reported_and_spoke_stays_a_person(quotes_and_sources) -> None:
    text = "Kessler reported the leak on Monday. “I did what I had to,” Kessler said."
    quotes, sources = quotes_and_sources(text)
    assert named(sources, "Kessler").kind == "person"
    assert quote(quotes, "I did what").speaker_kind == "named"


def test_a_surname_that_reported_to_his_bosses_stays_a_person(quotes_and_sources) -> None:
    text = "Kessler reported the leak to his bosses in March, and the audit began a week later."
    _, sources = quotes_and_sources(text)
    assert all(s.kind == "person" for s in sources.named if "Kessler" in s.name)


# -- `the company`, `the agency`: the one the story just named -----------------------------------


def test_the_company_is_the_one_business_named_earlier_in_the_sentence(quotes_and_sources) -> None:
    text = ("Brightwater Foods has struggled all year.\n"
            "In March, Brightwater cut 40 jobs at its bakery (the company called the cuts “routine”) "
            "and Lindqvist closed two shops.")
    quotes, sources = quotes_and_sources(text)
    q = quote(quotes, "routine")
    assert (q.speaker, q.speaker_kind, q.speaker_guessed) == ("Brightwater", "organization", True)
    assert named(sources, "Brightwater").kind == "organization"


def test_the_agency_is_the_acronym_the_story_spelled_out(quotes_and_sources) -> None:
    text = ("The Office of Coastal Permits (OCP) reviews every new pier in the state.\n"
            "Fishermen have waited months for answers.\n"
            "In May, OCP announced that it would pause all reviews. At the time, the agency said in a "
            "statement that the pause was needed because of “staffing shortfalls” at its two offices.")
    quotes, _ = quotes_and_sources(text)
    q = quote(quotes, "staffing shortfalls")
    assert (q.speaker, q.speaker_kind) == ("OCP", "organization")


def test_two_companies_named_before_keep_the_noun(quotes_and_sources) -> None:
    text = ("Brightwater Foods and Corvane Holdings both cut jobs this year; the company said the cuts "
            "were “routine” and would end by June.")
    quotes, _ = quotes_and_sources(text)
    assert quote(quotes, "routine").speaker != "Brightwater Foods"
    assert quote(quotes, "routine").speaker != "Corvane Holdings"


def test_the_agency_after_an_organisation_of_no_known_kind_keeps_the_noun(quotes_and_sources) -> None:
    text = ("Meridia announced in May that it would pause the program. At the time, the agency said in a "
            "statement that the pause was needed because of “staffing shortfalls.”")
    quotes, _ = quotes_and_sources(text)
    assert quote(quotes, "staffing shortfalls").speaker != "Meridia"


def test_an_organisation_named_in_front_of_a_noun_is_not_a_place(quotes_and_sources) -> None:
    text = ("Three children have died in OCP custody since May.\n"
            "OCP said in a statement that it was “reviewing every case.”")
    _, sources = quotes_and_sources(text)
    assert named(sources, "OCP").kind == "organization"  # `in OCP custody` is not `in Ohio`


def test_another_company_written_in_between_keeps_the_noun(quotes_and_sources) -> None:
    text = ("After leaving Acme Media in May, Jones joined a small startup, and the company said it was "
            "“thrilled” to have her.")
    quotes, _ = quotes_and_sources(text)
    assert quote(quotes, "thrilled").speaker != "Acme Media"
