"""Configuration from environment variables (12-factor), read once per process."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from checks.guard import MAX_CHARS

__all__ = ["PROJECT_ROOT", "Settings", "get_settings"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


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
    seeds_dir: Path = PROJECT_ROOT / "seeds"
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

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        e = os.environ if env is None else env

        def get(name: str) -> str | None:
            return (e.get(name) or "").strip() or None

        return cls(
            database_url=database_url(get("DATABASE_URL")),
            max_chars=int(get("DESKCHECK_MAX_CHARS") or MAX_CHARS),
            allow_private_urls=_flag(get("DESKCHECK_ALLOW_PRIVATE_URLS")),
            seeds_dir=Path(get("DESKCHECK_SEEDS_DIR") or PROJECT_ROOT / "seeds"),
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_client_id=get("SLACK_CLIENT_ID"),
            slack_client_secret=get("SLACK_CLIENT_SECRET"),
            slack_api_url=get("SLACK_API_URL"),
            discord_token=get("DISCORD_TOKEN"),
            digest_slack_channel=get("DIGEST_SLACK_CHANNEL"),
            digest_discord_channel=get("DIGEST_DISCORD_CHANNEL"),
            digest_tz=get("DIGEST_TZ") or "UTC",
            digest_weekday=get("DIGEST_WEEKDAY") or "mon",
            digest_hour=int(get("DIGEST_HOUR") or 9),
            port=int(get("PORT") or 3000),
        )


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
