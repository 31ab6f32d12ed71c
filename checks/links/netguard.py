"""Which network addresses a pasted link may reach: the public internet only.

deskcheck fetches whatever a reporter pastes, so without this a link could make the bot
read an internal admin page or the cloud metadata service (169.254.169.254) and paste
the answer into a shared channel. The rules here are pure functions over resolved
addresses; checks.fetch resolves each hop (resolve_host_within bounds the lookup in time),
asks these rules, then connects to the very address it checked.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

__all__ = ["IPAddress", "IPNetwork", "parse_networks", "refusal_reason", "resolve_host",
           "resolve_host_within"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits; Python 3.11 calls it global.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def refusal_reason(ip: IPAddress, allowed: Iterable[IPNetwork] = ()) -> str | None:
    """Why `ip` is off limits (a phrase a reporter understands), or None for a public address.

    `allowed` lists networks a self-hoster deliberately opens (an intranet CMS, a test server).
    """
    if any(ip.version == net.version and ip in net for net in allowed):
        return None
    inner = _embedded_ipv4(ip)
    if inner is not None:
        # An IPv6 wrapper around an IPv4 address reaches that IPv4 address.
        return refusal_reason(inner, allowed)
    return _range_reason(ip)


def _range_reason(ip: IPAddress) -> str | None:
    # Order matters only for the wording: the most specific description first.
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "this machine (a loopback address)"
    if ip.is_link_local:
        return "a link-local address (where cloud metadata services live)"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private network address"
    if ip.is_reserved:
        return "a reserved address"
    if ip in _NAT64_LOCAL or not ip.is_global:
        # e.g. 100.64.0.0/10, the carrier-grade NAT space, which is neither private nor global.
        return "an address outside the public internet"
    return None


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, 6to4 or NAT64 IPv6 address, if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to, IPv4 first (many sites publish IPv6 they cannot serve).

    Raises OSError (socket.gaierror) when the name does not resolve.
    """
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        # Strip an IPv6 zone ("fe80::1%eth0"): the address itself is what gets judged.
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in found:
            found.append(ip)
    return sorted(found, key=lambda a: a.version)


_LOOKUP_WORKERS = 4
_lookup_lock = threading.Lock()
_lookup_pool: list[ThreadPoolExecutor] = []  # made by the first lookup, not at import


def _lookups() -> ThreadPoolExecutor:
    with _lookup_lock:
        if not _lookup_pool:
            _lookup_pool.append(ThreadPoolExecutor(_LOOKUP_WORKERS, thread_name_prefix="deskcheck-dns"))
        return _lookup_pool[0]


def resolve_host_within(host: str, port: int, seconds: float) -> list[IPAddress]:
    """resolve_host, waiting at most `seconds`: TimeoutError after them, OSError for an unknown name."""
    # getaddrinfo has no timeout of its own and a dead resolver can hold it for half a minute,
    # so it runs on a worker that the caller stops waiting for. The few workers bound how
    # many hung lookups can pile up; later lookups then wait in line and time out too.
    return _lookups().submit(resolve_host, host, port).result(timeout=max(0.0, seconds))


def parse_networks(spec: Sequence[str]) -> tuple[IPNetwork, ...]:
    """'10.1.2.0/24', '127.0.0.1' -> networks; a bare address is a single-address network."""
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in spec if item.strip())
