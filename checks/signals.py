"""Signals: explained, offset-linked observations for a human verifier."""

from __future__ import annotations

from .models import Report, Signal

__all__ = ["find_signals"]


def find_signals(report: Report, text: str) -> tuple[Signal, ...]:
    return ()
