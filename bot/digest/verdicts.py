"""The desk's verdicts in the digest: the week's items by status, as each stood when the week ended,
and the signed report page of every item the digest names.

The week's items are those checked in the week and those the desk ruled on in it (a status, a
note, an assignment) without checking them again. A verdict is folded from the item's events up
to the week's end (storage/desk.py keeps them append-only), so the digest of a past week reads the
same whenever it is printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from storage import DeskEvent, Store

from ..settings import Settings
from ..web.links import permalink
from .model import VerdictFigure

__all__ = ["report_pages", "verdict_figures"]

_OPEN = "open"


def verdict_figures(store: Store, workspace: str, checked: Sequence[int], start: dt.datetime,
                    end: dt.datetime) -> tuple[VerdictFigure, ...]:
    """The week's items with their verdicts, those checked first (in `checked`'s order); none at
    all when the desk gave none of them a verdict, a note or an assignee by `end`."""
    ids = list(dict.fromkeys([*checked, *store.digest.desk_items(workspace, start, end)]))
    if not ids:
        return ()
    states = store.desk.states(workspace, ids)
    trails = {i: [e for e in s.timeline if e.at < end] for i, s in states.items()}
    if not any(trails.values()):
        return ()
    lines = {line.item_id: line for line in store.digest.item_lines(workspace, ids)}
    counts = store.digest.check_counts(workspace, ids, end)
    return tuple(_figure(lines[i].label, lines[i].title, trails[i], counts.get(i, 0))
                 for i in ids if i in lines and i in trails)


def _figure(label: str, title: str | None, trail: Sequence[DeskEvent], checks: int) -> VerdictFigure:
    status = next((e.new for e in reversed(trail) if e.kind == "status" and e.new), _OPEN)
    noted = next((e for e in reversed(trail) if e.note), None)
    return VerdictFigure(item=label, title=title, status=status, checks=checks,
                         note=noted.note if noted else None, note_by=noted.by if noted else None)


def report_pages(settings: Settings | None, workspace: str,
                 labels: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """("item:42", its signed page) for each item label; none while the deployment has no page
    (DESKCHECK_SECRET_KEY or DESKCHECK_PUBLIC_URL unset), or without settings."""
    if settings is None:
        return ()
    pages: dict[str, str] = {}
    for label in labels:
        kind, _, number = label.partition(":")
        if kind != "item" or not number.isdigit() or label in pages:
            continue  # a reference article ("seed:…") has no page of the desk's
        url = permalink(settings, workspace, int(number))
        if url is None:
            return ()
        pages[label] = url
    return tuple(pages.items())
