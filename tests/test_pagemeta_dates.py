"""A page's publication date: its address and its own metadata, never a photo caption, never a
related story's teaser (a teaser list dates the stories it links to). Its author is never the
publisher named again in the author <meta>: a labelled Author field is. The author is the
writer's name, without a label ("Analysis by") or a job ("Games Editor").

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
HARVEST = "".join(
    f"<p>The cooperative pressed {n} tonnes of late grapes this autumn, its cellar master said, and the "
    "growers on the river terraces hope the dry summer will give a smaller but richer vintage.</p>"
    for n in range(2, 8))
TEASERS = "".join(
    f'<div class="news"><a href="/culture/{slug}"><h2>{title}<span class="date">{day}</span></h2>'
    "<p>Another story from the wine country.</p></a></div>"
    for slug, title, day in (("cellar-robots", "Robots in the cellar", "03.09.2021"),
                             ("cork-shortage", "A shortage of corks", "17.08.2021")))
SIDEBAR = "<ul><li><strong>Date</strong> 14.11.2016</li><li><strong>Author</strong> Mara Feld</li></ul>"
PAGES = {
    # published on a Monday, modified on the Tuesday (<meta>), and the JSON-LD form of the same
    "/updated": (
        '<html><head><title>Ferry timetable agreed</title>'
        '<meta property="article:published_time" content="2023-11-13T22:10:00-05:00">'
        '<meta property="article:modified_time" content="2023-11-14T13:20:00-05:00">'
        f"</head><body><article><h1>Ferry timetable agreed</h1>{BODY}</article></body></html>"),
    "/updated-ld": (
        '<html><head><title>Ferry timetable agreed</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2023-11-13T22:10:00-05:00", '
        '"dateModified": "2023-11-14T13:20:00-05:00"}</script>'
        f"</head><body><article><h1>Ferry timetable agreed</h1>{BODY}</article></body></html>"),
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
    # the story's own date is a labelled field in the sidebar and ends its title; the related
    # stories under it carry later dates of their own
    "/culture/late-harvest": (
        "<html><head><title>A late harvest on the river terraces | Culture | 14.11.2016</title>"
        '<meta name="publisher" content="Rhine Wire (www.rhinewire.example)">'
        '<meta name="author" content="Rhine Wire (www.rhinewire.example)"></head>'
        "<body><article><h1>A late harvest on the river terraces</h1>"
        f'{HARVEST}</article><div class="related"><h4>Related content</h4>{TEASERS}</div>{SIDEBAR}'
        "</body></html>"),
    # a blog's date links to the story itself: that date is the story's
    "/blog/late-harvest": (
        "<html><head><title>A late harvest on the river terraces</title></head><body><article>"
        '<h1>A late harvest on the river terraces</h1><a href="/blog/late-harvest" rel="bookmark">'
        '<time class="entry-date" datetime="2016-11-14">November 14, 2016</time></a>'
        f"{HARVEST}</article></body></html>"),
    # the address names its month (/2021/mar/09/, as The Guardian and PolitiFact file stories); the
    # page's only other date is the day of the statement it rates
    "/rated": (
        '<html><head><title>Ferry claim rated</title>'
        '<meta property="og:url" content="https://ledger.example/statements/2021/mar/09/ferry-claim/">'
        '</head><body><article><h1>Ferry claim rated</h1><p class="statement__meta">Said on Sunday, '
        f"February 14th, 2021 in a radio interview</p>{BODY}</article></body></html>"),
    # the author <meta> carries a label and the writer's job; the byline a job under the name
    "/analysis": (
        '<html><head><title>Ferry timetable agreed</title>'
        '<meta name="author" content="Analysis by Mara Feld, Ledger Editor-at-large"></head>'
        f"<body><article><h1>Ferry timetable agreed</h1>{BODY}</article></body></html>"),
    "/games": (
        "<html><head><title>Ferry timetable agreed</title></head><body><article>"
        '<h1>Ferry timetable agreed</h1><div class="author"><a href="/author/bo-park">Bo Park</a>'
        f'<div class="author-title">Harbour Editor</div></div>{BODY}</article></body></html>'),
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


def author(base: str, path: str) -> str | None:
    found, _ = read_link(base + path, allowed_networks=LOOPBACK)
    return found.article.author


def test_a_related_storys_teaser_date_is_not_the_publication_date(base: str) -> None:
    assert published(base, "/culture/late-harvest") == dt.date(2016, 11, 14)
    # a date linked to the story itself is still its date
    assert published(base, "/blog/late-harvest") == dt.date(2016, 11, 14)


def test_the_publisher_named_as_author_gives_way_to_a_labelled_author_field(base: str) -> None:
    assert author(base, "/culture/late-harvest") == "Mara Feld"


@pytest.mark.parametrize("path", ["/updated", "/updated-ld"])
def test_the_day_a_page_was_updated_is_read_with_its_publication_date(base: str, path: str) -> None:
    found, _ = read_link(base + path, allowed_networks=LOOPBACK)
    assert (found.article.published, found.article.updated) == (dt.date(2023, 11, 13), dt.date(2023, 11, 14))


def test_a_page_without_a_later_modification_has_no_update_day(base: str) -> None:
    found, _ = read_link(base + "/story", allowed_networks=LOOPBACK)
    assert found.article.updated is None

def test_an_address_that_names_its_month_dates_the_story(base: str) -> None:
    assert published(base, "/rated") == dt.date(2021, 3, 9)


def test_the_author_is_the_writer_without_a_label_or_a_job(base: str) -> None:
    assert author(base, "/analysis") == "Mara Feld"
    assert author(base, "/games") == "Bo Park"
