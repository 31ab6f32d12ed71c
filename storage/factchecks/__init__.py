"""Published fact-checks: an upsert by review URL per scope, and BM25 search over an index the database keeps.

    store = FactCheckStore(engine_for(url))          # after storage.db.upgrade
    store.import_reviews(feed.reviews, None)         # the shared corpus every workspace sees
    store.index("T024").search("Canada taxes US milk at 270%", 20)   # shared rows + T024's own

Both databases index the same analysed terms (`analyse`: lowercased, diacritics and stop words
dropped, a light suffix stemmer), each term once for the claim and once for its review's title
(a claim is a sentence: a word repeated within it is rare and says little; one that both wordings
use is the claim's core), so a review's Okapi BM25 score (k1 1.2, b 0.75, FTS5's idf) is the idf of
the query terms it holds once or twice times one factor each, and both databases compute it alike.
The work of a search is bounded whatever the corpus holds: the index (FTS5, or GIN) gives candidates
that hold one of the query's rarest terms, or two of them together once even the rarest is common,
up to POSTINGS_BUDGET claims expected (see _plan); only those are scored, by all the query's terms.
A check's sentences are searched in one SQL statement (SqlFactCheckIndex.search_many).
"""

from checks import analyse, search_terms

from .schema import fact_check_terms, fact_checks
from .search import POSTINGS_BUDGET, SqlFactCheckIndex
from .store import FactCheckStore, ImportSummary, reindex

__all__ = ["POSTINGS_BUDGET", "FactCheckStore", "ImportSummary", "SqlFactCheckIndex", "analyse",
           "fact_check_terms", "fact_checks", "reindex", "search_terms"]
