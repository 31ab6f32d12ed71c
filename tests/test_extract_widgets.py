"""Links that failed (issue 14, item 8): a refresh meant for old Internet Explorers is not followed,
and sign-up boxes, related links, headline widgets, captions and blocks of other stories' teasers
are not article text.

Pages are served over real HTTP on 127.0.0.1 and read through the same fetch and extraction a
reporter's link goes through.
"""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.loopback import serving

from checks import check_text
from checks.errors import NotEnglish
from checks.links.extract import extract_article, read_link
from checks.links.netguard import parse_networks
from checks.links.widgets import drop_furniture_lines

PAGES = Path(__file__).resolve().parent / "pages"
LOOPBACK = parse_networks(["127.0.0.1"])
MARKER = "<!-- refresh -->"
REFRESH = '<meta http-equiv="refresh" content="0; url=/unsupported-browser">'
CONDITIONAL = {
    "downlevel-hidden": f"<!--[if lte IE 9]>{REFRESH}<![endif]-->",
    "downlevel-hidden, not IE": f"<!--[if !IE]><!-->{REFRESH}<!--<![endif]-->",
    "downlevel-revealed": f"<![if IE]>{REFRESH}<![endif]>",
    "a plain comment": f"<!-- {REFRESH} -->",
}
ARTICLE = (
    "The Harbour Point council voted on Tuesday to delay repairs to the Elm Street bridge",
    "“We will not close the bridge before the ferry is in the water,” said Ana Ruiz",
    "The works will now start in June at the earliest",
    "Residents who packed the meeting were split.",
    "“It is the right call, even if it is a slow one,” said Mara Jensen",
)
FURNITURE = ("coup", "Related:", "newsletter", "no more delays", "farewell", "More coverage", "enough",
             "Top stories", "Sign up")


class _Pages(BaseHTTPRequestHandler):
    """/page/<variant>: the widgets page with a refresh variant in its <head>; /teasers: a story with
    blocks of other stories' teasers; anything else is 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        head, _, variant = self.path.strip("/").partition("/")
        if head == "teasers":
            self._send(200, (PAGES / "teasers.html").read_text(encoding="utf-8"))
            return
        if head != "page":
            self._send(404, "<html><body><h1>Page not found</h1></body></html>")
            return
        extra = {"plain": "", "live": REFRESH, **CONDITIONAL}[variant.replace("_", " ")]
        self._send(200, (PAGES / "widgets.html").read_text(encoding="utf-8").replace(MARKER, extra))

    def _send(self, status: int, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serving(_Pages) as running:
        yield running


@pytest.mark.parametrize("form", sorted(CONDITIONAL))
def test_a_refresh_inside_a_conditional_or_plain_comment_is_not_followed(base: str, form: str) -> None:
    found, page = read_link(f"{base}/page/{form.replace(' ', '_')}", allowed_networks=LOOPBACK)
    assert page.url == f"{base}/page/{form.replace(' ', '_')}"
    assert ARTICLE[0] in found.text


def test_a_live_refresh_is_still_followed(base: str) -> None:
    from checks.links.fetch import FetchError

    with pytest.raises(FetchError, match=r"(?i)not found|404"):
        read_link(f"{base}/page/live", allowed_networks=LOOPBACK)


def test_widgets_captions_and_sign_up_boxes_stay_out_of_the_article_text(base: str) -> None:
    found, _ = read_link(f"{base}/page/plain", allowed_networks=LOOPBACK)
    assert [p for p in ARTICLE if p not in found.text] == []
    assert [w for w in FURNITURE if w in found.text] == []


def test_no_quote_comes_from_a_widget(base: str) -> None:
    found, _ = read_link(f"{base}/page/plain", allowed_networks=LOOPBACK)
    quotes = check_text(found.text).quotes
    assert {q.speaker for q in quotes} == {"Ana Ruiz", "Mara Jensen"}
    assert not any(w in q.text for q in quotes for w in ("coup", "newsletter", "no more delays"))


def test_a_story_body_whose_class_says_read_more_is_kept() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story tells the council's long account of the bridge "
                         f"repairs and what the ferry will cost the town this year.</p>" for n in range(6))
    page = (f"<html><body><article><h2>Bridge</h2><div class='entry-content entry-content-read-more'>"
            f"{paragraphs}</div></article></body></html>")
    assert extract_article(page).text.count("Paragraph") == 6


@pytest.mark.parametrize("line", [
    "Related: Ferry operator hires twelve new crew for the spring",
    "[Related: Lighthouse keeper retires after forty years]",
    "READ MORE: Harbour wall repairs to start in May",
    "Read more: Council budget passes on the third attempt",
    "SEE MORE: Harbour festival cancelled after storm damage",
    "Subscribe to the Coast Courier newsletter",
    "Get the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.",
    "Morning Tide Newsletter",
])
def test_a_line_pointing_elsewhere_or_selling_a_newsletter_is_dropped(line: str) -> None:
    assert drop_furniture_lines(f"The council met.\n{line}\nIt voted.") == "The council met.\nIt voted."


@pytest.mark.parametrize("line", [
    "The newsletter, which 4,000 residents subscribe to, first reported the closure.",
    "Related costs rose by a third, the council's engineer said.",
    "She said readers could sign up at the library, and many did.",
])
def test_a_story_line_about_newsletters_or_relations_stays(line: str) -> None:
    assert drop_furniture_lines(line) == line


def test_a_quote_running_on_past_a_pointer_line_keeps_its_speaker() -> None:
    # The pointer sat between a quote's paragraphs; without it the next paragraph, opening with a
    # quotation mark, is the same speaker's quote going on.
    from checks import check_text

    text = drop_furniture_lines(
        "Harbour master Ines Varga said the boats could be moved, adding: “They are already at the pier. "
        "They are there to keep the channel open.\n"
        "SEE MORE: Harbour festival cancelled after storm damage\n"
        "“If the storm gets worse, the council would not sit and watch. We have enough boats.”\n"
        "The council meets again on Friday.")
    quotes = check_text(text).quotes
    assert [q.speaker for q in quotes] == ["Ines Varga", "Ines Varga"]


STORY = (
    "Riverside Rovers spent Monday trying to move on from the scuffle",
    "He walked into our box looking for trouble",
    "Millbrook's captain, Joel Okafor, said his side would not appeal.",
    "The two sides meet again in the cup on March 14",
    "We owe our fans a proper game.",
)
TEASERS = ("DON'T MISS", "Cup draw pairs", "three-year deal", "roof repairs", "score predictor", "Play now",
           "rugby club", "Week 12", "1998", "knee injury", "on Friday")


def test_a_block_of_other_stories_teasers_is_not_article_text(base: str) -> None:
    # A "latest stories" block under a class no furniture list knows, each line a linked headline
    # with its summary, below the story with a promo above it; and three linked headlines under a
    # DON'T MISS heading in the middle of the story.
    found, _ = read_link(f"{base}/teasers", allowed_networks=LOOPBACK)
    assert [p for p in STORY if p not in found.text] == []
    assert [t for t in TEASERS if t in found.text] == []


def test_no_date_comes_from_a_teaser_block(base: str) -> None:
    found, _ = read_link(f"{base}/teasers", allowed_networks=LOOPBACK)
    dates = {d.text for d in check_text(found.text).dates}
    assert dates <= {"Saturday", "Monday", "on Monday", "March 14"}


def _story_page(before: str, after: str, *, paragraphs: int = 4) -> str:
    story = "".join(f"<p>The ferry board met for the {n}th time this year and said the new boat would "
                    f"be late, its chair told reporters on the quay.</p>" for n in range(4, 4 + paragraphs))
    return (f"<html><body><main><h1>Ferry board says new boat will be late</h1>{before}"
            f"<div class='body'>{story}</div>{after}</main></body></html>")


def _teaser_list(*headlines: str) -> str:
    items = "".join(f"<li><a href='/news/{n}'>{h}</a> <span>Short summary number {n} of it</span></li>"
                    for n, h in enumerate(headlines))
    return f"<div class='grid'><ul>{items}</ul></div>"


def test_a_run_of_teasers_above_the_story_is_not_article_text() -> None:
    page = _story_page(_teaser_list("Harbour wall repairs start in May", "Lighthouse gets a new keeper",
                                    "Fish market moves to the old depot"), "")
    text = extract_article(page).text
    assert "Ferry board says new boat will be late" in text
    assert text.count("The ferry board met") == 4
    assert "summary number" not in text and "Lighthouse" not in text


def test_closing_paragraphs_opening_with_a_linked_name_stay_above_a_teaser_block() -> None:
    # Sports pages link every player's name; the story's closing paragraphs are no teasers.
    closing = "".join(f"<p><a href='/players/{n}'>{name}</a> scored twice in the second half.</p>"
                      for n, name in enumerate(("Ola Berg", "Sami Haddad", "Rui Costa Lima")))
    block = _teaser_list("Harbour wall repairs start in May", "Lighthouse gets a new keeper",
                         "Fish market moves to the old depot")
    text = extract_article(_story_page("", closing + block)).text
    assert text.count("scored twice") == 3
    assert "summary number" not in text and "Lighthouse" not in text


def test_a_list_of_linked_reports_inside_the_story_stays() -> None:
    # Mid-story and under no pointer heading, linked headlines are the story's own list; the same
    # kind of list after the story's last paragraph is a block of teasers.
    inside = ("<p>The board published its three reports on Monday:</p>"
              + _teaser_list("Engine supplier misses its second deadline",
                             "Crew training moved to the autumn", "Pier works need a new permit")
              + "<p>The chair said the board would meet again in June to review the ferry's timetable.</p>")
    below = _teaser_list("Harbour wall repairs start in May", "Lighthouse gets a new keeper",
                         "Fish market moves to the old depot")
    text = extract_article(_story_page("", inside + below, paragraphs=2)).text
    kept = ("second deadline", "Crew training", "new permit", "meet again")
    assert [h for h in kept if h not in text] == []
    assert "Lighthouse" not in text and "Harbour wall" not in text


def test_a_names_hover_card_of_headlines_is_not_in_the_sentence_but_the_name_is() -> None:
    card = ("<span class='rollover-people'><a class='rollover-people-link' href='/people/dana-kline'>"
            "Dana Kline</a><span class='rollover-people-block'><span class='rollover-block'><a class='name' "
            "href='/people/dana-kline'>Dana Kline</a><a href='/news/1'>Kline doubles down on harbour 'toll,' "
            "few follow suit</a> <a href='/news/2'>Morning Tide: Ferry bill stalls | Senators call for a "
            "new pier</a></span></span></span>")
    paragraphs = "".join(f"<p>Paragraph {n} of the story tells the council's long account of the bridge "
                         f"repairs and what the ferry will cost the town this year.</p>" for n in range(5))
    page = (f"<html><body><article><h1>Harbour toll</h1>{paragraphs}<p>Rep. {card} (D-Maine) said the toll "
            f"was “unfair to every commuter” on Monday.</p></article></body></html>")
    text = extract_article(page).text
    assert "Rep. Dana Kline (D-Maine) said the toll" in text
    assert "doubles down" not in text and "Senators" not in text
    report = check_text(text)
    assert [q.text for q in report.quotes] == ["unfair to every commuter"]


def test_a_page_in_a_script_without_spaces_is_not_english_not_an_empty_page() -> None:
    # Japanese puts no spaces between words: a whole article read as 30 "words" was refused as a page
    # that "may need JavaScript or a login"
    sentence = "月に始まります。市議会は火曜日に予算を承認し、フェリーの運賃も話し合いました。"
    sentences = "".join(f"<p>港の橋の修理は{n}{sentence}</p>" for n in range(1, 13))
    page = f"<html><body><article><h1>港の橋</h1>{sentences}</article></body></html>"
    with pytest.raises(NotEnglish, match="does not look like English"):
        extract_article(page)


def test_a_photo_credit_written_as_its_own_paragraph_is_not_article_text() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story tells the council's long account of the bridge "
                         f"repairs and what the ferry will cost the town this year.</p>" for n in range(5))
    photo = ('<div class="wp-caption"><img src="/quay.jpg"><p class="wp-caption-text">“Old quay”</p></div>'
             '<p class="image-credit">1994-97 Harbour Photo Co., All rights</p>')
    page = f"<html><body><article><h1>Harbour toll</h1>{paragraphs}{photo}{paragraphs}</article></body>"
    text = extract_article(page).text
    assert "Harbour Photo" not in text and "Old quay" not in text
    assert not {"1994", "1997"} & {d.value for d in check_text(text).dates}


def test_a_caption_laid_out_as_a_one_item_list_after_its_figure_is_not_article_text() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story tells the council's long account of the bridge "
                         f"repairs and what the ferry will cost the town this year.</p>" for n in range(4))
    said = "<p>“The quay is older than the town,” says Ivo Marsh, the harbour master.</p>"
    photo = ('<figure><img src="/quay.jpg"></figure><ul><li><p>Ivo Marsh on the old quay, where he grew up'
             '</p></li></ul>')
    more = "<p>“We will not let it fall into the sea.”</p>"
    works = "<ul><li>Repairs to the north wall</li><li>Dredging of the harbour mouth</li></ul>"
    page = f"<html><body><article><h1>Harbour</h1>{paragraphs}{works}{said}{photo}{more}</article></body>"
    text = extract_article(page).text
    assert "where he grew up" not in text and "Dredging" in text
    assert [q.speaker for q in check_text(text).quotes] == ["Ivo Marsh", "Ivo Marsh"]
