"""The weekly digest's figures: one frozen value the renderers and the chart read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["CONTESTED", "PLATFORMS", "Digest", "FactCheckFigure", "ItemFigure", "Platform", "RecycledQuote",
           "SourceFigure", "VerdictFigure", "Week", "WeekTotals"]

Platform = Literal["slack", "discord"]
PLATFORMS: tuple[Platform, ...] = ("slack", "discord")  # where a digest can be posted

# The verdicts every digest lists in full, each with its latest note: what the desk found wrong.
CONTESTED: tuple[str, ...] = ("false", "disputed")
_OPEN = "open"

_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Week:
    """An ISO 8601 week (Monday to Sunday), the digest's unit of time."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Week:
        """'2026-W47' (or '2026W47'); ValueError with a readable message otherwise."""
        match = _WEEK.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not an ISO week such as 2026-W47")
        year, number = int(match.group(1)), int(match.group(2))
        try:
            dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            raise ValueError(f"{year} has no week {number}") from None
        return cls(year, number)

    @classmethod
    def of(cls, day: dt.date) -> Week:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=i) for i in range(7)]

    def previous(self) -> Week:
        return Week.of(self.monday - dt.timedelta(days=7))

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class ItemFigure:
    """One checked item as the digest lists it."""

    item: str  # "item:42"
    title: str | None
    checks: int  # checks in the week
    warnings: int = 0  # warn signals in its latest report
    url: str | None = None


@dataclass(frozen=True)
class FactCheckFigure:
    """A checked item that repeats a claim a fact-checker published a verdict on: its best match,
    as its latest report holds it (every string came from a feed: the renderers escape them)."""

    item: str  # "item:42"
    title: str | None
    claim: str
    rating: str
    publisher: str | None
    score: float
    url: str | None = None  # the fact-check's page


@dataclass(frozen=True)
class RecycledQuote:
    """A quote carried by more than one item: the recycled-quote watch."""

    text: str
    speakers: tuple[str, ...]  # as each item attributed it; differing speakers are the story
    items: tuple[str, ...]  # this workspace's items that carry it
    corpus: tuple[str, ...] = ()  # reference articles that carry it ("seed:…")

    @property
    def carriers(self) -> int:
        return len(self.items) + len(self.corpus)


@dataclass(frozen=True)
class SourceFigure:
    name: str
    items: int  # items that cite the source
    quotes: int  # statements attributed to it across those items


@dataclass(frozen=True)
class WeekTotals:
    """The headline numbers, also kept for the week before to show what changed."""

    checks: int = 0
    items: int = 0
    people: int = 0
    warnings: int = 0
    named_statements: int = 0
    anonymous_statements: int = 0

    @property
    def anonymous_share(self) -> float | None:
        """Anonymous statements over attributed ones; None when nothing was attributed."""
        total = self.named_statements + self.anonymous_statements
        return self.anonymous_statements / total if total else None


@dataclass(frozen=True)
class VerdictFigure:
    """One of the week's items (checked, or ruled on, in the week) with the desk's verdict on it as
    the week ended (storage/desk.py): notes and names come from chat, the renderers escape them."""

    item: str  # "item:42"
    title: str | None
    status: str  # one of storage.STATUSES; "open" until the desk sets one
    checks: int  # times checked, all weeks together, up to the week's end
    note: str | None = None  # the latest note, with a status change or alone
    note_by: str | None = None  # who wrote it ("slack:T024/U12AB", "cli:ana")


@dataclass(frozen=True)
class Digest:
    workspace: str
    week: Week
    totals: WeekTotals
    previous: WeekTotals
    checks_per_day: tuple[int, ...] = (0,) * 7  # Monday first, in the digest's time zone
    most_checked: tuple[ItemFigure, ...] = ()
    most_warnings: tuple[ItemFigure, ...] = ()
    recycled: tuple[RecycledQuote, ...] = ()
    top_sources: tuple[SourceFigure, ...] = ()
    fact_checked: tuple[FactCheckFigure, ...] = ()  # best match first
    so_far: dt.date | None = None  # set when the week is not over: figures up to this day
    time_zone: str = "UTC"
    # The week's items by the desk's verdict, in the order they came up; empty when the desk gave
    # none of them a status, a note or an assignee (a desk that does not use verdicts sees no change).
    verdicts: tuple[VerdictFigure, ...] = ()
    # Each item's signed report page ("item:42" -> URL), when the deployment serves the page.
    pages: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing was checked in the week (the desk may still have ruled on earlier items)."""
        return self.totals.checks == 0

    @property
    def contested(self) -> tuple[VerdictFigure, ...]:
        """Every item of the week the desk holds false or disputed."""
        return tuple(v for v in self.verdicts if v.status in CONTESTED)

    @property
    def open_repeated(self) -> tuple[VerdictFigure, ...]:
        """Items still open though checked more than once: the desk keeps meeting them, undecided.
        Most checked first; ties keep the week's order."""
        found = [v for v in self.verdicts if v.status == _OPEN and v.checks > 1]
        return tuple(sorted(found, key=lambda v: -v.checks))
