"""bench/timeml.py: how it reads TimeML files and compares values (invented documents)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from checks.models import DateMention

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("bench_timeml", ROOT / "bench" / "timeml.py")
assert _SPEC is not None and _SPEC.loader is not None
timeml = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_timeml"] = timeml  # its dataclasses look their module up while being made
_SPEC.loader.exec_module(timeml)

TML = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06">02/06/1998</TIMEX3></DCT>'
       '<TEXT>Orchards spread in <TIMEX3 tid="t1" type="DATE" value="199">the 1990s</TIMEX3>.'
       '</TEXT></TimeML>')


def test_a_decade_written_199x_is_right_for_timebank_s_199(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = timeml.read_tml(path)
    assert doc is not None and [t.value for t in doc.timexes] == ["199"]
    tally = timeml.Tally()
    timeml.score(doc, [DateMention("the 1990s", "199X", "absolute", 19, 28)], tally)
    assert (tally.hits, tally.gold, tally.counted) == (1, 1, 1)


def test_other_values_are_still_compared_as_written() -> None:
    assert timeml.same_value("1998", "1998")
    assert not timeml.same_value("1998", "199X")
    assert not timeml.same_value("199", "198X")
    assert not timeml.same_value("1998-02", "1998-02X")


def test_the_bench_skips_macos_metadata_files_beside_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "._doc.tml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X \xb0\xff")
    monkeypatch.setattr(sys, "argv", ["timeml.py", str(tmp_path)])
    assert timeml.main() == 0
    assert capsys.readouterr().out.startswith("1 documents")
