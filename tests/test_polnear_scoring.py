"""The PolNeAR scorer's name match (bench/polnear_gold.py): which words a story may call our speaker by.
Invented names."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from polnear_gold import _called


def test_the_first_of_two_surnames_is_a_name_the_story_may_use_alone() -> None:
    assert "quiroga" in _called("Luisa Quiroga Pujol")  # `Ms. Quiroga`


def test_two_words_and_an_initial_add_no_middle_name() -> None:
    assert _called("Tom Varga") == {"tom", "varga"}
    assert _called("Paul J. Raskin") == {"paul", "raskin"}
