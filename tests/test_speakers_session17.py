"""Session 16 (helper-111): issue 14, wrong speakers from pronouns and descriptions on PolNeAR
train, and the `owned` cap narrowed to a possessed remark. Every text here is invented for the test."""

from __future__ import annotations

from checks.models import Quote
from checks.quotes.confidence import OWNED, quote_cells


def _shape(story: str, words: str, cue: str) -> str:
    at = story.index(words)
    quote = Quote(words, at, at + len(words), "Ann Kolb", "named", (0, 8), cue, partial=True,
                  speaker_evidence="name_at_cue")
    [cells] = quote_cells([quote], story)
    assert cells is not None
    return cells[-1].rsplit("|", 1)[-1]


def test_only_a_possessed_remark_is_the_owned_shape() -> None:
    said = "Ann Kolb said in a statement that the plan was \u201ca careful first step\u201d for the city."
    assert _shape(said, "a careful first step", "statement") == "fragment"
    posted = "Ann Kolb posted a message on Twitter reading \u201cthank you, voters\u201d on Tuesday."
    assert _shape(posted, "thank you, voters", "message") == "fragment"
    remark = "Ann Kolb was mocked for days over her \u201cquiet majority\u201d remark at the fair."
    assert _shape(remark, "quiet majority", "remark") == OWNED
    named = "Critics seized on Ann Kolb's \u201cquiet majority\u201d remark at the fair."
    assert _shape(named, "quiet majority", "remark") == OWNED
    claim = ("Voters doubted Ann Kolb's recent and widely shared claim that the budget was "
             "\u201cfully balanced\u201d last year.")
    assert _shape(claim, "fully balanced", "claim") == OWNED
