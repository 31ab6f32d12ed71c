"""Dates: temporal expressions found by a grammar, vetoed with the parse, valued as TIMEX3.

`grammar` finds candidates, `vetoes` drops counts and names, `values`, `fixed` and `timex` give
each its TIMEX3 value against the publication date or the story's last date, `tense` reads the
verb, `find` puts them together, and `signals` checks the dates against each other.
"""

from .find import find_dates
from .signals import date_signals

__all__ = ["date_signals", "find_dates"]
