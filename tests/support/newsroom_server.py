"""A small news site on 127.0.0.1 for the link tests: real sockets, real HTTP, real compression.

Every seed article is served inside two realistic templates (tests/pages/), with the
boilerplate a real news page carries, and the server also plays every way a link goes
wrong: redirect chains, a redirect into a private network, a slow page, an oversized page,
compression bombs, a mislabelled charset, a PDF, an image, a JavaScript shell, 404 and 500.
"""

from __future__ import annotations

import gzip
import html
import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from urllib.parse import parse_qs, urlsplit

import brotli

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
PAGES = TESTS / "pages"
SEEDS = ROOT / "seeds"

# Invented bylines and dates, one per seed, in seed order: what the templates put in <meta>/JSON-LD.
BYLINES = (("Claire Dubois", "2025-12-05T14:30:00-05:00"), ("Marcus Webb", "2025-11-18T09:05:00-05:00"),
           ("Priya Natarajan", "2025-10-31T17:45:00-04:00"), ("Tom Okafor", "2026-01-22T06:00:00-05:00"),
           ("Elena Rossi", "2025-12-06T11:20:00-05:00"))
SLOW_SECONDS = 3.0
BIG_BYTES = 6_000_000


@dataclass(frozen=True)
class Story:
    stem: str
    title: str
    paragraphs: tuple[str, ...]
    author: str
    published: str  # ISO 8601 with offset

    @property
    def date(self) -> str:
        return self.published[:10]


def load_stories() -> dict[str, Story]:
    stories = {}
    for path, (author, published) in zip(sorted(SEEDS.glob("*.txt")), BYLINES, strict=False):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        # A pasted seed starts with its headline when the first line is short and unpunctuated.
        if len(lines[0]) <= 200 and not lines[0].endswith("."):
            title, body = lines[0], lines[1:]
        else:
            title, body = "Carney, Trump and the Long Winter of Trade Talks", lines
        stories[path.stem] = Story(path.stem, title, tuple(body), author, published)
    return stories


def render(story: Story, base: str, template: str = "article.html", charset: str = "utf-8") -> str:
    canonical = f"{base}/news/{story.stem}"
    body = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in story.paragraphs)
    return Template((PAGES / template).read_text(encoding="utf-8")).substitute(
        charset=charset, title=html.escape(story.title), title_json=json.dumps(story.title)[1:-1],
        description=html.escape(story.paragraphs[0][:150]), author=story.author,
        author_slug=story.author.lower().replace(" ", "-"), canonical=canonical,
        published=story.published, modified=story.published[:11] + "23:59:00-05:00",
        published_human=story.date, body=body,
    )


class _Handler(BaseHTTPRequestHandler):
    server: NewsSite
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        self.server.seen_user_agents.append(self.headers.get("User-Agent", ""))
        self.server.seen_hosts.append(self.headers.get("Host", ""))
        parts = urlsplit(self.path)
        head, _, rest = parts.path.strip("/").partition("/")
        route = getattr(self, f"route_{head.replace('-', '_')}", None)
        if route is None:
            self.send(404, b"<html><body><h1>Page not found</h1></body></html>")
        else:
            route(rest, parse_qs(parts.query))

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def story_page(self, stem: str, template: str = "article.html") -> str | None:
        story = self.server.stories.get(stem)
        if story is None:
            self.send(404, b"<html><body>No such story</body></html>")
            return None
        return render(story, self.server.base, template)

    def route_news(self, stem: str, _query: dict[str, list[str]]) -> None:
        page = self.story_page(stem)
        if page is None:
            return
        accepted = self.headers.get("Accept-Encoding", "")
        if "br" in accepted:
            self.send(200, brotli.compress(page.encode()), headers={"Content-Encoding": "br"})
        elif "gzip" in accepted:
            self.send(200, gzip.compress(page.encode()), headers={"Content-Encoding": "gzip"})
        else:
            self.send(200, page.encode())

    def route_wire(self, stem: str, _query: dict[str, list[str]]) -> None:
        page = self.story_page(stem, "wire.html")
        if page is not None:
            self.send(200, gzip.compress(page.encode()), headers={"Content-Encoding": "gzip"})

    def route_table(self, stem: str, _query: dict[str, list[str]]) -> None:
        """An old site laid out in one table, the article a single cell beside the navigation."""
        page = self.story_page(stem, "table.html")
        if page is not None:
            self.send(200, page.encode())

    def route_plain(self, stem: str, _query: dict[str, list[str]]) -> None:
        self.send(200, (SEEDS / f"{stem}.txt").read_bytes(), "text/plain; charset=utf-8")

    def route_mislabelled(self, stem: str, _query: dict[str, list[str]]) -> None:
        """windows-1252 bytes that the header and the <meta> both call UTF-8 (an old CMS)."""
        story = self.server.stories[stem]
        page = render(story, self.server.base, charset="utf-8")
        self.send(200, page.encode("cp1252", errors="replace"), "text/html; charset=utf-8")

    def route_latin1_header(self, stem: str, _query: dict[str, list[str]]) -> None:
        """UTF-8 bytes that the server's default header calls ISO-8859-1."""
        page = self.story_page(stem, "wire.html")
        if page is not None:
            self.send(200, page.encode("utf-8"), "text/html; charset=ISO-8859-1")

    def route_hop(self, rest: str, _query: dict[str, list[str]]) -> None:
        """/hop/N/STEM redirects N times (301, 302, 303, 307, 308 in turn), then serves the story."""
        count, _, stem = rest.partition("/")
        n = int(count)
        target = f"/hop/{n - 1}/{stem}" if n > 1 else f"/news/{stem}"
        self.send((301, 302, 303, 307, 308)[n % 5], b"", headers={"Location": target})

    def route_redirect(self, _rest: str, query: dict[str, list[str]]) -> None:
        self.send(302, b"", headers={"Location": query["to"][0]})

    def route_stub(self, _rest: str, query: dict[str, list[str]]) -> None:
        """A consent-wall stub that sends the browser on with <meta http-equiv="refresh">."""
        delay, target = query.get("delay", ["0"])[0], query["to"][0]
        page = (f'<html><head><meta content="{delay}; URL=\'{html.escape(target)}\'" http-equiv="Refresh">'
                "<title>Redirecting</title></head><body><p>Taking you to the story.</p></body></html>")
        self.send(200, page.encode())

    def route_slow(self, _rest: str, _query: dict[str, list[str]]) -> None:
        time.sleep(SLOW_SECONDS)
        self.send(200, b"<html><body><p>Finally.</p></body></html>")

    def route_drip(self, _rest: str, _query: dict[str, list[str]]) -> None:
        """Headers at once, then a paragraph every 0.2 s for 10 s: no single read is slow."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(50):
                self.wfile.write(b"<p>Still loading the live blog.</p>\n")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def route_big(self, _rest: str, _query: dict[str, list[str]]) -> None:
        self.send(200, b"<html><body>" + b"<p>filler text for a very long page</p>" * (BIG_BYTES // 38))

    def route_big_unannounced(self, _rest: str, _query: dict[str, list[str]]) -> None:
        """Oversized and without Content-Length: only a streamed count can stop it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<p>filler text for a very long page</p>" * 2000
        try:
            for _ in range(BIG_BYTES // len(chunk) + 2):
                self.wfile.write(chunk)
        except OSError:
            pass  # the client hung up at its limit, as it should
        self.close_connection = True

    def route_bomb(self, kind: str, _query: dict[str, list[str]]) -> None:
        """50 MB of spaces compressed to a few dozen kilobytes."""
        raw = b" " * 50_000_000
        body = brotli.compress(raw, quality=5) if kind == "br" else gzip.compress(raw, compresslevel=9)
        self.send(200, body, headers={"Content-Encoding": "br" if kind == "br" else "gzip"})

    def route_files(self, name: str, _query: dict[str, list[str]]) -> None:
        payloads = {
            "budget.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
                           "application/pdf"),
            "disguised-report": (b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "application/octet-stream"),
            "lead.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "image/jpeg"),
        }
        body, content_type = payloads[name]
        self.send(200, body, content_type)

    def route_mangled(self, stem: str, _query: dict[str, list[str]]) -> None:
        """Broken HTML as a bad CMS sends it: no closing tags, stray brackets, cut off mid-tag."""
        page = self.story_page(stem)
        if page is None:
            return
        for closing in ("</p>", "</div>", "</article>", "</li>", "</ul>"):
            page = page.replace(closing, "")
        page = page.replace("<p>", "<p><<b>", 3)
        self.send(200, page[: int(len(page) * 0.9)].rsplit("<", 1)[0].encode() + b"<p class=\"tr")

    def route_app(self, _rest: str, _query: dict[str, list[str]]) -> None:
        self.send(200, (PAGES / "app_shell.html").read_bytes())

    def route_broken(self, _rest: str, _query: dict[str, list[str]]) -> None:
        self.send(500, b"<html><body><h1>Internal Server Error</h1></body></html>")


class NewsSite(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.stories = load_stories()
        self.seen_user_agents: list[str] = []
        self.seen_hosts: list[str] = []

    def handle_error(self, request: object, client_address: object) -> None:
        # A client hanging up at its size or time limit is what those tests want: no traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve() -> Iterator[NewsSite]:
    """The news site, running on a free port for the duration of the block."""
    site = NewsSite()
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.shutdown()
        site.server_close()
