"""Fetching a pasted link: the private-network rules, limits and one-line reasons, over real HTTP."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import brotli
import pytest
from support.newsroom_server import NewsSite, serve

from checks.errors import CheckError
from checks.links.fetch import (
    USER_AGENT,
    BadLink,
    FetchLimits,
    FetchTimeout,
    NotAnArticle,
    Page,
    PageNotFound,
    PrivateAddress,
    ServerError,
    SiteUnreachable,
    TLSFailure,
    TooLarge,
    TooManyRedirects,
    fetch_page,
)
from checks.links.netguard import parse_networks, refusal_reason, resolve_host
from checks.links.pagebytes import decode_page, make_decoder

STORY = "001_17b29c3997bab34f"
LOOPBACK_ONLY = parse_networks(["127.0.0.1"])


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with serve() as running:
        yield running


def fetch(url: str, **kwargs: Any) -> Page:
    """Fetch with only 127.0.0.1 opened, the test server's address: every other private address stays shut."""
    kwargs.setdefault("allowed_networks", LOOPBACK_ONLY)
    return fetch_page(url, **kwargs)


@pytest.mark.parametrize("address", [
    "10.0.0.1", "10.255.255.254", "172.16.0.1", "172.31.255.254", "192.168.1.10",
    "127.0.0.1", "127.8.9.10", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254",
    "0.0.0.0", "0.1.2.3", "224.0.0.251", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::1", "::", "fc00::1", "fd12:3456:789a::1", "fe80::1", "ff02::1", "2001:db8::1",
    "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.0.1",
    "2002:a00:1::1",          # 6to4 wrapping 10.0.0.1
    "2002:7f00:1::",          # 6to4 wrapping 127.0.0.1
    "64:ff9b::a9fe:a9fe",     # NAT64 wrapping 169.254.169.254
    "64:ff9b::c0a8:1",        # NAT64 wrapping 192.168.0.1
    "::10.0.0.1",             # the deprecated IPv4-compatible form
])
def test_every_private_or_special_range_is_refused(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.1.69", "2606:4700::1111", "::ffff:8.8.8.8",
                                     "2002:808:808::1", "64:ff9b::808:808"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is None


def test_an_allowed_network_opens_only_itself() -> None:
    allowed = parse_networks(["10.1.2.0/24"])
    assert refusal_reason(ipaddress.ip_address("10.1.2.3"), allowed) is None
    assert refusal_reason(ipaddress.ip_address("10.1.3.3"), allowed) is not None


def test_names_that_resolve_privately_are_judged_by_their_addresses() -> None:
    addresses = resolve_host("localhost", 80)
    assert addresses and all(refusal_reason(ip) for ip in addresses)


@pytest.mark.parametrize("host", ["localhost", "2130706433", "0x7f000001", "127.1", "[::1]",
                                  "[::ffff:127.0.0.1]", "127.0.0.2"])
def test_links_to_this_machine_are_refused_in_any_spelling(site: NewsSite, host: str) -> None:
    port = site.server_address[1]
    with pytest.raises((PrivateAddress, BadLink)):
        fetch_page(f"http://{host}:{port}/news/{STORY}")


def test_a_redirect_into_the_metadata_service_is_refused(site: NewsSite) -> None:
    with pytest.raises(PrivateAddress, match="link-local"):
        fetch(f"{site.base}/redirect?to=http://169.254.169.254/latest/meta-data/iam/")


@pytest.mark.parametrize("target", ["http://10.0.0.5/admin", "http://127.0.0.2:{port}/news/" + STORY,
                                    "http://[::1]:{port}/news/" + STORY,
                                    "http://0.0.0.0:{port}/news/" + STORY])
def test_a_redirect_into_a_private_network_is_refused_at_the_hop(site: NewsSite, target: str) -> None:
    hop = target.format(port=site.server_address[1])
    with pytest.raises(PrivateAddress):
        fetch(f"{site.base}/redirect?to={hop}")


@pytest.mark.parametrize("link", ["ftp://files.example.org/story.txt", "file:///etc/passwd",
                                  "javascript:alert(1)", "gopher://example.org/", "http://",
                                  "https://editor:hunter2@cms.example.org/story"])
def test_bad_schemes_and_credentials_are_refused_before_any_request(link: str) -> None:
    with pytest.raises(BadLink):
        fetch_page(link)


def test_private_addresses_are_reachable_when_allowed(site: NewsSite) -> None:
    page = fetch_page(f"{site.base}/news/{STORY}", allow_private=True)
    assert "We negotiate as equals" in page.text


def test_a_redirect_chain_of_five_is_followed_to_the_final_url(site: NewsSite) -> None:
    page = fetch(f"{site.base}/hop/5/{STORY}")
    assert page.url == f"{site.base}/news/{STORY}"
    assert len(page.redirects) == 5
    assert "crystal clear" in page.text


def test_the_site_sees_its_own_name_though_deskcheck_connects_to_the_checked_address(site: NewsSite) -> None:
    port = site.server_address[1]
    # /etc/hosts may also list ::1 for localhost; the server listens on 127.0.0.1, tried first.
    page = fetch(f"http://localhost:{port}/news/{STORY}",
                 allowed_networks=parse_networks(["127.0.0.1", "::1"]))
    assert page.url == f"http://localhost:{port}/news/{STORY}"
    assert site.seen_hosts[-1] == f"localhost:{port}"


@contextmanager
def tls_names_seen() -> Iterator[tuple[int, list[str]]]:
    """A TLS listener on 127.0.0.1 that records the server name (SNI) of each handshake, then refuses it."""
    names: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)

    def record(_sock: ssl.SSLObject, name: str | None, _ctx: ssl.SSLContext) -> int:
        names.append(name or "")
        return ssl.ALERT_DESCRIPTION_HANDSHAKE_FAILURE

    context.sni_callback = record
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(5)  # so the thread ends even if no client comes

        def handshake() -> None:
            with contextlib.suppress(OSError):
                conn, _addr = listener.accept()
                with conn:
                    conn.settimeout(5)
                    context.wrap_socket(conn, server_side=True)

        thread = threading.Thread(target=handshake, daemon=True)
        thread.start()
        try:
            yield listener.getsockname()[1], names
        finally:
            thread.join(timeout=5)


def test_the_tls_handshake_names_the_site_though_deskcheck_connects_to_the_checked_address() -> None:
    with tls_names_seen() as (port, names), pytest.raises(TLSFailure):
        fetch(f"https://localhost:{port}/news/{STORY}", allowed_networks=parse_networks(["127.0.0.1", "::1"]))
    assert names == ["localhost"]


def test_six_redirects_are_too_many(site: NewsSite) -> None:
    with pytest.raises(TooManyRedirects):
        fetch(f"{site.base}/hop/6/{STORY}")


def test_gzip_and_brotli_pages_are_decoded(site: NewsSite) -> None:
    brotli_page = fetch(f"{site.base}/news/{STORY}")  # the server prefers br when offered
    gzip_page = fetch(f"{site.base}/wire/{STORY}")
    assert "crystal clear" in brotli_page.text and "crystal clear" in gzip_page.text


def test_the_user_agent_names_deskcheck_and_a_contact(site: NewsSite) -> None:
    fetch(f"{site.base}/news/{STORY}")
    assert USER_AGENT in site.seen_user_agents
    assert USER_AGENT.startswith("deskcheck/") and "+http" in USER_AGENT


def test_a_slow_site_times_out(site: NewsSite) -> None:
    with pytest.raises(FetchTimeout, match="too long"):
        fetch(f"{site.base}/slow", limits=FetchLimits(total_timeout=0.5))


def test_a_page_that_trickles_in_is_stopped_at_the_total_time_limit(site: NewsSite) -> None:
    with pytest.raises(FetchTimeout):
        fetch(f"{site.base}/drip", limits=FetchLimits(total_timeout=1.0))


@pytest.mark.parametrize("path", ["/big", "/big-unannounced", "/bomb/gzip", "/bomb/br"])
def test_oversized_pages_and_compression_bombs_are_cut_off(site: NewsSite, path: str) -> None:
    with pytest.raises(TooLarge, match="larger than 5 MB"):
        fetch(site.base + path)


def test_a_page_calling_itself_utf8_but_written_in_windows_1252_reads_right(site: NewsSite) -> None:
    page = fetch(f"{site.base}/mislabelled/{STORY}")
    assert "\ufffd" not in page.text
    assert "“The Prime Minister was crystal clear,”" in page.text
    assert "equals—or" in page.text


def test_utf8_bytes_under_a_latin1_header_are_not_turned_into_mojibake(site: NewsSite) -> None:
    page = fetch(f"{site.base}/latin1-header/{STORY}")
    assert page.encoding == "utf-8"
    assert "â€" not in page.text and "“The Prime Minister was crystal clear,”" in page.text


@pytest.mark.parametrize(("path", "expected"), [("/files/budget.pdf", "PDF"),
                                                ("/files/disguised-report", "PDF"),
                                                ("/files/lead.jpg", "image")])
def test_pdfs_and_images_are_not_articles(site: NewsSite, path: str, expected: str) -> None:
    with pytest.raises(NotAnArticle, match=expected):
        fetch(site.base + path)


def test_missing_and_broken_pages_say_so(site: NewsSite) -> None:
    with pytest.raises(PageNotFound, match="404"):
        fetch(f"{site.base}/news/no-such-story")
    with pytest.raises(ServerError, match="500"):
        fetch(f"{site.base}/broken")


def test_an_unknown_site_and_a_closed_port_are_unreachable() -> None:
    with pytest.raises(SiteUnreachable, match="could not be found"):
        fetch_page("https://no-such-newsroom.invalid/story")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound but not listening: the connection is refused
        with pytest.raises(SiteUnreachable, match="refused"):
            fetch(f"http://127.0.0.1:{port}/story")


def test_https_to_a_site_without_working_tls_is_a_tls_failure(site: NewsSite) -> None:
    with pytest.raises(TLSFailure, match="secure connection"):
        fetch(f"https://127.0.0.1:{site.server_address[1]}/news/{STORY}")


def test_every_refusal_is_one_line_for_the_reporter(site: NewsSite) -> None:
    for path in ("/files/budget.pdf", "/broken", "/bomb/gzip", "/hop/9/x"):
        with pytest.raises(CheckError) as caught:
            fetch(site.base + path)
        message = str(caught.value)
        assert message and "\n" not in message and "Traceback" not in message


def test_deflate_is_read_with_and_without_its_zlib_header() -> None:
    page = "<p>“We negotiate as equals,” the Prime Minister said.</p>".encode()
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    headerless = raw.compress(page) + raw.flush()
    for body in (zlib.compress(page), headerless):
        decoder = make_decoder("deflate")
        assert decoder is not None and decoder.feed(body, 10_000) == page


def test_a_decoder_never_returns_more_than_the_room_it_is_given() -> None:
    bomb = brotli.compress(b" " * 10_000_000)
    decoder = make_decoder("br")
    assert decoder is not None and len(decoder.feed(bomb, 1001)) <= 1001
    assert make_decoder("compress") is None  # an encoding we do not speak is refused, not guessed


@pytest.mark.parametrize(("body", "header", "expected"), [
    ("Montréal — “Non,” a-t-il dit.".encode("cp1252"), None, "Montréal — “Non,”"),
    ("Montréal — “Non,” a-t-il dit.".encode("cp1252"), "utf-8", "Montréal — “Non,”"),
    ("Montréal — “Non,” a-t-il dit.".encode(), "iso-8859-1", "Montréal — “Non,”"),
    ("<meta charset='koi8-r'>Москва".encode("koi8-r"), None, "Москва"),
])
def test_the_charset_is_found_when_the_page_lies_or_stays_silent(body: bytes, header: str | None,
                                                                 expected: str) -> None:
    text, _encoding = decode_page(body, header)
    assert expected in text
