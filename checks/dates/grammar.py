"""The surface grammar of temporal expressions: regular patterns over the article text.

Each rule finds candidates (`Candidate`: a rule name, its offsets and the parts it read);
`checks.dates` filters them with spaCy's tokens and entities and normalises them. The rules
follow the shapes HeidelTime's English resources cover for news: full dates, month-day,
month-year, seasons, quarters, decades, centuries, weekdays, deictic words ("today",
"last week"), and counted shifts ("six weeks earlier", "two years ago").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["MAX_RANGE_YEARS", "RULES", "Candidate", "candidates", "shared_year", "split_ranges"]


@dataclass(frozen=True)
class Candidate:
    rule: str
    start: int
    end: int
    parts: dict[str, str]


_MON = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z]))")
_MON_FULL = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December)(?![a-z]))")
_WD = (r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
       r"Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?")
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20|21)\d\d)"
_MOD = (r"(?P<mod>[Ee]arly|[Ll]ate|[Mm]id|[Ee]arlier|[Ll]ater|the (?:end|start|beginning|middle) of|"
        r"[Tt]he (?:end|start|beginning|middle) of)")
_NUM = (r"(?P<n>\d{1,3}|a few|a couple of|several|a dozen|an?|one|two|three|four|five|six|seven|eight|nine|"
        r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
        r"forty|fifty|(?:twenty|thirty|forty)-(?:one|two|three|four|five|six|seven|eight|nine))")
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_POD = r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# A spelled-out year as a transcript writes it ("nineteen ninety-six", "twenty twelve"): not one
# followed by what makes it a count ("nineteen twenty-dollar bills", "twenty thirty years").
_SPELLED_YEAR = (rf"(?P<hi>[Nn]ineteen|[Tt]wenty)\s+(?P<lo>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                 rf"ninety)(?:[\s-](?:{_ONES}))?|{_TEENS}|oh[\s-](?:{_ONES}))"
                 r"(?![\w-]|\s+(?:years?|percent|per\s+cent|people|dollars|times|of)\b)")
_NOT_NUMBER_AFTER = r"(?![\w%/]|[.,:]\d)"
# "2009-2010", "1957-58", "2009\u201310", "2009/10": a hyphen, an en or em dash, or a slash.
_RANGE_DASH = r"[-/\u2013\u2014]"
# The longest span a year range may cover: beyond it "1990-2100" is a count or an address.
MAX_RANGE_YEARS = 100

# (name, pattern, flags); earlier and longer matches win where candidates overlap.
RULES: tuple[tuple[str, str, int], ...] = (
    ("iso", r"(?<![\w/-])(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>3[01]|[12]\d|0[1-9])\b", 0),
    ("numeric", r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b", 0),
    ("mdy", rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,\s*|\s+)(?:of\s+)?{_YEAR}{_NOT_NUMBER_AFTER}", 0),
    # a number glued to a dot or a comma is the end of a version or a decimal ("4.2.3 April 2014"), no day
    ("dmy", rf"(?:{_WD},?\s+)?(?:the\s+)?(?<![\d.,$]){_DAY}(?:\s+of)?\s+{_MON},?\s+{_YEAR}"
            rf"{_NOT_NUMBER_AFTER}", 0),
    ("my", rf"(?:{_MOD}[\s-]+)?{_MON},?\s+(?:of\s+)?{_YEAR}{_NOT_NUMBER_AFTER}", 0),
    # "the week of March 6": the week that holds the day, not the day
    ("week_of", rf"\b[Tt]he\s+week\s+of\s+{_MON}\s+{_DAY}(?:,\s*{_YEAR})?"
                r"(?![\w%]|[.,:]\d|\s*(?:percent|per cent|points?)\b)", 0),
    ("md", rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?![\w%]|[.,:]\d|\s*(?:percent|per cent|points?)\b)", 0),
    ("dm", rf"(?:{_WD},?\s+)?(?:the\s+)?(?<![\d.,$]){_DAY}(?:\s+of)?\s+{_MON_FULL}", 0),
    ("season_year", rf"(?:the\s+)?(?:{_MOD}\s+)?(?i:{_SEASON})\s+(?:of\s+)?{_YEAR}{_NOT_NUMBER_AFTER}", 0),
    ("quarter", r"(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of)?,?\s+"
                rf"(?:fiscal\s+)?{_YEAR}{_NOT_NUMBER_AFTER}", re.I),
    ("quarter", rf"\bQ(?P<q>[1-4])\s+{_YEAR}\b", 0),
    # "the first two quarters of 1990" is the year's first half, as results stories also write it
    ("half", rf"\b(?:the\s+)?(?P<ord>first|second|last)\s+(?:half|two\s+quarters)\s+of\s+"
             rf"{_YEAR}{_NOT_NUMBER_AFTER}|"
             rf"\bH(?P<h>[12])\s+(?P<year2>(?:19|20)\d\d)\b", re.I),
    # "the 1988 second quarter", "next year's first quarter": the quarter of the year written before it;
    # "the 1988 quarter": the story's quarter in that year
    ("year_quarter", r"\b(?:[Tt]he\s+)?(?:(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)(?:['\u2019]s)?|"
                     r"(?P<dir>[Ll]ast|[Nn]ext|[Tt]his)\s+year['\u2019]s)\s+(?:fiscal\s+)?(?:(?P<ord>first|second|third|fourth)[\s-]+)?"
                     r"(?P<unit>quarter|half|period)\b(?![-\w]|\s+of\b)", 0),
    ("quarter_only", r"\b(?:the\s+)?(?:(?P<dir>this|last|next|current|latest|previous|same)\s+)?"
                     r"(?:fiscal\s+)?"
                     r"(?P<ord>first|second|third|fourth)[\s-]+quarter\b", re.I),
    ("quarter_ref", r"\b[Tt]he\s+(?:(?P<which>latest|most\s+recent|just[-\s]ended|comparable|same|"
                    r"(?:comparable\s+)?year[-\s](?:earlier|ago)|current)\s+)?(?:fiscal\s+)?(?P<unit>quarter|period)"
                    r"(?![-\w])(?!\s+(?:of|century|mile|final|hour|note|pound)\b)", 0),
    ("quarter_ref", r"\b(?P<which>[Yy]ear[-\s](?:earlier|ago))(?=\s+(?:\w+\s+)?(?:profits?|earnings|"
                    r"net|income|loss|sales|revenue|results|levels?|figures?|quarter|period)\b)", 0),
    # "June last year", "the end of May last year", "Oct. 27 last year": the year the words name, not
    # the nearest May (a month's modifier and its day belong to the one date)
    ("month_rel_year", rf"(?:{_MOD}[\s-]+)?{_MON_FULL},?\s+(?P<dir>this|last|next)\s+year\b", 0),
    ("month_rel_year", rf"{_MON}\s+{_DAY},?\s+(?P<dir>this|last|next)\s+year\b", 0),
    # "the first quarter of next year", "the spring of last year", "late summer last year", "the winter of
    # that year": the period of the year the words name, not this year's ("last year's champions" is no
    # such year)
    ("period_rel_year", r"\b(?:[Tt]he\s+)?(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?"
                        r"(?:(?P<ord>first|second|third|fourth)[\s-]+(?:fiscal\s+)?(?P<unit>quarter|half)|"
                        r"(?i:(?P<season>spring|summer|fall|autumn|winter)))"
                        r"(?:\s+of)?\s+(?P<dir>this|last|next|that)\s+year\b(?!['\u2019])", 0),
    ("spelled_year", rf"(?:(?:[Tt]he\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+|{_MON_FULL}\s+|"
                     rf"\b[Tt]he\s+year\s+)?\b{_SPELLED_YEAR}", 0),
    ("spelled_year", rf"\b[Tt]he\s+year\s+(?P<hi>two)\s+thousand(?:\s+and\s+(?P<lo>{_ONES}|{_TEENS}))?\b", 0),
    ("decade", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?<![\w$])(?:(?P<dec>(?:1[5-9]|20)\d)0s"
               r"|['\u2018\u2019](?P<dec2>\d)0s)\b", re.I),
    ("decade_word", r"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<word>twenties|thirties|forties|fifties|"
                    r"sixties|seventies|eighties|nineties)\b", re.I),
    # "the 19th century", "an 11th-century temple"; in lower case only: "21st Century Fox" is a name
    ("century", r"\b(?:[Tt]he\s+(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?P<ord>[1-9]|1\d|2[01])"
                r"(?:st|nd|rd|th)[\s-]+century|(?<![\w.,$-])(?P<ord2>[1-9]|1\d|2[01])(?:st|nd|rd|th)"
                r"[\s-]+century)\b", 0),
    ("mod_year", rf"\b{_MOD}[\s-]+{_YEAR}{_NOT_NUMBER_AFTER}", 0),
    ("mod_month", rf"\b{_MOD}[\s-]+{_MON_FULL}", 0),
    ("rel_month", rf"\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?)\s+{_MON_FULL}", 0),
    ("prep_month", r"\b(?P<prep>in|In|since|Since|by|By|until|Until|till|through|during|During|from|From|"
                   r"before|Before|after|After|of|to|for|For|between|Between|and|or|late|early|mid)[\s-]"
                   rf"{_MON_FULL}(?!\s+\d)", 0),
    # "a key September conversation", "the March vote": a month naming a noun's time, after a determiner
    ("attr_month", r"\b(?:[Tt]he|[Aa]n?|its|his|her|their|our|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}?"
                   rf"{_MON_FULL}(?=\s+[a-z])", 0),
    ("year_range", rf"(?<![\w$\u20ac\u00a3#.,/-]){_YEAR}\s?{_RANGE_DASH}\s?(?P<end>(?:1[6-9]|20|21)\d\d|\d\d)"
                   r"(?![\w%/\u2013\u2014-]|[.,]\d)", 0),
    ("year", rf"(?<![\w$\u20ac\u00a3#.,/\u2013\u2014-]){_YEAR}(?![\w%/\u2013\u2014-]|[.,]\d)", 0),
    # "the post-1959 politics", "pre-2008 rules": the year a prefix places a thing before or after
    ("prefix_year", rf"\b(?:[Pp]re|[Pp]ost)-{_YEAR}(?![\w%/\u2013\u2014-]|[.,]\d)", 0),
    # "on April 24 and 25", "June 3-4, 2016": the second day of a pair shares the first one's month
    # (and year); only before punctuation or a word that cannot make the number a count
    ("second_day", rf"{_MON}\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*(?:and|or|&|-|\u2013|\u2014)\s*"
                   rf"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,\s*{_YEAR})?"
                   r"(?=\s*(?:[,.;:)!?\"'\u201d\n]|$)|\s+(?:in|at|on|to|for|with|from|when|while|and|or|but|as|by|"
                   r"before|after|during)\b)", 0),
    ("deictic", r"\b(?P<word>the day before yesterday|the day after tomorrow|today|tonight|yesterday|"
                rf"tomorrow|this(?=\s+(?:morning|afternoon|evening)))(?i:{_POD})\b", re.I),
    ("ref_word", r"\b(?P<word>nowadays|currently|right now|now|recently|lately|these days|"
                 r"recent (?:days|weeks|months|years|decades)|"
                 r"in the (?:near |distant |recent )?past|"
                 r"the (?:near |distant |foreseeable )?future|"
                 # "sales should stay weak in the near term", "for coming quarters": a time ahead, no day
                 r"(?:(?<=\bin )|(?<=\bfor )|(?<=\bover )|(?<=\bof )|(?<=\bduring ))"
                 r"the (?:near|short) term(?![-\w]|\s+(?:of|in office)\b)|"
                 r"(?<!the )(?<!\w)(?:coming|future) (?:weeks|months|quarters|years))\b", re.I),
    ("n_ago", r"\b(?:(?P<hedge>just|only|about|nearly|almost|some|roughly|around|barely|more than|"
              r"less than)\s+)?"
              rf"{_NUM}\s+{_UNIT}\s+(?:or\s+so\s+)?"
              r"(?:(?P<rel>ago|earlier|later|previously|from now|from today|hence)\b|"
              r"(?P<rel2>before|after|prior|on)"
              r"(?=\s*[,.;:!?)\u2014\u2013]|\s*$|\s+(?:and|but|when|that)\b))", re.I),
    ("past_span", rf"\bthe\s+(?P<dir>past|last)\s+(?:{_NUM}\s+)?"
                  r"(?P<unit>days?|weeks?|months?|years?|decades?)\b", re.I),
    ("next_span", rf"\bthe\s+(?P<dir>next|coming)\s+(?:{_NUM}\s+)?"
                  r"(?P<unit>days|weeks|months|years|decades)\b", re.I),
    ("rel_unit", rf"\b(?:{_MOD}\s+)?(?P<the>the\s+)?(?P<dir>last|next|this(?: past| coming)?|coming|previous|"
                 r"following|current|that\s+same|same|that)\s+"
                 r"(?P<unit>week|month|year|weekend|spring|summer|fall|autumn|winter|day)\b", re.I),
    ("holiday", r"\b(?P<hol>Christmas(?: Day| Eve)?|New Year['\u2019]s (?:Day|Eve)|Thanksgiving(?: Day)?|"
                r"Independence Day|Halloween|Valentine['\u2019]s Day|Canada Day|Boxing Day|Labou?r Day|"
                r"Memorial Day|Easter(?: Sunday| Monday)?|Good Friday|Veterans Day|Remembrance Day|"
                r"Juneteenth|St\.? Patrick['\u2019]s Day|Election Day)(?![\w'\u2019])"
                rf"(?:,?\s+{_YEAR}{_NOT_NUMBER_AFTER})?", 0),
    ("season_only", r"\b(?:in|In|during|During|by|By|until|since|Since|through|over|Over|throughout|"
                    r"Throughout|into|early|late|mid|this past)"
                    r"[\s-](?P<body>(?:the\s+)?(?:(?P<mod>early|late)\s+)?(?P<season>spring|summer|fall|autumn|"
                    r"winter))\b(?!\s+(?:of\s+)?\d)", 0),
    ("end_of", r"\b(?P<mod>(?:the\s+)?(?:end|start|beginning|middle|rest|remainder)\s+of)\s+the\s+"
               r"(?P<unit>year|month|week|decade)\b", re.I),
    # "sales for the full year", "earlier in the year", "a high for the year": the story's year. Not a
    # year a clause or a phrase defines ("the year before", "the year that followed", "the year the wall
    # fell", "the year of his birth", "the year 1968", "The year was 1968"), nor one counted ("the year
    # since the attack").
    ("the_year", r"\b(?:(?P<rel>[Ee]arlier|[Ll]ater)\s+in\s+)?[Tt]he\s+(?P<adj>(?:(?:full|current|fiscal|"
                 r"calendar|whole|entire)\s+)*)year(?![-\w]|['\u2019](?!s\b))"
                 r"(?!\s+(?:before|after|earlier|later|prior|ago|ahead|since|that|which|who|when|where|"
                 r"in\s+which|of|to|through|and|or|was|is|in\s+review|the|an?|he|she|it|we|they|you|his|"
                 r"her|its|their|our|my)\b|\s+[A-Z\d])", 0),
    # "sales in the current fiscal year that are ...": a clause after "the current year" does not
    # define another year, as it may after "the year" ("the year that followed")
    ("the_year", r"\b[Tt]he\s+(?P<adj>current\s+(?:fiscal\s+|calendar\s+)?)year(?=\s+(?:that|which)\b)", 0),
    # "complete the deal by year-end", "by year's end": the end of the publication's year
    ("year_end", r"\b(?P<prep>by|before|until|till|around|at|through|toward|towards|since|from)\s+"
                 r"(?P<body>year[-\s]end|year['\u2019]s\s+end)\b", re.I),
    ("at_the_time", r"\b[Aa]t\s+(?P<body>the\s+time)\b(?!\s+(?:of|when|that|it|he|she|they|we|I|you)\b)"
                    r"(?=\s*[,.;:!?)\u2014\u2013]|\s+(?:was|were|had|did|said|and)\b)", 0),
    ("over_weekend", r"\bover\s+the\s+(?P<unit>weekend)\b", re.I),
    ("the_day_rel", r"\bthe\s+day\s+(?P<rel>before|after)(?=\s*[,.;:!?])", re.I),
    # "appeared in court the next morning": the day after the story's last day
    ("the_day_rel", r"\bthe\s+(?P<rel>next|following|previous|preceding)\s+"
                    r"(?:morning|afternoon|evening|night)\b", re.I),
    # "the first Tuesday of November", "the third Monday in January": that day of the month; "the first
    # Tuesday of every month" is a habit, no date
    ("weekday_of_month", r"\b[Tt]he\s+(?P<nth>first|second|third|fourth|last)\s+"
                         r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of|in)\s+"
                         rf"(?:(?P<every>every|each|the)\s+month\b|{_MON_FULL}(?:,?\s+{_YEAR}{_NOT_NUMBER_AFTER})?)",
     0),
    ("weekday", r"(?:\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?|[Cc]oming|[Oo]n|[Bb]y|[Uu]ntil|"
                r"[Ss]ince|"
                r"(?:on\s+)?(?:the\s+)?(?:following|previous))\s+)?"
                r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w]|['\u2019](?!s\b))"
                r"(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?", 0),
)
_COMPILED = tuple((name, re.compile(pattern, flags)) for name, pattern, flags in RULES)
# Words one of which every match of the rule's patterns contains, in lower case: a rule whose words
# the text lacks is not run (each rule's pass costs about as much as the engine's other date work,
# and most stories have no quarter, decade or spelled-out year). A rule not listed is always run.
_NEEDS: dict[str, tuple[str, ...]] = {
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "quarter_only": ("quarter",),
    "half": ("half", "quarters", "h1", "h2"),
    "year_quarter": ("quarter", "half", "period"),
    "period_rel_year": ("quarter", "half", "spring", "summer", "fall", "autumn", "winter"),
    "season_year": ("spring", "summer", "fall", "autumn", "winter"),
    "spelled_year": ("nineteen", "twenty", "thousand"),
    "decade": ("0s",),
    "decade_word": ("ties",),
    "century": ("century",),
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "weekday_of_month": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}
_RANK = {name: i for i, (name, _, _) in reversed(list(enumerate(RULES)))}
# "in August and October of 2015", "from May to July 2014", "June 3-4, 2015", "in May, June and July
# 2015": months (or days) joined in a list or a span are written with one year, after the last of them.
_LISTED_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_SHARED_YEAR = re.compile(
    rf"(?:\s*,\s*{_LISTED_MONTH}(?:\s+\d{{1,2}})?)*\s*,?\s*(?:and|or|to|through|until|till|[-\u2013\u2014])\s*"
    rf"(?:(?:early|late|mid)[\s-]+)?(?:(?P<last>{_LISTED_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}"
    rf"(?:st|nd|rd|th)?),?\s+(?:of\s+)?{_YEAR}{_NOT_NUMBER_AFTER}")


def candidates(text: str) -> list[Candidate]:
    """Non-overlapping candidates in text order: the longest match wins, then the earlier rule."""
    found = list(_all_matches(text))
    found.sort(key=lambda c: (-(c.end - c.start), _RANK[c.rule], c.start))
    taken: list[Candidate] = []
    covered = bytearray(len(text) + 1)
    for cand in found:
        if any(covered[cand.start:cand.end]):
            continue
        covered[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    return split_ranges(sorted(taken, key=lambda c: c.start))


def _all_matches(text: str) -> Iterator[Candidate]:
    lowered = text.lower()
    for name, rx in _COMPILED:
        if name in _NEEDS and not any(word in lowered for word in _NEEDS[name]):
            continue
        for m in rx.finditer(text):
            parts = {k: v for k, v in m.groupdict().items() if v is not None}
            start = m.start()
            if name in ("prep_month", "attr_month"):
                start = m.start("mon")
            elif name == "second_day":
                start = m.start("day")
            elif name in ("season_only", "at_the_time", "year_end"):
                start = m.start("body")
            if name == "weekday" and text[m.end():m.end() + 2] in ("'s", "\u2019s"):
                parts["poss"] = "'s"  # "Wednesday's ruling"
            if name == "year_range":
                yield from _range_ends(m, parts)
                continue
            yield Candidate(name, start, m.end(), parts)


def _range_ends(m: re.Match[str], parts: dict[str, str]) -> Iterator[Candidate]:
    """A year range is two TIMEX3 DATEs, as TimeML annotates it: '1957-58' -> 1957 and 1958.

    Both ends come out as one candidate covering the range (so neither end is taken alone by
    another rule), split in `split_ranges` once the longest matches are chosen."""
    first = int(parts["year"])
    end = parts["end"]
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if len(end) == 2 and last <= first:
        last += 100  # "1999-00"
    if not 0 < last - first <= MAX_RANGE_YEARS:
        return
    yield Candidate("year_range", m.start(), m.end(), {**parts, "last": str(last)})


def split_ranges(found: list[Candidate]) -> list[Candidate]:
    """Each year range as its two years, each with its own offsets."""
    out: list[Candidate] = []
    for cand in found:
        if cand.rule != "year_range":
            out.append(cand)
            continue
        second = cand.end - len(cand.parts["end"])  # "58" of "1957-58" is the written end
        out.append(Candidate("range_year", cand.start, cand.start + 4, {"year": cand.parts["year"]}))
        out.append(Candidate("range_year", second, cand.end, {"year": cand.parts["last"]}))
    return out


def shared_year(text: str, end: int) -> tuple[int, str | None] | None:
    """The year written after the last of the months or days a date ending at `end` is listed with
    ("August" in "August and October of 2015"), and that last month's name (None: the date's own)."""
    m = _SHARED_YEAR.match(text, end)
    return (int(m["year"]), m["last"]) if m is not None else None
