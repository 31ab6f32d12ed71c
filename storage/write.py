"""Writing items: the row, its URLs, its quotes and its fingerprints, inside the caller's transaction.

A new item is inserted; an item whose article changed is rewritten in place by the same path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from checks.models import Report
from checks.similar import Fingerprint, fingerprint

from .models import BandKey, Item, ItemUrl, QuoteKey, QuoteRow, QuoteShingle, utcnow

__all__ = ["NewItem", "insert_items", "replace_version", "signature_bytes", "signature_from_bytes"]


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
    def urls(self) -> list[str]:
        found = [self.report.input.url, self.report.article.canonical_url]
        return list(dict.fromkeys(u for u in found if u))


def signature_bytes(signature: Sequence[int]) -> bytes:
    return np.asarray(signature, dtype=np.uint32).tobytes()


def signature_from_bytes(raw: bytes) -> tuple[int, ...]:
    return tuple(int(v) for v in np.frombuffer(raw, dtype=np.uint32))


def insert_items(session: Session, items: Sequence[NewItem]) -> list[int]:
    """Insert many items in few statements (executemany); returns their ids in order."""
    if not items:
        return []
    prints = [fingerprint(item.text, item.report.quotes) for item in items]
    rows = [_item_row(item, fp) for item, fp in zip(items, prints, strict=True)]
    ids = list(session.scalars(insert(Item).returning(Item.id, sort_by_parameter_order=True), rows))
    _insert_parts(session, [(item_id, item, fp, item.urls)
                            for item_id, item, fp in zip(ids, items, prints, strict=True)])
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
    known = set(session.scalars(select(ItemUrl.url).where(ItemUrl.workspace == item.workspace,
                                                          ItemUrl.url.in_(item.urls))))
    _insert_parts(session, [(item_id, item, fp, [u for u in item.urls if u not in known])])


def _insert_parts(session: Session, parts: Sequence[tuple[int, NewItem, Fingerprint, Sequence[str]]]) -> None:
    """Each item's given URLs, its quotes and its fingerprint postings, one executemany per table."""
    urls, quotes, bands, keys, shingles = [], [], [], [], []
    for item_id, item, fp, item_urls in parts:
        ws = item.workspace
        urls += [{"workspace": ws, "url": u, "item_id": item_id} for u in item_urls]
        quotes += [{"item_id": item_id, "position": n, "text": q.text, "speaker": q.speaker,
                    "speaker_kind": q.speaker_kind, "start_offset": q.start, "end_offset": q.end}
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
    article = item.report.article
    return {
        "workspace": item.workspace, "sha256": item.sha256, "seed": item.seed,
        "url": item.report.input.url, "canonical_url": article.canonical_url,
        "title": article.title, "site": article.site, "author": article.author,
        "published": article.published, "text": item.text,
        "report": item.report.to_dict(), "report_schema": item.report.schema,
        "signature": signature_bytes(fp.signature), "created_at": utcnow(),
    }
