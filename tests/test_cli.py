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
