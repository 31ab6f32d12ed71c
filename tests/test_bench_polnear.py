"""bench/polnear.py: the speaker-confidence fit's samples and its out-of-fold reliability table
(invented records, no PolNeAR text)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("bench_polnear", ROOT / "bench" / "polnear.py")
assert _SPEC is not None and _SPEC.loader is not None
polnear = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_polnear"] = polnear
_SPEC.loader.exec_module(polnear)


def _record(stem: str, right: bool, nested: float | None) -> dict[str, object]:
    return {"kind": "quote", "stem": stem, "cells": ["name_at_cue", "name_at_cue|touching"], "right": right,
            "weight": 1.0, "nested_confidence": nested}


def test_each_fitted_quote_carries_its_article_so_the_calibration_folds_keep_an_article_together():
    samples = polnear._samples([_record("wire_2016-01-02_harbour", True, 0.9)])
    assert [s.group for s in samples] == ["wire_2016-01-02_harbour"]


def test_the_out_of_fold_table_prints_each_bins_counts_and_its_gap_in_standard_errors(
        capsys: pytest.CaptureFixture[str]) -> None:
    judged = [_record(f"story{n}", n < 3, 0.9) for n in range(4)]  # 0.9 promised, 0.75 right
    judged += [_record("story9", True, 0.55), _record("story9", False, None)]
    polnear._out_of_fold_reliability(judged)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("reliability out of fold (nested")
    high = next(line for line in lines if line.lstrip().startswith("[0.90, 0.95)")).split()
    assert high[2:] == ["4", "4", "0.900", "0.750", "3", "-1.0"]
    assert any(line.lstrip().startswith("[0.50, 0.60)") for line in lines)
    assert len(lines) == 3  # bins without quotes and quotes without a speaker are left out
