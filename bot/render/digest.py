"""The weekly digest as text: the terminal, a Slack message (Block Kit) and a Discord message.

All three read the same outline (headline, then titled lists), so the surfaces never
disagree on a figure; each enforces its platform's limits and truncates, never fails.
Titles, quotes and names in the outline are made visible (see `_common`) as they enter it,
then each surface escapes the outline's lines for its markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._common import (
    DISCORD_CONTENT_LIMIT,
    SLACK_HEADER_CHARS,
    SLACK_SECTION_CHARS,
    Block,
    SlackMessage,
    discord_text,
    plural,
    shorten,
    slack_text,
    truncate,
    visible,
)

if TYPE_CHECKING:  # bot.digest's package draws the chart with matplotlib: not needed to render text
    from ..digest.model import Digest, FactCheckFigure, ItemFigure, RecycledQuote, Week, WeekTotals

__all__ = ["DIGEST_FALLBACK_CHARS", "Part", "headline", "outline", "render_discord", "render_slack",
           "render_text", "summary"]

TITLE_WIDTH = 90
QUOTE_WIDTH = 140
CLAIM_WIDTH = 100  # a fact-checked claim: enough to recognise it, the item's title says the rest
NAME_WIDTH = 60  # a rating or a publisher's name
# The digest's notification text: far under Slack's limit, since the blocks carry the digest.
DIGEST_FALLBACK_CHARS = 3000


@dataclass(frozen=True)
class Part:
    title: str
    lines: tuple[str, ...]


def _span(week: Week) -> str:
    first, last = week.monday, week.sunday
    return f"{first:%a %d %b} – {last:%a %d %b %Y}"


def _delta(now: int, before: int) -> str:
    diff = now - before
    return "no change" if diff == 0 else f"{diff:+d}"


def _share(totals: WeekTotals) -> str:
    share = totals.anonymous_share
    if share is None:
        return "no attributed statements"
    total = totals.named_statements + totals.anonymous_statements
    return f"{share:.0%} ({totals.anonymous_statements} of {total} attributed statements)"


def _share_delta(now: WeekTotals, before: WeekTotals) -> str:
    a, b = now.anonymous_share, before.anonymous_share
    if a is None or b is None:
        return ""
    points = round((a - b) * 100)
    return f", {points:+d} points" if points else ", no change"


def headline(d: Digest) -> str:
    so_far = f", so far: to {d.so_far:%a %d %b}" if d.so_far else ""
    return f"Weekly digest · {d.workspace} · {d.week.label} ({_span(d.week)}{so_far})"


def summary(d: Digest) -> tuple[str, ...]:
    t, p = d.totals, d.previous
    if d.empty:
        before = f"; the week before: {p.checks} checks" if p.checks else ""
        return (f"Nothing was checked this week{before}.",)
    return (
        f"{_count(t.checks, 'check')} of {_count(t.items, 'item')} by {_count(t.people, 'person', 'people')}",
        f"vs {d.week.previous().label}: checks {_delta(t.checks, p.checks)}, "
        f"items {_delta(t.items, p.items)}, people {_delta(t.people, p.people)}, "
        f"warnings {_delta(t.warnings, p.warnings)}",
        f"Warnings: {t.warnings} · Anonymous sourcing: {_share(t)}{_share_delta(t, p)}",
    )


def _count(n: int, noun: str, many: str | None = None) -> str:
    return f"{n} {plural(n, noun, many)}"


def _item(f: ItemFigure, figure: str) -> str:
    return f"{figure}  {shorten(f.title or '(untitled text)', TITLE_WIDTH)} ({f.item})"


def _fact_checked(f: FactCheckFigure) -> str:
    by = f" by {shorten(f.publisher, NAME_WIDTH)}" if f.publisher else ""
    return (f"{shorten(f.title or '(untitled text)', TITLE_WIDTH)} ({f.item}): "
            f"'{shorten(f.claim, CLAIM_WIDTH)}' rated {shorten(f.rating, NAME_WIDTH)}{by}")


def _recycled(r: RecycledQuote) -> str:
    who = sorted({visible(s) for s in r.speakers}) or ["no speaker found"]
    where = ", ".join([*r.items, *r.corpus])
    return f"“{shorten(r.text, QUOTE_WIDTH)}” — {' / '.join(who)} — {r.carriers} items: {where}"


def outline(d: Digest) -> list[Part]:
    """The digest's content, surface-neutral; empty weeks have no lists."""
    if d.empty:
        return []
    parts = [
        # first, as on every report: a published verdict on a claim the desk's story repeats
        Part("Matched a published fact-check", tuple(map(_fact_checked, d.fact_checked))),
        Part("Checked more than once", tuple(_item(f, f"{f.checks}×") for f in d.most_checked
                                             if f.checks > 1)),
        Part("Most warnings", tuple(_item(f, _count(f.warnings, "warning")) for f in d.most_warnings)),
        Part("Recycled quotes (in more than one item)", tuple(_recycled(r) for r in d.recycled)),
        Part("Sources cited most", tuple(f"{visible(s.name)} — {_count(s.items, 'item')}, "
                                         f"{_count(s.quotes, 'statement')}" for s in d.top_sources)),
    ]
    return [p for p in parts if p.lines]


def render_text(d: Digest) -> str:
    lines = [headline(d), *summary(d)]
    for part in outline(d):
        lines += ["", part.title.upper(), *(f"  {line}" for line in part.lines)]
    return "\n".join(lines) + "\n"


def _section(text: str) -> Block:
    text = truncate(text, SLACK_SECTION_CHARS, at_line=True)
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def render_slack(d: Digest) -> SlackMessage:
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": shorten(headline(d), SLACK_HEADER_CHARS)}},
        _section("\n".join(slack_text(s) for s in summary(d))),
    ]
    for part in outline(d):
        body = "\n".join(f"• {slack_text(line)}" for line in part.lines)
        blocks.append(_section(f"*{part.title}*\n{body}"))
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _footer(d)}]})
    fallback = truncate(render_text(d), DIGEST_FALLBACK_CHARS, at_line=True)
    return SlackMessage(text=fallback, blocks=tuple(blocks))


def _footer(d: Digest) -> str:
    return (f"deskcheck lays out what the desk checked; it never rules a story true or fake. "
            f"Days in {d.time_zone}.")


def render_discord(d: Digest) -> str:
    """One message's content (Discord markdown), cut at a line break to DISCORD_CONTENT_LIMIT UTF-16
    units, as Discord counts: an emoji is two of them."""
    lines = [f"**{discord_text(headline(d))}**", *(discord_text(s) for s in summary(d))]
    for part in outline(d):
        lines += ["", f"**{part.title}**", *(f"- {discord_text(line)}" for line in part.lines)]
    return truncate("\n".join(lines), DISCORD_CONTENT_LIMIT, at_line=True)
