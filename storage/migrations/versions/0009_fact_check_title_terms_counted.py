"""A word a fact-check's claim and title share counts twice

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

A review's indexed terms were its claim's and its title's together, each once. They are now the
claim's, each once, then the title's, each once (checks.search_terms): a word both wordings of the
claim use is listed twice and scores as a term held twice in BM25. On CLEF 2020 task 2 that found
the checked claim more often and ranked it higher (bench/factchecks_eval.py). Every stored review is
analysed again and the lengths and term frequencies rebuilt (storage.factchecks.reindex); the
indexes follow `search_text` by themselves. Going back leaves the terms as they are: the older
search reads a term held twice as held, and scores it once.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from storage.factchecks import reindex

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    reindex(op.get_bind())


def downgrade() -> None:
    pass  # the repeated terms stay indexed; an older search scores each once
