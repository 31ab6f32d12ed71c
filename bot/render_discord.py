"""The report as a Discord message: short content plus embeds, inside Discord's limits.

Pure: a Report in, a DiscordReply (plain JSON-shaped dicts) out. The adapter turns the
dicts into discord.Embed objects; the golden files in tests/golden/ pin the shape.
Every limit is a named constant, and anything too long is cut with "… and N more",
never refused: a 200-quote article still gets an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from checks.models import History, Report, Similar

from .display import discord_code, discord_link_url, discord_text, escape_mentions, link_url, visible
from .render_text import quotes_changed_lines, shorten, speaker_label, text_changed_line

__all__ = [
    "CONTENT_LIMIT",
    "DESCRIPTION_LIMIT",
    "EMBEDS_TOTAL_LIMIT",
    "FIELD_NAME_LIMIT",
    "FIELD_VALUE_LIMIT",
    "FOOTER_LIMIT",
    "MAX_EMBEDS",
    "MAX_FIELDS",
    "TITLE_LIMIT",
    "DiscordReply",
    "discord_size",
    "embeds_size",
    "escape_mentions",
    "fit_lines",
    "render_discord",
]

# Discord's published limits for one message.
CONTENT_LIMIT = 2000
EMBEDS_TOTAL_LIMIT = 6000  # titles, descriptions, field names/values, footers of all embeds together
MAX_EMBEDS = 10
MAX_FIELDS = 25
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048

QUOTE_WIDTH = 280  # one quote never eats a whole embed
URL_TEXT_WIDTH = 200  # a URL that cannot be a link, shown as text
WARN_COLOUR = 0xD9822B
PLAIN_COLOUR = 0x4A6785
SECTION_WEIGHT = {"quote": 3}  # share of a crowded message, against 1 for every other section
FOOTER = "deskcheck lays out evidence for a verifier; it does not rule on truth."

_DISCORD_USER = re.compile(r"discord:[^/]+/([0-9]{15,21})")  # Requester.label of a Discord user


@dataclass(frozen=True)
class DiscordReply:
    content: str
    embeds: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"content": self.content, "embeds": list(self.embeds)}


def discord_size(text: str) -> int:
    """Length as Discord's JavaScript counts it (UTF-16 units), never less than len()."""
    return len(text.encode("utf-16-le")) // 2


def _safe(text: str) -> str:
    """Article text shown inside markdown: no pings, no accidental bold, links or channels."""
    return discord_text(text)


def _clip(text: str, limit: int) -> str:
    if discord_size(text) <= limit:
        return text
    if limit <= 1:
        return ""
    cut = text[: limit - 1]
    while discord_size(cut) > limit - 1:  # astral characters count twice
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _plural(n: int, noun: str) -> str:
    return noun if n == 1 else noun + "s"


def fit_lines(lines: list[str], limit: int, noun: str) -> str:
    """As many whole lines as fit in `limit`, then '… and N more <noun>s'."""
    whole = "\n".join(lines)
    if discord_size(whole) <= limit:
        return whole
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        left = len(lines) - i - 1
        tail = discord_size(f"\n… and {left} more {_plural(left, noun)}") if left else 0
        cost = discord_size(line) + (1 if out else 0)
        if used + cost + tail > limit:
            break
        out.append(line)
        used += cost
    more = len(lines) - len(out)
    if more:
        out.append(f"… and {more} more {_plural(more, noun)}")
    return _clip("\n".join(out), limit)


def _share(needs: list[int], weights: list[int], budget: int) -> list[int]:
    """Split the character budget: small sections get all they need, big ones share the rest
    by weight (quotes weigh most: they are what a verifier reads first)."""
    shares = [0] * len(needs)
    order = sorted(range(len(needs)), key=lambda i: needs[i] / weights[i])
    left = sum(weights)
    for i in order:
        fair = max(0, budget) * weights[i] // left
        shares[i] = min(needs[i], fair, DESCRIPTION_LIMIT)
        budget -= shares[i]
        left -= weights[i]
    return shares


def _signal_lines(report: Report) -> list[str]:
    marks = {"warn": "⚠️", "info": "•"}
    return [f"{marks.get(s.severity, '•')} {_safe(shorten(s.message, QUOTE_WIDTH))}" for s in report.signals]


def _quote_lines(report: Report) -> list[str]:
    lines = []
    for q in report.quotes:
        cue = f", {_safe(q.cue)}" if q.cue else ""
        partial = " (partial quote)" if q.partial else ""
        lines.append(f"“{_safe(shorten(q.text, QUOTE_WIDTH))}” — **{_safe(speaker_label(q))}**{cue}{partial}")
    return lines


def _source_lines(report: Report) -> list[str]:
    lines = []
    for s in report.sources.named:
        role = f", {_safe(shorten(s.role, 120))}" if s.role else ""
        lines.append(f"**{_safe(s.name)}**{role} ({s.quotes} {_plural(s.quotes, 'quote')}, "
                     f"{s.mentions} {_plural(s.mentions, 'mention')})")
    lines += [f"anonymous: {_safe(shorten(a.text, QUOTE_WIDTH))}" for a in report.sources.anonymous]
    return lines


def _date_lines(report: Report) -> list[str]:
    return [f"{_safe(d.text)} → `{visible(d.value or 'unanchored')}` ({d.kind})" for d in report.dates]


def _similar_item(s: Similar) -> str:
    title = _safe(shorten(s.title, 120)) if s.title else "(untitled)"
    target = discord_link_url(s.url)
    if target:
        head = f"**{s.score:.2f}** [{title}]({target})"
    elif s.url:  # cannot be a safe link: shown as text
        head = f"**{s.score:.2f}** {title} {discord_code(shorten(s.url, URL_TEXT_WIDTH))}"
    else:
        head = f"**{s.score:.2f}** {title}"
    lines = [f"{head} `{s.id}`"]
    shown = s.shared_quotes[:3]
    for sq in shown:
        lines.append(f"↳ same quote: “{_safe(shorten(sq.text, 140))}” — here {_safe(sq.here or '?')}, "
                     f"there {_safe(sq.there or '?')}")
    if len(s.shared_quotes) > len(shown):
        lines.append(f"↳ … and {len(s.shared_quotes) - len(shown)} more shared quotes")
    return "\n".join(lines)


def _checker(label: str) -> str:
    """A Discord user as a mention (shown as their name; embeds never ping), anyone else as text."""
    found = _DISCORD_USER.fullmatch(label)
    return f"<@{found.group(1)}>" if found else _safe(label)


def _summary_fields(report: Report) -> list[dict[str, Any]]:
    a = report.article
    facts = [("Site", a.site), ("Author", a.author),
             ("Published", a.published.isoformat() if a.published else None), ("Words", f"{a.words:,}")]
    fields = [{"name": name, "value": _clip(_safe(value), FIELD_VALUE_LIMIT), "inline": True}
              for name, value in facts if value]
    if report.input.url and not link_url(report.input.url):  # not the title's link: shown as text
        fields.append({"name": "Link", "value": discord_code(shorten(report.input.url, URL_TEXT_WIDTH)),
                       "inline": False})
    if report.history is not None:
        fields.append({"name": "Checked before", "value": _history_value(report.history), "inline": False})
    return fields[:MAX_FIELDS]


def _history_value(h: History) -> str:
    times = "once" if h.times_checked == 1 else f"{h.times_checked} times"
    by = f" by {_checker(h.first_checked_by)}" if h.first_checked_by else ""
    value = f"Checked {times}; first{by} at {h.first_checked_at} (`{h.item}`)"
    if not h.text_changed_since:
        return _clip(value, FIELD_VALUE_LIMIT)
    # the edit is cut last: an over-long requester label must not hide it; within the edit the
    # changed line comes first, so only the list of quotes can lose its end
    changed = "\n".join([_clip(text_changed_line(h.text_changed_since), FIELD_VALUE_LIMIT // 2),
                         *quotes_changed_lines(h, _safe)])
    changed = _clip(changed, FIELD_VALUE_LIMIT * 3 // 4)
    return _clip(value, FIELD_VALUE_LIMIT - discord_size(changed) - 1) + "\n" + changed


def _sections(report: Report) -> list[tuple[str, list[str], str]]:
    """(embed title, lines, noun) for each part of the report after the summary."""
    named, anonymous = len(report.sources.named), len(report.sources.anonymous)
    sections = [
        (f"Quotes ({len(report.quotes)})", _quote_lines(report) or ["none found"], "quote"),
        (f"Sources ({named} named, {anonymous} anonymous)", _source_lines(report) or ["none found"],
         "source"),
        (f"Dates ({len(report.dates)})", _date_lines(report) or ["none found"], "date"),
    ]
    if report.similar:
        sections.append((f"Similar articles ({len(report.similar)})",
                         [_similar_item(s) for s in report.similar], "article"))
    return sections[: MAX_EMBEDS - 1]


def embeds_size(embeds: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> int:
    """The characters Discord counts against EMBEDS_TOTAL_LIMIT."""
    total = 0
    for e in embeds:
        total += discord_size(e.get("title", "")) + discord_size(e.get("description", ""))
        total += discord_size(e.get("footer", {}).get("text", ""))
        total += sum(discord_size(f["name"]) + discord_size(f["value"]) for f in e.get("fields", []))
    return total


def _embeds(report: Report) -> tuple[dict[str, Any], ...]:
    warned = any(s.severity == "warn" for s in report.signals)
    summary: dict[str, Any] = {
        # Discord renders markdown in embed titles too: escaped like every other article text
        "title": _clip(_safe(report.article.title or "(untitled text)"), TITLE_LIMIT),
        "color": WARN_COLOUR if warned else PLAIN_COLOUR,
        "fields": _summary_fields(report),
        "footer": {"text": _clip(FOOTER, FOOTER_LIMIT)},
    }
    if link_url(report.input.url):
        summary["url"] = report.input.url
    sections = _sections(report)
    embeds = [summary] + [{"title": _clip(title, TITLE_LIMIT), "color": PLAIN_COLOUR}
                          for title, _lines, _noun in sections]
    bodies = [("Signals", ["**Signals**", *(_signal_lines(report) or ["none"])], "signal"), *sections]
    # Budget what is left after titles, fields and footer; one separator per line is in `needs`.
    budget = EMBEDS_TOTAL_LIMIT - embeds_size(embeds)
    needs = [discord_size("\n".join(lines)) for _title, lines, _noun in bodies]
    weights = [SECTION_WEIGHT.get(noun, 1) for _title, _lines, noun in bodies]
    for embed, share, (_title, lines, noun) in zip(embeds, _share(needs, weights, budget), bodies,
                                                   strict=True):
        embed["description"] = fit_lines(lines, share, noun)
    return tuple(e for e in embeds if e.get("description") or e.get("fields"))


def _content(report: Report, notice: str | None) -> str:
    warns = sum(1 for s in report.signals if s.severity == "warn")
    title = _safe(shorten(report.article.title or "untitled text", 200))
    n_q, n_named = len(report.quotes), len(report.sources.named)
    n_anon = len(report.sources.anonymous)
    line = (f"**Verification summary** for {title}: {n_q} {_plural(n_q, 'quote')}, "
            f"{n_named} named and {n_anon} anonymous {_plural(n_named + n_anon, 'source')}, "
            f"{warns} {_plural(warns, 'warning')}.")
    if notice:
        line += f"\nNote: {_safe(notice)}"
    return _clip(line, CONTENT_LIMIT)


def render_discord(report: Report, notice: str | None = None) -> DiscordReply:
    return DiscordReply(content=_content(report, notice), embeds=_embeds(report))
