"""How similar-article lookup scales with the history: 10,000 then 100,000 items (1,000,000 with --large).

    .venv/bin/python bench/similar.py [--large] [--database-url URL] [--queries 200]

Generated articles are word salad from a Zipf-distributed vocabulary (English function words
first, then invented words), two quotes each, some quotes drawn from a shared pool so the
quote-shingle index has real collisions. Items go in through the storage API (Store.add_items:
the same fingerprints and index rows a check writes). At each size the same query set is run:
a third near-copies of stored articles (10% of words replaced), a third new articles that reuse
a stored quote reworded, a third unrelated articles. Printed: p50/p95 lookup time (fingerprint +
SQL candidates + scoring, i.e. checks.similar.find_similar over store.corpus), the ratio between
sizes, the ingest rate, and how many planted matches were found.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks import Article, InputInfo, Quote, Report, find_similar
from storage import NewItem, Store, open_store
from storage.db import dispose

FUNCTION = ("the of and to a in that is was he for it with as his on be at by i this had not are but from "
            "or have an they which one you were her all she there would their we him been has when who "
            "will more no if out so said what up its about into than them can only other new some could "
            "time these two may then do first any my now such like our over man me even most made after "
            "also did many before must through back years where much your way well down should").split()
WORKSPACE = "bench"


class Generator:
    def __init__(self, seed: int = 7, vocabulary: int = 30_000) -> None:
        self.rng = np.random.default_rng(seed)
        letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
        lengths = self.rng.integers(4, 11, vocabulary)
        invented = ["".join(self.rng.choice(letters, size=int(n))) for n in lengths]
        self.words = np.array(FUNCTION + invented)
        ranks = np.arange(1, len(self.words) + 1)
        weights = 1.0 / ranks**1.05
        self.cdf = np.cumsum(weights / weights.sum())
        self.pool = [self.sentence(14) for _ in range(2_000)]  # quotes that travel between articles

    def draw(self, n: int) -> np.ndarray:
        """n words by Zipf frequency (searchsorted on the CDF: rng.choice(p=...) is 100x slower)."""
        return self.words[np.minimum(np.searchsorted(self.cdf, self.rng.random(n)), len(self.words) - 1)]

    def sentence(self, n: int) -> str:
        words = self.draw(n)
        return " ".join(words).capitalize() + "."

    def article(self) -> tuple[str, tuple[Quote, ...]]:
        quoted = [self.pool[self.rng.integers(len(self.pool))] if self.rng.random() < 0.05
                  else self.sentence(int(self.rng.integers(10, 20))) for _ in range(2)]
        body = " ".join(self.sentence(int(self.rng.integers(12, 25))) for _ in range(12))
        text = f"{self.sentence(8)[:-1]}\n\n{body} \u201c{quoted[0]}\u201d said Ana Ruiz. {body[:200]} " \
               f"\u201c{quoted[1]}\u201d said Tom Okafor."
        quotes = tuple(Quote(text=q, start=text.index(q), end=text.index(q) + len(q), speaker=who)
                       for q, who in zip(quoted, ("Ana Ruiz", "Tom Okafor"), strict=True))
        return text, quotes

    def mutate(self, text: str, share: float = 0.1) -> str:
        words = text.split(" ")
        for i in self.rng.choice(len(words), size=int(len(words) * share), replace=False):
            words[i] = str(self.draw(1)[0])
        return " ".join(words)


def item(text: str, quotes: tuple[Quote, ...]) -> NewItem:
    sha = hashlib.sha256(text.encode()).hexdigest()
    report = Report(input=InputInfo(sha256=sha), article=Article(title=text.split("\n")[0]), quotes=quotes)
    return NewItem(WORKSPACE, text, report)


def fill(store: Store, gen: Generator, count: int, kept: list[tuple[str, tuple[Quote, ...]]]) -> float:
    """Insert `count` items in batches; returns items per second. Keeps a sample for the queries."""
    started = time.perf_counter()
    for done in range(0, count, 1_000):
        batch = [gen.article() for _ in range(min(1_000, count - done))]
        store.add_items([item(t, q) for t, q in batch])
        if len(kept) < 2_000:
            kept.extend(batch[:20])
    return count / (time.perf_counter() - started)


Sample = tuple[str, tuple[Quote, ...]]


def queries(gen: Generator, kept: list[Sample], n: int) -> list[tuple[str, tuple[Quote, ...], str]]:
    out = []
    for i in range(n):
        text, quotes = kept[int(gen.rng.integers(len(kept)))]
        if i % 3 == 0:
            out.append((gen.mutate(text), quotes, "copy"))
        elif i % 3 == 1:
            fresh, fresh_quotes = gen.article()
            reworded = quotes[0].text.replace(".", ",").replace(" not ", " n't ") + " Really."
            moved = Quote(text=reworded, start=0, end=len(reworded), speaker="an official")
            out.append((fresh, (moved, *fresh_quotes[1:]), "quote"))
        else:
            fresh, fresh_quotes = gen.article()
            out.append((fresh, fresh_quotes, "none"))
    return out


def measure(store: Store, probes: list[tuple[str, tuple[Quote, ...], str]]) -> tuple[float, float, str]:
    times, hits = [], {"copy": [0, 0], "quote": [0, 0]}
    corpus = store.corpus(WORKSPACE)
    for text, quotes, kind in probes:
        started = time.perf_counter()
        found = find_similar(text, quotes, corpus)
        times.append(time.perf_counter() - started)
        if kind == "copy":
            hits["copy"][0] += any(s.score >= 0.5 for s in found)
            hits["copy"][1] += 1
        elif kind == "quote":
            hits["quote"][0] += any(s.shared_quotes for s in found)
            hits["quote"][1] += 1
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    found_line = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in hits.items())
    return statistics.median(times) * 1000, p95 * 1000, found_line


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large", action="store_true", help="also fill to 1,000,000 items")
    ap.add_argument("--database-url", help="default: a SQLite file in a temporary directory")
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    sizes = [10_000, 100_000] + ([1_000_000] if args.large else [])
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        store = open_store(url)
        gen, kept, results, total = Generator(), [], [], 0
        print(f"database: {store.engine.url.render_as_string(hide_password=True)}")
        for size in sizes:
            rate = fill(store, gen, size - total, kept)
            total = size
            probes = queries(Generator(seed=size), kept[:1_000], args.queries)
            measure(store, probes[:20])  # warm the caches, as a running bot has them
            p50, p95, found = measure(store, probes)
            results.append((size, p50, p95))
            print(f"{size:>9,} items  ingest {rate:7,.0f} items/s  "
                  f"lookup p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  found: {found}", flush=True)
        base = results[0]
        for size, p50, p95 in results[1:]:
            print(f"ratio {size:,} / {base[0]:,}: p50 {p50 / base[1]:.2f}x  p95 {p95 / base[2]:.2f}x "
                  f"(target: at most 2x)")
        dispose(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
