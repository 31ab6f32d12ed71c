"""Importing fact-checks: an upsert by review URL per scope, with the term frequencies kept in step."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from checks import ClaimReview, search_terms

from ..errors import StoreError, StoreUnavailable, short_reason
from ..models import REFERENCE, utcnow
from .schema import (
    DOCS,
    LENGTH,
    REVIEW_FIELDS,
    REVIEWS_KEY,
    fact_check_terms,
    fact_checks,
    indexed_text,
    review_of,
    reviews_key,
    row_scope,
    row_values,
    scope_of,
    terms_of,
    visible,
)
from .search import POSTINGS_BUDGET, SqlFactCheckIndex

__all__ = ["FactCheckStore", "ImportSummary", "reindex"]

BATCH = 500
# rows an import changes before the index is renewed with it: PostgreSQL's planner statistics, or
# SQLite's FTS5 index merged into one segment (see _merge_segments)
ANALYZE_AFTER = 10_000


@dataclass(frozen=True)
class ImportSummary:
    imported: int  # new review URLs in the scope
    updated: int  # review URLs the scope had already: their row now holds the feed's version
    skipped: int  # entries the feed could not give as a review (counted by the parser)


class FactCheckStore:
    """The fact_checks table of a migrated database (storage.db.upgrade)."""

    def __init__(self, engine: Engine, *, postings_budget: int = POSTINGS_BUDGET) -> None:
        self.engine = engine
        self.postings_budget = postings_budget

    def import_reviews(self, reviews: Iterable[ClaimReview], workspace: str | None,
                       *, skipped: int = 0) -> ImportSummary:
        """Store every review in one transaction: a URL the scope has is updated, never duplicated.

        workspace: None for the shared reference corpus, else the workspace the reviews belong to.
        skipped: the parser's count of unusable entries, carried into the summary.
        """
        scope = scope_of(workspace)
        imported = updated = 0
        try:
            with self.engine.begin() as conn:
                stats: Counter[str] = Counter()
                for batch in _batches(reviews):
                    new, old = _write_batch(conn, batch, scope, stats)
                    imported, updated = imported + new, updated + old
                _apply_stats(conn, stats)
                if conn.dialect.name == "sqlite" and imported + updated >= ANALYZE_AFTER:
                    _merge_segments(conn)
        except IntegrityError as exc:  # the rollback left nothing half-written
            raise StoreError("another import wrote some of these fact-checks at the same moment; "
                             "run this import again") from exc
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        if self.engine.dialect.name == "postgresql" and imported + updated:
            self._run(functools.partial(_refresh_index, analyse=imported + updated >= ANALYZE_AFTER))
        return ImportSummary(imported, updated, skipped)

    def index(self, workspace: str | None) -> SqlFactCheckIndex:
        """What a workspace's checks search: the shared rows and its own (None: the shared rows)."""
        return SqlFactCheckIndex(self.engine, workspace, self.postings_budget)

    def count(self, workspace: str | None) -> int:
        """Reviews a workspace sees (None: the shared corpus alone): read from the totals an import
        keeps per scope, as every check asks it (counting the rows read them all: 60 ms of a check
        with 100,000 loaded)."""
        scopes = {reviews_key(None), reviews_key(scope_of(workspace))}
        query = select(func.sum(fact_check_terms.c.docs)).where(fact_check_terms.c.term.in_(sorted(scopes)))
        return int(self._run(lambda conn: conn.scalar(query)) or 0)

    def recent(self, workspace: str | None, limit: int) -> tuple[ClaimReview, ...]:
        """The reviews a workspace sees, the last imported or updated first."""
        query = (select(*[fact_checks.c[name] for name in REVIEW_FIELDS]).where(visible(workspace))
                 .order_by(fact_checks.c.updated_at.desc(), fact_checks.c.id.desc()).limit(limit))
        return tuple(review_of(row._mapping) for row in self._run(lambda conn: conn.execute(query).all()))

    list = recent  # the spec's name; `recent` keeps the builtin usable inside this class

    def _run(self, work: Any) -> Any:
        try:
            with self.engine.connect() as conn:
                return work(conn)
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc


def reindex(conn: Connection) -> int:
    """Analyse every stored review again and rebuild the term frequencies; the number of reviews.

    For a migration that changes what is indexed (0007: the title joined the claim; 0009: a term
    both hold is listed twice). Reads the rows
    in id order, a batch at a time, so a million reviews never sit in memory at once."""
    stats: Counter[str] = Counter()
    last, count = 0, 0
    while True:
        rows = conn.execute(select(fact_checks.c.id, fact_checks.c.claim, fact_checks.c.title)
                            .where(fact_checks.c.id > last).order_by(fact_checks.c.id).limit(BATCH)).all()
        if not rows:
            break
        changes = []
        for row in rows:
            terms = search_terms(row.claim, row.title)
            changes.append({"row_id": row.id, "search_text": indexed_text(terms), "terms": len(terms)})
            stats.update(set(terms))  # documents holding it: a term claim and title share counts once here
            stats[LENGTH] += len(terms)
        conn.execute(update(fact_checks).where(fact_checks.c.id == bindparam("row_id"))
                     .values(search_text=bindparam("search_text"), terms=bindparam("terms")), changes)
        stats[DOCS] += len(rows)
        last, count = rows[-1].id, count + len(rows)
    conn.execute(fact_check_terms.delete().where(~fact_check_terms.c.term.startswith(REVIEWS_KEY)))
    if stats:
        conn.execute(fact_check_terms.insert(), [{"term": t, "docs": n} for t, n in sorted(stats.items())])
    return count


def _batches(reviews: Iterable[ClaimReview]) -> Iterator[list[ClaimReview]]:
    batch: list[ClaimReview] = []
    for review in reviews:
        batch.append(review)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_batch(conn: Connection, batch: list[ClaimReview], scope: str | None,
                 stats: Counter[str]) -> tuple[int, int]:
    """(imported, updated) for one batch; `stats` gathers the term frequency changes."""
    latest = {review.url: review for review in batch}  # a URL twice in a feed: its last entry wins
    updated = len(batch) - len(latest)
    existing = {row.url: row for row in conn.execute(
        select(fact_checks.c.id, fact_checks.c.url, fact_checks.c.search_text, fact_checks.c.terms)
        .where(fact_checks.c.url.in_(list(latest)), row_scope == (scope or REFERENCE)))}
    now = utcnow()
    inserts, updates = [], []
    for url, review in latest.items():
        terms = search_terms(review.claim, review.title)
        row = {**row_values(review), "search_text": indexed_text(terms), "terms": len(terms),
               "updated_at": now}
        stats.update(set(terms))
        stats[LENGTH] += len(terms)
        old = existing.get(url)
        if old is None:
            inserts.append({**row, "workspace": scope, "imported_at": now})
            stats[DOCS] += 1
            stats[reviews_key(scope)] += 1
            continue
        stats.subtract(terms_of(old.search_text))
        stats[LENGTH] -= old.terms
        updates.append({**row, "row_id": old.id})
    if inserts:
        conn.execute(fact_checks.insert(), inserts)
    if updates:
        conn.execute(update(fact_checks).where(fact_checks.c.id == bindparam("row_id")), updates)
    return len(inserts), updated + len(updates)


def _apply_stats(conn: Connection, stats: Counter[str]) -> None:
    """Add the term frequency changes; sorted, so two imports lock rows in one order."""
    changes = [{"term": term, "docs": delta} for term, delta in sorted(stats.items()) if delta]
    if not changes:
        return
    if conn.dialect.name == "sqlite":
        lite = sqlite.insert(fact_check_terms)
        upsert: Any = lite.on_conflict_do_update(
            index_elements=["term"], set_={"docs": fact_check_terms.c.docs + lite.excluded.docs})
    else:
        pg = postgresql.insert(fact_check_terms)
        upsert = pg.on_conflict_do_update(
            index_elements=["term"], set_={"docs": fact_check_terms.c.docs + pg.excluded.docs})
    conn.execute(upsert, changes)


def _merge_segments(conn: Connection) -> None:
    """FTS5's index merged into one segment, in the import's transaction. A large import leaves it in
    several (100,000 reviews: nine), and a search seeks each term of each group in every one of them:
    merged, the same candidates cost about a fifth less of FTS5's work (a search about a tenth less,
    bench/factchecks.py). Rewriting the index takes 0.2 s at 100,000 reviews, little beside the import."""
    conn.execute(text("INSERT INTO fact_checks_fts(fact_checks_fts) VALUES ('optimize')"))


def _refresh_index(conn: Connection, *, analyse: bool) -> None:
    """After an import, rather than whenever autovacuum comes by: the GIN index's pending list moved
    into the index (every search reads that list whole: the 15,000 claims a 100,000-review import
    left there made a search several times slower), and after a large one fresh planner statistics."""
    conn.execute(text("SELECT gin_clean_pending_list('ix_fact_checks_tsv')"))
    if analyse:
        conn.execute(text("ANALYZE fact_checks"))
    conn.commit()
