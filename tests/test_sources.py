"""Named and anonymous sources: who the article attributes statements to, with roles and counts."""

from __future__ import annotations

import pytest

from checks.models import NamedSource, Sources
from checks.quotes.find import find_quotes
from checks.quotes.sources import find_sources


@pytest.fixture(scope="module")
def sources_in(nlp):
    def run(text: str) -> Sources:
        doc = nlp(text)
        return find_sources(doc, find_quotes(doc))

    return run


def named(sources: Sources, name: str) -> NamedSource:
    hits = [s for s in sources.named if name in s.name]
    assert len(hits) == 1, [s.name for s in sources.named]
    return hits[0]


def test_role_comes_from_the_apposition_after_the_name(sources_in) -> None:
    text = ("“Rates will stay high well into next year,” said Priya Nair, an economist at the "
            "University of Leeds.")
    source = named(sources_in(text), "Priya Nair")
    assert source.kind == "person"
    assert source.role == "an economist at the University of Leeds"
    assert source.quotes == 1


def test_role_comes_from_the_title_before_the_name_and_indirect_speech_counts(sources_in) -> None:
    text = "Finance Minister Omar Haddad said on Monday that the deficit would shrink by half."
    source = named(sources_in(text), "Omar Haddad")
    assert source.role == "Finance Minister"
    assert source.quotes == 0


def test_quotes_and_mentions_are_counted_per_person(sources_in) -> None:
    text = ("Finance Minister Omar Haddad presented the budget on Monday.\n"
            "“We cut what we could,” Haddad said.\n"
            "“The rest is up to parliament,” Haddad added.\n"
            "Opposition leaders met Haddad's proposals with silence.")
    source = named(sources_in(text), "Omar Haddad")
    assert source.quotes == 2
    assert source.mentions == 4


def test_people_who_say_nothing_are_not_sources(sources_in) -> None:
    text = ("The bypass was first proposed by engineer Lina Ortiz in 2019 and later shelved.\n"
            "“We never had the money,” said county clerk Paul Greer.")
    names = [s.name for s in sources_in(text).named]
    assert names == ["Paul Greer"]


def test_said_to_have_does_not_make_its_subject_a_source(sources_in) -> None:
    text = "Yusuf Adeyemi is said to have left the meeting early, according to the minutes."
    assert not any("Adeyemi" in s.name for s in sources_in(text).named)


def test_organisation_making_a_statement_is_a_named_organisation(sources_in) -> None:
    text = ("Northwind Logistics said in a filing on Thursday that it would close two depots. "
            "The company employs 900 people.")
    source = named(sources_in(text), "Northwind Logistics")
    assert source.kind == "organization"


def test_anonymous_sources_keep_their_description_and_offsets(sources_in) -> None:
    text = ("According to two people familiar with the talks, the deal is close. "
            "Sources close to the negotiations described the mood as tense.\n"
            "“Nobody wants to be blamed,” said a senior union official, speaking on condition of anonymity.")
    found = sources_in(text).anonymous
    texts = [a.text for a in found]
    assert "two people familiar with the talks" in texts
    assert "Sources close to the negotiations" in texts
    assert "a senior union official, speaking on condition of anonymity" in texts
    for a in found:
        assert text[a.start:a.end] == a.text
    assert sources_in(text).named == ()


def test_anonymous_quote_speaker_is_not_a_named_source(sources_in) -> None:
    text = "“The irony is not lost on anyone here,” noted a veteran Wall Street trader."
    sources = sources_in(text)
    assert sources.named == ()
    assert [a.text for a in sources.anonymous] == ["a veteran Wall Street trader"]


def test_places_speaking_by_metonymy_are_not_named_sources(sources_in) -> None:
    text = "Canada warned on Monday that it would retaliate, and Washington said little."
    assert sources_in(text).named == ()


def test_document_speakers_are_not_sources(sources_in) -> None:
    text = "“The defendant acted with malice,” the lawsuit alleges, naming landlord Victor Hale."
    sources = sources_in(text)
    assert sources.named == ()
    assert sources.anonymous == ()
