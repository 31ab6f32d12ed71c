"""The real bolt App behind the real uvicorn server, signed requests in, a fake Slack Web API out."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.fake_slack import (
    SIGNING_SECRET,
    command_body,
    interactive_body,
    mention_body,
    shortcut_payload,
    signed_headers,
)
from support.reports import NEWSROOM_ARTICLE, many_quotes_report, newsroom_report
from support.slack_rig import BOT_TOKEN, FORM, Rig, serving, token_settings

from bot.service import Outcome, Requester, run_check
from bot.settings import Settings
from bot.slack.server import EVENTS_PATH, MAX_BODY_BYTES

SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_e8461dea9724e002.txt"


def posted_text(call: Any) -> str:
    return json.dumps(call.payload.get("blocks"), ensure_ascii=False)


def test_check_is_acknowledged_before_the_check_runs_then_posted_in_the_channel(rig: Rig) -> None:
    rig.gate.clear()  # the check cannot finish until the ack is in
    rig.answer = Outcome(report=newsroom_report())
    ack = rig.command(NEWSROOM_ARTICLE)
    assert ack.status_code == 200
    assert "Checking" in ack.text  # a plain-text answer to a slash command is private to its sender
    assert rig.finished == [] and rig.fake.of("chat.postMessage") == []
    rig.gate.set()
    [post] = rig.fake.wait_for("chat.postMessage")
    assert post.payload["channel"] == "C0DESK"
    assert post.headers["authorization"] == f"Bearer {BOT_TOKEN}"
    blocks = posted_text(post)
    assert "We will not close the bridge before the ferry service is running" in blocks
    assert "Every month we lose is a month of risk" in blocks
    assert "checked for <@U0REPORTER>" in blocks
    assert post.payload["text"].startswith("deskcheck report for <@U0REPORTER>")
    [(raw, who)] = rig.asked
    assert raw == NEWSROOM_ARTICLE
    assert (who.platform, who.workspace, who.user, who.channel) == ("slack", "T0NEWS", "U0REPORTER", "C0DESK")


def test_the_real_service_report_is_what_gets_posted(rig: Rig, nlp: Any) -> None:
    rig.command(NEWSROOM_ARTICLE)
    [post] = rig.fake.wait_for("chat.postMessage")
    report = run_check(NEWSROOM_ARTICLE, Requester(platform="slack", workspace="T0NEWS")).report
    assert report is not None
    blocks = posted_text(post)
    assert f"{report.article.words:,} words" in blocks
    assert all(json.dumps(q.text[:60], ensure_ascii=False)[1:-1] in blocks for q in report.quotes[:8])
    assert all(d.text in blocks for d in report.dates[:8])


def test_an_article_that_mentions_a_payload_is_checked_like_any_other(rig: Rig) -> None:
    # Bolt 1.30 alone reads any form body holding the word "payload" as an empty request.
    rig.answer = Outcome(report=newsroom_report())
    text = f"{NEWSROOM_ARTICLE}\n\nThe rocket's payload, officials said, was insured."
    ack = rig.command(text)
    assert ack.status_code == 200 and "Checking" in ack.text
    rig.fake.wait_for("chat.postMessage")
    assert rig.asked[0][0] == text


def test_a_forged_signature_is_refused_and_nothing_is_checked(rig: Rig) -> None:
    body = command_body(NEWSROOM_ARTICLE, response_url=rig.fake.response_url())
    headers = signed_headers(body, content_type=FORM, secret="not-the-signing-secret")
    response = httpx.post(rig.url, content=body.encode(), headers=headers, timeout=30)
    assert response.status_code == 401
    stale = rig.send(body, timestamp=1_500_000_000)  # a replay of an old, correctly signed request
    assert stale.status_code == 401
    assert rig.asked == []


def test_a_replayed_retry_of_a_mention_posts_nothing(rig: Rig) -> None:
    rig.answer = Outcome(report=newsroom_report())
    body = mention_body(f"<@U0DESKBOT> {NEWSROOM_ARTICLE}", event_id="Ev0FIRST")
    assert rig.send(body, content_type="application/json").status_code == 200
    rig.fake.wait_for("chat.postMessage")
    assert rig.send(body, content_type="application/json", retry=1).status_code == 200
    assert rig.send(body, content_type="application/json", retry=2).status_code == 200
    # A retry Slack sent after a timeout reached us before: dropped even if this process never saw it.
    unseen = mention_body(f"<@U0DESKBOT> {NEWSROOM_ARTICLE}", event_id="Ev0TIMEDOUT", ts="1764000300.000100")
    timed_out = rig.send(unseen, content_type="application/json", retry=1, retry_reason="http_timeout")
    assert timed_out.status_code == 200
    later = mention_body(f"<@U0DESKBOT> {NEWSROOM_ARTICLE}", event_id="Ev0SECOND", ts="1764000400.000100")
    rig.send(later, content_type="application/json")
    posts = rig.fake.wait_for("chat.postMessage", 2)
    assert [p.payload["thread_ts"] for p in posts] == ["1764000200.000300", "1764000400.000100"]
    assert len(rig.asked) == 2


def test_a_retry_whose_first_delivery_never_arrived_is_checked(rig: Rig) -> None:
    rig.answer = Outcome(report=newsroom_report())
    body = mention_body(f"<@U0DESKBOT> {NEWSROOM_ARTICLE}", event_id="Ev0LOST")
    rig.send(body, content_type="application/json", retry=1, retry_reason="http_error")
    assert len(rig.fake.wait_for("chat.postMessage")) == 1


def test_a_mention_is_answered_in_the_thread_without_the_mention_in_the_text(rig: Rig) -> None:
    rig.answer = Outcome(report=newsroom_report())
    body = mention_body(f"<@U0DESKBOT> {NEWSROOM_ARTICLE}", thread_ts="1764000000.000001")
    rig.send(body, content_type="application/json")
    [post] = rig.fake.wait_for("chat.postMessage")
    assert post.payload["thread_ts"] == "1764000000.000001"
    assert rig.asked[0][0] == NEWSROOM_ARTICLE
    assert rig.asked[0][1].message_id == "1764000200.000300"


def test_the_message_shortcut_checks_the_link_in_a_message_and_answers_in_its_thread(rig: Rig) -> None:
    rig.answer = Outcome(report=newsroom_report())
    text = "can someone check this before we run it? <https://harbourgazette.example/bridge|harbourgazette.example>"
    payload = shortcut_payload(text, response_url=rig.fake.response_url())
    assert rig.send(interactive_body(payload)).status_code == 200
    [post] = rig.fake.wait_for("chat.postMessage")
    assert post.payload["thread_ts"] == "1764000100.000200"
    assert rig.asked[0][0] == "https://harbourgazette.example/bridge"


def test_slack_rate_limits_are_waited_out_and_the_post_retried(rig: Rig) -> None:
    rig.answer = Outcome(report=newsroom_report())
    rig.fake.rate_limit_once("chat.postMessage", retry_after=0)
    rig.command(NEWSROOM_ARTICLE)
    posts = rig.fake.wait_for("chat.postMessage")
    assert [p.status for p in rig.fake.of("chat.postMessage")] == [429, 200]
    assert posts[0].payload["blocks"] == posts[1].payload["blocks"]
    assert rig.fake.of("response_url") == []


@pytest.mark.parametrize("text", ["", "help", "  HELP "])
def test_check_help_is_private_and_checks_nothing(rig: Rig, text: str) -> None:
    answer = rig.command(text)
    assert answer.status_code == 200
    assert "/check https://" in answer.text
    assert answer.headers["content-type"].startswith("text/plain")  # plain text: only the sender sees it
    rig.command("help")  # and the sentinel: the pool is idle and nothing was posted
    assert rig.asked == [] and rig.fake.of("chat.postMessage") == []


def test_a_check_that_fails_is_answered_privately_in_one_short_line(rig: Rig) -> None:
    rig.answer = Outcome(error="the text is not in English; deskcheck checks English articles")
    rig.command("Le Premier ministre a déclaré mardi que le Canada ne serait jamais à vendre.")
    [reply] = rig.fake.wait_for("response_url")
    assert reply.payload["response_type"] == "ephemeral"
    assert reply.payload["text"] == "deskcheck: the text is not in English; deskcheck checks English articles"
    assert rig.fake.of("chat.postMessage") == []


def test_an_api_failure_is_told_privately_and_logged_without_token_or_text(
        rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    rig.answer = Outcome(report=newsroom_report())
    rig.fake.fail_once("chat.postMessage", "invalid_blocks")
    with caplog.at_level(logging.INFO):
        rig.command(NEWSROOM_ARTICLE)
        [reply] = rig.fake.wait_for("response_url")
    assert reply.payload["response_type"] == "ephemeral"
    assert "invalid_blocks" in reply.payload["text"] and len(reply.payload["text"]) < 200
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "invalid_blocks" in logged
    assert BOT_TOKEN not in logged and "ferry service" not in logged and SIGNING_SECRET not in logged


def test_a_channel_without_the_bot_gets_the_report_through_the_response_url(rig: Rig) -> None:
    rig.answer = Outcome(report=newsroom_report())
    rig.fake.fail_once("chat.postMessage", "not_in_channel")
    rig.command(NEWSROOM_ARTICLE)
    [reply] = rig.fake.wait_for("response_url")
    assert reply.payload["response_type"] == "in_channel"
    assert "We will not close the bridge" in json.dumps(reply.payload["blocks"])


def _click_full_report(rig: Rig, post: Any, trigger: str = "t-click-1",
                       team: str = "T0NEWS") -> httpx.Response:
    button = post.payload["blocks"][-1]["elements"][0]
    payload = {"type": "block_actions", "trigger_id": trigger, "team": {"id": team},
               "user": {"id": "U0EDITOR"}, "channel": {"id": "C0DESK"}, "api_app_id": "A0DESK",
               "response_url": rig.fake.response_url("click"), "container": {"type": "message"},
               "message": {"ts": "1764000000.000001", "text": post.payload["text"]},
               "actions": [{"action_id": button["action_id"], "block_id": "b", "value": button["value"],
                            "type": "button", "action_ts": "1764000001.1"}]}
    return rig.send(interactive_body(payload))


def test_the_full_report_button_opens_a_modal_with_every_quote(rig: Rig) -> None:
    rig.answer = Outcome(report=many_quotes_report(60))
    rig.command(NEWSROOM_ARTICLE)
    [post] = rig.fake.wait_for("chat.postMessage")
    assert "Quote number 30:" not in posted_text(post)
    assert _click_full_report(rig, post).status_code == 200
    [opened] = rig.fake.wait_for("views.open")
    assert opened.payload["trigger_id"] == "t-click-1"
    view = json.dumps(opened.payload["view"])
    assert all(f"Quote number {i}:" in view for i in range(60))


def test_the_full_report_button_still_works_after_a_restart(rig: Rig, nlp: Any) -> None:
    # A recorded check's button names its history item: any web process, started later, can open it.
    article = SEED.read_text(encoding="utf-8")
    rig.command(article)
    [post] = rig.fake.wait_for("chat.postMessage")
    report = run_check(article, Requester(platform="slack", workspace="T0NEWS")).report
    assert report is not None and report.history is not None
    assert post.payload["blocks"][-1]["elements"][0]["value"] == report.history.item
    with serving(token_settings(rig.fake), rig.check, threads=1) as restarted:
        assert _click_full_report(replace(rig, url=restarted + EVENTS_PATH), post).status_code == 200
        [opened] = rig.fake.wait_for("views.open")
    view = json.dumps(opened.payload["view"], ensure_ascii=False)
    assert len(report.quotes) > 10
    assert all(json.dumps(q.text[:50], ensure_ascii=False)[1:-1] in view for q in report.quotes)


def test_the_full_report_of_another_workspace_is_not_shown(rig: Rig, nlp: Any) -> None:
    rig.command(NEWSROOM_ARTICLE)
    [post] = rig.fake.wait_for("chat.postMessage")
    _click_full_report(rig, post, team="T0ELSEWHERE")
    [told] = rig.fake.wait_for("response_url")
    assert told.payload["text"] == "deskcheck no longer has that report: run /check again."
    assert told.payload["response_type"] == "ephemeral" and rig.fake.of("views.open") == []


def test_a_slow_slack_behind_the_full_report_button_does_not_hold_up_other_acks(rig: Rig) -> None:
    # Listeners run on the server's event loop: the button's views.open must not run there.
    rig.answer = Outcome(report=many_quotes_report(20))
    rig.command(NEWSROOM_ARTICLE)
    [post] = rig.fake.wait_for("chat.postMessage")
    release = rig.fake.hold("views.open")
    try:
        assert _click_full_report(rig, post).status_code == 200
        assert rig.command("Another story entirely.").status_code == 200  # acked while views.open waits
        assert rig.fake.of("views.open") == []
    finally:
        release.set()
    rig.fake.wait_for("views.open")


def test_a_body_over_the_limit_is_refused_before_anything_reads_it(rig: Rig) -> None:
    huge = command_body("x" * (MAX_BODY_BYTES + 1), response_url=rig.fake.response_url())
    response = rig.send(huge)
    assert response.status_code == 413 and f"larger than {MAX_BODY_BYTES // 2**20} MB" in response.text
    assert rig.asked == [] and rig.send(command_body("help", response_url="")).status_code == 200


def test_when_the_modal_cannot_open_the_full_report_goes_in_the_thread(rig: Rig) -> None:
    rig.answer = Outcome(report=many_quotes_report(20))
    rig.command(NEWSROOM_ARTICLE)
    [post] = rig.fake.wait_for("chat.postMessage")
    rig.fake.fail_once("views.open", "expired_trigger_id")
    _click_full_report(rig, post)
    posts = rig.fake.wait_for("chat.postMessage", 2)
    assert posts[1].payload["thread_ts"] == "1764000000.000001"
    assert "Quote number 19:" in posted_text(posts[1])


def test_a_bare_mention_gets_the_usage_privately_in_the_thread(rig: Rig) -> None:
    rig.send(mention_body("<@U0DESKBOT>  "), content_type="application/json")
    [usage] = rig.fake.wait_for("chat.postEphemeral")
    assert usage.payload["user"] == "U0REPORTER" and usage.payload["thread_ts"] == "1764000200.000300"
    assert "/check https://" in usage.payload["text"]
    assert rig.asked == [] and rig.fake.of("chat.postMessage") == []


def test_a_message_shortcut_on_a_message_without_text_is_answered_privately(rig: Rig) -> None:
    payload = shortcut_payload("", response_url=rig.fake.response_url())
    rig.send(interactive_body(payload))
    [reply] = rig.fake.wait_for("response_url")
    assert reply.payload["response_type"] == "ephemeral"
    assert reply.payload["text"].startswith("deskcheck: ")
    assert rig.fake.of("chat.postMessage") == []


def test_a_check_worker_that_dies_is_replaced_and_the_person_told() -> None:
    import os
    import signal

    from bot.workers import CheckPool

    pool = CheckPool(Settings(database_url=os.environ["DATABASE_URL"]), processes=1)
    try:
        [pid] = pool.warm_up()
        os.kill(pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would
        died = pool("Council delays bridge closure", Requester(platform="slack", workspace="T0NEWS"))
        assert died.report is None and "stopped unexpectedly" in (died.error or "")
        again = pool("", Requester(platform="slack", workspace="T0NEWS"))
        assert again.error is not None and "no text" in again.error  # a fresh worker answered
    finally:
        pool.shutdown()


def test_checks_still_waiting_when_the_web_process_stops_are_told_to_run_again() -> None:
    from bot.workers import CheckPool

    pool = CheckPool(Settings(database_url=os.environ["DATABASE_URL"]), processes=1)
    pool.warm_up()
    pool.shutdown()  # what SIGTERM does on a deploy
    stopped = pool("Council delays bridge closure", Requester(platform="slack", workspace="T0NEWS"))
    assert stopped.report is None and "run it again" in (stopped.error or "")
