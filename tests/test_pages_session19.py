"""From helper-122's reading of twelve real pages: a photo's credit taken for the byline, and a word in
marks that modifies the noun after it taken for a quote. Every page and sentence here is invented."""

from __future__ import annotations

from trafilatura.utils import load_html

from checks.links.pagemeta import read_metadata

BODY = "<p>The harbour board voted on the ferry timetable before the winter schedule was agreed.</p>"


def _meta(body: str):
    tree = load_html(f"<html><head><title>Ferry</title></head><body>{body}{BODY}</body></html>")
    return read_metadata(tree, "https://example.org/news/ferry-timetable")


def test_a_photo_credit_in_the_figure_caption_is_not_the_byline() -> None:
    figure = ('<figure><img src="ferry.jpg" alt="The ferry"/><figcaption><span class="img-caption">The ferry '
              'at the pier.</span><span class="img-author"><span itemprop="creator">Ole Brandt/Wire files'
              '</span></span></figcaption></figure>')
    assert _meta(figure).author is None


def test_the_byline_before_the_photo_credit_is_still_read() -> None:
    body = ('<div class="byline">By Ida Marsh</div><figure><img src="ferry.jpg"/><figcaption>'
            '<span class="photo-author">Ole Brandt/Wire files</span></figcaption></figure>')
    assert _meta(body).author == "Ida Marsh"


def _quotes(text: str) -> list[tuple[str, str | None]]:
    from checks.engine import check_text
    return [(q.text, q.speaker) for q in check_text(text).quotes]


def test_a_label_in_what_someone_wondered_is_nobodys_words() -> None:
    text = ("The engineers at the plant tested the valves for a month. The engineers wondered whether this "
            "pressure is also behind our \"eureka!\" moments. In Dr. Hallam's words, \"Could it be tied to "
            "the crew?\"")
    found = _quotes(text)
    assert [q for q, _ in found] == ["Could it be tied to the crew?"]


def test_words_someone_wondered_about_that_are_not_a_label_stay_theirs() -> None:
    found = _quotes("Mayor Ruth Ellery wondered whether the council had \"lost its nerve\" over the budget.")
    assert found == [("lost its nerve", "Ruth Ellery")]


def test_a_label_in_what_someone_said_stays_theirs() -> None:
    found = _quotes("Mayor Ruth Ellery said the council had passed a \"phase one\" budget.")
    assert found == [("phase one", "Ruth Ellery")]
