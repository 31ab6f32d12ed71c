"""A statement noun in a phrase of time (`after the address`) dates the speaking and is not who
speaks, though the parser may hang the quoted words on it; an owned one still names its owner.
Sentences are invented."""

from __future__ import annotations

from checks import check_text


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in check_text(text).quotes]


def test_words_after_an_address_are_the_tellers() -> None:
    text = ("Parliament rejected the motion on Saturday. Ivo Marsh, the leader of the ruling party, urged "
            "the president to step down, telling reporters after the address that it had become “impossible” "
            "for him to carry out his duties.")
    assert speakers(text) == [("impossible", "Ivo Marsh")]
