"""The weekly digest as text: the terminal, a Slack message (Block Kit) and a Discord message.

All three read the same outline (headline, then titled lists), so the surfaces never
disagree on a figure; each enforces its platform's limits and truncates, never fails.
Titles, quotes and names in the outline are made visible (see `_common`) as they enter it,
then each surface escapes the outline's lines for its markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._common import (
    DESK_STATUS_LABELS,
    DESK_STATUSES,
    DISCORD_CONTENT_LIMIT,
    SLACK_HEADER_CHARS,
    SLACK_SECTION_CHARS,
    Block,
    SlackMessage,
    desk_person,
    discord_link_url,
    discord_text,
    plural,
    shorten,
    slack_link,
    slack_text,
    truncate,
    visible,
)

if TYPE_CHECKING:  # bot.digest's package draws the chart with matplotlib: not needed to render text
    from ..digest.model import (
        Digest,
        FactCheckFigure,
        ItemFigure,
        RecycledQuote,
        VerdictFigure,
        Week,
        WeekTotals,
    )

__all__ = ["BY_STATUS_HEADING", "CONTESTED_HEADING", "DIGEST_FALLBACK_CHARS", "OPEN_REPEATED_HEADING",
           "PAGES_HEADING", "Part", "headline", "outline", "render_discord", "render_slack", "render_text",
           "summary"]

TITLE_WIDTH = 90
QUOTE_WIDTH = 140
CLAIM_WIDTH = 100  # a fact-checked claim: enough to recognise it, the item's title says the rest
NAME_WIDTH = 60  # a rating or a publisher's name
# The digest's notification text: far under Slack's limit, since the blocks carry the digest.
DIGEST_FALLBACK_CHARS = 3000
NOTE_WIDTH = 140  # the latest note on a false or disputed item: its gist, the page has the rest
STATUS_TITLE_WIDTH = 60  # a title in a status's list of items, several to a line
STATUS_ITEMS_SHOWN = 5  # items named per status; the count says how many there are
CONTESTED_HEADING = "False or disputed, with the latest note"
BY_STATUS_HEADING = "The week's items by status"
OPEN_REPEATED_HEADING = "Still open, checked more than once"
PAGES_HEADING = "Report pages"


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


def _status_label(status: str) -> str:
    return DESK_STATUS_LABELS.get(status) or visible(status)


def _contested(v: VerdictFigure) -> str:
    title = shorten(v.title or "(untitled text)", TITLE_WIDTH)
    if not v.note or not v.note.strip():
        return f"{_status_label(v.status)}  {title} ({v.item}) — no note yet"
    by = f" — {desk_person(v.note_by)}" if v.note_by else ""
    return f"{_status_label(v.status)}  {title} ({v.item}) — “{shorten(v.note, NOTE_WIDTH)}”{by}"


def _by_status(verdicts: tuple[VerdictFigure, ...]) -> tuple[str, ...]:
    """The counts on one line, then each status's items, in the desk's order of statuses."""
    groups = {s: [v for v in verdicts if v.status == s] for s in DESK_STATUSES}
    groups |= {v.status: [w for w in verdicts if w.status == v.status]
               for v in verdicts if v.status not in groups}  # a status this build does not know
    lines = [" · ".join(f"{len(vs)} {_status_label(s).lower()}" for s, vs in groups.items() if vs)]
    for status, group in groups.items():
        if not group:
            continue
        shown = [f"{shorten(v.title or '(untitled text)', STATUS_TITLE_WIDTH)} ({v.item})"
                 for v in group[:STATUS_ITEMS_SHOWN]]
        more = len(group) - len(shown)
        tail = f"; … and {more} more" if more else ""
        lines.append(f"{_status_label(status)}: " + "; ".join(shown) + tail)
    return tuple(lines)


def _verdict_parts(d: Digest) -> list[Part]:
    """The desk's verdicts: what it holds false or disputed, every status's items, and what it
    keeps checking without ruling; nothing when the desk gave none of the week's items a verdict."""
    if not d.verdicts:
        return []
    repeated = d.open_repeated[:STATUS_ITEMS_SHOWN]
    return [Part(CONTESTED_HEADING, tuple(map(_contested, d.contested))),
            Part(BY_STATUS_HEADING, _by_status(d.verdicts)),
            Part(OPEN_REPEATED_HEADING, tuple(_repeated(v) for v in repeated))]


def _repeated(v: VerdictFigure) -> str:
    return f"{v.checks}×  {shorten(v.title or '(untitled text)', TITLE_WIDTH)} ({v.item})"


def outline(d: Digest) -> list[Part]:
    """The digest's content, surface-neutral; a week with nothing checked lists only the verdicts
    the desk gave in it."""
    if d.empty:
        return [p for p in _verdict_parts(d) if p.lines]
    parts = [
        # first, as on every report: a published verdict on a claim the desk's story repeats
        Part("Matched a published fact-check", tuple(map(_fact_checked, d.fact_checked))),
        # then the desk's own verdicts
        *_verdict_parts(d),
        Part("Checked more than once", tuple(_item(f, f"{f.checks}×") for f in d.most_checked
                                             if f.checks > 1)),
        Part("Most warnings", tuple(_item(f, _count(f.warnings, "warning")) for f in d.most_warnings)),
        Part("Recycled quotes (in more than one item)", tuple(_recycled(r) for r in d.recycled)),
        Part("Sources cited most", tuple(f"{visible(s.name)} — {_count(s.items, 'item')}, "
                                         f"{_count(s.quotes, 'statement')}" for s in d.top_sources)),
    ]
    return [p for p in parts if p.lines]


def _linked(line: str, d: Digest, link: Callable[[str, str], str | None]) -> str:
    """`line` (escaped for its surface) with each '(item:N)' it names made a link to the item's
    report page; `link(url, label)` is the surface's link, None when the URL cannot be one."""
    for label, url in d.pages:
        mark = f"({label})"
        if mark in line:
            line = line.replace(mark, f"({link(url, label) or label})")
    return line


def render_text(d: Digest) -> str:
    """The terminal's digest; the report pages, when there are any, listed at its end."""
    lines = [headline(d), *summary(d)]
    for part in outline(d):
        lines += ["", part.title.upper(), *(f"  {line}" for line in part.lines)]
    if d.pages:
        lines += ["", PAGES_HEADING.upper(), *(f"  {label}  {visible(url)}" for label, url in d.pages)]
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
        body = "\n".join(f"• {_linked(slack_text(line), d, slack_link)}" for line in part.lines)
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
        lines += ["", f"**{part.title}**", *(f"- {_linked(discord_text(line), d, _discord_link)}"
                                             for line in part.lines)]
    return truncate("\n".join(lines), DISCORD_CONTENT_LIMIT, at_line=True)


def _discord_link(url: str, label: str) -> str | None:
    """A masked link; the angle brackets keep Discord from adding a preview card."""
    target = discord_link_url(url)
    return f"[{label}](<{target}>)" if target else None
