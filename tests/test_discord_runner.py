"""`deskcheck discord` as a process: the token, a clean SIGTERM, one-line failures."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support.fake_discord import REFUSED_TOKEN, FakeDiscord, pointed_at

from bot.cli import main
from bot.discord_bot import DeskcheckClient, serve
from bot.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent


def test_a_missing_token_is_one_line_and_a_nonzero_exit(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "  ")
    get_settings.cache_clear()  # settings are read once per process; this test changes them
    try:
        code = main(["discord"])
    finally:
        get_settings.cache_clear()
    assert code == 2
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN is not set" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_missing_spacy_pipeline_stops_the_worker_before_it_goes_online() -> None:
    out = subprocess.run([sys.executable, "-m", "bot.cli", "discord"], capture_output=True, cwd=ROOT,
                         env={**os.environ, "DISCORD_TOKEN": "fake-bot-token",
                              "SPACY_MODEL": "xx_no_such_pipeline"}, timeout=120)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert "requirements/model.txt" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_sigterm_closes_the_client_and_exits_cleanly() -> None:
    async def scenario() -> tuple[int, bool, list[int | None]]:
        async with FakeDiscord() as fake:
            with pointed_at(fake):
                client = DeskcheckClient(guild_ready_timeout=0.05)
                worker = asyncio.create_task(serve(client, "fake-bot-token"))
                await fake.connected()
                await asyncio.wait_for(client.wait_until_ready(), 30)
                # Only signal once serve() owns SIGTERM, or the signal would end pytest itself.
                assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
                os.kill(os.getpid(), signal.SIGTERM)
                code = await asyncio.wait_for(worker, 30)
                await asyncio.wait_for(fake.hung_up.wait(), 10)
                return code, client.is_closed(), fake.close_codes

    code, closed, closes = asyncio.run(scenario())
    assert code == 0 and closed
    # The bot hung up itself (discord.py closes with 1000, or 4000 from its read loop);
    # a dropped connection would show as 1006 or no code at all.
    assert len(closes) == 1 and closes[0] in (1000, 4000)
    # the loop's handler is gone again: SIGTERM is back to its default for the rest of the run
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_a_refused_token_is_one_line_and_a_nonzero_exit(capsys: pytest.CaptureFixture[str]) -> None:
    async def scenario() -> int:
        async with FakeDiscord() as fake:
            with pointed_at(fake):
                return await asyncio.wait_for(serve(DeskcheckClient(), REFUSED_TOKEN), 30)

    assert asyncio.run(scenario()) == 2
    err = capsys.readouterr().err
    assert err.strip() == "deskcheck: Discord refused the token in DISCORD_TOKEN"
    assert REFUSED_TOKEN not in err
