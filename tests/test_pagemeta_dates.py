"""A page's publication date: its address and its own metadata, never a photo caption.

Pages are invented and served from 127.0.0.1, fetched the way a reporter's link is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from support.loopback import html_pages, serving

from checks.links.extract import read_link
from checks.links.netguard import parse_networks

LOOPBACK = parse_networks(["127.0.0.1"])
BODY = "".join(
    f"<p>The harbour board voted {n} times on the ferry timetable before the winter schedule was agreed, "
    "board members said, and the ferry company said the new crossings would start next month.</p>"
    for n in range(2, 8))
CAPTION = ('<figure><img src="/img/quay.jpg"><div class="image-meta"><div class="image-caption">'
           "This June 3, 2015, file photo shows the old quay before it was rebuilt.</div></div></figure>")
PAGES = {
    # the declared address carries the day; the only date in the page itself is a caption's
    "/copy.html": (
        '<html><head><title>Ferry timetable agreed</title>'
        '<meta property="og:url" content="https://ledger.example/news/2023/11/14/ferry-timetable/">'
        f"</head><body><article><h1>Ferry timetable agreed</h1>{CAPTION}{BODY}</article></body></html>"),
    # no date in any address; <meta> says when the story ran, a caption says when the photo was taken
    "/story": (
        '<html><head><title>Ferry timetable agreed</title>'
        '<meta property="article:published_time" content="2023-11-14T09:30:00+00:00">'
        f"</head><body><article><h1>Ferry timetable agreed</h1>{CAPTION}{BODY}</article></body></html>"),
    # nothing but the caption: no publication date is better than the photo's
    "/undated": (
        "<html><head><title>Ferry timetable agreed</title></head><body><article>"
        f"<h1>Ferry timetable agreed</h1>{CAPTION}{BODY}</article></body></html>"),
}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serving(html_pages(PAGES)) as running:
        yield running


def published(base: str, path: str) -> dt.date | None:
    found, _ = read_link(base + path, allowed_networks=LOOPBACK)
    return found.article.published


def test_the_date_in_the_declared_address_outranks_a_caption(base: str) -> None:
    assert published(base, "/copy.html") == dt.date(2023, 11, 14)


def test_the_pages_metadata_outranks_a_caption(base: str) -> None:
    assert published(base, "/story") == dt.date(2023, 11, 14)


def test_a_file_photo_caption_is_never_the_publication_date(base: str) -> None:
    assert published(base, "/undated") != dt.date(2015, 6, 3)
