"""Speakers, from helper-113's reading of twelve real pages and the leftovers of earlier readings.
Every text here is invented."""

from __future__ import annotations

from checks import check_text


def _said(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_kind) for q in check_text(text).quotes]


def test_a_groups_name_set_beside_it_between_commas_is_the_speaker() -> None:
    text = ("The dock workers met on Monday.\nThe group, Harbour Workers United, formed in recent weeks "
            "and sent a letter to the port board stating that they “will not accept the new shifts.”\n")
    assert _said(text) == [("Harbour Workers United", "organization")]
    assert [s.name for s in check_text(text).sources.named] == ["Harbour Workers United"]


def test_what_a_judge_calls_a_claim_at_the_end_of_the_claims_clause_is_the_judges() -> None:
    """The parse hangs the complement of `called` on the claim's clause."""
    text = ("The mayor said the plan was sound.\n"
            "Marsh called the claim that the bridge would fall “certainly absurd.”\n")
    assert _said(text) == [("Marsh", "named")]


def test_the_claims_own_predicate_stays_the_claims() -> None:
    text = "Ana Ruiz spoke on Monday.\nIvo Marsh called Ruiz’s claim that the vote was “rigged” a lie.\n"
    assert _said(text) == [("Ana Ruiz", "named")]
