"""Dates: temporal expressions found by a grammar, vetoed with the parse, valued as TIMEX3.

`grammar` finds candidates, `vetoes` drops counts and names, `values`, `fixed`, `named` and `timex`
give each its TIMEX3 value against the publication date or the story's last date, `tense` reads the
verb, `documents` finds quoted e-mails, letters and embedded posts with their own date, `schedule`
reads a list of coming dates one a line ("June 9 – Tampa, FL"), `generic` tells "today's youth" (an
age) from "today's vote" (a day), `context` keeps the story's reference times, `find` puts them
together, and `signals` checks the dates against each other.
"""

from .find import VAGUE_VALUES, find_dates, split_vague
from .signals import date_signals

__all__ = ["VAGUE_VALUES", "date_signals", "find_dates", "split_vague"]
