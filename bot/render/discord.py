"""The report as a Discord message: short content plus embeds, inside Discord's limits.

Pure: a Report in, a DiscordReply (plain JSON-shaped dicts) out. The adapter turns the
dicts into discord.Embed objects; the golden files in tests/golden/ pin the shape.
Every limit is a named constant, and anything too long is cut with "… and N more",
never refused: a 200-quote article still gets an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from checks import FactCheck, History, Report, Similar

from ._common import (
    ANOTHER_SPEAKER_NOTE,
    DESK_STATUS_LABELS,
    DISCORD_CONTENT_LIMIT,
    DISCORD_DESCRIPTION_LIMIT,
    DISCORD_EMBEDS_TOTAL_LIMIT,
    DISCORD_FIELD_VALUE_LIMIT,
    DISCORD_FOOTER_LIMIT,
    DISCORD_MAX_EMBEDS,
    DISCORD_MAX_FIELDS,
    DISCORD_TITLE_LIMIT,
    SECTION_ORDER,
    DiscordReply,
    Section,
    desk_person,
    discord_code,
    discord_link_url,
    discord_text,
    link_url,
    plural,
    shared_quotes_in_order,
    shorten,
    status_line,
    status_note,
    truncate,
    utf16_len,
    visible,
)
from .text import (
    CLAIM_WIDTH,
    FACT_CHECKS_HEADING,
    fact_check_here,
    fact_check_line,
    quotes_changed_lines,
    speaker_label,
    text_changed_line,
)

__all__ = ["discord_person", "embeds_size", "fit_lines", "render_discord"]

QUOTE_WIDTH = 280  # one quote never eats a whole embed
URL_TEXT_WIDTH = 200  # a URL that cannot be a link, shown as text
SHARED_QUOTES_SHOWN = 3  # per similar article, the ones under another person's name first
WARN_COLOUR = 0xD9822B
PLAIN_COLOUR = 0x4A6785
# Share of a crowded message, against 1 for every other section: quotes are what a verifier reads
# most, and a published verdict must not lose its link to them.
SECTION_WEIGHT = {"quote": 3, "fact-check": 3}
FOOTER = "deskcheck lays out evidence for a verifier; it does not rule on truth."
FULL_REPORT = "Full report"

# A section as one embed's description: (embed title, lines, the noun "… and N more" counts). In
# the summary embed (its title is the article's) the section's title heads the lines instead.
_Body = tuple[str, list[str], str]

_DISCORD_USER = re.compile(r"discord:[^/]+/([0-9]{15,21})")  # Requester.label of a Discord user


def fit_lines(lines: list[str], limit: int, noun: str) -> str:
    """As many whole lines as fit in `limit`, then '… and N more <noun>s'."""
    whole = "\n".join(lines)
    if utf16_len(whole) <= limit:
        return whole
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        left = len(lines) - i - 1
        tail = utf16_len(f"\n… and {left} more {plural(left, noun)}") if left else 0
        cost = utf16_len(line) + (1 if out else 0)
        if used + cost + tail > limit:
            break
        out.append(line)
        used += cost
    more = len(lines) - len(out)
    if more:
        out.append(f"… and {more} more {plural(more, noun)}")
    return truncate("\n".join(out), limit)


def _share(needs: list[int], weights: list[int], budget: int) -> list[int]:
    """Split the character budget: small sections get all they need, big ones share the rest
    by weight (quotes weigh most: they are what a verifier reads first)."""
    shares = [0] * len(needs)
    order = sorted(range(len(needs)), key=lambda i: needs[i] / weights[i])
    left = sum(weights)
    for i in order:
        fair = max(0, budget) * weights[i] // left
        shares[i] = min(needs[i], fair, DISCORD_DESCRIPTION_LIMIT)
        budget -= shares[i]
        left -= weights[i]
    return shares


def _fact_checks(report: Report) -> _Body | None:
    if not report.fact_checks:
        return None  # a report without a match renders exactly as before
    return FACT_CHECKS_HEADING, [_fact_check(fc) for fc in report.fact_checks], "fact-check"


def _fact_check(fc: FactCheck) -> str:
    """The review as a safe masked link, else its URL as text; also as text when the item would
    outgrow a field, so that no fact-check takes a whole message and no cut splits a link."""
    code = discord_code(shorten(fc.url, URL_TEXT_WIDTH))
    target = discord_link_url(fc.url)
    here = f"↳ {fact_check_here(fc, discord_text)}"
    line = fact_check_line(fc, f"[fact-check]({target})" if target else code, discord_text, CLAIM_WIDTH)
    if utf16_len(line) > DISCORD_FIELD_VALUE_LIMIT:
        line = fact_check_line(fc, code, discord_text, CLAIM_WIDTH)
    return f"{line}\n{here}"


def _signals(report: Report) -> _Body:
    marks = {"warn": "⚠️", "info": "•"}
    lines = [f"{marks.get(s.severity, '•')} {discord_text(shorten(s.message, QUOTE_WIDTH))}"
             for s in report.signals]
    return "Signals", lines or ["none"], "signal"


def _quotes(report: Report) -> _Body:
    lines = []
    for q in report.quotes:
        cue = f", {discord_text(q.cue)}" if q.cue else ""
        partial = " (partial quote)" if q.partial else ""
        said = discord_text(shorten(q.text, QUOTE_WIDTH))
        lines.append(f"“{said}” — **{discord_text(speaker_label(q))}**{cue}{partial}")
    return f"Quotes ({len(report.quotes)})", lines or ["none found"], "quote"


def _sources(report: Report) -> _Body:
    lines = []
    for s in report.sources.named:
        role = f", {discord_text(shorten(s.role, 120))}" if s.role else ""
        lines.append(f"**{discord_text(s.name)}**{role} ({s.quotes} {plural(s.quotes, 'quote')}, "
                     f"{s.mentions} {plural(s.mentions, 'mention')})")
    lines += [f"anonymous: {discord_text(shorten(a.text, QUOTE_WIDTH))}" for a in report.sources.anonymous]
    named, anonymous = len(report.sources.named), len(report.sources.anonymous)
    return f"Sources ({named} named, {anonymous} anonymous)", lines or ["none found"], "source"


def _dates(report: Report) -> _Body:
    lines = [f"{discord_text(d.text)} → `{visible(d.value or 'unanchored')}` ({d.kind})"
             for d in report.dates]
    return f"Dates ({len(report.dates)})", lines or ["none found"], "date"


def _similar(report: Report) -> _Body | None:
    if not report.similar:
        return None
    return f"Similar articles ({len(report.similar)})", [_similar_item(s) for s in report.similar], "article"


_SECTIONS: dict[Section, Callable[[Report], _Body | None]] = {
    "fact_checks": _fact_checks, "signals": _signals, "quotes": _quotes, "sources": _sources,
    "dates": _dates, "similar": _similar,
}


def _bodies(report: Report) -> list[_Body]:
    """A body for each section in SECTION_ORDER (no fact-check or no similar article: none): the
    first goes in the summary embed under its title in bold, each other one in an embed of its own."""
    made = [body for body in (_SECTIONS[name](report) for name in SECTION_ORDER) if body is not None]
    (title, lines, noun), *rest = made
    return [(title, [f"**{title}**", *lines], noun), *rest][:DISCORD_MAX_EMBEDS]


def _similar_item(s: Similar) -> str:
    title = discord_text(shorten(s.title, 120)) if s.title else "(untitled)"
    target = discord_link_url(s.url)
    if target:
        head = f"**{s.score:.2f}** [{title}]({target})"
    elif s.url:  # cannot be a safe link: shown as text
        head = f"**{s.score:.2f}** {title} {discord_code(shorten(s.url, URL_TEXT_WIDTH))}"
    else:
        head = f"**{s.score:.2f}** {title}"
    lines = [f"{head} `{s.id}`"]
    shown = shared_quotes_in_order(s.shared_quotes)[:SHARED_QUOTES_SHOWN]
    for sq in shown:
        flag = f" · *{ANOTHER_SPEAKER_NOTE}*" if sq.another_speaker is True else ""
        lines.append(f"↳ same quote: “{discord_text(shorten(sq.text, 140))}” — "
                     f"here {discord_text(sq.here or '?')}, there {discord_text(sq.there or '?')}{flag}")
    if len(s.shared_quotes) > len(shown):
        lines.append(f"↳ … and {len(s.shared_quotes) - len(shown)} more shared quotes")
    return "\n".join(lines)


def _checker(label: str) -> str:
    """A Discord user as a mention (shown as their name; embeds never ping), anyone else as text."""
    found = _DISCORD_USER.fullmatch(label)
    return f"<@{found.group(1)}>" if found else discord_text(label)


def discord_person(label: str) -> str:
    """Who set a verdict or holds an item: a Discord user as a mention (a message sent with mentions
    disabled shows the name and pings nobody), anyone else by name ('@ana'), escaped."""
    found = _DISCORD_USER.fullmatch(label)
    return f"<@{found.group(1)}>" if found else discord_text(desk_person(label))


def _summary_fields(report: Report) -> list[dict[str, Any]]:
    a = report.article
    facts = [("Site", a.site), ("Author", a.author),
             ("Published", a.published.isoformat() if a.published else None), ("Words", f"{a.words:,}")]
    fields = [{"name": name, "value": truncate(discord_text(value), DISCORD_FIELD_VALUE_LIMIT),
               "inline": True}
              for name, value in facts if value]
    if report.input.url and not link_url(report.input.url):  # not the title's link: shown as text
        fields.append({"name": "Link", "value": discord_code(shorten(report.input.url, URL_TEXT_WIDTH)),
                       "inline": False})
    if report.history is not None:
        fields.append({"name": "Checked before", "value": _history_value(report.history), "inline": False})
    return fields[:DISCORD_MAX_FIELDS]


def _history_value(h: History) -> str:
    times = "once" if h.times_checked == 1 else f"{h.times_checked} times"
    by = f" by {_checker(h.first_checked_by)}" if h.first_checked_by else ""
    value = f"Checked {times}; first{by} at {h.first_checked_at} (`{h.item}`)"
    if not h.text_changed_since:
        return truncate(value, DISCORD_FIELD_VALUE_LIMIT)
    # the edit is cut last: an over-long requester label must not hide it; within the edit the
    # changed line comes first, so only the list of quotes can lose its end
    line = truncate(text_changed_line(h.text_changed_since), DISCORD_FIELD_VALUE_LIMIT // 2)
    changed = "\n".join([line,
                         *quotes_changed_lines(h, discord_text)])
    changed = truncate(changed, DISCORD_FIELD_VALUE_LIMIT * 3 // 4)
    return truncate(value, DISCORD_FIELD_VALUE_LIMIT - utf16_len(changed) - 1) + "\n" + changed


def embeds_size(embeds: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> int:
    """The characters Discord counts against DISCORD_EMBEDS_TOTAL_LIMIT."""
    total = 0
    for e in embeds:
        total += utf16_len(e.get("title", "")) + utf16_len(e.get("description", ""))
        total += utf16_len(e.get("footer", {}).get("text", ""))
        total += sum(utf16_len(f["name"]) + utf16_len(f["value"]) for f in e.get("fields", []))
    return total


def _embeds(report: Report) -> tuple[dict[str, Any], ...]:
    warned = any(s.severity == "warn" for s in report.signals)
    summary: dict[str, Any] = {
        # Discord renders markdown in embed titles too: escaped like every other article text
        "title": truncate(discord_text(report.article.title or "(untitled text)"),
                          DISCORD_TITLE_LIMIT),
        "color": WARN_COLOUR if warned else PLAIN_COLOUR,
        "fields": _summary_fields(report),
        "footer": {"text": truncate(FOOTER, DISCORD_FOOTER_LIMIT)},
    }
    if link_url(report.input.url):
        summary["url"] = report.input.url
    bodies = _bodies(report)
    embeds = [summary] + [{"title": truncate(title, DISCORD_TITLE_LIMIT), "color": PLAIN_COLOUR}
                          for title, _lines, _noun in bodies[1:]]
    # Budget what is left after titles, fields and footer; one separator per line is in `needs`.
    budget = DISCORD_EMBEDS_TOTAL_LIMIT - embeds_size(embeds)
    needs = [utf16_len("\n".join(lines)) for _title, lines, _noun in bodies]
    weights = [SECTION_WEIGHT.get(noun, 1) for _title, _lines, noun in bodies]
    for embed, share, (_title, lines, noun) in zip(embeds, _share(needs, weights, budget), bodies,
                                                   strict=True):
        embed["description"] = fit_lines(lines, share, noun)
    return tuple(e for e in embeds if e.get("description") or e.get("fields"))


def _verdict(report: Report) -> str:
    """The desk's verdict above everything: '**Disputed** by <@…> · 2 notes', its note quoted."""
    line = status_line(report, discord_person, discord_text)
    if line is None:
        return ""
    value = report.history.status.value if report.history and report.history.status else "open"
    label = discord_text(DESK_STATUS_LABELS.get(value) or visible(value))
    if line.startswith(label):
        line = f"**{label}**{line[len(label):]}"
    note = status_note(report, discord_text)
    return truncate(line + (f"\n> {note}" if note else ""), DISCORD_CONTENT_LIMIT // 2)


def _full_report(report_url: str | None) -> str:
    """The report page as a masked link; the angle brackets keep Discord from adding a preview."""
    target = discord_link_url(report_url)
    return f"[{FULL_REPORT}](<{target}>)" if target else ""


def _content(report: Report, notice: str | None, report_url: str | None = None) -> str:
    warns = sum(1 for s in report.signals if s.severity == "warn")
    title = discord_text(shorten(report.article.title or "untitled text", 200))
    n_q, n_named = len(report.quotes), len(report.sources.named)
    n_anon = len(report.sources.anonymous)
    line = (f"**Verification summary** for {title}: {n_q} {plural(n_q, 'quote')}, "
            f"{n_named} named and {n_anon} anonymous {plural(n_named + n_anon, 'source')}, "
            f"{warns} {plural(warns, 'warning')}.")
    if notice:
        line += f"\nNote: {discord_text(notice)}"
    # the verdict and the link are never the part that is cut: the summary and notice give way
    head, link = _verdict(report), _full_report(report_url)
    room = DISCORD_CONTENT_LIMIT - sum(utf16_len(part) + 1 for part in (head, link) if part)
    return "\n".join(part for part in (head, truncate(line, room), link) if part)


def render_discord(report: Report, notice: str | None = None, *,
                   report_url: str | None = None) -> DiscordReply:
    """The report as content and embeds. `report_url` (the signed report page) adds a "Full report"
    link; an item the desk gave a verdict, notes or an assignee opens with its status line."""
    return DiscordReply(content=_content(report, notice, report_url), embeds=_embeds(report))
