"""The workspace inside the fingerprint tables' primary keys: lookups never join items

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

Measured on 10,000 items: SQLite planned the band lookup joined to items as a scan of the
workspace's items (190 ms a lookup). With the workspace in the key, a lookup is a pure index
search on (band, key, workspace). The tables are rebuilt and refilled from the old ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = {"minhash_bands": ("band", "key"), "quote_keys": ("key",), "quote_shingles": ("key",)}


def _columns(keys: tuple[str, ...]) -> list[sa.Column[object]]:
    cols: list[sa.Column[object]] = []
    if "band" in keys:
        cols.append(sa.Column("band", sa.SmallInteger(), nullable=False))
    cols.append(sa.Column("key", sa.BigInteger(), nullable=False))
    return cols


def _rebuild(name: str, keys: tuple[str, ...], with_workspace: bool) -> None:
    extra = [sa.Column("workspace", sa.String(length=100), nullable=False)] if with_workspace else []
    pk = (*keys, "workspace", "item_id") if with_workspace else (*keys, "item_id")
    op.create_table(
        f"{name}_new", *_columns(keys), *extra,
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=f"fk_{name}_item_id", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint(*pk, name=f"pk_{name}" if with_workspace else f"pk_{name}_v1"),
    )
    copied = ", ".join(f"t.{c}" for c in keys)
    if with_workspace:
        op.execute(f"INSERT INTO {name}_new ({', '.join(keys)}, workspace, item_id) "
                   f"SELECT {copied}, i.workspace, t.item_id FROM {name} t JOIN items i ON i.id = t.item_id")
    else:
        op.execute(f"INSERT INTO {name}_new ({', '.join(keys)}, item_id) "
                   f"SELECT DISTINCT {copied}, t.item_id FROM {name} t")
    op.drop_table(name)
    op.rename_table(f"{name}_new", name)
    op.create_index(f"ix_{name}_item_id", name, ["item_id"])


def upgrade() -> None:
    for name, keys in TABLES.items():
        _rebuild(name, keys, with_workspace=True)


def downgrade() -> None:
    for name, keys in TABLES.items():
        _rebuild(name, keys, with_workspace=False)
