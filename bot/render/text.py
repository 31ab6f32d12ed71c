"""The report as plain text for a terminal (and the fallback for every chat surface).

Every article-derived string goes through `visible` (directly or through `shorten`): no control
character, terminal escape sequence or bidi control from a page reaches the terminal."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checks import FactCheck, History, Quote, Report

from ._common import (
    ANOTHER_SPEAKER_NOTE,
    MAX_LINK_URL,
    SECTION_ORDER,
    Section,
    link_url,
    plural,
    shared_quotes_in_order,
    shorten,
    status_line,
    status_note,
    visible,
)

__all__ = ["CLAIM_WIDTH", "FACT_CHECKS_HEADING", "QUOTE_WIDTH", "SHARED_QUOTES_SHOWN", "fact_check_here",
           "fact_check_line", "quotes_changed_lines", "render_text", "speaker_label", "text_changed_line"]

QUOTE_WIDTH = 160
# Shared quotes shown per similar article: the ones said by someone else there come first,
# since the same words under another name is what a verifier most needs to see.
SHARED_QUOTES_SHOWN = 3
NEAR_IDENTICAL = 0.9
# Quotes an edit removed (and added) shown under the changed-text line: a few, shortened, so each
# list stays one line on every surface; they tell the desk where to look in the new version.
EDITED_QUOTES_SHOWN = 3
EDITED_QUOTE_WIDTH = 80
# A fact-check's claim and the story's sentence that matched it: long enough to compare the two.
FACT_CHECKS_HEADING = "Fact-checked before"
CLAIM_WIDTH = 200
_NAME_WIDTH = 80  # a rating or a publisher's name: a few words


def speaker_label(quote: Quote) -> str:
    who = visible(quote.speaker) if quote.speaker else "no speaker found"
    if quote.speaker_guessed:
        who += " (guessed)"
    return who


def render_text(report: Report, *, report_url: str | None = None) -> str:
    """The report; the desk's verdict first when there is one, and the report page's link."""
    parts = [_verdict(report), _header(report, report_url),
             *(_SECTIONS[name](report) for name in SECTION_ORDER), _history(report)]
    return "\n\n".join(p for p in parts if p) + "\n"


def _verdict(report: Report) -> str:
    line = status_line(report)
    if line is None:
        return ""
    note = status_note(report, visible)
    return line + (f"\nNote: {note}" if note else "")


def _header(report: Report, report_url: str | None = None) -> str:
    a = report.article
    facts = [visible(a.site) if a.site else None, visible(a.author) if a.author else None,
             f"published {a.published.isoformat()}" if a.published else None, f"{a.words:,} words"]
    lines = [visible(a.title) if a.title else "(untitled text)", " · ".join(f for f in facts if f)]
    if report.input.url:
        lines.append(visible(report.input.url))
    page = link_url(report_url)
    if page:
        lines.append(f"Full report: {page}")
    return "\n".join(lines)


def _fact_checks(report: Report) -> str:
    if not report.fact_checks:
        return ""  # a report without a match reads exactly as before
    lines = [FACT_CHECKS_HEADING.upper()]
    for fc in report.fact_checks:
        lines.append(f"  {fact_check_line(fc, shorten(fc.url, MAX_LINK_URL))}")
        lines.append(f"      {fact_check_here(fc)}")
    return "\n".join(lines)


def fact_check_line(fc: FactCheck, link: str, escape: Callable[[str], str] = str,
                    width: int = CLAIM_WIDTH) -> str:
    """One wording on every surface: `'<claim>' rated <rating> by <publisher>, <date> (<link>)`.
    Everything a fact-check holds came from a feed: `escape` makes it safe for the surface's
    markup (after `shorten` made it visible); `link` is already safe."""
    by = f" by {escape(shorten(fc.publisher, _NAME_WIDTH))}" if fc.publisher else ""
    date = f", {escape(shorten(fc.date, _NAME_WIDTH))}" if fc.date else ""
    rating = escape(shorten(fc.rating, _NAME_WIDTH))
    return f"'{escape(shorten(fc.claim, width))}' rated {rating}{by}{date} ({link})"


def fact_check_here(fc: FactCheck, escape: Callable[[str], str] = str, width: int = CLAIM_WIDTH) -> str:
    """The story's sentence that matched, under its fact-check, with how likely the match is."""
    return f"here: '{escape(shorten(fc.sentence.text, width))}' (score {fc.score:.2f})"


def _signals(report: Report) -> str:
    if not report.signals:
        return "SIGNALS\n  none"
    marks = {"warn": "!", "info": "-"}
    lines = [f"  {marks.get(s.severity, '-')} {visible(s.message)}" for s in report.signals]
    return "SIGNALS\n" + "\n".join(lines)


def _quotes(report: Report) -> str:
    if not report.quotes:
        return "QUOTES\n  none found"
    lines = [f"QUOTES ({len(report.quotes)})"]
    for q in report.quotes:
        cue = f", {visible(q.cue)}" if q.cue else ""
        lines.append(f"  “{shorten(q.text, QUOTE_WIDTH)}”\n      — {speaker_label(q)}{cue}")
    return "\n".join(lines)


def _sources(report: Report) -> str:
    named, anonymous = report.sources.named, report.sources.anonymous
    if not named and not anonymous:
        return "SOURCES\n  none found"
    lines = ["SOURCES"]
    for s in named:
        role = f", {visible(s.role)}" if s.role else ""
        counts = f"{s.quotes} {plural(s.quotes, 'quote')}, {s.mentions} {plural(s.mentions, 'mention')}"
        lines.append(f"  named: {visible(s.name)}{role} ({counts})")
    for anon in anonymous:
        lines.append(f"  anonymous: {shorten(anon.text, QUOTE_WIDTH)}")
    return "\n".join(lines)


def _dates(report: Report) -> str:
    if not report.dates:
        return "DATES\n  none found"
    lines = ["DATES"]
    for d in report.dates:
        lines.append(f"  {visible(d.text)} → {visible(d.value or 'unanchored')} ({d.kind})")
    return "\n".join(lines)


def _similar(report: Report) -> str:
    if not report.similar:
        return ""
    lines = ["SIMILAR ARTICLES"]
    for s in report.similar:
        same_text = " (near-identical text)" if s.score >= NEAR_IDENTICAL else ""
        lines.append(f"  {s.score:.2f} {s.id} {visible(s.title or '')}{same_text}".rstrip())
        shared = shared_quotes_in_order(s.shared_quotes)
        for sq in shared[:SHARED_QUOTES_SHOWN]:
            mark = f"  <- {ANOTHER_SPEAKER_NOTE}" if sq.another_speaker is True else ""
            lines.append(f"      same quote: “{shorten(sq.text, 100)}” — here {visible(sq.here or '?')}, "
                         f"there {visible(sq.there or '?')}{mark}")
        if len(shared) > SHARED_QUOTES_SHOWN:
            lines.append(f"      … and {len(shared) - SHARED_QUOTES_SHOWN} more shared quotes")
    return "\n".join(lines)


_SECTIONS: dict[Section, Callable[[Report], str]] = {
    "fact_checks": _fact_checks, "signals": _signals, "quotes": _quotes, "sources": _sources,
    "dates": _dates, "similar": _similar,
}


def _history(report: Report) -> str:
    h = report.history
    if h is None:
        return ""
    by = f" by {visible(h.first_checked_by)}" if h.first_checked_by else ""
    times = "once" if h.times_checked == 1 else f"{h.times_checked} times"
    lines = ["HISTORY", f"  {h.item}: checked {times}; first{by} at {h.first_checked_at}"]
    if h.text_changed_since:
        lines.append(f"  {text_changed_line(h.text_changed_since)}")
        lines += [f"  {line}" for line in quotes_changed_lines(h)]
    return "\n".join(lines)


def text_changed_line(when: str) -> str:
    """One wording on every surface: the verifier must know the quotes are of the edited article."""
    return f"The article's text changed since it was last checked ({when}); this check is of the new version."


def quotes_changed_lines(h: History, escape: Callable[[str], str] = str) -> list[str]:
    """Under the changed-text line on every surface: a quote gone since the last check is the
    edit a verifier most needs to see. `escape` makes article text safe for the surface's markup."""
    return [_quote_list(label, quotes, escape)
            for label, quotes in (("Quotes removed since then", h.quotes_removed),
                                  ("Quotes added since then", h.quotes_added)) if quotes]


def _quote_list(label: str, quotes: Sequence[str], escape: Callable[[str], str]) -> str:
    shown = ", ".join(f"“{escape(shorten(q, EDITED_QUOTE_WIDTH))}”" for q in quotes[:EDITED_QUOTES_SHOWN])
    more = len(quotes) - EDITED_QUOTES_SHOWN
    return f"{label}: {shown}" + (f" … and {more} more" if more > 0 else "")
