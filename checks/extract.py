"""From a fetched page to the article's text and metadata, with trafilatura.

FetchError (checks.errors)
 └── NoArticleText   the page holds too little article text (a JavaScript shell, a login wall)

trafilatura drops navigation, cookie banners, share bars, related links and reader
comments, and reads the title, author, site name, canonical URL and publication date
(htmldate) from <meta>, JSON-LD and the page itself. Paragraphs come out one per line,
which is how pasted articles arrive too, so the quote logic sees the same structure.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from .errors import FetchError
from .fetch import Page
from .models import Article, InputInfo
from .pagemeta import read_metadata

__all__ = ["MIN_WORDS", "ExtractedArticle", "NoArticleText", "extract_article", "from_page"]


log = logging.getLogger(__name__)
# trafilatura logs every page it gives up on at WARNING; the caller gets NoArticleText instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


class NoArticleText(FetchError):
    """The page holds too little article text to check."""


# A news brief is rarely under 60 words; a JavaScript shell or a login wall almost always is.
MIN_WORDS = 60


@dataclass(frozen=True)
class ExtractedArticle:
    text: str
    article: Article

    def input_info(self, url: str | None) -> InputInfo:
        """The report's `input` for this article: the final URL and the checked text's hash."""
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return InputInfo(kind="url", url=url, sha256=digest)


def from_page(page: Page, *, min_words: int = MIN_WORDS) -> ExtractedArticle:
    """The article in a fetched page; a text/plain page is the article itself."""
    if page.content_type == "text/plain":
        text = page.text.strip()
        _require_words(text, min_words)
        return ExtractedArticle(text=text, article=Article(canonical_url=page.url))
    return extract_article(page.text, page.url, min_words=min_words)


def extract_article(html: str, url: str | None = None, *, min_words: int = MIN_WORDS) -> ExtractedArticle:
    """Main text and metadata of an article page. Raises NoArticleText when there is too little."""
    tree = load_html(html)
    if tree is None:
        raise NoArticleText("the page is empty or not HTML; paste the article's text instead")
    # One parse serves both passes: trafilatura extracts from its own copy of the tree.
    try:
        article = read_metadata(tree, url)
    except Exception as exc:  # a metadata reader's bug must not cost the reporter the whole check
        log.warning("metadata unreadable on %s: %r", url, exc)
        article = Article(canonical_url=url)
    text = _main_text(tree, url, fast=True)
    if _words(text) < MIN_WORDS:
        # The fast path skips trafilatura's second opinion (readability, jusText); ask for
        # it only when the first pass found too little, where it can rescue odd layouts.
        text = max(text, _main_text(tree, url, fast=False), key=len)
    _require_words(text, min_words)
    return ExtractedArticle(text=text, article=article)


def _main_text(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    doc = trafilatura.bare_extraction(tree, url=url, fast=fast, include_comments=False)
    return (doc.text or "").strip() if isinstance(doc, Document) else ""


def _require_words(text: str, min_words: int) -> None:
    count = _words(text)
    if count < min_words:
        raise NoArticleText(f"the page has too little article text to check ({count} words): it may need "
                            "JavaScript or a login; paste the article's text instead")


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0

