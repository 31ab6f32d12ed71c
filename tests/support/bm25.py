"""Okapi BM25 written out plainly, to check the store's search score against (issue 15)."""

from __future__ import annotations

import math

from storage.factchecks import analyse
from storage.factchecks.search import K1, B


def okapi(query: str, terms: list[str], documents: list[list[str]]) -> float:
    """The BM25 score of the document `terms` for `query` among `documents` (each a term list, a
    term held twice counted twice, as the store indexes a word the claim and its title share)."""
    avgdl = sum(map(len, documents)) / len(documents)
    total = 0.0
    for term in dict.fromkeys(analyse(query)):
        df = sum(term in doc for doc in documents)
        if df and terms.count(term):
            idf = max(1e-6, math.log((len(documents) - df + 0.5) / (df + 0.5)))
            held = terms.count(term)
            total += idf * held * (K1 + 1) / (held + K1 * (1 - B + B * len(terms) / avgdl))
    return total
