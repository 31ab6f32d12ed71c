"""A site on 127.0.0.1 that is slow on purpose, for the fetch time-limit tests.

http.server writes a response in one go; this one uses raw sockets so it can stall anywhere:
before the status line, between header lines, inside the body, or never answer at all.
Pages, paced by their query (`every` and `after` in seconds):

    /mute                         reads the request, never answers
    /silent-after-status?after=S  the status line after S seconds, then silence
    /header-drip?every=S          the status line, then one header line every S seconds
    /body-drip?every=S            complete headers, then one body byte every S seconds
    /hop/N?every=S&lines=K        a redirect to /hop/N-1 whose K header lines come S seconds
                                  apart; /hop/0 is a short page, served at once

Every stall ends after MAX_STALL_SECONDS, so a client without a working limit fails its test
instead of hanging the run, and all of them end as soon as the site is closed.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

MAX_STALL_SECONDS = 12.0
_POLL_SECONDS = 0.1
_PAGE = b"<html><body><p>The council voted on Tuesday.</p></body></html>"


class SlowSite:
    """Serves the pages above on a free port; `close()` stops every connection and joins every thread."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(_POLL_SECONDS)
        self.port: int = self._listener.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._connections: list[socket.socket] = []
        self._acceptor = self._start(self._accept_loop)

    def close(self) -> None:
        self._stop.set()
        self._acceptor.join(timeout=5)  # first, so that no connection thread starts after the joins
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()
        with self._lock:
            for conn in self._connections:
                conn.close()
        alive = [t.name for t in self._threads if t.is_alive()]
        if alive:
            raise RuntimeError(f"the slow site left threads running: {alive}")

    def _start(self, target: Callable[..., None], *args: object) -> threading.Thread:
        thread = threading.Thread(target=target, args=args, daemon=True,
                                  name=f"slow-site-{len(self._threads)}")
        with self._lock:
            self._threads.append(thread)
        thread.start()
        return thread

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(_POLL_SECONDS)
            with self._lock:
                self._connections.append(conn)
            self._start(self._serve, conn)

    def _serve(self, conn: socket.socket) -> None:
        try:
            while not self._stop.is_set():
                target = self._read_request(conn)
                if target is None or not self._answer(conn, target):
                    return
        except OSError:
            pass  # the client hung up, as a client at its limit should
        finally:
            conn.close()

    def _read_request(self, conn: socket.socket) -> str | None:
        """The request target, or None when the client closed the connection or the site stops."""
        head, give_up = b"", time.monotonic() + MAX_STALL_SECONDS
        while b"\r\n\r\n" not in head:
            if self._stop.is_set() or time.monotonic() > give_up:
                return None
            try:
                data = conn.recv(4096)
            except TimeoutError:
                continue
            if not data:
                return None
            head += data
        return head.split(b"\r\n", 1)[0].split(b" ")[1].decode("ascii")

    def _answer(self, conn: socket.socket, target: str) -> bool:
        """Play the page; True when the connection stays open for another request."""
        parts = urlsplit(target)
        query = {key: float(values[0]) for key, values in parse_qs(parts.query).items()}
        every, after = query.get("every", 0.5), query.get("after", 0.0)
        head, _, rest = parts.path.strip("/").partition("/")
        if head == "hop":
            return self._hop(conn, int(rest), every, int(query.get("lines", 1)), parts.query)
        if head == "mute":
            self._wait(MAX_STALL_SECONDS)
        elif head == "silent-after-status":
            if not self._wait(after):
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                self._wait(MAX_STALL_SECONDS)
        elif head == "header-drip":
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            self._drip(conn, (b"X-Still-Loading: yes\r\n" for _ in range(10_000)), every)
        elif head == "body-drip":
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n")
            self._drip(conn, (b"x" for _ in range(10_000)), every)
        return False

    def _hop(self, conn: socket.socket, left: int, every: float, lines: int, query: str) -> bool:
        if left <= 0:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(_PAGE), _PAGE))
            return True
        conn.sendall(b"HTTP/1.1 302 Found\r\n")
        if self._drip(conn, (b"X-Hop: slow\r\n" for _ in range(lines)), every):
            return False
        conn.sendall(f"Location: /hop/{left - 1}?{query}\r\nContent-Length: 0\r\n\r\n".encode())
        return True

    def _drip(self, conn: socket.socket, pieces: Iterator[bytes], every: float) -> bool:
        """Send the pieces `every` seconds apart; True when the site stopped or the stall cap ran out."""
        waited = 0.0
        for piece in pieces:
            if self._wait(every) or waited >= MAX_STALL_SECONDS:
                return True
            waited += every
            conn.sendall(piece)
        return False

    def _wait(self, seconds: float) -> bool:
        """Sleep, but wake at once when the site closes; True when it did."""
        return self._stop.wait(seconds)


@contextmanager
def serve_slowly() -> Iterator[SlowSite]:
    site = SlowSite()
    try:
        yield site
    finally:
        site.close()
