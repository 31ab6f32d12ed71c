"""What the report page's tests share: a stored story full of markup and hostile links, the page
server on 127.0.0.1, and a parser that lists what a browser would make of the HTML.

The story is invented for these tests; every offset is computed from its text.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser

from bot.settings import Settings
from bot.web.links import PAGE_PREFIX, token_for
from bot.web.server import PageServer, PageSite
from checks.models import (
    AnonymousSource,
    Article,
    ClaimSentence,
    DateMention,
    FactCheck,
    InputInfo,
    NamedSource,
    Quote,
    Report,
    SharedQuote,
    Signal,
    Similar,
    Sources,
)
from storage import CheckEvent, Store
from storage.desk import parse_item_ref

__all__ = ["HOSTILE", "KEY", "STORY", "Parsed", "hostile_report", "page_url", "parse", "serve_pages",
           "store_story"]

KEY = "test-only key for signed report links, 48 bytes long."
HOSTILE = "<script>document.title='pwned'</script>"
STORY = (
    "Ferry board delays the harbour vote\n\n"
    "The ferry board put off its vote on Tuesday, March 4, 2025. \u201cWe need another month to read "
    "the bids,\u201d said board chair Lena Okafor. " + HOSTILE + "<img src=x onerror=\"alert(1)\"> "
    "\u201cThe <b>delay</b> costs the crews every week,\u201d said union organiser Tom Hale.\n\n"
    "A spokesperson, speaking on condition of anonymity, said the bids would be published.")


def _quote(words: str, speaker: str | None, kind: str = "named") -> Quote:
    start = STORY.index(words)
    return Quote(text=words, start=start, end=start + len(words), speaker=speaker,
                 speaker_kind=kind, cue="said")  # type: ignore[arg-type]


def hostile_report() -> Report:
    """A report of STORY whose every field a page could carry markup or a script link in."""
    first = _quote("We need another month to read the bids,", "Lena Okafor")
    inner = _quote("another month", "Lena Okafor")  # inside the first: overlapping offsets
    second = _quote("The <b>delay</b> costs the crews every week,", "Tom Hale <i>organiser</i>")
    lost = Quote(text="a quote from an older version", start=10**6, end=10**6 + 20, speaker="Nobody Here",
                 speaker_kind="named")
    claim = STORY.index("The ferry board put off")
    return Report(
        input=InputInfo(kind="url", url="javascript:alert(document.cookie)", sha256="7" * 64),
        article=Article(title="Ferry board delays vote </title>" + HOSTILE, site="Harbour <i>Gazette</i>",
                        author='"><script>alert(1)</script>', published=dt.date(2025, 3, 5), words=62),
        quotes=(first, inner, second, lost),
        sources=Sources(named=(NamedSource(name="Lena Okafor", role="board chair <em>acting</em>", quotes=1,
                                           mentions=1),),
                        anonymous=(AnonymousSource(text="A spokesperson, speaking on condition of anonymity",
                                                   start=0, end=10),)),
        dates=(DateMention(text="Tuesday, March 4, 2025", value="2025-03-04", kind="absolute", start=0,
                           end=1),),
        similar=(Similar(id="item:999", title="Crews warn of " + HOSTILE, score=0.52,
                         url="javascript:document.title='pwned'",
                         shared_quotes=(SharedQuote(text="We need another month", here="Lena Okafor",
                                                    there="a ferry spokesperson", another_speaker=True),)),
                 Similar(id="seed:017_ferry", title="Ferry fares rise", score=0.31,
                         url="https://ferrynews.example/fares")),
        fact_checks=(FactCheck(claim="The board has delayed the vote four times " + HOSTILE,
                               rating="Misleading", publisher="Coast Check", url="javascript:alert(2)",
                               date="2025-02-01", score=0.81,
                               sentence=ClaimSentence(text="The ferry board put off its vote", start=claim,
                                                      end=claim + 32)),),
        signals=(Signal(code="anonymous_only_claim", severity="warn",
                        message='The bids rest on one <a href="javascript:alert(3)">anonymous</a> source'),),
    )


def store_story(store: Store, workspace: str, text: str = STORY, report: Report | None = None) -> int:
    """The story checked once in `workspace`: its item id."""
    history = store.record(report or hostile_report(), text,
                           CheckEvent(platform="cli", workspace=workspace, user="ana"))
    return parse_item_ref(history.item)


def page_url(base: str, workspace: str, item_id: int, *, key: str = KEY, days: int = 30,
             now: dt.datetime | None = None) -> str:
    return base + PAGE_PREFIX + token_for(key, workspace, item_id, days=days, now=now)


@contextmanager
def serve_pages(store: Store, *, key: str = KEY) -> Iterator[str]:
    """`deskcheck web`'s server for `store` on 127.0.0.1: its base URL."""
    settings = Settings(database_url="sqlite://", secret_key=key)
    server = PageServer(PageSite(settings, store=store), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.stop()
        thread.join(timeout=10)
        assert not thread.is_alive()


class Parsed(HTMLParser):
    """What a browser builds from a page: its tags and attributes, and the text inside each mark."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self.labels: list[str] = []  # the speaker label after each mark
        self.title = ""
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        classes = (dict(attrs).get("class") or "").split()
        if tag == "mark":
            self.marks.append("")
            self._open.append("mark")
        elif "who" in classes:
            self.labels.append("")
            self._open.append("who")
        elif tag == "title":
            self._open.append("title")

    def handle_endtag(self, tag: str) -> None:
        if self._open and (tag == self._open[-1] or (tag == "span" and self._open[-1] == "who")):
            self._open.pop()

    def handle_data(self, data: str) -> None:
        where = self._open[-1] if self._open else None
        if where == "mark":
            self.marks[-1] += data
        elif where == "who":
            self.labels[-1] += data
        elif where == "title":
            self.title += data


def parse(html: str) -> Parsed:
    parsed = Parsed()
    parsed.feed(html)
    parsed.close()
    return parsed
