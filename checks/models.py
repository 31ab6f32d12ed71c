"""The verification report: frozen dataclasses, serialised to the report contract (docs/report.md).

Every field here is read by someone else (the renderers, the storage, scorers of `--json`), so
fields may be added but never renamed without bumping SCHEMA.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "DESK_STATUSES",
    "DESK_STATUS_LABELS",
    "SCHEMA",
    "AnonymousSource",
    "Article",
    "ClaimSentence",
    "DateMention",
    "FactCheck",
    "History",
    "HistoryStatus",
    "InputInfo",
    "NamedSource",
    "Quote",
    "Report",
    "SharedQuote",
    "Signal",
    "Similar",
    "Sources",
]

SCHEMA = "deskcheck.report/1"

SpeakerKind = Literal["named", "anonymous", "organization", "unresolved"]
# How the speaker was found, strongest first (issue 14; read by checks/quotes/confidence.py):
# a name as the subject of the quote's own cue, a name near it, a pronoun whose gender agrees,
# a pronoun of unknown gender, a speaker carried over, a line signing it (`– Ali***`), a description,
# an organisation.
SpeakerEvidence = Literal["name_at_cue", "name_nearby", "pronoun_agree", "pronoun", "carried", "signature",
                          "description", "organization", "epithet"]
DateKind = Literal["absolute", "partial", "relative"]
Severity = Literal["info", "warn"]


@dataclass(frozen=True)
class InputInfo:
    kind: Literal["text", "url", "file"] = "text"
    url: str | None = None
    sha256: str = ""


@dataclass(frozen=True)
class Article:
    title: str | None = None
    site: str | None = None
    author: str | None = None
    published: dt.date | None = None
    words: int = 0
    # The day the page's metadata says it was last modified, when after `published`: the text read
    # is the updated one, so it may speak of that day ("posted Tuesday" on a Monday story updated Tuesday).
    updated: dt.date | None = None
    canonical_url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Quote:
    """A direct quotation: `text` is the quoted words, `start`/`end` their offsets."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_kind: SpeakerKind = "unresolved"
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    partial: bool = False
    # True when the speaker came from a pronoun or a continued paragraph, not a name
    # next to the quote: the verifier should confirm it.
    speaker_guessed: bool = False
    # Internal, not in the report contract: how the speaker was found (None: no speaker).
    speaker_evidence: SpeakerEvidence | None = None
    # The calibrated probability that `speaker` is right (checks/quotes/confidence.py), two
    # decimals; None when there is no speaker.
    speaker_confidence: float | None = None


@dataclass(frozen=True)
class NamedSource:
    name: str
    kind: Literal["person", "organization"] = "person"
    role: str | None = None
    quotes: int = 0
    mentions: int = 0
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class AnonymousSource:
    text: str
    start: int
    end: int
    quotes: int = 0  # direct quotes under this description or a later back-reference to it


@dataclass(frozen=True)
class Sources:
    named: tuple[NamedSource, ...] = ()
    anonymous: tuple[AnonymousSource, ...] = ()


@dataclass(frozen=True)
class DateMention:
    """A temporal expression; `value` follows TimeML TIMEX3 (ISO 8601 at its own granularity)."""

    text: str
    value: str | None
    kind: DateKind
    start: int
    end: int


@dataclass(frozen=True)
class SharedQuote:
    text: str
    here: str | None = None
    there: str | None = None
    similarity: float = 1.0
    # True: both sides name their speakers and they are different people; False: the same
    # person ("Carney", "Mark J. Carney"); None: either side names nobody (checks.people).
    another_speaker: bool | None = None


@dataclass(frozen=True)
class Similar:
    id: str
    title: str | None
    score: float
    shared_quotes: tuple[SharedQuote, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class ClaimSentence:
    """A sentence of the story matched against fact-checks; offsets are null for a headline that
    came from the page's metadata and is not in the checked text."""

    text: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class FactCheck:
    """A published ClaimReview verdict that matches a sentence of the story."""

    claim: str
    rating: str
    publisher: str | None
    url: str
    date: str | None  # the review's date, ISO 8601
    score: float  # the calibrated probability that the review checks this sentence's claim
    sentence: ClaimSentence


@dataclass(frozen=True)
class Signal:
    code: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    # Every passage the signal is tied to when there are several (the same date phrase read two
    # ways); `start`/`end` is the first of them. Empty for a signal about one passage.
    spans: tuple[tuple[int, int], ...] = ()


# The desk's statuses (HistoryStatus.value) and how every surface names them; storage keeps only these.
DESK_STATUSES: tuple[str, ...] = ("open", "in_progress", "verified", "disputed", "false", "unverifiable")
DESK_STATUS_LABELS: dict[str, str] = {
    "open": "Open", "in_progress": "In progress", "verified": "Verified", "disputed": "Disputed",
    "false": "False", "unverifiable": "Unverifiable",
}


@dataclass(frozen=True)
class HistoryStatus:
    """The desk's verdict on an item: the latest status change, by whom and when (UTC, ISO 8601)."""

    value: str  # open, in_progress, verified, disputed, false, unverifiable
    by: str | None = None
    at: str | None = None
    note: str | None = None  # the note given with that change, if any


@dataclass(frozen=True)
class History:
    item: str
    times_checked: int
    first_checked_at: str
    first_checked_by: str | None = None
    # Set only when this check found the article's text changed (a publisher's edit, a
    # correction): when the earlier version was last checked, UTC like first_checked_at.
    # The item now holds the new version; the earlier text is not kept.
    text_changed_since: str | None = None
    # With text_changed_since: the earlier version's quotes the new one no longer has (in the
    # earlier order), and the new version's quotes the earlier one did not have.
    quotes_removed: tuple[str, ...] = ()
    quotes_added: tuple[str, ...] = ()
    # The desk's verdict (storage/desk.py): None until someone sets a status; it stays with the
    # item, so every later check of it shows the same.
    status: HistoryStatus | None = None
    assignee: str | None = None
    notes: int = 0
    # The item's latest note and who wrote it, whether it came alone or with a status change:
    # what a later check shows under the status line. None while the item has no note.
    latest_note: str | None = None
    latest_note_by: str | None = None


@dataclass(frozen=True)
class Report:
    input: InputInfo = field(default_factory=InputInfo)
    article: Article = field(default_factory=Article)
    quotes: tuple[Quote, ...] = ()
    sources: Sources = field(default_factory=Sources)
    dates: tuple[DateMention, ...] = ()
    # "now", "recently", "in the future" (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF): kept out of
    # `dates`, the days the story rests on, and listed here for tools that score TimeML.
    vague_dates: tuple[DateMention, ...] = ()
    similar: tuple[Similar, ...] = ()
    fact_checks: tuple[FactCheck, ...] = ()
    signals: tuple[Signal, ...] = ()
    history: History | None = None
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        assert isinstance(out, dict)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from its JSON form (a stored report, a --json output)."""
        built = _build(cls, data)
        assert isinstance(built, Report)
        return built


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@functools.cache
def _field_shapes(tp: type) -> dict[str, object]:
    """A dataclass's fields and their resolved types, once per class: resolving the string
    annotations (get_type_hints) costs more than building the instance."""
    hints = typing.get_type_hints(tp)
    return {f.name: hints[f.name] for f in dataclasses.fields(tp)}


def _build(tp: object, data: object) -> object:
    """Inverse of _plain, driven by the dataclasses' type hints; unknown keys are ignored."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(options[0], data)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)  # type: ignore[attr-defined]
        return tuple(data)  # type: ignore[arg-type]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        shapes = _field_shapes(tp)
        assert isinstance(data, dict)
        return tp(**{k: _build(shapes[k], v) for k, v in data.items() if k in shapes})
    if tp is dt.date and isinstance(data, str):
        return dt.date.fromisoformat(data)
    return data
