"""Named periods resolved against the publication date: months, quarters, seasons, holidays.

"In March", "last October", "the third quarter", "in the fall", "on Thanksgiving", "by the end of
the year": the text names the period, the publication date (or the story's last year) says which.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import DateKind
from .context import Story
from .grammar import Candidate
from .tense import forecast_time, noun_tense
from .timex import SEASONS, WEEKDAYS, Anchor, holiday_date, month_number, nth_weekday, season_of
from .values import latest, unit_point
from .yearless import year_for

__all__ = ["end_of", "holiday", "month_only", "month_rel_year", "period_rel_year", "quarter_only",
           "quarter_ref", "relative_month", "results_quarter", "season_only", "the_year", "weekday_of_month",
           "year_end", "year_quarter"]

Resolved = tuple[str | None, DateKind, Anchor | None]
# "named coach of the year", "album of the year": an award's name, not a time.
_AWARD = re.compile(r"\b(?:player|coach|manager|person|man|woman|rookie|athlete|sportsman|sportswoman|"
                    r"album|song|record|book|car|word|artist|entertainer|team|teacher|executive|ceo)s?"
                    r"\s+of\s+$", re.I)
_AWARD_CHARS = 20
# "open throughout the year", "runs all through the year": in the present tense, a habit of every year.
_ROUND = re.compile(r"\b(?:throughout|all\s+through|round|around)\s+$", re.I)
_ROUND_CHARS = 16
_WRITTEN_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
# "the 2020 election", "the November 2012 presidential race", "the 2018 midterms": an election and its year.
_ELECTION = re.compile(r"\b(?:November\s+)?(?P<year>(?:19|20)\d\d)\s+(?:(?:presidential|general|midterm|"
                       r"mid-term|congressional|national|state|U\.S\.)\s+)*(?:elections?|races?|campaigns?|"
                       r"votes?|midterms|ballots?)\b", re.I)
_ELECTION_CHARS = 6000  # how far back a story's election is still the one it talks about
# "this year", "last year", "next year": years from publication.
_YEAR_STEPS = {"this": 0, "last": -1, "next": 1}
_ORDINALS = ("first", "second", "third", "fourth")
# "the latest quarter", "the most recent quarter", "the just-ended quarter": one whose results are in.
_CLOSED_WORDS = {"latest", "most recent", "just ended"}
# "down from the March high", "its April peak": a month naming a measurement already taken.
_MEASURED = re.compile(r"\s+(?:high|low|peak|trough|levels?|figures?|readings?|record|total|tally|average|"
                       r"data|numbers)\b")


def month_only(cand: Candidate, ctx: Story) -> Resolved | None:
    month = month_number(cand.parts["mon"])
    if month is None:
        return None
    if cand.rule == "rel_month":
        return relative_month(month, cand, ctx)
    # "a June agreement": the noun's time, not the verb's, read as for "Wednesday's ruling": the
    # nearest June unless a past verb places the noun's event ("evidence gathered in the October slaying")
    # or the noun is a measurement ("the March high"), which is always of a month begun
    tense = noun_tense(ctx.doc, cand.start, cand.end) if cand.rule == "attr_month" else None
    year = year_for(ctx, month, None, cand, tense)
    if year is None:
        return f"XXXX-{month:02d}", "partial", None
    pub = ctx.published
    if cand.rule == "attr_month" and pub is not None and (year, month) > (pub.year, pub.month) and \
            (tense == "past" or _MEASURED.match(ctx.text, cand.end)):
        # "approved it at the December meeting" in November: a past verb on the noun puts its month
        # behind publication, however near the next one is (the 45 days a day's tense may be off do
        # not apply to a whole month not yet begun); "still down from the March high": a level
        # measured, so a March gone
        year -= 1
    return f"{year:04d}-{month:02d}", "partial", Anchor(dt.date(year, month, 1), "month")


def relative_month(month: int, cand: Candidate, ctx: Story) -> Resolved:
    """'last October', 'next March', 'this May', seen from the publication date."""
    pub = ctx.published
    if pub is None:
        return None, "relative", None
    direction = cand.parts["dir"].lower()
    year = pub.year
    if direction.startswith("last") or direction == "this past":
        # "crashed last February", in a March story: the month just ended would be "last month", so
        # "last February" is the one a year before ("this past February" is the one just ended; in a
        # January story "last December" is both the month just ended and last year's)
        year -= 1 if month >= pub.month or (direction == "last" and month == pub.month - 1) else 0
    elif direction.startswith("next") or direction == "this coming":
        year += 1 if month <= pub.month else 0
    return f"{year:04d}-{month:02d}", "relative", Anchor(dt.date(year, month, 1), "month")


def quarter_only(cand: Candidate, ctx: Story) -> Resolved | None:
    """'the third quarter', 'last quarter': the publication's year (or the story's), by tense."""
    q = _ORDINALS.index(cand.parts["ord"].lower()) + 1
    direction = cand.parts.get("dir", "").lower()
    if ctx.published is not None and direction not in ("previous", "same"):
        # business news reports the quarter just closed or running, rarely one ahead
        pub = ctx.published
        current = (pub.month - 1) // 3 + 1
        if direction in ("this", "current", "latest"):
            year = pub.year
        elif direction == "next":
            year = pub.year + (1 if q <= current else 0)
        elif not direction and q != (current + 2) % 4 + 1 and forecast_time(ctx.doc, cand.start, cand.end):
            # "expects to return to profit in the first quarter", "said it would cut jobs by the end of the
            # first quarter", in November: a forecast is of the quarter running or one ahead. Not the
            # quarter just closed, whose results may still be to come ("will post a loss in the third
            # quarter", in October)
            year = pub.year + (1 if q < current else 0)
        else:  # "the third quarter", "last year's fourth quarter": the latest one begun by publication
            year = pub.year - (0 if q <= current else 1) - (1 if direction == "last" and q == current else 0)
    elif ctx.ref is not None:
        year = ctx.ref.date.year
    else:
        return f"XXXX-Q{q}", "partial", None
    return f"{year:04d}-Q{q}", "partial", None


def year_quarter(cand: Candidate, ctx: Story) -> Resolved | None:
    """'the 1988 second quarter', "next year's first quarter", "last year's second half"; 'the 1988
    quarter', "last year's quarter": the story's quarter in that year (the year alone without one).

    The year is written before the quarter, so it is the quarter's, not the publication's."""
    p = cand.parts
    kind: DateKind = "absolute" if "year" in p else "relative"
    if "year" in p:
        year = int(p["year"])
    elif ctx.published is None:
        return None, "relative", None
    else:
        year = ctx.published.year + _YEAR_STEPS[p["dir"].lower()]
    if "ord" not in p:
        if p["unit"] == "half":
            return None  # "the 1988 half" names no half
        # "the 1988 period" may be the nine months or the year: only its year is sure
        quarter = f"-Q{ctx.quarter[1]}" if ctx.quarter is not None and p["unit"] == "quarter" else ""
        return f"{year:04d}{quarter}", kind, None
    number = _ORDINALS.index(p["ord"]) + 1
    letter = "Q" if p["unit"] != "half" else "H"
    if letter == "H" and number > 2:
        return None  # "the third half" is no period
    return f"{year:04d}-{letter}{number}", kind, None


def quarter_ref(cand: Candidate, ctx: Story) -> Resolved | None:
    """'the quarter', 'the latest quarter', 'the year-earlier period': a business story's quarter.

    The quarter the story last named, else the latest one ended by publication (what a results story
    reports); "year-earlier" and "year-ago" take the same quarter a year before, as TimeBank does."""
    which = " ".join(cand.parts.get("which", "").lower().replace("-", " ").split())
    if which == "current":  # "the current quarter": the one running at publication, whatever came before
        if cand.parts.get("unit") != "quarter" or ctx.published is None:
            return None
        return f"{ctx.published.year:04d}-Q{(ctx.published.month - 1) // 3 + 1}", "relative", None
    base = results_quarter(ctx) if which in _CLOSED_WORDS or "year" in which else ctx.quarter
    if base is None and cand.parts.get("unit") == "quarter" and ctx.published is not None:
        base = _last_closed(ctx.published)
    if base is None:
        return None  # "the period" with no quarter before it names no quarter
    if which in _CLOSED_WORDS or ("year" in which and ctx.quarter is None):
        # "a year ago" after it compares with this one; "the year-ago quarter" read from publication
        # tells the story's quarter too, so "the year-ago results" after it is the same one
        ctx.note_quarter(f"{base[0]:04d}-Q{base[1]}")
    year, q = base
    if "year" in which:
        year -= 1
    return f"{year:04d}-Q{q}", "relative", None


def results_quarter(ctx: Story) -> tuple[int, int] | None:
    """The quarter whose results the story reports, for "the latest quarter" and "a year ago".

    The quarter it last named, unless that was a forecast not yet over ("will take a fourth-quarter
    charge", "losses through the third quarter of next year"): such a quarter has no results to be
    the latest or to compare with a year before, so the last quarter named outside a forecast stands
    in, else the latest one closed by publication (a fiscal fourth quarter reported in October stays
    the story's, as TimeBank numbers it)."""
    base = ctx.quarter
    if base is not None and ctx.quarter_ahead and ctx.published is not None:
        closed = _last_closed(ctx.published)
        if base > closed:
            return ctx.reported or closed
    return base


def _last_closed(published: dt.date) -> tuple[int, int]:
    """The latest quarter ended by publication: (year, quarter)."""
    ended = (published.month - 1) // 3  # quarters ended by publication this year
    return (published.year, ended) if ended else (published.year - 1, 4)


def month_rel_year(cand: Candidate, ctx: Story) -> Resolved | None:
    """'January this year', 'June last year', 'Oct. 27 last year'."""
    month = month_number(cand.parts["mon"]) or 1
    if ctx.published is None:
        return None, "relative", None
    year = ctx.published.year + _YEAR_STEPS[cand.parts["dir"]]
    if "day" in cand.parts:
        day = dt.date(year, month, int(cand.parts["day"]))  # ValueError (no such day) drops the date
        return day.isoformat(), "relative", Anchor(day, "day")
    return f"{year:04d}-{month:02d}", "relative", Anchor(dt.date(year, month, 1), "month")


def period_rel_year(cand: Candidate, ctx: Story) -> Resolved | None:
    """'the first quarter of next year', 'the spring of last year', 'the winter of that year': the
    quarter, half or season of the year named from publication ("that year": from the story's last date)."""
    p = cand.parts
    if p["dir"] == "that":
        ref = latest(ctx.distal_refs())
        year = ref.date.year if ref is not None else None
    else:
        year = ctx.published.year + _YEAR_STEPS[p["dir"]] if ctx.published is not None else None
    if year is None:
        return None  # no year to read it in; "the spring" alone would be this year's, which it is not
    if "season" in p:
        return f"{year:04d}-{SEASONS[p['season'].lower()]}", "relative", None
    number = _ORDINALS.index(p["ord"]) + 1
    if p["unit"] == "half" and number > 2:
        return None  # "the third half" is no period
    return f"{year:04d}-{'Q' if p['unit'] == 'quarter' else 'H'}{number}", "relative", None


def weekday_of_month(cand: Candidate, ctx: Story) -> Resolved | None:
    """'the first Tuesday of November', 'the third Monday in January 2026'; none for 'the first Tuesday
    of every month', a habit."""
    p = cand.parts
    if "every" in p:
        return None
    month = month_number(p["mon"]) or 1
    year = int(p["year"]) if "year" in p else year_for(ctx, month, 15, cand)
    if year is None:
        return None
    nth = -1 if p["nth"] == "last" else _ORDINALS.index(p["nth"]) + 1
    day = nth_weekday(year, month, WEEKDAYS[p["wd"]], nth)
    return day.isoformat(), "absolute" if "year" in p else "partial", Anchor(day, "day")


def holiday(cand: Candidate, ctx: Story) -> Resolved | None:
    """'Christmas 2024', 'on Thanksgiving': a named day, its year from the text or publication."""
    name = cand.parts["hol"]
    if "year" in cand.parts:
        day = holiday_date(name, int(cand.parts["year"]))
        return day.isoformat(), "absolute", Anchor(day, "day")
    rough = holiday_date(name, 2001)  # the month and day it falls near, to choose the year
    year = _named_election(ctx.text, cand.start) if name == "Election Day" else None
    year = year or year_for(ctx, rough.month, rough.day, cand)
    if year is None:
        fixed = holiday_date(name, 2002) == rough.replace(year=2002)
        return (f"XXXX-{rough.month:02d}-{rough.day:02d}" if fixed else None), "partial", None
    day = holiday_date(name, year)
    return day.isoformat(), "partial", Anchor(day, "day")


def _named_election(text: str, at: int) -> int | None:
    """The year of the election the story last named with its year before `at` ("the 2020 election",
    "the November 2012 race"): "Election Day" without a year is that election's day, not the nearest
    first Tuesday of November (a 2019 story on "the 2020 race" that says "the closer he gets to
    Election Day" means November 2020)."""
    found = None
    for m in _ELECTION.finditer(text, max(0, at - _ELECTION_CHARS), at):
        found = int(m["year"])
    return found


def season_only(cand: Candidate, ctx: Story) -> Resolved:
    """'in the fall', 'by summer': the season nearest publication (or in the story's year)."""
    code = SEASONS[cand.parts["season"].lower()]
    middle = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    tense = ctx.tense(cand)
    pub = ctx.published
    bare = not cand.parts.get("body", "").lower().startswith("the") and not cand.parts.get("mod")
    if tense == "present" and bare and pub is not None and season_of(pub.month) == code:
        # "many more leaks in winter", "most breaks occur in winter", in a February story: a season
        # with no article told in the present is every such season (a schedule this season says
        # "this winter" or "in the winter")
        return f"XXXX-{code}", "partial", None
    if tense == "present" and pub is not None and season_of(pub.month) != code:
        # "The RAV4 goes on sale in the summer", in November: the present of a schedule is ahead;
        # a season already past would be told in the past ("went on sale")
        tense = "future"
    year = year_for(ctx, middle, 15, cand, tense)
    if year is None:
        return f"XXXX-{code}", "partial", None
    if code == "WI" and ctx.published is not None:
        year -= 1  # the winter that holds the January nearest publication began the year before
    return f"{year:04d}-{code}", "partial", None


def end_of(cand: Candidate, ctx: Story) -> Resolved:
    """'by the end of the year': the publication's year (month, week)."""
    if ctx.published is None:
        return None, "relative", None
    return unit_point(ctx.published, cand.parts["unit"].lower(), "this", ctx.tense(cand)), "relative", None


def the_year(cand: Candidate, ctx: Story) -> Resolved | None:
    """'for the full year', 'earlier in the year': the year of the date the paragraph last gave with
    its year written ("In 2016, sales fell. For the year, ..."), else the publication's; 'the current
    year' is always the publication's. An award's name ("coach of the year") is no date."""
    if _AWARD.search(ctx.text, max(0, cand.start - _AWARD_CHARS), cand.start):
        return None
    if _ROUND.search(ctx.text, max(0, cand.start - _ROUND_CHARS), cand.start) and \
            ctx.tense(cand) == "present":
        return None  # "is produced weekly throughout the year": every year, no one year
    pub = ctx.published
    near = None if "current" in cand.parts.get("adj", "") else ctx.ref_near(cand.start)
    if near is not None and _WRITTEN_YEAR.search(ctx.text, near.start, cand.start) is not None:
        # a month read from a year given elsewhere ("in August") is not enough: its year is a guess
        return f"{near.date.year:04d}", "relative", None
    if pub is None:
        return None, "relative", None
    return f"{pub.year:04d}", "relative", None


def year_end(cand: Candidate, ctx: Story) -> Resolved:
    """'by year-end': the end of the publication's year, or of the year before it when the year-end
    is behind the verb ("since year-end", "profit had doubled by year-end" in a February story)."""
    pub = ctx.published
    if pub is None:
        return None, "relative", None
    behind = cand.parts["prep"].lower() in ("since", "from") or ctx.tense(cand) == "past"
    year = pub.year - 1 if behind and (pub.month, pub.day) != (12, 31) else pub.year
    return f"{year:04d}", "relative", None
