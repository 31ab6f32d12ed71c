"""A web page's bytes: bounded decompression and an honest guess at their character set.

Decompression is done here, not by httpx, so that the size limit counts decompressed bytes
and a small gzip or brotli "bomb" is cut off after the limit instead of filling memory.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Protocol

import brotli
import charset_normalizer

__all__ = ["Decoder", "binary_kind", "decode_page", "make_decoder"]


class Decoder(Protocol):
    def feed(self, data: bytes, room: int) -> bytes:
        """Decompressed bytes for `data`, at most `room` of them; ValueError for damaged data."""


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data[:room]


class _Zlib:
    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._inflate = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self._inflate.decompress(data, room)
        except zlib.error as exc:
            if self._started or self._wbits != zlib.MAX_WBITS:
                raise ValueError(f"damaged compressed data: {exc}") from None
            # "deflate" is often sent as a raw stream without the zlib header.
            self._wbits = -zlib.MAX_WBITS
            self._inflate = zlib.decompressobj(self._wbits)
            try:
                out = self._inflate.decompress(data, room)
            except zlib.error as again:
                raise ValueError(f"damaged compressed data: {again}") from None
        self._started = True
        return out


class _Brotli:
    def __init__(self) -> None:
        self._inflate = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out: bytes = self._inflate.process(data, output_buffer_limit=room)
        except brotli.error as exc:
            raise ValueError(f"damaged brotli data: {exc}") from None
        # The limit is a soft one (brotli grows its buffer a block at a time); the caller
        # only needs to see that the room ran out.
        return out[:room]


def make_decoder(content_encoding: str) -> Decoder | None:
    """The decoder for a Content-Encoding header, or None for an encoding we do not speak."""
    coding = content_encoding.strip().lower()
    if coding in ("", "identity"):
        return _Identity()
    if coding in ("gzip", "x-gzip"):
        return _Zlib(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return _Zlib(zlib.MAX_WBITS)
    if coding == "br":
        return _Brotli()
    return None


_BINARY_MAGIC = {b"%PDF": "a PDF", b"\x89PNG": "an image", b"GIF8": "an image",
                 b"\xff\xd8\xff": "an image", b"PK\x03\x04": "an archive or office document"}


def binary_kind(body: bytes) -> str | None:
    """'a PDF', 'an image'… when the bytes are a file of that kind whatever the headers say, else None."""
    head = body[:1024].lstrip()
    return next((what for magic, what in _BINARY_MAGIC.items() if head.startswith(magic)), None)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# The WHATWG encoding standard: browsers read these labels as windows-1252, and so do we.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "l1", "cp819"}
_WESTERN_LOOKALIKES = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_15", "iso8859_2",
                       "iso8859_9", "iso8859_13", "mac_roman", "mac_latin2", "ascii"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_page(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """(text, encoding) for a page whose declared charset may be wrong.

    Pages lie both ways: a "charset=iso-8859-1" header on UTF-8 bytes (old server defaults)
    and a "utf-8" meta tag on windows-1252 bytes (old CMS templates). A byte string that
    decodes as strict UTF-8 is almost never anything else, so that wins; then the declared
    charsets if the bytes fit them; then charset_normalizer's guess.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, errors="replace"), name
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(body[:4096])
    declared = [header_charset, meta.group(1).decode("ascii") if meta else None]
    for label in declared:
        codec = _codec(label)
        if codec and codec != "utf-8":
            try:
                return body.decode(codec), codec
            except UnicodeDecodeError:
                continue
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    guess = best.encoding if best is not None else None
    if guess and guess not in _WESTERN_LOOKALIKES:
        return body.decode(guess, errors="replace"), guess
    # Short Western texts are a coin toss between windows-125x code pages for the detector;
    # for English news windows-1252 is by far the likeliest, so it wins when it fits.
    try:
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        name = guess or "cp1252"
        return body.decode(name, errors="replace"), name


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
