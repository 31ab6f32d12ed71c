"""Values that need no reference time: seasons and quarters with their year, decades, centuries."""

from __future__ import annotations

import datetime as dt

from ..models import DateKind
from .grammar import Candidate
from .timex import SEASONS, Anchor, month_number, number_value

__all__ = ["Resolved", "century", "decade", "half", "quarter", "season_year", "spelled_year"]

Resolved = tuple[str | None, DateKind, Anchor | None]
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def season_year(cand: Candidate, ctx: object = None) -> Resolved:
    """'summer 2019' -> 2019-SU. Its year is the story's year from then on, as a written year is:
    "arrived in the summer of 1959 ... no one else at the time" is 1959."""
    year = int(cand.parts["year"])
    value = f"{year:04d}-{SEASONS[cand.parts['season'].lower()]}"
    return value, "absolute", Anchor(dt.date(year, 1, 1), "year")


def quarter(cand: Candidate, ctx: object = None) -> Resolved:
    """'the third quarter of 2025', 'Q3 2025' -> 2025-Q3."""
    q = cand.parts.get("q") or str(_ORDINALS[cand.parts["ord"].lower()])
    return f"{int(cand.parts['year']):04d}-Q{q}", "absolute", None


def half(cand: Candidate, ctx: object = None) -> Resolved:
    """'the first half of 2025', 'the last half of 2025', 'H2 2025', 'the first two quarters of 2025'
    -> 2025-H1, 2025-H2, 2025-H1."""
    p = cand.parts
    number = p.get("h") or ("1" if p["ord"].lower() == "first" else "2")
    return f"{int(p.get('year') or p['year2']):04d}-H{number}", "absolute", None


def decade(cand: Candidate, ctx: object = None) -> Resolved:
    """'the 1990s' -> 199X; "the '80s" and 'the eighties' -> 198X ('00s to '20s: this century).
    'The 1800s' is the century, as in 'the late 1800s' (TIMEX3 18, as 'the 19th century'), not the
    years 1800-1809; 'the 2000s' stays the decade 2000-2009, as news mostly means it."""
    p = cand.parts
    if "dec" in p:
        if p["dec"].endswith("0") and not p["dec"].startswith("20"):
            return p["dec"][:2], "absolute", None
        return f"{p['dec']}X", "absolute", None
    if "dec2" in p:
        century_digits = "20" if p["dec2"] in "012" else "19"
        return f"{century_digits}{p['dec2']}X", "absolute", None
    return f"19{_DECADE_WORDS.index(p['word'].lower()) + 2}X", "absolute", None


def century(cand: Candidate, ctx: object = None) -> Resolved:
    """'the 19th century', 'an 11th-century temple' -> 18, 10 (TIMEX3 writes the hundreds)."""
    number = cand.parts.get("ord") or cand.parts["ord2"]
    return f"{int(number) - 1:02d}", "absolute", None


def spelled_year(cand: Candidate, ctx: object = None) -> Resolved | None:
    """'nineteen ninety-six' -> 1996, 'January nineteen ninety-seven' -> 1997-01, 'the winter of
    nineteen ninety-four' -> 1994-WI, 'the year two thousand' -> 2000."""
    p = cand.parts
    hundreds = {"nineteen": 1900, "twenty": 2000, "two": 2000}[p["hi"].lower()]
    words = p.get("lo", "").lower().replace("-", " ").split()
    tens = _TENS.get(words[0], 0) if words else 0
    ones = number_value(words[-1]) if words and words[-1] not in _TENS and words[-1] != "oh" else 0
    if ones is None:
        return None
    year = hundreds + tens + ones
    if "season" in p:
        return f"{year:04d}-{SEASONS[p['season'].lower()]}", "absolute", None
    month = month_number(p["mon"]) if "mon" in p else None
    if month is not None:
        return f"{year:04d}-{month:02d}", "absolute", Anchor(dt.date(year, month, 1), "month")
    return f"{year:04d}", "absolute", Anchor(dt.date(year, 1, 1), "year")
