"""A link checked again after the publisher edited the article: the item takes the new version.

The `database_url` fixture (tests/conftest.py): SQLite always, PostgreSQL when
DESKCHECK_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from support.history import STORY, count, report_for, ruiz_quote

from checks import check_text
from checks.models import Article, InputInfo, Quote, Report
from checks.similar import find_similar, fingerprint
from storage import REFERENCE, CheckEvent, NewItem, Store, open_store
from storage.models import BandKey, CheckEventRow, Item, ItemUrl, QuoteKey, QuoteRow, QuoteShingle
from storage.store import iso_utc

URL = "https://news.example.org/harbour-vote"
CANONICAL = "https://news.example.org/2026/11/harbour-authority-postpones-terminal-vote"
# The publisher's correction: the chair's quote is gone, the union leader now speaks for himself.
EDITED = ("Harbour Authority Postpones Container Terminal Vote\n\nThe harbour authority postponed a vote on "
          "the new container terminal on Thursday after residents filled the hearing room. Port workers' "
          "union leader Tom Okafor said the delay would cost jobs. \u201cEvery month without a decision is "
          "a month of lost shifts for our members,\u201d Okafor said.")
OKAFOR = "Every month without a decision is a month of lost shifts for our members,"
# Other desks' articles that repeat one quote each, and little else of the story.
RUIZ_ELSEWHERE = ("Residents Cheer the Pause\n\nA flyer handed out on the ferry dock quoted the chair: "
                  "\u201cWe will not rush a decision that shapes this waterfront for fifty years,\u201d "
                  "it read.")
OKAFOR_ELSEWHERE = ("Dockers Rally at City Hall\n\nBanners outside the council chamber carried one line: "
                    "\u201cEvery month without a decision is a month of lost shifts for our members,\u201d "
                    "the union's words.")


@pytest.fixture(name="store")
def fresh_store(database_url: str) -> Store:
    return open_store(database_url)


def quote_of(body: str, words: str, speaker: str) -> Quote:
    start = body.index(words)
    return Quote(text=words, start=start, end=start + len(words), speaker=speaker, speaker_kind="named")


def okafor_quote(body: str = EDITED) -> Quote:
    return quote_of(body, OKAFOR, "Tom Okafor")


def checked_link(body: str, canonical: str | None = None) -> Report:
    """The real engine's report, as bot/service.py builds it for a fetched link."""
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return check_text(body, article=Article(canonical_url=canonical),
                      input=InputInfo(kind="url", url=URL, sha256=sha))


def stored_item(store: Store) -> Item:
    with Session(store.engine) as session:
        return session.scalars(select(Item).where(Item.seed.is_(None))).one()


def postings(store: Store, model: type[BandKey] | type[QuoteKey] | type[QuoteShingle]) -> set[int]:
    with store.engine.connect() as conn:
        return set(conn.scalars(select(model.key)))


def test_a_changed_article_keeps_one_item_whose_text_report_quotes_and_urls_are_the_new_version(
        store: Store) -> None:
    first = store.record(checked_link(STORY), STORY, CheckEvent("slack", "T024", user="U12AB"))
    edited = checked_link(EDITED, canonical=CANONICAL)
    again = store.record(edited, EDITED, CheckEvent("slack", "T024", user="U99ZZ"))

    assert again.item == first.item and again.times_checked == 2
    assert again.first_checked_by == "slack:T024/U12AB"
    assert (count(store, Item), count(store, CheckEventRow)) == (1, 2)
    item = stored_item(store)
    assert item.text == EDITED and item.sha256 == edited.input.sha256
    assert item.title == "Harbour Authority Postpones Container Terminal Vote"
    assert item.canonical_url == CANONICAL and item.report == edited.to_dict()
    shown = store.stored_report(again.item, "T024")
    assert shown is not None and shown.quotes == edited.quotes and shown.quotes
    with store.engine.connect() as conn:
        assert list(conn.scalars(select(QuoteRow.text).order_by(QuoteRow.position))) == \
            [q.text for q in edited.quotes]
        assert sorted(conn.scalars(select(ItemUrl.url))) == sorted([URL, CANONICAL])


def test_similar_article_search_finds_the_new_quotes_and_no_longer_the_removed_ones(store: Store) -> None:
    ruiz_probe = (quote_of(RUIZ_ELSEWHERE, ruiz_quote().text, "the chair"),)
    okafor_probe = (quote_of(OKAFOR_ELSEWHERE, OKAFOR, "the union"),)
    first = report_for(STORY, URL, quotes=(ruiz_quote(),))
    history = store.record(first, STORY, CheckEvent(workspace="T024"))
    before = find_similar(RUIZ_ELSEWHERE, ruiz_probe, store.corpus("T024"))
    assert [s.id for s in before if s.shared_quotes] == [history.item]

    store.record(report_for(EDITED, URL, quotes=(okafor_quote(),)), EDITED, CheckEvent(workspace="T024"))
    after = find_similar(RUIZ_ELSEWHERE, ruiz_probe, store.corpus("T024"))
    assert [s.id for s in after if s.shared_quotes] == []
    [found] = find_similar(OKAFOR_ELSEWHERE, okafor_probe, store.corpus("T024"))
    assert found.id == history.item and found.shared_quotes[0].there == "Tom Okafor"
    assert found.title == "Harbour Authority Postpones Container Terminal Vote"
    # the earlier version leaves no posting behind: the index holds the new fingerprint only
    fp = fingerprint(EDITED, (okafor_quote(),))
    assert postings(store, QuoteKey) == set(fp.quote_keys)
    assert postings(store, QuoteShingle) == set(fp.quote_shingles)
    assert postings(store, BandKey) == set(fp.bands)


def test_the_report_says_the_text_changed_since_the_earlier_versions_last_check(store: Store) -> None:
    def check(body: str) -> str | None:
        return store.record(report_for(body, URL), body, CheckEvent(workspace="T024")).text_changed_since

    assert check(STORY) is None  # a first check has nothing to compare with
    assert check(STORY) is None  # the same text again
    last_of_first_version = store.recent_checks("T024")[0].checked_at
    assert check(EDITED) == last_of_first_version
    assert check(EDITED) is None  # the new version checked again is unchanged
    last_of_second_version = store.recent_checks("T024")[0].checked_at
    corrected = EDITED + " Correction: the vote was postponed on Thursday, not Wednesday."
    assert check(corrected) == last_of_second_version
    assert count(store, Item) == 1


def test_text_changed_since_survives_the_report_json(store: Store) -> None:
    store.record(report_for(STORY, URL), STORY, CheckEvent(workspace="T024"))
    history = store.record(report_for(EDITED, URL), EDITED, CheckEvent(workspace="T024"))
    report = dataclasses.replace(report_for(EDITED, URL), history=history)
    data = json.loads(json.dumps(report.to_dict()))
    assert history.text_changed_since is not None
    assert data["history"]["text_changed_since"] == history.text_changed_since
    assert Report.from_dict(data).history == history


def test_an_item_stored_without_a_check_changed_since_it_was_stored(store: Store) -> None:
    store.add_items([NewItem("T024", STORY, report_for(STORY, URL))])
    history = store.record(report_for(EDITED, URL), EDITED, CheckEvent(workspace="T024"))
    item = stored_item(store)
    assert item.text == EDITED and history.text_changed_since == iso_utc(item.created_at)


def test_a_reference_article_is_never_replaced_by_a_check(store: Store) -> None:
    seed = report_for(STORY, URL, quotes=(ruiz_quote(),))
    store.add_items([NewItem(REFERENCE, STORY, seed, seed="007_harbour")])
    desk = store.record(report_for(EDITED, URL), EDITED, CheckEvent(workspace="T024"))
    # even a check recorded under the reserved workspace itself leaves the seed as imported
    ref = store.record(report_for(EDITED, URL), EDITED, CheckEvent(workspace=REFERENCE))
    assert desk.text_changed_since is None and ref.text_changed_since is None
    with store.engine.connect() as conn:
        seeds = conn.execute(select(Item.text, Item.sha256).where(Item.seed == "007_harbour")).all()
        assert seeds == [(STORY, seed.input.sha256)]
        assert conn.scalar(select(Item.workspace).where(Item.text == EDITED)) == "T024"


# The clerk's line is in both versions: a quote the edit kept is neither removed nor added.
CLERK = " \u201cThe hearing will resume in January,\u201d the clerk said."
RUIZ = "We will not rush a decision that shapes this waterfront for fifty years"


def test_an_edit_that_drops_one_quote_and_adds_another_names_exactly_those(store: Store) -> None:
    store.record(checked_link(STORY + CLERK), STORY + CLERK, CheckEvent(workspace="T024"))
    history = store.record(checked_link(EDITED + CLERK), EDITED + CLERK, CheckEvent(workspace="T024"))
    assert history.text_changed_since is not None
    assert history.quotes_removed == (RUIZ,)
    assert history.quotes_added == (OKAFOR.rstrip(","),)


def test_an_edit_that_only_restyles_a_quotes_punctuation_removes_and_adds_none(store: Store) -> None:
    straight = STORY.replace("\u201c", '"').replace("\u201d", '"')
    restyled = straight.replace("waterfront for", "waterfront, for")
    first, second = checked_link(STORY), checked_link(restyled)
    assert [q.text for q in first.quotes] != [q.text for q in second.quotes]  # the words match, not the text
    store.record(first, STORY, CheckEvent(workspace="T024"))
    history = store.record(second, restyled, CheckEvent(workspace="T024"))
    assert history.text_changed_since is not None
    assert (history.quotes_removed, history.quotes_added) == ((), ())


def test_a_first_check_and_an_unchanged_recheck_name_no_quote_changes(store: Store) -> None:
    for _ in range(2):
        history = store.record(checked_link(STORY), STORY, CheckEvent(workspace="T024"))
        assert history.text_changed_since is None
        assert (history.quotes_removed, history.quotes_added) == ((), ())


def test_the_removed_and_added_quotes_survive_the_report_json(store: Store) -> None:
    store.record(report_for(STORY, URL, quotes=(ruiz_quote(),)), STORY, CheckEvent(workspace="T024"))
    edited = report_for(EDITED, URL, quotes=(okafor_quote(),))
    history = store.record(edited, EDITED, CheckEvent(workspace="T024"))
    data = json.loads(json.dumps(dataclasses.replace(edited, history=history).to_dict()))
    assert data["history"]["quotes_removed"] == [ruiz_quote().text]
    assert data["history"]["quotes_added"] == [OKAFOR]
    assert Report.from_dict(data).history == history
