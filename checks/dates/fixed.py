"""Values that need no reference time: seasons and quarters with their year, decades, centuries."""

from __future__ import annotations

from ..models import DateKind
from .grammar import Candidate
from .timex import SEASONS, Anchor

__all__ = ["Resolved", "century", "decade", "half", "quarter", "season_year"]

Resolved = tuple[str | None, DateKind, Anchor | None]
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def season_year(cand: Candidate, ctx: object = None) -> Resolved:
    """'summer 2019' -> 2019-SU."""
    return f"{int(cand.parts['year']):04d}-{SEASONS[cand.parts['season'].lower()]}", "absolute", None


def quarter(cand: Candidate, ctx: object = None) -> Resolved:
    """'the third quarter of 2025', 'Q3 2025' -> 2025-Q3."""
    q = cand.parts.get("q") or str(_ORDINALS[cand.parts["ord"].lower()])
    return f"{int(cand.parts['year']):04d}-Q{q}", "absolute", None


def half(cand: Candidate, ctx: object = None) -> Resolved:
    """'the first half of 2025', 'H2 2025' -> 2025-H1, 2025-H2."""
    p = cand.parts
    number = p.get("h") or ("1" if p["ord"].lower() == "first" else "2")
    return f"{int(p.get('year') or p['year2']):04d}-H{number}", "absolute", None


def decade(cand: Candidate, ctx: object = None) -> Resolved:
    """'the 1990s' -> 199X; "the '80s" and 'the eighties' -> 198X ('00s to '20s: this century)."""
    p = cand.parts
    if "dec" in p:
        return f"{p['dec']}X", "absolute", None
    if "dec2" in p:
        century_digits = "20" if p["dec2"] in "012" else "19"
        return f"{century_digits}{p['dec2']}X", "absolute", None
    return f"19{_DECADE_WORDS.index(p['word'].lower()) + 2}X", "absolute", None


def century(cand: Candidate, ctx: object = None) -> Resolved:
    """'the 19th century' -> 18 (TIMEX3 writes the hundreds)."""
    return f"{int(cand.parts['ord']) - 1:02d}", "absolute", None
