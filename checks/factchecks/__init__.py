"""Published fact-checks (schema.org ClaimReview): reading the feeds, matching a story against them.

Nothing heavy is imported here: the embedding model loads only when matching asks for it.
"""

from .claimreview import ClaimReview, ParsedFeed, parse_feed
from .match import FactCheckHit, FactCheckIndex, claim_sentences, match_fact_checks
from .terms import analyse, search_terms

__all__ = ["ClaimReview", "FactCheckHit", "FactCheckIndex", "ParsedFeed", "analyse", "claim_sentences",
           "match_fact_checks", "parse_feed", "search_terms"]
