"""Sources and names, from the eighth editor's reading of real pages (invented text throughout)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from checks import check_text
from checks.quotes.names import untagged_name
from checks.quotes.phrases import strip_name


def test_a_gerund_is_not_a_first_name(nlp: Language) -> None:
    doc = nlp("Hosting Pell at the fair is our dream, Darrow said.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]  # how the model read `Hosting Cook` on a real page
    assert strip_name(doc.ents[0]) is None


@pytest.mark.parametrize(("text", "start", "end", "name"), [
    ("Sterling Brown said the game was over.", 0, 2, "Sterling Brown"),    # a first name the lists know
    ("Manning said the game was over.", 0, 1, "Manning"),                  # a lone surname stays
])
def test_real_names_survive(nlp: Language, text: str, start: int, end: int, name: str) -> None:
    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label="PERSON")]
    bounds = strip_name(doc.ents[0])
    assert bounds is not None and doc[bounds[0]:bounds[1]].text == name


def test_a_role_never_runs_back_into_the_quote() -> None:
    report = check_text('"We have not found liquid water yet, only its vapor," lead researcher and agency '
                        'scientist Ana Ruiz said in a statement.')
    (source,) = report.sources.named
    assert source.name == "Ana Ruiz" and source.role == "lead researcher and agency scientist"


@pytest.mark.parametrize("text", [
    "Why does it seem like certain people come out of nowhere and claim their place in your field?",
    "As you grow, People will ask you to write for them.",
])
def test_people_in_general_are_not_an_anonymous_source(text: str) -> None:
    assert check_text(text + " Later, some residents said the road was closed.").sources.anonymous[0].text \
        == "some residents"
    assert len(check_text(text).sources.anonymous) == 0


def test_people_who_are_quoted_stay_a_source() -> None:
    report = check_text("Billboards show people who say, “I am on it.” The ads were made by a local agency.")
    assert [a.text for a in report.sources.anonymous] == ["people"]



@pytest.mark.parametrize(("text", "at", "name"), [
    ("Her best book is still the Dragon Waiting, she said.", 6, False),  # `Dragon` is also a given name
    ("Her best friend is still Rosa Lind, she said.", 5, True),
])
def test_an_untagged_name_after_the_is_a_title(nlp: Language, text: str, at: int, name: bool) -> None:
    doc = nlp(text)
    doc.ents = []
    assert doc[at].pos_ == "PROPN" and untagged_name(doc[at]) is name


def test_a_list_after_a_name_is_not_its_role() -> None:
    report = check_text("A row involving Ana Ruiz, her former record label and a couple of senators looks "
                        "settled. “I just want to sing my songs,” Ruiz said.")
    (source,) = report.sources.named
    assert source.name == "Ana Ruiz" and source.role is None


def test_an_apposition_is_still_a_role() -> None:
    report = check_text("Ana Ruiz, the harbour master, spoke first. “We will reopen on Monday,” Ruiz said.")
    (source,) = report.sources.named
    assert source.role == "the harbour master"


def test_an_age_is_not_a_role() -> None:
    report = check_text('"I could not climb the stairs," wrote 43-year-old Ana Ruiz of Dundee in a case '
                        'study.')
    (source,) = report.sources.named
    assert source.name == "Ana Ruiz" and source.role is None


def test_someone_in_an_if_clause_is_not_a_source() -> None:
    report = check_text("The condition is often missed if the person reports no cats in the house, and many "
                        "nurses don't think to ask about rugs.")
    assert report.sources.anonymous == ()


def test_the_production_company_is_the_one_just_named() -> None:
    text = ("Shortly after, Harbor Lane Productions denied that it had agreed to anything. “At no time "
            "did we agree to a deal,” the production company said in a statement.")
    (quote,) = check_text(text).quotes
    assert (quote.speaker, quote.speaker_kind) == ("Harbor Lane Productions", "organization")


@pytest.mark.parametrize("text", [
    "Talks stalled on Monday. “At no time did we agree to a deal,” the production company said.",
    "Acme Records and Harbor Lane Productions spoke. “We agreed to nothing,” the production company said.",
])
def test_the_production_company_keeps_its_article_when_none_or_two_are_named(text: str) -> None:
    (quote,) = check_text(text).quotes
    assert quote.speaker == "the production company"


def test_an_acronym_the_story_spells_out_is_an_organisation() -> None:
    text = ("The World Health Organization tracks the disease closely. Untreated, the illness is "
            '"almost always fatal", says WHO.')
    report = check_text(text)
    assert [(q.speaker, q.speaker_kind) for q in report.quotes] == [("WHO", "organization")]


def test_initials_the_story_does_not_spell_out_stay_a_person() -> None:
    report = check_text('JFK spoke for an hour. "We choose to go," JFK said.')
    assert [q.speaker_kind for q in report.quotes] == ["named"]
