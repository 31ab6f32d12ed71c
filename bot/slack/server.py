"""Serving the App: waitress (a threaded WSGI server) over bolt's WSGI adapter, or Socket Mode.

Bolt's own app.start() is a single-threaded development server; the web process needs
concurrent acks, so the WSGI adapter answers /slack/events and the OAuth pages behind waitress.
"""

from __future__ import annotations

from typing import Any

import waitress
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

__all__ = ["EVENTS_PATH", "SERVER_THREADS", "create_server", "serve_socket_mode", "stop_server"]

EVENTS_PATH = "/slack/events"
# Each request only verifies, acks and hands the check to the pool, so a few threads go far.
SERVER_THREADS = 16


def create_server(app: App, *, host: str = "0.0.0.0", port: int = 3000, threads: int = SERVER_THREADS) -> Any:
    """A bound waitress server (port 0 picks a free one: see .effective_port); call .run() to serve."""
    return waitress.create_server(SlackRequestHandler(app, path=EVENTS_PATH), host=host, port=port,
                                  threads=threads, ident="deskcheck", connection_limit=500,
                                  # the slash command's text can be a whole article
                                  max_request_body_size=8 * 1024 * 1024)


def serve_socket_mode(app: App, app_token: str) -> None:
    """Socket Mode: no public URL; the app dials out to Slack's websocket (blocks until stopped)."""
    SocketModeHandler(app, app_token).start()  # type: ignore[no-untyped-call]


def stop_server(server: Any) -> None:
    """Stop a server whose .run() is serving in another thread (tests, the bench).

    The sockets are closed from inside waitress's own loop (its trigger runs the closing
    there), so the loop sees an empty map and returns instead of polling closed sockets.
    """
    from waitress import wasyncore

    server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
    server.task_dispatcher.shutdown()
