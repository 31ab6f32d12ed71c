"""The word lists the attribution rules read: no word listed twice, no surname taken for an organisation."""

from __future__ import annotations

import re
from pathlib import Path

from checks import check_text
from checks.quotes import cues

CUES = Path(cues.__file__)


def test_no_word_list_names_a_word_twice() -> None:
    lists = re.findall(r'([A-Z_]+) = frozenset\("""(.*?)"""', CUES.read_text(encoding="utf-8"), re.S)
    assert lists
    repeated = {name: sorted({w for w in words.split() if words.split().count(w) > 1})
                for name, words in lists}
    assert not {name: words for name, words in repeated.items() if words}


def test_a_colour_that_is_also_a_surname_is_no_organisation_word() -> None:
    """`White said` names a person when the parser sees a proper noun: "white" alone made any name
    containing it an organisation; "house" keeps `the White House` one."""
    assert "white" not in cues.ORG_NOUNS
    assert "house" in cues.ORG_NOUNS


def test_the_white_house_still_speaks_as_an_organisation() -> None:
    text = ("Officials met for three hours on Monday to discuss the new trade rules and the tariffs. "
            "“The talks were productive and will continue next week,” the White House said in a statement.")
    report = check_text(text)
    assert [q.speaker_kind for q in report.quotes] == ["organization"]
