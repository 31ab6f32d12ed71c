"""Each scope's count of fact-checks, kept beside the term frequencies

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Every check asks how many fact-checks its workspace sees (none: no matching). Counting the rows read
them all; an import now keeps each scope's total in `fact_check_terms`, under '#reviews ' and the
scope's key ('@reference' for the shared corpus), as it keeps '#docs'. This counts the rows already
there once.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("INSERT INTO fact_check_terms (term, docs) "
               "SELECT '#reviews ' || coalesce(workspace, '@reference'), count(*) FROM fact_checks "
               "GROUP BY coalesce(workspace, '@reference')")


def downgrade() -> None:
    op.execute("DELETE FROM fact_check_terms WHERE term LIKE '#reviews %'")
