"""Settings from the environment: a bad value is one clear line naming the variable, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parent.parent


def test_numbers_and_choices_are_read() -> None:
    settings = Settings.from_env({"DESKCHECK_MAX_CHARS": "50000", "PORT": "8080", "DIGEST_HOUR": "0",
                                  "DIGEST_WEEKDAY": "Friday", "DIGEST_TZ": "Europe/Paris",
                                  "DESKCHECK_ALLOW_PRIVATE_URLS": "no"})
    assert (settings.max_chars, settings.port, settings.digest_hour) == (50_000, 8080, 0)
    assert (settings.digest_weekday, settings.digest_tz) == ("fri", "Europe/Paris")
    assert settings.allow_private_urls is False
    assert Settings.from_env({"DESKCHECK_ALLOW_PRIVATE_URLS": "on"}).allow_private_urls is True


def test_empty_values_fall_back_to_the_defaults() -> None:
    assert Settings.from_env({"PORT": "", "DIGEST_HOUR": " ", "DESKCHECK_MAX_CHARS": ""}) == Settings()


@pytest.mark.parametrize(("name", "value", "message"), [
    ("DESKCHECK_MAX_CHARS", "20k", "DESKCHECK_MAX_CHARS must be a whole number of characters, got '20k'"),
    ("DESKCHECK_MAX_CHARS", "-1", "DESKCHECK_MAX_CHARS must be a whole number of characters, at least 1, "
                                  "got '-1'"),
    ("DESKCHECK_MAX_CHARS", "0", "DESKCHECK_MAX_CHARS must be a whole number of characters, at least 1, "
                                 "got '0'"),
    ("PORT", "http", "PORT must be a port number from 1 to 65535, got 'http'"),
    ("PORT", "70000", "PORT must be a port number from 1 to 65535, got '70000'"),
    ("PORT", "-1", "PORT must be a port number from 1 to 65535, got '-1'"),
    ("DIGEST_HOUR", "99", "DIGEST_HOUR must be an hour from 0 to 23, got '99'"),
    ("DIGEST_HOUR", "9am", "DIGEST_HOUR must be an hour from 0 to 23, got '9am'"),
    ("DIGEST_HOUR", "9.5", "DIGEST_HOUR must be an hour from 0 to 23, got '9.5'"),
    ("DIGEST_WEEKDAY", "funday", "DIGEST_WEEKDAY must be a weekday (mon, tue, wed, thu, fri, sat, sun), "
                                 "got 'funday'"),
    ("DIGEST_TZ", "Mars/Olympus", "DIGEST_TZ must be a time zone such as Europe/Paris, got 'Mars/Olympus'"),
    ("DESKCHECK_ALLOW_PRIVATE_URLS", "ture", "DESKCHECK_ALLOW_PRIVATE_URLS must be true or false "
                                             "(1/0, yes/no, on/off), got 'ture'"),
])
def test_a_bad_value_names_the_setting_and_what_it_must_be(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({name: value})
    assert str(caught.value) == message


@pytest.mark.parametrize(("name", "value"), [("DESKCHECK_MAX_CHARS", "20k"), ("PORT", "99999"),
                                             ("DIGEST_HOUR", "99")])
def test_the_command_line_says_one_line_and_exits_2(name: str, value: str, tmp_path: Path) -> None:
    env = {**os.environ, name: value, "DATABASE_URL": f"sqlite:///{tmp_path}/h.db"}
    out = subprocess.run([sys.executable, "-m", "bot.cli", "history"], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    [line] = out.stderr.strip().splitlines()
    assert line.startswith(f"deskcheck: {name} must be ") and f"got '{value}'" in line
