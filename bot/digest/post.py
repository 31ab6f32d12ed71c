"""Posting the digest to the desk's channels, once per week and channel.

A post first claims its (workspace, week, platform, channel) row in the digest-posts
ledger; only the run that wins the unique key posts. A post that fails marks its row
failed: every later run of the clock (hourly retries, the weekly run) posts the failed weeks
of the last RETRY_WEEKS weeks again, to the channel the desk still uses. While a run holds
a claim, other runs report the week "in progress", never "already posted". A process killed
mid-post leaves its claim for CLAIM_LEASE, then a later run takes it over; should the
platform have accepted the post in the instant before the process died, the week is posted
twice, the price of never silencing a week for good.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import discord
from discord.http import HTTPClient, handle_message_parameters
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from storage import Store, StoreError
from storage.models import workspace_key

from ..render.digest import render_discord, render_slack
from ..settings import Settings
from .build import build_digest, week_window
from .chart import render_chart
from .model import PLATFORMS, Digest, Platform, Week
from .schedule import due_week, zone

__all__ = ["RETRY_WEEKS", "PostError", "PostResult", "Target", "digest_targets", "post_due", "post_week",
           "retry_failed"]

log = logging.getLogger("deskcheck.digest")

# A week that failed to post is retried for this many weeks after it was due, then given up:
# a digest older than a month tells the desk little, and a broken channel is not hammered forever.
RETRY_WEEKS = 4


class PostError(Exception):
    """A platform refused or could not be reached; str() is one line."""


@dataclass(frozen=True)
class Target:
    """Where one workspace's digest goes on one platform."""

    workspace: str
    platform: Platform
    channel: str


@dataclass(frozen=True)
class PostResult:
    target: Target
    week: Week
    status: Literal["posted", "already posted", "in progress", "failed"]
    reason: str | None = None  # why it failed, or what went wrong around a post that went out


def digest_targets(store: Store, settings: Settings) -> list[Target]:
    """The channel each workspace chose, else the deployment's DIGEST_*_CHANNEL for every
    workspace that has checked something on that platform."""
    found: list[Target] = []
    defaults = {"slack": settings.digest_slack_channel, "discord": settings.digest_discord_channel}
    for platform in PLATFORMS:
        chosen = store.digest.channel_settings(platform)
        found += [Target(w, platform, c) for w, c in sorted(chosen.items())]
        default = defaults[platform]
        if default:
            found += [Target(w, platform, default) for w in store.digest.workspaces_on(platform)
                      if w not in chosen]
    return found


def post_week(store: Store, settings: Settings, week: Week, *, now: dt.datetime | None = None,
              targets: list[Target] | None = None) -> list[PostResult]:
    """Post `week` to every target that has not had it yet; a week not over yet is refused,
    since posting it would take the place of the complete digest."""
    now = now or dt.datetime.now(dt.UTC)
    _start, end = week_window(week, zone(settings))
    if now < end:
        raise ValueError(f"{week} is not over yet in {settings.digest_tz}: `deskcheck digest --print` "
                         "shows it so far")
    results = []
    for target in digest_targets(store, settings) if targets is None else targets:
        results.append(_post_once(store, settings, target, week, now))
    return results


def post_due(store: Store, settings: Settings, now: dt.datetime | None = None) -> list[PostResult]:
    """What `--post` and the weekly clock do: the failed weeks of the last RETRY_WEEKS weeks again,
    then the due week to every configured channel that lacks it."""
    now = now or dt.datetime.now(dt.UTC)
    due = due_week(now, settings)
    return retry_failed(store, settings, now=now, newest=due.previous()) + post_week(store, settings, due,
                                                                                     now=now)


def retry_failed(store: Store, settings: Settings, *, now: dt.datetime | None = None,
                 newest: Week | None = None) -> list[PostResult]:
    """What the clock does every hour: post again each week up to `newest` (default: the due week)
    whose post failed, or whose run died, within RETRY_WEEKS, where the desk still wants it."""
    now = now or dt.datetime.now(dt.UTC)
    due = due_week(now, settings)
    oldest = due
    for _ in range(RETRY_WEEKS):
        oldest = oldest.previous()
    failed = store.digest.unfinished_posts(oldest.label, (newest or due).label, now=now)
    if not failed:
        return []
    wanted = set(digest_targets(store, settings))
    return [_post_once(store, settings, target, Week.parse(week), now)
            for workspace, week, platform, channel in failed
            if (target := Target(workspace, platform, channel)) in wanted]  # type: ignore[arg-type]


def _post_once(store: Store, settings: Settings, target: Target, week: Week,
               now: dt.datetime | None) -> PostResult:
    ledger = store.digest
    key = (target.workspace, week.label, target.platform, target.channel)
    claim = ledger.claim_post(*key, now=now)
    if claim != "claimed":
        return PostResult(target, week, "already posted" if claim == "posted" else "in progress")
    try:
        note = _deliver(store, settings, target, week, now)
    except BaseException as exc:  # any failure, an interrupt too, gives the claim up for a retry
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _settle(lambda: ledger.fail_post(*key, reason))
        if not isinstance(exc, Exception):
            raise
        log.warning("digest %s for %s to %s %s failed: %s", week, target.workspace, target.platform,
                    target.channel, reason)
        return PostResult(target, week, "failed", reason)
    _settle(lambda: ledger.finish_post(*key))
    return PostResult(target, week, "posted", note)


def _deliver(store: Store, settings: Settings, target: Target, week: Week,
             now: dt.datetime | None) -> str | None:
    digest = build_digest(store, target.workspace, week, tz=settings.digest_tz, now=now, settings=settings)
    if target.platform == "slack":
        token = slack_token(store, settings, target.workspace)
        return _post_slack(settings, token, target, digest, render_chart(digest))
    return _post_discord(settings, target, digest, render_chart(digest))


def _settle(write: Callable[[], None]) -> None:
    """Record how a post ended; a database that is down now leaves the claim to CLAIM_LEASE."""
    try:
        write()
    except StoreError as exc:
        log.error("digest ledger not updated: %s", exc)


def _same_workspace(platform_id: object, target: Target) -> bool:
    """Whether a Slack team or Discord guild id is the target's workspace. A target read back
    from the history holds the workspace as stored (a long id as its key), so keys are compared."""
    return workspace_key(str(platform_id)) == workspace_key(target.workspace)


def _chart_name(d: Digest) -> str:
    return f"deskcheck-digest-{d.week.label}.png"


def slack_token(store: Store, settings: Settings, workspace: str) -> str:
    """The bot token for a Slack team, chosen as the Slack adapter chooses its mode: an OAuth
    install (SLACK_CLIENT_ID, no Socket Mode) keeps one token per team in slack-sdk's
    installation store in our database; otherwise SLACK_BOT_TOKEN is the one workspace's."""
    if settings.slack_client_id and not settings.slack_app_token:
        from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
        from sqlalchemy.exc import SQLAlchemyError

        installs = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=store.engine)
        try:
            bot = installs.find_bot(enterprise_id=None, team_id=workspace)
        except SQLAlchemyError:  # no install ever happened: the adapter creates the tables on first start
            bot = None
        if bot is None or not bot.bot_token:
            raise PostError(f"deskcheck is not installed in Slack team {workspace}")
        return bot.bot_token
    if not settings.slack_bot_token:
        raise PostError("SLACK_BOT_TOKEN is not set")
    return settings.slack_bot_token


def _post_slack(settings: Settings, token: str, target: Target, digest: Digest, png: bytes) -> str | None:
    client = WebClient(token=token, base_url=settings.slack_api_url or WebClient.BASE_URL)
    message = render_slack(digest)
    try:
        team = client.auth_test().get("team_id")
        if not _same_workspace(team, target):  # a desk's digest never lands in another desk's Slack
            raise PostError(f"the Slack token belongs to team {team}, not {target.workspace}")
        client.chat_postMessage(channel=target.channel, text=message.text, blocks=list(message.blocks),
                                unfurl_links=False, unfurl_media=False)
    except SlackApiError as exc:
        raise PostError(f"Slack refused the digest: {exc.response.get('error')}") from exc
    except SlackClientError as exc:
        raise PostError(f"Slack could not be reached: {exc}") from exc
    try:
        # the chart right under the message, in the channel: Slack groups the two as one post,
        # where a thread would hide the picture behind "1 reply"
        client.files_upload_v2(channel=target.channel, file=png, filename=_chart_name(digest),
                               title=f"Checks per day and sourcing, {digest.week.label}",
                               alt_txt="Bar chart of checks per day and of named against anonymous "
                                       "statements, this week and the week before")
    except SlackClientError as exc:
        # the digest itself is out: posting it again for the chart would repeat it
        error = exc.response.get("error") if isinstance(exc, SlackApiError) else str(exc)
        return f"chart not attached ({error}; the app needs the files:write scope)"
    return None


def _post_discord(settings: Settings, target: Target, digest: Digest, png: bytes) -> str | None:
    if not settings.discord_token:
        raise PostError("DISCORD_TOKEN is not set")
    if not target.channel.isdigit():
        raise PostError(f"'{target.channel}' is not a Discord channel id")
    asyncio.run(_send_discord(settings.discord_token, target, render_discord(digest), png,
                              _chart_name(digest)))
    return None


async def _send_discord(token: str, target: Target, content: str, png: bytes, filename: str) -> None:
    """One message with the chart attached, through discord.py's REST client (its rate limits)."""
    http = HTTPClient(asyncio.get_running_loop())
    try:
        await http.static_login(token)
        guild = (await http.get_channel(int(target.channel))).get("guild_id")
        if not _same_workspace(guild, target):  # a desk's digest never lands in another desk's server
            raise PostError(f"channel {target.channel} belongs to guild {guild}, not {target.workspace}")
        chart = discord.File(io.BytesIO(png), filename=filename,
                             description="Checks per day; named against anonymous statements")
        # no mention pings anyone, and no link in a title grows a preview card
        with handle_message_parameters(content=content, file=chart,
                                       allowed_mentions=discord.AllowedMentions.none(),
                                       flags=discord.MessageFlags(suppress_embeds=True)) as params:
            await http.send_message(int(target.channel), params=params)
    except discord.HTTPException as exc:
        raise PostError(f"Discord refused the digest: {exc.status} {exc.text or ''}".strip()) from exc
    except (TimeoutError, OSError) as exc:
        raise PostError(f"Discord could not be reached: {exc}") from exc
    finally:
        await http.close()
