"""The report in Slack's Block Kit: a summary message, and the full report for a modal or thread.

Pure functions of a Report. Slack refuses a whole message when one limit is broken, so
every list is packed into sections under the limits below and the rest is counted in an
"… and N more" line: rendering never fails, whatever the article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checks import FactCheck, Quote, Report, Similar

from ._common import (
    ANOTHER_SPEAKER_NOTE,
    SECTION_ORDER,
    SLACK_CONTEXT_CHARS,
    SLACK_CONTEXT_ELEMENTS,
    SLACK_HEADER_CHARS,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_MODAL_BLOCKS,
    SLACK_MODAL_TITLE_CHARS,
    SLACK_SECTION_CHARS,
    SLACK_TEXT_CHARS,
    Block,
    Section,
    SlackMessage,
    plural,
    shared_quotes_in_order,
    shorten,
    slack_code,
    slack_escape,
    slack_link,
    slack_text,
    truncate,
    utf16_len,
)
from .slack_desk import FULL_REPORT_ACTION, desk_controls, full_report_button, slack_status_block
from .text import (
    CLAIM_WIDTH,
    FACT_CHECKS_HEADING,
    fact_check_here,
    fact_check_line,
    quotes_changed_lines,
    render_text,
    speaker_label,
    text_changed_line,
)

__all__ = ["FULL_REPORT_ACTION", "FULL_REPORT_VIEW", "render_full_blocks", "render_full_view",
           "render_message"]

FULL_REPORT_VIEW = "deskcheck_full_report_view"
URL_LABEL_WIDTH = 80  # a URL shown as a link's label, or as text when it cannot be a link
SHARED_QUOTES_SHOWN = 5  # per similar article, the ones under another person's name first
# Room kept at the end of a section for the "… and N more" line.
_MORE_ROOM = 80
_ROOM = SLACK_SECTION_CHARS - _MORE_ROOM  # a section's text before that line
# The sections up to this one show above the fold (before the divider): the fact-checks, when a
# claim matched one, and the signals.
_FOLD_AFTER: Section = "signals"


@dataclass(frozen=True)
class _Budget:
    """How much of each list a surface shows: the message summarises, the full report lists all."""

    max_blocks: int
    items: int | None  # quotes, sources, dates, similar articles shown; None for all
    sections: int  # section blocks one list may fill
    quote_sections: int
    quote_width: int
    more_hint: str


_MESSAGE = _Budget(SLACK_MAX_BLOCKS, 8, 2, 2, 280, " in the full report")
_FULL = _Budget(SLACK_MAX_MODAL_BLOCKS, None, 6, 50, 1500, "")


def render_message(report: Report, *, checker: str | None = None, notice: str | None = None,
                   report_key: str | None = None, report_url: str | None = None) -> SlackMessage:
    """The summary posted in the channel; `checker` is a Slack user id, `report_key` feeds the
    Full report button, `report_url` (the report page) makes it a link. An item of the history
    carries the desk's status line under its title and its controls at the end."""
    blocks = _body(report, _MESSAGE, checker=checker, notice=notice)
    status = slack_status_block(report)
    if status is not None:
        blocks.insert(1, status)
    actions = [b for b in (desk_controls(report), full_report_button(report_key, report_url)) if b]
    blocks = _fit(blocks, SLACK_MAX_BLOCKS - len(actions)) + actions
    return SlackMessage(text=_fallback(report, checker, report_url), blocks=tuple(blocks))


def render_full_blocks(report: Report, *, max_blocks: int = SLACK_MAX_MODAL_BLOCKS) -> list[Block]:
    """Every quote, source, date and similar article, cut to `max_blocks` (50 for a thread post)."""
    return _fit(_body(report, _FULL, checker=None, notice=None), max_blocks)


def render_full_view(report: Report) -> Block:
    """A modal view for views.open."""
    return {
        "type": "modal",
        "callback_id": FULL_REPORT_VIEW,
        "title": _plain("Full report", SLACK_MODAL_TITLE_CHARS),
        "close": _plain("Close", SLACK_MODAL_TITLE_CHARS),
        "blocks": render_full_blocks(report, max_blocks=SLACK_MAX_MODAL_BLOCKS),
    }


def _body(report: Report, budget: _Budget, *, checker: str | None, notice: str | None) -> list[Block]:
    blocks: list[Block] = [
        {"type": "header", "text": _plain(report.article.title or "(untitled text)", SLACK_HEADER_CHARS)},
        _context(_facts(report, checker)),
    ]
    if notice:
        blocks.append(_context([f"ℹ️ {slack_text(notice)}"]))
    for name in SECTION_ORDER:
        blocks += _SECTIONS[name](report, budget)
        if name == _FOLD_AFTER:
            blocks.append({"type": "divider"})
    if report.history is not None:
        blocks.append(_section(_history(report)))
    return blocks


def _facts(report: Report, checker: str | None) -> list[str]:
    a = report.article
    facts = [slack_text(a.site) if a.site else None, slack_text(a.author) if a.author else None,
             f"published {a.published.isoformat()}" if a.published else "no publication date",
             f"{a.words:,} words"]
    line = " · ".join(f for f in facts if f)
    out = [line]
    url = report.input.url or a.canonical_url
    if url:
        label = shorten(url, URL_LABEL_WIDTH)
        out.append(slack_link(url, slack_text(label)) or slack_code(label))
    if checker:
        out.append(f"checked for <@{checker}>")
    return out


def _fact_checks(report: Report, budget: _Budget) -> list[Block]:
    if not report.fact_checks:
        return []  # a report without a match renders exactly as before
    lines = [_fact_check(fc) for fc in report.fact_checks]
    return _sections(FACT_CHECKS_HEADING, lines, budget.items, budget.sections, budget.more_hint)


def _fact_check(fc: FactCheck) -> str:
    """The review as a safe link, else its URL as text; also as text when the line would not fit a
    section whole, so that cutting it can never split the link's markup."""
    code = slack_code(shorten(fc.url, URL_LABEL_WIDTH))
    here = fact_check_here(fc, slack_text)
    line = fact_check_line(fc, slack_link(fc.url, "fact-check") or code, slack_text, CLAIM_WIDTH)
    if utf16_len(f"*{FACT_CHECKS_HEADING}*\n• {line}") >= _ROOM:  # the first line `_sections` keeps whole
        line = fact_check_line(fc, code, slack_text, CLAIM_WIDTH)
    return f"• {line}\n   {here}"


def _signals(report: Report, budget: _Budget) -> list[Block]:
    if not report.signals:
        return [_section("*Signals*: none")]
    marks = {"warn": ":warning:", "info": "•"}
    lines = [f"{marks.get(s.severity, '•')} {slack_text(s.message)}" for s in report.signals]
    # Signals come first and are few: the message shows them all unless they overflow a section.
    return _sections("Signals", lines, None, budget.sections, budget.more_hint)


def _quotes(report: Report, budget: _Budget) -> list[Block]:
    if not report.quotes:
        return [_section("*Quotes*: none found")]
    lines = [_quote_line(q, budget.quote_width) for q in report.quotes]
    return _sections(f"Quotes ({len(report.quotes)})", lines, budget.items, budget.quote_sections,
                     budget.more_hint)


def _quote_line(quote: Quote, width: int) -> str:
    who = slack_text(speaker_label(quote))
    if quote.speaker and quote.speaker_kind != "anonymous":
        who = f"*{who}*"
    elif quote.speaker:
        who = f"_{who}_"
    cue = f", {slack_text(quote.cue)}" if quote.cue else ""
    partial = " (partial)" if quote.partial else ""
    return f"> “{slack_text(shorten(quote.text, width))}”{partial}\n   — {who}{cue}"


def _sources(report: Report, budget: _Budget) -> list[Block]:
    named, anonymous = report.sources.named, report.sources.anonymous
    if not named and not anonymous:
        return [_section("*Sources*: none found")]
    blocks: list[Block] = []
    if named:
        lines = [f"• *{slack_text(s.name)}*" + (f", {slack_text(s.role)}" if s.role else "")
                 + f" — {s.quotes} {plural(s.quotes, 'quote')}, {s.mentions} {plural(s.mentions, 'mention')}"
                 for s in named]
        blocks += _sections(f"Named sources ({len(named)})", lines, budget.items, budget.sections,
                            budget.more_hint)
    if anonymous:
        lines = [f"• _{slack_text(shorten(s.text, 300))}_" for s in anonymous]
        blocks += _sections(f"Anonymous sources ({len(anonymous)})", lines, budget.items, budget.sections,
                            budget.more_hint)
    return blocks


def _dates(report: Report, budget: _Budget) -> list[Block]:
    if not report.dates:
        return [_section("*Dates*: none found")]
    lines = [f"• {slack_text(shorten(d.text, 120))} → `{slack_text(d.value or 'unanchored')}` ({d.kind})"
             for d in report.dates]
    return _sections(f"Dates ({len(report.dates)})", lines, budget.items, budget.sections, budget.more_hint)


def _similar(report: Report, budget: _Budget) -> list[Block]:
    if not report.similar:
        return []
    lines = []
    for s in report.similar:
        line = f"• {_similar_title(s)} (`{slack_text(s.id)}`, similarity {s.score:.2f})"
        for sq in shared_quotes_in_order(s.shared_quotes)[:SHARED_QUOTES_SHOWN]:
            line += (f"\n   same quote “{slack_text(shorten(sq.text, 140))}” — here "
                     f"{slack_text(sq.here or '?')}, there {slack_text(sq.there or '?')}")
            line += f" · _{ANOTHER_SPEAKER_NOTE}_" if sq.another_speaker is True else ""
        if len(s.shared_quotes) > SHARED_QUOTES_SHOWN:
            line += f"\n   … and {len(s.shared_quotes) - SHARED_QUOTES_SHOWN} more shared quotes"
        lines.append(line)
    return _sections(f"Similar articles ({len(report.similar)})", lines, budget.items, budget.sections,
                     budget.more_hint)


def _similar_title(s: Similar) -> str:
    """The title as a link to the article; a URL that cannot be a safe link follows it as text."""
    title = slack_text(shorten(s.title or s.id, 150))
    if not s.url:
        return f"*{title}*"
    return slack_link(s.url, title) or f"*{title}* {slack_code(shorten(s.url, URL_LABEL_WIDTH))}"


_SECTIONS: dict[Section, Callable[[Report, _Budget], list[Block]]] = {
    "fact_checks": _fact_checks, "signals": _signals, "quotes": _quotes, "sources": _sources,
    "dates": _dates, "similar": _similar,
}


def _history(report: Report) -> str:
    h = report.history
    assert h is not None
    times = "once" if h.times_checked == 1 else f"{h.times_checked:,} times"
    by = f" by {_who(h.first_checked_by)}" if h.first_checked_by else ""
    item = slack_escape(h.item)
    lines = [f"*Checked before*: {times}; first{by} on {_when(h.first_checked_at)} (`{item}`)"]
    if h.text_changed_since:
        lines += [text_changed_line(_when(h.text_changed_since)), *quotes_changed_lines(h, slack_text)]
    return "\n".join(lines)


def _when(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return slack_escape(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _who(label: str) -> str:
    """A Slack requester label ('slack:T024/U12AB') becomes a mention; others stay as written."""
    platform, _, rest = label.partition(":")
    _team, _, user = rest.partition("/")
    if platform == "slack" and user.isalnum():
        return f"<@{user}>"
    return slack_text(label)


def _sections(title: str, lines: Sequence[str], limit: int | None, max_sections: int,
              more_hint: str) -> list[Block]:
    """Pack lines into at most `max_sections` sections of SLACK_SECTION_CHARS; count what is left out."""
    shown = list(lines if limit is None else lines[:limit])
    hidden = len(lines) - len(shown)
    room = _ROOM
    texts: list[str] = []
    current = f"*{title}*"
    for i, line in enumerate(shown):
        line = truncate(line, room - len(f"*{title}*") - 1)
        if len(current) + 1 + len(line) <= room:
            current += "\n" + line
        elif len(texts) + 1 < max_sections:
            texts.append(current)
            current = line
        else:
            hidden += len(shown) - i
            break
    if hidden:
        current += f"\n… and {hidden:,} more{more_hint}"
    texts.append(current)
    return [_section(t) for t in texts]


def _fit(blocks: list[Block], max_blocks: int) -> list[Block]:
    """The last guard: cut the tail and say so (the budgets above should make this rare)."""
    if len(blocks) <= max_blocks:
        return blocks
    kept = blocks[: max_blocks - 1]
    return [*kept, _context([f"… and {len(blocks) - len(kept)} more blocks not shown"])]


def _fallback(report: Report, checker: str | None, report_url: str | None = None) -> str:
    lead = f"deskcheck report for <@{checker}>\n" if checker else "deskcheck report\n"
    return truncate(lead + slack_escape(render_text(report, report_url=report_url)), SLACK_TEXT_CHARS)


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SLACK_SECTION_CHARS)}}


def _context(texts: list[str]) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(t, SLACK_CONTEXT_CHARS)}
                                            for t in texts[:SLACK_CONTEXT_ELEMENTS]]}


def _plain(text: str, limit: int) -> Block:
    return {"type": "plain_text", "text": shorten(text, limit) or "-", "emoji": True}
