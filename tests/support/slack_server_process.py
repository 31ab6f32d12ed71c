"""The Slack web server alone in a process of its own, so a test can read its memory (RSS).

    python tests/support/slack_server_process.py API_URL

Serves the real App (one workspace, the fake Slack at API_URL, the tests' signing secret) on a
free port of 127.0.0.1 and prints that port. Checks are refused at once: what is measured is
the server, not the language model.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Run as a script, Python puts this file's folder first on sys.path; the project and tests/ go
# there instead, so `support.…` resolves as it does under pytest and nothing here shadows a package.
HERE = Path(__file__).resolve().parent
sys.path[:] = [str(HERE.parent.parent), str(HERE.parent),
               *(entry for entry in sys.path if Path(entry or ".").resolve() != HERE)]

from bot.service import Outcome, Requester  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.slack import SlackServer, build_app  # noqa: E402
from support.fake_slack import SIGNING_SECRET  # noqa: E402

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
