"""Page furniture inside an article's body that is not article text.

trafilatura drops navigation and most boilerplate, but keeps what a newsroom's CMS drops into
the body itself: a newsletter sign-up box ("“The only newsletter you need,” our readers say"),
a "related" or "more on this story" link list, an inline widget of other stories' headlines
(one such widget gave a fake quote, "coup", to "Senators"), a photo caption (also one laid out as a
one-item list after its figure). Their quotation
marks and speech verbs look like reporting, so they are taken out twice: as HTML elements
before extraction (by their class, id or component name, and only when small, so a CMS that
calls the whole story `related-content` keeps it), and as lines after it, for the ones a page
writes as plain paragraphs (`Related: …`, `READ MORE: …`, `Subscribe to our newsletter`).

A block of other stories' teasers under a name no list knows ("latest-news-box") comes through
both: each of its lines opens with a linked headline, often with the teaser's one-line summary
after it. Such lines in a run before the story's first paragraph of prose or after its last, or
under a bare `DON'T MISS` heading, are taken out with the page's links in hand (`drop_teasers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

__all__ = ["MAX_WIDGET_WORDS", "PageLinks", "drop_furniture_lines", "drop_teasers", "drop_widgets",
           "page_links"]

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
# A teaser line is another story's linked headline, alone or with a one-line summary. A headline
# link has at least MIN_HEADLINE_WORDS words: a player's or senator's linked name opening a
# paragraph of the story has fewer.
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 20
MAX_TEASER_WORDS = 40
# This many teasers in a row outside the story's prose are a block of links, not a list in the story.
TEASER_RUN = 3
EXCERPT_RUN = 2  # paragraphs ending in a `[…]` excerpt mark that make a listing of other posts
# A block's own heading (`Our latest stories`, a promo's title) is short.
MAX_HEADING_WORDS = 12

# Words CMSs use in the class, id or component name of furniture inside the article body.
_FURNITURE_NAME = re.compile(
    r"(?<![a-z])(?:newsletters?|nl-signup|signup|sign-up|subscribe|subscription|related|read-?more|"
    r"more-(?:on|coverage|stories|from)|recommended|recirc|also-read|read-also|see-also|"
    r"inline-(?:headlines?|stories|links)|headlines?-(?:list|widget|rail|module|stack)|"
    r"story-(?:list|links|rail)|outbrain|taboola|cta|"
    # a slideshow, a carousel or a gallery, or one of its slides: photos and captions (or other stories)
    # beside the story
    r"slide-?shows?|slides?|carousel|galler(?:y|ies)|"
    # a video player's own controls and dialogs (video.js: `vjs-menu-title` "Chapters", "This is a modal
    # window.")
    r"vjs(?:-[a-z]+)+|video-js|"
    # a photo's credit or caption written as a paragraph of its own (`<p class="image-credit">`,
    # WordPress's `wp-caption-text`): the picture's words, not the story's
    r"(?:image|photo|picture|img|media)-?(?:credits?|captions?)|wp-caption(?:-text)?|"
    # a name's hover card inside a sentence (`rollover-people-block`: the person's latest headlines),
    # not the name's own link around it
    r"(?:rollover|hover|popover|tooltip)[a-z-]*-(?:block|card|panel|content))(?![a-z])")
# The furniture names of a photo set, which may be long: its slides or captions beside the story.
_GALLERY_NAME = re.compile(r"(?<![a-z])(?:slide-?shows?|carousel|galler(?:y|ies))(?![a-z])")
_NAMED = XPath("//body//*[@class or @id or @data-component or @data-module]")
_ALWAYS = XPath("//body//aside | //body//figcaption")
_NEVER = frozenset({"html", "body", "main", "article"})
# A photo's caption laid out as a list of one item right after its <figure> (The Guardian's long reads):
# a line or two of the picture's words.
_FIGURES = XPath("//body//figure")
MAX_CAPTION_WORDS = 60

# `Related: …`, `[Related: …]`, `READ MORE: …`, `See also: …`: a pointer to another story.
_POINTER_WORDS = (
    r"(?:related(?: (?:posts?|articles?|stories|story|coverage|content|reading|links?))?|"
    r"read more|read next|see more|see also|also read|read also|recommended(?: reading)?|"
    r"more on this(?: story| topic)?|don['’]t miss|must read)")
_POINTER = re.compile(rf"^\s*\[?\s*{_POINTER_WORDS}\s*:", re.IGNORECASE)
# The same words, or a block's usual titles, alone on a line: the heading of the teasers under it.
_POINTER_HEADING = re.compile(
    rf"^\s*\[?\s*(?:{_POINTER_WORDS}|more (?:stories|news)|(?:our )?latest (?:stories|news|headlines)|"
    r"you (?:may|might) also like|most (?:read|popular)|trending(?: now)?)\s*[:\]]?\s*$", re.IGNORECASE)
_SHOUTED_MORE = re.compile(r"^\s*(?:MORE|WATCH|LISTEN|READ):")
_SIGN_UP = re.compile(r"\b(?:sign(?:ing)?[ -]up|subscrib\w*)\b", re.IGNORECASE)
_INBOX = re.compile(r"\b(?:newsletters?|inbox|e-?mail)\b", re.IGNORECASE)
_PITCH = re.compile(r"^\s*(?:sign up|subscribe|click here|get (?:the|our)|want (?:the|more)|never miss|"
                    r"stay (?:on top|informed|up)|don['’]t miss|join|enter your|start your day|"
                    r"there['’]s plenty more|like (?:this|what))\b", re.IGNORECASE)
_NEWSLETTER_TITLE = re.compile(r"\bnewsletter\s*$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_NOT_A_PAGE = ("#", "javascript:", "mailto:", "tel:")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A paragraph of prose ends a sentence: a teaser's summary or a block's title often does not.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
# How a blog (WordPress's default) ends the excerpt of a post it lists: `… it would probably be […]`.
_EXCERPT_END = re.compile(r"\w[,;:]?\s*\[(?:…|\.\.\.|&hellip;)\]\s*$")


@dataclass(frozen=True)
class PageLinks:
    """What a page links to and titles, as word sequences, to recognise teaser lines in its text."""

    link_texts: frozenset[tuple[str, ...]]  # texts of links to other pages, up to a headline's length
    headings: frozenset[tuple[str, ...]]  # texts of short h1-h6 elements


def drop_widgets(tree: HtmlElement) -> int:
    """Take furniture out of a parsed page, in place; how many elements went."""
    dropped = 0
    page_prose: list[int] = []  # the page's paragraphs of prose, counted once, when a long gallery asks
    for element in [*_ALWAYS(tree), *_NAMED(tree)]:
        if not isinstance(element, HtmlElement) or element.tag in _NEVER or element.getparent() is None:
            continue
        if element.tag not in ("aside", "figcaption") and not _furniture_name(element):
            continue
        if _small_or_links(element) or _gallery_beside_the_story(element, tree, page_prose):
            element.drop_tree()  # keeps the text after the element, which is the page's own
            dropped += 1
    for figure in _FIGURES(tree):
        caption = figure.getnext() if isinstance(figure, HtmlElement) else None
        if caption is not None and _caption_list(caption):
            caption.drop_tree()
            dropped += 1
    return dropped


def _caption_list(element: HtmlElement) -> bool:
    """A list of one short item, without links, after a figure: the figure's caption."""
    items = [c for c in element if isinstance(c, HtmlElement)]
    return element.tag in ("ul", "ol") and len(items) == 1 and items[0].tag == "li" \
        and len(element.text_content().split()) <= MAX_CAPTION_WORDS and element.find(".//a") is None


def drop_furniture_lines(text: str) -> str:
    """The extracted text without lines that point at other stories or sell a newsletter."""
    return "\n".join(line for line in text.split("\n") if not _furniture_line(line))


def page_links(tree: HtmlElement) -> PageLinks:
    """The page's link texts and short headings, read once before extraction."""
    link_texts = set()
    for link in tree.iter("a"):
        if (link.get("href") or "#").strip().lower().startswith(_NOT_A_PAGE):
            continue
        words = _words(link.text_content())
        if 0 < len(words) <= MAX_HEADLINE_WORDS:
            link_texts.add(words)
    headings = {words for heading in tree.iter(*_HEADINGS)
                if 0 < len(words := _words(heading.text_content())) <= MAX_HEADING_WORDS}
    return PageLinks(frozenset(link_texts), frozenset(headings))


def drop_teasers(text: str, links: PageLinks) -> str:
    """The extracted text without runs of other stories' teasers.

    A run goes when it has TEASER_RUN lines or more and no paragraph of prose comes before it (a
    block above the story) or after it (a "latest stories" block below it, with the headings and
    buttons just above it: its title, a promo's "Play now"), or when it sits under a bare pointer
    heading (`DON'T MISS`), wherever it is."""
    lines = text.split("\n")
    teaser = [_teaser(line, links) for line in lines]
    prose = [i for i, line in enumerate(lines) if not teaser[i] and _prose(line)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    # a blog's excerpts of other posts, each cut at about 55 words with a `[…]` mark: one such line
    # may be a quotation's omission, two or more are a listing, wherever they stand
    excerpts = {i for i, line in enumerate(lines) if _EXCERPT_END.search(line)}
    dropped: set[int] = excerpts if len(excerpts) >= EXCERPT_RUN else set()
    for start, end in _runs(teaser):
        above = start - 1
        if above >= 0 and _POINTER_HEADING.match(lines[above]):
            dropped.update(range(above, end))
        elif end - start >= TEASER_RUN and start > last:
            while above > last and _label(lines[above], links):
                above -= 1
            dropped.update(range(above + 1, end))
        elif end - start >= TEASER_RUN and end <= first:
            dropped.update(range(start, end))  # the line above is the story's own title
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped)


def _teaser(line: str, links: PageLinks) -> bool:
    words = _words(line)
    if len(words) > MAX_TEASER_WORDS:
        return False
    longest = min(len(words), MAX_HEADLINE_WORDS)
    return any(words[:n] in links.link_texts for n in range(MIN_HEADLINE_WORDS, longest + 1))


def _label(line: str, links: PageLinks) -> bool:
    """A heading or a whole link (a button) of the page, alone on its line."""
    words = _words(line)
    return words in links.headings or words in links.link_texts


def _prose(line: str) -> bool:
    return len(line.split()) >= PROSE_WORDS and bool(_SENTENCE_END.search(line))


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of true flags, end exclusive."""
    runs: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if flag and runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        elif flag:
            runs.append((i, i + 1))
    return runs


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def _furniture_name(element: HtmlElement) -> bool:
    return bool(_FURNITURE_NAME.search(_names(element)))


def _names(element: HtmlElement) -> str:
    return " ".join(element.get(a, "") for a in ("class", "id", "data-component", "data-module")).lower()


def _small_or_links(element: HtmlElement) -> bool:
    if element.find(".//h1") is not None or _prose_paragraphs(element) >= PROSE_PARAGRAPHS:
        return False  # the story's own headline or body lives here
    words = len(element.text_content().split())
    if words <= MAX_WIDGET_WORDS:
        return True
    linked = sum(len(a.text_content().split()) for a in element.iter("a"))
    return linked >= LINK_LIST_SHARE * words


def _gallery_beside_the_story(element: HtmlElement, tree: HtmlElement, page_prose: list[int]) -> bool:
    """A long gallery or slideshow whose slides are not laid out one per named element (The
    Independent's `grid-mod-gallery`: fifty captions of other stories, each a paragraph of prose),
    with the story's own prose outside it. A story told as a gallery keeps its captions: without
    PROSE_PARAGRAPHS paragraphs of prose elsewhere on the page, the gallery is the story."""
    if not _GALLERY_NAME.search(_names(element)) or element.find(".//h1") is not None:
        return False
    inside = _prose_paragraphs(element, None)
    if not page_prose:
        page_prose.append(_prose_paragraphs(tree, None))
    return inside > 0 and page_prose[0] - inside >= PROSE_PARAGRAPHS


def _prose_paragraphs(element: HtmlElement, enough: int | None = PROSE_PARAGRAPHS) -> int:
    """How many paragraphs of prose the element holds, counting up to `enough` (None: all)."""
    found = 0
    for para in element.iter("p"):
        linked = sum(len(a.text_content().split()) for a in para.iter("a"))
        if len(para.text_content().split()) - linked >= PROSE_WORDS:
            found += 1
            if enough is not None and found >= enough:
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
