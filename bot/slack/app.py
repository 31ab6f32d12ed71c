"""The bolt App, configured from Settings: one workspace, OAuth install, or Socket Mode."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped, warning_token_skipped
from slack_bolt.middleware import Middleware
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from ..settings import Settings
from ..workers import CheckPool, FairThreads
from .desk import Verdicts, register_verdicts
from .gate import is_verified, response_url_allowed
from .handlers import CheckFn, Desk, _team, register
from .memory import Redeliveries

__all__ = ["BOT_SCOPES", "DEFAULT_API_URL", "SlackSetupError", "api_url", "build_app", "slack_mode"]

DEFAULT_API_URL = "https://slack.com/api/"
# The manifest asks for exactly these (a test keeps slack-app-manifest.yaml in step).
# files:write: the weekly digest uploads its chart (files_upload_v2).
BOT_SCOPES = ("app_mentions:read", "chat:write", "chat:write.public", "commands", "files:write")
RATE_LIMIT_RETRIES = 3
# Threads that check and post after the ack; with the CheckPool they mostly wait on it.
CHECK_WORKERS = 8

Mode = Literal["token", "oauth", "socket"]


class SlackSetupError(Exception):
    """The configuration cannot run Slack; the message is one line naming the variables."""


def slack_mode(settings: Settings) -> Mode:
    s = settings
    if s.slack_app_token:
        if not s.slack_bot_token:
            raise SlackSetupError("Socket Mode (SLACK_APP_TOKEN) also needs SLACK_BOT_TOKEN")
        return "socket"
    if s.slack_client_id or s.slack_client_secret:
        missing = [name for name, value in (("SLACK_CLIENT_ID", s.slack_client_id),
                                            ("SLACK_CLIENT_SECRET", s.slack_client_secret),
                                            ("SLACK_SIGNING_SECRET", s.slack_signing_secret)) if not value]
        if missing:
            raise SlackSetupError(f"the Slack OAuth install is missing {', '.join(missing)}")
        return "oauth"
    if not s.slack_bot_token and not s.slack_signing_secret:
        raise SlackSetupError(
            "Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (one workspace), "
            "or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET (OAuth install), "
            "or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode)")
    missing = [name for name, value in (("SLACK_BOT_TOKEN", s.slack_bot_token),
                                        ("SLACK_SIGNING_SECRET", s.slack_signing_secret)) if not value]
    if missing:
        raise SlackSetupError(f"Slack is missing {', '.join(missing)}")
    return "token"


def api_url(settings: Settings) -> str:
    """SLACK_API_URL, for tests and proxies; the WebClient joins method names onto it."""
    url = settings.slack_api_url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def build_app(settings: Settings, *, check: CheckFn | None = None, threads: int = CHECK_WORKERS) -> App:
    """The configured App. With a bot token, bolt calls auth.test here: a bad token fails now.

    `check` defaults to a CheckPool (worker processes) over bot.service.run_check.
    """
    mode = slack_mode(settings)
    token = settings.slack_bot_token if mode != "oauth" else None
    client = WebClient(token=token, base_url=api_url(settings))
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    options: dict[str, Any] = {
        "client": client,
        "signing_secret": settings.slack_signing_secret,
        # Listeners run as the request is served: they ack, hand the work to a thread and return.
        "process_before_response": True,
        # SlackServer verifies every signature before bolt reads the request (bot.slack.gate), once;
        # _SignedOnly refuses any HTTP request it did not verify, so served otherwise the App acts on nothing.
        "request_verification_enabled": False,
        "before_authorize": _SignedOnly(api_url(settings)),
    }
    if mode == "oauth":
        options["oauth_settings"] = _oauth_settings(settings)
    app = App(logger=_bolt_logger(), **options)
    app.use(Redeliveries())
    started = _started(ThreadPoolExecutor(max_workers=threads, thread_name_prefix="deskcheck-check"), threads)
    workers = FairThreads(started, threads, lambda body, *_: _team(body))  # fair turns between teams
    register(app, Desk(check=check or CheckPool(settings), workers=workers, settings=settings))
    register_verdicts(app, Verdicts(settings=settings))  # the status, assignment and note controls
    if mode == "oauth":
        app.enable_token_revocation_listeners()  # an uninstall deletes the workspace's stored tokens
    else:
        app.event("app_uninstalled")(_noted)
        app.event("tokens_revoked")(_noted)
    return app


def _started(pool: ThreadPoolExecutor, threads: int) -> ThreadPoolExecutor:
    """The pool with all its threads running. A pool starts a thread when a task finds none idle,
    so the first checks of a burst would each pay for one inside their ack."""
    everyone = threading.Barrier(threads + 1)
    for _ in range(threads):  # each task holds its thread until all are up: no thread is reused
        pool.submit(everyone.wait, 10)
    everyone.wait(10)
    return pool


class _SignedOnly(Middleware):
    """First of our middleware, before authorization: an HTTP request whose signature the server did
    not verify goes no further (401); a response_url that is not Slack's is dropped, so `respond`
    can only ever post to Slack."""

    def __init__(self, api_url: str) -> None:
        self.api_url = api_url

    def process(self, *, req: BoltRequest, resp: BoltResponse,
                next: Callable[[], BoltResponse]) -> BoltResponse | None:
        if not is_verified(req):
            return BoltResponse(status=401, body="")
        url = req.context.get("response_url")
        if url is not None and not response_url_allowed(url, self.api_url):
            del req.context["response_url"]  # before `respond` is built from it
        return next()


def _noted(body: dict[str, Any], logger: logging.Logger) -> None:
    logger.warning("deskcheck slack: %s for team %s: the bot token stops working",
                   (body.get("event") or {}).get("type"), body.get("team_id"))


class _SettingsDecide(logging.Filter):
    """Bolt also reads SLACK_BOT_TOKEN from the environment and warns that our client wins.

    Settings are the one source of configuration here, so that notice is noise.
    """

    NOTICES = frozenset({warning_client_prioritized_and_token_skipped(), warning_token_skipped()})

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.NOTICES


def _bolt_logger() -> logging.Logger:
    logger = logging.getLogger("deskcheck.slack.bolt")
    if not any(isinstance(f, _SettingsDecide) for f in logger.filters):
        logger.addFilter(_SettingsDecide())
    return logger


def _oauth_settings(settings: Settings) -> OAuthSettings:
    """Installations and OAuth states in the project's own database (slack-sdk's SQLAlchemy stores)."""
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    from storage import engine_for

    # the process's one engine for the database (storage/db.py): one pool, its timeouts and pragmas
    engine = engine_for(settings.database_url)
    installations = SQLAlchemyInstallationStore(client_id=settings.slack_client_id or "", engine=engine)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine)
    # create_all checks first: safe at every start, and the tables carry slack_ names of their own.
    installations.create_tables()  # type: ignore[no-untyped-call]
    states.metadata.create_all(engine)
    oauth = OAuthSettings(client_id=settings.slack_client_id, client_secret=settings.slack_client_secret,
                          scopes=list(BOT_SCOPES), installation_store=installations, state_store=states)
    if isinstance(oauth.authorize, InstallationStoreAuthorize):
        # Else bolt asks Slack's auth.test about the workspace's token before every request it serves.
        oauth.authorize.cache_enabled = True
    return oauth
