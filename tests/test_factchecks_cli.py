"""`deskcheck factchecks` end to end: real feed files, a fact-checker's page on 127.0.0.1, a real database."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.loopback import serving

from bot.cli import main
from bot.settings import get_settings

FEEDS = Path(__file__).resolve().parent / "factchecks"
PAGE = "/fact-checks/waterfront-sale"
ROUTES = {  # path: (file, Content-Type), as a fact-checking site serves them
    PAGE: ("factcheck_page.html", "text/html; charset=utf-8"),
    "/feeds/datacommons.json": ("datacommons.json", "text/plain; charset=utf-8"),
    "/downloads/factchecks.pdf": ("factchecks.pdf", "application/pdf"),
    "/about": ("news_article.json", "text/html; charset=utf-8"),
}


class _FactCheckSite(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        name, content_type = ROUTES.get(self.path, (None, "text/html"))
        body = (FEEDS / name).read_bytes() if name else b"<html><body><h1>Not found</h1></body></html>"
        self.send_response(200 if name else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    # quiet: the fetcher hangs up once it has what it needs (a 404's status, a feed over the limit)
    with serving(_FactCheckSite, quiet=True) as base:
        yield base


@pytest.fixture()
def database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The CLI's DATABASE_URL is a fresh database; loopback links are allowed, as on an intranet."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("DESKCHECK_ALLOW_PRIVATE_URLS", "1")
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def count(capsys: pytest.CaptureFixture[str], *workspace: str) -> str:
    code, out, _ = cli(capsys, "factchecks", "count", *workspace)
    assert code == 0
    return out.strip()


def test_an_import_prints_its_summary_and_a_reimport_updates(database: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    feed = str(FEEDS / "graph.jsonld")
    assert cli(capsys, "factchecks", "import", feed) == (
        0, "fact-checks: 2 imported, 0 updated, 1 skipped\n", "")
    assert cli(capsys, "factchecks", "import", feed) == (
        0, "fact-checks: 0 imported, 2 updated, 1 skipped\n", "")
    assert count(capsys) == "2 fact-checks in the shared corpus"


@pytest.mark.parametrize(("name", "summary"), [
    ("claimreview.json", "1 imported, 0 updated, 0 skipped"),
    ("list.json", "2 imported, 0 updated, 1 skipped"),
    ("datacommons.json", "2 imported, 0 updated, 2 skipped"),
    ("google_claims_search.json", "2 imported, 0 updated, 1 skipped"),
    ("factchecks.csv", "3 imported, 0 updated, 1 skipped"),
])
def test_every_format_imports_from_a_file(name: str, summary: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/formats.db")
    get_settings.cache_clear()
    try:
        assert cli(capsys, "factchecks", "import", str(FEEDS / name)) == (0, f"fact-checks: {summary}\n", "")
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize(("name", "says"), [
    ("truncated.json", "truncated.json is not valid JSON"),
    ("news_article.json", "news_article.json is JSON but holds no ClaimReview"),
    ("empty.csv", "empty.csv is empty"),
    ("missing_columns.csv", "missing_columns.csv is a CSV without the columns claim, rating, url"),
    ("factchecks.pdf", "factchecks.pdf is a PDF, not a fact-check feed"),
    ("no-such-feed.json", "no-such-feed.json: no such file"),
])
def test_a_bad_feed_is_one_line_exit_2_and_nothing_written(name: str, says: str, database: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "factchecks", "import", str(FEEDS / name))
    assert (code, out) == (2, "")
    assert err.startswith("deskcheck: ") and says in err and err.count("\n") == 1
    assert count(capsys) == "0 fact-checks in the shared corpus"


def test_a_fact_checkers_page_imports_by_url_over_http(database: str, site: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "factchecks", "import", site + PAGE)[:2] == (
        0, "fact-checks: 1 imported, 0 updated, 0 skipped\n")
    code, out, _ = cli(capsys, "factchecks", "search", "--json",
                       "Was the waterfront sold to foreign investors?")
    [match] = json.loads(out)["matches"]
    assert code == 0 and match["url"] == site + PAGE  # the page's own address: its markup gives none
    assert (match["rating"], match["publisher"], match["date"]) == ("False", "Harbour Check", "2025-12-06")
    assert cli(capsys, "factchecks", "import", site + "/feeds/datacommons.json")[1] == (
        "fact-checks: 2 imported, 0 updated, 2 skipped\n")


@pytest.mark.parametrize(("path", "says"), [
    ("/downloads/factchecks.pdf", "the link is a PDF"),
    ("/about", "is JSON but holds no ClaimReview"),
    ("/gone", "404"),
])
def test_a_link_that_is_no_feed_is_one_line_exit_2(path: str, says: str, database: str, site: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "factchecks", "import", site + path)
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1
    assert count(capsys) == "0 fact-checks in the shared corpus"


def test_a_loopback_link_is_refused_unless_private_links_are_allowed(
        database: str, site: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKCHECK_ALLOW_PRIVATE_URLS", "0")
    get_settings.cache_clear()
    code, out, err = cli(capsys, "factchecks", "import", site + PAGE)
    assert (code, out) == (2, "") and err.startswith("deskcheck: ") and err.count("\n") == 1
    assert count(capsys) == "0 fact-checks in the shared corpus"


def test_search_ranks_a_reworded_claim_first_and_honours_top(database: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("claimreview.json", "google_claims_search.json", "factchecks.csv", "graph.jsonld"):
        assert cli(capsys, "factchecks", "import", str(FEEDS / name))[0] == 0
    code, out, _ = cli(capsys, "factchecks", "search", "--top", "2", "--json",
                       "Ottawa slaps a 270% tariff on every American dairy product")
    result = json.loads(out)
    assert code == 0 and len(result["matches"]) == 2
    assert result["matches"][0]["url"].startswith("https://www.dairyfacts.example/")
    assert set(result["matches"][0]) == {"url", "claim", "rating", "publisher", "date", "score"}
    code, out, _ = cli(capsys, "factchecks", "search", "wind turbines and cancer")
    assert code == 0 and out.splitlines()[0].endswith(
        "'Noise from wind turbines causes cancer in nearby residents.' rated Pants on Fire! by Checkpoint, "
        "2024-03-14")
    nothing = "no matching fact-checks in the shared corpus\n"
    assert cli(capsys, "factchecks", "search", "zeppelin")[1] == nothing


def test_a_jsonl_batch_answers_every_line_in_order(database: str, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "factchecks", "import", str(FEEDS / "factchecks.csv"))
    lines = [{"id": "t3", "text": "Digby ferry service ends for good"},
             {"id": 7, "text": "nothing here matches"},
             {"id": None, "text": "Halifax bridge toll highest in the country"}]
    batch = "\n".join(json.dumps(line) for line in lines) + "\n\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(batch))
    code, out, _ = cli(capsys, "factchecks", "search", "--jsonl", "-")
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [a["id"] for a in answers] == ["t3", 7, None]
    assert answers[0]["matches"][0]["url"] == "https://atlanticcheck.example/2024/digby-ferry"
    assert answers[1]["matches"] == []
    assert answers[2]["matches"][0]["url"] == "https://atlanticcheck.example/2024/bridge-toll"


def test_a_jsonl_batch_with_a_bad_line_answers_nothing(database: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": 1, "text": "bridge toll"}\n{"id": 2, "txt": "oops"}\n', encoding="utf-8")
    code, out, err = cli(capsys, "factchecks", "search", "--jsonl", str(batch))
    assert (code, out) == (2, "")
    assert err == 'deskcheck: line 2 of the batch is not a JSON object with a "text" string\n'


def test_a_workspaces_import_is_its_own(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "factchecks", "import", str(FEEDS / "graph.jsonld"))
    assert cli(capsys, "factchecks", "import", "--workspace", "T024", str(FEEDS / "claimreview.json"))[1] == (
        "fact-checks: 1 imported, 0 updated, 0 skipped\n")
    query = ("factchecks", "search", "--json", "dairy tariff")
    assert json.loads(cli(capsys, *query)[1])["matches"] == []
    assert json.loads(cli(capsys, *query, "--workspace", "G998")[1])["matches"] == []
    assert len(json.loads(cli(capsys, *query, "--workspace", "T024")[1])["matches"]) == 1
    assert count(capsys, "--workspace", "T024") == "3 fact-checks in workspace 'T024' (2 shared, 1 its own)"
    code, out, _ = cli(capsys, "factchecks", "list", "--json", "--workspace", "T024")
    listed = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(listed) == 3 and {r["rating"] for r in listed} >= {"Misleading", "Mostly False"}
    code, out, _ = cli(capsys, "factchecks", "list", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 1 and "checkpoint.example/fact-check/" in out
    assert cli(capsys, "factchecks", "import", "--workspace", "@reference", str(FEEDS / "list.json"))[0] == 2


def test_an_empty_database_lists_nothing_and_says_so(database: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "factchecks", "list") == (0, "no fact-checks in the shared corpus\n", "")
