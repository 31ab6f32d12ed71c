"""The digest's picture: checks per day, and named against anonymous sourcing, as a PNG."""

from __future__ import annotations

import io

# The object API with the Agg canvas: no pyplot global state, no display, safe in a server thread.
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .model import Digest

__all__ = ["CHART_DPI", "render_chart"]

CHART_DPI = 100
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_NAMED, _ANONYMOUS = "#3b6ea8", "#d08c2c"


def render_chart(d: Digest) -> bytes:
    """A 7.2 x 2.6 inch PNG; deterministic for the same digest (no timestamps in the file)."""
    fig = Figure(figsize=(7.2, 2.6), dpi=CHART_DPI)
    FigureCanvasAgg(fig)
    _per_day(fig, d)
    _sourcing(fig, d)
    fig.suptitle(f"{d.workspace} · {d.week.label}", fontsize=10)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def _per_day(fig: Figure, d: Digest) -> None:
    ax = fig.add_subplot(1, 2, 1)
    ax.bar(_DAYS, d.checks_per_day, color=_NAMED)
    ax.set_title("Checks per day", fontsize=9)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)


def _sourcing(fig: Figure, d: Digest) -> None:
    """Stacked bars of attributed statements, this week against the one before."""
    ax = fig.add_subplot(1, 2, 2)
    weeks = [d.week.previous().label, d.week.label]
    named = [d.previous.named_statements, d.totals.named_statements]
    anonymous = [d.previous.anonymous_statements, d.totals.anonymous_statements]
    ax.barh(weeks, named, color=_NAMED, label="named")
    ax.barh(weeks, anonymous, left=named, color=_ANONYMOUS, label="anonymous")
    ax.set_title("Statements by sourcing", fontsize=9)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=8)
    ax.legend(fontsize=7, frameon=False, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.15))
    ax.spines[["top", "right"]].set_visible(False)
