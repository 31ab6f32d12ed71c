"""Who `he said` and `she said` stand for on PolNeAR `train` (issue 14, session 14).

Every text is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def test_a_his_after_another_person_named_before_the_subject_says_nothing_of_the_subject(
        quotes_in: Quotes) -> None:
    # `his plan` is Lund's: it must not make Priya Castell a man, so `she` still finds her
    text = ("Victor Lund wants a ferry tax, while Priya Castell has slammed his plan.\n\n"
            "At the pier on Monday, Castell spoke about the ferry.\n\n"
            "“The tax would empty the harbour,” she said.")
    assert only(quotes_in(text), "empty the harbour").speaker == "Priya Castell"

