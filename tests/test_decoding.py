"""Bytes from a file, stdin or an attachment become text without losing the quotes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.errors import NotText
from checks.guard import decode_input, decode_text

ROOT = Path(__file__).resolve().parent.parent
STORY = ("Ferry Fares Rise Ten Percent\n\nThe provincial ferry operator raised fares by ten percent on "
         "Monday, citing fuel costs. \u201cWe held prices for three years and cannot absorb this any "
         "longer,\u201d chief executive Mira Patel told reporters in Victoria. Commuters said the increase "
         "would push them back into their cars, and that it\u2019s the third rise in a decade.")


def test_one_invalid_byte_keeps_the_curly_quotes_and_is_counted() -> None:
    raw = STORY.encode("utf-8").replace(b"Commuters", b"Commuters\xff", 1)
    decoded = decode_text(raw)
    assert "\u201cWe held prices" in decoded.text and "longer,\u201d" in decoded.text
    assert "Commuters\ufffd" in decoded.text
    assert decoded.replaced == 1 and decoded.encoding == "utf-8"
    assert decoded.notice == "1 byte was not valid UTF-8 and was replaced"
    assert decode_input(raw) == decoded.text


def test_several_invalid_bytes_are_counted_in_the_notice() -> None:
    raw = b"\xc3" + STORY.encode("utf-8") + b"\x92\x80"  # a cut-off sequence, two stray bytes
    decoded = decode_text(raw)
    assert decoded.replaced == 3 and "\u201cWe held" in decoded.text
    assert decoded.notice == "3 bytes were not valid UTF-8 and were replaced"


def test_a_windows_1252_file_is_read_as_such_and_said_so() -> None:
    decoded = decode_text(STORY.encode("cp1252"))
    assert decoded.text == STORY
    assert decoded.encoding == "cp1252" and decoded.replaced == 0
    assert decoded.notice is not None and "Windows-1252" in decoded.notice


def test_bytes_undefined_in_windows_1252_are_counted_too() -> None:
    decoded = decode_text(STORY.encode("cp1252") + b"\x81")
    assert decoded.encoding == "cp1252" and decoded.replaced == 1 and decoded.text.endswith("\ufffd")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_decodes(codec: str) -> None:
    raw = STORY.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    decoded = decode_text(raw)
    assert decoded.text == STORY and decoded.notice is None


def test_clean_utf8_has_no_notice() -> None:
    decoded = decode_text(STORY.encode("utf-8"))
    assert (decoded.text, decoded.replaced, decoded.notice) == (STORY, 0, None)


@pytest.mark.parametrize("raw", [b"%PDF-1.7\n%\xe2\xe3", b"\x89PNG\r\n\x1a\n", b"text\x00\x00\x01binary"])
def test_binary_data_is_still_refused(raw: bytes) -> None:
    with pytest.raises(NotText):
        decode_text(raw)


def test_the_cli_checks_a_file_with_a_bad_byte_and_tells_how_many_were_replaced(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_bytes(STORY.encode("utf-8").replace(b"Victoria.", b"Victoria.\xff\xfe\xfa", 1))
    out = subprocess.run([sys.executable, "-m", "bot.cli", "check", "--json", str(article)],
                         capture_output=True, cwd=ROOT, timeout=300,
                         env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/t.db"})
    assert out.returncode == 0, out.stderr.decode()
    assert "deskcheck: note: 3 bytes were not valid UTF-8 and were replaced" in out.stderr.decode()
    quotes = [q["text"] for q in json.loads(out.stdout)["quotes"]]
    assert any("We held prices for three years" in q for q in quotes)
