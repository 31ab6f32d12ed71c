"""What the weekly digest reads from the history, and the two small things it writes.

    ledger = store.digest
    events = ledger.check_lines("T024", start, end)
    ledger.save_channel("T024", "slack", "C0DESK")

Reads: a workspace's check events in a time window, its items' stored reports and quotes,
the items (its own or the reference corpus) that share a quoted sentence with them, and the
items whose verdict the desk changed in the window (storage/desk.py keeps the verdicts).
Writes: the per-workspace digest channel, and the digest-posts ledger whose unique key
makes posting a week to a channel happen once however many clocks run. A ledger row is
'claimed' while a run posts, then 'posted', or 'failed' so that a later run retries it.

Every read is scoped to one workspace (plus the reference corpus where stated):
a desk never sees another desk's items.

A workspace enters every query and row as storage.models.workspace_key(id), as the history
stores it (an id over WORKSPACE_MAX characters becomes a prefix and a hash). What comes back
(workspaces_on, channel_settings, unfinished_posts) is that key, which every method here
takes in place of the id: the key of a key is itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, aliased

from .corpus import MIN_SHARED_SHINGLES, item_label
from .errors import StoreUnavailable, short_reason
from .models import (
    REFERENCE,
    CheckEventRow,
    DeskEventRow,
    DigestPost,
    Item,
    QuoteKey,
    QuoteRow,
    QuoteShingle,
    WorkspaceSetting,
    as_utc,
    workspace_key,
)

__all__ = ["CHANNEL_KEY", "CLAIM_LEASE", "CheckLine", "Claim", "DigestStore", "ItemLine", "QuoteLine"]

CHANNEL_KEY = "digest_channel:{platform}"  # the workspace_settings key of a platform's digest channel
# A post takes seconds; a claim this old belongs to a run that died mid-post, and is taken over.
CLAIM_LEASE = dt.timedelta(hours=1)
Claim = Literal["claimed", "posted", "in progress"]


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




class DigestStore:
    """The digest's view of the history (`Store.digest`); database errors come out as StoreUnavailable."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def check_lines(self, workspace: str, start: dt.datetime, end: dt.datetime) -> list[CheckLine]:
        """The workspace's checks with start <= checked_at < end (aware datetimes, any zone)."""
        query = (select(CheckEventRow.item_id, CheckEventRow.platform, CheckEventRow.requester,
                        CheckEventRow.checked_at)
                 .where(CheckEventRow.workspace == workspace_key(workspace),
                        CheckEventRow.checked_at >= as_utc(start), CheckEventRow.checked_at < as_utc(end))
                 .order_by(CheckEventRow.checked_at, CheckEventRow.id))
        with _reading(self.engine) as session:
            return [CheckLine(i, p, r, as_utc(at)) for i, p, r, at in session.execute(query)]

    def item_lines(self, workspace: str, ids: Collection[int]) -> list[ItemLine]:
        """Stored reports of the given items, only those this workspace may see."""
        if not ids:
            return []
        query = (select(Item.id, Item.seed, Item.title, Item.canonical_url, Item.url, Item.report,
                        Item.sha256)
                 .where(Item.id.in_(ids), Item.workspace.in_((workspace_key(workspace), REFERENCE)))
                 .order_by(Item.id))
        with _reading(self.engine) as session:
            return [ItemLine(i, item_label(i, seed), title, canonical or url, report or {}, sha)
                    for i, seed, title, canonical, url, report, sha in session.execute(query)]

    def desk_items(self, workspace: str, start: dt.datetime, end: dt.datetime) -> list[int]:
        """The workspace's items whose verdict changed (a status, a note, an assignment) with
        start <= at < end: a week's items include those the desk ruled on without checking again."""
        query = (select(DeskEventRow.item_id)
                 .where(DeskEventRow.workspace == workspace_key(workspace),
                        DeskEventRow.at >= as_utc(start), DeskEventRow.at < as_utc(end))
                 .group_by(DeskEventRow.item_id).order_by(func.min(DeskEventRow.id)))
        with _reading(self.engine) as session:
            return list(session.scalars(query))

    def check_counts(self, workspace: str, ids: Collection[int], end: dt.datetime) -> dict[int, int]:
        """How often each of the workspace's items was checked before `end`, all weeks together."""
        if not ids:
            return {}
        query = (select(CheckEventRow.item_id, func.count())
                 .where(CheckEventRow.workspace == workspace_key(workspace),
                        CheckEventRow.item_id.in_(ids), CheckEventRow.checked_at < as_utc(end))
                 .group_by(CheckEventRow.item_id))
        with _reading(self.engine) as session:
            return {item_id: n for item_id, n in session.execute(query)}

    def quote_lines(self, workspace: str, ids: Collection[int]) -> list[QuoteLine]:
        if not ids:
            return []
        query = (select(QuoteRow.item_id, QuoteRow.text, QuoteRow.speaker, QuoteRow.speaker_kind)
                 .join(Item, Item.id == QuoteRow.item_id)
                 .where(QuoteRow.item_id.in_(ids), Item.workspace.in_((workspace_key(workspace), REFERENCE)))
                 .order_by(QuoteRow.item_id, QuoteRow.position))
        with _reading(self.engine) as session:
            return [QuoteLine(*row) for row in session.execute(query)]

    def quote_partners(self, workspace: str, ids: Collection[int]) -> dict[int, set[int]]:
        """For each item, the other items (this workspace's or the reference corpus's) that share a
        quoted sentence: the same normalised sentence, or enough of its 3-word shingles.
        Copies of the same text are left out."""
        partners: dict[int, set[int]] = {}
        if not ids:
            return partners
        with _reading(self.engine) as session:
            for here, there in [*_sharing(session, QuoteKey, workspace, ids, 1),
                                *_sharing(session, QuoteShingle, workspace, ids, MIN_SHARED_SHINGLES)]:
                partners.setdefault(here, set()).add(there)
        return partners

    def workspaces_on(self, platform: str) -> list[str]:
        """Workspaces that have checked something from this platform (Slack teams, Discord guilds)."""
        query = select(CheckEventRow.workspace).where(CheckEventRow.platform == platform).distinct()
        with _reading(self.engine) as session:
            return sorted(session.scalars(query))

    def channel_settings(self, platform: str) -> dict[str, str]:
        """workspace -> the digest channel it chose for this platform with `/check digest here`."""
        query = select(WorkspaceSetting.workspace, WorkspaceSetting.value).where(
            WorkspaceSetting.key == CHANNEL_KEY.format(platform=platform))
        with _reading(self.engine) as session:
            return {w: v for w, v in session.execute(query)}

    def save_channel(self, workspace: str, platform: str, channel: str) -> None:
        """Set (or replace) the workspace's digest channel on a platform."""
        key, stored = CHANNEL_KEY.format(platform=platform), workspace_key(workspace)
        try:
            with Session(self.engine) as session, session.begin():
                row = session.scalars(select(WorkspaceSetting).where(
                    WorkspaceSetting.workspace == stored, WorkspaceSetting.key == key)).first()
                if row is None:
                    session.add(WorkspaceSetting(workspace=stored, key=key, value=channel))
                else:
                    row.value = channel
        except IntegrityError:  # two "digest here" at once: the other one's row stands, write ours over it
            self.save_channel(workspace, platform, channel)
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc

    def claim_post(self, workspace: str, week: str, platform: str, channel: str, *,
                   now: dt.datetime | None = None) -> Claim:
        """Take the right to post this week to this channel.

        'claimed': this run posts, then calls finish_post or fail_post. 'posted': it is out.
        'in progress': another run holds a live claim. A new row is committed before anything
        is posted, so a second clock or a manual run that races this one loses on the unique
        key instead of posting twice; a failed claim, or one older than CLAIM_LEASE, is taken over.
        """
        now = as_utc(now or dt.datetime.now(dt.UTC))
        try:
            with Session(self.engine) as session, session.begin():
                session.add(DigestPost(workspace=workspace_key(workspace), week=week, platform=platform,
                                       channel=channel, state="claimed", posted_at=now))
            return "claimed"
        except IntegrityError:
            pass
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        return self._retake(_key(workspace, week, platform, channel), now)

    def _retake(self, key: tuple[Any, ...], now: dt.datetime) -> Claim:
        """The row exists: take it over if it failed or its claim outlived CLAIM_LEASE."""
        retake = or_(DigestPost.state == "failed",
                     and_(DigestPost.state == "claimed", DigestPost.posted_at < now - CLAIM_LEASE))
        try:
            with Session(self.engine) as session, session.begin():
                # one UPDATE with the condition in it: of two runs retrying at once, one wins
                taken = session.execute(update(DigestPost).where(*key, retake)
                                        .values(state="claimed", posted_at=now, reason=None))
                if getattr(taken, "rowcount", 0) == 1:
                    return "claimed"
                state = session.scalar(select(DigestPost.state).where(*key))
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        return "posted" if state == "posted" else "in progress"

    def finish_post(self, workspace: str, week: str, platform: str, channel: str) -> None:
        """The post went out: the week is done for this channel."""
        self._settle(_key(workspace, week, platform, channel), state="posted", reason=None)

    def fail_post(self, workspace: str, week: str, platform: str, channel: str, reason: str) -> None:
        """The post failed: the claim is given up, and a later run (unfinished_posts) retries the week."""
        self._settle(_key(workspace, week, platform, channel), state="failed", reason=reason[:500])

    def unfinished_posts(self, oldest: str, newest: str, *,
                         now: dt.datetime | None = None) -> list[tuple[str, str, str, str]]:
        """(workspace, week, platform, channel) of the posts from week `oldest` to `newest` (labels
        such as 2026-W47, which sort as text) that failed, or whose run died: oldest week first."""
        stale = as_utc(now or dt.datetime.now(dt.UTC)) - CLAIM_LEASE
        query = (select(DigestPost.workspace, DigestPost.week, DigestPost.platform, DigestPost.channel)
                 .where(DigestPost.week >= oldest, DigestPost.week <= newest,
                        or_(DigestPost.state == "failed",
                            and_(DigestPost.state == "claimed", DigestPost.posted_at < stale)))
                 .order_by(DigestPost.week, DigestPost.workspace, DigestPost.platform, DigestPost.channel))
        with _reading(self.engine) as session:
            return [(w, k, p, c) for w, k, p, c in session.execute(query)]

    def _settle(self, key: tuple[Any, ...], *, state: str, reason: str | None) -> None:
        try:
            with Session(self.engine) as session, session.begin():
                session.execute(update(DigestPost).where(*key, DigestPost.state == "claimed")
                                .values(state=state, reason=reason, posted_at=dt.datetime.now(dt.UTC)))
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc


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
                    their_item.workspace.in_((workspace_key(workspace), REFERENCE)))
             .group_by(mine.item_id, theirs.item_id).having(shared >= least))
    return [(here, there) for here, there in session.execute(query)]


def _key(workspace: str, week: str, platform: str, channel: str) -> tuple[Any, ...]:
    return (DigestPost.workspace == workspace_key(workspace), DigestPost.week == week,
            DigestPost.platform == platform, DigestPost.channel == channel)


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
