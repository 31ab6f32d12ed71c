"""The fact_checks table, the term frequencies kept beside it, and who sees which rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import fields
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    literal_column,
    or_,
)

from checks import ClaimReview

from ..errors import StoreError
from ..models import REFERENCE, SITE_MAX, WORKSPACE_MAX, workspace_key

DOCS, LENGTH = "#docs", "#terms"  # totals kept among the terms: no analysed term holds '#'
AGAIN = "="  # in search_text, marks a term listed a second time (no analysed term holds '=')
REVIEWS_KEY = "#reviews "  # and a scope's reviews, under this and the scope's key

_meta = MetaData()
fact_checks = Table(
    "fact_checks", _meta,
    Column("id", Integer, primary_key=True),
    Column("workspace", String(WORKSPACE_MAX)),
    Column("url", Text, nullable=False),
    Column("claim", Text, nullable=False),
    Column("rating", Text, nullable=False),
    Column("publisher", Text),
    Column("publisher_site", String(SITE_MAX)),
    Column("review_date", Date),
    Column("claimant", Text),
    Column("claim_date", Date),
    Column("language", String(50)),
    Column("title", Text),
    Column("search_text", Text, nullable=False),
    Column("terms", Integer, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
fact_check_terms = Table("fact_check_terms", _meta, Column("term", Text, primary_key=True),
                         Column("docs", BigInteger, nullable=False))
REVIEW_FIELDS = tuple(f.name for f in fields(ClaimReview))
# the unique index's own expression, the constant written out: a bound parameter would not match it
row_scope = func.coalesce(fact_checks.c.workspace, literal_column(f"'{REFERENCE}'"))


def indexed_text(terms: list[str]) -> str:
    """search_text for a review's terms (checks.search_terms): each term once, then, marked, each term
    listed twice (its claim and its title both use it). The tokenisers of FTS5 and of PostgreSQL's
    `simple` configuration read '=fare' as 'fare'; the search tells a term held twice by one more
    lookup of ' =fare ' instead of a second search through the text."""
    return " ".join([*dict.fromkeys(terms), *(AGAIN + term for term, n in Counter(terms).items() if n > 1)])


def terms_of(search_text: str) -> set[str]:
    """The distinct terms a stored search_text holds."""
    return {word for word in search_text.split() if not word.startswith(AGAIN)}


def scope_of(workspace: str | None) -> str | None:
    if workspace is None:
        return None
    if not workspace.strip() or workspace == REFERENCE:
        raise StoreError(f"{workspace!r} cannot name a workspace")
    return workspace_key(workspace)


def reviews_key(scope: str | None) -> str:
    """The key of a scope's review count among the terms (migration 0006 counted the rows before it)."""
    return f"{REVIEWS_KEY}{scope or REFERENCE}"


def visible(workspace: str | None) -> Any:
    own = scope_of(workspace)
    shared = fact_checks.c.workspace.is_(None)
    return shared if own is None else or_(shared, fact_checks.c.workspace == own)


def row_values(review: ClaimReview) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(review, name) for name in REVIEW_FIELDS}
    for name in ("review_date", "claim_date"):
        row[name] = dt.date.fromisoformat(row[name]) if row[name] else None
    row["publisher_site"] = (row["publisher_site"] or "")[:SITE_MAX] or None
    row["language"] = (row["language"] or "")[:50] or None
    return row


def review_of(row: Any) -> ClaimReview:
    values = {name: row[name] for name in REVIEW_FIELDS}
    for name in ("review_date", "claim_date"):
        value = values[name]
        values[name] = value.isoformat() if isinstance(value, dt.date) else value
    return ClaimReview(**values)
