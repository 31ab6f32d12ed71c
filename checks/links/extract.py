"""From a fetched page to the article's text and metadata, with trafilatura.

FetchError (checks.errors)
 └── NoArticleText   the page holds too little article text (a JavaScript shell, a login wall)

trafilatura drops navigation, cookie banners, share bars, related links and reader
comments, and reads the title, author, site name, canonical URL and publication date
(htmldate) from <meta>, JSON-LD and the page itself. Paragraphs come out one per line,
which is how pasted articles arrive too, so the quote logic sees the same structure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from ..dates.timex import month_number
from ..errors import FetchError, NotEnglish
from ..models import Article, InputInfo
from .fetch import FetchLimits, Page, fetch_page
from .netguard import IPNetwork
from .pagemeta import read_metadata
from .widgets import PageLinks, drop_furniture_lines, drop_teasers, drop_widgets, page_links

__all__ = ["MIN_WORDS", "ExtractedArticle", "NoArticleText", "extract_article", "from_page", "read_link",
           "refresh_target"]


log = logging.getLogger(__name__)


@functools.cache
def _quiet_trafilatura() -> None:
    """trafilatura logs every page it gives up on at WARNING; the caller gets NoArticleText instead.
    Set at the first extraction, not at import: importing deskcheck changes no one's logging."""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)


UNSPACED_MIN_LETTERS = 200  # a page with this many letters of a script without spaces is an article


class NoArticleText(FetchError):
    """The page holds too little article text to check."""


# `Feb. 23, 2015 --`, `WASHINGTON, March 3, 2021 —`: a story's dateline, its place in capitals
_DATELINE_DAY = re.compile(r"(?m)^[ \t]*(?:[A-Z][A-Z .'-]{1,40},(?: [A-Z][a-z]+\.?,)? )?"
                           r"([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4}) ?(?:--|\u2014|\u2013|-) ")
_DATELINE_LINES = 3  # the dateline opens the first paragraph, under the headline and the standfirst
# A news brief is rarely under 60 words; a JavaScript shell or a login wall almost always is.
MIN_WORDS = 60
# Old sites lay the whole page out in one table; trafilatura then writes the article as one table
# row, `| nav | headline, byline and every paragraph |`, and the paragraph breaks the quote finder
# relies on are gone. No data table has a cell this long.
LAYOUT_CELL_WORDS = 300
# Read again without tables, the article must keep most of its words to be taken instead.
LAYOUT_KEEPS = 0.8


@dataclass(frozen=True)
class ExtractedArticle:
    text: str
    article: Article

    def input_info(self, url: str | None) -> InputInfo:
        """The report's `input` for this article: the final URL and the checked text's hash."""
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return InputInfo(kind="url", url=url, sha256=digest)


def read_link(url: str, *, allow_private: bool = False, limits: FetchLimits | None = None,
              allowed_networks: Sequence[IPNetwork] = ()) -> tuple[ExtractedArticle, Page]:
    """Fetch a link and extract its article, following one immediate <meta> refresh.

    Some sites answer a bot with a stub page whose <meta http-equiv="refresh"> points at the
    article (consent walls, old CMS redirects). That hop goes through the same fetch rules,
    and within the same time limit: the stub and the article together get one total_timeout.
    """
    deadline = time.monotonic() + (limits or FetchLimits()).total_timeout
    page = fetch_page(url, allow_private=allow_private, limits=limits, allowed_networks=allowed_networks,
                      deadline=deadline)
    target = refresh_target(page)
    if target is not None:
        page = fetch_page(target, allow_private=allow_private, limits=limits,
                          allowed_networks=allowed_networks, deadline=deadline)
    return from_page(page), page


# <meta http-equiv="refresh" content="0; url=/story">: attributes in either order.
_REFRESH = re.compile(r"""<meta\b(?=[^>]*http-equiv\s*=\s*["']?refresh)[^>]*?content\s*=\s*(["'])(.*?)\1""",
                      re.IGNORECASE | re.DOTALL)
_REFRESH_URL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[;,]\s*url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
# A page that reloads itself later (a live blog) is an article; one that moves on at once is a stub.
_MAX_REFRESH_DELAY = 5.0
_HEAD_CHARS = 20_000  # where a page's <head> and its refresh are
# What no current browser acts on: IE's conditional blocks, downlevel-hidden (`<!--[if IE]>…
# <![endif]-->`, also `<!--[if !IE]><!-->…<!--<![endif]-->`) and downlevel-revealed (`<![if IE]>…
# <![endif]>`), then plain comments; one left open at the cut runs to it.
_COMMENTED = re.compile(r"<!--\[if[^\]]*\]>.*?(?:<!\[endif\]\s*-->|$)|<!\[if[^\]]*\]>.*?(?:<!\[endif\]>|$)"
                        r"|<!--.*?(?:-->|$)", re.IGNORECASE | re.DOTALL)


def refresh_target(page: Page) -> str | None:
    """The absolute URL an HTML page sends the browser to at once, if it does.

    A refresh inside a comment is not one; inside an IE conditional comment it sends only old
    Internet Explorers away (to an "unsupported browser" page, which answers 404 to a bot)."""
    if page.content_type == "text/plain":
        return None
    tag = _REFRESH.search(_COMMENTED.sub("", page.text[:_HEAD_CHARS]))
    found = _REFRESH_URL.match(tag.group(2)) if tag else None
    if found is None or float(found.group(1)) > _MAX_REFRESH_DELAY:
        return None
    target = urljoin(page.url, found.group(2).strip())
    return target if target != page.url else None


def from_page(page: Page, *, min_words: int = MIN_WORDS) -> ExtractedArticle:
    """The article in a fetched page; a text/plain page is the article itself."""
    if page.content_type == "text/plain":
        text = page.text.strip()
        _require_words(text, min_words)
        return ExtractedArticle(text=text, article=Article(canonical_url=page.url))
    return extract_article(page.text, page.url, min_words=min_words)


def extract_article(html: str, url: str | None = None, *, min_words: int = MIN_WORDS) -> ExtractedArticle:
    """Main text and metadata of an article page. Raises NoArticleText when there is too little."""
    _quiet_trafilatura()
    tree = load_html(html)
    if tree is None:
        raise NoArticleText("the page is empty or not HTML; paste the article's text instead")
    # One parse serves both passes: trafilatura extracts from its own copy of the tree.
    try:
        article = read_metadata(tree, url)
    except Exception as exc:  # a metadata reader's bug must not cost the reporter the whole check
        log.warning("metadata unreadable on %s: %r", url, exc)
        article = Article(canonical_url=url)
    drop_widgets(tree)  # after the metadata: a sign-up box is furniture, but the page's <head> is not
    links = page_links(tree)  # before trafilatura, whose text no longer says which words were links
    text = _main_text(tree, url, links, fast=True)
    if _laid_out_in_a_table(text):
        untabled = _main_text(tree, url, links, fast=True, tables=False)
        if _words(untabled) >= LAYOUT_KEEPS * _words(text):
            text = untabled
    if _words(text) < min_words:
        # The fast path skips trafilatura's second opinion (readability, jusText); ask for
        # it only when the first pass found too little, where it can rescue odd layouts.
        text = max(text, _main_text(tree, url, links, fast=False), key=len)
    _require_words(text, min_words)
    dated = _dateline_day(text)
    if dated is not None and dated != article.published:
        article = dataclasses.replace(article, published=dated)
    return ExtractedArticle(text=text, article=article)


def _dateline_day(text: str) -> dt.date | None:
    """`Feb. 23, 2015 -- Peanut allergies…`: a full date that opens the story's first lines (after its
    place, if any) and a dash is the newsroom's own dating of the story; the page's date may be a guess read
    from its furniture or a later update, so the dateline wins."""
    lines = text.split("\n", _DATELINE_LINES)
    found = _DATELINE_DAY.search("\n".join(lines[:_DATELINE_LINES]))
    month = month_number(found.group(1)) if found is not None else None
    if found is None or month is None:
        return None
    try:
        return dt.date(int(found.group(3)), month, int(found.group(2)))
    except ValueError:
        return None


def _main_text(tree: HtmlElement, url: str | None, links: PageLinks, *, fast: bool,
               tables: bool = True) -> str:
    doc = trafilatura.bare_extraction(tree, url=url, fast=fast, include_comments=False,
                                      include_tables=tables)
    if not isinstance(doc, Document):
        return ""
    return drop_teasers(drop_furniture_lines(doc.text or ""), links).strip()


def _laid_out_in_a_table(text: str) -> bool:
    """A table row of article length: the page's layout table, not a table in the article."""
    return any(line.lstrip().startswith("|") and len(line.split()) > LAYOUT_CELL_WORDS
               for line in text.splitlines())


def _require_words(text: str, min_words: int) -> None:
    count = _words(text)
    if count < min_words and _unspaced_script(text):
        # Japanese or Chinese put no spaces between words: a whole article counts as a few "words"
        raise NotEnglish()
    if count < min_words:
        raise NoArticleText(f"the page has too little article text to check ({count} words): it may need "
                            "JavaScript or a login; paste the article's text instead")


def _unspaced_script(text: str) -> bool:
    """Mostly letters of a script written without spaces (CJK, Thai), enough of them for an article."""
    letters = [ch for ch in text if ch.isalpha()]
    unspaced = sum(1 for ch in letters if ord(ch) >= 0x0E00)
    return len(letters) >= UNSPACED_MIN_LETTERS and unspaced > len(letters) / 2


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0

