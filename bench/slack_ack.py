"""How fast the Slack app acknowledges /check while it checks long articles, measured in one run.

    .venv/bin/python bench/slack_ack.py [--requests 50] [--checks 5]

Starts `deskcheck slack` (the Procfile web process) against a fake Slack Web API on
127.0.0.1, sends N signed /check requests for long articles (the seeds) all at once,
and prints the p50/p99 time to the HTTP acknowledgement next to the p50 time of one
full check (bot.service.run_check, measured here, warm, one at a time). Slack gives an
app 3 s to acknowledge; the target is ack p99 under 10% of a full check.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import selectors
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.fake_slack import SIGNING_SECRET, FakeSlack, command_body, signed_headers  # noqa: E402

from bot.service import Requester, run_check  # noqa: E402
from bot.settings import Settings  # noqa: E402

FORM = "application/x-www-form-urlencoded"


def long_articles() -> list[str]:
    """The seed articles, two joined end to end, so each request carries a long feature-length text."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [seeds[i] + "\n\n" + seeds[(i + 1) % len(seeds)] for i in range(len(seeds))]


def start_server(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with log.open("wb") as sink:
        command = [sys.executable, "-m", "bot.cli", "slack", "--host", "127.0.0.1", "--port", "0"]
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=sink, stdout=subprocess.DEVNULL)
    while proc.poll() is None:
        match = re.search(r"listening on (http://\S+)", log.read_text())
        if match:
            return proc, match.group(1)
        time.sleep(0.1)
    raise SystemExit(f"deskcheck slack did not start: {log.read_text()}")


def send_all(url: str, fake: FakeSlack, articles: list[str], n: int) -> list[float]:
    """Sends N signed /check requests at once; returns the seconds from each one's send to its full answer.

    The load generator shares the two CPUs with the server, so it must cost as little as
    possible or it is measured as the server's time (Slack's own senders are elsewhere): one
    thread, connections opened and requests signed and encoded before the clock starts, then
    every request written and every answer read as it arrives. (50 http.client threads added
    5-20 ms to the p99, httpx about 1 ms of CPU a request.)
    """
    target = urlsplit(url)
    host, port = target.hostname or "127.0.0.1", target.port or 80
    wire = [_signed_request(target.path, host, port, command_body(
        articles[i % len(articles)], response_url=fake.response_url(f"r{i}"), user=f"U0REPORTER{i}"))
        for i in range(n)]
    connections = [socket.create_connection((host, port), timeout=30) for _ in range(n)]
    sent, acks, received = [0.0] * n, [0.0] * n, [b""] * n
    with selectors.DefaultSelector() as ready:
        for i, connection in enumerate(connections):
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sent[i] = time.perf_counter()
            connection.sendall(wire[i])
        for i, connection in enumerate(connections):
            ready.register(connection, selectors.EVENT_READ, i)
        waiting = n
        while waiting:
            events = ready.select(timeout=30)
            if not events:
                raise SystemExit(f"{waiting} requests were not answered within 30 s")
            for key, _ in events:
                i, connection = key.data, key.fileobj
                chunk = connection.recv(65536)  # type: ignore[union-attr]
                received[i] += chunk
                status = _complete(received[i], closed=not chunk)
                if status is None:
                    continue
                acks[i] = time.perf_counter() - sent[i]
                ready.unregister(connection)
                connection.close()  # type: ignore[union-attr]
                waiting -= 1
                if status != 200:
                    raise SystemExit(f"a request was answered {status}, not 200")
    return acks


def _signed_request(path: str, host: str, port: int, body: str) -> bytes:
    data = body.encode()
    headers = signed_headers(body, content_type=FORM) | {"Host": f"{host}:{port}",
                                                         "Content-Length": str(len(data))}
    head = f"POST {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    return head.encode() + data


def _complete(raw: bytes, *, closed: bool) -> int | None:
    """The status of a whole HTTP response in `raw`, or None while more is to come."""
    head, found, body = raw.partition(b"\r\n\r\n")
    if not found:
        if closed:
            raise SystemExit("the server closed a connection without answering")
        return None
    lines = head.split(b"\r\n")
    length = next((int(line.split(b":", 1)[1]) for line in lines[1:]
                   if line.lower().startswith(b"content-length:")), 0)
    return int(lines[0].split()[1]) if len(body) >= length or closed else None


def full_check_times(articles: list[str], k: int, settings: Settings) -> list[float]:
    run_check(articles[0], Requester(platform="bench"), settings=settings)  # loads the model: not timed
    times = []
    for i in range(k):
        start = time.perf_counter()
        outcome = run_check(articles[(i + 1) % len(articles)], Requester(platform="bench"), settings=settings)
        times.append(time.perf_counter() - start)
        if outcome.report is None:
            raise SystemExit(f"the check failed: {outcome.error}")
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]  # nearest rank


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--checks", type=int, default=5, help="full checks timed for the p50")
    args = parser.parse_args()
    articles = long_articles()
    words = statistics.median(len(a.split()) for a in articles)
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        db = f"sqlite:///{tmp}/bench.db"
        settings = Settings(database_url=db)
        checks = full_check_times(articles, args.checks, settings)
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")} | {
            "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.url, "DATABASE_URL": db}
        proc, url = start_server(env, Path(tmp) / "web.log")
        try:
            sent = time.perf_counter()
            acks = send_all(url, fake, articles, args.requests)
            fake.wait_for("chat.postMessage", args.requests, timeout=1800)
            all_posted = time.perf_counter() - sent
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    check_p50, ack_p50, ack_p99 = statistics.median(checks), percentile(acks, 50), percentile(acks, 99)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.requests} concurrent signed /check requests, articles of {words:,.0f} words (median), "
          f"{os.cpu_count()} CPUs, load average {load}")
    print(f"time to ack:        p50 {ack_p50 * 1000:7.1f} ms   p99 {ack_p99 * 1000:7.1f} ms   "
          f"max {max(acks) * 1000:7.1f} ms")
    print(f"one full check:     p50 {check_p50 * 1000:7.1f} ms   (warm, one at a time, {len(checks)} runs)")
    print(f"ack p99 / check p50: {ack_p99 / check_p50:6.1%}   (target < 10%; Slack's limit is 3,000 ms)")
    print(f"all {args.requests} reports posted {all_posted:.1f} s after the burst")


if __name__ == "__main__":
    main()
