"""The fetch time limit is one wall clock over the whole fetch, however a site stalls.

Each stall below is paced so that a limit checked only between reads (or a timeout given to
each socket read) lets the fetch run well past the limit: something arrives just before the
limit, and the next wait starts afresh. Only a deadline enforced inside the transport cuts
them all at the limit.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.loopback import serving
from support.slow_site import SlowSite, serve_slowly

from checks.links.extract import read_link
from checks.links.fetch import FetchLimits, FetchTimeout, fetch_page
from checks.links.netguard import parse_networks

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK_ONLY = parse_networks(["127.0.0.1"])
LIMIT = 2.5
# Generous, for a loaded machine: the point is that nothing runs to twice the limit or forever.
MARGIN = 1.5
NEAR_LIMIT = 0.9 * LIMIT


@pytest.fixture(scope="module")
def slow() -> Iterator[SlowSite]:
    with serve_slowly() as site:
        yield site


def timed_fetch(url: str) -> float:
    """Seconds until the fetch gave up with FetchTimeout (the test fails on any other outcome)."""
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=r"too long \(more than 2\.5 s\)"):
        fetch_page(url, allowed_networks=LOOPBACK_ONLY, limits=FetchLimits(total_timeout=LIMIT))
    return time.monotonic() - started


def test_headers_dripped_a_line_every_half_second_are_cut_at_the_limit(slow: SlowSite) -> None:
    assert timed_fetch(f"{slow.base}/header-drip?every=0.5") < LIMIT + MARGIN


def test_a_status_line_then_silence_is_cut_at_the_limit(slow: SlowSite) -> None:
    assert timed_fetch(f"{slow.base}/silent-after-status?after={NEAR_LIMIT}") < LIMIT + MARGIN


@pytest.mark.parametrize("every", [0.3, NEAR_LIMIT])
def test_a_body_dripped_a_byte_at_a_time_is_cut_at_the_limit(slow: SlowSite, every: float) -> None:
    assert timed_fetch(f"{slow.base}/body-drip?every={every}") < LIMIT + MARGIN


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_site_that_accepts_and_never_answers_is_cut_at_the_limit(slow: SlowSite, scheme: str) -> None:
    # Over https the stall is in the TLS handshake, over http in waiting for the status line.
    assert timed_fetch(f"{scheme}://127.0.0.1:{slow.port}/mute") < LIMIT + MARGIN


def test_a_redirect_chain_of_hops_each_under_the_limit_is_cut_at_the_limit_of_the_whole(
        slow: SlowSite) -> None:
    # Each hop takes just under the limit, in header lines short enough that no single read
    # waits long: a limit re-checked only when a hop starts lets the second hop run to the end.
    hop = f"every=0.05&lines={int(0.85 * LIMIT / 0.05)}"
    assert timed_fetch(f"{slow.base}/hop/4?{hop}") < LIMIT + MARGIN


def test_a_chain_of_quick_hops_and_a_page_inside_the_limit_is_fetched(slow: SlowSite) -> None:
    page = fetch_page(f"{slow.base}/hop/3?every=0.1&lines=2", allowed_networks=LOOPBACK_ONLY,
                      limits=FetchLimits(total_timeout=LIMIT))
    assert "The council voted" in page.text and len(page.redirects) == 3


def test_a_shared_deadline_ends_the_fetch_before_its_own_limit(slow: SlowSite) -> None:
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch_page(f"{slow.base}/header-drip?every=0.2", allowed_networks=LOOPBACK_ONLY,
                   limits=FetchLimits(total_timeout=30), deadline=started + LIMIT)
    assert time.monotonic() - started < LIMIT + MARGIN


@contextmanager
def late_refresh_stub(after: float, target: str) -> Iterator[str]:
    """A consent-wall stub on 127.0.0.1 that answers after `after` seconds with an immediate
    <meta http-equiv="refresh"> to `target`; yields the stub's URL."""

    class Stub(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(after)
            body = (f'<html><head><meta http-equiv="refresh" content="0; url={target}"></head>'
                    "<body><p>Continue to the article.</p></body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with serving(Stub) as base:
        yield f"{base}/consent"


def test_a_refresh_stub_and_its_slow_target_share_one_limit(slow: SlowSite) -> None:
    # The stub arrives inside the limit; a second fetch with a fresh limit would then run on
    # for a whole limit more while the target drips its headers.
    with late_refresh_stub(0.8 * LIMIT, f"{slow.base}/header-drip?every=0.2") as stub:
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match=r"too long \(more than 2\.5 s\)"):
            read_link(stub, allowed_networks=LOOPBACK_ONLY, limits=FetchLimits(total_timeout=LIMIT))
        assert time.monotonic() - started < LIMIT + MARGIN


def test_importing_the_fetcher_starts_no_thread_pool() -> None:
    probe = ("import concurrent.futures as cf\n"
             "made = []\n"
             "original = cf.ThreadPoolExecutor.__init__\n"
             "def counting(self, *args, **kwargs):\n"
             "    made.append(1)\n"
             "    original(self, *args, **kwargs)\n"
             "cf.ThreadPoolExecutor.__init__ = counting\n"
             "import checks.links.fetch\n"
             "print(len(made))\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                            check=True, timeout=120)
    assert result.stdout.strip() == "0"
