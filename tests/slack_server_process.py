"""The Slack web server alone in a process of its own, so a test can read its memory (RSS).

    python tests/slack_server_process.py API_URL

Serves the real App (one workspace, the fake Slack at API_URL, the tests' signing secret) on a
free port of 127.0.0.1 and prints that port. Checks are refused at once: what is measured is
the server, not the language model.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from fake_slack import SIGNING_SECRET  # noqa: E402

from bot.service import Outcome, Requester  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.slack import SlackServer, build_app  # noqa: E402

BOT_TOKEN = "xoxb-0000-test-token-never-logged"


def _refuse(raw: str, who: Requester) -> Outcome:
    return Outcome(error="not checked in this test")


def main() -> None:
    api_url = sys.argv[1]
    settings = Settings(slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET, slack_api_url=api_url,
                        database_url=os.environ["DATABASE_URL"])
    server = SlackServer(build_app(settings, check=_refuse, threads=1), host="127.0.0.1", port=0)
    print(server.port, flush=True)
    server.run()


if __name__ == "__main__":
    main()
