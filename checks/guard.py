"""Refuse, with one clear line, what the engine cannot check honestly."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import EmptyText, NotEnglish, NotText, TooLong

__all__ = ["MAX_CHARS", "MIN_WORDS_FOR_LANGUAGE", "DecodedText", "decode_input", "decode_text",
           "validate_text"]

MAX_CHARS = 200_000
# Below this many words the language guess is noise, so short texts pass unjudged.
MIN_WORDS_FOR_LANGUAGE = 30
# English function words: in any English prose they are a fifth or more of the words;
# in French, German or Spanish prose they are a few percent.
_ENGLISH = frozenset((
    "the a an of to and in is was that for on with as by at from it he she they his her their this "
    "be has have had not but or are were said will would who which its been"
).split())
# The commonest short words of the other languages a desk is sent most, none of them English words:
# a page with few English function words (a meal plan, a box score: lists of names and amounts) is
# still English unless another language's own function words outnumber them.
# German, French, Spanish, Italian, Portuguese, Dutch, Indonesian:
_OTHER_LANGUAGES = tuple(frozenset(words.split()) for words in (
    "der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch sind werden wird oder",
    "le la les et des est une du que qui pas pour dans sur au avec ce il elle sont",
    "el los las y de que en un una es por con para del se al lo",
    "il di che e è un una per non del della con sono gli le la",
    "o os e de que em um uma do da não para com por é",
    "de het een en van dat niet op te zijn voor met die",
    "yang dan di ke dari ini itu dengan untuk tidak akan pada juga",
))
_WORD = re.compile(r"[^\W\d_]+")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")


# Byte order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Text that is not UTF-8 is read as Windows-1252, the legacy encoding of English text on the
# desks' machines (curly quotes and dashes included). Detectors such as charset_normalizer
# guess cp1250 for a short cp1252 paragraph, which turns "naïve" into "naďve".
LEGACY = "cp1252"
_ESCAPED = re.compile("[\udc80-\udcff]")  # one per byte that surrogateescape could not decode


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, and what the reader should know about how."""

    text: str
    encoding: str
    replaced: int = 0  # bytes that were not valid in `encoding` and became U+FFFD

    @property
    def notice(self) -> str | None:
        """One line for the user, or None when the bytes decoded cleanly as UTF-8."""
        if self.replaced:
            name = "UTF-8" if self.encoding.startswith("utf-8") else _LABELS.get(self.encoding, self.encoding)
            noun, verb = ("byte", "was") if self.replaced == 1 else ("bytes", "were")
            return f"{self.replaced:,} {noun} {verb} not valid {name} and {verb} replaced"
        if self.encoding == LEGACY:
            return "the text was not UTF-8 and was read as Windows-1252"
        return None


_LABELS = {LEGACY: "Windows-1252", "utf-16": "UTF-16", "utf-32": "UTF-32"}


def decode_text(raw: bytes) -> DecodedText:
    """Bytes from a file, stdin or an attachment to text; binary data (a PDF, an image) is refused.

    UTF-8 wins whenever the bytes are mostly UTF-8: a stray invalid byte becomes U+FFFD and is
    counted, rather than turning every curly quote of the file into mojibake. Only bytes whose
    non-ASCII part is mostly not UTF-8 are read as Windows-1252.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _decode(raw, codec)
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:8192]:
        raise NotText("this looks like a binary file (PDF, image or archive), not article text: "
                      "paste the article's text or its link")
    escaped = raw.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED.findall(escaped))
    if not invalid:
        return DecodedText(escaped, "utf-8")
    valid_multibyte = sum(1 for ch in escaped if ord(ch) > 0x7F) - invalid
    if invalid > valid_multibyte:
        return _decode(raw, LEGACY)
    return DecodedText(_ESCAPED.sub("\ufffd", escaped), "utf-8", invalid)


def _decode(raw: bytes, codec: str) -> DecodedText:
    text = raw.decode(codec, errors="replace")
    # a U+FFFD already in the bytes is text: only the ones that decoding put in count
    added = text.count("\ufffd") - raw.decode(codec, errors="ignore").count("\ufffd")
    return DecodedText(text, codec, added)


def decode_input(raw: bytes) -> str:
    """decode_text's text alone, for callers that show no notice."""
    return decode_text(raw).text


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
    if len(words) >= MIN_WORDS_FOR_LANGUAGE and not _english(words):
        raise NotEnglish()


def _english(words: list[str]) -> bool:
    """English prose has a fifth or more of its words among _ENGLISH; French, German or Spanish prose
    a few percent. Below 8%, the text is English only if it is written in Latin letters and no other
    language's function words are more common than English's (an English list: a meal plan, a box
    score), not when another's are (a German article quoting an English title)."""
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    if share >= 0.08:
        return True
    latin = sum(1 for w in words if w.isascii() or all(ord(ch) < 0x250 for ch in w))
    if latin < len(words) / 2:
        return False
    return all(sum(1 for w in words if w in other) / len(words) < share for other in _OTHER_LANGUAGES)
