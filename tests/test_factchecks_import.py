"""Reading published fact-checks: every format from a real file, malformed entries counted, bad feeds
refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.errors import CheckError, NotAFactCheckFeed
from checks.factchecks import ClaimReview, parse_feed

FEEDS = Path(__file__).resolve().parent / "factchecks"
PAGE_URL = "https://harbourcheck.example/fact-checks/waterfront-sale"


def read(name: str, base_url: str | None = None) -> tuple[list[ClaimReview], int]:
    feed = parse_feed((FEEDS / name).read_bytes(), name=name, base_url=base_url)
    return list(feed.reviews), feed.skipped


def test_one_claimreview_object_keeps_every_field_and_the_rating_as_written() -> None:
    [review], skipped = read("claimreview.json")
    assert skipped == 0
    assert review == ClaimReview(
        url="https://www.dairyfacts.example/checks/2025/03/canada-270-percent-dairy-tariff",
        claim="Canada charges a 270 percent tariff on all U.S. dairy products.", rating="Misleading",
        publisher="Dairy Facts Desk", publisher_site="dairyfacts.example", review_date="2025-03-02",
        claimant="Jordan Hale", claim_date="2025-02-27", language="en",
        title="No, Canada does not charge a 270% tariff on all U.S. dairy")


def test_a_graph_yields_its_claimreviews_and_counts_the_one_without_a_rating() -> None:
    reviews, skipped = read("graph.jsonld")
    assert [r.rating for r in reviews] == ["Pants on Fire!", "Mostly False"]  # verbatim, '!' and all
    assert skipped == 1
    assert reviews[0].review_date == "2024-03-14"  # "March 14, 2024"
    assert reviews[0].claimant == "Coalition for Quiet Skies" and reviews[0].claim_date == "2024-03-01"


def test_a_list_skips_the_review_without_a_url_and_reads_an_rfc_2822_date() -> None:
    reviews, skipped = read("list.json")
    assert skipped == 1
    assert [r.url for r in reviews] == ["https://verify.example/2023/11/08/vaccine-microchips",
                                        "https://verify.example/2023/12/01/mayor-salary"]
    assert reviews[0].language == "en"  # the Language object's code, not its name
    assert reviews[1].review_date == "2023-12-01" and reviews[1].rating == "Half true"


def test_a_datacommons_feed_counts_an_entry_without_a_claim_and_an_empty_item() -> None:
    reviews, skipped = read("datacommons.json")
    assert skipped == 2
    assert [r.rating for r in reviews] == ["Fake", "Missing Context"]
    assert reviews[0].review_date == "2020-03-20" and reviews[0].claim_date == "2020-03-18"
    assert reviews[0].claimant == "Viral WhatsApp message"


def test_a_fact_check_tools_response_gives_one_review_per_publisher() -> None:
    reviews, skipped = read("google_claims_search.json")
    assert skipped == 1  # the claim that no one reviewed
    assert [(r.publisher, r.publisher_site, r.rating, r.language) for r in reviews] == [
        ("PolitiFact", "politifact.com", "Half True", "en"),
        ("AFP Factuel", "factuel.afp.example", "Trompeur", "fr")]
    assert {r.claim for r in reviews} == {"Canada has a 270% tariff on American dairy"}
    assert reviews[0].claimant == "Donald Trump" and reviews[0].claim_date == "2025-03-07"
    assert reviews[0].review_date == "2025-03-07"


def test_a_csv_reads_quoted_cells_and_day_formats_and_skips_the_row_without_a_link() -> None:
    reviews, skipped = read("factchecks.csv")
    assert skipped == 1
    assert [r.review_date for r in reviews] == ["2024-09-12", "2024-09-30", "2024-10-05"]
    assert reviews[1].claim == "The province cut 3,000 nursing jobs since 2022."
    assert reviews[2].claim == 'Ferry service to Digby ends in 2025, "for good".'
    assert reviews[0].publisher == "Atlantic Check" and reviews[0].rating == "Mostly false"


def test_a_semicolon_csv_from_a_spreadsheet_reads_too() -> None:
    raw = "claim;rating;publisher;url;date\r\nThe bridge is unsafe;False;Desk;https://x.example/a;02.03.2025\r\n"
    [review] = parse_feed(raw.encode("cp1252")).reviews
    assert (review.claim, review.rating, review.review_date) == ("The bridge is unsafe", "False", None)


def test_a_fact_checkers_page_gives_its_claimreview_with_the_page_address() -> None:
    [review], skipped = read("factcheck_page.html", base_url=PAGE_URL)
    assert skipped == 0
    assert review.url == PAGE_URL and review.rating == "False"
    assert review.claim.startswith("The port authority secretly sold the entire waterfront")
    assert (review.publisher, review.publisher_site) == ("Harbour Check", "harbourcheck.example")
    assert review.review_date == "2025-12-06" and review.claimant == "Councillor Dana Pruitt"


def test_a_page_read_from_a_file_has_no_address_for_its_review() -> None:
    reviews, skipped = read("factcheck_page.html")
    assert reviews == [] and skipped == 1


@pytest.mark.parametrize(("name", "says"), [
    ("truncated.json", "truncated.json is not valid JSON: it breaks off or is damaged at line 4"),
    ("news_article.json", "news_article.json is JSON but holds no ClaimReview"),
    ("empty.csv", "empty.csv is empty"),
    ("missing_columns.csv", "missing_columns.csv is a CSV without the columns claim, rating, url"),
    ("factchecks.pdf", "factchecks.pdf is a PDF, not a fact-check feed"),
])
def test_a_feed_in_no_known_format_is_one_clear_line(name: str, says: str) -> None:
    with pytest.raises(NotAFactCheckFeed) as caught:
        parse_feed((FEEDS / name).read_bytes(), name=name)
    message = str(caught.value)
    assert message.startswith(says) and "\n" not in message
    assert isinstance(caught.value, CheckError)


def test_pasted_prose_and_a_page_without_claimreview_are_refused() -> None:
    with pytest.raises(NotAFactCheckFeed, match="is not a fact-check feed"):
        parse_feed(b"The harbour authority postponed a vote on Thursday, residents said.\nMore text.")
    with pytest.raises(NotAFactCheckFeed, match="web page without ClaimReview markup"):
        parse_feed(b"<html><head><title>News</title></head><body><p>Story</p></body></html>")


def test_a_csv_with_only_its_header_is_an_empty_feed_not_an_error() -> None:
    feed = parse_feed(b"claim,rating,publisher,url,date\n")
    assert feed.reviews == () and feed.skipped == 0


def test_a_relative_review_url_is_resolved_against_the_page_and_other_schemes_are_skipped() -> None:
    page = (b'<script type="application/ld+json">[{"@type": "ClaimReview", "url": "/checks/1", '
            b'"claimReviewed": "A", "reviewRating": {"alternateName": "False"}}, {"@type": "ClaimReview", '
            b'"url": "javascript:alert(1)", "claimReviewed": "B", "textualRating": "True"}]</script>')
    feed = parse_feed(page, base_url="https://checks.example/list")
    assert [r.url for r in feed.reviews] == ["https://checks.example/checks/1"] and feed.skipped == 1


def test_a_url_too_long_to_be_a_key_is_a_skipped_entry() -> None:
    entry = {"@type": "ClaimReview", "claimReviewed": "A", "textualRating": "False"}
    feed = parse_feed(json.dumps([entry | {"url": "https://checks.example/" + "é" * 1000},
                                  entry | {"url": "https://checks.example/ok"}]).encode())
    assert [r.url for r in feed.reviews] == ["https://checks.example/ok"] and feed.skipped == 1
