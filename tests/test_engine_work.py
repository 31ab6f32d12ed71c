"""The engine's shortcuts give what the long way gave, and the per-story passes run once a story.

Counted, not timed: how often a pass over the tokens runs, and whether each shortcut's answer is
the one the long way gives on invented stories.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from checks import check_text
from checks.dates import grammar
from checks.nlp import line_breaks, parse
from checks.quotes import roles
from checks.quotes.cast import sentence_start

# Invented: two people given roles, then quoted by those roles alone (`the economist`), so each
# surname's mentions are asked for; both are listed as sources.
STORY = ("Ana Ruiz, an economist at McGill University, studied the deal. Tom Becker, a dairy farmer from "
         "Truro, opposed it.\n\n“The numbers simply do not add up,” the economist said.\n\n"
         "“We will not accept a deal that hurts our workers,” the farmer told reporters.\n")


def test_surname_mentions_are_found_in_one_pass_per_story(monkeypatch: pytest.MonkeyPatch) -> None:
    passes = []
    original = roles.mentions_by_surname

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        passes.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(roles, "mentions_by_surname", counted)
    report = check_text(STORY)
    assert [q.speaker for q in report.quotes] == ["Ana Ruiz", "Tom Becker"]
    assert [s.name for s in report.sources.named] == ["Ana Ruiz", "Tom Becker"]
    assert len(passes) == 1  # was one per surname a description asked for, and one for the sources


def _walked_back(doc, i: int) -> int:  # type: ignore[no-untyped-def]
    """sentence_start the long way: back from the token to the first line break in its sentence."""
    first = doc[i].sent.start
    while i > first:
        if doc[i - 1].is_space and "\n" in doc[i - 1].text:
            return i
        i -= 1
    return first


def test_sentence_start_looked_up_among_line_breaks_is_the_walk_back(nlp: Language) -> None:
    text = ("Tariffs on steel rose\n\n“It hurts,” said Lee.\nThe port closed on Friday\nand reopened.\n\n"
            "Sales fell. “We wait,” she said")
    doc = next(parse([text], nlp))
    assert line_breaks(doc) == [t.i for t in doc if t.is_space and "\n" in t.text]
    assert [sentence_start(t) for t in doc] == [_walked_back(doc, t.i) for t in doc]


# One invented phrase each rule with listed words finds, written in several cases.
GUARDED = {
    "quarter": ["sales in the Third Quarter of 2014 rose", "results for Q3 2015 were out"],
    "quarter_only": ["in the fourth quarter, profit fell"],
    "half": ["in the first half of 2012 it grew", "H2 2019 was weak"],
    "year_quarter": ["the 1988 second quarter was weak", "last year's first half was strong"],
    "period_rel_year": ["the first quarter of next year", "late Summer last year"],
    "season_year": ["the Fall of 2015 was wet", "in AUTUMN 2010 it rained"],
    "spelled_year": ["back in nineteen ninety-six it began", "the year two thousand and five"],
    "decade": ["in the 1990s it grew", "since the '80S it shrank"],
    "decade_word": ["in the Nineties the plant closed"],
    "century": ["the 19th century saw it", "an 11th-century temple stood"],
    "weekday": ["the vote on Tuesday failed", "Friday's ruling stood"],
    "weekday_of_month": ["the first Tuesday of November was set"],
}


@pytest.mark.parametrize("rule", sorted(grammar._NEEDS))
def test_a_guarded_date_rule_still_finds_its_dates(rule: str) -> None:
    patterns = [re.compile(p, f) for name, p, f in grammar.RULES if name == rule]
    for phrase in GUARDED[rule]:
        found = [m.group(0) for rx in patterns for m in rx.finditer(phrase)]
        assert found, (rule, phrase)
        # every match holds one of the rule's words, so a text without them has no match to miss
        assert all(any(w in f.lower() for w in grammar._NEEDS[rule]) for f in found), (rule, found)
        assert any(c.rule == rule for c in grammar.candidates(phrase)), (rule, phrase)


def test_a_rule_whose_words_the_text_lacks_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    ran = []

    class Watched:
        def __init__(self, name: str, rx: re.Pattern[str]) -> None:
            self.name, self.rx = name, rx

        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            ran.append(self.name)
            return self.rx.finditer(text)

    monkeypatch.setattr(grammar, "_COMPILED", tuple((n, Watched(n, rx)) for n, rx in grammar._COMPILED))
    grammar.candidates("The council met on March 3, 2015, and voted again last week.")
    assert "mdy" in ran and "rel_unit" in ran
    assert not {"quarter", "decade", "spelled_year", "century", "weekday"} & set(ran)


# Invented: a listed company with its stock symbol, a person, a hyphened name, lines and a blank line.
LISTED = ("Shares of Corvane (NYSE: CVN) fell on Monday.\nAcme’s (ACM.B) results and Roe's (RO) too.\n\n"
          "“We wait,” said Kim Hau-yip, 42, of Dunmore (K).\n\n"
          "President Moon Jae-in visited Dunmore on Friday.\n")


def test_shortcuts_read_from_spacys_arrays_give_what_the_walk_gave(nlp: Language) -> None:
    from checks.engine import _words
    from checks.quotes.attribution import Locator

    for text in (LISTED, STORY, "x", "  \n"):
        doc = next(parse([text], nlp))
        assert _words(doc) == sum(1 for t in doc if t.is_alpha or t.like_num)
        assert Locator(doc, [])._starts == [t.idx for t in doc]
        assert line_breaks(doc) == [t.i for t in doc if "\n" in t.text_with_ws]


def test_a_stock_symbol_is_read_from_the_tokens_after_the_name_as_from_the_text(nlp: Language) -> None:
    from checks.quotes.companies import _TICKER, _text_after

    doc = next(parse([LISTED], nlp))
    found = [t.text for t in doc if _TICKER.match(_text_after(t))]
    assert found == [t.text for t in doc if _TICKER.match(LISTED, t.idx + len(t.text))]
    assert found[:3] == ["Corvane", "Acme", "’s"]  # the window holds the longest symbol's brackets


def test_the_cast_walks_the_story_once_and_its_passes_share_that_list(nlp: Language) -> None:
    from checks.quotes.find import analyse

    doc = next(parse([LISTED + "\n\n" + STORY], nlp))
    cast = analyse(doc).cast
    assert [t.i for t in cast.tokens] == list(range(len(doc)))
    mentions = roles.surname_mentions(cast)
    assert mentions == roles.mentions_by_surname(doc, cast.narrative)  # the Doc itself, the long way
    assert [t.i for t in mentions["hau-yip"]] == [t.i for t in doc if t.text == "yip"]
    assert [doc[t.i - 2].text for t in mentions["jae-in"]] == ["Jae"]  # `in`, tagged ADP, ends a name
