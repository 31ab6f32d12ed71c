"""The listeners: /check, the "Check this message" shortcut, mentions, the Full report button
(the desk's status, assignment and note controls are bot.slack.desk's).

Each surface acknowledges at once and hands the check to a worker thread, so Slack's
3-second limit holds whatever the article. (Bolt's lazy listeners do the same but deep-copy
the whole request first, a large part of a long article's acknowledgement.)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import Ack, App, BoltRequest, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from checks import Report
from storage import open_store

from ..digest.here import is_digest_here
from ..digest.here import slack_set_here as set_here
from ..render import (
    FULL_REPORT_ACTION,
    render_full_blocks,
    render_full_view,
    render_message,
)
from ..render import SLACK_MAX_BLOCKS as MAX_BLOCKS
from ..service import Outcome, Requester
from ..settings import Settings, get_settings
from .desk import report_url
from .gate import is_verified, response_url_allowed
from .inputs import is_help, pick_input
from .memory import ReportShelf

__all__ = ["CHECK_SHORTCUT", "USAGE", "CheckFn", "Desk", "register"]

CheckFn = Callable[[str, Requester], Outcome]

CHECK_SHORTCUT = "check_message"
USAGE = (
    "*deskcheck* lays out the evidence in an article: quotes and who said them, named and anonymous "
    "sources, dates, signals, similar articles and earlier checks. It never says true or fake.\n"
    "• `/check https://…` or `/check <pasted article text>`: the report is posted in this channel\n"
    "• On any message: ⋮ → *Check this message*: checks its text or its link, answered in its thread\n"
    "• Mention me with a link: `@deskcheck https://…`, answered in the thread\n"
    "• `/check digest here`: this channel gets the team's weekly digest of what the desk checked"
)
# Slack answers these when the bot is not in the conversation; the response_url still works there.
_NOT_A_MEMBER = {"not_in_channel", "channel_not_found", "is_archived"}
MAX_ERROR_CHARS = 300
_EXPIRED = "deskcheck no longer has that report: run /check again."

log = logging.getLogger("deskcheck.slack")


@dataclass
class Desk:
    """The Slack surface's state: how to check, and the reports behind the buttons."""

    check: CheckFn
    workers: Executor = field(default_factory=lambda: ThreadPoolExecutor(4, "deskcheck-check"))
    # Slack calls that must happen at once (views.open within 3 s of the click): never queued
    # behind checks, and never on the web server's event loop, where listeners run.
    quick: Executor = field(default_factory=lambda: ThreadPoolExecutor(2, "deskcheck-slack"))
    shelf: ReportShelf = field(default_factory=ReportShelf)
    settings: Settings = field(default_factory=get_settings)

    # ---- what Slack delivers: acknowledged here, in the request, checked later on a worker
    def on_command(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        if is_help(body.get("text", "")):
            ack(text=USAGE)  # the ack's text is private to the person who typed /check
            return
        if is_digest_here(body.get("text", "")):
            ack()  # the answer follows privately: saving waits on the database, never on the event loop
            self.quick.submit(self.choose_digest_channel, body, client, respond)
            return
        ack(text="Checking… the report will be posted here.")
        self.workers.submit(self.run_command, body, client, respond)

    def on_shortcut(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        ack()
        self.workers.submit(self.run_shortcut, body, client, respond)

    def on_mention(self, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        self.workers.submit(self.run_mention, body, client, None)

    # ---- /check
    def run_command(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        with self._answering_failures(body, client, respond):
            user, channel = body.get("user_id"), body.get("channel_id")
            asked = Requester(platform="slack", workspace=body.get("team_id") or "?", user=user,
                              channel=channel)
            self._check_and_post(pick_input(body.get("text", "")), asked, client, respond, thread_ts=None)

    def choose_digest_channel(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        with self._answering_failures(body, client, respond):
            answer = set_here(self.settings, body.get("team_id"), body.get("channel_id"))
            _tell_privately(client, respond, _requester(body), None, answer)

    # ---- message shortcut and mention
    def run_shortcut(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        with self._answering_failures(body, client, respond):
            message = body.get("message") or {}
            asked = Requester(platform="slack", workspace=(body.get("team") or {}).get("id") or "?",
                              user=(body.get("user") or {}).get("id"),
                              channel=(body.get("channel") or {}).get("id"), message_id=message.get("ts"))
            thread = message.get("thread_ts") or message.get("ts")
            self._check_and_post(pick_input(message.get("text") or ""), asked, client, respond, thread)

    def run_mention(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        with self._answering_failures(body, client, respond):
            event = body.get("event") or {}
            asked = Requester(platform="slack", workspace=body.get("team_id") or "?", user=event.get("user"),
                              channel=event.get("channel"), message_id=event.get("ts"))
            thread = event.get("thread_ts") or event.get("ts")
            raw = pick_input(event.get("text") or "")
            if is_help(raw):
                _tell_privately(client, respond, asked, thread, USAGE)
                return
            self._check_and_post(raw, asked, client, respond, thread)

    def _check_and_post(self, raw: str, asked: Requester, client: WebClient, respond: Respond | None,
                        thread_ts: str | None) -> None:
        started = time.perf_counter()
        outcome = self.check(raw, asked)
        # Ids and counts only: never the text, which may be an unpublished story.
        log.info("deskcheck slack: checked for team %s in %.0f ms: %s", asked.workspace,
                 (time.perf_counter() - started) * 1000,
                 f"{len(outcome.report.quotes)} quotes" if outcome.report else "refused")
        if outcome.report is None:
            reason = (outcome.error or "nothing could be checked")[:MAX_ERROR_CHARS]
            _tell_privately(client, respond, asked, thread_ts, f"deskcheck: {reason}")
            return
        history = outcome.report.history
        message = render_message(outcome.report, checker=asked.user, notice=outcome.notice,
                                 report_key=self._keep(outcome.report),
                                 report_url=report_url(self.settings, asked.workspace,
                                                       history.item if history else None))
        try:
            client.chat_postMessage(channel=asked.channel or "", thread_ts=thread_ts, text=message.text,
                                    blocks=message.blocks, unfurl_links=False, unfurl_media=False)
        except SlackApiError as exc:
            if _code(exc) not in _NOT_A_MEMBER or respond is None:
                raise
            # A private channel or DM without the bot: the response_url can still answer there.
            respond(text=message.text, blocks=message.blocks, response_type="in_channel",
                    replace_original=False)

    # ---- the Full report button
    def on_full_report(self, ack: Ack, body: dict[str, Any], client: WebClient,
                       respond: Respond | None) -> None:
        ack()
        self.quick.submit(self.open_full_report, body, client, respond)

    def open_full_report(self, body: dict[str, Any], client: WebClient, respond: Respond | None) -> None:
        with self._answering_failures(body, client, respond):
            action = (body.get("actions") or [{}])[0]
            report = self._kept(str(action.get("value", "")), _team(body))
            if report is None:
                _tell_privately(client, respond, _requester(body), _thread(body), _EXPIRED)
                return
            try:
                # views.open must happen within 3 s of the click: on the quick threads, not the checks'.
                client.views_open(trigger_id=body["trigger_id"], view=render_full_view(report))
            except SlackApiError:
                message = body.get("message") or {}
                client.chat_postMessage(channel=(body.get("channel") or {}).get("id", ""),
                                        thread_ts=message.get("thread_ts") or message.get("ts"),
                                        text="The full report", blocks=render_full_blocks(
                                            report, max_blocks=MAX_BLOCKS), unfurl_links=False)

    def _keep(self, report: Report) -> str:
        """What the Full report button names: the history's item, which outlives this process and
        is the same on every web process; the shelf in memory when the history was unavailable."""
        return report.history.item if report.history else self.shelf.keep(report)

    def _kept(self, key: str, workspace: str) -> Report | None:
        if not key.startswith("item:"):
            return self.shelf.get(key)
        # The clicking workspace's own items only: a button's value is not proof of access.
        return open_store(self.settings.database_url).stored_report(key, workspace)

    # ---- the one error handler
    def on_error(self, error: Exception, body: dict[str, Any], request: BoltRequest, client: WebClient,
                 respond: Respond | None) -> None:
        """Bolt's error handler: what failed while a request was served."""
        if not is_verified(request):
            # Slack did not sign it: nothing in it is read, echoed or answered.
            log.warning("deskcheck slack: a request that was not verified failed (%s); not answered",
                        type(error).__name__)
            return
        self._tell_failure(error, body, client, respond)

    def _tell_failure(self, error: Exception, body: dict[str, Any], client: WebClient,
                      respond: Respond | None) -> None:
        """Log what went wrong without tokens or message text; tell the person privately.
        Only for a verified body: one bolt handed to a listener, or one on_error checked."""
        code = _code(error) if isinstance(error, SlackApiError) else type(error).__name__
        log.error("deskcheck slack: %s failed (%s) in team %s", _kind(body), code, _team(body),
                  exc_info=not isinstance(error, SlackApiError))
        asked = _requester(body)
        text = f"deskcheck could not finish this check ({code}). Please try again in a minute."
        try:
            _tell_privately(client, respond, asked, _thread(body), text)
        except Exception as exc:  # the person cannot be told; the log above is what is left
            log.error("deskcheck slack: could not answer privately (%s)", type(exc).__name__)

    @contextmanager
    def _answering_failures(self, body: dict[str, Any], client: WebClient,
                            respond: Respond | None) -> Iterator[None]:
        # Worker threads run after the ack, outside bolt's error handler: route their failures here.
        # Their body reached a listener, so bolt's middleware found it verified.
        try:
            yield
        except Exception as exc:
            self._tell_failure(exc, body, client, respond)


def register(app: App, desk: Desk) -> None:
    # Bolt tries listeners in this order: /check, the one that must be quickest, first.
    app.command("/check")(desk.on_command)
    app.shortcut(CHECK_SHORTCUT)(desk.on_shortcut)
    app.event("app_mention")(desk.on_mention)
    app.action(FULL_REPORT_ACTION)(desk.on_full_report)
    app.error(desk.on_error)


def _tell_privately(client: WebClient, respond: Respond | None, asked: Requester, thread_ts: str | None,
                    text: str) -> None:
    """Ephemeral: the response_url where Slack gave one, else chat.postEphemeral.

    The response_url is posted to only if it is Slack's: the client's base_url is SLACK_API_URL."""
    if respond is not None and response_url_allowed(respond.response_url, client.base_url):
        respond(text=text, response_type="ephemeral", replace_original=False)
    elif asked.channel and asked.user:
        client.chat_postEphemeral(channel=asked.channel, user=asked.user, text=text, thread_ts=thread_ts)


def _requester(body: dict[str, Any]) -> Requester:
    event = body.get("event") or {}
    user = body.get("user_id") or (body.get("user") or {}).get("id") or event.get("user")
    channel = body.get("channel_id") or (body.get("channel") or {}).get("id") or event.get("channel")
    return Requester(platform="slack", workspace=_team(body), user=user, channel=channel)


def _thread(body: dict[str, Any]) -> str | None:
    where = body.get("message") or body.get("event") or {}
    return where.get("thread_ts") or where.get("ts")


def _team(body: dict[str, Any]) -> str:
    return str(body.get("team_id") or (body.get("team") or {}).get("id") or "?")


def _kind(body: dict[str, Any]) -> str:
    if body.get("command"):
        return "command"
    return str((body.get("event") or {}).get("type") or body.get("type") or "request")


def _code(exc: SlackApiError | Exception) -> str:
    response = getattr(exc, "response", None)
    try:
        return str(response["error"]) if response is not None else type(exc).__name__
    except (KeyError, TypeError):
        return type(exc).__name__
