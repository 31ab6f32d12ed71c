"""Reading Slack's forms: the same fields as urllib, the same request as bolt, and no word trap."""

from __future__ import annotations

import json
import random
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from slack_bolt import BoltRequest
from support.fake_slack import command_body, interactive_body, mention_body, shortcut_payload

from bot.slack.form import FORM, bolt_request, form_fields, slack_form

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
RESPONSE_URL = "https://hooks.slack.com/commands/T0NEWS/1/abc"
# Pieces that trip decoders: bad and short escapes, raw backslashes, UTF-8 split across escapes,
# literal non-ASCII, separators and pluses.
PIECES = ["%", "%2", "%zz", "%41", "%e2%80%99", "%E2%80", "%C3", "%A9", "%5C", "%0A", "%25", "+", "&", "=",
          "a", "Z", "0", "é", "’", "\\", "\\x41", "\\n", " ", ";", "payload", "%ZZ%", "%%"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_a_whole_article_reads_as_urllib_reads_it(seed: Path) -> None:
    raw = command_body(seed.read_text(encoding="utf-8"), response_url=RESPONSE_URL)
    assert form_fields(raw) == dict(parse_qsl(raw, keep_blank_values=True))
    assert form_fields(raw)["text"] == seed.read_text(encoding="utf-8")


def test_odd_forms_read_as_urllib_reads_them() -> None:
    rnd = random.Random(20261122)
    for _ in range(20_000):
        raw = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 14)))
        assert form_fields(raw) == dict(parse_qsl(raw, keep_blank_values=True)), raw


def test_a_check_of_an_article_about_a_payload_is_a_slash_command() -> None:
    text = "The rocket's payload was lost over the Atlantic, the agency said."
    fields = slack_form(command_body(text, response_url=RESPONSE_URL))
    assert fields["command"] == "/check" and fields["text"] == text


def test_an_interactive_request_is_its_payload() -> None:
    payload = shortcut_payload("see https://example.org/story", response_url=RESPONSE_URL)
    assert slack_form(interactive_body(payload)) == payload
    assert slack_form("payload=%7Bnot+json") == {}
    assert slack_form("payload=%5B1%5D") == {}  # JSON, but not an object


@pytest.mark.parametrize("raw, content_type", [
    (command_body("https://example.org/story", response_url=RESPONSE_URL), FORM),
    (command_body("", response_url=RESPONSE_URL), f"{FORM}; charset=utf-8"),
    (interactive_body(shortcut_payload("a message", response_url=RESPONSE_URL)), FORM),
    (mention_body("<@U0DESKBOT> https://example.org/story"), "application/json"),
])
def test_the_request_is_the_one_bolt_builds(raw: str, content_type: str) -> None:
    headers = {"content-type": content_type, "x-slack-request-timestamp": "1764000000"}
    ours = bolt_request(raw, query="", headers=headers)
    bolts = BoltRequest(body=raw, query="", headers=headers)
    assert ours.body == bolts.body and ours.body
    assert ours.raw_body == bolts.raw_body == raw
    assert dict(ours.context) == dict(bolts.context)
    assert (ours.headers, ours.query, ours.content_type) == (bolts.headers, bolts.query, bolts.content_type)


def test_json_with_a_form_content_type_is_read_as_json_as_bolt_does() -> None:
    raw = json.dumps({"type": "url_verification", "challenge": "abc"})
    assert bolt_request(raw, query="", headers={"content-type": FORM}).body["challenge"] == "abc"
