"""Signed permalinks to the report page: who may read item N of workspace W, and until when.

A link is DESKCHECK_PUBLIC_URL + `/report/` + a token. The token carries the workspace, the item
and the expiry, and an HMAC-SHA256 of the three under DESKCHECK_SECRET_KEY; the server takes the
workspace only from a token whose MAC holds, so a link can neither be widened to another item nor
moved to another workspace, and no database is read for a link that fails. Both halves are
URL-safe base64 without padding, so the token is one path segment.

    url = permalink(settings, "T024", 42)      # https://desk.example.org/report/eyJ…
    workspace, item = verify(settings, token)  # or BadLink
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re

from ..settings import Settings

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "MAX_TOKEN_CHARS", "PAGE_PREFIX", "BadLink", "permalink",
           "token_for", "verify"]


class BadLink(Exception):
    """A token that is malformed, tampered with or expired; the page shows none of this."""


DEFAULT_DAYS = 30
MAX_DAYS = 3660  # ten years: a date the token's integer and every datetime can still hold
PAGE_PREFIX = "/report/"
# A workspace id is at most a few dozen characters; anything far longer is not one of ours and is
# refused before it is decoded.
MAX_TOKEN_CHARS = 600
# What the MAC covers starts with a label, so a MAC made for anything else with the same key never
# passes for a link; the fields are joined by a byte no workspace or number holds.
_DOMAIN = b"deskcheck.report-link.v1"
_SEP = b"\x00"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{43}")
_MAC_BYTES = 32


def permalink(settings: Settings, workspace: str, item_id: int, *, now: dt.datetime | None = None,
              days: int = DEFAULT_DAYS) -> str | None:
    """The page's address for this item, valid `days` from `now`; None when DESKCHECK_SECRET_KEY or
    DESKCHECK_PUBLIC_URL is unset (the surfaces then show no link)."""
    if not settings.secret_key or not settings.public_url:
        return None
    token = token_for(settings.secret_key, workspace, item_id, now=now, days=days)
    return settings.public_url.rstrip("/") + PAGE_PREFIX + token


def token_for(secret_key: str, workspace: str, item_id: int, *, now: dt.datetime | None = None,
              days: int = DEFAULT_DAYS) -> str:
    """The token alone: `payload.mac`, both URL-safe base64."""
    if not 0 < days <= MAX_DAYS:
        raise ValueError(f"a link lasts 1 to {MAX_DAYS} days, not {days}")
    if item_id <= 0 or not workspace:
        raise ValueError("a link names a workspace and an item")
    expires = int(((now or _utcnow()) + dt.timedelta(days=days)).timestamp())
    payload = _SEP.join([str(expires).encode(), str(item_id).encode(),
                         workspace.encode("utf-8", "surrogatepass")])
    return _b64(payload) + "." + _b64(_mac(secret_key, payload))


def verify(settings: Settings, token: str, *, now: dt.datetime | None = None) -> tuple[str, int]:
    """(workspace, item id) from a token whose MAC holds and which has not expired; else BadLink.

    The MAC is checked (in constant time) before any field is read, so a forged token learns
    nothing from which check refused it.
    """
    if not settings.secret_key:
        raise BadLink("no DESKCHECK_SECRET_KEY: no link can be verified")
    if len(token) > MAX_TOKEN_CHARS or not _TOKEN.fullmatch(token):
        raise BadLink("malformed")
    head, mac = token.split(".")
    try:
        payload, given = _unb64(head), _unb64(mac)
    except (binascii.Error, ValueError):
        raise BadLink("malformed") from None
    if len(given) != _MAC_BYTES or not hmac.compare_digest(given, _mac(settings.secret_key, payload)):
        raise BadLink("tampered")
    expires, item, workspace = _fields(payload)
    if (now or _utcnow()).timestamp() >= expires:
        raise BadLink("expired")
    return workspace, item


def _fields(payload: bytes) -> tuple[int, int, str]:
    # Only our own signed payloads reach here, yet a key shared with an older format must not crash.
    parts = payload.split(_SEP, 2)
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        raise BadLink("malformed")
    try:
        return int(parts[0]), int(parts[1]), parts[2].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise BadLink("malformed") from None


def _mac(secret_key: str, payload: bytes) -> bytes:
    key = secret_key.encode("utf-8", "surrogatepass")
    return hmac.new(key, _DOMAIN + _SEP + payload, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    padded = text + "=" * (-len(text) % 4)
    raw = base64.urlsafe_b64decode(padded.encode("ascii"))
    if _b64(raw) != text:  # one token, one spelling: stray bits in the last character are refused
        raise ValueError("not canonical base64")
    return raw


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
