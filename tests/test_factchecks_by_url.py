"""`deskcheck factchecks import URL` reads feeds served as JSON, JSON-LD and CSV over real HTTP on 127.0.0.1,
within the feed size limit; a checked article link that serves JSON stays refused."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterator
from functools import cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.loopback import serving

from bot.cli import main
from bot.settings import get_settings
from checks.links.fetch import (
    FEED_MAX_BYTES,
    FetchLimits,
    NotAnArticle,
    PrivateAddress,
    TooLarge,
    fetch_feed,
    fetch_page,
)

FEEDS = Path(__file__).resolve().parent / "factchecks"
ROUTES = {  # path: (file in tests/factchecks, Content-Type), as feed publishers serve them
    "/feeds/claimreview.json": ("claimreview.json", "application/json"),
    "/feeds/graph.jsonld": ("graph.jsonld", "application/ld+json; charset=utf-8"),
    "/feeds/datacommons.json": ("datacommons.json", "application/json; charset=utf-8"),
    "/v1alpha1/claims:search": ("google_claims_search.json", "application/json; charset=UTF-8"),
    "/exports/factchecks.csv": ("factchecks.csv", "text/csv; charset=utf-8"),
    "/feeds/about.json": ("news_article.json", "application/json"),
    "/downloads/factchecks.pdf": ("factchecks.pdf", "application/pdf"),
}
REDIRECTS = {  # path: where it sends the fetcher
    "/latest.json": "/feeds/claimreview.json",
    "/mirror.json": "http://169.254.169.254/latest/meta-data/",  # the cloud metadata service
}
SIZED = {  # path: (bytes of the feed, whether the response announces its length)
    "/feeds/larger-than-an-article.json": (FEED_MAX_BYTES // 3, True),
    "/feeds/too-large.json": (FEED_MAX_BYTES + 1_000_000, True),
    "/feeds/too-large-unannounced.json": (FEED_MAX_BYTES + 1_000_000, False),
}
Capture = pytest.CaptureFixture[str]
# An invented review's padding: a feed grows past a size by its reviews' bodies, which the import ignores.
BODY_CHARS = 100_000


@cache
def padded_feed(size: int) -> bytes:
    """A valid ClaimReview list of at least `size` bytes, of invented reviews."""
    reviews = []
    for n in range(size // BODY_CHARS + 1):
        reviews.append({
            "@type": "ClaimReview", "url": f"https://harbourcheck.example/checks/{n}",
            "claimReviewed": f"The harbour ferry number {n} carries twice as many riders as last year.",
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
            "author": {"@type": "Organization", "name": "Harbour Check"},
            "datePublished": "2026-01-15", "reviewBody": "The ferry logs say otherwise. " * 3_334})
    return json.dumps(reviews).encode("utf-8")


class _FeedSite(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        if self.path in SIZED:
            size, announced = SIZED[self.path]
            return self.send(padded_feed(size), "application/json", announced)
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.send_header("Content-Length", "0")
            return self.end_headers()
        name, content_type = ROUTES.get(self.path, (None, "text/html"))
        if name is None:
            return self.send(b"<html><body><h1>Not found</h1></body></html>", "text/html", True, status=404)
        return self.send((FEEDS / name).read_bytes(), content_type, True)

    def send(self, body: bytes, content_type: str, announced: bool, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if announced:
            self.send_header("Content-Length", str(len(body)))
        else:  # no length: the body ends when the connection closes
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    # quiet: the fetcher hangs up once it has what it needs (a 404's status, a feed over the limit)
    with serving(_FeedSite, quiet=True) as base:
        yield base


@pytest.fixture()
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh SQLite database for the CLI; loopback links allowed, as on an intranet."""
    url = f"sqlite:///{tmp_path}/feeds.db"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DESKCHECK_ALLOW_PRIVATE_URLS", "1")
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def cli(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def shared_count(capsys: Capture) -> str:
    code, out, _ = cli(capsys, "factchecks", "count")
    assert code == 0
    return out.strip()


@pytest.mark.parametrize(("path", "summary"), [
    ("/feeds/claimreview.json", "1 imported, 0 updated, 0 skipped"),
    ("/feeds/graph.jsonld", "2 imported, 0 updated, 1 skipped"),
    ("/feeds/datacommons.json", "2 imported, 0 updated, 2 skipped"),
    ("/v1alpha1/claims:search", "2 imported, 0 updated, 1 skipped"),
    ("/exports/factchecks.csv", "3 imported, 0 updated, 1 skipped"),
])
def test_a_feed_served_as_json_json_ld_or_csv_imports_by_url(path: str, summary: str, database: str,
                                                             site: str, capsys: Capture) -> None:
    assert cli(capsys, "factchecks", "import", site + path) == (0, f"fact-checks: {summary}\n", "")


def test_a_json_feed_by_url_is_searchable_and_a_second_import_updates(database: str, site: str,
                                                                      capsys: Capture) -> None:
    feed = site + "/feeds/claimreview.json"
    assert cli(capsys, "factchecks", "import", feed)[1] == "fact-checks: 1 imported, 0 updated, 0 skipped\n"
    assert cli(capsys, "factchecks", "import", feed)[1] == "fact-checks: 0 imported, 1 updated, 0 skipped\n"
    code, out, _ = cli(capsys, "factchecks", "search", "--json", "a 270 percent tariff on U.S. dairy")
    [match] = json.loads(out)["matches"]
    assert code == 0 and (match["rating"], match["publisher"]) == ("Misleading", "Dairy Facts Desk")
    # the review's own URL is the key, not the feed's address
    assert match["url"] == "https://www.dairyfacts.example/checks/2025/03/canada-270-percent-dairy-tariff"


def test_a_feed_larger_than_an_article_but_within_the_feed_limit_imports(
        database: str, site: str, capsys: Capture) -> None:
    reviews = len(json.loads(padded_feed(FEED_MAX_BYTES // 3)))
    assert len(padded_feed(FEED_MAX_BYTES // 3)) > FetchLimits().max_bytes  # an article link would refuse it
    assert cli(capsys, "factchecks", "import", site + "/feeds/larger-than-an-article.json") == (
        0, f"fact-checks: {reviews} imported, 0 updated, 0 skipped\n", "")


@pytest.mark.parametrize("path", ["/feeds/too-large.json", "/feeds/too-large-unannounced.json"])
def test_a_feed_over_the_limit_is_one_line_exit_2_and_nothing_written(path: str, database: str, site: str,
                                                                      capsys: Capture) -> None:
    code, out, err = cli(capsys, "factchecks", "import", site + path)
    assert (code, out) == (2, "")
    assert err == (f"deskcheck: the feed is larger than {FEED_MAX_BYTES // 1_000_000} MB, deskcheck's limit; "
                   "download it and import the file instead\n")
    assert shared_count(capsys) == "0 fact-checks in the shared corpus"


def test_json_that_holds_no_claimreview_by_url_is_one_line_and_nothing_written(
        database: str, site: str, capsys: Capture) -> None:
    code, out, err = cli(capsys, "factchecks", "import", site + "/feeds/about.json")
    assert (code, out) == (2, "") and "is JSON but holds no ClaimReview" in err and err.count("\n") == 1
    assert shared_count(capsys) == "0 fact-checks in the shared corpus"


def test_a_json_feed_on_a_private_address_is_refused_without_the_allow_setting(
        database: str, site: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    monkeypatch.setenv("DESKCHECK_ALLOW_PRIVATE_URLS", "0")
    get_settings.cache_clear()
    code, out, err = cli(capsys, "factchecks", "import", site + "/feeds/datacommons.json")
    assert (code, out) == (2, "")
    assert err.startswith("deskcheck: 127.0.0.1 leads to ") and "not to a public website" in err
    assert err.count("\n") == 1
    assert shared_count(capsys) == "0 fact-checks in the shared corpus"


def test_the_allowed_networks_setting_opens_loopback_to_a_feed_import(
        database: str, site: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    monkeypatch.setenv("DESKCHECK_ALLOW_PRIVATE_URLS", "0")
    monkeypatch.setenv("DESKCHECK_ALLOWED_NETWORKS", "127.0.0.1")
    get_settings.cache_clear()
    assert cli(capsys, "factchecks", "import", site + "/feeds/claimreview.json")[:2] == (
        0, "fact-checks: 1 imported, 0 updated, 0 skipped\n")


def test_fetch_feed_follows_redirects_but_not_into_a_private_network(site: str) -> None:
    loopback_only = [ipaddress.ip_network("127.0.0.1/32")]
    feed = fetch_feed(site + "/latest.json", allowed_networks=loopback_only)
    assert feed.url == site + "/feeds/claimreview.json" and feed.redirects == (site + "/latest.json",)
    assert feed.content_type == "application/json" and '"ClaimReview"' in feed.text
    with pytest.raises(PrivateAddress, match=r"169\.254\.169\.254"):
        fetch_feed(site + "/mirror.json", allowed_networks=loopback_only)


def test_fetch_feed_refuses_a_pdf_and_honours_a_smaller_limit(site: str) -> None:
    with pytest.raises(NotAnArticle, match=r"^the link is a PDF, not a fact-check feed; deskcheck reads"):
        fetch_feed(site + "/downloads/factchecks.pdf", allow_private=True)
    with pytest.raises(TooLarge, match=r"^the feed is larger than 1 MB"):
        fetch_feed(site + "/feeds/larger-than-an-article.json", allow_private=True,
                   limits=FetchLimits(max_bytes=1_000_000))


def test_an_article_link_serving_json_is_still_refused(site: str) -> None:
    with pytest.raises(NotAnArticle, match=r"^the link is not a web page deskcheck can read "
                                           r"\(it is application/json\)$"):
        fetch_page(site + "/feeds/claimreview.json", allow_private=True)
    with pytest.raises(NotAnArticle, match=r"\(it is application/ld\+json\)"):
        fetch_page(site + "/feeds/graph.jsonld", allow_private=True)
    with pytest.raises(NotAnArticle, match=r"\(it is text/csv\)"):
        fetch_page(site + "/exports/factchecks.csv", allow_private=True)


def test_deskcheck_check_on_a_link_serving_json_is_refused_as_today(database: str, site: str,
                                                                    capsys: Capture) -> None:
    code, out, err = cli(capsys, "check", "--json", site + "/feeds/claimreview.json")
    assert (code, out) == (2, "")
    assert err == "deskcheck: the link is not a web page deskcheck can read (it is application/json)\n"
