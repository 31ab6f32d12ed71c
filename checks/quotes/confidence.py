"""How far to trust a quote's speaker: `speaker_confidence`, a calibrated probability.

Each attributed quote falls in a *cell*: how its speaker was found (`speaker_evidence`: a
name at the cue, a pronoun whose gender agrees, a carried-over speaker…) refined by two
plain features, how far the speaker's words are from the quote and whether the quote is a
whole statement, a fragment inside the story's sentence, or a document's words. (The number
of people named just before the quote was tried too: on PolNeAR train it did not separate
right speakers from wrong ones.) The probability of a cell is the share of right speakers among
PolNeAR `train` quotes in the same cell (Newell et al. 2018), smoothed towards its coarser
cell (evidence alone, then all quotes) so a rare cell borrows from its parent instead of
swinging on a handful of cases: histogram binning, the simplest calibration that stays
explainable (Zadrozny and Elkan 2001). The table is fitted by `bench/polnear.py --fit` and
ships as `confidence.json` next to this module.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..models import Quote

__all__ = ["MIN_CELL", "SMOOTHING", "TABLE_PATH", "Sample", "apply_confidence", "cell_keys", "confidence_of",
           "fit_table", "load_table", "quote_cells"]

TABLE_PATH = Path(__file__).with_name("confidence.json")
# A cell needs this many fitted quotes to speak for itself; below it, its parent does.
MIN_CELL = 25
# Pseudo-quotes that pull a cell's share of right speakers towards its parent cell's share.
SMOOTHING = 8.0
# Characters between the quote and its speaker's words: touching (`…,” Ruiz said`), within a
# sentence or two, or farther (a speaker carried over paragraphs).
NEAR_CHARS = (40, 250)
GAP_NAMES = ("touching", "near", "far")
# What is quoted: a whole statement, a fragment inside the story's own sentence (more often
# given to the wrong person), or words a document said (`the statement read`).
SHAPE_NAMES = ("whole", "fragment", "document")


class Sample(NamedTuple):
    """One fitted quote: its cells, whether its speaker was right, and what it stands for (a
    hand-resolved pronoun quote stands for every pronoun quote of its kind)."""

    cells: tuple[str, ...]
    right: bool
    weight: float = 1.0


def _gap(quote: Quote) -> str:
    if quote.speaker_span is None:
        return GAP_NAMES[-1]
    start, end = quote.speaker_span
    gap = max(0, start - quote.end, quote.start - end)
    return GAP_NAMES[bisect.bisect_left(NEAR_CHARS, gap)]


def _shape(quote: Quote) -> str:
    """A whole quotation, a fragment inside a sentence, or words given to a document."""
    if quote.speaker_kind == "unresolved":
        return SHAPE_NAMES[2]
    return SHAPE_NAMES[1] if quote.partial else SHAPE_NAMES[0]


def cell_keys(evidence: str, gap: str, shape: str) -> tuple[str, str, str]:
    """A quote's cells, coarsest first: its evidence, then with the gap, then with the shape."""
    return evidence, f"{evidence}|{gap}", f"{evidence}|{gap}|{shape}"


def quote_cells(quotes: Sequence[Quote]) -> list[tuple[str, str, str] | None]:
    """The cells of each quote (None for a quote without a speaker)."""
    return [None if q.speaker is None else cell_keys(q.speaker_evidence or "unknown", _gap(q), _shape(q))
            for q in quotes]


@functools.lru_cache(maxsize=1)
def load_table(path: Path = TABLE_PATH) -> Mapping[str, Any]:
    """The fitted table: {"prior": p, "cells": {key: {"n": count, "p": probability}}}."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"prior": 0.5, "cells": {}}
    return data


def confidence_of(cells: tuple[str, str, str], table: Mapping[str, Any]) -> float:
    """The probability of the finest cell fitted on MIN_CELL quotes or more."""
    found = float(table["prior"])
    for key in cells:
        cell = table["cells"].get(key)
        if cell is None or cell["n"] < MIN_CELL:
            break
        found = float(cell["p"])
    return round(found, 2)


def fit_table(samples: Sequence[Sample], note: str = "") -> dict[str, Any]:
    """The table for `samples`: per cell, how many quotes and the share of right speakers,
    smoothed towards the parent cell's share (the prior, for an evidence cell)."""
    total = sum(s.weight for s in samples)
    prior = sum(s.weight for s in samples if s.right) / total if total else 0.5
    counts: dict[str, list[float]] = {}
    for sample in samples:
        for key in sample.cells:
            weight, right, quotes = counts.setdefault(key, [0.0, 0.0, 0.0])
            counts[key] = [weight + sample.weight, right + sample.weight * sample.right, quotes + 1]
    cells: dict[str, dict[str, float]] = {}
    for key in sorted(counts, key=lambda k: k.count("|")):  # parents first
        parent = cells[key.rsplit("|", 1)[0]]["p"] if "|" in key else prior
        weight, right, quotes = counts[key]
        cells[key] = {"n": int(quotes), "p": round((right + SMOOTHING * parent) / (weight + SMOOTHING), 4)}
    return {"fitted_on": note, "min_cell": MIN_CELL, "smoothing": SMOOTHING, "prior": round(prior, 4),
            "cells": cells}


def _scored(quote: Quote, cells: tuple[str, str, str], table: Mapping[str, Any]) -> Quote:
    return dataclasses.replace(quote, speaker_confidence=confidence_of(cells, table))


def apply_confidence(quotes: Sequence[Quote], table: Mapping[str, Any] | None = None) -> tuple[Quote, ...]:
    """The quotes with `speaker_confidence` set (None where there is no speaker)."""
    table = table if table is not None else load_table()
    return tuple(q if cells is None else _scored(q, cells, table)
                 for q, cells in zip(quotes, quote_cells(quotes), strict=True))
