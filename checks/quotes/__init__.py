"""Quotes and sources: quotation marks, attribution, speakers, and the sources they add up to.

`marks` finds the quoted stretches, `attribution` ties each to a cue, `speakers` resolves who
spoke (names, pronouns, titles) with `speaker_slot` (what stands where a speaker goes),
`outlets` and `companies` (publications, companies and other organisations that speak), `cues`
and `phrases` hold the word lists and noun-phrase helpers, `find` puts them together, and
`sources` lists named and anonymous sources.
"""

from .find import Analysis, analyse, find_quotes
from .marks import find_marked
from .sources import find_sources

__all__ = ["Analysis", "analyse", "find_marked", "find_quotes", "find_sources"]
