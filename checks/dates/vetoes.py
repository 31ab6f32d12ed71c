"""spaCy's veto over ambiguous date candidates: counts, names, addresses and verbs.

The grammar proposes "2026", "May" and "Sunday" wherever they appear; these checks ask the
parse whether they are a year, a month and a day here ("2000 troops", "Carney and May met",
"The Sunday Times" are not), and a masthead is not a deictic word ("USA TODAY reported").
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from .games import game_period
from .grammar import Candidate
from .titles import titled_year

__all__ = ["plausible"]

# Entity labels that say a number or a weekday word is not a date here.
_NOT_A_DATE = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "ORG", "PERSON", "WORK_OF_ART",
               "FAC", "PRODUCT", "LAW"}
# Words before a bare year that make it a time ("in 2026", "since 1998") even when spaCy hesitates.
_YEAR_LEAD = {"in", "since", "by", "until", "till", "through", "before", "after", "from", "during",
              "fiscal", "early", "late", "mid", "around", "circa", "-"}
# Before a lone month name these also join names and counts ("Carney and May"): spaCy must agree.
_WEAK_MONTH_LEAD = {"and", "or", "of", "to", "by", "between"}
# A bare year this far ahead is an address or a count unless a word like "by" or "in" leads it.
_FAR_FUTURE_YEARS = 30
# Mastheads that end in a deictic word even at the start of a sentence ("USA Today reported").
_MASTHEADS = {"usa": ("Today", "TODAY")}
# What may stand before a capitalised "Today" that still starts a sentence (or a quotation).
_SENTENCE_OPENERS = ".!?:;\"'`([\u201c\u2018\u2014\u2013\n"
# A line this short whose words are mostly capitalised is a headline, where "Today" is the day.
_HEADLINE_CHARS = 120
# What follows "Today" on a line that is only a site's or a section's name: the heading of a box of
# links the page carries every day ("Today on WebMD"), not a date of the story.
_SITE_SECTION = re.compile(r"[ \t]+(?:on|in|at) [A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}[ \t]*(?:\n|$)")
_LEAD_CHARS = 40  # the text before a candidate looked at to tell whether a sentence starts there
_HEADLINE_CAPITALS = 0.6
# Dependencies of a word that qualifies the noun after it ("Sunday editions", "the March vote").
_MODIFIER_DEPS = ("compound", "nmod", "amod")
# Units of measure: "1920 pixels", "1500 feet" count them, whatever spaCy's DATE says; no year qualifies one.
_UNITS = frozenset("""pixels inches feet foot yards miles meters metres kilometers kilometres km mph kph
pounds lbs kilograms kg grams tons tonnes gallons liters litres calories acres hectares degrees volts
watts kilowatts megawatts bytes megabytes gigabytes mah rpm horsepower hp""".split())
# "of 1909 Jolinda Drive": a house number before a street's name and its kind of street.
_STREETS = frozenset("""street st avenue ave road rd drive dr lane ln boulevard blvd way court ct place pl
circle parkway pkwy highway hwy terrace trail square""".split())
_STREET_NAME_WORDS = 3
_TIMES_SIGNS = frozenset({"x", "\u00d7"})  # "1800 x 1920": a size; "by" also joins years ("1990 by 2000")
# "GTX 1660", "RTX 2080": a number after a product line's capital letters is a model, unless it is a
# recent year ("CES 2020", "SXSW 2019" name an event of that year). Not era or fiscal letters.
_MODEL_YEARS_BACK = 50
_ERA_LETTERS = {"AD", "BC", "BCE", "CE", "FY", "A.D.", "B.C."}
_TIMES_OF_DAY = {"morning", "afternoon", "evening", "night", "noon", "midnight", "overnight"}
_EVERY = {"every", "each"}
# "busy on Monday nights", "Sunday mornings": a weekday before a plural part of day is every such day.
_TIMES_OF_DAY_PLURAL = {"mornings", "afternoons", "evenings", "nights", "overnights"}
_NAMED_DAYS = {"black", "good", "super", "ash", "cyber", "bloody", "holy", "easter", "palm", "maundy"}
# Nouns a holiday may qualify and still be its time: "Christmas morning", "the Thanksgiving weekend".
_HOLIDAY_TIMES = _TIMES_OF_DAY | {"day", "eve", "week", "weekend", "holiday", "holidays", "season", "break",
                                  "period", "time", "vacation", "recess"}


def plausible(cand: Candidate, doc: Doc, text: str | None = None) -> bool:
    """spaCy's view of the words around a candidate: veto counts, names and verbs.

    `text` is `doc.text` when the caller already has it (building it walks the whole Doc)."""
    if cand.rule in ("deictic", "rel_unit"):
        return not _masthead(cand, doc, doc.text if text is None else text)
    if cand.rule in ("quarter_only", "quarter_ref") or \
            (cand.rule == "period_rel_year" and "unit" in cand.parts):  # "the second half last year"
        return not game_period(cand, doc, doc.text if text is None else text)
    if cand.rule == "holiday":
        return not _holiday_modifier(cand, doc)
    if cand.rule == "range_year":
        return int(cand.parts["year"]) <= dt.date.today().year + _FAR_FUTURE_YEARS
    if cand.rule not in ("year", "prep_month", "attr_month", "mod_month", "weekday", "dm"):
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    if cand.rule == "year":
        return _plausible_year(first, before, int(cand.parts["year"])) and \
            not titled_year(cand, doc.text if text is None else text)
    if cand.rule == "weekday":
        # the weekday's own token; the tokenizer may have glued it to its neighbour ("Monday-Friday")
        # (by its first letters: "on" is also inside "Monday")
        wd = cand.parts.get("wd", "")[:3].lower()
        day = next((t for t in span if wd and t.lower_[:3] == wd), first)
        prev = doc[day.i - 1] if day.i > 0 else None
        after = doc[day.i + 1] if day.i + 1 < len(doc) else None
        if _weekday_modifier(day, cand) or _every(day) or \
                (after is not None and after.lower_ in _TIMES_OF_DAY_PLURAL):
            return False
        return not ((prev is not None and prev.lower_ in _NAMED_DAYS) or day.ent_type_ in _NOT_A_DATE)
    if cand.rule == "mod_month":
        # "Babies Who Eat Peanuts Early May Avoid Allergy": "May" is also a verb and a name, so spaCy
        # must read it as a date, as it does "in early May"; the other months have no such double
        return cand.parts["mon"] != "May" or last.ent_type_ == "DATE"
    if cand.rule == "attr_month":
        # "a key September conversation": the month must qualify the noun after it
        return (last.dep_ in _MODIFIER_DEPS and last.head.i > last.i and last.head.pos_ == "NOUN"
                and last.ent_type_ not in ("PERSON", "ORG"))
    # a month name alone: "May" the verb or the name ("Carney and May"), "March" the noun
    lead = cand.parts.get("prep", "").lower()
    subject = last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "VERB"  # "Carney and May met"
    if lead in _WEAK_MONTH_LEAD and (last.ent_type_ != "DATE" or subject):
        return False
    if lead == "for" and last.text == "May":
        return False  # "support for May", "voted for May": the name, which spaCy reads as the month here
    return last.pos_ not in ("VERB", "AUX") and last.ent_type_ not in ("PERSON", "ORG")


def _holiday_modifier(cand: Candidate, doc: Doc) -> bool:
    """'his Christmas cards', 'Thanksgiving dinner', 'Easter eggs': a holiday's name that qualifies a
    noun names a kind of thing, not a day. 'On Christmas', 'this Christmas', 'Christmas Day',
    'Christmas morning', 'the Thanksgiving weekend' (a time noun) and a name with its year stay dates."""
    if "year" in cand.parts:
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span[-1].i + 1 >= len(doc):
        return False
    name, after = span[-1], doc[span[-1].i + 1]
    if cand.parts["hol"].split()[-1] in ("Day", "Eve", "Sunday", "Monday", "Friday"):
        # 'neon Valentine's Day candies', 'Mother's Day cards': a day's name before a plural noun
        # with no article or preposition making it one occasion names a kind of thing sold or
        # made for every such day, as a weekday does ('Sunday editions'); 'the Memorial Day
        # parade', 'at Christmas Day services' stay the day.
        if after.tag_ != "NNS" or after.lower_ in _HOLIDAY_TIMES or name.head != after:
            return False
        return _kind_of_thing(span[0], after)
    return after.pos_ == "NOUN" and after.is_lower and after.lower_ not in _HOLIDAY_TIMES and (
        name.head == after or (name.dep_ in _MODIFIER_DEPS and name.head.i > name.i))


def _weekday_modifier(day: Token, cand: Candidate) -> bool:
    """'end Saturday publication', 'its Sunday editions', 'taught Sunday school': a weekday that
    qualifies a noun for every such day names none of them. With an article ("the Tuesday
    meeting", "a Tuesday statement") or a preposition before it ("after Tuesday talks") it is one day."""
    if any(k in cand.parts for k in ("dir", "poss", "pod")):
        return False
    head = day.head
    if day.dep_ not in _MODIFIER_DEPS or head.i <= day.i or head.pos_ != "NOUN":
        return False
    if head.lower_ in _TIMES_OF_DAY:
        return False
    return _kind_of_thing(day, head)


def _kind_of_thing(first: Token, noun: Token) -> bool:
    """The day's name from `first` on qualifies `noun` for every such day ("Sunday editions",
    "Valentine's Day candies"), unless an article or a preposition makes it one occasion ("the
    Tuesday meeting", "after Tuesday talks"). A possessive pronoun leaves a plural a kind of
    thing ("its Sunday editions") and a singular one occasion ("its Tuesday statement")."""
    dets = [c for c in noun.children if c.dep_ in ("det", "poss") and c.i < first.i]
    if not dets:
        before = first.doc[first.i - 1] if first.i > 0 else None
        return before is None or before.pos_ != "ADP"
    return noun.tag_ == "NNS" and all(d.tag_ == "PRP$" for d in dets)


def _every(day: Token) -> bool:
    """'is open every Saturday', 'prints each Sunday', 'meets every other Thursday': a habit, no one day."""
    words = [t.lower_ for t in day.doc[max(0, day.i - 2):day.i]]
    return bool(words) and (words[-1] in _EVERY or words[-2:] == ["every", "other"])


def _plausible_year(year: Token, before: Token | None, value: int) -> bool:
    doc = year.doc
    after = doc[year.i + 1] if year.i + 1 < len(doc) else None
    if after is not None and after.tag_ == "NNS" and (year.ent_type_ != "DATE" or year.text.endswith("00")):
        return False  # "2000 troops" is a count; "1998 profits" is a year
    if after is not None and after.lower_ in _UNITS:
        return False  # "1080 by 1920 pixels", "a 1500 mAh battery"
    if _dimension(year, before, after):
        return False  # "a resolution of 1800 x 1920 per eye": a size, whatever unit follows
    if _model_number(year, before, value):
        return False
    if before is not None and (before.text == "\u00a9" or before.lower_ == "copyright"):
        return False  # "© 2019 Science X Network": a site's copyright line, furniture no story rests on
    before = _past_hedge(before)
    if before is not None and before.tag_ == "POS":
        return year.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")  # "the governor's 2016 campaign"
    if before is not None and before.lower_ in _YEAR_LEAD:
        return year.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")
    if value > dt.date.today().year + _FAR_FUTURE_YEARS or _house_number(year):
        return False  # "2100 Pennsylvania Avenue", "1909 Jolinda Drive"; "by 2100" has its lead word
    named = before is not None and before.is_title and before.pos_ in ("PROPN", "NOUN")
    if named and year.ent_type_ != "DATE":
        return False  # "Flight 1549", "Room 1801", "Windows 2000"
    return year.ent_type_ not in _NOT_A_DATE


def _dimension(number: Token, before: Token | None, after: Token | None) -> bool:
    """'1800 x 1920', '1920×1080': a number on either side of a times sign between two numbers is
    one side of a size (a screen, a print, a room), never a year."""
    doc = number.doc
    if before is not None and before.lower_ in _TIMES_SIGNS:
        return before.i > 0 and doc[before.i - 1].like_num
    return after is not None and after.lower_ in _TIMES_SIGNS and after.i + 1 < len(doc) \
        and doc[after.i + 1].like_num


def _house_number(number: Token) -> bool:
    """'1909 Jolinda Drive': a number followed by a street's name, then the kind of street."""
    doc = number.doc
    for i in range(number.i + 1, min(number.i + 2 + _STREET_NAME_WORDS, len(doc))):
        word = doc[i]
        if word.lower_.rstrip(".") in _STREETS and i > number.i + 1:
            return True
        if not word.is_title:
            return False
    return False


def _model_number(number: Token, before: Token | None, value: int) -> bool:
    """'a GTX 1660 Ti laptop': capital letters right before a number far from any recent year."""
    return before is not None and before.is_upper and before.is_alpha and len(before) >= 2 and \
        before.text not in _ERA_LETTERS and value < dt.date.today().year - _MODEL_YEARS_BACK


def _past_hedge(before: Token | None) -> Token | None:
    """The word before 'at least' / 'at most' ("until at least 2021"): the hedge makes spaCy read
    the year as a count, the word before it says whether it is a time."""
    if before is None or before.lower_ not in ("least", "most") or before.i < 2:
        return before
    at = before.doc[before.i - 1]
    return before.doc[at.i - 1] if at.lower_ == "at" else before


def _masthead(cand: Candidate, doc: Doc, text: str) -> bool:
    """A programme's or a paper's name, not the day: "NBC's Today", "ABC's This Week", "via USA Today".

    In running English "today" starts with a capital only where a sentence, a quotation or a
    headline starts; anywhere else the capital makes it a name ("in the USA today" is the day)."""
    word = text[cand.start:cand.end]
    if not all(w[:1].isupper() for w in word.split()):
        return False  # "This week" is the week even mid-sentence; "This Week" there is a programme
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    before = doc[span[0].i - 1] if span is not None and len(span) and span[0].i > 0 else None
    if before is not None and word.split()[0] in _MASTHEADS.get(before.lower_, ()) and before.text.isupper():
        return True
    lead = text[max(0, cand.start - _LEAD_CHARS):cand.start].rstrip(" \t")
    if (not lead or lead.endswith("\n")) and _SITE_SECTION.match(text, cand.end):
        return True  # a line of its own, "Today on WebMD", "Today in Politics": a site's box, no day
    if _headline(text, cand.start):
        return False
    if len(word.split()) > 1 and not word.isupper():
        return True  # 'on ABC's "This Week,"': a sentence or a quotation opens with "This week"
    if not lead or lead[-1] in _SENTENCE_OPENERS:
        return False
    return span is None or not span[0].is_sent_start or lead[-1].isalnum()


def _headline(text: str, at: int) -> bool:
    """The line holding `at` reads as a headline: short, no full stop, its words mostly capitalised."""
    left = text.rfind("\n", 0, at) + 1
    right = text.find("\n", at)
    line = text[left:right if right >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or len(line) > _HEADLINE_CHARS or line.endswith("."):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= _HEADLINE_CAPITALS
