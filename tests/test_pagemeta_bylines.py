"""The page's author and title as a verification editor reads them: the story's own byline, not a
sidebar's; the byline's dateline and a desk's name left out; a writer named twice is one writer; the
writer's name after a bar in the title is not part of the headline. Pages are invented."""

from __future__ import annotations

from trafilatura.utils import load_html

from checks.links.pagemeta import read_metadata

BODY = "<p>The harbour board voted on the ferry timetable before the winter schedule was agreed.</p>"


def meta(head: str, body: str):
    tree = load_html(f"<html><head>{head}</head><body>{body}{BODY}</body></html>")
    return read_metadata(tree, "https://example.org/news/ferry-timetable")


def test_a_most_read_lists_bylines_are_not_the_storys() -> None:
    sidebar = "".join(
        f'<li class="post"><a href="/news/{n}">Another story about the quay and its cranes</a>'
        f'<span class="byline"><a href="/writer/{n}">Ida Marsh</a></span></li>' for n in range(3))
    story = '<span class="byline"><a href="/writer/ole-brandt" rel="author">Ole Brandt</a></span>'
    found = meta("<title>Ferry</title>", f"<ul>{sidebar}</ul><article>{story}</article>")
    assert found.author == "Ole Brandt"


def test_a_labelled_bylines_dateline_is_left_out() -> None:
    byline = '<h3 class="byline">by Ole Brandt<br><span class="datetime">Monday, March 6, 2023</span></h3>'
    assert meta("<title>Ferry</title>", byline).author == "Ole Brandt"


def test_three_writers_in_one_byline() -> None:
    byline = '<div class="field-byline">By ANA RUIZ, MARA LEE FELD and BO PARK</div>'
    assert meta("<title>Ferry</title>", byline).author == "ANA RUIZ; MARA LEE FELD; BO PARK"


def test_a_desk_is_not_a_writer() -> None:
    assert meta("<title>Ferry</title>", '<div class="byline">By Harbour News Staff |</div>').author is None


def test_one_writer_named_twice_is_one_writer() -> None:
    head = ('<title>Ferry</title><meta name="author" content="Ole Brandt">'
            '<meta name="byl" content="By OLE BRANDT">')
    assert meta(head, "").author == "Ole Brandt"


def test_the_writers_name_after_a_bar_is_not_the_headline() -> None:
    head = ('<meta property="og:title" content="Ferry timetable agreed at last | Ole Brandt">'
            '<meta name="author" content="Ole Brandt">')
    found = meta(head, "")
    assert (found.title, found.author) == ("Ferry timetable agreed at last", "Ole Brandt")
    head = '<meta property="og:title" content="Ferry timetable agreed | Harbour News">'
    assert meta(head, "").title == "Ferry timetable agreed | Harbour News"


def test_a_fact_checks_claimant_is_not_its_writer() -> None:
    review = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview", '
              '"claimReviewed": "The ferry runs at a loss.", "itemReviewed": {"@type": "CreativeWork", '
              '"author": {"@type": "Person", "name": "The Harbour Board"}}, '
              '"author": {"@type": "Organization", "name": "Quay Checks"}}</script>')
    box = ('<div class="statement-author"><h4 class="author">The Harbour Board</h4></div>'
           '<p>"The ferry runs at a loss," the board said.</p>')
    assert meta(f"<title>Ferry</title>{review}", box).author is None
    byline = '<span class="byline">By Ole Brandt</span>'
    assert meta(f"<title>Ferry</title>{review}", box + byline).author == "Ole Brandt"


def test_the_rights_holder_beside_the_writer_is_not_a_writer() -> None:
    head = ('<title>Ferry</title><meta name="author" content="Quayside Media">'
            '<meta name="copyright" content="Copyright (c) Quayside Media 2021">'
            '<script type="application/ld+json">{"@context": "http://schema.org", "@type": "NewsArticle", '
            '"author": [{"@type": "Person", "name": "Ole Brandt"}]}</script>')
    assert meta(head, "").author == "Ole Brandt"
    # a lone name that holds the copyright is the writer of a one-person site
    head = ('<title>Ferry</title><meta name="author" content="Ole Brandt">'
            '<meta name="copyright" content="© Ole Brandt">')
    assert meta(head, "").author == "Ole Brandt"


def test_a_json_ld_story_with_an_object_context_names_its_writer() -> None:
    head = ('<title>Ferry</title><script type="application/ld+json">{"@context": '
            '{"@vocab": "http://schema.org", "articleId": {"@id": "Text"}}, "@type": "NewsArticle", '
            '"author": [{"@type": "Person", "name": "Ole Brandt", "jobTitle": "Reporter"}], '
            '"publisher": {"@type": "Organization", "name": "Harbour News"}}</script>')
    byline = '<div class="byline">Ole Brandt Ole Brandt is a reporter for Harbour News on the port.</div>'
    assert meta(head, byline).author == "Ole Brandt"
    organisation = head.replace('"@type": "Person", "name": "Ole Brandt"',
                                '"@type": "Organization", "name": "Harbour"')
    assert meta(organisation, "").author is None


def test_the_sites_own_name_in_the_byline_gives_way_to_the_writer_in_the_first_lines() -> None:
    head = '<title>Ferry</title><meta property="og:site_name" content="Quay Press">'
    box = '<div class="td-post-author-name">By <a href="/author/admin">Quay Press</a> -</div>'
    credit = '<p><em>Courtesy of Harbour News</em></p><p><em>Written by: <a href="/x">Ole Brandt</a></em></p>'
    assert meta(head, box + credit).author == "Ole Brandt"
    assert meta(head, box).author is None
    # a paragraph that opens with "By" is no byline unless it carries a label's colon
    assert meta(head, box + "<p>By Harbour Bridge</p>").author is None


def test_the_sites_name_and_a_day_after_the_title_are_left_out() -> None:
    site = '<meta property="og:site_name" content="HARBOURNEWS.COM">'
    head = f'<meta property="og:title" content="Ferry timetable agreed | HarbourNews | 10.06.2013">{site}'
    assert meta(head, "").title == "Ferry timetable agreed"
    head = f'<meta property="og:title" content="Ferry timetable agreed - HarbourNews.com">{site}'
    assert meta(head, "").title == "Ferry timetable agreed"
    # another name, or a day without the site's name before it, is the headline's own
    title = "Ferry timetable agreed - Ole Brandt | 10.06.2013"
    assert meta(f'<meta property="og:title" content="{title}">{site}', "").title == title
