"""Report page links to one item can be withdrawn

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

`items.links_revoked_at`: a report page link to the item signed up to this moment no longer opens
(`deskcheck link ITEM --revoke`); links signed afterwards do. Changing DESKCHECK_SECRET_KEY still
withdraws every link at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("links_revoked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.drop_column("links_revoked_at")
