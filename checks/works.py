"""Nouns and verbs that name a work whose title follows: `his book “…”`, `a film titled “…”`, the
film “1917”. Quote finding reads such a title as no one's words; the date finder reads a year that is
the whole title as no date."""

from __future__ import annotations

WORK_NOUNS = frozenset({"book", "novel", "memoir", "album", "film", "movie", "song", "single", "paper",
                         "essay", "column", "show", "series", "podcast", "documentary", "play", "titled",
                         "entitled", "headlined", "ad", "advert", "commercial", "video", "article", "story",
                         "report", "poem", "musical", "opera", "exhibition", "autobiography", "biography",
                         "newsletter", "blog", "sitcom", "program", "programme"})
