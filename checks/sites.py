"""Which site a URL belongs to: its registrable domain, read from the Public Suffix List.

A page may say what its own address is (<link rel=canonical>, og:url), but only its own site
can vouch for that: `news.example.org` and `www.example.org` are one site, `attacker.github.io`
and `ledger.github.io` are two, because github.io is a public suffix. The list ships inside
the publicsuffixlist wheel, so nothing is fetched at run time.
"""

from __future__ import annotations

import functools
import ipaddress
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

__all__ = ["registrable_domain", "same_site"]


@functools.cache
def _suffixes() -> PublicSuffixList:
    # loaded on first use: parsing the list takes a noticeable fraction of a second
    return PublicSuffixList()


def registrable_domain(url: str | None) -> str | None:
    """'https://news.example.co.uk/a' -> 'example.co.uk'; an IP address or a one-label host is its own site.

    None when the URL has no host (a relative or malformed URL).
    """
    try:
        host = urlsplit(url or "").hostname
    except ValueError:  # a malformed IPv6 literal, say
        return None
    host = (host or "").rstrip(".").lower()
    if not host:
        return None
    try:
        return ipaddress.ip_address(host).compressed
    except ValueError:
        pass
    # None from the list means the host is itself a public suffix ('github.io', 'localhost'):
    # nothing narrower names a site, so the whole host does
    return _suffixes().privatesuffix(host) or host


def same_site(first: str | None, second: str | None) -> bool:
    """True when both URLs have a host and those hosts share a registrable domain."""
    site = registrable_domain(first)
    return site is not None and site == registrable_domain(second)
