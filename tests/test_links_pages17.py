"""Links, from helper-113's reading of twelve real pages: a long photo gallery of other stories beside
the story and a video player's own text are not article text. Every text here is invented."""

from __future__ import annotations

from checks import check_text
from checks.links.extract import extract_article

STORY = "".join(f"<p>The ferry board met for the {n}th time this year and said the new boat would be late, "
                f"its chair Ana Ruiz told reporters on the quay.</p>" for n in range(4, 9))
CAPTIONS = "".join(
    f"<li data-gallery-legend='{n}'><h2><span class='counter'>{n}/30</span> Mill closes</h2><p>The Dale "
    f"mill shut its doors last week after {n} years, and its owner said trade was still “fragile” after a "
    f"decade of rising costs, according to the Valley Weavers Association.</p>"
    f"<p class='credits'>PHOTO DESK</p></li>"
    for n in range(1, 31))


def _page(gallery: str) -> str:
    return (f"<html><body><article><h1>Ferry board says new boat will be late</h1>{STORY}{gallery}"
            f"<p>“We would rather be late than unsafe,” said Ana Ruiz.</p></article></body></html>")


def test_a_long_gallery_of_other_stories_beside_the_story_is_not_article_text() -> None:
    """Thirty captions of prose, too long for a widget and laid out without a named slide each."""
    gallery = (f"<div class='container grid-mod-gallery'><h2 class='gallery-title'>Business in pictures</h2>"
               f"<ul class='legends'>{CAPTIONS}</ul></div>")
    text = extract_article(_page(gallery)).text
    assert "Dale mill" not in text and "in pictures" not in text
    assert text.count("The ferry board met") == 5
    report = check_text(text)
    assert [q.speaker for q in report.quotes] == ["Ana Ruiz"]
    assert not report.dates or all(d.text != "last week" for d in report.dates)


def test_a_story_told_as_a_gallery_keeps_its_captions() -> None:
    """Without three paragraphs of prose outside it, the gallery is the story."""
    page = (f"<html><body><article><h1>Thirty years of the Dale mill</h1><div class='gallery'>"
            f"<ul>{CAPTIONS}</ul></div></article></body></html>")
    assert extract_article(page).text.count("Dale mill shut") == 30


def test_a_video_players_controls_and_dialogs_are_not_article_text() -> None:
    player = ("<div class='video-js vjs-paused'><div class='vjs-chapters-button vjs-menu-button'><ul "
              "class='vjs-menu-content'><li class='vjs-menu-title'>Chapters</li></ul></div><div "
              "class='vjs-modal-dialog'><p class='vjs-modal-dialog-description'>This is a modal window.</p>"
              "</div></div>")
    text = extract_article(_page(player)).text
    assert "modal window" not in text and "Chapters" not in text
    assert text.count("The ferry board met") == 5


def _meta_page(head: str, body_extra: str = "") -> str:
    return (f"<html><head><title>Ferry board says new boat will be late</title>{head}</head><body>"
            f"{body_extra}<article><h1>Ferry board says new boat will be late</h1>{STORY}</article>"
            f"</body></html>")


def test_a_writers_login_beside_the_writers_name_is_not_another_writer() -> None:
    """A CMS's JSON-LD gives the login (`kevin-r`) of a writer the page names in full."""
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          '"headline":"Ferry board says new boat will be late","author":[{"@type":"Person",'
          '"name":"Ivo Brandt"},{"@type":"Person","name":"Lena Okafor"},'
          '{"@type":"Person","name":"lena-o"}]}</script>')
    author = extract_article(_meta_page(ld), "https://coastcourier.example/ferry").article.author
    assert author is not None and "Lena Okafor" in author and "Ivo Brandt" in author
    assert "lena-o" not in author.casefold()


def test_an_og_site_name_among_the_bodys_tags_names_the_site() -> None:
    """Without it the site was the fetched host (a page served from 127.0.0.1 was "127.0.0.1")."""
    page = _meta_page("", '<meta property="og:site_name" content="Coast Courier" />')
    assert extract_article(page, "http://127.0.0.1:8000/ferry.html").article.site == "Coast Courier"
