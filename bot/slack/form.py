"""Reading what Slack posts as a form: slash commands, and the `payload` of shortcuts and buttons.

Bolt reads these itself, but two ways matter here. Speed: a /check carries the whole article
percent-encoded (about a thousand %xx escapes in 1,500 words) and urllib decodes each escape in
a Python loop, the largest single cost of an acknowledgement (docs/performance.md); here C
decodes them. Correctness: bolt looks for the *word*
"payload" anywhere in the body, so `/check` on an article about a rocket's payload reached no
listener (bolt 1.30); here only a field named `payload` is one.
"""

from __future__ import annotations

import codecs
import json
from typing import Any
from urllib.parse import unquote

from slack_bolt import BoltRequest
from slack_bolt.context import BoltContext
from slack_bolt.request.internals import build_context

__all__ = ["FORM", "MalformedRequest", "bolt_request", "form_fields", "slack_form"]

FORM = "application/x-www-form-urlencoded"
# What bolt's reading of an odd body raises (json.loads, then build_context's lookups in it).
_UNREADABLE = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)


class MalformedRequest(ValueError):
    """A body that is not one Slack sends: no request of Slack's can be read from it."""


def bolt_request(raw: str, *, query: str, headers: dict[str, Any]) -> BoltRequest:
    """The BoltRequest bolt's adapter would build, with a form body read by slack_form.

    Raises MalformedRequest when the body cannot be a Slack request."""
    try:
        if not _is_form(headers) or raw.startswith("{"):  # JSON (the Events API): bolt reads it
            request = BoltRequest(body=raw, query=query, headers=headers)
        else:
            request = BoltRequest(body="", query=query, headers=headers)
            request.raw_body, request.body = raw, _form_body(raw)  # raw_body: what the signature covers
            request.context = build_context(BoltContext({}), request.body)
    except _UNREADABLE:
        raise MalformedRequest("the body is not a request Slack sends") from None
    if not isinstance(request.body, dict):
        raise MalformedRequest("the body is not a JSON object")
    return request


def slack_form(raw: str) -> dict[str, Any]:
    """A slash command's fields, or the JSON in an interactive request's `payload` field
    ({} when that payload is not a JSON object)."""
    try:
        return _form_body(raw)
    except MalformedRequest:
        return {}


def _form_body(raw: str) -> dict[str, Any]:
    fields = form_fields(raw)
    if "payload" not in fields:
        return fields
    try:
        payload = json.loads(fields["payload"])
    except (ValueError, RecursionError):
        raise MalformedRequest("the payload is not JSON") from None
    if not isinstance(payload, dict):
        raise MalformedRequest("the payload is not a JSON object")
    return payload


def form_fields(raw: str) -> dict[str, str]:
    """dict(urllib.parse.parse_qsl(raw, keep_blank_values=True)), the same for every input."""
    fields = {}
    for pair in raw.split("&"):
        if pair:
            name, _, value = pair.partition("=")
            fields[_unquote_plus(name)] = _unquote_plus(value)
    return fields


def _unquote_plus(text: str) -> str:
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    if "\\" in text:  # a raw backslash would read as an escape below: urllib's way
        return unquote(text)
    try:
        # %xx as \xhh: escape_decode turns them into bytes in C, then the bytes are UTF-8.
        return codecs.escape_decode(text.replace("%", "\\x").encode())[0].decode("utf-8", "replace")
    except ValueError:  # a % without two hex digits after it, which urllib keeps as it is
        return unquote(text)


def _is_form(headers: dict[str, Any]) -> bool:
    value = headers.get("content-type") or ""
    first = value if isinstance(value, str) else (value[0] if value else "")
    return first.split(";")[0].strip().lower() == FORM
