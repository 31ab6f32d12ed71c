"""Temporal expressions, normalised to TimeML TIMEX3 values."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .models import DateMention

__all__ = ["find_dates"]


def find_dates(doc: Doc, published: dt.date | None) -> tuple[DateMention, ...]:
    return ()
