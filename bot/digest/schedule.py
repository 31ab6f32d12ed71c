"""When the digest is due, and the `clock` process that posts it (APScheduler 3, cron)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from ..settings import Settings
from .model import Week

__all__ = ["MISFIRE_GRACE", "RETRY_EVERY", "WEEKDAYS", "ScheduleError", "build_scheduler", "due_week",
           "last_run", "zone"]

log = logging.getLogger("deskcheck.digest")

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A clock that was down at the hour still posts when it is back the same day; later than
# that, the catch-up run at start covers it (posting is idempotent either way).
MISFIRE_GRACE = 12 * 3600
# How often the clock posts again the weeks whose post failed (a Slack or Discord outage, a
# revoked token): soon enough that a transient failure costs the desk an hour, not a week.
RETRY_EVERY = dt.timedelta(hours=1)


class ScheduleError(ValueError):
    """DIGEST_TZ, DIGEST_WEEKDAY or DIGEST_HOUR is not usable; str() says which."""


def zone(settings: Settings) -> ZoneInfo:
    try:
        return ZoneInfo(settings.digest_tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"DIGEST_TZ '{settings.digest_tz}' is not a time zone such as "
                            "Europe/Paris") from None


def _weekday(settings: Settings) -> int:
    day = settings.digest_weekday.strip().lower()[:3]
    if day not in WEEKDAYS:
        raise ScheduleError(f"DIGEST_WEEKDAY '{settings.digest_weekday}' is not a weekday (mon … sun)")
    if not 0 <= settings.digest_hour <= 23:
        raise ScheduleError(f"DIGEST_HOUR {settings.digest_hour} is not an hour (0 … 23)")
    return WEEKDAYS.index(day)


def last_run(now: dt.datetime, settings: Settings) -> dt.datetime:
    """The most recent scheduled moment at or before `now` (aware), in the desk's zone."""
    tz, weekday = zone(settings), _weekday(settings)
    local = now.astimezone(tz)
    day = local.date() - dt.timedelta(days=(local.weekday() - weekday) % 7)
    fire = dt.datetime.combine(day, dt.time(settings.digest_hour), tzinfo=tz)
    return fire if fire <= local else fire - dt.timedelta(days=7)


def due_week(now: dt.datetime, settings: Settings) -> Week:
    """The week the latest scheduled run was for: the last one complete at that moment."""
    return Week.of(last_run(now, settings).date()).previous()


def build_scheduler(settings: Settings, job: Callable[[], object],
                    retry: Callable[[], object] | None = None) -> BlockingScheduler:
    """A blocking scheduler with the weekly cron job, and `retry` every RETRY_EVERY when given;
    start() it to run the clock."""
    tz = zone(settings)
    _weekday(settings)
    scheduler = BlockingScheduler(timezone=tz)
    trigger = CronTrigger(day_of_week=settings.digest_weekday.strip().lower()[:3],
                          hour=settings.digest_hour, minute=0, timezone=tz)
    # coalesce: several missed runs make one; max_instances: a slow post never overlaps the next
    scheduler.add_job(job, trigger, id="weekly-digest", name="weekly digest",
                      misfire_grace_time=MISFIRE_GRACE, coalesce=True, max_instances=1,
                      replace_existing=True)
    if retry is not None:
        scheduler.add_job(retry, IntervalTrigger(seconds=RETRY_EVERY.total_seconds(), timezone=tz),
                          id="digest-retry", name="digest retries", coalesce=True, max_instances=1,
                          replace_existing=True)
    return scheduler
