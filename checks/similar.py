"""Similar articles: near-duplicate fingerprints and shared quotes."""

from __future__ import annotations

from typing import Protocol

from .models import Quote, Similar

__all__ = ["Corpus", "find_similar"]


class Corpus(Protocol):
    """Where earlier articles are looked up; storage implements it."""


def find_similar(text: str, quotes: tuple[Quote, ...], corpus: Corpus) -> tuple[Similar, ...]:
    return ()
