"""What a publisher's edit did to an article's quotes, for the desk re-checking a changed link."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .similar import normalise

__all__ = ["quote_changes"]


def quote_changes(earlier: Sequence[str], now: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(removed, added): the quotes only the earlier version has, then the ones only the new one has.

    Compared as `similar.normalise` folds them, so a curly quote straightened, a comma moved or
    "do not" spelled "don't" is the same quote, not one removed and one added.
    """
    return _missing(earlier, _keys(now)), _missing(now, _keys(earlier))


def _key(text: str) -> str:
    # a quote with no words at all ("…") still compares by its own characters
    return normalise(text) or " ".join(text.split())


def _keys(quotes: Iterable[str]) -> set[str]:
    return {_key(q) for q in quotes}


def _missing(quotes: Sequence[str], present: set[str]) -> tuple[str, ...]:
    """`quotes` not in `present`, in their order, a quote repeated in the article listed once."""
    out: dict[str, str] = {}
    for quote in quotes:
        key = _key(quote)
        if key not in present:
            out.setdefault(key, quote)
    return tuple(out.values())
