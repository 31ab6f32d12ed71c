"""Picking one quote or one named source out of what the engine found, for the quote tests."""

from __future__ import annotations

from checks.models import NamedSource, Quote, Sources


def only(quotes: tuple[Quote, ...], contains: str) -> Quote:
    """The one quote whose text holds `contains` (the test fails if none or several do)."""
    hits = [q for q in quotes if contains in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0]


def named(sources: Sources, name: str) -> NamedSource:
    """The one named source whose name holds `name` (the test fails if none or several do)."""
    hits = [s for s in sources.named if name in s.name]
    assert len(hits) == 1, [(s.name, s.kind) for s in sources.named]
    return hits[0]
