"""Refuse, with one clear line, what the engine cannot check honestly."""

from __future__ import annotations

import re

from .errors import EmptyText, NotEnglish, NotText, TooLong

__all__ = ["MAX_CHARS", "MIN_WORDS_FOR_LANGUAGE", "validate_text"]

MAX_CHARS = 200_000
# Below this many words the language guess is noise, so short texts pass unjudged.
MIN_WORDS_FOR_LANGUAGE = 30
# English function words: in any English prose they are a fifth or more of the words;
# in French, German or Spanish prose they are a few percent.
_ENGLISH = frozenset((
    "the a an of to and in is was that for on with as by at from it he she they his her their this "
    "be has have had not but or are were said will would who which its been"
).split())
_WORD = re.compile(r"[^\W\d_]+")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")


def decode_input(raw: bytes) -> str:
    """Bytes from a file or stdin to text; binary data (a PDF, an image) is refused."""
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:8192]:
        raise NotText("this looks like a binary file (PDF, image or archive), not article text: "
                      "paste the article's text or its link")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def validate_text(text: str, max_chars: int = MAX_CHARS) -> None:
    if not text or not text.strip():
        raise EmptyText("there is no text to check: paste an article's text or its link")
    if len(text) > max_chars:
        raise TooLong(f"the text has {len(text):,} characters, over the limit of {max_chars:,}: "
                      "check the article alone, or one part at a time")
    controls = sum(1 for ch in text[:20_000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 20_000):
        raise NotText("this looks like binary data, not article text")
    words = [w.lower() for w in _WORD.findall(text[:50_000])]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        share = sum(1 for w in words if w in _ENGLISH) / len(words)
        if share < 0.08:
            raise NotEnglish("this article does not look like English; deskcheck's checks only work "
                             "on English text for now")
