"""Direct quotations and who said them."""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Quote

__all__ = ["find_quotes"]


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    return ()
