"""Published fact-checks (ClaimReview) with a lexical index the database keeps

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

`search_text` holds the claim's analysed terms (storage/factchecks.py: lowercased, stemmed, no
stop words), so both databases index the very same terms and BM25 scores agree between them:
SQLite through an FTS5 external-content table kept by triggers, PostgreSQL through a generated
tsvector column with a GIN index. `fact_check_terms` holds each term's document frequency, which
the search reads to leave out the commonest words of a query before it touches the index.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE = (
    "CREATE VIRTUAL TABLE fact_checks_fts USING fts5(search_text, content='fact_checks', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER fact_checks_fts_insert AFTER INSERT ON fact_checks BEGIN "
    "INSERT INTO fact_checks_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER fact_checks_fts_delete AFTER DELETE ON fact_checks BEGIN "
    "INSERT INTO fact_checks_fts(fact_checks_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER fact_checks_fts_update AFTER UPDATE OF search_text ON fact_checks BEGIN "
    "INSERT INTO fact_checks_fts(fact_checks_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO fact_checks_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)
_POSTGRES = (
    "ALTER TABLE fact_checks ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX ix_fact_checks_tsv ON fact_checks USING gin (tsv)",
)


def upgrade() -> None:
    op.create_table(
        "fact_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace", sa.String(length=100), nullable=True),  # NULL: the shared reference corpus
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("rating", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("publisher_site", sa.String(length=300), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("claim_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=50), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("terms", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # One row per review URL and scope (a shared row's scope is the reserved '@reference'); the URL
    # leads, so an import finds a batch's URLs in it whatever the scope.
    op.create_index("uq_fact_checks_url_scope", "fact_checks",
                    ["url", sa.text("coalesce(workspace, '@reference')")], unique=True)
    op.create_index("ix_fact_checks_workspace_id", "fact_checks", ["workspace", "id"])
    op.create_table(
        "fact_check_terms",
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("docs", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )
    statements = _SQLITE if op.get_bind().dialect.name == "sqlite" else _POSTGRES
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS fact_checks_fts")
    op.drop_table("fact_check_terms")
    op.drop_index("ix_fact_checks_workspace_id", table_name="fact_checks")
    op.drop_index("uq_fact_checks_url_scope", table_name="fact_checks")
    op.drop_table("fact_checks")
