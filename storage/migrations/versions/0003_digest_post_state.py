"""A digest post's state: claimed while a run posts it, posted, or failed for a later run to retry

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

Rows from before this revision were written only once a week was claimed for good, so they
are 'posted'.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("digest_posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(length=10), nullable=False, server_default="posted"))
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("digest_posts", schema=None) as batch_op:
        batch_op.drop_column("reason")
        batch_op.drop_column("state")
