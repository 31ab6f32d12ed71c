"""What the storage and digest tests share: a fresh database per test (SQLite, and PostgreSQL when
DESKCHECK_TEST_POSTGRES_URL is set), a short story with one quote, and a row counter."""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from checks.models import Article, InputInfo, Quote, Report
from storage import Store
from storage.db import dispose

__all__ = ["STORY", "count", "fresh_database", "postgres_url", "report_for", "ruiz_quote"]

STORY = ("Harbour Authority Delays Vote on Container Terminal\n\nThe harbour authority postponed a vote on "
         "the new container terminal on Thursday after residents filled the hearing room. \u201cWe will "
         "not rush a decision that shapes this waterfront for fifty years,\u201d said board chair Ana "
         "Ruiz. Port workers' union leader Tom Okafor said the delay would cost jobs.")


def postgres_url() -> str:
    url = os.environ.get("DESKCHECK_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true but DESKCHECK_TEST_POSTGRES_URL is unset: "
                    ".ci/postgres.sh did not start PostgreSQL")
    pytest.skip("DESKCHECK_TEST_POSTGRES_URL not set")


@contextlib.contextmanager
def fresh_database(kind: str, directory: Path) -> Iterator[str]:
    """A fresh, empty database URL, dropped afterwards: `kind` is "sqlite" or "postgresql".

    conftest.py's `database_url` fixture runs every storage test on both; PostgreSQL is skipped
    (failed under CI) unless DESKCHECK_TEST_POSTGRES_URL is set.
    """
    if kind == "sqlite":
        url = f"sqlite:///{directory}/history.db"
        yield url
        dispose(url)
        return
    admin = create_engine(postgres_url(), isolation_level="AUTOCOMMIT")
    name = f"deskcheck_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_url()).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        dispose(url)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def report_for(body: str, url: str | None = None, quotes: tuple[Quote, ...] = ()) -> Report:
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return Report(input=InputInfo(kind="url" if url else "text", url=url, sha256=sha),
                  article=Article(title=body.split("\n")[0]), quotes=quotes)


def ruiz_quote(body: str = STORY) -> Quote:
    words = "We will not rush a decision that shapes this waterfront for fifty years,"
    start = body.index(words)
    return Quote(text=words, start=start, end=start + len(words), speaker="Ana Ruiz", speaker_kind="named")


def count(store: Store, model: type) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model)) or 0
