"""The report page over real HTTP on 127.0.0.1, from a real database (SQLite, and PostgreSQL when
DESKCHECK_TEST_POSTGRES_URL is set): what it shows, what it never shows, and how it answers."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from support.fake_slack import SIGNING_SECRET, FakeSlack
from support.report_page import HOSTILE, KEY, STORY, page_url, parse, serve_pages, store_story

from bot.service import Outcome, Requester
from bot.settings import Settings
from bot.slack import SlackServer, build_app
from bot.slack.server import EVENTS_PATH
from bot.web.highlight import runs
from bot.web.server import CONTENT_SECURITY_POLICY, NOT_FOUND, REFUSED, UNAVAILABLE, PageSite
from checks.models import Quote, Report
from storage import Store, open_store

WORKSPACE, OTHER = "T0FERRY", "T0RIVAL"
STRICT = {"content-security-policy": CONTENT_SECURITY_POLICY, "x-content-type-options": "nosniff",
          "referrer-policy": "no-referrer", "cache-control": "private"}


@pytest.fixture()
def store(database_url: str) -> Store:
    return open_store(database_url)


@pytest.fixture()
def served(store: Store) -> Iterator[tuple[str, int]]:
    """The page server's base URL and the stored story's item id."""
    item = store_story(store, WORKSPACE)
    with serve_pages(store) as base:
        yield base, item


def test_every_quote_is_highlighted_with_its_speaker_beside_it(served: tuple[str, int]) -> None:
    base, item = served
    answer = httpx.get(page_url(base, WORKSPACE, item))
    assert answer.status_code == 200
    page = parse(answer.text)
    # the second quote lies wholly inside the first: one highlight holds both, none is lost
    assert page.marks == ["We need another month to read the bids,",
                          "The <b>delay</b> costs the crews every week,"]
    assert page.labels == ["1 · Lena Okafor", "3 · Tom Hale <i>organiser</i>"]
    assert '<li id="quote-2">' in answer.text and 'href="#q1">in the text' in answer.text
    assert "quote 4, listed below" in answer.text and "a quote from an older version" in answer.text


def test_markup_scripts_and_script_links_from_the_article_stay_inert(served: tuple[str, int]) -> None:
    base, item = served
    html = httpx.get(page_url(base, WORKSPACE, item)).text
    page = parse(html)
    assert [tag for tag, _ in page.tags if tag in {"script", "img", "iframe", "b", "i", "em"}] == []
    assert [a for _, attrs in page.tags for a in attrs if a.startswith("on")] == []
    links = [attrs["href"] or "" for tag, attrs in page.tags if tag == "a"]
    assert links and all(h.startswith(("#", "https://")) for h in links)
    assert "https://ferrynews.example/fares" in links
    assert page.title.startswith("Ferry board delays vote </title>" + HOSTILE)  # shown as text
    assert "<code>javascript:alert(document.cookie)</code>" in html  # a script URL is text, not a link
    assert html.count("&lt;script&gt;") >= 5


def test_the_page_shows_the_article_facts_and_every_section(served: tuple[str, int]) -> None:
    base, item = served
    html = httpx.get(page_url(base, WORKSPACE, item)).text
    for shown in ("Harbour &lt;i&gt;Gazette&lt;/i&gt;", "Published <time>2025-03-05</time>", "62 words",
                  "Fact-checked before", "Misleading", "Coast Check", "What needs a look",
                  "board chair &lt;em&gt;acting&lt;/em&gt;", "A spokesperson, speaking on condition",
                  "Tuesday, March 4, 2025", "2025-03-04", "Similar articles", "52% alike",
                  "another speaker", "Checked 1 time, first", "by cli:T0FERRY/ana"):
        assert shown in html, shown


def test_the_desk_status_notes_and_assignee_show_with_the_timeline_oldest_first(
        store: Store, served: tuple[str, int]) -> None:
    base, item = served
    store.desk.set_status(WORKSPACE, item, "in_progress", by="cli:ana")
    store.desk.assign(WORKSPACE, item, "cli:ben", by="cli:ana")
    store.desk.add_note(WORKSPACE, item, "Minutes of the March meeting requested.", by="cli:ben")
    store.desk.set_status(WORKSPACE, item, "disputed", by="cli:ben", note="The board says " + HOSTILE)
    html = httpx.get(page_url(base, WORKSPACE, item)).text
    verdict = html[html.index('class="verdict'):html.index("</section>", html.index('class="verdict'))]
    assert 'status-disputed' in verdict and ">Disputed</span> by cli:ben" in verdict
    assert "Assigned to cli:ben · 2 notes" in verdict and "The board says &lt;script&gt;" in verdict
    timeline = html[html.index('<ol class="timeline">'):]
    order = [timeline.index(s) for s in ("Open → In progress", "Assigned</strong>: cli:ben",
                                         "Minutes of the March meeting", "In progress → Disputed")]
    assert order == sorted(order)
    assert "<script" not in html


def test_a_page_with_no_verdict_yet_says_so(served: tuple[str, int]) -> None:
    base, item = served
    html = httpx.get(page_url(base, WORKSPACE, item)).text
    assert "No status, note or assignment yet." in html and ">Open</span>" in html


def test_a_link_signed_for_another_workspace_never_shows_this_workspaces_item(
        store: Store, served: tuple[str, int]) -> None:
    base, item = served
    theirs = store_story(store, OTHER, text=STORY + " Their copy.")
    for url in (page_url(base, OTHER, item), page_url(base, WORKSPACE, theirs)):
        answer = httpx.get(url)
        assert (answer.status_code, answer.text) == (404, NOT_FOUND)


@pytest.mark.parametrize("kind", ["tampered", "expired", "other key", "malformed", "too long", "empty"])
def test_a_bad_link_gets_403_with_one_fixed_text_that_never_echoes_the_token(
        served: tuple[str, int], kind: str) -> None:
    base, item = served
    good = page_url(base, WORKSPACE, item)
    url = {"tampered": good[:-1] + ("A" if good[-1] != "A" else "B"),
           "expired": page_url(base, WORKSPACE, item, now=dt.datetime.now(dt.UTC) - dt.timedelta(days=31)),
           "other key": page_url(base, WORKSPACE, item, key="another key that is long enough, 32+ bytes"),
           "malformed": base + "/report/<script>alert(1)</script>",
           "too long": good + "A" * 4000,
           "empty": base + "/report/"}[kind]
    answer = httpx.get(url)
    assert (answer.status_code, answer.text) == (403, REFUSED)
    assert url.rsplit("/", 1)[1] not in answer.text or kind == "empty"
    assert {k: answer.headers.get(k) for k in STRICT} == STRICT


def test_every_answer_carries_the_strict_headers(served: tuple[str, int]) -> None:
    base, item = served
    good = page_url(base, WORKSPACE, item)
    answers = [httpx.get(good), httpx.get(base + "/report/x"), httpx.get(base + "/nothing"),
               httpx.post(good, content=b"x"), httpx.head(good)]
    assert [a.status_code for a in answers] == [200, 403, 404, 405, 200]
    for answer in answers:
        assert {k: answer.headers.get(k) for k in STRICT} == STRICT
    assert "script-src" not in CONTENT_SECURITY_POLICY and "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert answers[3].headers["allow"] == "GET, HEAD"


def test_head_answers_the_pages_headers_without_its_body(served: tuple[str, int]) -> None:
    base, item = served
    url = page_url(base, WORKSPACE, item)
    get, head = httpx.get(url), httpx.head(url)
    assert head.content == b"" and head.headers["content-length"] == get.headers["content-length"]


def test_a_post_is_refused_at_once_without_waiting_for_its_body(served: tuple[str, int]) -> None:
    base, item = served
    port, path = int(base.rsplit(":", 1)[1]), page_url("", WORKSPACE, item)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        # a body of 50 MB is announced and never sent: the answer must not wait for it
        conn.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n".encode())
        assert conn.recv(200).startswith(b"HTTP/1.1 405 ")


def test_a_header_block_over_the_limit_is_refused_and_the_connection_closed(served: tuple[str, int]) -> None:
    base, item = served
    port, path = int(base.rsplit(":", 1)[1]), page_url("", WORKSPACE, item)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ".encode())
        try:
            for _ in range(16):  # 16 MB, if nothing stops it
                conn.sendall(b"a" * (1024 * 1024))
        except OSError:
            return  # closed while we were still sending: refused
        assert conn.recv(200).startswith(b"HTTP/1.1 431 ")


def test_a_database_that_is_down_is_503_and_says_nothing_of_it(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/gone.db")
    store.engine.dispose()
    (tmp_path / "gone.db").unlink()
    (tmp_path / "gone.db").mkdir()  # a directory where the file was: SQLite cannot open it
    with serve_pages(store) as base:
        answer = httpx.get(page_url(base, WORKSPACE, 1))
    assert (answer.status_code, answer.text) == (503, UNAVAILABLE)


def _no_check(raw: str, who: Requester) -> Outcome:
    raise AssertionError("a page request never starts a check")


def test_the_slack_web_process_serves_pages_beside_slack_events_without_its_gate(store: Store) -> None:
    item = store_story(store, WORKSPACE)
    with FakeSlack() as fake:
        settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SIGNING_SECRET,
                            slack_api_url=fake.url, database_url="sqlite://", secret_key=KEY)
        server = SlackServer(build_app(settings, check=_no_check), host="127.0.0.1", port=0,
                             pages=PageSite(settings, store=store))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            base = f"http://127.0.0.1:{server.port}"
            page = httpx.get(page_url(base, WORKSPACE, item))
            unsigned_post = httpx.post(page_url(base, WORKSPACE, item), content=b"token=x")
            events = httpx.post(base + EVENTS_PATH, content=b"token=x")
        finally:
            server.stop()
            thread.join(timeout=10)
    assert page.status_code == 200 and "Lena Okafor" in page.text
    assert unsigned_post.status_code == 405  # a page route: never Slack's 401
    assert events.status_code == 401  # Slack's route still refuses what Slack did not sign


@pytest.mark.parametrize(("offsets", "marked"), [
    ([(0, 5), (3, 9)], {1: 1, 2: 2}),            # overlapping: the second starts where the first ends
    ([(0, 9), (2, 4)], {1: 1, 2: 1}),            # nested: the inner one is shown in the outer
    ([(-5, 3), (8, 10_000)], {1: 1, 2: 2}),      # past either end: clamped to the text
    ([(7, 2), (500, 600), (10, 10)], {}),        # inverted, outside, empty: not located
])
def test_offsets_that_overlap_or_fall_outside_the_text_keep_every_character_once(
        offsets: list[tuple[int, int]], marked: dict[int, int]) -> None:
    text = "Quay\u202eside\ntalk"
    quotes = [Quote(text="q", start=s, end=e) for s, e in offsets]
    pieces, shown_in = runs(text, quotes)
    assert "".join(r.text for r in pieces) == text.replace("\u202e", "")  # the bidi override dropped
    assert shown_in == marked
    assert len({r.quote for r in pieces if r.quote}) == len([r for r in pieces if r.quote])


def test_an_item_without_quotes_or_sections_still_renders(store: Store) -> None:
    item = store_story(store, WORKSPACE, text="A plain note.", report=Report())
    with serve_pages(store) as base:
        answer = httpx.get(page_url(base, WORKSPACE, item))
    assert answer.status_code == 200
    assert "(untitled text)" in answer.text and "A plain note." in answer.text
