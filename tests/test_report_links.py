"""Signed permalinks: what a link carries, what breaks it, the settings it needs, and the
`deskcheck link` and `deskcheck web` commands."""

from __future__ import annotations

import base64
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.report_page import KEY, STORY, store_story

from bot.cli import main
from bot.settings import Settings, SettingsError, get_settings
from bot.web.links import PAGE_PREFIX, BadLink, permalink, token_for, verify
from storage import open_store

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
SETTINGS = Settings(secret_key=KEY, public_url="https://desk.example.org/pages")


def test_a_link_names_its_workspace_and_item_and_starts_with_the_public_url() -> None:
    url = permalink(SETTINGS, "T024:newsroom/é", 42, now=NOW)
    assert url is not None and url.startswith("https://desk.example.org/pages" + PAGE_PREFIX)
    token = url.rsplit("/", 1)[1]
    assert verify(SETTINGS, token, now=NOW) == ("T024:newsroom/é", 42)


@pytest.mark.parametrize("settings", [Settings(), Settings(secret_key=KEY),
                                      Settings(public_url="https://desk.example.org")])
def test_without_both_the_key_and_the_public_url_there_is_no_link(settings: Settings) -> None:
    assert permalink(settings, "T024", 42) is None


def test_a_link_lasts_thirty_days_by_default_and_then_fails() -> None:
    token = token_for(KEY, "T024", 42, now=NOW)
    assert verify(SETTINGS, token, now=NOW + dt.timedelta(days=30, seconds=-1)) == ("T024", 42)
    with pytest.raises(BadLink):
        verify(SETTINGS, token, now=NOW + dt.timedelta(days=30))


def test_days_set_how_long_a_link_lasts() -> None:
    token = token_for(KEY, "T024", 42, now=NOW, days=2)
    verify(SETTINGS, token, now=NOW + dt.timedelta(days=1))
    with pytest.raises(BadLink):
        verify(SETTINGS, token, now=NOW + dt.timedelta(days=2))


def _resigned_payload(token: str, payload: bytes) -> str:
    """The token's MAC under another payload: what someone without the key can forge."""
    return base64.urlsafe_b64encode(payload).rstrip(b"=").decode() + "." + token.split(".")[1]


@pytest.mark.parametrize("forged", [
    "another workspace", "another item", "a later expiry", "a flipped MAC", "another key",
])
def test_a_changed_link_is_refused(forged: str) -> None:
    token = token_for(KEY, "T024", 42, now=NOW)
    expiry = str(int((NOW + dt.timedelta(days=30)).timestamp())).encode()
    later = str(int((NOW + dt.timedelta(days=900)).timestamp())).encode()
    bad = {"another workspace": _resigned_payload(token, expiry + b"\x0042\x00T999"),
           "another item": _resigned_payload(token, expiry + b"\x0043\x00T024"),
           "a later expiry": _resigned_payload(token, later + b"\x0042\x00T024"),
           "a flipped MAC": token[:-2] + ("AA" if token[-2:] != "AA" else "BA"),
           "another key": token_for("a different key, also 32 bytes or more", "T024", 42, now=NOW)}[forged]
    assert bad != token
    with pytest.raises(BadLink):
        verify(SETTINGS, bad, now=NOW)


@pytest.mark.parametrize("token", ["", "abc", "a.b", "x" * 5000, "é" * 50 + "." + "A" * 43,
                                   "AAAA." + "A" * 42 + "B", "AAAA." + "A" * 44, "AA==." + "A" * 43])
def test_a_malformed_token_is_refused_before_anything_is_decoded(token: str) -> None:
    with pytest.raises(BadLink):
        verify(SETTINGS, token, now=NOW)


def test_without_a_key_no_link_verifies() -> None:
    token = token_for(KEY, "T024", 42, now=NOW)
    with pytest.raises(BadLink):
        verify(Settings(), token, now=NOW)


@pytest.mark.parametrize(("env", "message"), [
    ({"DESKCHECK_SECRET_KEY": "short"}, "DESKCHECK_SECRET_KEY must be at least 32 bytes long"),
    ({"DESKCHECK_PUBLIC_URL": "javascript:alert(1)"}, "DESKCHECK_PUBLIC_URL must be an http(s) address"),
    ({"DESKCHECK_PUBLIC_URL": "ftp://desk.example.org"}, "DESKCHECK_PUBLIC_URL must be an http(s) address"),
    ({"DESKCHECK_PUBLIC_URL": "https://"}, "DESKCHECK_PUBLIC_URL must be an http(s) address"),
    ({"DESKCHECK_PUBLIC_URL": "https://desk.example.org?a=1"}, "DESKCHECK_PUBLIC_URL must be an http(s)"),
])
def test_a_short_key_or_a_public_url_that_is_not_http_is_a_settings_error(
        env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env(env)
    assert str(caught.value).startswith(message)
    assert "short" not in str(caught.value)  # the key itself is never repeated


def test_the_settings_keep_the_public_url_without_its_trailing_slash_and_hide_the_key() -> None:
    settings = Settings.from_env({"DESKCHECK_SECRET_KEY": KEY, "DESKCHECK_PUBLIC_URL": "https://desk.example/"})
    assert settings.public_url == "https://desk.example" and settings.secret_key == KEY
    assert KEY not in repr(settings)


@pytest.fixture()
def link_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The key and public URL set for `main`: the workspace's database URL."""
    monkeypatch.setenv("DESKCHECK_SECRET_KEY", KEY)
    monkeypatch.setenv("DESKCHECK_PUBLIC_URL", "https://desk.example.org")
    get_settings.cache_clear()
    yield os.environ["DATABASE_URL"]
    get_settings.cache_clear()


def test_deskcheck_link_prints_a_link_that_opens_the_item(link_env: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    item = store_story(open_store(link_env), "T0LINK", text=STORY + " Linked.")
    assert main(["link", f"item:{item}", "--workspace", "T0LINK", "--days", "7"]) == 0
    out, err = capsys.readouterr()
    [url] = out.splitlines()
    assert url.startswith("https://desk.example.org/report/") and "valid until" in err
    assert verify(get_settings(), url.rsplit("/", 1)[1]) == ("T0LINK", item)
    with pytest.raises(BadLink):
        verify(get_settings(), url.rsplit("/", 1)[1], now=dt.datetime.now(dt.UTC) + dt.timedelta(days=7))


@pytest.mark.parametrize("case", ["another workspace", "missing", "not an item", "a seed"])
def test_deskcheck_link_to_what_is_not_the_workspaces_item_is_one_line_and_exit_2(
        link_env: str, capsys: pytest.CaptureFixture[str], case: str) -> None:
    item = store_story(open_store(link_env), "T0LINK", text=STORY + " Not yours.")
    ref = {"another workspace": str(item), "missing": "item:999999", "not an item": "seed:001_x",
           "a seed": "item:0"}[case]
    assert main(["link", ref, "--workspace", "T0OTHER"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and err.startswith("deskcheck: ")


def test_deskcheck_link_without_the_key_says_what_to_set(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESKCHECK_SECRET_KEY", raising=False)
    get_settings.cache_clear()
    try:
        assert main(["link", "1"]) == 2
    finally:
        get_settings.cache_clear()
    assert "DESKCHECK_SECRET_KEY and DESKCHECK_PUBLIC_URL" in capsys.readouterr().err


def test_deskcheck_web_without_the_key_refuses_to_start(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DESKCHECK_SECRET_KEY"}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "web", "--port", "0"], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == ("deskcheck: deskcheck web needs DESKCHECK_SECRET_KEY: without it no link "
                                   "can be verified")
