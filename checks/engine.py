"""From an article's text to a Report: the one place the extraction steps meet."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from . import dates, quotes, signals, similar, sources
from .guard import MAX_CHARS, validate_text
from .models import Article, InputInfo, Report
from .nlp import load_pipeline
from .similar import Corpus

__all__ = ["check_text"]


def check_text(
    text: str,
    published: dt.date | None = None,
    *,
    article: Article | None = None,
    input: InputInfo | None = None,
    corpus: Corpus | None = None,
    max_chars: int = MAX_CHARS,
) -> Report:
    """Check an article's text. `published` anchors relative dates ("on Tuesday").

    `article` carries metadata a fetcher found (title, site, author); `corpus` is where
    similar articles are looked up (storage implements it; None skips the lookup).
    """
    validate_text(text, max_chars)
    doc = load_pipeline()(text)
    found_quotes = quotes.find_quotes(doc)
    meta = article or Article()
    meta = dataclasses.replace(
        meta,
        title=meta.title or _headline(text),
        published=published or meta.published,
        words=sum(1 for t in doc if t.is_alpha or t.like_num),
        language=meta.language or "en",
    )
    report = Report(
        input=input or InputInfo(kind="text", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()),
        article=meta,
        quotes=found_quotes,
        sources=sources.find_sources(doc, found_quotes),
        dates=dates.find_dates(doc, meta.published),
    )
    report = dataclasses.replace(report, signals=signals.find_signals(report, text))
    if corpus is not None:
        report = dataclasses.replace(report, similar=similar.find_similar(text, report.quotes, corpus))
    return report


def _headline(text: str) -> str | None:
    """A pasted article usually starts with its headline: a short first line without a full stop."""
    first = text.strip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 200 and not first.endswith((".", ":", ";")):
        return first
    return None
