"""history, quotes, fingerprints, digest tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('digest_posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace', sa.String(length=100), nullable=False),
    sa.Column('week', sa.String(length=10), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('workspace', 'week', 'platform', 'channel',
                        name='uq_digest_posts_workspace_week_platform_channel')
    )
    op.create_table('items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace', sa.String(length=100), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('seed', sa.String(length=200), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('canonical_url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('site', sa.String(length=300), nullable=True),
    sa.Column('author', sa.String(length=300), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('report_schema', sa.String(length=50), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('seed'),
    sa.UniqueConstraint('workspace', 'sha256', name='uq_items_workspace_sha256')
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index('ix_items_workspace_created', ['workspace', 'created_at'], unique=False)

    op.create_table('workspace_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace', sa.String(length=100), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('workspace', 'key', name='uq_workspace_settings_workspace_key')
    )
    op.create_table('check_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('workspace', sa.String(length=100), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=True),
    sa.Column('requester', sa.String(length=100), nullable=True),
    sa.Column('message_id', sa.String(length=100), nullable=True),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('check_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_events_item_id'), ['item_id'], unique=False)
        batch_op.create_index('ix_check_events_workspace_checked', ['workspace', 'checked_at'], unique=False)

    op.create_table('item_urls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace', sa.String(length=100), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('workspace', 'url', name='uq_item_urls_workspace_url')
    )
    with op.batch_alter_table('item_urls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_urls_item_id'), ['item_id'], unique=False)

    op.create_table('minhash_bands',
    sa.Column('band', sa.SmallInteger(), nullable=False),
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('band', 'key', 'item_id')
    )
    with op.batch_alter_table('minhash_bands', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minhash_bands_item_id'), ['item_id'], unique=False)

    op.create_table('quote_keys',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'item_id')
    )
    with op.batch_alter_table('quote_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_keys_item_id'), ['item_id'], unique=False)

    op.create_table('quote_shingles',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'item_id')
    )
    with op.batch_alter_table('quote_shingles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_shingles_item_id'), ['item_id'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_kind', sa.String(length=20), nullable=True),
    sa.Column('start_offset', sa.Integer(), nullable=True),
    sa.Column('end_offset', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_item_id'), ['item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_item_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('quote_shingles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_shingles_item_id'))

    op.drop_table('quote_shingles')
    with op.batch_alter_table('quote_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_keys_item_id'))

    op.drop_table('quote_keys')
    with op.batch_alter_table('minhash_bands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minhash_bands_item_id'))

    op.drop_table('minhash_bands')
    with op.batch_alter_table('item_urls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_urls_item_id'))

    op.drop_table('item_urls')
    with op.batch_alter_table('check_events', schema=None) as batch_op:
        batch_op.drop_index('ix_check_events_workspace_checked')
        batch_op.drop_index(batch_op.f('ix_check_events_item_id'))

    op.drop_table('check_events')
    op.drop_table('workspace_settings')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_workspace_created')

    op.drop_table('items')
    op.drop_table('digest_posts')
