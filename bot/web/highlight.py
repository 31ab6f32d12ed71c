"""The article text cut into runs, each plain or inside one quote, for the page to highlight.

A quote's offsets come from the engine and point into the stored text, but a report can be older
or newer than the text it is shown with, and two quotes can overlap (a partial quote inside a
longer one). So offsets are clamped to the text, a quote that begins inside an earlier one is
highlighted from where that one ends, one wholly inside an earlier one points to that highlight,
and one outside the text is still listed below it, never lost. Runs hold plain strings: the
template escapes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checks import Quote

from ..render._common import visible

__all__ = ["Run", "runs", "shown_lines"]


@dataclass(frozen=True)
class Run:
    """A stretch of the text: plain (quote None), or the highlight of quote number `quote` (from 1)."""

    text: str
    quote: int | None = None


def runs(text: str, quotes: Sequence[Quote]) -> tuple[list[Run], dict[int, int]]:
    """The text as runs, and where each located quote is: quote number -> the number of the
    highlight it is shown in (its own, or the earlier quote's that holds all of it). Numbers
    start at 1; a quote whose offsets fall outside the text is not in the map."""
    spans = sorted(((max(q.start, 0), min(q.end, len(text)), n) for n, q in enumerate(quotes, 1)),
                   key=lambda span: (span[0], -span[1], span[2]))
    out: list[Run] = []
    shown_in: dict[int, int] = {}
    cursor, holder = 0, 0
    for start, end, number in spans:
        if start >= end:
            continue
        if end <= cursor:  # wholly inside the highlight before it
            shown_in[number] = holder
            continue
        start = max(start, cursor)  # the overlap is already inside the quote before it
        if start > cursor:
            out.append(Run(shown_lines(text[cursor:start])))
        out.append(Run(shown_lines(text[start:end]), number))
        shown_in[number] = holder = number
        cursor = end
    if cursor < len(text):
        out.append(Run(shown_lines(text[cursor:])))
    return out, shown_in


def shown_lines(text: str) -> str:
    """`text` with its line breaks kept and, on each line, only what a reader can see: a bidi
    override in an article must not make a quote read backwards on the page."""
    return "\n".join(visible(line) for line in text.split("\n"))
