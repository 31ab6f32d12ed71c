"""The command line's contract: JSON report, JSON lines, and one-line errors with a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_5f829577d8d50fd6.txt"


def deskcheck(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
              cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})}, cwd=cwd or ROOT, timeout=300)


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    return tmp_path


def test_check_json_prints_one_report_of_the_contract(tmp_path: Path) -> None:
    out = deskcheck("check", "--json", str(SEED), env={"DATABASE_URL": f"sqlite:///{tmp_path}/t.db"})
    assert out.returncode == 0, out.stderr.decode()
    report = json.loads(out.stdout)
    assert report["schema"] == "deskcheck.report/1"
    assert set(report) >= {"input", "article", "quotes", "sources", "dates", "similar", "signals"}
    assert report["input"]["kind"] == "file"
    assert len(report["input"]["sha256"]) == 64
    assert report["article"]["words"] > 500


def test_text_summary_names_the_sections(tmp_path: Path) -> None:
    out = deskcheck("check", str(SEED), env={"DATABASE_URL": f"sqlite:///{tmp_path}/t.db"})
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode()
    for section in ("SIGNALS", "QUOTES", "SOURCES", "DATES"):
        assert section in text


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (b"", "no text to check"),
        (b"   \n\t  ", "no text to check"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Le Premier ministre a déclaré mardi que le Canada ne serait jamais à vendre, selon des sources "
         "proches du dossier. Les négociations commerciales avec les États-Unis sont suspendues depuis "
         "la fin du mois d'octobre, et aucune date n'a été fixée pour une reprise des discussions entre "
         "les deux pays voisins.".encode(), "English"),
    ],
)
def test_bad_input_gets_one_line_and_a_nonzero_exit(stdin: bytes, expected: str) -> None:
    out = deskcheck("check", "-", stdin=stdin)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert expected in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_text_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    out = deskcheck("check", "-", stdin=b"The minister said so. " * 10_000,
                    env={"DESKCHECK_MAX_CHARS": "100000"})
    assert out.returncode == 2
    assert "over the limit of 100,000" in out.stderr.decode()


def test_a_missing_file_is_one_line_not_a_traceback() -> None:
    out = deskcheck("check", "no/such/article.txt")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr.decode()


def test_a_missing_pipeline_says_what_to_install() -> None:
    out = deskcheck("check", str(SEED), env={"SPACY_MODEL": "xx_no_such_pipeline"})
    assert out.returncode == 2
    err = out.stderr.decode()
    assert "requirements/model.txt" in err
    assert "Traceback" not in err


def test_jsonl_writes_one_report_per_line_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": SEED.read_text(), "published": "2025-12-05"}),
        json.dumps({"id": "b", "text": ""}),
        "not json",
    ]
    out = deskcheck("check", "--jsonl", "-", stdin="\n".join(lines).encode(),
                    env={"DATABASE_URL": f"sqlite:///{tmp_path}/t.db"})
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r.get("id") for r in rows] == ["a", "b", None]
    assert rows[0]["schema"] == "deskcheck.report/1"
    assert rows[0]["article"]["published"] == "2025-12-05"
    assert "no text" in rows[1]["error"]
    assert "line 3" in rows[2]["error"]
    assert out.returncode == 1


@pytest.mark.parametrize("text", [42, None, ["a", "list"], {"an": "object"}, True])
def test_jsonl_a_text_that_is_not_a_string_is_that_lines_error_and_the_batch_goes_on(text: object) -> None:
    lines = [json.dumps({"id": "bad", "text": text}), json.dumps({"id": "next", "text": ""})]
    out = deskcheck("check", "--jsonl", "-", stdin="\n".join(lines).encode())
    err = out.stderr.decode()
    assert "Traceback" not in err
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == ["bad", "next"]
    assert "line 1" in rows[0]["error"] and "'text' must be a string" in rows[0]["error"]
    assert "no text" in rows[1]["error"]
    assert out.returncode == 1


def test_jsonl_a_line_with_an_invalid_byte_is_checked_with_a_notice() -> None:
    bad = '{"id": "x", "text": "\u201cIt is final,\u201d she said.'.encode() + b'\xff"}'
    out = deskcheck("check", "--jsonl", "-", stdin=bad + b"\n" + b'{"id": "y", "text": ""}\n')
    assert "Traceback" not in out.stderr.decode()
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == ["x", "y"]
    assert rows[0]["notice"] == "1 byte was not valid UTF-8 and was replaced"


@pytest.mark.parametrize(("command", "code"), [
    (["history"], 141),
    (["history", "export", "--csv"], 141),
    (["--help"], 0),  # argparse drops a help text it cannot write and exits as asked
])
def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly(command: list[str], code: int,
                                                                       tmp_path: Path) -> None:
    """`deskcheck history | head`: the closed pipe ends the command with 141, as SIGPIPE would."""
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before deskcheck writes a byte
    try:
        out = subprocess.run([sys.executable, "-m", "bot.cli", *command], stdout=writer,
                             stderr=subprocess.PIPE, timeout=120, cwd=ROOT,
                             env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/h.db"})
    finally:
        os.close(writer)
    assert out.stderr.decode() == ""
    assert out.returncode == code


def test_history_piped_into_head_exits_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/h.db"}
    shell = f"{sys.executable} -m bot.cli history export --csv | head -c 0; echo \"${{PIPESTATUS[0]}}\" >&2"
    out = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120)
    assert out.stderr.strip() in {"0", "141"} and "Traceback" not in out.stderr
