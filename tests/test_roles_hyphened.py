"""A role before a name keeps a word glued on by a hyphen (`Oscar-winning actress`, `co-CEO`): cut at
the hyphen it said something else (`winning actress`, `CEO`). Sentences are invented."""

from __future__ import annotations

import pytest

from checks import check_text


@pytest.mark.parametrize(("text", "role"), [
    ("Oscar-winning actress Mara Lind wrote the song. “It came to me in a dream,” Lind said.",
     "Oscar-winning actress"),
    ("Acme founder and co-CEO Ivo Brandt spoke on Tuesday. “We are growing,” Brandt said.", "co-CEO"),
    # a role in apposition before the name (helper-100, NYT's `as a co-worker, Nehemiah Dejesus, scrambled`)
    ("Three workers gathered around a muddy hole as a co-worker, Tom Alvarez, scrambled to apply a clamp "
     "around a cracked pipe. “I’m not,” Mr. Alvarez said as he secured the clamp.", "co-worker"),
    ("The firm’s co-founder, Tom Alvarez, said the pier was safe. “I’m not worried,” Alvarez said.",
     "co-founder"),
])
def test_a_hyphened_role_is_kept_whole(text: str, role: str) -> None:
    assert [n.role for n in check_text(text).sources.named] == [role]
