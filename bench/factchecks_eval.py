"""Fact-check matching measured on CLEF 2020 CheckThat! task 2 (tweets against verified claims): MAP@5.

    .venv/bin/python bench/factchecks_eval.py DATA_DIR [--fit] [--database-url URL]

DATA_DIR is the unzipped `data/v3.zip` of sshaar/clef2020-factchecking-task2 (the folder with
verified_claims.docs.tsv, train/ and dev/). Never commit the data; never tune on its test partition.

The verified claims (with their fact-checks' titles) are imported into the real store, a fresh SQLite
file unless --database-url names an empty database, and the lexical stage is the search a check runs
(storage.factchecks: the bounded BM25 over the indexed claims and titles). Printed, for train
and dev: MAP@5 of plain BM25 and of checks.factchecks.match (BM25 top CANDIDATES re-ranked), the
share of tweets whose checked claim is among the candidates (the re-ranker's ceiling; also among the
first 30 and 50 the search returns, what more candidates could reach), then, for train and dev, the
threshold's precision and recall for "this sentence has a matching fact-check" (the top hit
kept when its score reaches the threshold, correct when it is the checked claim), and a calibration
table (score bins against the share of top hits that are correct). `--fit` fits the logistic
model's weights on train by Newton's method and prints them, for checks/factchecks/match.py.
Also printed: the re-ranking cost of one article (15 sentences x 20 candidates).
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks import ClaimReview, ClaimSentence
from checks.factchecks.embed import SentenceEmbedder, load_embedder
from checks.factchecks.match import (
    CANDIDATES,
    ORDER_WEIGHTS,
    THRESHOLD,
    WEIGHTS,
    FactCheckHit,
    FactCheckIndex,
    capped,
    order_features,
    pair_features,
    query_text,
    rank_order,
    score_pairs,
    statement_text,
    supported,
)
from storage import open_store
from storage.factchecks import FactCheckStore

csv.field_size_limit(10**7)
COSINE = 1  # its position in pair_features
# How deep the search is read to tell how often a deeper first stage would find the checked claim
# (the re-ranker's ceiling at more candidates); the pools themselves are the first CANDIDATES, the
# same claims in the same order as a search for CANDIDATES (the store orders by score, then id).
DEPTHS = (CANDIDATES, 30, 50)


def load(data: Path) -> tuple[list[ClaimReview], dict[str, list[tuple[str, str]]]]:
    reviews: list[ClaimReview] = []
    with (data / "verified_claims.docs.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            reviews.append(ClaimReview(url=row[""] or row.get("vclaim_id", ""), claim=row["vclaim"],
                                       rating="(CLEF verified claim)", title=row["title"]))
    splits: dict[str, list[tuple[str, str]]] = {}
    for split in ("train", "dev"):
        gold: dict[str, str] = {}
        with (data / split / "tweet-vclaim-pairs.qrels").open(encoding="utf-8") as fh:
            for line in fh:
                qid, _, doc, rel = line.split()
                if rel == "1":
                    gold[qid] = doc
        rows = []
        with (data / split / "tweets.queries.tsv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                qid = row[""] or row.get("tweet_id", "")
                if qid in gold:
                    rows.append((row["tweet_content"], gold[qid]))
        splits[split] = rows
    return reviews, splits


@dataclass
class Pool:
    gold: str | None  # None: the tweet's own fact-check was left out of the candidates
    hits: list[FactCheckHit]
    features: list[list[float]]  # pair_features, the score's inputs
    order: list[list[float]]  # order_features, the order's inputs
    supported: list[bool] | None = None  # checks.factchecks.match.supported, per candidate
    deeper: list[str] | None = None  # the review URLs of the search read to max(DEPTHS), in its order


def pools(index: FactCheckIndex, rows: list[tuple[str, str]], embedder: SentenceEmbedder, *,
          without_gold: bool = False) -> list[Pool]:
    """Each tweet's lexical candidates and their features, as checks.factchecks.match computes them.

    without_gold: drop the tweet's own fact-check, so the pool stands for a sentence that no loaded
    fact-check checks (for the threshold's false alarms).
    """
    out = []
    for tweet, gold in rows:
        q, said = query_text(tweet), statement_text(tweet)  # searched; compared with the claims
        hits = index.search(q, max(DEPTHS) + 1)
        hits = [h for h in hits if h.review.url != gold] if without_gold else hits
        deeper = [h.review.url for h in hits[:max(DEPTHS)]]
        hits = hits[:CANDIDATES]
        if not hits:
            out.append(Pool(None if without_gold else gold, [], [], [], None, deeper))
            continue
        qv = embedder.embed([said])[0]
        cos = embedder.embed([h.review.claim for h in hits]) @ qv
        titles = embedder.embed([h.review.title or "" for h in hits]) @ qv
        pairs = [pair_features(said, h.review.claim, float(c)) for h, c in zip(hits, cos, strict=True)]
        order = order_features([h.score for h in hits], pairs, [float(t) for t in titles])
        out.append(Pool(None if without_gold else gold, hits, pairs, order,
                        [supported(said, h.review.claim) for h in hits], deeper))
    return out


def map5(ranked: list[list[str]], golds: list[str]) -> float:
    """CLEF 2020 task 2's MAP@5 (trec_eval map cut at 5); every tweet has exactly one checked claim."""
    total = 0.0
    for docs, gold in zip(ranked, golds, strict=True):
        if gold in docs[:5]:
            total += 1.0 / (docs.index(gold) + 1)
    return total / len(golds)


def rerank(pool: Pool, weights: tuple[float, ...], order_weights: Sequence[float]) -> list[tuple[str, float]]:
    """checks.factchecks.match.rank_candidates on precomputed features: the order, the capped scores."""
    order = rank_order(pool.order, order_weights)
    scores = capped(score_pairs(pool.features, weights), order)
    return [(pool.hits[i].review.url, score if pool.supported is None or pool.supported[i] else 0.0)
            for i, score in scores]


def fit_order(train: list[Pool], iterations: int = 50, ridge: float = 0.1) -> tuple[float, ...]:
    """The order's weights: a conditional logit (which of a tweet's candidates is its fact-check?),
    L2-penalised, by Newton's method with step halving, on the tweets whose fact-check is among
    their candidates."""
    pools = [(np.array(p.order), np.array([h.review.url == p.gold for h in p.hits], dtype=float))
             for p in train if any(h.review.url == p.gold for h in p.hits)]

    def loss(w: np.ndarray) -> float:
        total = 0.5 * ridge * float(w @ w)
        for x, y in pools:
            z = x @ w
            total -= float(y @ z) - (z.max() + math.log(np.exp(z - z.max()).sum()))
        return total

    w = np.zeros(pools[0][0].shape[1])
    for _ in range(iterations):
        grad, hess = ridge * w, ridge * np.eye(len(w))
        for x, y in pools:
            z = x @ w
            prob = np.exp(z - z.max())
            prob /= prob.sum()
            mean = prob @ x
            grad -= x.T @ (y - prob)
            hess += (x * prob[:, None]).T @ x - np.outer(mean, mean)
        step, before = np.linalg.solve(hess, grad), loss(w)
        while loss(w - step) > before and np.abs(step).max() > 1e-9:
            step /= 2
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return tuple(round(float(v), 3) for v in w)


def fit(train: list[Pool], order_weights: Sequence[float], iterations: int = 50,
        ridge: float = 1.0) -> tuple[float, ...]:
    """Logistic regression (L2 on the non-bias weights) by Newton's method: is a sentence's best-ranked
    candidate its fact-check? (The threshold decides on exactly that.)"""
    best = [(p, rerank(p, (0.0,) * len(p.features[0]), order_weights)[0][0]) for p in train if p.hits]
    x = np.array([next(f for h, f in zip(p.hits, p.features, strict=True) if h.review.url == url)
                  for p, url in best])
    y = np.array([float(url == p.gold) for p, url in best])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * ridge
    penalty[0, 0] = 0.0
    for _ in range(iterations):
        prob = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (prob - y) + penalty @ w
        hess = (x * (prob * (1 - prob))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hess, grad)
    return tuple(round(float(v), 3) for v in w)


def report_split(name: str, split: list[Pool], weights: tuple[float, ...],
                 order_weights: Sequence[float]) -> None:
    golds = [p.gold or "" for p in split]
    bm25 = map5([[h.review.url for h in p.hits] for p in split], golds)
    ours = map5([[u for u, _ in rerank(p, weights, order_weights)] for p in split], golds)
    recall = {depth: sum(p.gold in (p.deeper or [])[:depth] for p in split) / len(split) for depth in DEPTHS}
    print(f"{name:5} n={len(split):4}  MAP@5 BM25 {bm25:.4f}  re-ranked {ours:.4f}  gold in top "
          + ", ".join(f"{depth}: {share:.3f}" for depth, share in recall.items()))


def tops(split: list[Pool], weights: tuple[float, ...],
         order_weights: Sequence[float]) -> list[tuple[float, bool]]:
    """Each sentence's best candidate: its score, and whether it is the sentence's fact-check."""
    return [(s, u == p.gold) for p in split if p.hits for u, s in rerank(p, weights, order_weights)[:1]]


def calibration(with_gold: list[Pool], without: list[Pool], weights: tuple[float, ...],
                order_weights: Sequence[float]) -> None:
    """Precision/recall of "this sentence has a matching fact-check" by threshold, and a calibration table.

    A partition's tweets twice: with their fact-check loaded (a hit is correct when it is that one) and
    without it (every hit above the threshold is a false alarm).
    """
    pos, neg = tops(with_gold, weights, order_weights), tops(without, weights, order_weights)
    print("threshold  precision  recall  false alarms (fact-check not loaded)")
    for threshold in sorted({0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, THRESHOLD}):
        right = sum(ok for s, ok in pos if s >= threshold)
        wrong = sum(not ok for s, ok in pos if s >= threshold) + sum(s >= threshold for s, _ in neg)
        mark = "  <- THRESHOLD" if abs(threshold - THRESHOLD) < 1e-9 else ""
        print(f"  {threshold:.2f}      {right / max(right + wrong, 1):.3f}    {right / len(with_gold):.3f}   "
              f"{sum(s >= threshold for s, _ in neg) / len(without):.3f}{mark}")
    print("score bin   top hits  share correct")
    both = pos + neg
    for lo in np.arange(0.0, 1.0, 0.1):
        inside = [ok for s, ok in both if lo <= s < lo + 0.1 or (lo >= 0.9 and s >= 1.0)]
        if inside:
            print(f"  {lo:.1f}-{lo + 0.1:.1f}   {len(inside):8}  {sum(inside) / len(inside):.3f}")


def speed(index: FactCheckIndex, rows: list[tuple[str, str]], embedder: SentenceEmbedder) -> None:
    from checks import match_fact_checks

    sentences = [ClaimSentence(t, 0, len(t)) for t, _ in rows[:15]]
    match_fact_checks(sentences, index, embedder=embedder)
    lexical, total = [], []
    for _ in range(20):
        t0 = time.perf_counter()
        index.search_many([query_text(s.text) for s in sentences], CANDIDATES)
        t1 = time.perf_counter()
        match_fact_checks(sentences, index, embedder=embedder)
        t2 = time.perf_counter()
        lexical.append(t1 - t0)
        total.append(t2 - t1)
    rerank_ms = (statistics.median(total) - statistics.median(lexical)) * 1000
    whole, bm25 = statistics.median(total) * 1000, statistics.median(lexical) * 1000
    print(f"one article, 15 sentences x {CANDIDATES} candidates: matching {whole:.1f} ms median, of which "
          f"the store's search {bm25:.1f} ms, re-ranking {rerank_ms:.1f} ms "
          f"({rerank_ms / 500:.1%} of a 0.5 s check)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--fit", action="store_true", help="fit the weights on train and use them")
    parser.add_argument("--database-url", help="an empty database to import into (default: a temporary "
                        "SQLite file)")
    args = parser.parse_args()
    reviews, splits = load(args.data)
    t0 = time.perf_counter()
    embedder = load_embedder()
    print(f"{len(reviews)} verified claims; model loaded in {(time.perf_counter() - t0) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as scratch:
        store = FactCheckStore(open_store(args.database_url or f"sqlite:///{scratch}/clef.db").engine)
        store.import_reviews(reviews, None)
        evaluate(args, store.index(None), splits, embedder)
        store.engine.dispose()


def evaluate(args: argparse.Namespace, index: FactCheckIndex,
             splits: dict[str, list[tuple[str, str]]], embedder: SentenceEmbedder) -> None:
    train, dev = (pools(index, splits[s], embedder) for s in ("train", "dev"))
    train_neg, dev_neg = (pools(index, splits[s], embedder, without_gold=True) for s in ("train", "dev"))
    order_weights = fit_order(train) if args.fit else ORDER_WEIGHTS
    weights = fit(train + train_neg, order_weights) if args.fit else WEIGHTS
    print(f"ORDER_WEIGHTS = {order_weights}\nWEIGHTS = {weights}")
    lexical_order = (1.0,) + (0.0,) * (len(order_weights) - 1)
    report_split("train", train, weights, order_weights)
    report_split("dev", dev, weights, order_weights)
    for name, with_gold, without in (("train", train, train_neg), ("dev", dev, dev_neg)):
        print(f"{name}:")
        calibration(with_gold, without, weights, order_weights)
    if args.fit:
        blind = fit([Pool(p.gold, p.hits, [[*f[:COSINE], 0.0, *f[COSINE + 1:]] for f in p.features], p.order)
                     for p in train + train_neg], lexical_order)
        print(f"dev, the lexical order and the score fitted without the cosine: WEIGHTS = {blind}")
        calibration(dev, dev_neg, blind, lexical_order)
    speed(index, splits["dev"], embedder)


if __name__ == "__main__":
    main()
