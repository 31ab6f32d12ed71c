"""From an article's text to a Report: the one place the extraction steps meet."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.attrs import IS_ALPHA, LIKE_NUM
from spacy.tokens import Doc

from . import signals
from .dates import find_dates, split_vague
from .errors import CheckError
from .guard import MAX_CHARS, validate_text
from .models import Article, InputInfo, Report, Signal
from .nlp import BATCH_TEXTS, checking, parse
from .quotes import find_quotes, find_sources
from .quotes.confidence import apply_confidence

if TYPE_CHECKING:
    from .factchecks.match import FactCheckIndex

__all__ = ["by_severity", "check_many", "check_text", "report_from_doc"]

# Texts checked together: large enough to amortise spaCy's batching, small enough that a
# long --jsonl stream starts answering at once (checks.nlp.parse also bounds the characters).

# Signals are listed most severe first; a severity this table does not know goes last.
_SEVERITY_RANK = {"warn": 0, "info": 1}

_Pending = tuple[str, dt.date | None, CheckError | None]  # a text, its date, and why it can't be checked


def check_text(
    text: str,
    published: dt.date | None = None,
    *,
    article: Article | None = None,
    input: InputInfo | None = None,
    max_chars: int = MAX_CHARS,
    fact_checks: FactCheckIndex | None = None,
) -> Report:
    """Check an article's text. `published` anchors relative dates ("on Tuesday").

    `article` carries metadata a fetcher found (title, site, author). `fact_checks` is the
    published fact-checks to match the story's claims against (storage keeps them; None: no
    matching). Similar articles are not looked up here: they need the history, so
    bot/service.py adds them with checks.similar.find_similar and a storage-backed Corpus.
    """
    validate_text(text, max_chars)
    with checking() as nlp:
        return report_from_doc(next(parse([text], nlp)), text, published, article=article, input=input,
                               fact_checks=fact_checks)


def check_many(
    texts: Iterable[tuple[str, dt.date | None]], *, max_chars: int = MAX_CHARS
) -> Iterator[Report | CheckError]:
    """Check many (text, published) pairs through one nlp.pipe, in order.

    A text that cannot be checked yields its CheckError instead of a Report, so one bad
    item never stops a batch.
    """
    pending: list[_Pending] = []
    for text, published in texts:
        try:
            validate_text(text, max_chars)
            pending.append((text, published, None))
        except CheckError as exc:
            pending.append((text, published, exc))
        if len(pending) == BATCH_TEXTS:
            yield from _check_batch(pending)
            pending = []
    yield from _check_batch(pending)


def _check_batch(pending: list[_Pending]) -> Iterator[Report | CheckError]:
    with checking() as nlp:
        docs = parse((text for text, _, error in pending if error is None), nlp)
        reports = [error if error is not None else report_from_doc(next(docs), text, published)
                   for text, published, error in pending]
    yield from reports  # after the zone: a consumer that stops early never holds it open


def report_from_doc(
    doc: Doc,
    text: str,
    published: dt.date | None = None,
    *,
    article: Article | None = None,
    input: InputInfo | None = None,
    fact_checks: FactCheckIndex | None = None,
) -> Report:
    """The report on a parsed article. `text` is `doc.text`, handed down so that no pass
    rebuilds it from the tokens (that costs a pass over the whole Doc each time)."""
    found_quotes = apply_confidence(find_quotes(doc, text), text)
    meta = article or Article()
    meta = dataclasses.replace(
        meta,
        title=meta.title or _headline(text),
        published=published or meta.published,
        words=_words(doc),
        language=meta.language or "en",
    )
    dates, vague_dates = split_vague(find_dates(doc, meta.published, text=text, updated=meta.updated))
    report = Report(
        input=input or InputInfo(kind="text", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()),
        article=meta,
        quotes=found_quotes,
        sources=find_sources(doc, found_quotes, text=text),
        dates=dates,
        vague_dates=vague_dates,
    )
    report = dataclasses.replace(report, signals=by_severity(signals.find_signals(report, text)))
    if fact_checks is None:
        return report
    # Imported here: a check without fact-checks never loads the matcher or its embedding model.
    from .factchecks.match import claim_sentences, match_fact_checks

    matched = match_fact_checks(claim_sentences(doc, report), fact_checks)
    return dataclasses.replace(report, fact_checks=matched)


def by_severity(found: Iterable[Signal]) -> tuple[Signal, ...]:
    """Warnings before notes, then in text order: the one real warning of a long story must not
    sit seventh of eleven. Every surface shows signals in this order, so it is set once, here."""
    return tuple(sorted(found, key=lambda s: (_SEVERITY_RANK.get(s.severity, len(_SEVERITY_RANK)),
                                              -1 if s.start is None else s.start, s.code)))


def _words(doc: Doc) -> int:
    """Tokens that are words or numbers, counted in spaCy's own array: walking the Doc would build a
    Python Token for each."""
    if not len(doc):
        return 0
    return int(doc.to_array([IS_ALPHA, LIKE_NUM]).any(axis=1).sum())


def _headline(text: str) -> str | None:
    """A pasted article usually starts with its headline: a short first line without a full stop."""
    first = text.strip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 200 and not first.endswith((".", ":", ";")):
        return first
    return None
