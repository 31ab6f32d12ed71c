"""Report pages read and rendered at once are bounded: a page request beyond the bound gets 503 at once
instead of a thread (the Slack app serves pages in its own process, beside the events it must answer).

The render held open is a real one, waiting on a real lock: PostgreSQL's, since SQLite's readers never
wait (WAL). Like every PostgreSQL test, it fails under CI when no server is set rather than skip.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from support.report_page import KEY, page_url, store_story

from bot.settings import Settings
from bot.web.server import BUSY, REFUSED, PageServer, PageSite
from storage import open_store


def test_a_page_beyond_the_renders_in_progress_is_busy_and_the_one_in_progress_still_arrives(
        tmp_path: Path) -> None:
    from support.history import fresh_database

    with fresh_database("postgresql", tmp_path) as url:
        store = open_store(url)
        item = store_story(store, "T0FERRY")
        site = PageSite(Settings(database_url="sqlite://", secret_key=KEY), store=store, max_renders=1)
        server = PageServer(site, host="127.0.0.1", port=0)
        serving = threading.Thread(target=server.run, daemon=True)
        serving.start()
        base = f"http://127.0.0.1:{server.port}"
        holder = create_engine(url).connect()
        holder.execute(text("LOCK TABLE items IN ACCESS EXCLUSIVE MODE"))  # a migration elsewhere, say
        first: list[httpx.Response] = []
        reading = threading.Thread(target=lambda: first.append(httpx.get(page_url(base, "T0FERRY", item),
                                                                         timeout=60)))
        try:
            reading.start()
            waiting = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'items'::regclass"
            deadline = time.monotonic() + 30
            while not holder.execute(text(waiting)).scalar() and time.monotonic() < deadline:
                time.sleep(0.05)  # until the first render is inside the database, holding the one slot
            second = httpx.get(page_url(base, "T0FERRY", item), timeout=10)
            forged = httpx.get(base + "/report/AAAA." + "A" * 43, timeout=10)
        finally:
            holder.rollback()
            holder.close()
            holder.engine.dispose()
        reading.join(timeout=60)
        third = httpx.get(page_url(base, "T0FERRY", item), timeout=10)
        server.stop()
        serving.join(timeout=10)
        store.engine.dispose()
    assert (second.status_code, second.text, second.headers["retry-after"]) == (503, BUSY, "5")
    assert (forged.status_code, forged.text) == (403, REFUSED)  # refused before any slot is asked for
    assert first[0].status_code == 200 and third.status_code == 200  # the slot came back
