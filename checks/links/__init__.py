"""Links: fetch a pasted link safely and pull the article and its metadata out of the page.

The only part of `checks` that touches the network. The pure engine never imports it: a text
check needs no httpx or trafilatura. `netguard` refuses private addresses, `deadline` makes the
fetch limit one wall clock, `fetch` follows redirects within the limits, `pagebytes` decodes the
body, `pagemeta` and `extract` read the article.
Importing this package starts nothing: pools and clients are made on first use.
"""

from .extract import ExtractedArticle, NoArticleText, extract_article, from_page, read_link
from .fetch import (
    AccessDenied,
    BadLink,
    FetchLimits,
    FetchTimeout,
    HTTPFailure,
    NotAnArticle,
    Page,
    PageNotFound,
    PrivateAddress,
    ServerError,
    SiteUnreachable,
    TLSFailure,
    TooLarge,
    TooManyRedirects,
    fetch_feed,
    fetch_page,
)
from .netguard import parse_networks

__all__ = [
    "AccessDenied", "BadLink", "ExtractedArticle", "FetchLimits", "FetchTimeout", "HTTPFailure",
    "NoArticleText", "NotAnArticle", "Page", "PageNotFound", "PrivateAddress", "ServerError",
    "SiteUnreachable", "TLSFailure", "TooLarge", "TooManyRedirects", "extract_article", "fetch_feed",
    "fetch_page", "from_page", "parse_networks", "read_link",
]
