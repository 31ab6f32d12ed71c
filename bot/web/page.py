"""The report page: one stored item of one workspace as server-rendered HTML, with no JavaScript.

    page = load_page(store, "T024", 42)        # None when the workspace has no item 42
    html = render_page(page)

The template (templates/report.html) is Jinja2 with autoescaping on: every string from the
article, the report or the desk's notes is escaped where it is written, and passes through
`visible` first (no bidi override, no control character). A URL becomes a link only when the
chat renderers would link it too (`link_url`: http(s), a plain host). The style sheet is inlined
and allowed by its hash in the Content-Security-Policy (bot/web/server.py), so the page needs no
second request and no script can run on it.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from checks import Report
from storage import Store, StoreUnavailable
from storage.desk import STATUS_LABELS, DeskState, UnknownItem
from storage.errors import short_reason
from storage.models import Item, as_utc, workspace_key

from ..render._common import link_url, visible
from .highlight import runs, shown_lines

__all__ = ["STYLE", "STYLE_HASH", "PageData", "load_page", "render_page"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLE = (TEMPLATES / "page.css").read_text(encoding="utf-8")
# What the Content-Security-Policy names as the one style it allows: the inlined sheet, exactly.
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode()
_TIMELINE_KINDS = {"status": "Status", "note": "Note", "assign": "Assigned"}


@dataclass(frozen=True)
class PageData:
    """What one page shows: the stored report (with its history), the checked text, the verdict."""

    workspace: str
    item_id: int
    report: Report
    text: str
    desk: DeskState | None
    links_revoked_at: dt.datetime | None = None  # links signed up to then no longer open the page


def load_page(store: Store, workspace: str, item_id: int) -> PageData | None:
    """The workspace's own item `item_id`, or None: another workspace's item and a reference
    article are not this workspace's items and are never shown. Raises StoreError (the database)."""
    key = workspace_key(workspace)
    try:
        with Session(store.engine) as session:
            row = session.execute(select(Item.text, Item.links_revoked_at).where(
                Item.id == item_id, Item.seed.is_(None), Item.workspace == key)).first()
        text = row.text if row is not None else None
        revoked_at = as_utc(row.links_revoked_at) if row is not None and row.links_revoked_at else None
        report = store.stored_report(f"item:{item_id}", workspace) if text is not None else None
        desk = store.desk.state(workspace, item_id) if report is not None else None
    except UnknownItem:  # removed between the reads
        return None
    except SQLAlchemyError as exc:  # the store's own reads say StoreUnavailable; these may not
        raise StoreUnavailable(short_reason(exc)) from exc
    if text is None or report is None or desk is None:
        return None
    return PageData(workspace, item_id, report, text, desk, revoked_at)


def render_page(page: PageData) -> str:
    """The page as one HTML document."""
    report = page.report
    pieces, shown_in = runs(page.text, report.quotes)
    desk = page.desk
    return _template().render(
        report=report, article=report.article, history=report.history, item=f"item:{page.item_id}",
        runs=pieces, shown_in=shown_in,
        unmarked=[n for n in range(1, len(report.quotes) + 1) if n not in shown_in],
        desk=desk, status=STATUS_LABELS.get(desk.status, desk.status) if desk else None,
        style=Markup(STYLE),  # our own file, hashed as it is written here
    )


@functools.lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters.update(v=_shown, lines=_lines, link=link_url, when=_when, percent=_percent, label=_label)
    env.globals["kinds"] = _TIMELINE_KINDS
    return env.get_template("report.html")


def _shown(value: Any) -> str:
    return visible(str(value)) if value is not None else ""


def _lines(value: str | None) -> str:
    return shown_lines(value) if value else ""


def _when(value: dt.datetime | dt.date | str | None) -> str:
    """A moment as the desk reads it: `2026-11-20 14:03 UTC`; a date as `2026-11-20`."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return visible(str(value))
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


def _percent(score: float) -> str:
    return f"{round(score * 100)}%"


def _label(status: str | None) -> str:
    return STATUS_LABELS.get(status, visible(status)) if status else "none"
