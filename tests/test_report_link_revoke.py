"""Withdrawing the report page links to one item: the links signed up to that moment stop opening the
page (410, one fixed text), links signed afterwards open it, other items' links are untouched.
Over the real page server on 127.0.0.1 and the real store (SQLite, and PostgreSQL when
DESKCHECK_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import hmac
from collections.abc import Iterator

import httpx
import pytest
from support.report_page import KEY, STORY, hostile_report, page_url, serve_pages, store_story

from bot.cli import main
from bot.settings import get_settings
from bot.web.links import PAGE_PREFIX
from bot.web.server import WITHDRAWN
from storage import Store, UnknownItem, open_store

WORKSPACE = "T0FERRY"


@pytest.fixture()
def store(database_url: str) -> Store:
    return open_store(database_url)


def status(url: str) -> tuple[int, str]:
    answer = httpx.get(url, timeout=10)
    return answer.status_code, answer.text


def test_a_withdrawn_link_stops_opening_the_page_and_a_new_one_opens_it(store: Store) -> None:
    report = hostile_report()
    again = dataclasses.replace(report, input=dataclasses.replace(report.input, sha256="8" * 64))
    item, other = store_story(store, WORKSPACE), store_story(store, WORKSPACE, STORY + " Again.", again)
    with serve_pages(store) as base:
        leaked, kept = page_url(base, WORKSPACE, item), page_url(base, WORKSPACE, other)
        assert status(leaked)[0] == 200
        store.desk.revoke_links(WORKSPACE, item)
        assert status(leaked) == (410, WITHDRAWN)
        assert status(page_url(base, WORKSPACE, item))[0] == 200  # signed after the withdrawal
        assert status(kept)[0] == 200  # another item's link is untouched


def test_a_link_from_before_links_carried_their_signing_time_counts_as_withdrawn(store: Store) -> None:
    item = store_story(store, WORKSPACE)
    expires = str(int((dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).timestamp())).encode()
    payload = b"\x00".join([expires, str(item).encode(), WORKSPACE.encode()])  # the older format
    mac = hmac.new(KEY.encode(), b"deskcheck.report-link.v1\x00" + payload, hashlib.sha256).digest()
    token = ".".join(base64.urlsafe_b64encode(part).rstrip(b"=").decode() for part in (payload, mac))
    with serve_pages(store) as base:
        assert status(base + PAGE_PREFIX + token)[0] == 200
        store.desk.revoke_links(WORKSPACE, item)
        assert status(base + PAGE_PREFIX + token) == (410, WITHDRAWN)


def test_only_the_items_own_workspace_can_withdraw_its_links(store: Store) -> None:
    item = store_story(store, WORKSPACE)
    with pytest.raises(UnknownItem):
        store.desk.revoke_links("T0RIVAL", item)
    with serve_pages(store) as base:
        an_hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        assert status(page_url(base, WORKSPACE, item, now=an_hour_ago))[0] == 200


@pytest.fixture()
def link_env(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("DESKCHECK_SECRET_KEY", KEY)
    monkeypatch.setenv("DESKCHECK_PUBLIC_URL", "https://desk.example.org")
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_deskcheck_link_revoke_withdraws_the_old_links_and_prints_a_new_one(
        link_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(link_env)
    item = store_story(store, WORKSPACE)
    with serve_pages(store) as base:
        old = page_url(base, WORKSPACE, item, now=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
        assert main(["link", f"item:{item}", "--workspace", WORKSPACE, "--revoke"]) == 0
        out, err = capsys.readouterr()
        [new] = out.splitlines()
        assert "withdrawn" in err and new.startswith("https://desk.example.org/report/")
        assert status(old) == (410, WITHDRAWN)
        assert status(base + new[len("https://desk.example.org"):])[0] == 200
