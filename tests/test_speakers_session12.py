"""Speakers on PolNeAR `train` that an editor would credit and we did not (issue 14, session 12).

A surname that is also an English modal (`“…,” Will wrote`, `“…,” May said`): the tagger reads it as
the modal, which made the quote look imagined (`fans may ask`) or left it without a speaker; a modal
never takes an inflected verb, so there it is the name. And a description set beside a name (`said
Mira Castell, the league's finance chief, who added that…`) is that person when a clause after it
picks the description up. Every text here is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def test_a_surname_read_as_a_modal_speaks_after_a_quote(quotes_in: Quotes) -> None:
    text = ("The columnist Harriet Will has never liked the mayor's budget.\n\n"
            "“This plan should embarrass every council member who votes for it,” Will wrote on Sunday. "
            "Will described the tax rise as a “quiet theft from renters.”")
    q = only(quotes_in(text), "embarrass every council")
    assert (q.speaker, q.speaker_evidence) == ("Harriet Will", "name_at_cue")
    assert only(quotes_in(text), "quiet theft").speaker == "Harriet Will"


def test_a_surname_read_as_a_modal_does_not_make_the_quote_imagined(quotes_in: Quotes) -> None:
    text = ("Premier Dora May opened the session at the harbour on Tuesday.\n\n"
            "“We will not sell the ferries,” May said. “Not this year and not next year.”")
    q = only(quotes_in(text), "sell the ferries")
    assert q.speaker == "Dora May"
    # a real modal still marks a line the writer imagines: nobody's quote
    imagined = "The council voted again on Tuesday. Residents may well ask: “Who pays for the ferries now?”"
    assert not [q for q in quotes_in(imagined) if "pays for" in q.text and q.speaker is not None]


def test_a_description_beside_a_name_is_that_person_in_a_who_clause(quotes_in: Quotes) -> None:
    text = ("The league is expanding.\n\n"
            "\"Early money sets the terms,\" said Mira Castell, the league's chief financial officer, "
            "who added that her office would focus on \"towns that never had a team.\"")
    q = only(quotes_in(text), "never had a team")
    assert (q.speaker, q.speaker_kind) == ("Mira Castell", "named")
