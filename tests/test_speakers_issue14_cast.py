"""Real-page leftovers of issue 14 (helper 101): who is who in the cast, and a few attribution forms.

A label with the party and state after the name (`Rep. Tom Harlan (R-S.C.):“…”`) is the person's, as
`Reid: “…”` is. Every text is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def test_a_label_with_party_and_state_names_the_speaker(quotes_in: Quotes) -> None:
    text = ("Several lawmakers reacted on Twitter.\n\n"
            "Rep. Tom Harlan (R-S.C.):\"This is a disgrace to the House.\"\n\n"
            "Rep. Ana Ruiz (D-Calif.): \"We must act now.\"")
    quotes = quotes_in(text)
    assert only(quotes, "disgrace").speaker == "Tom Harlan"
    assert only(quotes, "act now").speaker == "Ana Ruiz"


def test_a_parenthesis_that_is_not_a_short_label_names_nobody(quotes_in: Quotes) -> None:
    text = ("The memo was leaked on Friday.\n\n"
            "Its last line (which several aides in the office had asked the lawyers to remove before it went "
            "out): \"We will not comply.\"")
    assert only(quotes_in(text), "not comply").speaker is None

