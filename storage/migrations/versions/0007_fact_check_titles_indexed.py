"""A fact-check's title is searched with its claim

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

A review's title (the fact-checker's headline, "Did Betsy DeVos order classroom globes flattened?")
words its claim another way; indexing both found the checked claim among a tweet's candidates more
often on CLEF 2020 task 2 (bench/factchecks_eval.py). Every stored review is analysed again and the
term frequencies are rebuilt (storage.factchecks.reindex); the indexes follow `search_text` by
themselves (SQLite's FTS5 triggers, PostgreSQL's generated column). Going back leaves the titles'
terms in: a search still works on them.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from storage.factchecks import reindex

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    reindex(op.get_bind())


def downgrade() -> None:
    pass  # the titles' terms stay indexed; nothing else changed
