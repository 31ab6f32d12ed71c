"""Signed permalinks to the report page: who may read item N of workspace W, and until when.

A link is DESKCHECK_PUBLIC_URL + `/report/` + a token. The token carries the workspace, the item,
the expiry and the moment it was signed (so the desk can withdraw the links to one item signed up
to a moment: storage.desk.revoke_links), and an HMAC-SHA256 of them under DESKCHECK_SECRET_KEY; the
server takes the workspace only from a token whose MAC holds, so a link can neither be widened to
another item nor moved to another workspace, and no database is read for a link that fails. Both
halves are URL-safe base64 without padding, so the token is one path segment.

    url = permalink(settings, "T024", 42)      # https://desk.example.org/report/eyJ…
    workspace, item = verify(settings, token)  # or BadLink
    link = verify_link(settings, token)        # the same, with link.signed_at
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass

from ..settings import Settings

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "MAX_TOKEN_CHARS", "PAGE_PREFIX", "BadLink", "Link", "permalink",
           "token_for", "verify", "verify_link"]


class BadLink(Exception):
    """A token that is malformed, tampered with or expired; the page shows none of this."""


@dataclass(frozen=True)
class Link:
    """What a verified token grants: one item of one workspace, signed at `signed_at` (None for a
    token from before links carried it: it counts as signed before any withdrawal)."""

    workspace: str
    item_id: int
    signed_at: dt.datetime | None

    def withdrawn(self, revoked_at: dt.datetime | None) -> bool:
        """Signed up to the item's withdrawal, so no longer opening."""
        if revoked_at is None:
            return False
        return self.signed_at is None or self.signed_at <= revoked_at


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
    signed = now or _utcnow()
    expires = int((signed + dt.timedelta(days=days)).timestamp())
    # microseconds: a link signed just after a withdrawal must not read as signed with it
    signed_us = round(signed.timestamp() * 1_000_000)
    payload = _SEP.join([str(expires).encode(), str(item_id).encode(), str(signed_us).encode(),
                         workspace.encode("utf-8", "surrogatepass")])
    return _b64(payload) + "." + _b64(_mac(secret_key, payload))


def verify(settings: Settings, token: str, *, now: dt.datetime | None = None) -> tuple[str, int]:
    """(workspace, item id) from a token whose MAC holds and which has not expired; else BadLink."""
    link = verify_link(settings, token, now=now)
    return link.workspace, link.item_id


def verify_link(settings: Settings, token: str, *, now: dt.datetime | None = None) -> Link:
    """The Link a token whose MAC holds and which has not expired grants; else BadLink.

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
    expires, item, signed, workspace = _fields(payload)
    if (now or _utcnow()).timestamp() >= expires:
        raise BadLink("expired")
    signed_at = None if signed is None else dt.datetime.fromtimestamp(signed / 1_000_000, dt.UTC)
    return Link(workspace, item, signed_at)


def _fields(payload: bytes) -> tuple[int, int, int | None, str]:
    """expires, item, signed (microseconds; None in a token signed before links carried it), workspace.
    Only our own signed payloads reach here, yet a key shared with an older format must not crash."""
    parts = payload.split(_SEP, 3)
    if len(parts) == 3:  # expires, item, workspace: a link from before December 2026
        parts.insert(2, b"")
    if len(parts) != 4 or not parts[0].isdigit() or not parts[1].isdigit() or not (
            parts[2].isdigit() or parts[2] == b""):
        raise BadLink("malformed")
    try:
        workspace = parts[3].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise BadLink("malformed") from None
    return int(parts[0]), int(parts[1]), int(parts[2]) if parts[2] else None, workspace


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
