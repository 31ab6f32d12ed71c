"""The digest of one workspace and one ISO week, built from the shared history."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from storage import Store
from storage.digest import CheckLine, ItemLine

from ..settings import Settings
from .model import Digest, FactCheckFigure, ItemFigure, SourceFigure, Week, WeekTotals
from .recycled import recycled_quotes
from .verdicts import report_pages, verdict_figures

__all__ = ["TOP", "build_digest", "week_window"]

TOP = 5  # entries per list: a digest is read in a minute
_NAMED_KINDS = frozenset({"named", "organization"})


def week_window(week: Week, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """Monday 00:00 to the next Monday 00:00 in the desk's time zone."""
    start = dt.datetime.combine(week.monday, dt.time(), tzinfo=tz)
    return start, dt.datetime.combine(week.sunday + dt.timedelta(days=1), dt.time(), tzinfo=tz)


def build_digest(store: Store, workspace: str, week: Week, *, tz: str = "UTC",
                 now: dt.datetime | None = None, settings: Settings | None = None) -> Digest:
    """`now` (aware) cuts a week still under way; the figures then run to that moment.
    `settings` with DESKCHECK_SECRET_KEY and DESKCHECK_PUBLIC_URL link each item to its report page."""
    zone = ZoneInfo(tz)
    now = now or dt.datetime.now(dt.UTC)
    start, end = week_window(week, zone)
    so_far = now.astimezone(zone).date() if start <= now < end else None
    events = store.digest.check_lines(workspace, start, min(end, now))
    items = {i.item_id: i for i in store.digest.item_lines(workspace, {e.item_id for e in events})}
    totals = _totals(store, workspace, events, items)
    before_start, before_end = week_window(week.previous(), zone)
    before = store.digest.check_lines(workspace, before_start, min(before_end, now))
    before_items = {i.item_id: i for i in store.digest.item_lines(workspace, {e.item_id for e in before})}
    digest = Digest(
        workspace=workspace, week=week, totals=totals,
        previous=_totals(store, workspace, before, before_items),
        checks_per_day=_per_day(events, week, zone),
        most_checked=_most_checked(events, items),
        most_warnings=_most_warnings(events, items),
        recycled=recycled_quotes(store, workspace, list(items))[:TOP],
        top_sources=_top_sources(items.values()),
        fact_checked=_fact_checked(items.values()),
        so_far=so_far, time_zone=tz,
        verdicts=verdict_figures(store, workspace, [e.item_id for e in events], start, min(end, now)),
    )
    named = [*(f.item for f in digest.fact_checked), *(f.item for f in digest.most_checked),
             *(f.item for f in digest.most_warnings), *(v.item for v in digest.verdicts)]
    return dataclasses.replace(digest, pages=report_pages(settings, workspace, named))


def _warnings(item: ItemLine) -> int:
    return sum(1 for s in item.report.get("signals") or () if s.get("severity") == "warn")


def _totals(store: Store, workspace: str, events: list[CheckLine], items: dict[int, ItemLine]) -> WeekTotals:
    """Checks count every event; warnings and statements count each item once, however often checked."""
    kinds = Counter(q.speaker_kind for q in store.digest.quote_lines(workspace, list(items)))
    return WeekTotals(
        checks=len(events),
        items=len(items),
        # a CLI check has no user: the workspace's terminal counts as one person
        people=len({(e.platform, e.requester) for e in events}),
        warnings=sum(_warnings(i) for i in items.values()),
        named_statements=sum(n for kind, n in kinds.items() if kind in _NAMED_KINDS),
        anonymous_statements=kinds["anonymous"],
    )


def _per_day(events: list[CheckLine], week: Week, zone: ZoneInfo) -> tuple[int, ...]:
    days = Counter(e.checked_at.astimezone(zone).date() for e in events)
    return tuple(days[d] for d in week.days())


def _figure(item: ItemLine, checks: int) -> ItemFigure:
    return ItemFigure(item=item.label, title=item.title, checks=checks, warnings=_warnings(item),
                      url=item.url)


def _most_checked(events: list[CheckLine], items: dict[int, ItemLine]) -> tuple[ItemFigure, ...]:
    counts = Counter(e.item_id for e in events)
    # most checks first; among equals the item checked first this week leads (Counter keeps order)
    return tuple(_figure(items[i], n) for i, n in counts.most_common(TOP) if i in items)


def _most_warnings(events: list[CheckLine], items: dict[int, ItemLine]) -> tuple[ItemFigure, ...]:
    counts = Counter(e.item_id for e in events)
    warned = [_figure(items[i], counts[i]) for i in counts if i in items and _warnings(items[i])]
    warned.sort(key=lambda f: -f.warnings)  # stable: ties keep the week's order
    return tuple(warned[:TOP])


def _top_sources(items: Iterable[ItemLine]) -> tuple[SourceFigure, ...]:
    cited: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    for item in items:
        named = (item.report.get("sources") or {}).get("named") or ()
        for name in {s["name"] for s in named if s.get("name")}:
            cited[name] += 1
        for s in named:
            quoted[s.get("name") or ""] += int(s.get("quotes") or 0)
    ranked = sorted(cited, key=lambda n: (-cited[n], -quoted[n], n))
    return tuple(SourceFigure(n, cited[n], quoted[n]) for n in ranked[:TOP])


def _fact_checked(items: Iterable[ItemLine]) -> tuple[FactCheckFigure, ...]:
    """The items whose latest report matched a published fact-check, the surest match first."""
    found = [f for f in map(_best_fact_check, items) if f is not None]
    found.sort(key=lambda f: -f.score)  # stable: ties keep the items' order
    return tuple(found[:TOP])


def _best_fact_check(item: ItemLine) -> FactCheckFigure | None:
    """The report's first fact-check (the contract lists them best first); reports stored before
    fact-checks were matched have none, and an entry without a claim or a rating is skipped."""
    first: Any = next(iter(item.report.get("fact_checks") or ()), None)
    if not isinstance(first, dict) or not first.get("claim") or not first.get("rating"):
        return None
    score, publisher, url = first.get("score"), first.get("publisher"), first.get("url")
    return FactCheckFigure(item=item.label, title=item.title, claim=str(first["claim"]),
                           rating=str(first["rating"]), publisher=str(publisher) if publisher else None,
                           score=float(score) if isinstance(score, int | float) else 0.0,
                           url=str(url) if url else None)
