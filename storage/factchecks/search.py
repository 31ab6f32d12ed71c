"""BM25 search over the index the database keeps, its work bounded whatever the corpus holds."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    TextualSelect,
    bindparam,
    literal_column,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from checks import FactCheckHit, analyse

from ..errors import StoreUnavailable, short_reason
from .schema import AGAIN, DOCS, LENGTH, REVIEW_FIELDS, fact_check_terms, fact_checks, review_of, scope_of

__all__ = ["POSTINGS_BUDGET", "SqlFactCheckIndex"]

POSTINGS_BUDGET = 700  # claims a search expects to score (see _plan)
CANDIDATE_CAP = 2  # times the budget: the claims a search scores at most, however its terms go together
# The query's rarest terms, alone or in pairs, choose the candidates. Six were too few: a sentence's
# rarest terms are often words no fact-check shares in the same sense (a handle, a place name in
# passing), and on CLEF 2020 task 2 (train) the checked claim was among a tweet's 20 candidates for
# 0.86 of tweets with six, 0.94 with ten (bench/factchecks_eval.py). Once a term claim and title
# share counted twice, 16 rare terms and 32 scored found it for 0.959 on train and 0.914 on dev
# (10 and 24: 0.944, 0.898), with the MAP@5 of a BM25 that scores every claim (0.875, 0.805).
RARE_TERMS = 16
MAX_SCORED_TERMS = 32  # a candidate is scored by the query's rarest terms, up to this many
MAX_QUERY_TERMS = 64
# A check asks at most 15 sentences (checks.factchecks.match.MAX_SENTENCES): one statement. A longer
# batch is cut so that a statement's parameters (about 130 a plan) stay far under SQLite's 32,766.
PLANS_PER_STATEMENT = 16
K1, B = 1.2, 0.75  # FTS5's bm25() defaults


class SqlFactCheckIndex:
    """checks.factchecks.match.FactCheckIndex over the database: raw BM25 scores, higher is better."""

    def __init__(self, engine: Engine, workspace: str | None, postings_budget: int = POSTINGS_BUDGET) -> None:
        self._engine = engine
        self._workspace = None if workspace is None else scope_of(workspace)
        self._budget = postings_budget

    def search(self, query: str, limit: int) -> list[FactCheckHit]:
        return self.search_many([query], limit)[0]

    def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
        """search() for each query, in order, in one statement after one term-frequency lookup: what a
        check's sentences cost together. On PostgreSQL that is two round trips instead of two a
        sentence, and sentences with the same plan (a quotation and the sentence around it often
        share every term the index knows) are searched once."""
        if limit <= 0 or not queries:
            return [[] for _ in queries]
        wanted = [list(dict.fromkeys(analyse(query)))[:MAX_QUERY_TERMS] for query in queries]
        try:
            with self._engine.connect() as conn:
                stats = _term_stats(conn, {term for terms in wanted for term in terms})
                plans = [_plan(terms, stats, self._budget) for terms in wanted]
                distinct = list(dict.fromkeys(plan for plan in plans if plan is not None))
                search = _sqlite_search if conn.dialect.name == "sqlite" else _postgres_search
                # a review both shared and the workspace's own comes twice: it is shown once
                rows = [found for at in range(0, len(distinct), PLANS_PER_STATEMENT)
                        for found in search(conn, distinct[at:at + PLANS_PER_STATEMENT], self._workspace,
                                            2 * limit if self._workspace else limit)]
        except SQLAlchemyError as exc:
            raise StoreUnavailable(short_reason(exc)) from exc
        found = dict(zip(distinct, rows, strict=True))
        return [[] if plan is None else _hits(found[plan], limit) for plan in plans]


def _hits(rows: Sequence[Any], limit: int) -> list[FactCheckHit]:
    hits: dict[str, FactCheckHit] = {}
    for row in rows:  # best first already
        if len(hits) == limit:
            break
        if row.url not in hits:
            hits[row.url] = FactCheckHit(review_of(row._mapping), float(row.score))
    return [*hits.values()]


@dataclass(frozen=True)
class _Plan:
    groups: tuple[tuple[str, ...], ...]  # a claim holding every term of one group is a candidate
    shares: tuple[int, ...]  # the most candidates each group may bring
    cap: int  # the most candidates all together
    terms: tuple[str, ...]  # the terms a candidate is scored by, rarest first
    idfs: tuple[float, ...]
    avgdl: float


def _term_stats(conn: Connection, terms: set[str]) -> dict[str, int]:
    """Document frequencies of the terms the index holds, with the totals under DOCS and LENGTH.

    On PostgreSQL the search's planner setting (see _postgres_search) rides on this round trip: one
    more row, whose term holds '#' as no analysed term does, and whose count of 0 no plan uses."""
    query = _POSTGRES_TERM_STATS if conn.dialect.name == "postgresql" else _TERM_STATS
    return {term: int(docs) for term, docs in conn.execute(query, {"terms": sorted({*terms, DOCS, LENGTH})})}


# Built once: building the select for every search cost more than the lookup itself (0.1 ms of 0.16).
_TERM_STATS = (select(fact_check_terms.c.term, fact_check_terms.c.docs)
               .where(fact_check_terms.c.term.in_(bindparam("terms", expanding=True))))
_POSTGRES_TERM_STATS = _TERM_STATS.union_all(
    select(literal_column("'#' || set_config('enable_seqscan', 'off', true)"), literal_column("0")))


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
    docs, length = stats.get(DOCS, 0), stats.get(LENGTH, 0)
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
    # A pair was costed below the single terms and taken first; once one of its terms is taken alone,
    # the pair brings no claim that term does not, and asking for it again is work for nothing.
    singles = {group[0] for group in groups if len(group) == 1}
    kept = [n for n, group in enumerate(groups) if len(group) == 1 or not singles & set(group)]
    groups, sizes = [groups[n] for n in kept], [sizes[n] for n in kept]
    # A group brings at most twice the claims it was costed at, or its fair share of the cap
    # if more: a pair that goes together far more than by chance (a phrase: 'tap water') cannot
    # crowd out the others.
    cap = CANDIDATE_CAP * budget
    fair = math.ceil(cap / len(groups))
    shares = tuple(max(fair, math.ceil(2 * size)) for size in sizes)
    scored = known[:MAX_SCORED_TERMS]
    idfs = tuple(max(1e-6, math.log((docs - df + 0.5) / (df + 0.5))) for _, df in scored)
    return _Plan(tuple(groups), shares, cap, tuple(t for t, _ in scored), idfs, length / docs)


def _tf_factor(held: int) -> str:
    """BM25's term-frequency factor for a term held `held` times, by the review's length in terms.
    B as a float8: on PostgreSQL a bare 0.75 is a numeric, whose product with the length is then
    converted to float8 through its text, row after row (the product is exact either way)."""
    return (f"{held * (K1 + 1)} / ({held} + {K1} * (1 - {B} + CAST({B} AS float8) * c.terms "
            "/ CAST(:avgdl AS float8)))")


def _score(held: str, twice: str) -> str:
    """A review lists a term once for its claim and once for its title (checks.search_terms), so a
    term is held once or twice: the idfs of the terms held (`held`) times the factor for one, plus
    those of the terms held twice (`twice`) times what the second adds."""
    return f"({held}) * {_tf_factor(1)} + ({twice}) * ({_tf_factor(2)} - {_tf_factor(1)})"


_COLUMNS = ", ".join(f"fc.{name}" for name in REVIEW_FIELDS)
_OUT = (Column("nth", Integer), *[fact_checks.c[name] for name in REVIEW_FIELDS], Column("score"))
# A statement's shape: per plan, how many groups choose its candidates and how many terms score them.
Shape = tuple[tuple[int, int], ...]


def _shape(plans: Sequence[_Plan]) -> Shape:
    return tuple((len(plan.groups), len(plan.terms)) for plan in plans)


def _parameters(plans: Sequence[_Plan], workspace: str | None, limit: int,
                group: Callable[[tuple[str, ...]], str]) -> dict[str, Any]:
    """The statement's parameters, plan i's named with the prefix q{i}_."""
    params: dict[str, Any] = {"workspace": workspace, "limit": limit}
    for i, plan in enumerate(plans):
        params |= {f"q{i}_cap": plan.cap, f"q{i}_avgdl": plan.avgdl}
        for n, (term, idf) in enumerate(zip(plan.terms, plan.idfs, strict=True)):
            params |= {f"q{i}_w{n}": idf, f"q{i}_p{n}": f" {term} ", f"q{i}_a{n}": f" {AGAIN}{term} "}
        for n, (terms, share) in enumerate(zip(plan.groups, plan.shares, strict=True)):
            params |= {f"q{i}_g{n}": group(terms), f"q{i}_l{n}": share}
    return params


def _statement(shape: Shape, candidates: Callable[[int, int, int], list[str]]) -> TextualSelect:
    """One statement for every plan: `candidates(i, groups, terms)` gives plan i's CTEs, ending with
    scored{i} (id, score); the statement returns each plan's best `limit` (nth: the plan's place),
    with their columns, plan after plan, best first."""
    ctes = []
    for i, (groups, terms) in enumerate(shape):
        ctes += [*candidates(i, groups, terms), f"best{i} AS (SELECT {i} AS nth, id, score FROM scored{i} "
                 "ORDER BY score DESC, id LIMIT :limit)"]
    best = " UNION ALL ".join(f"SELECT * FROM best{i}" for i in range(len(shape)))
    return text(f"WITH {', '.join(ctes)} SELECT b.nth, {_COLUMNS}, b.score FROM ({best}) b "
                "JOIN fact_checks fc ON fc.id = b.id ORDER BY b.nth, b.score DESC, fc.id").columns(*_OUT)


def _rows_by_plan(result: Sequence[Any], plans: int) -> list[list[Any]]:
    rows: list[list[Any]] = [[] for _ in range(plans)]
    for row in result:
        rows[row.nth].append(row)
    return rows


def _sqlite_search(conn: Connection, plans: Sequence[_Plan], workspace: str | None,
                   limit: int) -> list[list[Any]]:
    if not plans:
        return []
    params = _parameters(plans, workspace, limit, lambda group: " AND ".join(f'"{term}"' for term in group))
    return _rows_by_plan(conn.execute(_sqlite_query(_shape(plans)), params).all(), len(plans))


@functools.lru_cache(maxsize=256)
def _sqlite_query(shape: Shape) -> TextualSelect:
    """FTS5 gives the candidates' ids, group after group (the likely smallest first) until the cap;
    no bm25(), which would score only the terms that chose them. A review holds a term once or twice
    (its claim's and its title's terms, each once), so its score is read from which of the query's
    terms its padded terms hold, and which of them again (marked: schema.indexed_text)."""

    def candidates(i: int, groups: int, terms: int) -> list[str]:
        q = f":q{i}_"
        # a group's share is its newest claims (FTS5 walks a doclist backwards without a sort)
        arms = " UNION ALL ".join(f"SELECT * FROM (SELECT rowid AS id FROM fact_checks_fts WHERE "
                                  f"fact_checks_fts MATCH {q}g{n} ORDER BY rowid DESC LIMIT {q}l{n})"
                                  for n in range(groups))
        # A claim two groups bring comes twice and is kept once; one group brings each claim once, and
        # its ids are read as FTS5 gives them, not gathered in a temporary table first.
        hits = (f"hits{i} AS NOT MATERIALIZED (SELECT id FROM ({arms} LIMIT {q}cap))" if groups == 1
                else f"hits{i} AS MATERIALIZED (SELECT DISTINCT id FROM ({arms} LIMIT {q}cap))")
        padded = (f"SELECT fc.id, fc.terms, ' ' || fc.search_text || ' ' AS padded FROM hits{i} JOIN "
                  f"fact_checks fc ON fc.id = hits{i}.id "
                  "WHERE fc.workspace IS NULL OR fc.workspace = :workspace")
        if terms <= 2:
            # One or two terms (a sentence that shares a single common word with the corpus): the
            # padded terms are built again for each of the few lookups, which costs less than copying
            # them into a temporary table.
            ctes = [f"c{i} AS NOT MATERIALIZED ({padded})"]
            scored = f"c{i}"
            held = " + ".join(f"CASE WHEN instr(c.padded, {q}p{n}) THEN {q}w{n} ELSE 0 END"
                              for n in range(terms))
            twice = " + ".join(f"CASE WHEN instr(c.padded, {q}a{n}) THEN {q}w{n} ELSE 0 END"
                               for n in range(terms))
        else:
            # More: the padded terms are built once, each scoring term looked up in them, and again
            # (' =term ') only when held, as a term listed twice is listed once too (indexed_text): a
            # candidate holds few of a sentence's terms, and reading its text twice for each term was
            # most of a search's work on real fact-checks (CLEF 2020). h{n} is how often it holds term
            # n (0, 1, 2); the sums add the same idfs in the same order as a lookup for each term, so
            # a score is the same to the last bit.
            flags = ", ".join(f"CASE WHEN instr(padded, {q}p{n}) THEN 1 + (instr(padded, {q}a{n}) > 0) "
                              f"ELSE 0 END AS h{n}" for n in range(terms))
            ctes = [f"c{i} AS MATERIALIZED ({padded})",
                    f"h{i} AS MATERIALIZED (SELECT id, terms, {flags} FROM c{i})"]
            scored = f"h{i}"
            held = " + ".join(f"CASE WHEN c.h{n} THEN {q}w{n} ELSE 0 END" for n in range(terms))
            twice = " + ".join(f"CASE WHEN c.h{n} = 2 THEN {q}w{n} ELSE 0 END" for n in range(terms))
        score = _score(held, twice).replace(":avgdl", q + "avgdl")
        return [hits, *ctes, f"scored{i} AS (SELECT c.id, {score} AS score FROM {scored} c)"]

    return _statement(shape, candidates)


def _postgres_search(conn: Connection, plans: Sequence[_Plan], workspace: str | None,
                     limit: int) -> list[list[Any]]:
    if not plans:
        return []
    params = _parameters(plans, workspace, limit, " & ".join)
    # The planner may cost a term's bitmap above a scan of the whole table; the budget already bounds
    # the candidates, so the index is always the cheaper way: _term_stats turned enable_seqscan off
    # for this transaction, in the same round trip as the term lookup.
    return _rows_by_plan(conn.execute(_postgres_query(_shape(plans)), params).all(), len(plans))


@functools.lru_cache(maxsize=256)
def _postgres_query(shape: Shape) -> TextualSelect:
    """The same over the GIN index: each group a bitmap scan of its own (enable_seqscan is off), the
    likely smallest first, until the cap. A group's share is the first claims in the table's order:
    the newest would need all of them read and sorted.

    A candidate is scored as on SQLite, from its padded search_text (strpos of ' term ' and
    ' =term '), not with tsv @@ per term, which read a term as PostgreSQL's parser does ('Vaccin',
    from styled letters, is 'vaccin' there) and so could score a claim below its BM25. The
    candidates carry no tsvector (half a row's width) and are scored as they come from the index,
    not copied into a materialized CTE first; a scored row is a narrow (id, score), deduplicated as
    such. That took about a tenth of the server's work for a check's sentences, the results the same."""

    def candidates(i: int, groups: int, terms: int) -> list[str]:
        q = f":q{i}_"
        arms = " UNION ALL ".join(f"(SELECT id, workspace, terms, ' ' || search_text || ' ' AS padded "
                                  f"FROM fact_checks WHERE tsv @@ to_tsquery('simple', {q}g{n}) "
                                  f"LIMIT {q}l{n})" for n in range(groups))
        held = " + ".join(f"CASE WHEN strpos(c.padded, {q}p{n}) > 0 THEN CAST({q}w{n} AS float8) "
                          "ELSE 0 END" for n in range(terms))
        twice = " + ".join(f"CASE WHEN strpos(c.padded, {q}a{n}) > 0 THEN CAST({q}w{n} AS float8) "
                           "ELSE 0 END" for n in range(terms))
        # a claim two groups brought comes twice, with the same score: DISTINCT keeps it once
        return [f"scored{i} AS (SELECT DISTINCT c.id, {_score(held, twice).replace(':avgdl', q + 'avgdl')} "
                f"AS score FROM (SELECT * FROM ({arms}) arms LIMIT {q}cap) c "
                "WHERE c.workspace IS NULL OR c.workspace = :workspace)"]

    return _statement(shape, candidates)
