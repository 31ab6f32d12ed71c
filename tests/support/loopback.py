"""A real HTTP server on 127.0.0.1 for tests: the handler class is the test's own site."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-answer (a fetcher that has read enough): no traceback on the
        stderr a test reads."""


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler], *, quiet: bool = False) -> Iterator[str]:
    """Serve `handler` on a free loopback port; yields the base URL (`http://127.0.0.1:PORT`).

    quiet: print nothing when a client drops the connection while it is being answered."""
    server = (_QuietServer if quiet else ThreadingHTTPServer)(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def html_pages(pages: Mapping[str, str]) -> type[BaseHTTPRequestHandler]:
    """A site of fixed HTML pages by path; any other path is a 404 page."""

    class _Pages(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            page = pages.get(self.path)
            body = (page or "<html><body>not found</body></html>").encode()
            self.send_response(200 if page else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return _Pages
