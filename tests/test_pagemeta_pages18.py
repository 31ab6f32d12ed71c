"""From helper-116's reading of twelve real pages: a page's byline, headline and site name as the page
gives them (a desk on the byline's second line, a sidebar's <h1>, a Twitter handle, a wire desk). Every
page here is invented."""

from __future__ import annotations

from trafilatura.utils import load_html

from checks.links.pagemeta import read_metadata

BODY = "<p>The harbour board voted on the ferry timetable before the winter schedule was agreed.</p>"


def _meta(head: str, body: str):
    tree = load_html(f"<html><head>{head}</head><body>{body}{BODY}</body></html>")
    return read_metadata(tree, "https://example.org/news/ferry-timetable")


def test_the_desk_on_the_bylines_second_line_is_not_part_of_the_name() -> None:
    byline = ('<div class="author_fmt"> By <a rel="author" href="/ole">Ole  Brandt</a><br/>'
              'Valley Health News</div>')
    assert _meta("<title>Ferry</title>", byline).author == "Ole Brandt"


def test_a_second_writer_after_the_break_stays() -> None:
    byline = '<div class="byline">By Ole Brandt<br/>and Ida Marsh</div>'
    assert _meta("<title>Ferry</title>", byline).author == "Ole Brandt; Ida Marsh"


def test_the_heading_the_title_repeats_is_the_headline_not_a_sidebars_h1() -> None:
    body = ("<div class='sidebar'><h1>Information and Resources</h1></div>"
            "<h2>Ferry Timetable: What Changes This Winter</h2>")
    found = _meta("<title>Ferry Timetable: What Changes This Winter</title>", body)
    assert found.title == "Ferry Timetable: What Changes This Winter"


def test_a_mastheads_heading_the_title_opens_with_is_not_the_headline() -> None:
    head = ('<title>Harbour Daily Gazette | Ferry timetable changes</title>'
            '<meta property="og:site_name" content="Harbour Daily Gazette">')
    found = _meta(head, "<h2>Harbour Daily Gazette</h2><h1>Ferry timetable changes this winter</h1>")
    assert found.title == "Ferry timetable changes this winter"


def test_a_twitter_handle_is_not_the_sites_name() -> None:
    head = ('<title>Ferry</title><meta name="twitter:site" content="@HarbourOnline">'
            '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":'
            '"NewsMediaOrganization","name":"Harbour Gazette","logo":{"url":"/l.png"}}}</script>')
    assert _meta(head, "").site == "Harbour Gazette"


def test_a_wire_desk_is_not_the_sites_name() -> None:
    ld = ('{"@context":"http://schema.org","@type":"NewsArticle","headline":"Ferry","publisher":'
          '{"@type":"Organization","name":"Harbour Desk News Service","logo":{"url":"/l.png"}}}')
    head = ('<title>Ferry</title><meta property="og:site_name" content="Harbour Gazette">'
            f'<script type="application/ld+json">{ld}</script>')
    assert _meta(head, "").site == "Harbour Gazette"
