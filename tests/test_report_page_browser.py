"""The report page in a real browser: Debian's chromium, headless, against the page served on
127.0.0.1. What a reader sees (the DOM chromium built), that nothing from the article ran, that
the style passed the Content-Security-Policy, that a phone never scrolls sideways, that print
drops the screen layout; screenshots at phone and desktop widths go to the test artefacts
($DESKCHECK_TEST_ARTIFACTS, else test-artifacts/)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.chromium import CHROMIUM, inspect_page, png_size, run_chromium
from support.report_page import HOSTILE, page_url, parse, serve_pages, store_story

from storage import Store, open_store

# Under CI=true a missing browser fails the tests instead (.ci/chromium.sh should have installed it).
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI", "").lower() != "true",
                                reason=f"no browser: Debian's chromium is not at {CHROMIUM} "
                                       "(.ci/chromium.sh installs it)")

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "T0BROWSER"
PHONE, DESKTOP = (390, 844), (1280, 900)
MARK_COLOUR = "rgb(255, 241, 168)"  # --mark in templates/page.css


def artefacts() -> Path:
    where = Path(os.environ.get("DESKCHECK_TEST_ARTIFACTS") or ROOT / "test-artifacts") / "report-page"
    where.mkdir(parents=True, exist_ok=True)
    return where


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile story's page, disputed with a note, served on 127.0.0.1: its signed URL."""
    store: Store = open_store(f"sqlite:///{tmp_path_factory.mktemp('browser')}/pages.db")
    item = store_story(store, WORKSPACE)
    store.desk.set_status(WORKSPACE, item, "disputed", by="cli:ana", note="The board's minutes differ.")
    with serve_pages(store) as base:
        yield page_url(base, WORKSPACE, item)


def test_a_reader_sees_the_headline_the_highlighted_quotes_and_the_verdict(page: str, tmp_path: Path) -> None:
    dom = run_chromium(tmp_path, "--dump-dom", page).stdout
    seen = parse(dom)
    # the title a script in the article would have replaced is still the article's, shown as text
    assert seen.title.startswith("Ferry board delays vote </title>" + HOSTILE)
    assert seen.marks == ["We need another month to read the bids,",
                          "The <b>delay</b> costs the crews every week,"]
    assert seen.labels == ["1 · Lena Okafor", "3 · Tom Hale <i>organiser</i>"]
    assert [tag for tag, _ in seen.tags if tag in {"script", "img", "iframe", "b", "i"}] == []
    assert ">Disputed</span> by cli:ana" in dom and "The board's minutes differ." in dom


def test_nothing_from_the_article_runs_and_the_style_passes_the_content_security_policy(
        page: str, tmp_path: Path) -> None:
    found = inspect_page(tmp_path, page, {
        "title": "document.title",
        "scripts": "document.scripts.length",
        "mark": "getComputedStyle(document.querySelector('mark.q')).backgroundColor",
    }, width=DESKTOP[0], height=DESKTOP[1])
    assert found["dialogs"] == [] and found["scripts"] == 0
    assert found["title"] != "pwned" and found["title"].startswith("Ferry board delays vote")
    assert found["mark"] == MARK_COLOUR  # the inlined sheet applied: its hash is the one the CSP allows


def test_on_a_phone_the_page_never_scrolls_sideways(page: str, tmp_path: Path) -> None:
    found = inspect_page(tmp_path, page, {
        "page": "document.documentElement.scrollWidth",
        "viewport": "window.innerWidth",
        "text": "document.querySelector('.article-text').getBoundingClientRect().right",
    }, width=PHONE[0], height=PHONE[1], mobile=True)
    assert found["viewport"] == PHONE[0]
    assert found["page"] <= found["viewport"] and found["text"] <= found["viewport"]


def test_printed_the_page_drops_the_screen_width_and_spells_out_its_links(page: str, tmp_path: Path) -> None:
    found = inspect_page(tmp_path, page, {
        "width": "getComputedStyle(document.querySelector('main')).maxWidth",
        "after": "getComputedStyle(document.querySelector('a[href^=\"http\"]'), '::after').content",
    }, width=DESKTOP[0], height=DESKTOP[1], media="print")
    assert found["width"] == "none"
    assert "https://ferrynews.example/fares" in found["after"]


@pytest.mark.parametrize(("name", "size"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_a_screenshot_at_phone_and_desktop_width_lands_in_the_artefacts(
        page: str, tmp_path: Path, name: str, size: tuple[int, int]) -> None:
    shot = artefacts() / f"report-page-{name}.png"
    shot.unlink(missing_ok=True)
    run_chromium(tmp_path, f"--window-size={size[0]},{size[1]}", f"--screenshot={shot}", page)
    assert png_size(shot) == size
    assert shot.stat().st_size > 10_000  # a page was drawn, not a blank window
