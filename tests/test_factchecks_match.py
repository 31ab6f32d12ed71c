"""Matching a story against published fact-checks: the sentences, the offline model, the re-ranking."""

from __future__ import annotations

import json
import math
import socket
import sys
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pytest

from checks.engine import check_text
from checks.factchecks import ClaimReview, FactCheckHit, FactCheckIndex, claim_sentences, match_fact_checks
from checks.factchecks import embed as embed_module
from checks.factchecks.match import (
    THRESHOLD,
    content_words,
    order_features,
    pair_features,
    query_text,
    rank_candidates,
    rank_order,
)
from checks.factchecks.terms import analyse
from checks.models import ClaimSentence, FactCheck, Report
from checks.nlp import parse

REVIEWS = [
    ClaimReview(url="https://factcheck.example/dairy-tariff", rating="Misleading", publisher="FactCheck Desk",
                review_date="2025-03-02",
                claim="Canada charges a 270 percent tariff on all dairy products imported from the "
                      "United States."),
    ClaimReview(url="https://factcheck.example/windmills", rating="False", publisher="Verify Team",
                review_date="2024-11-18",
                claim="Noise from wind turbines causes cancer in people living nearby."),
    ClaimReview(url="https://factcheck.example/moon", rating="False", publisher="Verify Team",
                review_date="2023-07-20", claim="The 1969 Moon landing was filmed in a Hollywood studio."),
    ClaimReview(url="https://factcheck.example/vaccine-chips", rating="Pants on Fire",
                publisher="Truth-O-Meter",
                review_date="2021-05-04", claim="COVID-19 vaccines contain microchips that track people."),
    ClaimReview(url="https://factcheck.example/bridge", rating="Mostly True", publisher="Harbour Checks",
                review_date="2025-01-09", claim="The Lions Gate Bridge toll was removed in 1963."),
    ClaimReview(url="https://factcheck.example/dairy-price", rating="True", publisher="FactCheck Desk",
                review_date="2024-02-02", claim="Milk prices in Canada rose 10 percent in 2023."),
]

ARTICLE = """Ottawa defends dairy rules as Washington cries foul

OTTAWA — Canada imposes a 270% tax on every US dairy import, the White House said on Monday.
"It's not a fair deal for American farmers," said press secretary Jane Holt.
Trade Minister Mark Carney said the supply management system protects family farms.
Read more.
The talks resume in March, officials said.
"""

UNRELATED = """Harbour festival draws record crowds

Thousands of visitors filled the waterfront on Saturday for the annual lantern parade.
Organisers said the weather held until the fireworks ended just before midnight.
"""


class MemoryIndex:
    """A small Okapi BM25 (k1=1.2, b=0.75) over the claims: the FactCheckIndex protocol in memory."""

    def __init__(self, reviews: list[ClaimReview]) -> None:
        self.reviews = reviews
        self.docs = [Counter(analyse(r.claim)) for r in reviews]
        self.avg = sum(sum(d.values()) for d in self.docs) / len(self.docs)
        self.queries: list[str] = []
        self.batches: list[list[str]] = []

    def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
        self.batches.append(list(queries))
        return [self.search(query, limit) for query in queries]

    def search(self, query: str, limit: int) -> list[FactCheckHit]:
        self.queries.append(query)
        n, scored = len(self.docs), []
        for review, doc in zip(self.reviews, self.docs, strict=True):
            length, score = sum(doc.values()), 0.0
            for term in set(analyse(query)):
                df = sum(term in d for d in self.docs)
                if doc[term]:
                    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                    score += idf * doc[term] * 2.2 / (doc[term] + 1.2 * (0.25 + 0.75 * length / self.avg))
            if score > 0:
                scored.append(FactCheckHit(review, score))
        return sorted(scored, key=lambda h: -h.score)[:limit]


class OneByOne:
    """An index asked sentence by sentence, as checks were before search_many: the reference."""

    def __init__(self, index: FactCheckIndex) -> None:
        self.index = index

    def search(self, query: str, limit: int) -> list[FactCheckHit]:
        return self.index.search(query, limit)

    def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
        return [self.index.search(query, limit) for query in queries]


@pytest.fixture(scope="module")
def article_sentences() -> tuple[ClaimSentence, ...]:
    return claim_sentences(next(parse([ARTICLE])), check_text(ARTICLE))


def test_the_model_loads_from_the_installed_wheel_without_touching_the_network(monkeypatch):
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost") and self.family != socket.AF_UNIX:
            attempts.append(address)
            raise OSError(f"network blocked in this test: {address}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")  # even allowed to, it must not try
    embed_module.load_embedder.cache_clear()
    model = embed_module.load_embedder()
    vectors = model.embed(["Canada taxes US dairy imports at 270 percent.",
                           "Canada charges a 270 percent tariff on American dairy.",
                           "The harbour festival ended with fireworks."])
    assert attempts == []
    assert vectors.shape == (3, embed_module.EMBEDDING_DIM)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
    # wordllama's own loader (which downloads, and configures the root logger) is never imported
    assert "wordllama.wordllama" not in sys.modules and "wordllama.inference" not in sys.modules


def test_an_empty_text_embeds_as_a_zero_row():
    vectors = embed_module.load_embedder().embed(["", "dairy"])
    assert not vectors[0].any() and math.isclose(float(vectors[1] @ vectors[1]), 1.0, rel_tol=1e-5)


def test_a_post_reads_as_words_without_links_handles_or_tags():
    post = ("JoeBiden lives in the biggest mansion #AustralianFires @realDonaldTrump https://t.co/x1 "
            "pic.twitter.com/y2")
    assert query_text(post) == "Joe Biden lives in the biggest mansion Australian Fires real Donald Trump"


def test_the_reranking_counts_the_words_the_search_matched():
    # one analyser for the index, the query and the overlap features: "tariffs" in a sentence is
    # "tariff" in the claim for all three
    assert analyse("The knives and the mansions; Canada's policies") == ["kniv", "mansion", "canada",
                                                                        "policy"]
    assert content_words("Canada charged tariffs") == content_words("a tariff Canada charges")


def test_claim_sentences_are_the_headline_quotes_and_claims_with_exact_offsets(article_sentences):
    texts = [s.text for s in article_sentences]
    assert texts[0] == "Ottawa defends dairy rules as Washington cries foul"
    assert any("270%" in t for t in texts)
    assert any("It's not a fair deal" in t for t in texts)
    assert "Read more." not in texts
    for sentence in article_sentences:
        assert sentence.start is not None and sentence.end is not None
        assert ARTICLE[sentence.start:sentence.end] == sentence.text
    assert [s.start for s in article_sentences] == sorted(s.start or 0 for s in article_sentences)


def test_claim_sentences_keep_the_likeliest_under_the_limit():
    doc = next(parse([ARTICLE]))
    picked = claim_sentences(doc, check_text(ARTICLE), limit=2)
    assert len(picked) == 2
    assert picked[0].text.startswith("Ottawa defends")  # the headline always comes first


def test_a_headline_from_the_page_metadata_has_no_offsets():
    text = "Canada imposes a 270% tax on every US dairy import, the White House said on Monday."
    report = Report.from_dict({"article": {"title": "A headline the text does not repeat"}})
    picked = claim_sentences(next(parse([text])), report)
    assert picked[0] == ClaimSentence("A headline the text does not repeat", None, None)


def test_a_story_repeating_a_checked_claim_in_other_words_finds_the_fact_check(article_sentences):
    # A loose paraphrase (tax for tariff, every US import for all products from the United States)
    # scores under the default bar, which is set against false matches on news: asked with a lower
    # one, the matcher still ranks the right fact-check first.
    found = match_fact_checks(article_sentences, MemoryIndex(REVIEWS), threshold=0.5)
    assert found, "the dairy tariff fact-check should match"
    best = found[0]
    assert best.url == "https://factcheck.example/dairy-tariff"
    assert (best.rating, best.publisher, best.date) == ("Misleading", "FactCheck Desk", "2025-03-02")
    assert "270%" in best.sentence.text and 0.5 <= best.score < THRESHOLD
    assert len({f.url for f in found}) == len(found)  # one entry per fact-check, its best sentence
    assert [f.score for f in found] == sorted((f.score for f in found), reverse=True)


def test_an_unrelated_story_matches_nothing():
    sentences = claim_sentences(next(parse([UNRELATED])), check_text(UNRELATED))
    assert sentences
    assert match_fact_checks(sentences, MemoryIndex(REVIEWS)) == ()


def test_without_candidates_the_model_is_not_needed():
    class Empty:
        def search(self, query: str, limit: int) -> list[FactCheckHit]:
            return []

        def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
            return [[] for _ in queries]

    class Unusable:
        def embed(self, texts: list[str]) -> object:
            raise AssertionError("no candidates, nothing to embed")

    sentences = (ClaimSentence("Canada charges a tariff on dairy.", 0, 33),)
    assert match_fact_checks(sentences, Empty(), embedder=Unusable()) == ()  # type: ignore[arg-type]


def test_the_lexical_stage_is_asked_once_for_the_candidates_of_every_sentence(article_sentences):
    index = MemoryIndex(REVIEWS)
    wordless = ClaimSentence("It was so.", 0, 10)  # stop words only: nothing to search for
    found = match_fact_checks((wordless, *article_sentences), index, candidates=3, threshold=0.0)
    assert index.batches == [[query_text(s.text) for s in article_sentences]]
    assert found == match_fact_checks(article_sentences, OneByOne(MemoryIndex(REVIEWS)), candidates=3,
                                      threshold=0.0)


def test_a_checks_sentences_searched_together_in_sqlite_match_as_searched_one_by_one(article_sentences,
                                                                                       tmp_path):
    from storage import open_store

    shelf = open_store(f"sqlite:///{tmp_path / 'desk.db'}").factchecks
    shelf.import_reviews(REVIEWS, None)
    index = shelf.index("T024")
    together = match_fact_checks(article_sentences, index, threshold=0.0)
    assert together and together[0].url == "https://factcheck.example/dairy-tariff"
    assert together == match_fact_checks(article_sentences, OneByOne(index), threshold=0.0)


def test_a_higher_threshold_keeps_fewer(article_sentences):
    index = MemoryIndex(REVIEWS)
    assert len(match_fact_checks(article_sentences, index, threshold=0.999)) <= len(
        match_fact_checks(article_sentences, index, threshold=0.0))
    assert len(match_fact_checks(article_sentences, index, threshold=0.0, limit=2)) == 2


def test_fact_checks_go_into_the_report_contract_and_back():
    sentence = ClaimSentence("Canada imposes a 270% tax.", 120, 146)
    check = FactCheck(claim="Canada charges a 270 percent tariff on all US dairy.", rating="Misleading",
                      publisher="FactCheck Desk", url="https://factcheck.example/dairy-tariff",
                      date="2025-03-02", score=0.83, sentence=sentence)
    data = json.loads(json.dumps(Report(fact_checks=(check,)).to_dict()))
    assert data["fact_checks"] == [{"claim": check.claim, "rating": "Misleading",
                                    "publisher": "FactCheck Desk", "url": check.url, "date": "2025-03-02",
                                    "score": 0.83,
                                    "sentence": {"text": sentence.text, "start": 120, "end": 146}}]
    assert Report.from_dict(data).fact_checks == (check,)
    assert Report().to_dict()["fact_checks"] == []


def test_the_order_weighs_meaning_over_a_slightly_higher_lexical_score():
    # Two candidates the index scored almost alike: the one whose claim and title read like the
    # sentence (higher cosines) goes first, though the index ranked it second.
    lexical = [10.0, 9.6]
    rows = [pair_features("tax on fuel rises", "fuel tax rises", 0.20),
            pair_features("tax on fuel rises", "fuel duty goes up", 0.85)]
    features = order_features(lexical, rows, [0.1, 0.8])
    assert features[1][-2:] == [0.85, 0.8]
    assert rank_order(features) == [1, 0]
    # With equal meaning, the lexical order stands.
    same = order_features(lexical, [rows[0], rows[0]], [0.1, 0.1])
    assert rank_order(same) == [0, 1]


def test_a_review_without_a_title_is_ranked_on_its_claim_alone():
    hits = [FactCheckHit(ClaimReview(url=f"https://checks.example/{n}", claim=claim, rating="False",
                                     title=title), score)
            for n, (claim, title, score) in enumerate([
                ("The bridge was closed for ten years", None, 5.0),
                ("The bridge was closed for a decade", "Was the bridge shut for a decade?", 4.9)])]
    query = np.ones(4, dtype=np.float32) / 2
    claims = np.array([[0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]], dtype=np.float32)
    titles = np.array([[0.0, 0.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5]], dtype=np.float32)
    ranked = rank_candidates("bridge closed decade", hits, query, claims, titles)
    assert [h.review.url for h, _ in ranked] == ["https://checks.example/1", "https://checks.example/0"]
    assert ranked[0][1] >= ranked[1][1]
