"""What the weekly digest reads from the history, and the two small things it writes.

Reads: a workspace's check events in a time window, its items' stored reports and quotes,
and the items (its own or the reference corpus) that share a quoted sentence with them.
Writes: the per-workspace digest channel, and the digest-posts ledger whose unique key
makes posting a week to a channel happen once however many clocks run.

Every read is scoped to one workspace (plus the reference corpus where stated):
a desk never sees another desk's items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, aliased

from .corpus import MIN_SHARED_SHINGLES, item_label
from .errors import StoreUnavailable, short_reason
from .models import (
    REFERENCE,
    CheckEventRow,
    DigestPost,
    Item,
    QuoteKey,
    QuoteRow,
    QuoteShingle,
    WorkspaceSetting,
)

__all__ = [
    "CHANNEL_KEY",
    "CheckLine",
    "ItemLine",
    "QuoteLine",
    "channel_settings",
    "check_lines",
    "claim_post",
    "item_lines",
    "quote_lines",
    "quote_partners",
    "release_post",
    "save_channel",
    "workspaces_on",
]

CHANNEL_KEY = "digest_channel:{platform}"  # the workspace_settings key of a platform's digest channel


@dataclass(frozen=True)
class CheckLine:
    item_id: int
    platform: str
    requester: str | None
    checked_at: dt.datetime  # UTC-aware


@dataclass(frozen=True)
class ItemLine:
    item_id: int
    label: str  # "item:42" or "seed:<stem>"
    title: str | None
    url: str | None
    report: dict[str, Any]
    sha256: str = ""


@dataclass(frozen=True)
class QuoteLine:
    item_id: int
    text: str
    speaker: str | None
    speaker_kind: str | None


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything is written in UTC
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def check_lines(engine: Engine, workspace: str, start: dt.datetime, end: dt.datetime) -> list[CheckLine]:
    """The workspace's checks with start <= checked_at < end (aware datetimes, any zone)."""
    query = (select(CheckEventRow.item_id, CheckEventRow.platform, CheckEventRow.requester,
                    CheckEventRow.checked_at)
             .where(CheckEventRow.workspace == workspace,
                    CheckEventRow.checked_at >= _utc(start), CheckEventRow.checked_at < _utc(end))
             .order_by(CheckEventRow.checked_at, CheckEventRow.id))
    with _reading(engine) as session:
        return [CheckLine(i, p, r, _utc(at)) for i, p, r, at in session.execute(query)]


def item_lines(engine: Engine, workspace: str, ids: Collection[int]) -> list[ItemLine]:
    """Stored reports of the given items, only those this workspace may see."""
    if not ids:
        return []
    query = (select(Item.id, Item.seed, Item.title, Item.canonical_url, Item.url, Item.report, Item.sha256)
             .where(Item.id.in_(ids), Item.workspace.in_((workspace, REFERENCE))).order_by(Item.id))
    with _reading(engine) as session:
        return [ItemLine(i, item_label(i, seed), title, canonical or url, report or {}, sha)
                for i, seed, title, canonical, url, report, sha in session.execute(query)]


def quote_lines(engine: Engine, workspace: str, ids: Collection[int]) -> list[QuoteLine]:
    if not ids:
        return []
    query = (select(QuoteRow.item_id, QuoteRow.text, QuoteRow.speaker, QuoteRow.speaker_kind)
             .join(Item, Item.id == QuoteRow.item_id)
             .where(QuoteRow.item_id.in_(ids), Item.workspace.in_((workspace, REFERENCE)))
             .order_by(QuoteRow.item_id, QuoteRow.position))
    with _reading(engine) as session:
        return [QuoteLine(*row) for row in session.execute(query)]


def quote_partners(engine: Engine, workspace: str, ids: Collection[int]) -> dict[int, set[int]]:
    """For each item, the other items (this workspace's or the reference corpus's) that share a
    quoted sentence: the same normalised sentence, or enough of its 3-word shingles.
    Copies of the same text are left out."""
    partners: dict[int, set[int]] = {}
    if not ids:
        return partners
    with _reading(engine) as session:
        for here, there in [*_sharing(session, QuoteKey, workspace, ids, 1),
                            *_sharing(session, QuoteShingle, workspace, ids, MIN_SHARED_SHINGLES)]:
            partners.setdefault(here, set()).add(there)
    return partners


def _sharing(session: Session, table: type[QuoteKey] | type[QuoteShingle], workspace: str,
             ids: Collection[int], least: int) -> list[tuple[int, int]]:
    mine, theirs = aliased(table), aliased(table)
    mine_item, their_item = aliased(Item), aliased(Item)
    shared = func.count().label("shared")
    # the very same text (a reference article checked as is) shares every quote: not a recycling
    query = (select(mine.item_id, theirs.item_id)
             .join(mine_item, mine_item.id == mine.item_id)
             .join(theirs, theirs.key == mine.key).join(their_item, their_item.id == theirs.item_id)
             .where(mine.item_id.in_(ids), theirs.item_id != mine.item_id,
                    their_item.sha256 != mine_item.sha256,
                    their_item.workspace.in_((workspace, REFERENCE)))
             .group_by(mine.item_id, theirs.item_id).having(shared >= least))
    return [(here, there) for here, there in session.execute(query)]


def workspaces_on(engine: Engine, platform: str) -> list[str]:
    """Workspaces that have checked something from this platform (Slack teams, Discord guilds)."""
    query = select(CheckEventRow.workspace).where(CheckEventRow.platform == platform).distinct()
    with _reading(engine) as session:
        return sorted(session.scalars(query))


def channel_settings(engine: Engine, platform: str) -> dict[str, str]:
    """workspace -> the digest channel it chose for this platform with `/check digest here`."""
    query = select(WorkspaceSetting.workspace, WorkspaceSetting.value).where(
        WorkspaceSetting.key == CHANNEL_KEY.format(platform=platform))
    with _reading(engine) as session:
        return {w: v for w, v in session.execute(query)}


def save_channel(engine: Engine, workspace: str, platform: str, channel: str) -> None:
    """Set (or replace) the workspace's digest channel on a platform."""
    key = CHANNEL_KEY.format(platform=platform)
    try:
        with Session(engine) as session, session.begin():
            row = session.scalars(select(WorkspaceSetting).where(
                WorkspaceSetting.workspace == workspace, WorkspaceSetting.key == key)).first()
            if row is None:
                session.add(WorkspaceSetting(workspace=workspace, key=key, value=channel))
            else:
                row.value = channel
    except IntegrityError:  # two "digest here" at once: the other one's row stands, write ours over it
        save_channel(engine, workspace, platform, channel)
    except SQLAlchemyError as exc:
        raise StoreUnavailable(short_reason(exc)) from exc


def claim_post(engine: Engine, workspace: str, week: str, platform: str, channel: str) -> bool:
    """Take the right to post this week to this channel; False when someone already has.

    The row is committed before anything is posted, so a second clock or a manual run that
    races this one loses on the unique key instead of posting twice.
    """
    try:
        with Session(engine) as session, session.begin():
            session.add(DigestPost(workspace=workspace, week=week, platform=platform, channel=channel))
    except IntegrityError:
        return False
    except SQLAlchemyError as exc:
        raise StoreUnavailable(short_reason(exc)) from exc
    return True


def release_post(engine: Engine, workspace: str, week: str, platform: str, channel: str) -> None:
    """Give a claim back after the post failed, so the next run tries again."""
    with Session(engine) as session, session.begin():
        session.execute(delete(DigestPost).where(
            DigestPost.workspace == workspace, DigestPost.week == week,
            DigestPost.platform == platform, DigestPost.channel == channel))


def _reading(engine: Engine) -> _ReadSession:
    return _ReadSession(engine)


class _ReadSession:
    """A session whose database errors come out as StoreUnavailable with a one-line reason."""

    def __init__(self, engine: Engine) -> None:
        self._session = Session(engine)

    def __enter__(self) -> Session:
        return self._session

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, _tb: object) -> None:
        self._session.close()
        if isinstance(exc, SQLAlchemyError):
            raise StoreUnavailable(short_reason(exc)) from exc

