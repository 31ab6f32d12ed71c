"""Why a text cannot be checked. Every message is one line a reporter understands.

CheckError
 ├── NoPipeline       no trained English spaCy pipeline is installed
 ├── UncheckableText  the input itself cannot be checked
 │    ├── EmptyText
 │    ├── NotText      binary data (a PDF, an image) pasted or piped in
 │    ├── TooLong
 │    └── NotEnglish
 ├── FetchError       a link could not be fetched or read (see checks.fetch)
 └── NotAFactCheckFeed  a fact-check import that is none of the ClaimReview formats (checks.factchecks)
"""

from __future__ import annotations

__all__ = ["CheckError", "EmptyText", "FetchError", "NoPipeline", "NotAFactCheckFeed", "NotEnglish",
           "NotText", "TooLong", "UncheckableText"]


class CheckError(Exception):
    """Base class: str(error) is the one-line message shown to the user."""


class NoPipeline(CheckError):
    pass


class UncheckableText(CheckError):
    pass


class EmptyText(UncheckableText):
    pass


class NotText(UncheckableText):
    pass


class TooLong(UncheckableText):
    pass


class NotEnglish(UncheckableText):
    """Raised with one message wherever the language is found out (a pasted text, a fetched page)."""

    def __init__(self, message: str = "this article does not look like English; deskcheck's checks "
                                      "only work on English text for now") -> None:
        super().__init__(message)


class FetchError(CheckError):
    pass


class NotAFactCheckFeed(CheckError):
    """The bytes are none of the fact-check formats deskcheck reads: nothing of them is stored."""
