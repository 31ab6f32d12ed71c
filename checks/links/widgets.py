"""Page furniture inside an article's body that is not article text.

trafilatura drops navigation and most boilerplate, but keeps what a newsroom's CMS drops into
the body itself: a newsletter sign-up box ("“The only newsletter you need,” our readers say"),
a "related" or "more on this story" link list, an inline widget of other stories' headlines
(one such widget gave a fake quote, "coup", to "Senators"), a photo caption. Their quotation
marks and speech verbs look like reporting, so they are taken out twice: as HTML elements
before extraction (by their class, id or component name, and only when small, so a CMS that
calls the whole story `related-content` keeps it), and as lines after it, for the ones a page
writes as plain paragraphs (`Related: …`, `READ MORE: …`, `Subscribe to our newsletter`).
"""

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement

__all__ = ["MAX_WIDGET_WORDS", "drop_furniture_lines", "drop_widgets"]

# A widget is short; an element with more words than this is (or holds) the story itself.
MAX_WIDGET_WORDS = 200
# A list of links to other stories can be longer: most of its words are link text.
LINK_LIST_SHARE = 0.6
# Paragraphs of prose (this many words or more, outside links): a widget has fewer than
# PROSE_PARAGRAPHS of them, a story body (even one whose class says `read-more`) has more.
PROSE_WORDS = 15
PROSE_PARAGRAPHS = 3
# A line of furniture is a headline or a sign-up pitch, never a long paragraph.
MAX_FURNITURE_LINE_WORDS = 45

# Words CMSs use in the class, id or component name of furniture inside the article body.
_FURNITURE_NAME = re.compile(
    r"(?<![a-z])(?:newsletters?|nl-signup|signup|sign-up|subscribe|subscription|related|read-?more|"
    r"more-(?:on|coverage|stories|from)|recommended|recirc|also-read|read-also|see-also|"
    r"inline-(?:headlines?|stories|links)|headlines?-(?:list|widget|rail|module|stack)|"
    r"story-(?:list|links|rail)|outbrain|taboola|cta)(?![a-z])")
_NAMED = XPath("//body//*[@class or @id or @data-component or @data-module]")
_ALWAYS = XPath("//body//aside | //body//figcaption")
_NEVER = frozenset({"html", "body", "main", "article"})

# `Related: …`, `[Related: …]`, `READ MORE: …`, `See also: …`: a pointer to another story.
_POINTER = re.compile(
    r"^\s*\[?\s*(?:related(?: (?:posts?|articles?|stories|story|coverage|content|reading|links?))?|"
    r"read more|read next|see more|see also|also read|read also|recommended(?: reading)?|"
    r"more on this(?: story| topic)?|don['’]t miss|must read)\s*:", re.IGNORECASE)
_SHOUTED_MORE = re.compile(r"^\s*(?:MORE|WATCH|LISTEN|READ):")
_SIGN_UP = re.compile(r"\b(?:sign(?:ing)?[ -]up|subscrib\w*)\b", re.IGNORECASE)
_INBOX = re.compile(r"\b(?:newsletters?|inbox|e-?mail)\b", re.IGNORECASE)
_PITCH = re.compile(r"^\s*(?:sign up|subscribe|click here|get (?:the|our)|want (?:the|more)|never miss|"
                    r"stay (?:on top|informed|up)|don['’]t miss|join|enter your|start your day|"
                    r"there['’]s plenty more|like (?:this|what))\b", re.IGNORECASE)
_NEWSLETTER_TITLE = re.compile(r"\bnewsletter\s*$", re.IGNORECASE)


def drop_widgets(tree: HtmlElement) -> int:
    """Take furniture out of a parsed page, in place; how many elements went."""
    dropped = 0
    for element in [*_ALWAYS(tree), *_NAMED(tree)]:
        if not isinstance(element, HtmlElement) or element.tag in _NEVER or element.getparent() is None:
            continue
        if element.tag not in ("aside", "figcaption") and not _furniture_name(element):
            continue
        if _small_or_links(element):
            element.drop_tree()  # keeps the text after the element, which is the page's own
            dropped += 1
    return dropped


def drop_furniture_lines(text: str) -> str:
    """The extracted text without lines that point at other stories or sell a newsletter."""
    return "\n".join(line for line in text.split("\n") if not _furniture_line(line))


def _furniture_name(element: HtmlElement) -> bool:
    names = " ".join(element.get(a, "") for a in ("class", "id", "data-component", "data-module"))
    return bool(_FURNITURE_NAME.search(names.lower()))


def _small_or_links(element: HtmlElement) -> bool:
    if element.find(".//h1") is not None or _prose_paragraphs(element) >= PROSE_PARAGRAPHS:
        return False  # the story's own headline or body lives here
    words = len(element.text_content().split())
    if words <= MAX_WIDGET_WORDS:
        return True
    linked = sum(len(a.text_content().split()) for a in element.iter("a"))
    return linked >= LINK_LIST_SHARE * words


def _prose_paragraphs(element: HtmlElement) -> int:
    found = 0
    for para in element.iter("p"):
        linked = sum(len(a.text_content().split()) for a in para.iter("a"))
        if len(para.text_content().split()) - linked >= PROSE_WORDS:
            found += 1
            if found >= PROSE_PARAGRAPHS:
                break
    return found


def _furniture_line(line: str) -> bool:
    words = len(line.split())
    if words == 0 or words > MAX_FURNITURE_LINE_WORDS:
        return False
    if _POINTER.match(line) or _SHOUTED_MORE.match(line):
        return True
    if words <= 6 and _NEWSLETTER_TITLE.search(line):
        return True  # `Pick Six Newsletter`: the heading of a sign-up box
    return bool(_SIGN_UP.search(line) and _INBOX.search(line) and _PITCH.match(line))
