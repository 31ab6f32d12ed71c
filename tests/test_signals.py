from __future__ import annotations

import datetime as dt
import random
import re

from checks.dates.find import find_dates
from checks.models import AnonymousSource, Article, NamedSource, Quote, Report, Signal, Sources
from checks.signals import EarlierQuotes, _fold, find_signals

FRIDAY = dt.date(2025, 12, 5)


def date_report(nlp, text: str, published: dt.date | None = None) -> Report:
    return Report(article=Article(published=published), dates=find_dates(nlp(text), published))


def codes(signals: tuple[Signal, ...]) -> list[str]:
    return [s.code for s in signals]


def quote(text: str, speaker: str | None, kind: str = "named", start: int = 0, **extra: object) -> Quote:
    return Quote(text=text, start=start, end=start + len(text), speaker=speaker,
                 speaker_kind=kind, **extra)  # type: ignore[arg-type]


def test_weekday_that_does_not_match_its_date_is_a_warning(nlp):
    text = "The agreement was signed on Tuesday, May 7, 2025, in Ottawa."
    [signal] = [s for s in find_signals(date_report(nlp, text), text) if s.code == "weekday_mismatch"]
    assert signal.severity == "warn"
    assert signal.message == "'Tuesday, May 7, 2025' \u2013 May 7, 2025 was a Wednesday"
    assert text[signal.start:signal.end] == "Tuesday, May 7, 2025"


def test_weekday_that_matches_its_date_raises_nothing(nlp):
    text = "The agreement was signed on Wednesday, May 7, 2025, in Ottawa."
    assert find_signals(date_report(nlp, text), text) == ()


def test_past_event_dated_after_publication_is_flagged(nlp):
    text = "The deal was signed on March 3, 2026, in Washington."
    signals = find_signals(date_report(nlp, text, FRIDAY), text)
    assert codes(signals) == ["date_after_publication"]
    assert "after the publication date (December 5, 2025)" in signals[0].message


def test_planned_event_after_publication_is_not_flagged(nlp):
    text = "The review will start on March 3, 2026, in Washington."
    assert find_signals(date_report(nlp, text, FRIDAY), text) == ()


def test_relative_date_that_contradicts_the_date_next_to_it_is_flagged(nlp):
    text = "Talks collapsed yesterday, December 3, in Ottawa, officials said on September 1, 2025."
    [signal] = [s for s in find_signals(date_report(nlp, text, FRIDAY), text) if s.code == "date_conflict"]
    assert signal.severity == "warn"
    assert "December 4, 2025" in signal.message and "December 3, 2025" in signal.message


def test_story_with_only_relative_dates_and_no_publication_date_warns(nlp):
    text = "The minister resigned on Tuesday after a tense cabinet meeting."
    [signal] = find_signals(date_report(nlp, text), text)
    assert (signal.code, signal.severity) == ("no_absolute_date", "warn")
    assert text[signal.start:signal.end] == "on Tuesday"


def test_story_with_only_relative_dates_but_a_publication_date_is_informed(nlp):
    text = "The minister resigned on Tuesday after a tense cabinet meeting."
    [signal] = find_signals(date_report(nlp, text, FRIDAY), text)
    assert (signal.code, signal.severity) == ("no_absolute_date", "info")


def test_story_with_an_absolute_date_does_not_miss_one(nlp):
    text = "The minister resigned on Tuesday, December 2, 2025, after a cabinet meeting."
    assert "no_absolute_date" not in codes(find_signals(date_report(nlp, text), text))


def test_mostly_anonymous_quotes_are_a_warning():
    report = Report(quotes=(
        quote("We will not negotiate under threat.", "a senior Canadian official", "anonymous", 10),
        quote("The talks are over for now.", "officials familiar with the talks", "anonymous", 80),
        quote("Nobody expected this.", "a Wall Street analyst", "anonymous", 150),
        quote("Canada has options.", "Mark Carney", "named", 200),
    ))
    [signal] = find_signals(report, "")
    assert (signal.code, signal.severity, signal.start) == ("mostly_anonymous", "warn", 10)
    assert signal.message.startswith("3 of 4 attributed quotes come from unnamed sources")


def test_mostly_named_quotes_raise_nothing():
    report = Report(quotes=(
        quote("Canada has options.", "Mark Carney", "named", 0),
        quote("We negotiate as equals.", "Mark Carney", "named", 50),
        quote("The talks are over for now.", "a senior official", "anonymous", 100),
    ))
    assert find_signals(report, "") == ()


def test_anonymous_sources_outnumbering_named_ones_without_quotes_is_a_warning():
    report = Report(sources=Sources(
        named=(NamedSource("Fen Hampson"),),
        anonymous=(AnonymousSource("a senior official, speaking on condition of anonymity", 40, 92),
                   AnonymousSource("people familiar with the matter", 300, 331)),
    ))
    [signal] = find_signals(report, "")
    assert (signal.code, signal.start, signal.end) == ("mostly_anonymous", 40, 92)


def test_words_given_to_a_document_ask_who_stands_behind_it_without_a_false_no_speaker():
    words = "We ask the county to reopen the clinic at once."
    report = Report(quotes=(quote(words, "the petition", "unresolved", 7),))
    [signal] = find_signals(report, "")
    assert (signal.code, signal.severity) == ("unattributed_quote", "info")
    assert "No speaker found" not in signal.message
    assert "attributed to the petition, not to a person" in signal.message


def test_quote_without_a_speaker_is_flagged_but_a_scare_quote_is_not():
    report = Report(quotes=(
        quote("ALL TRADE NEGOTIATIONS WITH CANADA END HERE.", None, "unresolved", 5),
        quote("win", None, "unresolved", 90, partial=True),
    ))
    [signal] = find_signals(report, "")
    assert (signal.code, signal.severity, signal.start) == ("unattributed_quote", "warn", 5)


def test_guessed_speaker_is_information_to_confirm():
    report = Report(quotes=(quote("Canada has options.", "Mark Carney", "named", 12, speaker_guessed=True),))
    [signal] = find_signals(report, "")
    assert (signal.code, signal.severity) == ("speaker_guessed", "info")
    assert "Mark Carney" in signal.message


def test_same_quote_given_to_two_people_is_flagged():
    report = Report(quotes=(
        quote("We negotiate as equals, or not at all.", "Mark Carney", "named", 0),
        quote("We negotiate as equals, or not at all.", "a senior Canadian official", "anonymous", 400),
    ))
    [signal] = [s for s in find_signals(report, "") if s.code == "quote_multiple_speakers"]
    assert signal.start == 400
    assert "a senior Canadian official" in signal.message and "Mark Carney" in signal.message


def test_signals_lay_out_evidence_and_never_judge(nlp):
    text = "The deal was signed on Tuesday, May 7, 2026. Talks collapsed yesterday, December 3."
    report = date_report(nlp, text, FRIDAY)
    report = Report(article=report.article, dates=report.dates, quotes=(
        quote("This is a turning point.", None, "unresolved", 0),
        quote("This is a turning point.", "Mark Carney", "named", 30),
        quote("This is a turning point.", "Xi Jinping", "named", 60, speaker_guessed=True),
    ))
    signals = find_signals(report, text)
    assert len(signals) >= 4
    for signal in signals:
        assert signal.severity in ("info", "warn")
        assert not re.search(r"\b(fake|false|lies?|untrue|hoax)\b", signal.message, re.I)


def test_counted_shift_that_contradicts_the_date_given_with_it_is_flagged(nlp):
    text = "On December 5, 2025, the leaders met. Six weeks earlier, on October 31, talks had collapsed."
    [signal] = [s for s in find_signals(date_report(nlp, text), text) if s.code == "date_conflict"]
    assert signal.message == ("'Six weeks earlier' works out to October 24, 2025, but the text next to it "
                              "says 'October 31' (October 31, 2025)")


def test_counted_shift_that_agrees_with_its_date_raises_nothing(nlp):
    text = "On December 5, 2025, the leaders met. Six weeks earlier, on October 23, talks had collapsed."
    assert "date_conflict" not in codes(find_signals(date_report(nlp, text), text))


def test_weekday_beside_a_date_in_brackets_is_checked_too(nlp):
    text = "The agreement was signed on Tuesday (May 8, 2025) in Ottawa."
    [signal] = [s for s in find_signals(date_report(nlp, text), text) if s.code == "weekday_mismatch"]
    assert signal.message == "'on Tuesday' next to 'May 8, 2025' \u2013 May 8, 2025 was a Thursday"
    assert text[signal.start:signal.end] == "on Tuesday (May 8, 2025"


def test_publication_timestamp_is_compared_by_its_day(nlp):
    stamp = dt.datetime(2025, 12, 5, 9, 0, tzinfo=dt.UTC)
    text = "The deal was signed on March 3, 2026, in Washington."
    report = Report(article=Article(published=stamp), dates=find_dates(nlp(text), stamp))
    assert codes(find_signals(report, text)) == ["date_after_publication"]


def _pairwise_multiple_speakers(quotes: list[Quote]) -> list[tuple[int, str]]:
    """The rule spelled out: each quote against every earlier one, first match wins."""
    seen: dict[str, Quote] = {}
    out = []
    for q in quotes:
        key = _fold(q.text)
        if not q.speaker or len(key.split()) < 4:
            continue
        earlier = next((e for k, e in seen.items() if key in k or k in key), None)
        if earlier is not None and _fold(earlier.speaker or "") != _fold(q.speaker):
            out.append((q.start, earlier.speaker or ""))
        seen.setdefault(key, q)
    return out


def _many_quotes(seed_texts: dict[str, str]) -> list[Quote]:
    """Seed sentences as quotes, and pieces of them (cut mid-word too) in other people's mouths."""
    sentences = sorted({s.strip() for t in seed_texts.values() for s in re.split(r"(?<=[.!?])\s+", t)
                        if len(s.split()) >= 4})
    rng = random.Random(5)
    people = ["Mark Carney", "Donald Trump", "a senior official", "Fen Hampson"]
    quotes = []
    for n, s in enumerate(sentences * 2):
        a = rng.randrange(len(s) // 3)
        text = s if n % 3 else s[a:a + rng.randrange(15, 120)]
        quotes.append(quote(text, rng.choice(people), "named", start=n * 10))
    return quotes


def test_the_same_words_from_two_speakers_match_the_pairwise_rule(seed_texts: dict[str, str]) -> None:
    quotes = _many_quotes(seed_texts)
    found = [s for s in find_signals(Report(quotes=tuple(quotes)), "") if s.code == "quote_multiple_speakers"]
    expected = _pairwise_multiple_speakers(quotes)
    assert len(expected) > 50
    assert [(s.start, s.message.rsplit(" and to ", 1)[1].removesuffix(" earlier in the article"))
            for s in found] == expected


def test_earlier_quotes_are_looked_up_not_scanned(seed_texts: dict[str, str]) -> None:
    earlier = EarlierQuotes()
    keys = sorted({_fold(q.text) for q in _many_quotes(seed_texts) if len(_fold(q.text).split()) >= 4})
    for n, key in enumerate(keys):
        earlier.find(key)
        earlier.add(key, quote(key, "Mark Carney", start=n))
    assert len(keys) > 250
    assert earlier.compared < 0.05 * len(keys) ** 2 / 2, earlier.compared
