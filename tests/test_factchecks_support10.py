"""What a sentence must share with a claim to repeat it: the tenth editor's reading (invented text)."""

from __future__ import annotations

from checks.factchecks.match import supported


def test_a_shared_place_and_noun_do_not_repeat_what_the_claim_says_happened() -> None:
    """A congressman who visited the border and wants more patrol agents does not repeat a claim that
    an agent was killed there: the words shared are the agents, the border and `near`, a preposition
    that says where, not what happened."""
    claim = "A border patrol agent was killed by smugglers throwing rocks near the border with Canada."
    sentence = ("In May, Rep. Dana Holt visited the border near Lyndon, Vermont, and argued that the country "
                "needs more border patrol agents.")
    assert not supported(sentence, claim)
    assert supported("Smugglers throwing rocks killed a border patrol agent near the Canadian border.", claim)
