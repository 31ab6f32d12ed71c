"""DESKCHECK_ALLOWED_NETWORKS: an intranet's range may be reached without opening every private address."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.newsroom_server import NewsSite, serve

from bot.service import Requester, run_check
from bot.settings import Settings, SettingsError

STORY = "002_e8461dea9724e002"
ASKED = Requester(platform="cli", workspace="local")


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with serve() as running:
        yield running


def settings(tmp_path: Path, networks: str | None) -> Settings:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'desk.db'}"}
    if networks is not None:
        env["DESKCHECK_ALLOWED_NETWORKS"] = networks
    return dataclasses.replace(Settings.from_env(env), seeds_dir=tmp_path)  # no reference corpus to import


def test_a_link_into_an_allowed_network_is_checked(site: NewsSite, tmp_path: Path) -> None:
    outcome = run_check(f"{site.base}/news/{STORY}", ASKED, settings=settings(tmp_path, "127.0.0.0/8"))
    assert outcome.error is None
    assert outcome.report is not None and outcome.report.quotes


def test_a_link_into_a_private_network_not_listed_is_refused(site: NewsSite, tmp_path: Path) -> None:
    outcome = run_check(f"{site.base}/news/{STORY}", ASKED, settings=settings(tmp_path, "10.20.0.0/16"))
    assert outcome.report is None
    assert outcome.error and "does not fetch it" in outcome.error


def test_a_malformed_network_is_one_clear_settings_error() -> None:
    with pytest.raises(SettingsError, match="DESKCHECK_ALLOWED_NETWORKS must be networks"):
        Settings.from_env({"DESKCHECK_ALLOWED_NETWORKS": "10.20.0.0/16, intranet"})
