"""The tables: checked items, their check events, quotes and near-duplicate fingerprints.

Every item belongs to one workspace (a Slack team, a Discord guild, `local` for the CLI);
the reference corpus lives under the reserved workspace REFERENCE, visible to all.
"""

from __future__ import annotations

import datetime as dt
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
    "REFERENCE",
    "BandKey",
    "Base",
    "CheckEventRow",
    "DigestPost",
    "Item",
    "ItemUrl",
    "QuoteKey",
    "QuoteRow",
    "QuoteShingle",
    "WorkspaceSetting",
    "utcnow",
]

# No Slack team, Discord guild or CLI name contains '@': the seeds can never collide with a desk.
REFERENCE = "@reference"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
    workspace: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    seed: Mapped[str | None] = mapped_column(String(200), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    site: Mapped[str | None] = mapped_column(String(300))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[dt.date | None]
    text: Mapped[str] = mapped_column(Text)
    report: Mapped[dict[str, Any]]
    report_schema: Mapped[str] = mapped_column(String(50))
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ItemUrl(Base):
    """The final and canonical URLs of an item: unique per workspace, so a race makes one item."""

    __tablename__ = "item_urls"
    __table_args__ = (UniqueConstraint("workspace", "url", name="uq_item_urls_workspace_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(Text)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)


class CheckEventRow(Base):
    """One check of an item: who asked, where, when."""

    __tablename__ = "check_events"
    __table_args__ = (Index("ix_check_events_workspace_checked", "workspace", "checked_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(20))
    workspace: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str | None] = mapped_column(String(100))
    requester: Mapped[str | None] = mapped_column(String(100))
    message_id: Mapped[str | None] = mapped_column(String(100))
    checked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class QuoteRow(Base):
    """Every quote of every item with its speaker: where the same words were seen before."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_kind: Mapped[str | None] = mapped_column(String(20))
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
    workspace: Mapped[str] = mapped_column(String(100), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)


class QuoteKey(Base):
    """The hash of a normalised quoted sentence: the exact same words, found by index."""

    __tablename__ = "quote_keys"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(100), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)


class QuoteShingle(Base):
    """A hashed 3-word shingle of a quoted sentence: reworded quotes still share most of these."""

    __tablename__ = "quote_shingles"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(100), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)


class WorkspaceSetting(Base):
    __tablename__ = "workspace_settings"
    __table_args__ = (UniqueConstraint("workspace", "key", name="uq_workspace_settings_workspace_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text)


class DigestPost(Base):
    """A weekly digest already posted: the unique key stops a second post for the same week."""

    __tablename__ = "digest_posts"
    __table_args__ = (UniqueConstraint("workspace", "week", "platform", "channel",
                                       name="uq_digest_posts_workspace_week_platform_channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace: Mapped[str] = mapped_column(String(100))
    week: Mapped[str] = mapped_column(String(10))
    platform: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(100))
    posted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
