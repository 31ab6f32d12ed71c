"""The tables: checked items, their check events, quotes and near-duplicate fingerprints.

Every item belongs to one workspace (a Slack team, a Discord guild, `local` for the CLI);
the reference corpus lives under the reserved workspace REFERENCE, visible to all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "ACTOR_MAX",
    "AUTHOR_MAX",
    "DESK_KEY_MAX",
    "DESK_KIND_MAX",
    "EVENT_FIELD_MAX",
    "PLATFORM_MAX",
    "REFERENCE",
    "REPORT_SCHEMA_MAX",
    "SITE_MAX",
    "SPEAKER_KIND_MAX",
    "WORKSPACE_MAX",
    "BandKey",
    "Base",
    "CheckEventRow",
    "DeskEventRow",
    "DigestPost",
    "Item",
    "ItemUrl",
    "QuoteKey",
    "QuoteRow",
    "QuoteShingle",
    "WorkspaceSetting",
    "as_utc",
    "utcnow",
    "workspace_key",
]

# No Slack team, Discord guild or CLI name contains '@': the seeds can never collide with a desk.
REFERENCE = "@reference"

# Column widths (characters). Values written are cut to them (storage/write.py): PostgreSQL
# refuses a longer one outright, and a page must not keep its own check out of the history.
WORKSPACE_MAX = 100
SITE_MAX = 300
AUTHOR_MAX = 300
PLATFORM_MAX = 20
EVENT_FIELD_MAX = 100  # a check event's channel, requester and message id
SPEAKER_KIND_MAX = 20
REPORT_SCHEMA_MAX = 50
ACTOR_MAX = 200  # who changed a verdict ("discord:<guild>/<user>"), and an assignee
DESK_KIND_MAX = 20
DESK_KEY_MAX = 200  # an idempotency key; a longer one is stored as its hash (storage/desk.py)
_WORKSPACE_DIGEST = 32  # hex characters of SHA-256 (128 bits) that stand for an overlong id's tail


def workspace_key(workspace: str) -> str:
    """The workspace as stored: the id itself up to WORKSPACE_MAX characters.

    A longer id keeps its first characters and ends in a hash of the whole id, never a plain cut:
    two long ids that share a prefix stay two workspaces, and neither sees the other's history.
    """
    if len(workspace) <= WORKSPACE_MAX:
        return workspace
    digest = hashlib.sha256(workspace.encode("utf-8", "surrogatepass")).hexdigest()[:_WORKSPACE_DIGEST]
    return f"{workspace[:WORKSPACE_MAX - _WORKSPACE_DIGEST - 1]}~{digest}"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """The moment in UTC, a naive one taken as UTC: SQLite hands back naive datetimes, and
    everything is written in UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: DateTime(timezone=True), dt.date: Date, dict[str, Any]: JSON,
    }


class Item(Base):
    """One checked article per workspace: the same text or URL checked again is the same item."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("workspace", "sha256", name="uq_items_workspace_sha256"),
        Index("ix_items_workspace_created", "workspace", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX))
    sha256: Mapped[str] = mapped_column(String(64))
    seed: Mapped[str | None] = mapped_column(String(200), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    site: Mapped[str | None] = mapped_column(String(SITE_MAX))
    author: Mapped[str | None] = mapped_column(String(AUTHOR_MAX))
    published: Mapped[dt.date | None]
    text: Mapped[str] = mapped_column(Text)
    report: Mapped[dict[str, Any]]
    report_schema: Mapped[str] = mapped_column(String(REPORT_SCHEMA_MAX))
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Report page links to this item signed up to this moment no longer open (storage.desk.revoke_links)
    links_revoked_at: Mapped[dt.datetime | None]


class ItemUrl(Base):
    """The final and canonical URLs of an item: unique per workspace, so a race makes one item."""

    __tablename__ = "item_urls"
    __table_args__ = (UniqueConstraint("workspace", "url", name="uq_item_urls_workspace_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX))
    url: Mapped[str] = mapped_column(Text)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)


class CheckEventRow(Base):
    """One check of an item: who asked, where, when."""

    __tablename__ = "check_events"
    __table_args__ = (Index("ix_check_events_workspace_checked", "workspace", "checked_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(PLATFORM_MAX))
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX))
    channel: Mapped[str | None] = mapped_column(String(EVENT_FIELD_MAX))
    requester: Mapped[str | None] = mapped_column(String(EVENT_FIELD_MAX))
    message_id: Mapped[str | None] = mapped_column(String(EVENT_FIELD_MAX))
    checked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class QuoteRow(Base):
    """Every quote of every item with its speaker: where the same words were seen before."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_kind: Mapped[str | None] = mapped_column(String(SPEAKER_KIND_MAX))
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)


# The fingerprint tables carry the item's workspace inside their primary key, as a search
# engine keeps one posting list per tenant: a lookup reads (key, workspace) postings straight
# from the index, never the items table, and another desk's postings are never read at all.


class BandKey(Base):
    """A MinHash LSH band of an item: two items sharing a (band, key) are candidates."""

    __tablename__ = "minhash_bands"

    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)


class QuoteKey(Base):
    """The hash of a normalised quoted sentence: the exact same words, found by index."""

    __tablename__ = "quote_keys"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)


class QuoteShingle(Base):
    """A hashed 3-word shingle of a quoted sentence: reworded quotes still share most of these."""

    __tablename__ = "quote_shingles"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)


class WorkspaceSetting(Base):
    __tablename__ = "workspace_settings"
    __table_args__ = (UniqueConstraint("workspace", "key", name="uq_workspace_settings_workspace_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX))
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text)


class DigestPost(Base):
    """A weekly digest already posted: the unique key stops a second post for the same week."""

    __tablename__ = "digest_posts"
    __table_args__ = (UniqueConstraint("workspace", "week", "platform", "channel",
                                       name="uq_digest_posts_workspace_week_platform_channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX))
    week: Mapped[str] = mapped_column(String(10))
    platform: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(100))
    posted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # claimed (a run is posting), posted, or failed (a later run retries); posted_at is when it became so
    state: Mapped[str] = mapped_column(String(10), default="posted", server_default="posted")
    reason: Mapped[str | None] = mapped_column(Text)  # why the last attempt failed


class DeskEventRow(Base):
    """One change to the desk's verdict on an item: a status, a note or an assignment.

    Append-only: the current verdict is folded from these rows, which are never updated or
    deleted (only with their item). `key` makes a retried chat action apply once per workspace.
    """

    __tablename__ = "desk_events"
    __table_args__ = (
        UniqueConstraint("workspace", "key", name="uq_desk_events_workspace_key"),
        Index("ix_desk_events_workspace_item", "workspace", "item_id", "id"),
        Index("ix_desk_events_item", "item_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    workspace: Mapped[str] = mapped_column(String(WORKSPACE_MAX))
    kind: Mapped[str] = mapped_column(String(DESK_KIND_MAX))  # status | note | assign
    actor: Mapped[str | None] = mapped_column(String(ACTOR_MAX))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    old: Mapped[str | None] = mapped_column(String(ACTOR_MAX))
    new: Mapped[str | None] = mapped_column(String(ACTOR_MAX))
    note: Mapped[str | None] = mapped_column(Text)
    key: Mapped[str | None] = mapped_column(String(DESK_KEY_MAX))
