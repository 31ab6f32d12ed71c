"""`deskcheck slack`: the Slack app, over HTTP on $PORT (the Procfile web process) or Socket Mode."""

from __future__ import annotations

import argparse
import gc
import logging
import signal
import sys
from typing import Any

from ..settings import get_settings


def register(sub: Any) -> None:
    p = sub.add_parser(
        "slack", help="serve the Slack app (/check, the message shortcut, mentions)",
        description="Serve the Slack app at /slack/events on $PORT, or over Socket Mode when "
                    "SLACK_APP_TOKEN is set. Needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or "
                    "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET for OAuth installs.")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: 0.0.0.0)")
    p.add_argument("--port", type=int, default=None, help="port to listen on (default: $PORT or 3000)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so that `deskcheck check` never pays for bolt and uvicorn.
    from ..slack import SlackServer, SlackSetupError, api_url, build_app, serve_socket_mode, slack_mode
    from ..workers import CheckPool

    settings = get_settings()
    try:
        mode = slack_mode(settings)
        pool = CheckPool(settings)
        app = build_app(settings, check=pool)
    except SlackSetupError as exc:
        return _fail(str(exc))
    except Exception as exc:  # auth.test failed: a wrong token, or no Slack at SLACK_API_URL
        return _fail(f"could not start the Slack app against {api_url(settings)} ({type(exc).__name__}: "
                     f"{_short(exc)})")
    logging.getLogger("deskcheck").setLevel(logging.INFO)
    # The platform stops the web process with SIGTERM: leave through `finally`, workers included.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server = None
        if mode != "socket":
            port = args.port if args.port is not None else settings.port
            try:  # bound before the model loads: a taken port fails at once
                server = SlackServer(app, host=args.host, port=port)
            except OSError as exc:  # the port is taken, or the address is not this machine's
                return _fail(f"cannot listen on {args.host}:{port} ({exc.strerror or exc})")
        # The model loads in the check workers before the first request, not inside the first check;
        # requests that arrive meanwhile wait in the socket's backlog.
        pool.warm_up()
        # What is loaded now (bolt, slack_sdk, SQLAlchemy: about 200,000 objects) stays to the end.
        # Frozen, it is left out of the collector's full passes, which took 100-130 ms each here:
        # one landing in a burst of /check requests delayed every ack behind it.
        gc.collect()
        gc.freeze()
        if server is None:
            print("deskcheck: Slack app connected over Socket Mode", file=sys.stderr, flush=True)
            serve_socket_mode(app, settings.slack_app_token or "")
            return 0
        print(f"deskcheck: Slack app ({mode}) listening on http://{args.host}:{server.port}"
              "/slack/events", file=sys.stderr, flush=True)
        server.run()
    finally:
        pool.shutdown()
    return 0


def _short(exc: Exception) -> str:
    # Bolt's message names the API error; never the token, which it does not include.
    return " ".join(str(exc).split())[:200]


def _fail(message: str) -> int:
    print(f"deskcheck: {message}", file=sys.stderr)
    return 2
