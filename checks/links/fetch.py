"""Fetch a pasted link safely: public addresses only, bounded in time, size and redirects.

FetchError (checks.errors)
 ├── BadLink           not an http(s) link, or one with a user name or password in it
 ├── PrivateAddress    the link (or a redirect) points into a private network
 ├── SiteUnreachable   the name does not resolve, or the site refuses the connection
 ├── FetchTimeout      the site is too slow
 ├── TLSFailure        the site's HTTPS certificate or handshake is broken
 ├── TooManyRedirects
 ├── HTTPFailure       the site answered with an error status
 │    ├── PageNotFound (404, 410)
 │    ├── AccessDenied (401, 403, 451)
 │    └── ServerError  (5xx)
 ├── TooLarge          over the size limit, counted after decompression
 └── NotAnArticle      a PDF, an image or another file that is not a web page (or, for
                       fetch_feed, not a feed)

The time limit is one wall clock for the whole fetch: DNS, connect, TLS, headers and body,
across every redirect. checks.deadline holds each socket wait to the time left, so a site
that dribbles its headers or body cannot stretch it.

Every hop is resolved, checked by checks.netguard, and then connected to *by the checked
address* (the URL's host is replaced by the IP; the Host header and the TLS SNI/certificate
check keep the real name), so a DNS answer that changes between check and connect
(DNS rebinding) cannot steer the request elsewhere. Proxies from the environment are
ignored for the same reason: a proxy would make its own, unchecked, resolution.

fetch_page reads what a checked link may be: a web page or plain text, never JSON. fetch_feed
is the opt-in of `deskcheck factchecks import` alone: the same guards, but it also takes the
media types fact-check feeds are served as (JSON, JSON-LD, CSV) and a larger size limit,
FEED_MAX_BYTES, since a publisher's whole ClaimReview feed is far larger than one article.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata

import httpx

from ..errors import FetchError
from .deadline import deadline_transport
from .netguard import IPNetwork, refusal_reason, resolve_host_within
from .pagebytes import binary_kind, decode_page, make_decoder

__all__ = [
    "FEED_MAX_BYTES", "FEED_TYPES", "PAGE_TYPES", "USER_AGENT", "AccessDenied", "BadLink", "FetchLimits",
    "FetchTimeout", "HTTPFailure", "NotAnArticle", "Page", "PageNotFound", "PrivateAddress", "ServerError",
    "SiteUnreachable", "TLSFailure", "TooLarge", "TooManyRedirects", "fetch_feed", "fetch_page",
]


class BadLink(FetchError):
    """Not an http(s) link, or one with credentials in it."""

class PrivateAddress(FetchError):
    """The link or a redirect points into a private network."""

class SiteUnreachable(FetchError):
    """The name does not resolve, or the site refuses or drops the connection."""

class FetchTimeout(FetchError):
    """The site is too slow."""

class TLSFailure(FetchError):
    """The site's HTTPS certificate or handshake is broken."""

class TooManyRedirects(FetchError):
    """More redirects than the limit."""

class TooLarge(FetchError):
    """Over the size limit, counted after decompression."""

class NotAnArticle(FetchError):
    """A PDF, an image or another file that is not a web page."""



class HTTPFailure(FetchError):
    """The site answered with an error status; `status` is the HTTP code."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class PageNotFound(HTTPFailure):
    """HTTP 404 or 410."""

class AccessDenied(HTTPFailure):
    """HTTP 401, 403 or 451: a login or a block."""

class ServerError(HTTPFailure):
    """HTTP 5xx."""



def _version() -> str:
    try:
        return metadata.version("deskcheck")
    except metadata.PackageNotFoundError:
        return "0"


# Site operators see this in their logs: say who we are and where to complain.
USER_AGENT = (f"deskcheck/{_version()} (newsroom verification bot; "
              "+https://example.org/deskcheck; contact: deskcheck@example.org)")
# The media types a checked link may be ("" is a server that names none).
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
# ... and those a fact-check feed may be: what publishers, DataCommons and Fact Check Tools serve.
FEED_TYPES = ("application/json", "application/ld+json", "text/csv", *PAGE_TYPES)
# A publisher's full ClaimReview feed runs to a few MB (about 1 KB a review); 20 MB leaves room
# for tens of thousands of reviews while still bounding what one import holds in memory.
FEED_MAX_BYTES = 20_000_000
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    connect_timeout: float = 5.0  # seconds, per address tried, and for the DNS lookup
    total_timeout: float = 20.0  # seconds, wall clock, for the whole fetch with its redirects


@dataclass(frozen=True)
class Page:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    text: str
    encoding: str
    redirects: tuple[str, ...] = field(default=())  # the URLs that redirected, in order


@dataclass(frozen=True)
class _Wanted:
    """What a fetch reads: its media types, what it asks the site for, and how a refusal reads."""

    types: tuple[str, ...]
    accept: str  # the Accept header
    noun: str  # "page" or "feed", in "the page is larger than…"
    kind: str  # in "the link is a PDF, not <kind>"
    reads: str  # what deskcheck reads, after a file sniffed as binary
    refused: str  # what the user can do instead, after a PDF
    too_big: str  # what the user can do instead, after a body over the size limit


_PAGE = _Wanted(PAGE_TYPES, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", "page", "a web page",
                reads="deskcheck checks article pages", refused="paste the article's text instead",
                too_big="paste the article's text instead")
_FEED = _Wanted(FEED_TYPES, "application/ld+json,application/json,text/csv;q=0.9,text/html;q=0.8,*/*;q=0.5",
                "feed", "a fact-check feed", reads="deskcheck reads ClaimReview JSON, CSV and web pages",
                refused="deskcheck reads ClaimReview JSON, CSV and web pages",
                too_big="download it and import the file instead")


@dataclass(frozen=True)
class _Hop:
    """What every hop is held to: the address rules, the limits, the whole fetch's deadline."""

    allow_private: bool
    allowed: tuple[IPNetwork, ...]
    limits: FetchLimits
    deadline: float
    wanted: _Wanted = _PAGE


def fetch_feed(url: str, *, allow_private: bool = False, limits: FetchLimits | None = None,
               allowed_networks: Sequence[IPNetwork] = ()) -> Page:
    """GET a fact-check feed: JSON, JSON-LD, CSV, text or a page; a FetchError subclass otherwise.

    Every guard of fetch_page holds (addresses, redirects, the one deadline, the size limit,
    FEED_MAX_BYTES unless `limits` says otherwise). Only the import command uses it: a checked
    link that serves JSON stays refused.
    """
    return _fetch(url, _FEED, allow_private=allow_private,
                  limits=limits or FetchLimits(max_bytes=FEED_MAX_BYTES),
                  allowed_networks=allowed_networks, deadline=None)


def fetch_page(url: str, *, allow_private: bool = False, limits: FetchLimits | None = None,
               allowed_networks: Sequence[IPNetwork] = (), deadline: float | None = None) -> Page:
    """GET an article page. Raises a FetchError subclass with a one-line reason otherwise.

    `allow_private` lifts the address rules (tests, self-hosters on an intranet);
    `allowed_networks` lifts them for these networks only. `deadline`, a time.monotonic()
    instant, ends the fetch earlier than its own limit: a caller that fetches twice for one
    link (a <meta> refresh) passes the same one to both, so the limit holds for the pair.
    """
    return _fetch(url, _PAGE, allow_private=allow_private, limits=limits or FetchLimits(),
                  allowed_networks=allowed_networks, deadline=deadline)


def _fetch(url: str, wanted: _Wanted, *, allow_private: bool, limits: FetchLimits,
           allowed_networks: Sequence[IPNetwork], deadline: float | None) -> Page:
    own = time.monotonic() + limits.total_timeout
    ends = own if deadline is None else min(own, deadline)
    hop = _Hop(allow_private, tuple(allowed_networks), limits, ends, wanted)
    current = _parse(url)
    seen: list[str] = []
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, br", "Accept": wanted.accept,
               # The checks read English; sites with several editions should serve that one.
               "Accept-Language": "en;q=1.0, *;q=0.5"}
    with httpx.Client(trust_env=False, follow_redirects=False, headers=headers,
                      transport=deadline_transport(hop.deadline)) as client:
        for _ in range(limits.max_redirects + 1):
            with _send(client, current, hop) as response:
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    seen.append(str(current))
                    current = _parse(str(current.join(location.strip())))
                    continue
                _check_status(response.status_code, current)
                return _read_page(response, current, tuple(seen), hop)
    raise TooManyRedirects(f"the link redirects more than {limits.max_redirects} times; "
                           "open it in a browser and paste the final address")


def _parse(raw: str) -> httpx.URL:
    try:
        url = httpx.URL(raw.strip())
    except (httpx.InvalidURL, ValueError, TypeError):
        raise BadLink(f"'{raw[:80]}' is not a web link deskcheck can read") from None
    if url.scheme not in ("http", "https") or not url.raw_host:
        raise BadLink(f"only http and https links can be checked, not '{raw[:80]}'")
    if url.userinfo:
        raise BadLink("links with a user name or password in them are not fetched; "
                      "paste the article's text instead")
    return url


@contextmanager
def _send(client: httpx.Client, url: httpx.URL, hop: _Hop) -> Iterator[httpx.Response]:
    host = url.raw_host.decode("ascii")
    addresses = _checked_addresses(host, url.port or (443 if url.scheme == "https" else 80), hop)
    response = _connect(client, url, host, addresses, hop)
    try:
        yield response
    except httpx.HTTPError as exc:
        raise _explain(exc, host, hop) from None
    finally:
        response.close()


# Each address that does not answer can cost the connect timeout, so only a few are tried.
_MAX_ADDRESSES_TRIED = 3


def _connect(client: httpx.Client, url: httpx.URL, host: str, addresses: list[str],
             hop: _Hop) -> httpx.Response:
    """Send the request to the first checked address that accepts the connection."""
    netloc = f"[{host}]" if ":" in host else host
    extensions = {"sni_hostname": host} if url.scheme == "https" else {}
    failure: httpx.HTTPError | None = None
    for ip in addresses[:_MAX_ADDRESSES_TRIED]:
        request = client.build_request(
            "GET", url.copy_with(host=ip),
            headers={"Host": f"{netloc}:{url.port}" if url.port else netloc},
            # The transport cuts every wait at the fetch's deadline; these bound single waits.
            timeout=httpx.Timeout(hop.limits.total_timeout, connect=hop.limits.connect_timeout),
            extensions=extensions,
        )
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as exc:  # this address is down or unroutable: try the next
            failure = exc
        except httpx.HTTPError as exc:
            raise _explain(exc, host, hop) from None
    assert failure is not None
    raise _explain(failure, host, hop)


def _checked_addresses(host: str, port: int, hop: _Hop) -> list[str]:
    left = hop.deadline - time.monotonic()
    if left <= 0:
        raise _timeout(hop)
    try:
        addresses = resolve_host_within(host, port, min(hop.limits.connect_timeout, left))
    except TimeoutError:  # before OSError, of which it is a kind
        if time.monotonic() >= hop.deadline:
            raise _timeout(hop) from None
        raise FetchTimeout(f"looking up the site {host} took too long (DNS); try again later") from None
    except (OSError, UnicodeError):
        raise SiteUnreachable(f"the site {host} could not be found (DNS): check the link") from None
    if not addresses:
        raise SiteUnreachable(f"the site {host} could not be found (DNS): check the link")
    if not hop.allow_private:
        for ip in addresses:
            reason = refusal_reason(ip, hop.allowed)
            if reason:
                raise PrivateAddress(f"{host} leads to {reason}, not to a public website, "
                                     "so deskcheck does not fetch it")
    return [str(ip) for ip in addresses]


def _explain(exc: httpx.HTTPError, host: str, hop: _Hop) -> FetchError:
    if isinstance(exc, httpx.TimeoutException):
        if isinstance(exc, httpx.ConnectTimeout) and time.monotonic() < hop.deadline:
            return FetchTimeout(f"the site {host} took too long to accept the connection (more than "
                                f"{hop.limits.connect_timeout:g} s); {_TRY_LATER}")
        return _timeout(hop)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return TLSFailure(f"the secure connection to {host} failed (its HTTPS certificate "
                              "or setup is broken); deskcheck does not read such pages")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ConnectError):
        return SiteUnreachable(f"the site {host} refused the connection or is down")
    return SiteUnreachable(f"the connection to {host} broke off before the page arrived")


_TRY_LATER = "try again later, or paste the article's text"


def _timeout(hop: _Hop) -> FetchTimeout:
    return FetchTimeout(f"the site took too long (more than {hop.limits.total_timeout:g} s) "
                        f"to send the page; {_TRY_LATER}")


def _check_status(status: int, url: httpx.URL) -> None:
    where = url.raw_host.decode("ascii")
    if status in (404, 410):
        raise PageNotFound(f"the page was not found on {where} (HTTP {status}): check the link", status)
    if status in (401, 403, 451):
        raise AccessDenied(f"{where} refused to show the page (HTTP {status}); it may need a login: "
                           "paste the article's text instead", status)
    if status >= 500:
        raise ServerError(f"{where} had an error (HTTP {status}); try again later", status)
    if status >= 400 or status < 200:
        raise HTTPFailure(f"{where} answered HTTP {status} instead of the page", status)


def _read_page(response: httpx.Response, url: httpx.URL, redirects: tuple[str, ...], hop: _Hop) -> Page:
    content_type = response.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    _refuse_media(media, hop.wanted)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > hop.limits.max_bytes:
        raise _too_large(hop)
    body = _read_body(response, hop)
    what = binary_kind(body)
    if what:
        raise NotAnArticle(f"the link is {what}, not {hop.wanted.kind}; {hop.wanted.reads}")
    text, encoding = decode_page(body, response.charset_encoding)
    return Page(url=str(url), status=response.status_code, content_type=media or "text/html",
                text=text, encoding=encoding, redirects=redirects)


def _refuse_media(media: str, wanted: _Wanted) -> None:
    if media == "application/pdf":
        raise NotAnArticle(f"the link is a PDF, not {wanted.kind}; {wanted.refused}")
    if media.startswith(("image/", "video/", "audio/")):
        raise NotAnArticle(f"the link is {media.split('/')[0]} media, not {wanted.kind}")
    if media not in wanted.types and media != "application/octet-stream":
        raise NotAnArticle(f"the link is not {wanted.kind} deskcheck can read (it is {media})")


def _read_body(response: httpx.Response, hop: _Hop) -> bytes:
    decoder = make_decoder(response.headers.get("content-encoding", ""))
    if decoder is None:
        raise NotAnArticle("the site sent the page in a compression deskcheck does not read")
    limit, parts, size = hop.limits.max_bytes, [], 0
    try:
        for chunk in response.iter_raw():
            piece = decoder.feed(chunk, limit - size + 1)
            size += len(piece)
            if size > limit:
                raise _too_large(hop)
            parts.append(piece)
    except ValueError as exc:  # the decoders report damaged compressed data as ValueError
        raise SiteUnreachable(f"the page arrived damaged ({type(exc).__name__})") from None
    return b"".join(parts)


def _too_large(hop: _Hop) -> TooLarge:
    return TooLarge(f"the {hop.wanted.noun} is larger than {hop.limits.max_bytes // 1_000_000} MB, "
                    f"deskcheck's limit; {hop.wanted.too_big}")
