"""What every surface does with a check: fetch -> check -> record -> history.

The adapters (CLI, Slack, Discord) parse their input into a string and a Requester,
call run_check, and render the Outcome. Nothing here knows about a chat platform.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import checks
from checks import CheckError, FactCheckHit, FactCheckIndex, InputInfo, Report, find_similar
from storage import CheckEvent, StoreError, open_store
from storage.budget import history_budget

from .corpus import open_seeded_store
from .settings import Settings, get_settings

__all__ = ["Outcome", "Requester", "run_check", "single_url"]

log = logging.getLogger(__name__)

# Seconds a check may spend waiting on the database in all (the fact-checks it is matched against,
# similar articles, recording) before its report goes out without them: a locked SQLite file or a
# hung PostgreSQL server never holds a reporter longer.
HISTORY_BUDGET = 10.0
# Of that, the most the fact-check lookups may take; past it, or with the database down, the report
# goes out without the fact-check section.
FACT_CHECK_BUDGET = 3.0

_URL = re.compile(r"^<?(https?://[^\s<>|]+)(?:\|[^>]*)?>?$", re.IGNORECASE)


# Who asked: the workspace scopes the history (Slack team, Discord guild, or 'local').
# The surfaces speak of a requester, the storage of a check event: one type serves both.
Requester = CheckEvent


@dataclass(frozen=True)
class Outcome:
    report: Report | None = None
    error: str | None = None  # why nothing could be checked, one line
    notice: str | None = None  # something the user should know about a report that did come out


def single_url(raw: str) -> str | None:
    """The link when the input is one link alone (Slack wraps links as <url|label>)."""
    match = _URL.match(raw.strip())
    return match.group(1) if match else None


def run_check(
    raw: str,
    requester: Requester,
    *,
    settings: Settings | None = None,
    kind: Literal["text", "file"] = "text",
    published: dt.date | None = None,
) -> Outcome:
    settings = settings or get_settings()
    url = single_url(raw)
    waits = _DatabaseTime(HISTORY_BUDGET)
    fact_checks = _fact_checks(settings, requester.workspace, waits)
    try:
        if url:
            report, text = _check_link(url, settings, published, fact_checks)
        else:
            text = raw
            info = InputInfo(kind=kind, sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest())
            report = checks.check_text(raw, published, input=info, max_chars=settings.max_chars,
                                       fact_checks=fact_checks)
    except CheckError as exc:
        return Outcome(error=str(exc))
    return _with_history(report, text, requester, settings, waits)


class _DatabaseTime:
    """The database waiting a check has left: each step's waits are cut to it (storage.budget), and
    what a step took is taken off, so the fact-check lookups and the history share one budget."""

    def __init__(self, seconds: float) -> None:
        self.left = seconds

    @contextlib.contextmanager
    def spend(self, at_most: float | None = None) -> Iterator[None]:
        started = time.monotonic()
        try:
            with history_budget(self.left if at_most is None else min(at_most, self.left)):
                yield
        finally:
            self.left = max(0.0, self.left - (time.monotonic() - started))


def _with_history(report: Report, text: str, requester: Requester, settings: Settings,
                  waits: _DatabaseTime) -> Outcome:
    """Similar articles from the workspace's corpus, then the check recorded.

    A database that is down or locked costs the similar articles and the history, never the report,
    and at most HISTORY_BUDGET seconds with the fact-check lookups.
    """
    try:
        with waits.spend():
            # a fresh database gets the reference corpus here; bot/workers.py imports it before a first check
            store = open_seeded_store(settings.database_url, settings.seeds_dir)
            corpus = store.corpus(requester.workspace, report, text)
            report = dataclasses.replace(report, similar=find_similar(text, report.quotes, corpus))
            history = store.record(report, text, requester)
    except StoreError as exc:
        log.warning("history unavailable: %s", exc)  # the reason only: never the text or the URL's secrets
        return Outcome(report=report, notice=f"history unavailable: {exc}")
    return Outcome(report=dataclasses.replace(report, history=history))


def _check_link(url: str, settings: Settings, published: dt.date | None = None,
                fact_checks: FactCheckIndex | None = None) -> tuple[Report, str]:
    """`published`, when the reporter gives it, overrides the date the page itself claims."""
    # Imported here so that text-only callers never load httpx and trafilatura.
    from checks import parse_networks, read_link

    found, page = read_link(url, allow_private=settings.allow_private_urls,
                            allowed_networks=parse_networks(settings.allowed_networks))
    report = checks.check_text(found.text, published or found.article.published, article=found.article,
                               input=found.input_info(page.url), max_chars=settings.max_chars,
                               fact_checks=fact_checks)
    return report, found.text


def _fact_checks(settings: Settings, workspace: str, waits: _DatabaseTime) -> FactCheckIndex | None:
    """The published fact-checks the workspace's checks are matched against: the shared ones and its
    own. None when there are none, or the database cannot say in time (the check goes on without)."""
    try:
        with waits.spend(at_most=FACT_CHECK_BUDGET):
            shelf = open_store(settings.database_url).factchecks  # no seeds: they are not fact-checks
            if not shelf.count(workspace):
                return None
    except StoreError as exc:
        log.warning("fact-checks unavailable: %s", exc)
        return None
    return _Forgiving(shelf.index(workspace), waits)


@dataclass
class _Forgiving:
    """A fact-check index whose failures cost the matches, never the report: each search (or a
    check's batch of them) waits within the check's database budget, and after one failure the rest
    are not tried."""

    index: FactCheckIndex
    waits: _DatabaseTime
    failed: bool = False

    def search(self, query: str, limit: int) -> list[FactCheckHit]:
        if self.failed:
            return []
        try:
            with self.waits.spend(at_most=FACT_CHECK_BUDGET):
                return self.index.search(query, limit)
        except StoreError as exc:
            log.warning("fact-check search failed: %s", exc)
            self.failed = True
            return []

    def search_many(self, queries: Sequence[str], limit: int) -> list[list[FactCheckHit]]:
        if self.failed:
            return [[] for _ in queries]
        try:
            with self.waits.spend(at_most=FACT_CHECK_BUDGET):  # one wait for the whole batch
                return self.index.search_many(queries, limit)
        except StoreError as exc:
            log.warning("fact-check search failed: %s", exc)
            self.failed = True
            return [[] for _ in queries]
