"""Carried-over speakers that were confidently wrong on real pages (issue 14, session 19).

A quotation after a colon that closes a sentence about someone new (`Lowry, who …, had a similar
experience: “…”`) is that person's (a guess), not the last speaker's carried over. Every text here
is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]

_COLON = ("Director Tom Harper had a script with a hole where the big song should be.\n\n"
          "“I had faith that we could fix it, but it was worrying,” Harper said. “It kept me up.”\n\n"
          "Then a demo arrived from Nashville. “It grabbed me the moment I heard it,” he said. "
          "“It just connected.” Jessie Lowry, who phoned in from the set of “Northbound,” had a "
          "similar experience: “It was that feeling of ‘this is the one.’”")


def test_a_colon_after_a_sentence_about_someone_new_is_theirs_not_the_last_one(quotes_in: Quotes) -> None:
    q = only(quotes_in(_COLON), "this is the one")
    assert q.speaker == "Jessie Lowry"
    assert q.speaker_guessed and q.speaker_evidence == "name_nearby"  # a guess, held under 0.8


def test_a_colon_after_the_same_speaker_stays_theirs(quotes_in: Quotes) -> None:
    text = ("Director Tom Harper had a script with a hole where the big song should be.\n\n"
            "“I had faith that we could fix it, but it was worrying,” Harper said. Harper had the "
            "same feeling about the next demo: “It grabbed me the moment I heard it.”")
    q = only(quotes_in(text), "grabbed me")
    assert q.speaker == "Tom Harper"
