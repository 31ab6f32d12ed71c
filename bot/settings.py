"""Configuration from environment variables (12-factor), read once per process."""

from __future__ import annotations

import functools
import importlib.util
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks import MAX_CHARS

__all__ = ["PROJECT_ROOT", "Settings", "SettingsError", "default_seeds_dir", "get_settings"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_seeds_dir() -> Path:
    """The reference corpus: `seeds/` in a source checkout, else the copy the wheel ships as the
    package `deskcheck_seeds` (an installed deskcheck has no project folder to find it in)."""
    checkout = PROJECT_ROOT / "seeds"
    if checkout.is_dir():
        return checkout
    # A data folder without __init__.py is a namespace package: its folders are its search locations.
    spec = importlib.util.find_spec("deskcheck_seeds")
    shipped = [Path(p) for p in (spec.submodule_search_locations or []) if Path(p).is_dir()] if spec else []
    return shipped[0] if shipped else checkout  # neither: an empty corpus, said by `seeds import`
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}
MIN_SECRET_BYTES = 32  # DESKCHECK_SECRET_KEY: as long as an HMAC-SHA256 output


class SettingsError(Exception):
    """An environment variable has a value deskcheck cannot use; str() is one line naming it."""


def _flag(name: str, value: str | None) -> bool:
    word = (value or "").strip().lower()
    if word and word not in _TRUE | _FALSE:
        raise SettingsError(f"{name} must be true or false (1/0, yes/no, on/off), got '{value}'")
    return word in _TRUE


def _whole(name: str, value: str | None, default: int, what: str, low: int,
           high: int | None = None) -> int:
    """A whole number in [low, high]; `what` is how the message names it ("an hour from 0 to 23")."""
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be {what}, got '{value}'") from None
    if number < low or (high is not None and number > high):
        bounds = f", at least {low}" if high is None else ""  # a bounded `what` states its range
        raise SettingsError(f"{name} must be {what}{bounds}, got '{value}'")
    return number


def _seconds(name: str, value: str | None, default: float) -> float:
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not number > 0 or number == float("inf"):  # nan and inf fail too
        raise SettingsError(f"{name} must be a number of seconds above 0, got '{value}'")
    return number


def _weekday(name: str, value: str | None, default: str) -> str:
    day = (value or default).strip().lower()[:3]
    if day not in WEEKDAYS:
        raise SettingsError(f"{name} must be a weekday ({', '.join(WEEKDAYS)}), got '{value}'")
    return day


def _time_zone(name: str, value: str | None, default: str) -> str:
    if value is None:
        return default
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"{name} must be a time zone such as Europe/Paris, got '{value}'") from None
    return value


def database_url(raw: str | None) -> str:
    """SQLite in the working directory by default; Heroku's postgres:// spelling accepted."""
    url = (raw or "").strip() or "sqlite:///deskcheck.db"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///deskcheck.db"
    max_chars: int = MAX_CHARS
    allow_private_urls: bool = False
    # Private networks links may reach, narrower than allow_private_urls: an intranet's range alone.
    allowed_networks: tuple[str, ...] = ()
    seeds_dir: Path = field(default_factory=default_seeds_dir)
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str | None = None
    discord_token: str | None = None
    digest_slack_channel: str | None = None
    digest_discord_channel: str | None = None
    digest_tz: str = "UTC"
    digest_weekday: str = "mon"
    digest_hour: int = 9
    port: int = 3000
    check_timeout: float = 60.0
    # The report page (bot/web/): the key its links are signed with, and the address they start with.
    secret_key: str | None = field(default=None, repr=False)  # never in a log line or a traceback
    public_url: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        e = os.environ if env is None else env

        def get(name: str) -> str | None:
            return (e.get(name) or "").strip() or None

        return cls(
            database_url=database_url(get("DATABASE_URL")),
            max_chars=_whole("DESKCHECK_MAX_CHARS", get("DESKCHECK_MAX_CHARS"), MAX_CHARS,
                             "a whole number of characters", 1),
            allow_private_urls=_flag("DESKCHECK_ALLOW_PRIVATE_URLS", get("DESKCHECK_ALLOW_PRIVATE_URLS")),
            allowed_networks=_networks("DESKCHECK_ALLOWED_NETWORKS", get("DESKCHECK_ALLOWED_NETWORKS")),
            seeds_dir=Path(get("DESKCHECK_SEEDS_DIR") or default_seeds_dir()),
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_client_id=get("SLACK_CLIENT_ID"),
            slack_client_secret=get("SLACK_CLIENT_SECRET"),
            slack_api_url=get("SLACK_API_URL"),
            discord_token=get("DISCORD_TOKEN"),
            digest_slack_channel=get("DIGEST_SLACK_CHANNEL"),
            digest_discord_channel=get("DIGEST_DISCORD_CHANNEL"),
            digest_tz=_time_zone("DIGEST_TZ", get("DIGEST_TZ"), "UTC"),
            digest_weekday=_weekday("DIGEST_WEEKDAY", get("DIGEST_WEEKDAY"), "mon"),
            digest_hour=_whole("DIGEST_HOUR", get("DIGEST_HOUR"), 9, "an hour from 0 to 23", 0, 23),
            port=_whole("PORT", get("PORT"), 3000, "a port number from 1 to 65535", 1, 65535),
            check_timeout=_seconds("DESKCHECK_CHECK_TIMEOUT", get("DESKCHECK_CHECK_TIMEOUT"), 60.0),
            secret_key=_secret("DESKCHECK_SECRET_KEY", get("DESKCHECK_SECRET_KEY")),
            public_url=_public_url("DESKCHECK_PUBLIC_URL", get("DESKCHECK_PUBLIC_URL")),
        )


def _networks(name: str, raw: str | None) -> tuple[str, ...]:
    """Comma-separated networks (`10.20.0.0/16, 192.168.5.7`), each checked now, not at the first link."""
    spec = tuple(part.strip() for part in (raw or "").split(",") if part.strip())
    try:
        networks = [ipaddress.ip_network(part, strict=False) for part in spec]
    except ValueError:
        raise SettingsError(f"{name} must be networks such as 10.20.0.0/16, separated by commas, "
                            f"got {raw!r}") from None
    return tuple(str(net) for net in networks)


def _secret(name: str, value: str | None) -> str | None:
    """A key for HMAC-SHA256 links: at least as long as the hash (RFC 2104 advises no shorter)."""
    if value is not None and len(value.encode("utf-8", "surrogatepass")) < MIN_SECRET_BYTES:
        raise SettingsError(f"{name} must be at least {MIN_SECRET_BYTES} bytes long "
                            "(`python -c 'import secrets; print(secrets.token_urlsafe(32))'` makes one)")
    return value  # never echoed: the message above names the variable, not its value


def _public_url(name: str, value: str | None) -> str | None:
    """The address readers reach the report page at: http(s) with a host, kept without a trailing /."""
    if value is None:
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname \
            or parts.query or parts.fragment or any(c.isspace() for c in value):
        raise SettingsError(f"{name} must be an http(s) address such as https://desk.example.org, "
                            f"got '{value}'")
    return value.rstrip("/")


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
