"""A stored quote keeps its speaker's kind on the way back out of storage: the same words under a
name are "another speaker" only when the stored side named someone too (checks/people.py). SQLite,
and PostgreSQL when DESKCHECK_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import pytest
from support.history import STORY, report_for

from checks import Quote, find_similar
from storage import CheckEvent, Store, open_store

WORDS = "We will not rush a decision that shapes this waterfront for fifty years,"
# Another story that carries the same words, this time under a name.
RETOLD = ("Terminal Vote Put Off Again\n\nResidents cheered at the harbour hall on Friday. \u201c" + WORDS
          + "\u201d said board chair Ana Ruiz, who chairs the port board.")


def quote_in(body: str, speaker: str, kind: str) -> Quote:
    start = body.index(WORDS)
    return Quote(text=WORDS, start=start, end=start + len(WORDS), speaker=speaker, speaker_kind=kind)


def keep(store: Store, speaker: str, kind: str) -> None:
    report = report_for(STORY, quotes=(quote_in(STORY, speaker, kind),))
    store.record(report, STORY, CheckEvent("cli", "harbour-desk"))


def shared_flags(store: Store) -> list[bool | None]:
    found = find_similar(RETOLD, (quote_in(RETOLD, "Ana Ruiz", "named"),), store.corpus("harbour-desk"))
    return [q.another_speaker for s in found for q in s.shared_quotes]


@pytest.mark.parametrize(("speaker", "kind"), [("Officials", "anonymous"), ("Port Insiders", "unresolved")])
def test_a_stored_speaker_who_names_nobody_is_not_another_speaker(
        database_url: str, speaker: str, kind: str) -> None:
    store = open_store(database_url)
    keep(store, speaker, kind)
    assert shared_flags(store) == [None]


def test_a_stored_named_speaker_is_still_compared_by_name(database_url: str) -> None:
    store = open_store(database_url)
    keep(store, "Tom Okafor", "named")
    assert shared_flags(store) == [True]
