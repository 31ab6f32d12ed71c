"""`deskcheck slack` as the web process runs it, its configuration, the OAuth install, the manifest."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import create_engine
from support.fake_slack import SIGNING_SECRET, FakeSlack, FakeSocketMode, command_body, signed_headers
from support.reports import newsroom_report
from support.slack_rig import serving

from bot.cli import main
from bot.service import Outcome
from bot.settings import Settings, get_settings
from bot.slack import BOT_SCOPES, CHECK_SHORTCUT, EVENTS_PATH, SlackSetupError, slack_mode

ROOT = Path(__file__).resolve().parent.parent
FORM = "application/x-www-form-urlencoded"
STORY = ("Council delays Harbour Bridge closure\n"
         "\"We will not close the bridge before the ferry service is running,\" Mayor Ana Ruiz said on "
         "Tuesday. The council voted 7-2 to delay the works until the spring.")


def slack_env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return env | values


@pytest.fixture()
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as running:
        yield running


def start_web_process(env: dict[str, str], log: Path,
                      started: str = r"listening on (http://\S+)") -> tuple[subprocess.Popen[bytes], str]:
    """Start `deskcheck slack` on a free port; its stderr goes to `log` (a pipe could fill and block it)."""
    with log.open("wb") as sink:
        command = [sys.executable, "-m", "bot.cli", "slack", "--host", "127.0.0.1", "--port", "0"]
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=sink, stdout=subprocess.DEVNULL)
    for _ in range(600):
        match = re.search(started, log.read_text())
        if match or proc.poll() is not None:
            break
        time.sleep(0.1)  # polling for the start line; no assertion on how long it takes
    if not match:
        proc.kill()
        raise AssertionError(f"deskcheck slack did not start: {log.read_text()}")
    return proc, match.group(match.lastindex or 0)


def test_deskcheck_slack_starts_on_the_configured_api_and_answers_a_signed_check(
        fake: FakeSlack, tmp_path: Path) -> None:
    env = slack_env(SLACK_BOT_TOKEN="xoxb-web-process", SLACK_SIGNING_SECRET=SIGNING_SECRET,
                    SLACK_API_URL=fake.url)
    proc, url = start_web_process(env, tmp_path / "web.log")
    try:
        assert url.endswith(EVENTS_PATH)
        assert fake.of("auth.test")[0].headers["authorization"] == "Bearer xoxb-web-process"
        help_body = command_body("help", response_url=fake.response_url(), trigger="t-help")
        answer = httpx.post(url, content=help_body, headers=signed_headers(help_body, content_type=FORM))
        assert answer.status_code == 200 and "/check https://" in answer.text
        body = command_body(STORY, response_url=fake.response_url())
        sent = httpx.post(url, content=body, headers=signed_headers(body, content_type=FORM))
        assert sent.status_code == 200
        [post] = fake.wait_for("chat.postMessage", timeout=120)
        assert "Traceback" not in (tmp_path / "web.log").read_text()
        assert post.payload["blocks"][0]["text"]["text"] == "Council delays Harbour Bridge closure"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_socket_mode_takes_a_check_over_the_websocket_and_posts_the_report(
        fake: FakeSlack, tmp_path: Path) -> None:
    with FakeSocketMode() as socket:
        fake.socket_url = socket.url
        env = slack_env(SLACK_BOT_TOKEN="xoxb-socket", SLACK_APP_TOKEN="xapp-1-socket",
                        SLACK_API_URL=fake.url)
        proc, _ = start_web_process(env, tmp_path / "socket.log", started="over Socket Mode")
        try:
            command = {"team_id": "T0NEWS", "channel_id": "C0DESK", "user_id": "U0REPORTER",
                       "command": "/check", "text": STORY, "response_url": fake.response_url(),
                       "trigger_id": "t-socket-1", "api_app_id": "A0DESK"}
            socket.push({"envelope_id": "env-1", "type": "slash_commands", "payload": command,
                         "accepts_response_payload": True})
            ack = socket.wait_for_ack("env-1")
            assert "Checking" in json.dumps(ack)
            [post] = fake.wait_for("chat.postMessage", timeout=120)
            assert post.headers["authorization"] == "Bearer xoxb-socket"
            assert fake.of("apps.connections.open")[0].headers["authorization"] == "Bearer xapp-1-socket"
            assert post.payload["blocks"][0]["text"]["text"] == "Council delays Harbour Bridge closure"
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "missing SLACK_SIGNING_SECRET"),
        ({"SLACK_CLIENT_ID": "1.2"}, "missing SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET"),
        ({"SLACK_APP_TOKEN": "xapp-1"}, "also needs SLACK_BOT_TOKEN"),
    ],
)
def test_missing_configuration_is_one_line_naming_the_variables(env: dict[str, str], expected: str) -> None:
    with pytest.raises(SlackSetupError, match=expected):
        slack_mode(Settings.from_env(env))


def test_deskcheck_slack_without_configuration_exits_with_one_line() -> None:
    out = subprocess.run([sys.executable, "-m", "bot.cli", "slack"], cwd=ROOT, env=slack_env(),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [out.stderr.strip()]
    assert "SLACK_BOT_TOKEN" in out.stderr and "SLACK_SIGNING_SECRET" in out.stderr


def test_deskcheck_slack_with_a_rejected_token_exits_with_one_line(
        fake: FakeSlack, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    fake.fail_once("auth.test", "invalid_auth")
    env = slack_env(SLACK_BOT_TOKEN="xoxb-revoked-token", SLACK_SIGNING_SECRET=SIGNING_SECRET,
                    SLACK_API_URL=fake.url)
    for name in [n for n in os.environ if n.startswith("SLACK_") and n not in env]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        assert main(["slack", "--port", "0"]) == 2  # in-process: the subprocess tests above pay the startup
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "invalid_auth" in err and "xoxb-revoked-token" not in err
    assert "xoxb-revoked-token" not in caplog.text


def test_deskcheck_slack_on_a_taken_port_exits_with_one_line(
        fake: FakeSlack, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name, value in {"SLACK_BOT_TOKEN": "xoxb-web-process", "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                        "SLACK_API_URL": fake.url}.items():
        monkeypatch.setenv(name, value)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["slack", "--host", "127.0.0.1", "--port", str(port)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err] and f"cannot listen on 127.0.0.1:{port}" in err


def oauth_settings(fake: FakeSlack, tmp_path: Path) -> Settings:
    """Installs through OAuth (no bot token), kept in a database of the test's own."""
    return Settings(database_url=f"sqlite:///{tmp_path}/installs.db", slack_client_id="1111.2222",
                    slack_client_secret="client-secret", slack_signing_secret=SIGNING_SECRET,
                    slack_api_url=fake.url)


def test_the_oauth_install_stores_the_workspace_and_its_token_answers_that_workspace(
        fake: FakeSlack, tmp_path: Path) -> None:
    settings = oauth_settings(fake, tmp_path)
    with serving(settings, check=lambda raw, who: Outcome(report=newsroom_report())) as base:
        with httpx.Client(base_url=base, timeout=30) as browser:
            install = browser.get("/slack/install")
            link = re.search(r'href="(https://slack.com/oauth/v2/authorize[^"]+)"', install.text)
            assert install.status_code == 200 and link
            assert "client_id=1111.2222" in link.group(1) and "chat:write" in link.group(1)
            state = re.search(r"state=([^&\"]+)", link.group(1)).group(1)  # type: ignore[union-attr]
            assert browser.cookies.get("slack-app-oauth-state") == state
            # The state cookie is Secure: a browser sends it back over https, which is what this header does.
            done = browser.get("/slack/oauth_redirect", params={"code": "temp-code", "state": state},
                               headers={"Cookie": f"slack-app-oauth-state={state}"})
            assert done.status_code == 200, done.text
        assert fake.of("oauth.v2.access")[0].payload["code"] == "temp-code"
        body = command_body(STORY, response_url=fake.response_url(), team="T0OTHER")
        httpx.post(f"{base}{EVENTS_PATH}", content=body, headers=signed_headers(body, content_type=FORM))
        [post] = fake.wait_for("chat.postMessage")
        assert post.headers["authorization"] == "Bearer xoxb-installed"
        engine = create_engine(settings.database_url)
        store = SQLAlchemyInstallationStore(client_id="1111.2222", engine=engine)
        assert store.find_bot(enterprise_id=None, team_id="T0OTHER") is not None
        uninstalled = json.dumps({"team_id": "T0OTHER", "api_app_id": "A0DESK", "type": "event_callback",
                                  "event_id": "Ev0UNINSTALL", "event_time": 1764000500,
                                  "event": {"type": "app_uninstalled", "event_ts": "1764000500.0"}})
        sent = httpx.post(f"{base}{EVENTS_PATH}", content=uninstalled,
                          headers=signed_headers(uninstalled, content_type="application/json"))
        assert sent.status_code == 200
        assert store.find_bot(enterprise_id=None, team_id="T0OTHER") is None


def test_with_oauth_installs_a_slow_slack_for_one_workspace_holds_up_no_other_ack(
        fake: FakeSlack, tmp_path: Path) -> None:
    # With installs, bolt finds each request's workspace in the database and asks auth.test about its
    # token: waits that must not happen where every other request is acknowledged.
    settings = oauth_settings(fake, tmp_path)
    with serving(settings, check=lambda raw, who: Outcome(report=newsroom_report())) as base:
        # two workspaces installed (the app has made the installation tables by now)
        engine = create_engine(settings.database_url)
        installs = SQLAlchemyInstallationStore(client_id="1111.2222", engine=engine)
        for team in ("T0FIRST", "T0SECOND"):
            installs.save(Installation(app_id="A0DESK", team_id=team, user_id="U0ADMIN", bot_id="B0DESK",
                                       bot_user_id="U0DESKBOT", bot_token=f"xoxb-{team}",
                                       bot_scopes=list(BOT_SCOPES)))

        def check_from(team: str) -> httpx.Response:
            body = command_body(STORY, response_url=fake.response_url(team), team=team)
            headers = signed_headers(body, content_type=FORM)
            return httpx.post(base + EVENTS_PATH, content=body, headers=headers, timeout=20)

        assert "Checking" in check_from("T0FIRST").text
        release = fake.hold("auth.test")
        waiting: list[httpx.Response] = []
        second = threading.Thread(target=lambda: waiting.append(check_from("T0SECOND")))
        second.start()
        try:
            time.sleep(0.2)  # the second workspace's request is now waiting on auth.test
            again = check_from("T0FIRST")  # answered from bolt's cache: no auth.test for a known token
            assert again.status_code == 200 and "Checking" in again.text and waiting == []
        finally:
            release.set()
        second.join(timeout=20)
        assert waiting[0].status_code == 200 and "Checking" in waiting[0].text
        tokens = [c.headers["authorization"] for c in fake.of("auth.test")]
        assert tokens.count("Bearer xoxb-T0FIRST") == 1 and tokens.count("Bearer xoxb-T0SECOND") == 1


def manifest() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "slack-app-manifest.yaml").read_text(encoding="utf-8")))


def test_the_manifest_asks_for_what_the_code_handles() -> None:
    m = manifest()
    [command] = m["features"]["slash_commands"]
    assert command["command"] == "/check"
    [shortcut] = m["features"]["shortcuts"]
    assert (shortcut["type"], shortcut["callback_id"], shortcut["name"]) == (
        "message", CHECK_SHORTCUT, "Check this message")
    assert m["settings"]["event_subscriptions"]["bot_events"] == ["app_mention", "app_uninstalled",
                                                                   "tokens_revoked"]
    assert sorted(m["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    urls = [command["url"], m["settings"]["event_subscriptions"]["request_url"],
            m["settings"]["interactivity"]["request_url"]]
    assert all(u == f"https://deskcheck.example.org{EVENTS_PATH}" for u in urls)
    assert m["oauth_config"]["redirect_urls"] == ["https://deskcheck.example.org/slack/oauth_redirect"]
