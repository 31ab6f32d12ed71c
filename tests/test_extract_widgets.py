"""Links that failed (issue 14, item 8): a refresh meant for old Internet Explorers is not followed,
and sign-up boxes, related links, headline widgets and captions are not article text.

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
    """/page/<variant>: the widgets page with a refresh variant in its <head>; anything else is 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        head, _, variant = self.path.strip("/").partition("/")
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
