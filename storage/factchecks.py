"""Published fact-checks: an upsert by review URL per scope, and BM25 search over an index the database keeps.

    store = FactCheckStore(engine_for(url))          # after storage.db.upgrade
    store.import_reviews(feed.reviews, None)         # the shared corpus every workspace sees
    store.index("T024").search("Canada taxes US milk at 270%", 20)   # shared rows + T024's own

Both databases index the same analysed terms (`analyse`: lowercased, diacritics and stop words
dropped, a light suffix stemmer), each term once per claim (a claim is a sentence: a repeated
word is rare and says little), so a claim's Okapi BM25 score (k1 1.2, b 0.75, FTS5's idf) is the
idf of the query terms it holds times one factor of its length, and both databases compute it alike.
The work of a search is bounded whatever the corpus holds: the index (FTS5, or GIN) gives candidates
that hold one of the query's rarest terms, or two of them together once even the rarest is common,
up to POSTINGS_BUDGET claims expected (see _plan); only those are scored, by all the query's terms.
A check's sentences can be searched over one connection (SqlFactCheckIndex.search_many).
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
from itertools import combinations
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

__all__ = ["POSTINGS_BUDGET", "FactCheckStore", "ImportSummary", "SqlFactCheckIndex", "analyse", "reindex",
           "search_terms"]

POSTINGS_BUDGET = 700  # claims a search expects to score (see _plan)
CANDIDATE_CAP = 2  # times the budget: the claims a search scores at most, however its terms go together
# The query's rarest terms, alone or in pairs, choose the candidates. Six were too few: a sentence's
# rarest terms are often words no fact-check shares in the same sense (a handle, a place name in
# passing), and on CLEF 2020 task 2 (train) the checked claim was among a tweet's 20 candidates for
# 0.86 of tweets with six, 0.94 with ten, 0.95 with 24 (bench/factchecks_eval.py).
RARE_TERMS = 10
MAX_SCORED_TERMS = 24  # a candidate is scored by the query's rarest terms, up to this many
MAX_QUERY_TERMS = 64
MAX_DOC_TERMS = 400  # a "claim" longer than this is a whole article: its first terms stand for it
BATCH = 500
ANALYZE_AFTER = 10_000  # rows an import changes before PostgreSQL's planner statistics are renewed
K1, B = 1.2, 0.75  # FTS5's bm25() defaults
_DOCS, _LENGTH = "#docs", "#terms"  # totals kept among the terms: no analysed term holds '#'
_REVIEWS = "#reviews "  # and a scope's reviews, under this and the scope's key

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


def search_terms(claim: str, title: str | None) -> list[str]:
    """The terms a review is indexed by: its claim's, then its title's (a fact-check's headline
    words the claim another way: "Did Betsy DeVos order classroom globes flattened?"), each once."""
    return list(dict.fromkeys([*analyse(claim), *analyse(title or "")]))[:MAX_DOC_TERMS]


def reindex(conn: Connection) -> int:
    """Analyse every stored review again and rebuild the term frequencies; the number of reviews.

    For a migration that changes what is indexed (0007: the title joined the claim). Reads the rows
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
            changes.append({"row_id": row.id, "search_text": " ".join(terms), "terms": len(terms)})
            stats.update(terms)
            stats[_LENGTH] += len(terms)
        conn.execute(update(fact_checks).where(fact_checks.c.id == bindparam("row_id"))
                     .values(search_text=bindparam("search_text"), terms=bindparam("terms")), changes)
        stats[_DOCS] += len(rows)
        last, count = rows[-1].id, count + len(rows)
    conn.execute(fact_check_terms.delete().where(~fact_check_terms.c.term.startswith(_REVIEWS)))
    if stats:
        conn.execute(fact_check_terms.insert(), [{"term": t, "docs": n} for t, n in sorted(stats.items())])
    return count


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
        scopes = {_reviews_in(None), _reviews_in(_scope(workspace))}
        query = select(func.sum(fact_check_terms.c.docs)).where(fact_check_terms.c.term.in_(sorted(scopes)))
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
        return self.search_many([query], limit)[0]

    def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
        """search() for each query, in order, over one connection and one term-frequency lookup:
        what a check's sentences cost together."""
        if limit <= 0 or not queries:
            return [[] for _ in queries]
        wanted = [list(dict.fromkeys(analyse(query)))[:MAX_QUERY_TERMS] for query in queries]
        found: list[list[FactCheckHit]] = []
        try:
            with self._engine.connect() as conn:
                stats = _term_stats(conn, {term for terms in wanted for term in terms})
                search = _sqlite_search if conn.dialect.name == "sqlite" else _postgres_search
                for terms in wanted:
                    plan = _plan(terms, stats, self._budget)
                    # a review both shared and the workspace's own comes twice: it is shown once
                    rows = [] if plan is None else search(
                        conn, plan, self._workspace, 2 * limit if self._workspace else limit)
                    found.append(_hits(rows, limit))
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        return found


def _hits(rows: Sequence[Any], limit: int) -> list[FactCheckHit]:
    hits: dict[str, FactCheckHit] = {}
    for row in rows:  # best first already
        hits.setdefault(row.url, FactCheckHit(_review(row._mapping), float(row.score)))
    return [*hits.values()][:limit]


@dataclass(frozen=True)
class _Plan:
    groups: tuple[tuple[str, ...], ...]  # a claim holding every term of one group is a candidate
    shares: tuple[int, ...]  # the most candidates each group may bring
    cap: int  # the most candidates all together
    terms: tuple[str, ...]  # the terms a candidate is scored by, rarest first
    idfs: tuple[float, ...]
    avgdl: float


def _term_stats(conn: Connection, terms: set[str]) -> dict[str, int]:
    """Document frequencies of the terms the index holds, with the totals under _DOCS and _LENGTH."""
    query = (select(fact_check_terms.c.term, fact_check_terms.c.docs)
             .where(fact_check_terms.c.term.in_(sorted({*terms, _DOCS, _LENGTH}))))
    return {term: int(docs) for term, docs in conn.execute(query).all()}


def _plan(wanted: Sequence[str], stats: dict[str, int], budget: int) -> _Plan | None:
    """Which claims a query scores, and by which terms.

    A candidate holds one of the query's RARE_TERMS rarest terms, or two of them together: each
    single term or pair is costed by the claims it would bring (a pair's under independence,
    df_a * df_b / N), and the cheapest are taken until `budget` claims are spent. While the rarest
    terms are rare a single one suffices, as in a plain OR; as the corpus grows and even the rarest
    term is held by more than the budget, pairs take over, whose size is that of the corpus times
    two small shares, and the work stays bounded. A claim a reworded sentence repeats holds most of
    its rare terms, so it holds two of them. Candidates are then scored by all the query's terms
    (the MAX_SCORED_TERMS rarest), which is what ranks the repeated claim above one sharing a name."""
    docs, length = stats.get(_DOCS, 0), stats.get(_LENGTH, 0)
    known = sorted(((term, stats[term]) for term in wanted if stats.get(term, 0) > 0),
                   key=lambda pair: (pair[1], pair[0]))
    if not known or docs <= 0:
        return None
    rare = known[:RARE_TERMS]
    options: list[tuple[tuple[str, ...], float]] = [((term,), float(df)) for term, df in rare]
    options += [((a, b), dfa * dfb / docs) for (a, dfa), (b, dfb) in combinations(rare, 2)]
    options.sort(key=lambda option: option[1])
    groups: list[tuple[str, ...]] = []
    sizes: list[float] = []
    spent = 0.0
    for group, size in options:
        if any(set(chosen) <= set(group) for chosen in groups):
            continue  # a chosen single term already brings these claims
        if groups and spent + size > budget:
            break
        groups.append(group)
        sizes.append(size)
        spent += size
    # A group brings at most twice the claims it was costed at, or its fair share of the cap
    # if more: a pair that goes together far more than by chance (a phrase: 'tap water') cannot
    # crowd out the others.
    cap = CANDIDATE_CAP * budget
    fair = math.ceil(cap / len(groups))
    shares = tuple(max(fair, math.ceil(2 * size)) for size in sizes)
    scored = known[:MAX_SCORED_TERMS]
    idfs = tuple(max(1e-6, math.log((docs - df + 0.5) / (df + 0.5))) for _, df in scored)
    return _Plan(tuple(groups), shares, cap, tuple(t for t, _ in scored), idfs, length / docs)


def _length_factor() -> str:
    """BM25's term-frequency factor for a term held once, by the claim's length in terms."""
    return f"{K1 + 1} / (1 + {K1} * (1 - {B} + {B} * c.terms / CAST(:avgdl AS float8)))"


_COLUMNS = ", ".join(f"fc.{name}" for name in _REVIEW)
_OUT = (*[fact_checks.c[name] for name in _REVIEW], Column("score"))
# the best `limit` candidates by score, with their columns (scored: id, score)
_BEST = (f"SELECT {_COLUMNS}, s.score FROM (SELECT id, score FROM scored ORDER BY score DESC, id "
         "LIMIT :limit) s JOIN fact_checks fc ON fc.id = s.id ORDER BY s.score DESC, fc.id")


def _parameters(plan: _Plan, workspace: str | None, limit: int) -> dict[str, Any]:
    params: dict[str, Any] = {"workspace": workspace, "limit": limit, "cap": plan.cap, "avgdl": plan.avgdl}
    for n, (term, idf) in enumerate(zip(plan.terms, plan.idfs, strict=True)):
        params |= {f"t{n}": term, f"w{n}": idf}
    return params


def _sqlite_search(conn: Connection, plan: _Plan, workspace: str | None, limit: int) -> Sequence[Any]:
    params = _parameters(plan, workspace, limit)
    for n, (group, share) in enumerate(zip(plan.groups, plan.shares, strict=True)):
        params |= {f"g{n}": " AND ".join(f'"{term}"' for term in group), f"l{n}": share}
    return conn.execute(_sqlite_query(len(plan.groups), len(plan.terms)), params).all()


@functools.lru_cache(maxsize=256)
def _sqlite_query(groups: int, terms: int) -> TextualSelect:
    """FTS5 gives the candidates' ids, group after group (the likely smallest first) until the cap;
    no bm25(), which would score only the terms that chose them. A claim holds each term once, so its
    score is the idf of the query's terms it holds, times one length factor."""
    # a group's share is its newest claims (FTS5 walks a doclist backwards without a sort)
    arms = " UNION ALL ".join(f"SELECT * FROM (SELECT rowid AS id FROM fact_checks_fts WHERE fact_checks_fts "
                              f"MATCH :g{n} ORDER BY rowid DESC LIMIT :l{n})" for n in range(groups))
    held = " + ".join(f"CASE WHEN instr(c.padded, ' ' || :t{n} || ' ') THEN :w{n} ELSE 0 END"
                      for n in range(terms))
    return text(
        f"WITH hits AS MATERIALIZED (SELECT DISTINCT id FROM ({arms} LIMIT :cap)), "
        "c AS MATERIALIZED (SELECT fc.id, fc.terms, ' ' || fc.search_text || ' ' AS padded FROM hits "
        "JOIN fact_checks fc ON fc.id = hits.id WHERE fc.workspace IS NULL OR fc.workspace = :workspace), "
        f"scored AS (SELECT c.id, ({held}) * {_length_factor()} AS score FROM c) {_BEST}").columns(*_OUT)


def _postgres_search(conn: Connection, plan: _Plan, workspace: str | None, limit: int) -> Sequence[Any]:
    params = _parameters(plan, workspace, limit)
    for n, (group, share) in enumerate(zip(plan.groups, plan.shares, strict=True)):
        params |= {f"g{n}": " & ".join(group), f"l{n}": share}
    # The planner may cost a term's bitmap above a scan of the whole table; the budget already bounds
    # the candidates, so the index is always the cheaper way (this transaction only).
    conn.execute(text("SET LOCAL enable_seqscan = off"))
    return conn.execute(_postgres_query(len(plan.groups), len(plan.terms)), params).all()


@functools.lru_cache(maxsize=256)
def _postgres_query(groups: int, terms: int) -> TextualSelect:
    """The same over the GIN index: each group a bitmap scan of its own, the likely smallest first,
    until the cap (MATERIALIZED: through the index whatever the planner estimates). A group's share is
    the first claims in the table's order: the newest would need all of them read and sorted."""
    arms = " UNION ALL ".join(f"(SELECT id, workspace, terms, tsv FROM fact_checks "
                              f"WHERE tsv @@ to_tsquery('simple', :g{n}) LIMIT :l{n})" for n in range(groups))
    held = " + ".join(f"CASE WHEN c.tsv @@ CAST(:t{n} AS tsquery) THEN CAST(:w{n} AS float8) ELSE 0 END"
                      for n in range(terms))
    return text(
        f"WITH hits AS MATERIALIZED (SELECT * FROM ({arms}) arms LIMIT :cap), "
        "c AS (SELECT DISTINCT ON (id) id, terms, tsv FROM hits "
        "WHERE workspace IS NULL OR workspace = :workspace ORDER BY id), "
        f"scored AS (SELECT c.id, ({held}) * {_length_factor()} AS score FROM c) {_BEST}").columns(*_OUT)


def _scope(workspace: str | None) -> str | None:
    if workspace is None:
        return None
    if not workspace.strip() or workspace == REFERENCE:
        raise StoreError(f"{workspace!r} cannot name a workspace")
    return workspace_key(workspace)


def _reviews_in(scope: str | None) -> str:
    """The key of a scope's review count among the terms (migration 0006 counted the rows before it)."""
    return f"{_REVIEWS}{scope or REFERENCE}"


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
        terms = search_terms(review.claim, review.title)
        row = {**_columns(review), "search_text": " ".join(terms), "terms": len(terms), "updated_at": now}
        stats.update(set(terms))
        stats[_LENGTH] += len(terms)
        old = existing.get(url)
        if old is None:
            inserts.append({**row, "workspace": scope, "imported_at": now})
            stats[_DOCS] += 1
            stats[_reviews_in(scope)] += 1
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


def _refresh_index(conn: Connection, *, analyse: bool) -> None:
    """After an import, rather than whenever autovacuum comes by: the GIN index's pending list moved
    into the index (every search reads that list whole: the 15,000 claims a 100,000-review import
    left there made a search several times slower), and after a large one fresh planner statistics."""
    conn.execute(text("SELECT gin_clean_pending_list('ix_fact_checks_tsv')"))
    if analyse:
        conn.execute(text("ANALYZE fact_checks"))
    conn.commit()


def _review(row: Any) -> ClaimReview:
    values = {name: row[name] for name in _REVIEW}
    for name in ("review_date", "claim_date"):
        value = values[name]
        values[name] = value.isoformat() if isinstance(value, dt.date) else value
    return ClaimReview(**values)
