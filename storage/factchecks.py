"""Published fact-checks: an upsert by review URL per scope, and BM25 search over an index the database keeps.

    store = FactCheckStore(engine_for(url))          # after storage.db.upgrade
    store.import_reviews(feed.reviews, None)         # the shared corpus every workspace sees
    store.index("T024").search("Canada taxes US milk at 270%", 20)   # shared rows + T024's own

Both databases index the same analysed terms (`analyse`: lowercased, diacritics and stop words
dropped, a light suffix stemmer), each term once per claim (a claim is a sentence: a repeated
word is rare and says little), so a claim scores alike on both: SQLite ranks with FTS5's `bm25()`,
PostgreSQL with the same Okapi BM25 formula (k1 1.2, b 0.75, FTS5's idf) over its GIN index.
A search first drops the query's commonest terms once the rarer ones already reach
POSTINGS_BUDGET documents: those terms carry little idf, and reading their long posting lists is
what would make a search grow with the corpus (the "max-score" idea of Turtle & Flood, 1995).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TextualSelect,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from checks import ClaimReview, FactCheckHit

from .errors import StoreError, StoreUnavailable, short_reason
from .models import REFERENCE, SITE_MAX, WORKSPACE_MAX, utcnow, workspace_key

__all__ = ["POSTINGS_BUDGET", "FactCheckStore", "ImportSummary", "SqlFactCheckIndex", "analyse"]

POSTINGS_BUDGET = 10_000  # documents a search may score, summed over its terms (the rarest two always)
MIN_TERMS = 2
MAX_QUERY_TERMS = 64
MAX_DOC_TERMS = 400  # a "claim" longer than this is a whole article: its first terms stand for it
BATCH = 500
ANALYZE_AFTER = 10_000  # rows an import changes before PostgreSQL's planner statistics are renewed
K1, B = 1.2, 0.75  # FTS5's bm25() defaults
_DOCS, _LENGTH = "#docs", "#terms"  # totals kept among the terms: no analysed term holds '#'

STOPWORDS = frozenset(
    "a about above after again against all am an and any are as at be because been before being below "
    "between both but by can could did do does doing down during each few for from further had has have "
    "having he her here hers herself him himself his how i if in into is it its itself just me more most "
    "my myself no nor not now of off on once only or other our ours ourselves out over own same she should "
    "so some such than that the their theirs them themselves then there these they this those through to "
    "too under until up very was we were what when where which while who whom why will with would you your "
    "yours yourself yourselves also s t".split())
_TOKEN = re.compile(r"[^\W_]+")
_THOUSANDS = re.compile(r"(?<=\d)[,\u2009\u202f](?=\d{3}\b)")

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
_REVIEW = tuple(f.name for f in fields(ClaimReview))
# the unique index's own expression, the constant written out: a bound parameter would not match it
_row_scope = func.coalesce(fact_checks.c.workspace, literal_column(f"'{REFERENCE}'"))


def analyse(text_: str) -> list[str]:
    """The terms a claim is indexed and searched by, in order: '270%' is ['270', 'percent']."""
    folded = unicodedata.normalize("NFKD", text_.lower().replace("%", " percent "))
    folded = _THOUSANDS.sub("", "".join(c for c in folded if not unicodedata.combining(c)))
    return [_stem(word) for word in _TOKEN.findall(folded) if word not in STOPWORDS]


def _stem(word: str) -> str:
    """A light English suffix stripper: 'tariffs', 'charged', 'charging' and 'charge' meet."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


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
        scope = _scope(workspace)
        imported = updated = 0
        try:
            with self.engine.begin() as conn:
                stats: Counter[str] = Counter()
                for batch in _batches(reviews):
                    new, old = _write_batch(conn, batch, scope, stats)
                    imported, updated = imported + new, updated + old
                _apply_stats(conn, stats)
        except IntegrityError as exc:  # the rollback left nothing half-written
            raise StoreError("another import wrote some of these fact-checks at the same moment; "
                             "run this import again") from exc
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        if self.engine.dialect.name == "postgresql" and imported + updated >= ANALYZE_AFTER:
            self._run(_analyse_table)
        return ImportSummary(imported, updated, skipped)

    def index(self, workspace: str | None) -> SqlFactCheckIndex:
        """What a workspace's checks search: the shared rows and its own (None: the shared rows)."""
        return SqlFactCheckIndex(self.engine, workspace, self.postings_budget)

    def count(self, workspace: str | None) -> int:
        """Reviews a workspace sees (None: the shared corpus alone)."""
        query = select(func.count()).select_from(fact_checks).where(_visible(workspace))
        return int(self._run(lambda conn: conn.scalar(query)) or 0)

    def recent(self, workspace: str | None, limit: int) -> tuple[ClaimReview, ...]:
        """The reviews a workspace sees, the last imported or updated first."""
        query = (select(*[fact_checks.c[name] for name in _REVIEW]).where(_visible(workspace))
                 .order_by(fact_checks.c.updated_at.desc(), fact_checks.c.id.desc()).limit(limit))
        return tuple(_review(row._mapping) for row in self._run(lambda conn: conn.execute(query).all()))

    list = recent  # the spec's name; `recent` keeps the builtin usable inside this class

    def _run(self, work: Any) -> Any:
        try:
            with self.engine.connect() as conn:
                return work(conn)
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc


class SqlFactCheckIndex:
    """checks.factchecks.match.FactCheckIndex over the database: raw BM25 scores, higher is better."""

    def __init__(self, engine: Engine, workspace: str | None, postings_budget: int = POSTINGS_BUDGET) -> None:
        self._engine = engine
        self._workspace = None if workspace is None else _scope(workspace)
        self._budget = postings_budget

    def search(self, query: str, limit: int) -> list[FactCheckHit]:
        try:
            with self._engine.connect() as conn:
                plan = _plan(conn, query, self._budget)
                if plan is None or limit <= 0:
                    return []
                search = _sqlite_search if conn.dialect.name == "sqlite" else _postgres_search
                # a review both shared and the workspace's own comes twice: it is shown once
                rows = search(conn, plan, self._workspace, 2 * limit if self._workspace else limit)
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        hits: dict[str, FactCheckHit] = {}
        for row in rows:  # best first already
            hits.setdefault(row.url, FactCheckHit(_review(row._mapping), float(row.score)))
        return [*hits.values()][:limit]


@dataclass(frozen=True)
class _Plan:
    terms: tuple[str, ...]
    idfs: tuple[float, ...]
    avgdl: float


def _plan(conn: Connection, query: str, budget: int) -> _Plan | None:
    """The query's terms the index holds, rarest first, within the postings budget."""
    wanted = list(dict.fromkeys(analyse(query)))[:MAX_QUERY_TERMS]
    if not wanted:
        return None
    found = dict(conn.execute(select(fact_check_terms.c.term, fact_check_terms.c.docs)
                              .where(fact_check_terms.c.term.in_([*wanted, _DOCS, _LENGTH]))).all())
    docs, length = found.pop(_DOCS, 0), found.pop(_LENGTH, 0)
    chosen: list[tuple[str, int]] = []
    spent = 0
    for term, df in sorted(((t, d) for t, d in found.items() if d > 0), key=lambda pair: (pair[1], pair[0])):
        if len(chosen) >= MIN_TERMS and spent + df > budget:
            break
        chosen.append((term, df))
        spent += df
    if not chosen or docs <= 0:
        return None
    idfs = tuple(max(1e-6, math.log((docs - df + 0.5) / (df + 0.5))) for _, df in chosen)
    return _Plan(tuple(t for t, _ in chosen), idfs, length / docs)


_COLUMNS = ", ".join(f"fc.{name}" for name in _REVIEW)
_SQLITE_SEARCH = text(
    f"SELECT {_COLUMNS}, -bm25(fact_checks_fts) AS score FROM fact_checks_fts "
    "JOIN fact_checks fc ON fc.id = fact_checks_fts.rowid "
    "WHERE fact_checks_fts MATCH :match AND (fc.workspace IS NULL OR fc.workspace = :workspace) "
    "ORDER BY bm25(fact_checks_fts), fc.id LIMIT :limit").columns(
    *[fact_checks.c[name] for name in _REVIEW], Column("score"))

def _sqlite_search(conn: Connection, plan: _Plan, workspace: str | None, limit: int) -> Sequence[Any]:
    match = " OR ".join(f'"{term}"' for term in plan.terms)
    return conn.execute(_SQLITE_SEARCH, {"match": match, "workspace": workspace, "limit": limit}).all()


def _postgres_search(conn: Connection, plan: _Plan, workspace: str | None, limit: int) -> Sequence[Any]:
    params: dict[str, Any] = {"tsquery": " | ".join(plan.terms), "workspace": workspace, "limit": limit,
                              "avgdl": plan.avgdl}
    for n, (term, idf) in enumerate(zip(plan.terms, plan.idfs, strict=True)):
        params |= {f"t{n}": term, f"w{n}": idf}
    # The planner costs an OR of several terms' bitmaps above a scan of the whole table; the postings
    # budget already bounds the candidates, so the index is always the cheaper way (this transaction only).
    conn.execute(text("SET LOCAL enable_seqscan = off"))
    return conn.execute(_postgres_query(len(plan.terms)), params).all()


@functools.lru_cache(maxsize=MAX_QUERY_TERMS)
def _postgres_query(terms: int) -> TextualSelect:
    """BM25 for a query of `terms` terms. The GIN index gives the candidates (MATERIALIZED: through
    it whatever the planner estimates); a claim holds each term once, so its score is the idf of the
    terms it holds, times one length factor."""
    held = " + ".join(f"CASE WHEN h.tsv @@ CAST(:t{n} AS tsquery) THEN CAST(:w{n} AS float8) ELSE 0 END"
                      for n in range(terms))
    return text(
        "WITH hits AS MATERIALIZED (SELECT id, workspace, terms, tsv FROM fact_checks "
        "WHERE tsv @@ to_tsquery('simple', :tsquery)), "
        f"scored AS (SELECT h.id, ({held}) * {K1 + 1} / (1 + {K1} * "
        f"(1 - {B} + {B} * h.terms / CAST(:avgdl AS float8))) AS score FROM hits h "
        "WHERE h.workspace IS NULL OR h.workspace = :workspace) "
        f"SELECT {_COLUMNS}, s.score FROM (SELECT id, score FROM scored ORDER BY score DESC, id "
        "LIMIT :limit) s JOIN fact_checks fc ON fc.id = s.id ORDER BY s.score DESC, fc.id").columns(
        *[fact_checks.c[name] for name in _REVIEW], Column("score"))


def _scope(workspace: str | None) -> str | None:
    if workspace is None:
        return None
    if not workspace.strip() or workspace == REFERENCE:
        raise StoreError(f"{workspace!r} cannot name a workspace")
    return workspace_key(workspace)


def _visible(workspace: str | None) -> Any:
    own = _scope(workspace)
    shared = fact_checks.c.workspace.is_(None)
    return shared if own is None else or_(shared, fact_checks.c.workspace == own)


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
        .where(fact_checks.c.url.in_(list(latest)), _row_scope == (scope or REFERENCE)))}
    now = utcnow()
    inserts, updates = [], []
    for url, review in latest.items():
        terms = list(dict.fromkeys(analyse(review.claim)))[:MAX_DOC_TERMS]
        row = {**_columns(review), "search_text": " ".join(terms), "terms": len(terms), "updated_at": now}
        stats.update(set(terms))
        stats[_LENGTH] += len(terms)
        old = existing.get(url)
        if old is None:
            inserts.append({**row, "workspace": scope, "imported_at": now})
            stats[_DOCS] += 1
            continue
        stats.subtract(set(old.search_text.split()))
        stats[_LENGTH] -= old.terms
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


def _columns(review: ClaimReview) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(review, name) for name in _REVIEW}
    for name in ("review_date", "claim_date"):
        row[name] = dt.date.fromisoformat(row[name]) if row[name] else None
    row["publisher_site"] = (row["publisher_site"] or "")[:SITE_MAX] or None
    row["language"] = (row["language"] or "")[:50] or None
    return row


def _analyse_table(conn: Connection) -> None:
    """Fresh planner statistics after a large import, rather than whenever autovacuum comes by."""
    conn.execute(text("ANALYZE fact_checks"))
    conn.commit()


def _review(row: Any) -> ClaimReview:
    values = {name: row[name] for name in _REVIEW}
    for name in ("review_date", "claim_date"):
        value = values[name]
        values[name] = value.isoformat() if isinstance(value, dt.date) else value
    return ClaimReview(**values)
