"""spaCy's veto over ambiguous date candidates: counts, names, addresses and verbs.

The grammar proposes "2026", "May" and "Sunday" wherever they appear; these checks ask the
parse whether they are a year, a month and a day here ("2000 troops", "Carney and May met",
"The Sunday Times" are not), and a masthead is not a deictic word ("USA TODAY reported").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from .grammar import Candidate

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
# Mastheads that end in a deictic word: the word before it, and the spellings of the word.
_MASTHEADS = {"usa": ("Today", "TODAY")}
_NAMED_DAYS = {"black", "good", "super", "ash", "cyber", "bloody", "holy", "easter", "palm", "maundy"}


def plausible(cand: Candidate, doc: Doc) -> bool:
    """spaCy's view of the words around a candidate: veto counts, names and verbs."""
    if cand.rule == "deictic":
        return not _masthead(cand, doc)
    if cand.rule not in ("year", "prep_month", "weekday", "dm"):
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    if cand.rule == "year":
        return _plausible_year(first, before, doc)
    if cand.rule == "weekday":
        day = next(t for t in span if t.text in cand.parts.get("wd", ""))
        prev = doc[day.i - 1] if day.i > 0 else None
        return not ((prev is not None and prev.lower_ in _NAMED_DAYS) or day.ent_type_ in _NOT_A_DATE)
    # a month name alone: "May" the verb or the name ("Carney and May"), "March" the noun
    lead = cand.parts.get("prep", "").lower()
    subject = last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "VERB"  # "Carney and May met"
    if lead in _WEAK_MONTH_LEAD and (last.ent_type_ != "DATE" or subject):
        return False
    return last.pos_ not in ("VERB", "AUX") and last.ent_type_ not in ("PERSON", "ORG")


def _plausible_year(year: Token, before: Token | None, doc: Doc) -> bool:
    after = doc[year.i + 1] if year.i + 1 < len(doc) else None
    if after is not None and after.tag_ == "NNS" and (year.ent_type_ != "DATE" or year.text.endswith("00")):
        return False  # "2000 troops" is a count; "1998 profits" is a year
    if before is not None and before.lower_ in _YEAR_LEAD:
        return year.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")
    if int(year.text) > dt.date.today().year + _FAR_FUTURE_YEARS:
        return False  # "2100 Pennsylvania Avenue"; "by 2100" has its lead word
    named = before is not None and before.is_title and before.pos_ in ("PROPN", "NOUN")
    if named and year.ent_type_ != "DATE":
        return False  # "Flight 1549", "Room 1801", "Windows 2000"
    return year.ent_type_ not in _NOT_A_DATE


def _masthead(cand: Candidate, doc: Doc) -> bool:
    """`via USA Today`, `, USA TODAY reported`: the paper's name, not the day ("in the USA today" is)."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].i == 0:
        return False
    before = doc[span[0].i - 1]
    return span[0].text in _MASTHEADS.get(before.lower_, ()) and before.text.isupper()
