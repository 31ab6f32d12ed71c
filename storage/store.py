"""The store: record a check, look up the workspace's corpus, read the history back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, aliased

from checks import History, Report, quote_changes, same_site

from .budget import budget_left
from .corpus import SqlCorpus, item_label
from .desk import DeskStore, check_status, current_status, history_verdict
from .digest import DigestStore
from .errors import StoreError, StoreUnavailable, short_reason
from .factchecks import FactCheckStore
from .models import (
    EVENT_FIELD_MAX,
    PLATFORM_MAX,
    REFERENCE,
    CheckEventRow,
    Item,
    ItemUrl,
    QuoteRow,
    as_utc,
    workspace_key,
)
from .seeds import SeedShelf
from .write import NewItem, fit, insert_items, replace_version

__all__ = ["CheckEvent", "CheckRecord", "Store", "iso_utc"]

_ATTEMPTS = 5  # a race lost to another process is retried: the second pass finds its item


@dataclass(frozen=True)
class CheckEvent:
    """Who checked, where: the surface's requester in storage terms."""

    platform: str = "cli"
    workspace: str = "local"
    channel: str | None = None
    user: str | None = None
    message_id: str | None = None

    @property
    def label(self) -> str:
        where = f"{self.platform}:{self.workspace}"
        return f"{where}/{self.user}" if self.user else where


@dataclass(frozen=True)
class _Edit:
    """What a check learned about an edited article, before the earlier version was replaced."""

    since: str  # when the earlier version was last checked
    quotes_removed: tuple[str, ...]
    quotes_added: tuple[str, ...]


@dataclass(frozen=True)
class CheckRecord:
    """One line of `deskcheck history`."""

    checked_at: str
    item: str
    title: str | None
    url: str | None
    checked_by: str
    channel: str | None
    times_checked: int
    status: str = "open"  # the desk's current verdict on the item (storage/desk.py)


def iso_utc(moment: dt.datetime) -> str:
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """The history of one database. The weekly digest's reads and writes are `store.digest`,
    the reference corpus's seeds `store.seeds`: small objects over the same engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def digest(self) -> DigestStore:
        return DigestStore(self.engine)

    @property
    def seeds(self) -> SeedShelf:
        return SeedShelf(self.engine)

    @property
    def factchecks(self) -> FactCheckStore:
        return FactCheckStore(self.engine)

    @property
    def desk(self) -> DeskStore:
        return DeskStore(self.engine)

    def record(self, report: Report, text: str, event: CheckEvent) -> History:
        """One transaction per check: the same text or URL in the workspace adds an event to its item.

        When the URL's article changed since its last check, the item takes the new version.
        """
        new = NewItem(event.workspace, text, report)
        for attempt in range(_ATTEMPTS):
            try:
                with Session(self.engine) as session, session.begin():
                    edit = None
                    item_id, taken = self._lookup(session, event.workspace, report, text)
                    if item_id is None:
                        [item_id] = insert_items(session, [new], taken_urls=taken)
                    else:
                        edit = _keep_latest_version(session, item_id, new)
                    session.add(_event_row(item_id, event))
                    session.flush()
                    return _history(session, item_id, edit)
            except (IntegrityError, OperationalError) as exc:
                pause = 0.05 * 2**attempt
                # a check's time budget (storage/budget.py) ends the retries as well as each wait
                if attempt == _ATTEMPTS - 1 or not _retryable(exc) or budget_left(pause) < pause:
                    raise _store_error(exc) from exc
                time.sleep(pause)
            except SQLAlchemyError as exc:
                raise _store_error(exc) from exc
        raise StoreError("could not record the check")  # not reached: the last attempt raises

    def corpus(self, workspace: str, exclude: Report | None = None, text: str = "") -> SqlCorpus:
        """The workspace's items and the reference corpus; `exclude`'s own earlier copies left out."""
        if exclude is None:
            return SqlCorpus(self.engine, workspace)
        try:
            with Session(self.engine) as session:
                own = self._find(session, workspace, exclude, text)
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        return SqlCorpus(self.engine, workspace, [own] if own is not None else [])

    def add_items(self, items: Sequence[NewItem]) -> list[int]:
        """Bulk ingest without check events (the reference corpus, benchmarks)."""
        with Session(self.engine) as session, session.begin():
            return insert_items(session, items)

    def recent_checks(self, workspace: str, since: dt.date | None = None,
                      limit: int | None = 50, status: str | None = None) -> list[CheckRecord]:
        """The workspace's checks, newest first; `status`: only those of items with that status now."""
        other = aliased(CheckEventRow)
        # counted per listed item through the item_id index, not over the whole history
        times = select(func.count()).where(other.item_id == Item.id).scalar_subquery()
        status_now = current_status()
        query = (select(CheckEventRow, Item.seed, Item.title, Item.url, Item.canonical_url, times, status_now)
                 .join(Item, Item.id == CheckEventRow.item_id)
                 .where(CheckEventRow.workspace == workspace_key(workspace))
                 .order_by(CheckEventRow.checked_at.desc(), CheckEventRow.id.desc()).limit(limit))
        if since is not None:
            start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
            query = query.where(CheckEventRow.checked_at >= start)
        if status is not None:
            query = query.where(status_now == check_status(status))
        with Session(self.engine) as session:
            return [CheckRecord(checked_at=iso_utc(ev.checked_at), item=item_label(ev.item_id, seed),
                                title=title, url=canonical or url, checked_by=_label(ev),
                                channel=ev.channel, times_checked=n, status=now)
                    for ev, seed, title, url, canonical, n, now in session.execute(query)]

    def stored_report(self, ref: str, workspace: str) -> Report | None:
        """An item's stored report ('item:42', '42' or 'seed:<stem>'), if this workspace may see it."""
        kind, _, value = ref.rpartition(":")
        where = Item.seed == value if kind == "seed" else Item.id == (int(value) if value.isdigit() else -1)
        with Session(self.engine) as session:
            visible = Item.workspace.in_((workspace_key(workspace), REFERENCE))
            item = session.scalars(select(Item).where(where, visible)).first()
            if item is None:
                return None
            report = Report.from_dict(item.report)
            if item.workspace == REFERENCE:
                return report
            return dataclasses.replace(report, history=_history(session, item.id))

    def _find(self, session: Session, workspace: str, report: Report, text: str) -> int | None:
        return self._lookup(session, workspace, report, text)[0]

    def _lookup(self, session: Session, workspace: str, report: Report,
                text: str) -> tuple[int | None, frozenset[str]]:
        """The workspace's item with this text, else the one a URL of this page leads to.

        A URL leads only to an item of the page's own site: a page from another site never
        becomes a new version of an article it names (storage/write.py, NewItem.canonical_url).
        Also returns the page's URLs that items of other sites hold, which a new item leaves them.
        """
        new, key = NewItem(workspace, text, report), workspace_key(workspace)
        found = session.scalar(select(Item.id).where(Item.workspace == key, Item.sha256 == new.sha256))
        if found is not None or not new.urls:
            return found, frozenset()
        rows = session.execute(select(ItemUrl.url, ItemUrl.item_id, Item.url.label("fetched"),
                                      Item.canonical_url)
                               .join(Item, Item.id == ItemUrl.item_id)
                               .where(ItemUrl.workspace == key, ItemUrl.url.in_(new.urls))
                               .order_by(ItemUrl.id)).all()
        here = report.input.url
        for row in rows:
            # the address the item was fetched from; its canonical one only when it has none
            if same_site(row.fetched or row.canonical_url, here):
                return row.item_id, frozenset()
        return None, frozenset(row.url for row in rows)


def _event_row(item_id: int, event: CheckEvent) -> CheckEventRow:
    ids = {name: fit(value, EVENT_FIELD_MAX) for name, value in
           (("channel", event.channel), ("requester", event.user), ("message_id", event.message_id))}
    return CheckEventRow(item_id=item_id, platform=fit(event.platform, PLATFORM_MAX),
                         workspace=workspace_key(event.workspace), **ids)


def _label(row: CheckEventRow) -> str:
    return CheckEvent(platform=row.platform, workspace=row.workspace, user=row.requester).label


def _keep_latest_version(session: Session, item_id: int, new: NewItem) -> _Edit | None:
    """The item takes the new version when its text differs; returns what the edit changed.

    Other text under a known URL means the publisher edited the article, and the desk checks what is
    published now. None when the text is the same, or for a seed: only `seeds import` changes those.
    """
    stored = session.execute(select(Item.sha256, Item.created_at)
                             .where(Item.id == item_id, Item.seed.is_(None))).first()
    if stored is None or stored.sha256 == new.sha256:
        return None
    last = session.scalar(select(func.max(CheckEventRow.checked_at)).where(CheckEventRow.item_id == item_id))
    # read before replace_version deletes them: the earlier text itself is not kept
    earlier = session.scalars(select(QuoteRow.text).where(QuoteRow.item_id == item_id)
                              .order_by(QuoteRow.position)).all()
    removed, added = quote_changes(earlier, [q.text for q in new.report.quotes])
    replace_version(session, item_id, new)
    # an item stored without a check (a bulk ingest) was last seen when it was stored
    return _Edit(iso_utc(last or stored.created_at), removed, added)


def _history(session: Session, item_id: int, edit: _Edit | None = None) -> History:
    count = session.scalar(select(func.count()).where(CheckEventRow.item_id == item_id)) or 0
    first = session.scalars(select(CheckEventRow).where(CheckEventRow.item_id == item_id)
                            .order_by(CheckEventRow.checked_at, CheckEventRow.id).limit(1)).one()
    verdict = history_verdict(session, item_id)  # the desk's verdict stays with the item
    return History(item=item_label(item_id, None), times_checked=count,
                   first_checked_at=iso_utc(first.checked_at), first_checked_by=_label(first),
                   text_changed_since=edit.since if edit else None,
                   quotes_removed=edit.quotes_removed if edit else (),
                   quotes_added=edit.quotes_added if edit else (),
                   status=verdict.to_history_status(), assignee=verdict.assignee, notes=verdict.notes,
                   latest_note=verdict.latest_note, latest_note_by=verdict.latest_note_by)


def _retryable(exc: IntegrityError | OperationalError) -> bool:
    # a unique key taken by a concurrent check, or SQLite's writer lock held past the busy timeout;
    # any other broken constraint is a bug that a second attempt would only repeat
    reason = str(exc.orig).lower()
    if isinstance(exc, IntegrityError):
        return "unique" in reason or "duplicate key" in reason
    return "locked" in reason or "busy" in reason


def _store_error(exc: SQLAlchemyError) -> StoreError:
    if isinstance(exc, OperationalError):
        return StoreUnavailable(short_reason(exc))
    return StoreError(f"could not record the check: {short_reason(exc)}")
