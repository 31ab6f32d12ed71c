"""Writing items: the row, its URLs, its quotes and its fingerprints, inside the caller's transaction.

A new item is inserted; an item whose article changed is rewritten in place by the same path.
What a page put in its text or metadata never keeps a check out of the history: NUL characters
(which PostgreSQL refuses in text and jsonb) become U+FFFD, and values wider than their column
are cut to it (storage/models.py names the widths).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from checks import Fingerprint, Report, fingerprint, same_site

from .models import (
    AUTHOR_MAX,
    REPORT_SCHEMA_MAX,
    SITE_MAX,
    SPEAKER_KIND_MAX,
    BandKey,
    Item,
    ItemUrl,
    QuoteKey,
    QuoteRow,
    QuoteShingle,
    utcnow,
    workspace_key,
)

__all__ = ["NewItem", "clean", "fit", "insert_items", "replace_version", "signature_bytes",
           "signature_from_bytes"]

_NUL = "\x00"
_STAND_IN = "\ufffd"  # one character for one: the quotes' offsets into the text stay right
_CUT = "\u2026"


def clean(value: str) -> str:
    """The text as stored: NUL characters replaced, everything else as it was."""
    return value.replace(_NUL, _STAND_IN) if _NUL in value else value


@overload
def fit(value: str, limit: int | None) -> str: ...
@overload
def fit(value: None, limit: int | None) -> None: ...
@overload
def fit(value: str | None, limit: int | None) -> str | None: ...
def fit(value: str | None, limit: int | None) -> str | None:
    """Cleaned and cut to `limit` characters (None: any length), an ellipsis marking a cut."""
    if value is None:
        return None
    value = clean(value)
    return value if limit is None or len(value) <= limit else value[:limit - 1] + _CUT


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(str(k)): _clean_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_json(v) for v in value]
    return value


@dataclass(frozen=True)
class NewItem:
    """An article to keep: everything else (hash, URLs, title, quotes) comes from its report."""

    workspace: str
    text: str
    report: Report
    seed: str | None = None

    @property
    def sha256(self) -> str:
        return self.report.input.sha256 or hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def canonical_url(self) -> str | None:
        """The page's canonical URL when the fetched URL's own site vouches for it.

        Any page may name any address as its canonical one; believed from another site, the
        claim would make the page a new version of another publisher's article.
        """
        canonical = self.report.article.canonical_url
        return clean(canonical) if canonical and same_site(canonical, self.report.input.url) else None

    @property
    def urls(self) -> list[str]:
        """The URLs that identify this item in its workspace: the fetched one, and the canonical one."""
        found = [fit(self.report.input.url, None), self.canonical_url]
        return list(dict.fromkeys(u for u in found if u))


def signature_bytes(signature: Sequence[int]) -> bytes:
    return np.asarray(signature, dtype=np.uint32).tobytes()


def signature_from_bytes(raw: bytes) -> tuple[int, ...]:
    return tuple(int(v) for v in np.frombuffer(raw, dtype=np.uint32))


def insert_items(session: Session, items: Sequence[NewItem], *,
                 taken_urls: Collection[str] = ()) -> list[int]:
    """Insert many items in few statements (executemany); returns their ids in order.

    `taken_urls`: addresses of this page that an item of another site already holds (a page
    stored before canonical URLs were checked against the fetched site); they stay with it.
    """
    if not items:
        return []
    prints = [fingerprint(item.text, item.report.quotes) for item in items]
    rows = [_item_row(item, fp) for item, fp in zip(items, prints, strict=True)]
    ids = list(session.scalars(insert(Item).returning(Item.id, sort_by_parameter_order=True), rows))
    urls = [[u for u in item.urls if u not in taken_urls] for item in items]
    _insert_parts(session, list(zip(ids, items, prints, urls, strict=True)))
    return ids


def replace_version(session: Session, item_id: int, item: NewItem) -> None:
    """The stored item takes `item`'s text and report: same id, so its check events stay its history.

    The earlier version's quotes and fingerprints go, or a similar-article search would still
    find words the publisher removed. URLs are only added: the old ones still lead to this item.
    """
    fp = fingerprint(item.text, item.report.quotes)
    row = _item_row(item, fp)
    for kept in ("workspace", "seed", "created_at"):
        del row[kept]
    session.execute(update(Item).where(Item.id == item_id).values(row))
    for model in (QuoteRow, BandKey, QuoteKey, QuoteShingle):
        session.execute(delete(model).where(model.item_id == item_id))
    # a URL the workspace already knows keeps its item: this one, or another that link led to before
    known = set(session.scalars(select(ItemUrl.url).where(ItemUrl.workspace == workspace_key(item.workspace),
                                                          ItemUrl.url.in_(item.urls))))
    _insert_parts(session, [(item_id, item, fp, [u for u in item.urls if u not in known])])


def _insert_parts(session: Session, parts: Sequence[tuple[int, NewItem, Fingerprint, Sequence[str]]]) -> None:
    """Each item's given URLs, its quotes and its fingerprint postings, one executemany per table."""
    urls, quotes, bands, keys, shingles = [], [], [], [], []
    for item_id, item, fp, item_urls in parts:
        ws = workspace_key(item.workspace)
        urls += [{"workspace": ws, "url": u, "item_id": item_id} for u in item_urls]
        quotes += [{"item_id": item_id, "position": n, "text": clean(q.text), "speaker": fit(q.speaker, None),
                    "speaker_kind": fit(q.speaker_kind, SPEAKER_KIND_MAX), "start_offset": q.start,
                    "end_offset": q.end}
                   for n, q in enumerate(item.report.quotes)]
        bands += [{"band": b, "key": k, "workspace": ws, "item_id": item_id} for b, k in enumerate(fp.bands)]
        keys += [{"key": k, "workspace": ws, "item_id": item_id} for k in fp.quote_keys]
        shingles += [{"key": k, "workspace": ws, "item_id": item_id} for k in fp.quote_shingles]
    connection = session.connection()  # Core executemany: the ORM's bulk path costs 3x more here
    for model, values in ((ItemUrl, urls), (QuoteRow, quotes), (BandKey, bands), (QuoteKey, keys),
                          (QuoteShingle, shingles)):
        if values:
            connection.execute(insert(model.__table__), values)  # type: ignore[arg-type]


def _item_row(item: NewItem, fp: Fingerprint) -> dict[str, Any]:
    article, report = item.report.article, item.report
    return {
        "workspace": workspace_key(item.workspace), "sha256": item.sha256, "seed": item.seed,
        "url": fit(report.input.url, None), "canonical_url": item.canonical_url,
        "title": fit(article.title, None), "site": fit(article.site, SITE_MAX),
        "author": fit(article.author, AUTHOR_MAX), "published": article.published,
        "text": clean(item.text), "report": _clean_json(report.to_dict()),
        "report_schema": fit(report.schema, REPORT_SCHEMA_MAX),
        "signature": signature_bytes(fp.signature), "created_at": utcnow(),
    }
