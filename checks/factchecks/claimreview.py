"""Published fact-checks in the formats fact-checkers and aggregators publish them.

    feed = parse_feed(Path("politifact.json").read_bytes(), name="politifact.json")
    feed.reviews   # ClaimReview(url=…, claim=…, rating="Pants on Fire", …), in feed order
    feed.skipped   # entries that were ClaimReviews in shape but lacked a claim, a rating or a URL

Formats (schema.org ClaimReview, https://schema.org/ClaimReview, as Google documents it at
https://developers.google.com/search/docs/appearance/structured-data/factcheck):
- ClaimReview JSON-LD: one object, a list, or an `@graph`;
- an HTML page carrying it in `<script type="application/ld+json">` (a fact-checker's article);
- the DataCommons feed, `{"dataFeedElement": [{"item": [ClaimReview, …]}]}`;
- the Google Fact Check Tools `claims:search` response, `{"claims": [{"text", "claimReview": […]}]}`;
- CSV with the columns claim, rating, url and, optionally, publisher, date (and claimant, claim_date,
  language, title, publisher_site).

Anything else raises NotAFactCheckFeed before a single review is returned, so nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import NotAFactCheckFeed

__all__ = ["CSV_COLUMNS", "MAX_URL_BYTES", "ClaimReview", "ParsedFeed", "claim_authors", "parse_feed"]

CSV_COLUMNS = ("claim", "rating", "publisher", "url", "date")
_CSV_REQUIRED = ("claim", "rating", "url")
_CSV_OPTIONAL = ("claimant", "claim_date", "language", "title", "publisher_site")
MAX_URL_BYTES = 2000  # a longer "URL" is damage, and PostgreSQL could not index it as a key
_FORMATS = ("ClaimReview JSON-LD, an HTML page with ClaimReview markup, a DataCommons feed, "
            "a Google Fact Check Tools response, or a CSV with the columns " + ", ".join(CSV_COLUMNS))
_LD_SCRIPT = re.compile(r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
                        re.IGNORECASE | re.DOTALL)
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")
# Files people export or download instead of a feed, with what to do about each (the feed's own
# table, not checks.links.pagebytes': reading a feed needs none of the page fetcher).
_BINARY = {b"%PDF": "a PDF", b"PK\x03\x04": "a spreadsheet or other zipped file (export the sheet as CSV)",
           b"\xd0\xcf\x11\xe0": "an old Excel or Word file (export the sheet as CSV)",
           b"\x1f\x8b": "gzip-compressed (unpack it first)", b"\x89PNG": "an image",
           b"\xff\xd8\xff": "an image", b"GIF8": "an image"}
_DAY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%Y/%m/%d")


@dataclass(frozen=True)
class ClaimReview:
    """One published verdict. `url` (the review's own page) is its key; `rating` is verbatim."""

    url: str
    claim: str
    rating: str
    publisher: str | None = None
    publisher_site: str | None = None  # the publisher's host name, without "www."
    review_date: str | None = None  # ISO 8601 date
    claimant: str | None = None
    claim_date: str | None = None  # ISO 8601 date
    language: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    reviews: tuple[ClaimReview, ...]
    skipped: int  # entries that looked like ClaimReviews but lacked what a verdict needs


class _Skip(Exception):
    """One entry is unusable: counted, and the rest of the feed still imports."""


def parse_feed(raw: bytes, *, name: str = "", base_url: str | None = None) -> ParsedFeed:
    """Every ClaimReview in `raw`, whatever the format; raises NotAFactCheckFeed for none of them.

    name: what the user called the input (a file name or URL), for the error message.
    base_url: the page's own address, for a review in an HTML page that gives no or a relative URL.
    """
    label = name or "the input"
    what = next((kind for magic, kind in _BINARY.items() if raw.lstrip()[:8].startswith(magic)), None)
    if what:
        raise NotAFactCheckFeed(f"{label} is {what}, not a fact-check feed; deskcheck reads {_FORMATS}")
    text = _decode(raw)
    head = text.lstrip()[:1]
    if not head:
        raise NotAFactCheckFeed(f"{label} is empty; deskcheck reads {_FORMATS}")
    if head in "{[":
        return _from_json(_load_json(text, label), label, base_url)
    if head == "<":
        return _from_html(text, label, base_url)
    return _from_csv(text, label)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # spreadsheet exports on Windows


def _load_json(text: str, label: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotAFactCheckFeed(f"{label} is not valid JSON: it breaks off or is damaged at line "
                                f"{exc.lineno}, column {exc.colno}; nothing was imported") from None


def _from_json(data: Any, label: str, base_url: str | None = None) -> ParsedFeed:
    if isinstance(data, dict) and "dataFeedElement" in data:
        return _from_datacommons(data["dataFeedElement"], label)
    if isinstance(data, dict) and "claims" in data:
        return _from_google(data["claims"], label)
    entries = list(_claimreview_nodes(data))
    if not entries:
        raise NotAFactCheckFeed(f"{label} is JSON but holds no ClaimReview; deskcheck reads {_FORMATS}")
    return _collect(entries, lambda node: _from_node(node, base_url))


def _from_html(text: str, label: str, base_url: str | None) -> ParsedFeed:
    entries: list[Any] = []
    for block in _LD_SCRIPT.findall(text):
        body = "\n".join(line for line in block.strip().splitlines() if not _CDATA.fullmatch(line))
        try:
            data = json.loads(body)
        except json.JSONDecodeError:
            if "ClaimReview" in body:  # a broken block that meant to carry a verdict
                entries.append(None)
            continue
        entries.extend(_claimreview_nodes(data))
    if not entries:
        raise NotAFactCheckFeed(f"{label} is a web page without ClaimReview markup; "
                                f"deskcheck reads {_FORMATS}")
    return _collect(entries, lambda node: _from_node(node, base_url))


def _from_datacommons(elements: Any, label: str) -> ParsedFeed:
    if not isinstance(elements, list):
        raise NotAFactCheckFeed(f"{label}: dataFeedElement is not a list; not a DataCommons feed")
    entries: list[Any] = []
    for element in elements:
        item = element.get("item") if isinstance(element, dict) else None
        entries.extend(item if isinstance(item, list) else [item])
    return _collect(entries, lambda node: _from_node(node, None))


def _from_google(claims: Any, label: str) -> ParsedFeed:
    if not isinstance(claims, list):
        raise NotAFactCheckFeed(f"{label}: 'claims' is not a list; not a Fact Check Tools response")
    entries: list[tuple[Any, Any]] = []
    for claim in claims:
        reviews = claim.get("claimReview") if isinstance(claim, dict) else None
        if isinstance(reviews, list) and reviews:
            entries.extend((claim, review) for review in reviews)
        else:
            entries.append((claim, None))
    return _collect(entries, lambda pair: _from_google_review(*pair))


def _from_csv(text: str, label: str) -> ParsedFeed:
    first = text.lstrip().splitlines()[0]
    delimiter = max(",;\t", key=first.count)  # spreadsheets in some locales export with ';'
    reader = csv.DictReader(io.StringIO(text.lstrip()), delimiter=delimiter)
    header = {(column or "").strip().lower(): column for column in reader.fieldnames or []}
    missing = [column for column in _CSV_REQUIRED if column not in header]
    looks_like_a_header = len(header) > 1 and all(len(column.split()) <= 3 for column in header)
    if missing and looks_like_a_header:
        raise NotAFactCheckFeed(f"{label} is a CSV without the column{'s' * (len(missing) > 1)} "
                                f"{', '.join(missing)}; a fact-check CSV has {', '.join(CSV_COLUMNS)}")
    if missing:
        raise NotAFactCheckFeed(f"{label} is not a fact-check feed; deskcheck reads {_FORMATS}")
    wanted = (*CSV_COLUMNS, *_CSV_OPTIONAL)
    rows = [{key: row.get(header[key]) for key in wanted if key in header} for row in reader
            if any((value or "").strip() for value in row.values() if isinstance(value, str))]
    return _collect(rows, _from_csv_row)


def _collect(entries: list[Any], convert: Callable[[Any], ClaimReview]) -> ParsedFeed:
    reviews: list[ClaimReview] = []
    skipped = 0
    for entry in entries:
        try:
            reviews.append(convert(entry))
        except (_Skip, TypeError, AttributeError, ValueError):
            skipped += 1
    return ParsedFeed(tuple(reviews), skipped)


def _claimreview_nodes(data: Any) -> Iterator[Any]:
    """ClaimReviews at any depth (a page's @graph, a WebPage's mainEntity), entries of a list
    that carry `claimReviewed` without the type (malformed: counted as skipped), never inside one."""
    if isinstance(data, list):
        for item in data:
            yield from _claimreview_nodes(item)
    elif isinstance(data, dict):
        if _is_claimreview(data) or "claimReviewed" in data:
            yield data
            return
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _claimreview_nodes(value)


def claim_authors(data: Any) -> list[str]:
    """The names of the claims' authors (`itemReviewed.author`, each of a list) in parsed ClaimReview
    JSON-LD: the people or bodies the reviews check. A page reader asks, so as not to take them for
    the page's byline."""
    names: list[str] = []
    for node in _claimreview_nodes(data):
        item = _first(node.get("itemReviewed")) if _is_claimreview(node) else None
        author = item.get("author") if isinstance(item, dict) else None
        names += [name for who in (author if isinstance(author, list) else [author]) if (name := _name(who))]
    return names


def _is_claimreview(node: Mapping[str, Any]) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and re.split(r"[/:#]", k)[-1] == "ClaimReview" for k in kinds)


def _from_node(node: Any, base_url: str | None) -> ClaimReview:
    if not isinstance(node, dict) or not _is_claimreview(node):
        raise _Skip("not a ClaimReview")
    item = _first(node.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    rating = _first(node.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    org = _first(node.get("publisher")) or _first(node.get("author"))
    appearance = _first(item.get("appearance")) or _first(item.get("firstAppearance"))
    claim_date = item.get("datePublished") or (appearance.get("datePublished")
                                               if isinstance(appearance, dict) else None)
    url = _review_url(node.get("url") or node.get("@id"), base_url)
    return _review(url=url, claim=node.get("claimReviewed"),
                   rating=_text(rating.get("alternateName")) or _text(node.get("textualRating"))
                   or _text(rating.get("textualRating")),
                   publisher=_name(org), site=_site(org.get("url") if isinstance(org, dict) else None, url),
                   review_date=node.get("datePublished") or node.get("dateCreated"),
                   claimant=_name(_first(item.get("author"))), claim_date=claim_date,
                   language=_language(node.get("inLanguage")) or _language(item.get("inLanguage")),
                   title=node.get("name") or node.get("headline"))


def _from_google_review(claim: Any, review: Any) -> ClaimReview:
    if not isinstance(claim, dict) or not isinstance(review, dict):
        raise _Skip("a claim without a review")
    found = review.get("publisher")
    publisher: dict[str, Any] = found if isinstance(found, dict) else {}
    url = _review_url(review.get("url"), None)
    return _review(url=url, claim=claim.get("text"), rating=review.get("textualRating"),
                   publisher=_name(publisher), site=_site(publisher.get("site"), url),
                   review_date=review.get("reviewDate"), claimant=claim.get("claimant"),
                   claim_date=claim.get("claimDate"), language=review.get("languageCode"),
                   title=review.get("title"))


def _from_csv_row(row: dict[str, str | None]) -> ClaimReview:
    url = _review_url(row.get("url"), None)
    return _review(url=url, claim=row.get("claim"), rating=row.get("rating"), publisher=row.get("publisher"),
                   site=_site(row.get("publisher_site"), url), review_date=row.get("date"),
                   claimant=row.get("claimant"), claim_date=row.get("claim_date"),
                   language=row.get("language"), title=row.get("title"))


def _review(*, url: str, claim: Any, rating: Any, publisher: Any, site: str | None, review_date: Any,
            claimant: Any, claim_date: Any, language: Any, title: Any) -> ClaimReview:
    claim_text, rating_text = _text(claim), _text(rating)
    if not claim_text:
        raise _Skip("no claim")
    if not rating_text:
        raise _Skip("no rating")
    return ClaimReview(url=url, claim=claim_text, rating=rating_text, publisher=_text(publisher),
                       publisher_site=site, review_date=_iso_date(review_date), claimant=_text(claimant),
                       claim_date=_iso_date(claim_date), language=_text(language), title=_text(title))


def _review_url(value: Any, base_url: str | None) -> str:
    raw = _text(value) or ""
    url = urljoin(base_url, raw) if base_url else raw
    parts = urlsplit(url)
    too_long = len(url.encode("utf-8", "surrogatepass")) > MAX_URL_BYTES
    if parts.scheme not in ("http", "https") or not parts.hostname or too_long:
        raise _Skip("no review URL")
    return url


def _site(value: Any, review_url: str) -> str | None:
    """The host name, without "www.": from the publisher's URL or bare site, else the review's."""
    raw = _text(value) or review_url
    host = urlsplit(raw if "//" in raw else f"//{raw}").hostname
    return host.removeprefix("www.") if host else None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name(value: Any) -> str | None:
    """An Organization or Person's name, a Language's code or name, or a bare string."""
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("alternateName"))
    return _text(value)


def _language(value: Any) -> str | None:
    """A language code ('en') where the feed gives one, else its name."""
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("alternateName")) or _text(value.get("name"))
    return _text(value)


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _iso_date(value: Any) -> str | None:
    """YYYY-MM-DD for the dates feeds carry (ISO 8601 with or without a time, RFC 2822,
    "March 2, 2025"); the day as the publisher wrote it, never shifted to UTC. None if unreadable."""
    raw = _text(value)
    if not raw:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", raw)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    for fmt in _DAY_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
