"""Named and anonymous sources: to whom the article attributes statements."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Quote, Sources

__all__ = ["find_sources"]


def find_sources(doc: Doc, quotes: tuple[Quote, ...]) -> Sources:
    return Sources()
