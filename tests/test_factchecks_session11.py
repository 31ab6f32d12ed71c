"""An embedded post's byline: searched, to find the fact-check, but not compared with the claims."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from checks.factchecks import ClaimReview, FactCheckHit, FactCheckIndex, match_fact_checks
from checks.factchecks.match import query_text, statement_text
from checks.models import ClaimSentence
from storage import open_store

REVIEWS = [
    ClaimReview(url="https://checks.example/library", rating="False", publisher="Town Checks",
                claim="The city council voted to sell the public library to a parking company.",
                title="Did the Council Sell the Library to a Parking Company?"),
    ClaimReview(url="https://checks.example/mayor", rating="True", publisher="Town Checks",
                claim="Harriet Vance was sworn in as mayor of Dunmore in March 2021."),
    ClaimReview(url="https://checks.example/pool", rating="False", publisher="Town Checks",
                claim="The council closed every public swimming pool in the county."),
    ClaimReview(url="https://checks.example/bus", rating="False", publisher="Town Checks",
                claim="Buses in the city will stop running on Sundays from next year."),
]
WORDS = "So the council just voted to sell our public library to a parking company."
POST = f"{WORDS} pic.twitter.com/x9Ab — Harriet Vance (@HarrietVance) March 3, 2021"


class Asked:
    """The store's search, remembering what it was asked."""

    def __init__(self, index: FactCheckIndex) -> None:
        self.index, self.queries = index, list[str]()

    def search(self, query: str, limit: int) -> list[FactCheckHit]:
        return self.search_many([query], limit)[0]

    def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
        self.queries += queries
        return self.index.search_many(queries, limit)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> FactCheckIndex:
    shelf = open_store(f"sqlite:///{Path(tmp_path_factory.mktemp('desk')) / 'desk.db'}").factchecks
    shelf.import_reviews(REVIEWS, None)
    return shelf.index(None)


def _scores(text: str, index: FactCheckIndex) -> dict[str, float]:
    found = match_fact_checks((ClaimSentence(text, 0, len(text)),), index, threshold=0.0)
    return {f.url: f.score for f in found}


def test_an_embedded_post_is_compared_with_the_claims_by_its_words_alone(index: FactCheckIndex) -> None:
    # The byline's name, handle and date dilute the post's words and vector: the post scores
    # against the checked claim as its words alone do.
    with_byline, alone = _scores(POST, index), _scores(WORDS, index)
    assert max(with_byline, key=with_byline.__getitem__) == "https://checks.example/library"
    assert with_byline["https://checks.example/library"] == alone["https://checks.example/library"]


def test_the_byline_still_goes_into_the_search(index: FactCheckIndex) -> None:
    # Who posted and when help find the fact-check (a politician's own words, a claim checked in
    # the month it spread): the search is asked with them.
    asked = Asked(index)
    _scores(POST, asked)
    assert asked.queries == [query_text(POST)]
    assert "Harriet Vance" in asked.queries[0] and "2021" in asked.queries[0]


def test_statement_text_drops_every_byline_and_nothing_else() -> None:
    thread = ("Our library is being sold. — Ann Lee (@annlee) May 2, 2022 Not true, the vote is next "
              "week. — Town Hall (@TownHall) May 2, 2022")
    assert statement_text(thread) == "Our library is being sold. Not true, the vote is next week."
    # a dash and parentheses in a reporter's sentence are no byline
    sentence = "The plan — first floated in March 2021 (by the mayor) — was dropped on Monday."
    assert statement_text(sentence) == query_text(sentence) == sentence
