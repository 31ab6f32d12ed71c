"""An article page's metadata: title, author, site, canonical URL, publication date.

trafilatura's own metadata pass (`with_metadata=True`) also collects categories, tags and
the licence, and looks for an author with a deep copy of the page and a dozen regular
expressions; measured on the scrapinghub benchmark pages that made extraction a third
slower. deskcheck needs neither categories nor licences, so this module runs trafilatura's
<meta> and JSON-LD readers and htmldate directly, and looks for a byline in one pass.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from urllib.parse import urljoin, urlsplit

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement

# Not in trafilatura's __all__, but stable across 1.x and 2.x: the readers its own
# extract_metadata() is built from.
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url

from ..models import Article
from ..sites import same_site

__all__ = ["read_metadata"]

log = logging.getLogger(__name__)

# Where newsrooms put the byline: rel/itemprop markup first, then the common class names,
# never inside reader comments.
_BYLINE = XPath(
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'byline') or contains(@class, 'author')]"
    "[not(ancestor-or-self::*[contains(@class, 'comment') or contains(@id, 'comment')])]"
)
_BY = re.compile(r"^\s*(?:by|written by|words by|posted by|story by)[:\s]+", re.IGNORECASE)
_MAX_NAME_WORDS = 6
_CANONICAL_LINK = XPath("//link[translate(@rel, 'CANONIL', 'canonil')='canonical']/@href")


def read_metadata(tree: HtmlElement, url: str | None) -> Article:
    """The page's Article metadata (without `words`, which the engine counts)."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a handle ("jsmith") or a site name, not a byline
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as exc:  # trafilatura's JSON-LD reader trips on odd markup; the rest still counts
        log.debug("JSON-LD metadata unreadable: %s", exc)
    # the raw <link> last: trafilatura drops a relative href ("/story") that a browser would resolve
    canonical = _own_canonical(url, meta.url, extract_url(tree), *_CANONICAL_LINK(tree)[:1])
    published = find_date(tree, url=canonical, original_date=True, extensive_search=True,
                          max_date=dt.datetime.now(dt.UTC).date().isoformat())
    site = (meta.sitename or "").lstrip("@") or (urlsplit(canonical).hostname if canonical else None)
    return Article(
        title=_clean(meta.title) or _clean(extract_title(tree)),
        site=_clean(site),
        author=_clean(meta.author) or _byline(tree),
        published=_date(published),
        canonical_url=_clean(canonical),
        language=_clean(tree.get("lang")),
    )


def _own_canonical(fetched: str | None, *declared: str | None) -> str | None:
    """The first canonical URL the page declares on the fetched URL's own site, else the fetched URL.

    Any page can name any address as its canonical one; believed from another site, that claim let
    a page pass itself off as another publisher's article (and take its place in the history).
    Without a fetched URL there is no site to vouch for a claim, so none is believed.
    """
    for claim in declared:
        absolute = urljoin(fetched, claim.strip()) if fetched and claim else None
        if absolute and urlsplit(absolute).scheme in ("http", "https") and same_site(absolute, fetched):
            return absolute
    return fetched


def _byline(tree: HtmlElement) -> str | None:
    for element in _BYLINE(tree)[:20]:
        if not isinstance(element, HtmlElement):
            continue
        # itertext, not text_content: "Ann Lee<br>Wire" is two words apart, not "Ann LeeWire"
        text = _BY.sub("", " ".join(" ".join(element.itertext()).split()))
        words = text.split()
        # A byline names people: 2-6 words, capitalised, no dates or counts in it.
        if (2 <= len(words) <= _MAX_NAME_WORDS and text[0].isupper()
                and not any(ch.isdigit() for ch in text)):
            # "Ann Lee and Bo Park, Wire" -> "Ann Lee; Bo Park; Wire", as the <meta> path writes it
            return normalize_authors(None, text) or text
    return None


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
