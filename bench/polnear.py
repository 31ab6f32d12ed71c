"""Direct quotes and their speakers against PolNeAR `train`, and the speaker-confidence fit.

    .venv/bin/python bench/polnear.py [--limit N] [--jobs J] [--fit] [--errors N]

The first run extracts `data/train` of the PolNeAR mirror (texts, one annotator's brat
attributions per text, CoreNLP coreference of pronoun mentions) to scratch/polnear. Every
article is checked with the engine (one spaCy load per job); a quote of ours is found when it
overlaps a gold quoted stretch (bench/polnear_gold.py says what counts as gold and as the same
speaker). Printed: quotes found/gold, direct quote F1, quote + speaker F1, speaker accuracy on
matched quotes (all, name sources, pronoun sources), accuracy by speaker evidence, and the
reliability table of `speaker_confidence` with coverage and accuracy at >= 0.8, in-sample and
5-fold cross-validated (split by article: each article's quotes are scored by a table fitted on
the other four fifths of the articles), so an over-fitted table shows; once with the proven pronoun
cells as fitted on all articles, once nested (the proven cells chosen on the four fifths too);
then the reliability table of the nested confidences (out of fold: the honest one; in sample, a
cell of five quotes is scored by the quotes that made it).

--fit refits checks/quotes/confidence.json (or --fit-to PATH, a copy) from this run's quotes
(counts per cell, each smoothed towards its parent cell, then read through the calibration map
fitted out of fold, 5 folds of articles: checks.quotes.confidence.fit_table and calibration).
Pronoun cells stay below 0.8 unless they lie in a cell whose cross-validated accuracy at >= 0.8,
fitted without that ceiling, is 0.96 or more on 25 quotes or more there (`proven` in the table;
--fit prints each pronoun cell's figures). Refit a candidate without touching the shipped table:

    .venv/bin/python bench/polnear.py --from-records scratch/polnear/records.jsonl --fit --fit-to /tmp/t.json
Every quote and gold stretch is written to --records (default scratch/polnear/records.jsonl);
--from-records reads such a file back instead of checking the articles again (to refit, try a
new confidence feature: the cells are recomputed from the stored quotes, or look at errors).
Pronoun sources resolved by hand: bench/data/polnear_pronouns_hand.json, `{"<article>:<quote
start>": "Name" or null}`, all 2,097 third-person pronoun sources of `train`, each resolved by reading
the story, blind to our output. It is our own annotation, not PolNeAR's text, so it is committed
(an earlier, partial table kept in scratch/ was lost with a machine). `--hand-sample N` writes N
unresolved ones with context to scratch/polnear/pronouns_todo.tsv to read (the seeded draw of N,
less those already resolved): for a new release of the corpus. Where only a sample is resolved,
each publisher's hand-resolved quotes stand for all its pronoun quotes (see weigh).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import multiprocessing
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear_gold as gold  # noqa: E402

from checks.models import Quote  # noqa: E402
from checks.quotes.confidence import (  # noqa: E402
    HIGH,
    PRONOUN_EVIDENCE,
    TABLE_PATH,
    Sample,
    confidence_of,
    fit_table,
    quote_cells,
)

MIRROR = Path("/work/.mirror/networkdynamics+PolNeAR/repo")
SCRATCH = ROOT / "scratch" / "polnear"
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
HAND = Path(__file__).resolve().parent / "data" / "polnear_pronouns_hand.json"
HAND_SEED = 14
FOLDS = 5  # cross-validation of the confidence table, split by article
FOLD_SEED = 14
PROVEN = 0.96  # cross-validated accuracy a pronoun cell needs to rise to HIGH and above
# Quotes at HIGH and above, out of fold, a pronoun cell needs to be proven: a share of five quotes
# is no proof, whatever a cell needs to speak (MIN_CELL).
PROVEN_QUOTES = 25

Record = dict[str, Any]


def _check_articles(batch: list[tuple[str, str, str | None]]) -> list[Record]:
    from checks import check_text

    hand = _load_hand()
    out: list[Record] = []
    for stem, text, date in batch:
        try:
            report = check_text(text, dt.date.fromisoformat(date) if date else None)
        except Exception as exc:  # an engine bug in one article: reported, the run goes on
            print(f"{stem}: the check failed: {exc!r}", file=sys.stderr)
            out.append({"kind": "failed", "stem": stem, "error": repr(exc)})
            continue
        golds = gold.gold_quotes(SCRATCH, stem, text, hand)
        out.extend(_records(stem, text, report.quotes, quote_cells(report.quotes, text), golds))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _records(stem: str, text: str, quotes: Iterable[Any], cells: list[Any],
             golds: list[gold.GoldQuote]) -> list[Record]:
    out: list[Record] = []
    covered: dict[int, list[bool | None]] = defaultdict(list)
    for quote, cell in zip(quotes, cells, strict=True):
        best = max(range(len(golds)), default=None,
                   key=lambda n: _overlap((quote.start, quote.end), (golds[n].start, golds[n].end)))
        if best is not None and _overlap((quote.start, quote.end), (golds[best].start, golds[best].end)) == 0:
            best = None
        g = golds[best] if best is not None else None
        right = None
        if g is not None and g.how in ("name", "hand", "corenlp"):
            right = quote.speaker is not None and gold.same_speaker(
                quote.speaker, quote.speaker_kind, quote.speaker_span, g)
        if best is not None:
            covered[best].append(right)
        out.append({"kind": "quote", "stem": stem, "start": quote.start, "end": quote.end,
                    "text": quote.text[:100], "speaker": quote.speaker, "speaker_kind": quote.speaker_kind,
                    "evidence": quote.speaker_evidence, "confidence": quote.speaker_confidence,
                    "span": list(quote.speaker_span) if quote.speaker_span else None,
                    "guessed": quote.speaker_guessed,
                    "cells": list(cell) if cell else None, "partial": quote.partial, "cue": quote.cue,
                    "gold_how": g.how if g else None, "gold_source": g.source if g else None,
                    "gold_resolved": g.resolved if g else None, "gold_corenlp": g.corenlp if g else None,
                    "right": right,
                    "context": text[max(0, quote.start - 300):quote.end + 200] if right is False else None})
    for n, g in enumerate(golds):
        out.append({"kind": "gold", "stem": stem, "start": g.start, "end": g.end, "how": g.how,
                    "found": n in covered, "right": any(r for r in covered.get(n, [])),
                    "source": g.source})
    return out


def _load_hand() -> dict[str, str | None]:
    return json.loads(HAND.read_text(encoding="utf-8")) if HAND.exists() else {}


def _run(articles: list[tuple[str, str, str | None]], jobs: int) -> list[Record]:
    if jobs <= 1:
        return _check_articles(articles)
    chunks = [articles[n::jobs] for n in range(jobs)]
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        return [r for part in pool.map(_check_articles, chunks) for r in part]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _share(hits: float, total: float) -> str:
    return f"{hits / total:.3f} ({hits:.0f}/{total:.0f})" if total else "n/a (0)"


def weigh(records: list[Record]) -> None:
    """Set each record's weight. Name sources count once; pronoun sources are known only for the
    hand-resolved sample, which stands for all third-person pronoun sources of its publisher (a
    stratified estimate: the first 80 were drawn before the New York Times' doubled apostrophes
    counted as quotes, so none of them is a Times quote, and a single ratio for all publishers
    would let the other publishers' hand quotes speak for the Times' pronoun quotes);
    CoreNLP's antecedents and first-person sources weigh nothing."""
    for kind, how in (("quote", "gold_how"), ("gold", "how")):
        part = [r for r in records if r["kind"] == kind]
        pronouns = Counter(_stratum(r["stem"]) for r in part if r[how] in ("hand", "corenlp", "unknown"))
        hand = Counter(_stratum(r["stem"]) for r in part if r[how] == "hand")
        if any(n and not hand[s] for s, n in pronouns.items()):  # a publisher without hand quotes
            pronouns, hand = Counter(all=pronouns.total()), Counter(all=hand.total())
        for r in part:
            s = _stratum(r["stem"]) if "all" not in hand else "all"
            r["weight"] = 1.0 if r[how] == "name" else pronouns[s] / hand[s] if r[how] == "hand" else 0.0


def _stratum(stem: str) -> str:
    """The publisher of an article (`nyt_2016-03-12_...`): the hand sample's strata."""
    return stem.split("_", 1)[0]


def _total(records: Iterable[Record], right: bool = False) -> float:
    return sum(r["weight"] for r in records if not right or r["right"])


def report(records: list[Record]) -> None:
    weigh(records)
    ours = [r for r in records if r["kind"] == "quote"]
    golds = [r for r in records if r["kind"] == "gold"]
    matched = [r for r in ours if r["gold_how"] is not None]
    p, rc = len(matched) / max(1, len(ours)), sum(g["found"] for g in golds) / max(1, len(golds))
    print(f"quotes: {len(ours)} found, {len(golds)} gold; "
          f"direct quote P {p:.3f} R {rc:.3f} F1 {_f1(p, rc):.3f}")
    judged = [r for r in ours if r["weight"] > 0]
    unmatched = len(ours) - len(matched)
    sp = _total(judged, True) / max(1.0, _total(judged) + unmatched)
    sr = _total(golds, True) / max(1.0, _total(golds))
    print(f"quote + speaker: P {sp:.3f} R {sr:.3f} F1 {_f1(sp, sr):.3f}  (pronoun sources weighted by the "
          "hand sample; first-person and unannotated sources left out)")
    with_speaker = [r for r in judged if r["speaker"]]
    print(f"speaker accuracy on matched quotes: {_share(_total(judged, True), _total(judged))} "
          f"(no speaker counts as wrong); of those with a speaker: "
          f"{_share(_total(with_speaker, True), _total(with_speaker))}")
    for how in ("name", "hand", "corenlp"):
        part = [r for r in ours if r["gold_how"] == how]
        print(f"  gold source {how:8}: {_share(sum(r['right'] for r in part), len(part))}"
              + ("  (CoreNLP antecedents: noisy, not counted)" if how == "corenlp" else ""))
    hand = [r for r in ours if r["gold_how"] == "hand"]
    agree = sum(1 for r in hand if gold.surname(r["gold_corenlp"] or "") == gold.surname(r["gold_resolved"]))
    print(f"  CoreNLP's antecedent agrees with the hand resolution on {_share(agree, len(hand))}")
    _by_evidence(judged)
    _reliability(judged)
    if all(r.get("cv_confidence", -1.0) != -1.0 for r in judged):
        _cross_validated(judged)


def _by_evidence(judged: list[Record]) -> None:
    groups: dict[str, list[Record]] = defaultdict(list)
    for r in judged:
        groups[str(r["evidence"]) if r["speaker"] else "(no speaker)"].append(r)
    print("by speaker evidence:       quotes  weighted  accuracy")
    for name, part in sorted(groups.items(), key=lambda kv: -_total(kv[1])):
        print(f"  {name:24} {len(part):6}  {_total(part):8.0f}  {_total(part, True) / _total(part):.3f}")


def _reliability(judged: list[Record]) -> None:
    print("reliability of speaker_confidence (weighted):  quotes  weighted  mean conf.  accuracy")
    for lo, hi in itertools.pairwise(BINS):
        part = [r for r in judged if r["confidence"] is not None and lo <= r["confidence"] < hi]
        if part:
            mean = sum(r["confidence"] * r["weight"] for r in part) / _total(part)
            label = f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"
            print(f"  {label:38}{len(part):6}  {_total(part):8.0f}  {mean:10.3f}  "
                  f"{_total(part, True) / _total(part):.3f}")
    none = [r for r in judged if r["confidence"] is None]
    print(f"  no speaker{'':35}{len(none):6}  {_total(none):8.0f}")
    high = [r for r in judged if r["confidence"] is not None and r["confidence"] >= HIGH]
    print(f"at >= {HIGH}: coverage {_share(_total(high), _total(judged))}, "
          f"accuracy {_share(_total(high, True), _total(high))}  (targets: >= 0.80, >= 0.96)")


def _at_high(part: list[Record], key: str) -> tuple[float, float]:
    high = [r for r in part if r[key] is not None and r[key] >= HIGH]
    return _total(high), _total(high, True)


def _cross_validated(judged: list[Record]) -> None:
    for key, how in (("cv_confidence", "the proven pronoun cells as fitted"),
                     ("nested_confidence", "the proven pronoun cells chosen out of fold too")):
        high, right = _at_high(judged, key)
        print(f"at >= {HIGH}, {FOLDS}-fold cross-validated (split by article; {how}): coverage "
              f"{_share(high, _total(judged))}, accuracy {_share(right, high)}")
    _out_of_fold_reliability(judged)


def _out_of_fold_reliability(judged: list[Record]) -> None:
    """The reliability table of the nested cross-validated confidences: what a table fitted
    without an article promised its quotes, against how often they were right. `z` is the gap in
    standard errors of a bin's share (from its mean confidence and weight): an honest table has no
    bin far below zero."""
    print("reliability out of fold (nested, weighted):   quotes  weighted  mean conf.  accuracy  right"
          "      z")
    for lo, hi in itertools.pairwise(BINS):
        part = [r for r in judged if r["nested_confidence"] is not None and lo <= r["nested_confidence"] < hi]
        if part:
            weight = _total(part)
            mean = sum(r["nested_confidence"] * r["weight"] for r in part) / weight
            share = _total(part, True) / weight
            z = (share - mean) / max(1e-9, (mean * (1 - mean) / weight) ** 0.5)
            label = f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"
            print(f"  {label:38}{len(part):6}  {weight:8.0f}  {mean:10.3f}  {share:8.3f}  "
                  f"{_total(part, True):5.0f}  {z:+5.1f}")


def _samples(records: Iterable[Record]) -> list[Sample]:
    return [Sample(tuple(r["cells"]), bool(r["right"]), r["weight"], r["stem"])
            for r in records if r["kind"] == "quote" and r["weight"] > 0 and r["cells"]]


def rejudge(records: list[Record], articles: list[tuple[str, str, str | None]]) -> list[Record] | None:
    """The records again from the stored quotes: today's gold matching (bench/polnear_gold.py) and
    today's confidence cells (checks/quotes/confidence.py), so a change to either needs no new run.
    None for records written before speaker spans were kept."""
    quotes = [r for r in records if r["kind"] == "quote"]
    if any("span" not in r for r in quotes):
        return None
    stories: dict[str, list[Record]] = defaultdict(list)
    for r in quotes:
        stories[r["stem"]].append(r)
    hand = _load_hand()
    out = [r for r in records if r["kind"] == "failed"]
    failed = {r["stem"] for r in out}
    for stem, text, _ in articles:
        if stem in failed:
            continue
        rebuilt = [Quote(r["text"], r["start"], r["end"], r["speaker"], r["speaker_kind"],
                         tuple(r["span"]) if r["span"] else None, r["cue"], r["partial"], r["guessed"],
                         r["evidence"], r["confidence"]) for r in stories.get(stem, [])]
        golds = gold.gold_quotes(SCRATCH, stem, text, hand)
        out.extend(_records(stem, text, rebuilt, quote_cells(rebuilt, text), golds))
    return out


def _folds(records: list[Record]) -> dict[str, int]:
    stems = sorted({r["stem"] for r in records})
    random.Random(FOLD_SEED).shuffle(stems)
    return {stem: n % FOLDS for n, stem in enumerate(stems)}


def _out_of_fold(records: list[Record], proven: frozenset[str] | None) -> dict[int, float | None]:
    """Each quote's confidence (by its record's id) from a table fitted on the other folds'
    articles; `proven` None chooses the proven pronoun cells on those folds alone too."""
    fold = _folds(records)
    out: dict[int, float | None] = {}
    for k in range(FOLDS):
        train = [r for r in records if fold[r["stem"]] != k]
        chosen = proven if proven is not None else proven_cells(train, show=False)
        table = fit_table(_samples(train), proven=chosen)
        for r in records:
            if r["kind"] == "quote" and fold[r["stem"]] == k:
                out[id(r)] = confidence_of(tuple(r["cells"]), table) if r["cells"] else None
    return out


def cross_validate(records: list[Record], proven: frozenset[str] = frozenset()) -> None:
    """Each quote's confidence from a table fitted on the other folds' articles (`cv_confidence`),
    and from a table whose proven pronoun cells were chosen on the other folds too
    (`nested_confidence`: choosing them reads every article, so `cv_confidence` flatters them)."""
    weigh(records)
    for key, chosen in (("cv_confidence", proven), ("nested_confidence", None)):
        found = _out_of_fold(records, chosen)
        for r in records:
            if id(r) in found:
                r[key] = found[id(r)]


def proven_cells(records: list[Record], show: bool = True) -> frozenset[str]:
    """The pronoun cells whose quotes, scored out of fold without the pronoun ceiling, are right
    PROVEN of the time or more where they reach HIGH, on PROVEN_QUOTES quotes or more there: only
    those and the cells under them may rise above it."""
    everything = frozenset(k for r in records if r["kind"] == "quote" and r["cells"] for k in r["cells"])
    scored = _out_of_fold(records, everything)
    proven = set()
    pronoun = [r for r in records if r["kind"] == "quote" and r["weight"] > 0 and r["cells"]
               and r["cells"][0] in PRONOUN_EVIDENCE]
    if show:
        print(f"pronoun cells of {PROVEN_QUOTES}+ quotes: quotes  weighted  accuracy  | cross-validated "
              f"without the ceiling: at >= {HIGH}  accuracy there")
    for key in sorted({k for r in pronoun for k in r["cells"]}):
        part = [r for r in pronoun if key in r["cells"]]
        high = [r for r in part if (scored[id(r)] or 0.0) >= HIGH]
        right = _total(high, True) / _total(high) if high else 0.0
        if len(high) >= PROVEN_QUOTES and right >= PROVEN:
            proven.add(key)
        if show and len(part) >= PROVEN_QUOTES:
            mark = "  proven" if key in proven else ""
            print(f"  {key:72} {len(part):5}  {_total(part):8.0f}  {_total(part, True) / _total(part):.3f}"
                  f"     {len(high):5}  {right:.3f}{mark}")
    return frozenset(proven)


def fit(records: list[Record], path: Path = TABLE_PATH) -> dict[str, Any]:
    """Refit the confidence table from this run's judged quotes (checks.quotes.confidence.fit_table)."""
    weigh(records)
    proven = proven_cells(records)
    samples = _samples(records)
    note = (f"PolNeAR train, bench/polnear.py --fit: {len(samples)} quotes with a known gold speaker "
            "(pronoun sources: the hand-resolved sample, weighted)")
    table = fit_table(samples, note, proven)
    path.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="N articles spread over train (default all)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (each loads spaCy once)")
    parser.add_argument("--fit", action="store_true", help=f"refit {TABLE_PATH.name} from this run")
    parser.add_argument("--fit-to", type=Path, default=TABLE_PATH,
                        help=f"where --fit writes the table (default the shipped {TABLE_PATH.name})")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong speakers with context")
    parser.add_argument("--records", type=Path, default=SCRATCH / "records.jsonl", help="where records go")
    parser.add_argument("--from-records", type=Path, default=None, help="read records instead of checking")
    parser.add_argument("--recoref", action="store_true", help="re-read the CoreNLP antecedents")
    parser.add_argument("--hand-sample", type=int, default=0, help="write N pronoun quotes to resolve")
    args = parser.parse_args()
    if not (SCRATCH / "metadata.tsv").exists():
        print(f"extracting {gold.PARTITION} to {SCRATCH} ...", flush=True)
        print(f"{gold.extract(MIRROR, SCRATCH)} articles")
    if args.recoref:
        gold.recoref(MIRROR, SCRATCH)
    articles = gold.load_articles(SCRATCH, args.limit)
    if args.from_records:
        records = [json.loads(line) for line in args.from_records.read_text(encoding="utf-8").splitlines()]
    else:
        records = _run(articles, args.jobs)
        with args.records.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r) + "\n" for r in records)
    failed = [r["stem"] for r in records if r["kind"] == "failed"]
    print(f"{len(articles)} articles of PolNeAR train" + (f"; {len(failed)} failed to check and are left out"
                                                            if failed else ""))
    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    if args.from_records:
        rejudged = rejudge(records, articles)
        if rejudged is None:
            print("records written before speaker spans were kept: the stored gold and cells are used")
        records = rejudged or records
    if args.fit:
        table = fit(records, args.fit_to)
        print("calibration map (cells' share -> probability, out of fold): "
              + ", ".join(f"{lo:.3f}->{p:.3f}" for lo, p in table["calibration"]))
        print(f"fitted {args.fit_to} (in-sample figures below); pronoun cells allowed "
              f"above {HIGH} (cross-validated accuracy >= {PROVEN}): {', '.join(table['proven']) or 'none'}")
    for r in records:  # the figures below are those of the table as it is now
        if r["kind"] == "quote" and r["cells"]:
            r["confidence"] = confidence_of(tuple(r["cells"]), table)
    proven = frozenset(table.get("proven", ()))
    if all(r.get("cells") is not None or r.get("speaker") is None for r in records if r["kind"] == "quote"):
        cross_validate(records, proven)
    report(records)
    _errors(records, args.errors)
    if args.hand_sample:
        _hand_sample(articles, args.hand_sample)
    return 0


def _errors(records: list[Record], limit: int) -> None:
    wrong = [r for r in records if r["kind"] == "quote" and r["right"] is False][:limit]
    for r in wrong:
        print(f"\n-- {r['stem']} {r['start']}: ours {r['speaker']!r} ({r['evidence']}, {r['confidence']}) "
              f"gold {r['gold_source']!r} -> {r['gold_resolved']!r} [{r['gold_how']}]")
        print("   " + " ".join(str(r["context"]).split()))


def _hand_sample(articles: list[tuple[str, str, str | None]], limit: int) -> None:
    """A seeded random sample of third-person pronoun sources, with the text before them."""
    rows = []
    for stem, text, _ in articles:
        for g in gold.gold_quotes(SCRATCH, stem, text, {}):
            if g.how in ("corenlp", "unknown") and (g.source or "").lower() not in gold.FIRST_PERSON:
                s = g.source_span[0] if g.source_span else g.start
                ctx = " ".join(text[max(0, s - 900):s].split()) + " [[" + str(g.source) + "]] " + \
                    " ".join(text[s + len(g.source or ""):max(s, g.end) + 1].split())[:300]
                rows.append(f"{stem}:{g.start}\t{ctx}\n")
    drawn = random.Random(HAND_SEED).sample(rows, min(limit, len(rows)))
    hand = _load_hand()
    picked = [row for row in drawn if row.split("\t", 1)[0] not in hand]
    (SCRATCH / "pronouns_todo.tsv").write_text("".join(picked), encoding="utf-8")
    print(f"wrote {len(picked)} of {len(rows)} pronoun quotes to {SCRATCH / 'pronouns_todo.tsv'} "
          f"({len(drawn) - len(picked)} drawn are resolved already)")


if __name__ == "__main__":
    sys.exit(main())
