"""Values of relative expressions: weekdays, "last week", "the next day", "six weeks earlier".

Deictic expressions hang on the publication date (none: the value is null), anaphoric
ones ("the following week", "six weeks earlier") on the last date the text mentioned,
falling back to the publication date, as HeidelTime's news rules do.
"""

from __future__ import annotations

import datetime as dt
import re

from .grammar import Candidate
from .timex import SEASONS, WEEKDAYS, Anchor, Tense, number_value, season_year, shift, weekday_near

__all__ = ["day_shift", "latest", "relative_value", "shifted_value", "small_hours", "unit_point",
           "unit_value"]

Value = tuple[str | None, Anchor | None]

_REF_WORDS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
              "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF",
              "lately": "PAST_REF"}
_DAY_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1,
                "the day before yesterday": -2, "the day after tomorrow": 2}
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_BACK = {"last", "this past", "previous", "preceding"}
_AHEAD = {"next", "coming", "this coming", "following"}
_ANAPHORIC = {"previous", "following", "same", "that", "that same", "preceding"}
# "the day before last Tuesday", "two days after Jan. 5": a count of days right before a day's date
_DAYS_FROM = re.compile(r"\b(?:(?:the|a|one)\s+day|(?P<n>two|three|four|five|six|\d{1,2})\s+days)\s+"
                        r"(?P<rel>before|after)\s+$", re.I)
_DAYS_BACK = 40  # characters looked at before the date
# "early Sunday", "at 2 a.m. Wednesday", "Sunday shortly after midnight": the small hours of a day
_SMALL_BEFORE = re.compile(r"(?:\bearly\s+|\b(?:early|small|wee)\s+hours\s+of\s+|\b(?:[1-4]|12)(?::\d\d)?\s*"
                           r"(?:a\.m\.|am\b)[^.!?,;\n]{0,40}?)$", re.I)
_SMALL_AFTER = re.compile(r"\s*,?\s*(?:at\s+)?(?:about\s+|around\s+|shortly\s+|just\s+)?"
                          r"(?:(?:[1-4]|12)(?::\d\d)?\s*(?:a\.m\.|am\b)|after\s+midnight)", re.I)
_SMALL_CHARS = 60
_RANK = {"day": 0, "month": 1, "year": 2}
_UNIT_LETTER = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}


def relative_value(
    cand: Candidate, published: dt.date | None, refs: dict[str, Anchor], tense: Tense
) -> Value:
    p = {k: v.lower() for k, v in cand.parts.items()}
    if cand.rule == "ref_word":
        word = " ".join(p["word"].split())
        ahead = word.endswith(("future", "term")) or word.startswith(("coming", "future"))
        return _REF_WORDS.get(word, "FUTURE_REF" if ahead else "PAST_REF"), None
    if cand.rule == "deictic":
        if published is None:
            return None, None
        day = published + dt.timedelta(days=_DAY_OFFSETS[" ".join(p["word"].split())])
        pod = "NI" if p["word"] == "tonight" else _POD.get(p.get("pod", ""))
        return _day(day, pod), Anchor(day, "day")
    if cand.rule == "the_day_rel":
        if "day" not in refs:
            return None, None
        earlier = p["rel"] in ("before", "previous", "preceding")
        day = refs["day"].date + dt.timedelta(days=-1 if earlier else 1)
        if tense == "past" and published is not None and day > published:
            # a past narrative's "next morning" follows a day it told, never the publication day
            return None, None
        return day.isoformat(), Anchor(day, "day")
    if cand.rule == "weekday":
        return _weekday(p, published, refs.get("day"), tense)
    if cand.rule == "over_weekend":
        if published is None:
            return None, None
        back = "last" if tense != "future" and published.weekday() < 5 else "this"
        return unit_point(published, "weekend", "next" if tense == "future" else back, tense), None
    return _rel_unit(p, published, refs, tense)


def latest(refs: dict[str, Anchor], unit: str = "year") -> Anchor | None:
    """The last mentioned date fine enough to count `unit`s from ('weeks' need a day)."""
    fine = ("day",) if unit.rstrip("s") in ("day", "week", "weekend") else \
        ("day", "month") if unit.rstrip("s") == "month" else ("day", "month", "year")
    usable = [refs[g] for g in fine if g in refs]
    return max(usable, key=lambda a: a.start) if usable else None


def _day(day: dt.date, pod: str | None) -> str:
    """A DATE value is the day: "Thursday night" is 2016-03-10 (a TIMEX3 TIME would add "TNI")."""
    return day.isoformat()


def _weekday(p: dict[str, str], published: dt.date | None, ref: Anchor | None, tense: Tense) -> Value:
    raw = " ".join(p.get("dir", "").split())
    direction = raw.replace("on ", "").replace("the ", "")
    anaphoric = direction in ("following", "previous")
    base = (ref.date if ref is not None else None) if anaphoric else published
    if base is None:
        return None, None
    if direction in _BACK:
        direction = "last"
    elif direction in _AHEAD:
        direction = "next"
    elif direction != "this":
        direction = ""
    if raw in ("by", "until") and tense != "past":
        tense = "future"  # "by Friday", "until Friday": a deadline ahead, or that very day
        direction = "this"
    day = weekday_near(base, WEEKDAYS[p["wd"].capitalize()], tense, direction)
    return _day(day, _POD.get(p.get("pod", ""))), Anchor(day, "day")


def _rel_unit(
    p: dict[str, str], published: dt.date | None, refs: dict[str, Anchor], tense: Tense
) -> Value:
    direction, unit = " ".join(p["dir"].split()), p["unit"]
    if direction == "next" and (unit == "day" or "the" in p):
        direction = "following"  # "the next day" follows the story's day, not the publication's
    if direction in _ANAPHORIC:
        ref = latest(refs, unit)
        if ref is None:
            return None, None
        base = ref.date
    elif published is None:
        return None, None
    else:
        base = published
    value = unit_point(base, unit, direction, tense)
    if unit == "day" and value is not None:
        return value, Anchor(dt.date.fromisoformat(value), "day")
    return value, None


def unit_point(base: dt.date, unit: str, direction: str, tense: Tense) -> str | None:
    """The week, month, year or season `direction` (last/this/next) of `base`."""
    step = -1 if direction in _BACK else 1 if direction in _AHEAD else 0
    if unit in SEASONS:
        word = "last" if step < 0 else "next" if step > 0 else "this"
        return f"{season_year(base, SEASONS[unit], word, tense):04d}-{SEASONS[unit]}"
    if unit == "day":
        return (base + dt.timedelta(days=step)).isoformat()
    if unit == "weekend" and step == 0 and tense == "past" and base.weekday() < 5:
        step = -1  # "the army cleared the streets this weekend", on a Monday: the weekend just gone
    if unit in ("week", "weekend"):
        year, week, _ = (base + dt.timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    return shift(base, step, unit).value()


def shifted_value(cand: Candidate, published: dt.date | None, refs: dict[str, Anchor]) -> str | None:
    """'six weeks earlier' (from the story's last date), 'two years ago' (from publication)."""
    p = {k: v.lower() for k, v in cand.parts.items()}
    rel = " ".join((p.get("rel") or p.get("rel2") or "").split())
    unit = p["unit"].rstrip("s")
    sign = 1 if rel in ("later", "after", "from now", "from today", "hence", "on") else -1
    count = number_value(p["n"])
    if count is None:
        return "FUTURE_REF" if sign > 0 else "PAST_REF"
    ref = latest(refs, unit)
    if ref is None and rel in ("later", "after", "on"):
        return None  # "a decade later", with no date before it to count from: not from publication
    if rel in ("ago", "from now", "from today", "hence") or ref is None:  # "a week from today": publication
        base = Anchor(published, "day") if published is not None else None
    else:
        base = ref
    if base is None:
        return None
    moved = shift(base.date, sign * count, unit)
    if _RANK[base.granularity] > _RANK[moved.granularity]:
        return None  # "two weeks after" a month or a year: no day to count from
    return moved.value()


def unit_value(cand: Candidate) -> str:
    """'the past week' -> P1W, 'the next two years' -> P2Y, 'the coming weeks' -> PXW (TIMEX3 durations)."""
    unit = cand.parts["unit"].lower()
    letter = _UNIT_LETTER[unit.rstrip("s")]
    if "n" in cand.parts:
        count = number_value(cand.parts["n"])
        return f"P{count}{letter}" if count is not None else f"PX{letter}"
    return f"PX{letter}" if unit.endswith("s") else f"P1{letter}"


def day_shift(text: str, start: int, value: str) -> tuple[int, int] | None:
    """'the day before last Tuesday', 'two days after Jan. 5': the start of the whole phrase and
    the days it moves a day's value (the date alone named another day). Only for a full day."""
    if len(value) != len("2025-01-05") or not value[:4].isdigit():
        return None
    m = _DAYS_FROM.search(text, max(0, start - _DAYS_BACK), start)
    if m is None:
        return None
    n = number_value(m["n"]) or 0 if m["n"] else 1
    if not n:
        return None
    return m.start(), n if m["rel"].lower() == "after" else -n


def small_hours(text: str, start: int, end: int) -> bool:
    """'early Sunday', 'close to 2 a.m. ... on Wednesday', 'Sunday shortly after midnight': the
    hours just after midnight, which a story filed late the evening before already tells in the past."""
    return _SMALL_BEFORE.search(text, max(0, start - _SMALL_CHARS), start) is not None or \
        _SMALL_AFTER.match(text, end) is not None
