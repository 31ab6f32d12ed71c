"""deskcheck's checks engine: article text in, verification Report out.

This module is the front door: `bot/` and `storage/` import the engine from here and nowhere else
(tests/test_layering.py holds them to it). Inside, the engine's parts are subpackages:

- `checks.quotes`: quotation marks, attribution, speakers, sources;
- `checks.dates`: temporal expressions and their TIMEX3 values, date signals;
- `checks.links`: fetching a link safely and extracting its article (the only network code;
  the pure core never imports it);
- `checks.factchecks`: published fact-checks (ClaimReview) and matching a story's claims to them;

and at the top `engine` (the pipeline), `models` (the Report), `errors`, `guard` (what cannot be
checked), `nlp` (spaCy), `signals`, `similar` (near-duplicates and shared quotes), `edits` and
`sites`. It imports the standard library, spaCy, httpx, trafilatura and small text libraries, never
the chat adapters or the storage.

Names load on first use (PEP 562), so `from checks import Report` does not load spaCy, and a
text-only caller never loads httpx or trafilatura.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the lazy table below provides, for type checkers and readers
    from .edits import quote_changes
    from .engine import check_many, check_text
    from .errors import (
        CheckError,
        EmptyText,
        FetchError,
        NoPipeline,
        NotAFactCheckFeed,
        NotEnglish,
        NotText,
        TooLong,
        UncheckableText,
    )
    from .factchecks import (
        ClaimReview,
        FactCheckHit,
        FactCheckIndex,
        ParsedFeed,
        analyse,
        claim_sentences,
        match_fact_checks,
        parse_feed,
        search_terms,
    )
    from .guard import MAX_CHARS, DecodedText, decode_input, decode_text, validate_text
    from .links import (
        ExtractedArticle,
        FetchLimits,
        FetchTimeout,
        NoArticleText,
        Page,
        PrivateAddress,
        extract_article,
        fetch_feed,
        fetch_page,
        read_link,
    )
    from .models import (
        DESK_STATUS_LABELS,
        DESK_STATUSES,
        SCHEMA,
        AnonymousSource,
        Article,
        ClaimSentence,
        DateMention,
        FactCheck,
        History,
        HistoryStatus,
        InputInfo,
        NamedSource,
        Quote,
        Report,
        SharedQuote,
        Signal,
        Similar,
        Sources,
    )
    from .nlp import load_pipeline
    from .similar import (
        BANDS,
        Candidate,
        Corpus,
        Fingerprint,
        QuoteSentence,
        StoredQuote,
        find_similar,
        fingerprint,
        match_quotes,
        quote_sentences,
    )
    from .sites import registrable_domain, same_site

_LAZY: dict[str, str] = {
    **dict.fromkeys(["quote_changes"], ".edits"),
    **dict.fromkeys(["check_many", "check_text"], ".engine"),
    **dict.fromkeys(["CheckError", "EmptyText", "FetchError", "NoPipeline", "NotAFactCheckFeed",
                     "NotEnglish", "NotText", "TooLong", "UncheckableText"], ".errors"),
    **dict.fromkeys(["ClaimReview", "FactCheckHit", "FactCheckIndex", "ParsedFeed", "analyse",
                     "claim_sentences", "match_fact_checks", "parse_feed", "search_terms"], ".factchecks"),
    **dict.fromkeys(["MAX_CHARS", "DecodedText", "decode_input", "decode_text", "validate_text"], ".guard"),
    **dict.fromkeys(["ExtractedArticle", "FetchLimits", "FetchTimeout", "NoArticleText", "Page",
                     "PrivateAddress", "extract_article", "fetch_feed", "fetch_page", "parse_networks",
                     "read_link"],
                    ".links"),
    **dict.fromkeys(["DESK_STATUS_LABELS", "DESK_STATUSES", "SCHEMA", "AnonymousSource", "Article",
                     "ClaimSentence", "DateMention", "FactCheck",
                     "History", "HistoryStatus", "InputInfo", "NamedSource", "Quote", "Report",
                     "SharedQuote", "Signal", "Similar", "Sources"], ".models"),
    **dict.fromkeys(["load_pipeline"], ".nlp"),
    **dict.fromkeys(["BANDS", "Candidate", "Corpus", "Fingerprint", "QuoteSentence", "StoredQuote",
                     "find_similar", "fingerprint", "match_quotes", "quote_sentences"], ".similar"),
    **dict.fromkeys(["registrable_domain", "same_site"], ".sites"),
}

# The front door, spelled out; tests/test_layering.py holds it equal to the table above.
__all__ = [
    "BANDS",
    "DESK_STATUSES",
    "DESK_STATUS_LABELS",
    "MAX_CHARS",
    "SCHEMA",
    "AnonymousSource",
    "Article",
    "Candidate",
    "CheckError",
    "ClaimReview",
    "ClaimSentence",
    "Corpus",
    "DateMention",
    "DecodedText",
    "EmptyText",
    "ExtractedArticle",
    "FactCheck",
    "FactCheckHit",
    "FactCheckIndex",
    "FetchError",
    "FetchLimits",
    "FetchTimeout",
    "Fingerprint",
    "History",
    "HistoryStatus",
    "InputInfo",
    "NamedSource",
    "NoArticleText",
    "NoPipeline",
    "NotAFactCheckFeed",
    "NotEnglish",
    "NotText",
    "Page",
    "ParsedFeed",
    "PrivateAddress",
    "Quote",
    "QuoteSentence",
    "Report",
    "SharedQuote",
    "Signal",
    "Similar",
    "Sources",
    "StoredQuote",
    "TooLong",
    "UncheckableText",
    "analyse",
    "check_many",
    "check_text",
    "claim_sentences",
    "decode_input",
    "decode_text",
    "extract_article",
    "fetch_feed",
    "fetch_page",
    "find_similar",
    "fingerprint",
    "load_pipeline",
    "match_fact_checks",
    "match_quotes",
    "parse_feed",
    "parse_networks",
    "quote_changes",
    "quote_sentences",
    "read_link",
    "registrable_domain",
    "same_site",
    "search_terms",
    "validate_text",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'checks' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
