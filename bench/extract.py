"""Extraction quality and time: deskcheck's extract_article next to plain trafilatura.extract.

Usage: .venv/bin/python bench/extract.py DIR [--rounds N]

DIR has the layout of the public scrapinghub article-extraction-benchmark
(https://github.com/scrapinghub/article-extraction-benchmark): html/<id>.html.gz and
ground-truth.json ({id: {"articleBody": ...}}). F1 is the benchmark's own measure: 4-token
shingles of \\w+ tokens, per-page precision and recall normalised by page, averaged, then F1.
Both extractors get the same decoded HTML strings in the same process; each is warmed up
first (trafilatura and htmldate compile their patterns on first use), then the rounds
alternate between them and the best round of each counts. Time is this process's CPU time
(time.process_time), which other work on a shared machine disturbs less than wall-clock time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from checks import CheckError
from checks.links.extract import MIN_WORDS, extract_article
from checks.links.pagemeta import read_metadata

_TOKEN = re.compile(r"\w+")
Extractor = Callable[[str], str]


def deskcheck_text(html: str) -> str:
    """The text deskcheck extracts; pages it would refuse as too short are counted apart."""
    return extract_article(html, min_words=0).text


def refused(html: str) -> bool:
    try:
        extract_article(html)
    except CheckError:
        return True
    return False


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html) or ""


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) over shingles, as the benchmark's string_shingle_matching."""
    a, b = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in a.keys() | b.keys():
        tp += min(a[key], b[key])
        fp += max(0, b[key] - a[key])
        fn += max(0, a[key] - b[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def f1(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def ratio(tp: float, other: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == other == 0 else tp / (tp + other)

    precision = statistics.mean(ratio(tp, fp, fp, fn) for tp, fp, fn in scores if tp + fp > 0)
    recall = statistics.mean(ratio(tp, fn, fp, fn) for tp, fp, fn in scores if tp + fn > 0)
    return 2 * precision * recall / (precision + recall), precision, recall


def timed(extractor: Extractor, pages: list[tuple[str, str]]) -> tuple[float, dict[str, str]]:
    start = time.process_time()
    out = {key: extractor(html) for key, html in pages}
    return time.process_time() - start, out


def print_metadata_agreement(pages: list[tuple[str, str]], truth: dict[str, dict[str, str]]) -> None:
    """How often deskcheck's lighter metadata pass finds what trafilatura's full pass finds."""
    same = {"title": 0, "author": 0, "published": 0, "site": 0}
    found = {"author": [0, 0], "published": [0, 0]}
    for key, html in pages:
        url = truth[key].get("url")
        full = extract_metadata(load_html(html), url)
        ours = read_metadata(load_html(html), url)
        theirs = {"title": full.title, "author": full.author, "published": full.date, "site": full.sitename}
        mine = {"title": ours.title, "author": ours.author, "site": ours.site,
                "published": ours.published.isoformat() if ours.published else None}
        for field in same:
            same[field] += (theirs[field] or None) == mine[field]
        for field in found:
            found[field][0] += bool(mine[field])
            found[field][1] += bool(theirs[field])
    print("metadata, deskcheck vs trafilatura's full metadata pass (same value on how many pages): "
          + ", ".join(f"{field} {count}/{len(pages)}" for field, count in same.items()))
    print("pages with a value (deskcheck / trafilatura): "
          + ", ".join(f"{field} {a}/{b}" for field, (a, b) in found.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    truth = json.loads((args.dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [(p.name.split(".")[0], gzip.decompress(p.read_bytes()).decode("utf-8"))
             for p in sorted((args.dir / "html").glob("*.html.gz"))]
    pages = [(key, html) for key, html in pages if key in truth]
    if not pages:
        print(f"no html/*.html.gz pages with ground truth in {args.dir}", file=sys.stderr)
        return 2
    extractors = {"trafilatura": trafilatura_text, "deskcheck": deskcheck_text}
    for extractor in extractors.values():
        for _key, html in pages[:5]:
            extractor(html)
    best: dict[str, float] = {}
    outputs: dict[str, dict[str, str]] = {}
    for _ in range(max(1, args.rounds)):
        for name, extractor in extractors.items():
            seconds, outputs[name] = timed(extractor, pages)
            best[name] = min(best.get(name, seconds), seconds)
    print(f"{len(pages)} pages, best of {args.rounds} rounds")
    print(f"{'extractor':<12} {'F1':>6} {'precision':>9} {'recall':>7} {'seconds':>8}")
    for name in extractors:
        score = f1([page_scores(truth[key]["articleBody"], outputs[name][key]) for key, _ in pages])
        print(f"{name:<12} {score[0]:6.3f} {score[1]:9.3f} {score[2]:7.3f} {best[name]:8.2f}")
    print(f"time ratio deskcheck / trafilatura: {best['deskcheck'] / best['trafilatura']:.2f}")
    too_short = sum(refused(html) for _key, html in pages)
    print(f"pages deskcheck would refuse as too short to check (< {MIN_WORDS} words): {too_short}")
    print_metadata_agreement(pages, truth)
    return 0


if __name__ == "__main__":
    sys.exit(main())
