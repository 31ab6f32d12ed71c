"""The Slack surface: a thin bolt adapter over bot.service and bot.render.slack."""

from __future__ import annotations

from .app import BOT_SCOPES, SlackSetupError, api_url, build_app, slack_mode
from .handlers import CHECK_SHORTCUT, USAGE, Desk
from .server import EVENTS_PATH, SlackServer, serve_socket_mode

__all__ = [
    "BOT_SCOPES",
    "CHECK_SHORTCUT",
    "EVENTS_PATH",
    "USAGE",
    "Desk",
    "SlackServer",
    "SlackSetupError",
    "api_url",
    "build_app",
    "serve_socket_mode",
    "slack_mode",
]
