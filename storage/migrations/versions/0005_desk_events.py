"""The desk's verdict: an append-only trail of status changes, notes and assignments per item

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

The current status, assignee and notes are folded from these rows (storage/desk.py); nothing is
ever updated in place. The unique (workspace, key) makes a retried Slack or Discord action apply
once; NULL keys (the command line) never collide, on SQLite as on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("workspace", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("old", sa.String(length=200), nullable=True),
        sa.Column("new", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace", "key", name="uq_desk_events_workspace_key"),
    )
    op.create_index("ix_desk_events_workspace_item", "desk_events", ["workspace", "item_id", "id"])
    op.create_index("ix_desk_events_item", "desk_events", ["item_id"])


def downgrade() -> None:
    op.drop_index("ix_desk_events_item", table_name="desk_events")
    op.drop_index("ix_desk_events_workspace_item", table_name="desk_events")
    op.drop_table("desk_events")
