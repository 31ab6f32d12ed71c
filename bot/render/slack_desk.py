"""The desk's controls on a Slack report: the status line, the status choice, "Assign to me",
"Add note" (a modal) and the "Full report" button (a link to the report page when there is one).

Pure functions, like the rest of bot/render. A control carries the item it acts on in its
`block_id` (`deskcheck_desk/item:42`) and nothing else: bot/slack/desk.py reads the item from
there and looks it up in the acting team's workspace only.
"""

from __future__ import annotations

import re

from checks import Report

from ._common import (
    DESK_STATUS_LABELS,
    DESK_STATUSES,
    SLACK_BUTTON_VALUE_LIMIT,
    SLACK_MODAL_TITLE_CHARS,
    SLACK_SECTION_CHARS,
    Block,
    desk_person,
    link_url,
    shorten,
    slack_escape,
    slack_text,
    status_line,
    status_note,
    truncate,
)

__all__ = ["ASSIGN_ACTION", "DESK_BLOCK", "FULL_REPORT_ACTION", "NOTE_ACTION", "NOTE_BLOCK", "NOTE_INPUT",
           "NOTE_MAX_CHARS", "NOTE_STATUS_BLOCK", "NOTE_STATUS_INPUT", "NOTE_VIEW", "REPORT_PAGE_ACTION",
           "STATUS_ACTION", "desk_controls", "desk_item", "full_report_button", "render_note_view",
           "slack_person", "slack_status_block"]

FULL_REPORT_ACTION = "deskcheck_full_report"  # the button that opens the full report in a modal
REPORT_PAGE_ACTION = "deskcheck_report_page"  # the same button as a link to the report page
STATUS_ACTION = "deskcheck_status"
ASSIGN_ACTION = "deskcheck_assign_me"
NOTE_ACTION = "deskcheck_add_note"
NOTE_VIEW = "deskcheck_note"
NOTE_BLOCK, NOTE_INPUT = "deskcheck_note_text", "text"
NOTE_STATUS_BLOCK, NOTE_STATUS_INPUT = "deskcheck_note_status", "status"
DESK_BLOCK = "deskcheck_desk"
# storage.NOTE_MAX: Slack stops the typing there, so nothing is cut on saving.
NOTE_MAX_CHARS = 2000
BUTTON_TEXT_CHARS = 75  # Slack's limit on a button's label
SLACK_BUTTON_URL_CHARS = 3000
SLACK_PRIVATE_METADATA_CHARS = 3000
_MODAL_CONTEXT_WIDTH = 150
_ITEM = re.compile(r"item:([0-9]{1,10})")
_SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,20}")


def desk_item(report: Report) -> str | None:
    """'item:42' when the report is an item of the history the desk can act on, else None."""
    item = report.history.item if report.history else None
    return item if item and _ITEM.fullmatch(item) else None


def slack_person(label: str) -> str:
    """A Slack requester ('slack:T024/U12AB') as a mention `<@U12AB>`; anyone else by name, escaped.
    The report message is only ever edited with these, and Slack does not notify for an edit."""
    platform, _, rest = label.partition(":")
    user = rest.rpartition("/")[2]
    if platform == "slack" and _SLACK_USER.fullmatch(user):
        return f"<@{user}>"
    return slack_escape(desk_person(label))


def slack_status_block(report: Report) -> Block | None:
    """The status line under the header: '*Disputed* by <@U…> · 2 notes · assigned to <@U…>'
    and the note given with the status, quoted. None while there is nothing to say."""
    line = status_line(report, slack_person, slack_escape)
    if line is None:
        return None
    text = _bold_status(line)
    note = status_note(report, slack_text)
    if note:
        text += f"\n> {note}"
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SLACK_SECTION_CHARS)}}


def _bold_status(line: str) -> str:
    """The status label in bold, however many words it has ('In progress by …')."""
    for label in sorted(DESK_STATUS_LABELS.values(), key=len, reverse=True):
        if line.startswith(label):
            return f"*{label}*{line[len(label):]}"
    return line


def desk_controls(report: Report) -> Block | None:
    """The status choice, "Assign to me" and "Add note", for an item of the history."""
    item = desk_item(report)
    if item is None:
        return None
    assert report.history is not None
    current = report.history.status.value if report.history.status else "open"
    select: Block = {"type": "static_select", "action_id": STATUS_ACTION,
                     "placeholder": _plain("Set status", BUTTON_TEXT_CHARS), "options": _status_options()}
    if current in DESK_STATUSES:
        select["initial_option"] = _option(current)
    return {"type": "actions", "block_id": f"{DESK_BLOCK}/{item}", "elements": [
        select,
        {"type": "button", "action_id": ASSIGN_ACTION, "text": _plain("Assign to me", BUTTON_TEXT_CHARS),
         "value": "me"},
        {"type": "button", "action_id": NOTE_ACTION, "text": _plain("Add note", BUTTON_TEXT_CHARS),
         "value": "note"},
    ]}


def full_report_button(report_key: str | None, report_url: str | None) -> Block | None:
    """"Full report": a link to the report page when there is one, else the button for the modal."""
    page = link_url(report_url)
    if page is not None and len(page) <= SLACK_BUTTON_URL_CHARS:
        target = {"action_id": REPORT_PAGE_ACTION, "url": page}
    elif report_key:
        target = {"action_id": FULL_REPORT_ACTION, "value": report_key[:SLACK_BUTTON_VALUE_LIMIT]}
    else:
        return None
    label = _plain("Full report", BUTTON_TEXT_CHARS)
    return {"type": "actions", "elements": [{"type": "button", **target, "text": label}]}


def render_note_view(report: Report, item: str, private_metadata: str) -> Block:
    """The "Add note" modal: a multiline note and, optionally, a new status given with it.

    `private_metadata` (where the report message is) comes back with the submission."""
    title = slack_text(shorten(report.article.title or "(untitled text)", _MODAL_CONTEXT_WIDTH))
    current = report.history.status.value if report.history and report.history.status else "open"
    label = DESK_STATUS_LABELS.get(current, "Open")
    return {
        "type": "modal", "callback_id": NOTE_VIEW,
        "title": _plain("Add a note", SLACK_MODAL_TITLE_CHARS),
        "submit": _plain("Save", SLACK_MODAL_TITLE_CHARS), "close": _plain("Cancel", SLACK_MODAL_TITLE_CHARS),
        "private_metadata": private_metadata[:SLACK_PRIVATE_METADATA_CHARS],
        "blocks": [
            {"type": "context", "elements": [{"type": "mrkdwn", "text": f"`{item}` · {title}"}]},
            {"type": "input", "block_id": NOTE_BLOCK, "label": _plain("Note", BUTTON_TEXT_CHARS),
             "element": {"type": "plain_text_input", "action_id": NOTE_INPUT, "multiline": True,
                         "max_length": NOTE_MAX_CHARS}},
            {"type": "input", "block_id": NOTE_STATUS_BLOCK, "optional": True,
             "label": _plain("Change the status", BUTTON_TEXT_CHARS),
             "element": {"type": "static_select", "action_id": NOTE_STATUS_INPUT,
                         "placeholder": _plain(f"Keep {label}", BUTTON_TEXT_CHARS),
                         "options": _status_options()}},
        ],
    }


def _status_options() -> list[Block]:
    return [_option(status) for status in DESK_STATUSES]


def _option(status: str) -> Block:
    return {"text": _plain(DESK_STATUS_LABELS[status], BUTTON_TEXT_CHARS), "value": status}


def _plain(text: str, limit: int) -> Block:
    return {"type": "plain_text", "text": shorten(text, limit) or "-", "emoji": True}
