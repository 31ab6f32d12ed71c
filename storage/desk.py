"""The desk's verdict on an item: its status, notes and assignee, kept as an append-only trail.

    desk = store.desk
    desk.set_status("T024", 42, "disputed", by="slack:T024/U12AB", note="The council denies it")
    desk.assign("T024", 42, "slack:T024/U34CD", by="slack:T024/U12AB")
    desk.state("T024", 42).status          # "disputed"

Every change is one row of `desk_events` (who, when, from, to, an optional note); rows are
never updated or deleted, and the current state is folded from them. Everything is scoped to
the item's own workspace: another workspace's item is UnknownItem, with the very message of a
missing one, so a desk cannot even learn that it exists. A chat action passes an idempotency
`key`: the unique (workspace, key) applies a retried or doubled request once, even in a race.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from checks import DESK_STATUS_LABELS, DESK_STATUSES, HistoryStatus

from .errors import StoreError, StoreUnavailable, short_reason
from .models import ACTOR_MAX, DESK_KEY_MAX, DeskEventRow, Item, as_utc, workspace_key
from .write import clean, fit

__all__ = [
    "NOTE_MAX",
    "STATUSES",
    "STATUS_LABELS",
    "DeskEvent",
    "DeskState",
    "DeskStore",
    "UnknownItem",
    "UnknownStatus",
    "check_status",
    "current_status",
    "history_verdict",
    "parse_item_ref",
]

STATUSES = DESK_STATUSES
STATUS_LABELS = DESK_STATUS_LABELS
NOTE_MAX = 2000  # characters a note keeps; a longer one is cut, an ellipsis marking the cut
_OPEN = "open"
_STATUS, _NOTE, _ASSIGN = "status", "note", "assign"
_ITEM_REF = re.compile(r"(?:item:)?([0-9]{1,10})")
_ITEM_ID_MAX = 2**31 - 1  # the items table's integer key


class UnknownItem(StoreError):
    """No such item in this workspace: missing, or another workspace's (the message is the same)."""

    @classmethod
    def of(cls, item_id: int) -> UnknownItem:
        return cls(f"item:{item_id} is not an item of this workspace")


class UnknownStatus(ValueError):
    """A status that is not one of STATUSES."""


@dataclass(frozen=True)
class DeskEvent:
    """One row of the audit trail."""

    kind: str  # "status" | "note" | "assign"
    by: str | None  # "slack:T024/U12AB", "discord:<guild>/<user>", "cli:ana"
    at: dt.datetime  # UTC, aware
    old: str | None  # status or assignee before (None for notes)
    new: str | None  # status or assignee after (None for notes)
    note: str | None  # the note's text (a status change may carry one)


@dataclass(frozen=True)
class DeskState:
    """The item's current verdict, folded from its events."""

    item_id: int
    status: str  # "open" when no status event exists
    status_by: str | None
    status_at: dt.datetime | None
    status_note: str | None  # the note given with the latest status change, if any
    assignee: str | None
    notes: int  # note events, and status changes that carried a note
    latest_note: str | None
    latest_note_by: str | None
    timeline: tuple[DeskEvent, ...]  # oldest first

    def to_history_status(self) -> HistoryStatus | None:
        """The report's `history.status`: None until someone set a status."""
        if self.status_at is None:
            return None
        return HistoryStatus(value=self.status, by=self.status_by, at=_iso(self.status_at),
                             note=self.status_note)


def parse_item_ref(ref: str) -> int:
    """'item:42' or '42' -> 42; ValueError for anything else (a seed, a word, a negative number)."""
    found = _ITEM_REF.fullmatch(ref.strip())
    if found is None or not 0 < int(found[1]) <= _ITEM_ID_MAX:
        raise ValueError(f"not an item: {ref!r} (use item:42 or 42)")
    return int(found[1])


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UnknownStatus(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
    return status


class DeskStore:
    """Reads and appends the desk's verdicts over one engine (reached as `store.desk`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def set_status(self, workspace: str, item_id: int, status: str, *, by: str | None,
                   note: str | None = None, key: str | None = None) -> DeskState:
        """The item's new status. The status it already has is recorded again only with a note."""
        change = _Change(_STATUS, check_status(status), _note(note))
        return self._apply(workspace, item_id, change, by, key)

    def add_note(self, workspace: str, item_id: int, text: str, *, by: str | None,
                 key: str | None = None) -> DeskState:
        note = _note(text)
        if note is None:
            raise ValueError("a note needs some text")
        return self._apply(workspace, item_id, _Change(_NOTE, None, note), by, key)

    def assign(self, workspace: str, item_id: int, assignee: str | None, *, by: str | None,
               key: str | None = None) -> DeskState:
        """Assign the item to someone; None (or blank) takes the assignment away."""
        who = fit(assignee.strip(), ACTOR_MAX) if assignee else None
        return self._apply(workspace, item_id, _Change(_ASSIGN, who or None, None), by, key)

    def state(self, workspace: str, item_id: int) -> DeskState:
        ws = workspace_key(workspace)
        with _reading(), Session(self.engine) as session:
            _ensure_item(session, ws, item_id)
            return _fold(item_id, _events(session, item_id))

    def states(self, workspace: str, item_ids: Sequence[int]) -> dict[int, DeskState]:
        """The states of this workspace's items among `item_ids` (others are left out), one query."""
        ws = workspace_key(workspace)
        query = (select(Item.id, DeskEventRow)
                 .outerjoin(DeskEventRow, DeskEventRow.item_id == Item.id)
                 .where(Item.workspace == ws, Item.id.in_(list(item_ids)))
                 .order_by(Item.id, DeskEventRow.id))
        found: dict[int, list[DeskEvent]] = {}
        with _reading(), Session(self.engine) as session:
            for item_id, row in session.execute(query):
                found.setdefault(item_id, [])
                if row is not None:
                    found[item_id].append(_event(row))
        return {item_id: _fold(item_id, events) for item_id, events in found.items()}

    def revoke_links(self, workspace: str, item_id: int, *, now: dt.datetime | None = None) -> dt.datetime:
        """Withdraw every report page link to the item signed up to now (a link sent to the wrong
        channel); links signed afterwards open. Returns the moment; UnknownItem for another
        workspace's item."""
        ws, moment = workspace_key(workspace), now or dt.datetime.now(dt.UTC)
        try:
            with self.engine.begin() as conn:  # one UPDATE: the item's text and report stay unread
                changed = conn.execute(update(Item).where(Item.id == item_id, Item.workspace == ws,
                                                          Item.seed.is_(None))
                                       .values(links_revoked_at=moment)).rowcount
            if not changed:
                raise UnknownItem.of(item_id)
        except OperationalError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"could not withdraw the links: {short_reason(exc)}") from exc
        return moment

    def items_with_status(self, workspace: str, status: str) -> list[int]:
        """This workspace's items whose current status is `status` ('open': never set, or set back)."""
        ws, wanted = workspace_key(workspace), check_status(status)
        query = (select(Item.id).where(Item.workspace == ws, current_status() == wanted)
                 .order_by(Item.id.desc()))
        with _reading(), Session(self.engine) as session:
            return list(session.scalars(query))

    def _apply(self, workspace: str, item_id: int, change: _Change, by: str | None,
               key: str | None) -> DeskState:
        ws, stored_key = workspace_key(workspace), _stored_key(key)
        try:
            with Session(self.engine) as session, session.begin():
                _lock_item(session, ws, item_id)
                events = _events(session, item_id)  # read once: the item is locked, nothing else appends
                if stored_key is not None and _seen(session, ws, stored_key):
                    return _fold(item_id, events)
                row = change.row(_fold(item_id, events), ws, fit(by, ACTOR_MAX), stored_key)
                if row is not None:
                    session.add(row)
                    session.flush()
                    events.append(_event(row))
                return _fold(item_id, events)
        except IntegrityError as exc:
            if stored_key is None or not _duplicate(exc):
                raise StoreError(f"could not save the change: {short_reason(exc)}") from exc
        except OperationalError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"could not save the change: {short_reason(exc)}") from exc
        # the same key was applied by a concurrent request (a Slack retry, a double click)
        return self.state(workspace, item_id)


@dataclass(frozen=True)
class _Change:
    kind: str
    new: str | None
    note: str | None

    def row(self, current: DeskState, ws: str, by: str | None, key: str | None) -> DeskEventRow | None:
        """The event to append, or None when the change would change nothing."""
        old = current.status if self.kind == _STATUS else current.assignee if self.kind == _ASSIGN else None
        if self.kind != _NOTE and old == self.new and self.note is None:
            return None
        return DeskEventRow(item_id=current.item_id, workspace=ws, kind=self.kind, actor=by,
                            old=old, new=self.new, note=self.note, key=key)


def current_status() -> ColumnElement[str]:
    """SQL for the current status of the query's Item ('open' when none was set), to select or filter by."""
    latest = (select(DeskEventRow.new).where(DeskEventRow.item_id == Item.id, DeskEventRow.kind == _STATUS)
              .order_by(DeskEventRow.id.desc()).limit(1).scalar_subquery())
    return func.coalesce(latest, _OPEN)


def history_verdict(session: Session, item_id: int) -> DeskState:
    """The item's verdict for a report's history, inside the caller's session."""
    return _fold(item_id, _events(session, item_id))


def _fold(item_id: int, events: Sequence[DeskEvent]) -> DeskState:
    status, status_event, assignee = _OPEN, None, None
    noted = [e for e in events if e.note is not None]
    for event in events:
        if event.kind == _STATUS and event.new is not None:
            status, status_event = event.new, event
        elif event.kind == _ASSIGN:
            assignee = event.new
    latest = noted[-1] if noted else None
    return DeskState(item_id=item_id, status=status,
                     status_by=status_event.by if status_event else None,
                     status_at=status_event.at if status_event else None,
                     status_note=status_event.note if status_event else None,
                     assignee=assignee, notes=len(noted),
                     latest_note=latest.note if latest else None,
                     latest_note_by=latest.by if latest else None, timeline=tuple(events))


def _events(session: Session, item_id: int) -> list[DeskEvent]:
    rows = session.scalars(select(DeskEventRow).where(DeskEventRow.item_id == item_id)
                           .order_by(DeskEventRow.id))
    return [_event(row) for row in rows]


def _event(row: DeskEventRow) -> DeskEvent:
    return DeskEvent(kind=row.kind, by=row.actor, at=as_utc(row.at), old=row.old, new=row.new,
                     note=row.note)


def _ensure_item(session: Session, ws: str, item_id: int) -> None:
    if session.scalar(select(Item.id).where(Item.id == item_id, Item.workspace == ws)) is None:
        raise UnknownItem.of(item_id)


def _lock_item(session: Session, ws: str, item_id: int) -> None:
    """_ensure_item, holding the item to the transaction's end: a second change (a double click,
    another web process) waits, then reads the first one's result, never a stale `old`.
    PostgreSQL locks the row (NO KEY: a check recorded meanwhile does not wait); SQLite takes the
    write lock before the first read, where pysqlite would begin only at the first write."""
    query = select(Item.id).where(Item.id == item_id, Item.workspace == ws)
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    else:
        query = query.with_for_update(key_share=True)
    if session.scalar(query) is None:
        raise UnknownItem.of(item_id)


def _seen(session: Session, ws: str, key: str) -> bool:
    found = select(DeskEventRow.id).where(DeskEventRow.workspace == ws, DeskEventRow.key == key)
    return session.scalar(found) is not None


def _note(text: str | None) -> str | None:
    """A note as kept: NUL-safe, trimmed, at most NOTE_MAX characters; None when blank."""
    if text is None or not text.strip():
        return None
    return fit(text.strip(), NOTE_MAX)


def _stored_key(key: str | None) -> str | None:
    # a key is compared, never shown: an overlong one is kept whole as its hash, never cut
    if key is None:
        return None
    key = clean(key)
    if len(key) <= DESK_KEY_MAX:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _duplicate(exc: IntegrityError) -> bool:
    reason = str(exc.orig).lower()
    return "unique" in reason or "duplicate key" in reason


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextlib.contextmanager
def _reading() -> Iterator[None]:
    """A read's database errors as the store's own: StoreUnavailable with a one-line reason."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreUnavailable(short_reason(exc)) from exc
