"""Debian's chromium, headless, for the report page's browser test: the command line (`--dump-dom`,
`--screenshot`) and, for what only a laid-out page can tell (does it scroll sideways on a phone,
did the style sheet pass the Content-Security-Policy), the DevTools protocol over aiohttp's
websocket client. Loopback only: every background service of the browser is switched off.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import struct
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp
import httpx

__all__ = ["CHROMIUM", "FLAGS", "inspect_page", "png_size", "run_chromium"]

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio")
START_SECONDS = 30.0


def run_chromium(profile: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=timeout, check=True)


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def inspect_page(profile: Path, url: str, expressions: dict[str, str], *, width: int, height: int,
                 mobile: bool = False, media: str = "") -> dict[str, Any]:
    """Load `url` at that viewport (and CSS media type), then evaluate each expression in the page
    through DevTools (a page's CSP does not apply to DevTools); also returns "dialogs", the
    JavaScript dialogs the page opened."""
    process = subprocess.Popen([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}",
                                "--remote-debugging-port=0", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket_url = _page_socket(profile / "DevToolsActivePort")
        return asyncio.run(_inspect(socket_url, url, expressions, width, height, mobile, media))
    finally:
        process.terminate()
        process.wait(timeout=15)


def _page_socket(port_file: Path) -> str:
    deadline = time.monotonic() + START_SECONDS
    while not port_file.exists() or not port_file.read_text().strip():
        assert time.monotonic() < deadline, "chromium did not open its DevTools port"
        time.sleep(0.1)
    port = int(port_file.read_text().split()[0])
    targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
    return str(next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page"))


async def _inspect(socket_url: str, url: str, expressions: dict[str, str], width: int, height: int,
                   mobile: bool, media: str) -> dict[str, Any]:
    ids = itertools.count(1)
    dialogs: list[str] = []
    loaded = asyncio.Event()
    async with aiohttp.ClientSession() as session, session.ws_connect(socket_url, max_msg_size=0) as ws:

        async def call(method: str, **params: Any) -> dict[str, Any]:
            sent = next(ids)
            await ws.send_str(json.dumps({"id": sent, "method": method, "params": params}))
            while True:
                message = json.loads((await ws.receive(timeout=30)).data)
                if message.get("method") == "Page.javascriptDialogOpening":
                    dialogs.append(message["params"]["message"])
                if message.get("id") == sent:
                    assert "error" not in message, message
                    return dict(message.get("result", {}))
                if message.get("method") == "Page.loadEventFired":
                    loaded.set()

        await call("Page.enable")
        await call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                   mobile=mobile)
        await call("Emulation.setEmulatedMedia", media=media)
        await call("Page.navigate", url=url)
        while not loaded.is_set():  # the load event arrives between answers: wait on cheap calls
            await call("Runtime.evaluate", expression="document.readyState")
            await asyncio.sleep(0.05)
        found: dict[str, Any] = {"dialogs": dialogs}
        for name, expression in expressions.items():
            result = await call("Runtime.evaluate", expression=expression, returnByValue=True)
            found[name] = result["result"].get("value")
        return found
