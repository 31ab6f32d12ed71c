"""Where the quotation marks are: a single pass over the text, one paragraph at a time.

Marks are read from their surroundings, not their glyph alone, because pasted news mixes
curly and straight marks and uses ’ both as a closing mark and as an apostrophe. State
resets at every paragraph, so one unbalanced mark never swallows the rest of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Marked", "Paragraph", "find_marked", "paragraphs"]

_DOUBLE = "\"“”„‟"
_SINGLE = "'‘’‛"
_MARKS = re.compile("[\"“”„‟'‘’‛]")
# A straight or misused mark opens a quote after these (or at the start of a paragraph).
_OPEN_AFTER = set("([{—–-/:;,")
_BULLET = re.compile(r"^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+")
_SENTENCE_END = ".?!:;…"
# `3. "The budget problem"`, `- "We were never told"` on a line of its own: a numbered or bulleted
# subhead that quotes the section below it, not a quotation in its own right. A quoted item that
# ends a sentence (`- "We will win."`) or goes on (`- "We will win," she said`) stays a quote.
_QUOTED_SUBHEAD = re.compile(r"^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+[\"“„‟]"
                             r"[^\"“”„‟\n]*[^\"“”„‟\n.?!,;:…][\"”‟]\s*$")
# A line that is one quotation of several sentences (`“Beautiful show! We recommend it at 100%”`, a
# reader's review) is someone's words, however it ends; a headline is one sentence.
_QUOTED_LINE = re.compile(r"[\"“„‟][^\"“”„‟\n]*[.?!…][ \t\u00a0]+[A-Z][^\"“”„‟\n]*[\"”‟]")
# No headline runs this long: a longer line without closing punctuation is a paragraph cut short
# (a paste that lost its last full stop, a whole article pasted as one line).
_HEADLINE_WORDS = 40
# A closing mark may touch the next word when these end the quotation (`the other side.”Editor’s note`).
_CLOSE_BEFORE_TEXT = set(".?!,")
# One to three spaces, then a word: what a stray space after an opening mark looks like.
_SPACED_WORD = re.compile(r"[ \t\u00a0]{1,3}[\w‘'…]")
# Where the publisher's own furniture starts, at a line's start or right after a sentence's end
# (`side.”Editor’s note: …`): an editor's note, a correction, a caption or photo credit, a pointer
# to another story. It is never part of a quotation and says nothing in the article's voice, so
# the rest of its line is read like a headline: no quotes, no sources.
_FURNITURE = re.compile(
    r"(?:^|(?<=[.?!…\"”’')\]]))[ \t\u00a0]*(?=(?:"
    r"(?:Editors?['’]?s?|EDITORS?['’]?S?)[ \t\u00a0]+(?:[Nn]ote|NOTE)|Related|RELATED|Read [Mm]ore|READ MORE|"
    r"See [Aa]lso|SEE ALSO|Also [Rr]ead|ALSO READ|Photo(?:graph)?|PHOTO|Caption|CAPTION|Image|"
    r"Correction|CORRECTION|Clarification|CLARIFICATION)(?:[ \t]+[Cc]redit)?[ \t]*:"
    r"|\((?:AP |Reuters |Getty |File )?(?:Photo|PHOTO)\b)", re.MULTILINE)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int
    headline: bool


@dataclass(frozen=True)
class Marked:
    """Quoted text between marks: `start`/`end` exclude the marks themselves."""

    open: int
    start: int
    end: int
    close: int | None
    paragraph: Paragraph
    runs_on: bool = False  # unclosed because the quote goes on in the next paragraph
    single: bool = False
    nested: tuple[tuple[int, int], ...] = ()


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines; a line without closing punctuation that is not a list item is a headline.

    Hard-wrapped text (an email, a terminal paste) breaks sentences across lines: a line that
    ends mid-sentence and is followed directly by a lower-case word is the same paragraph."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        if spans and _wrapped(text, spans[-1], m):
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
    found: list[Paragraph] = []
    for start, end in spans:
        furniture = _FURNITURE.search(text, start, end)
        cut = furniture.end() if furniture is not None else end
        line = text[start:cut].strip()
        if line:
            bare = line.rstrip(_DOUBLE + _SINGLE + ")] ")
            headline = bool(bare) and bare[-1] not in _SENTENCE_END and (
                not _BULLET.match(line) or _QUOTED_SUBHEAD.match(line) is not None) \
                and not _QUOTED_LINE.fullmatch(line) and len(line.split()) <= _HEADLINE_WORDS
            stop = cut if cut == end else start + len(text[start:cut].rstrip())
            found.append(Paragraph(start, stop, len(found), headline))
        if cut < end:
            found.append(Paragraph(cut, end, len(found), True))
    return found


def _wrapped(text: str, previous: tuple[int, int], line: re.Match[str]) -> bool:
    if text.count("\n", previous[1], line.start()) != 1:
        return False  # a blank line always ends a paragraph
    before, after = text[previous[0]:previous[1]].rstrip(), line.group().lstrip()
    return bool(before) and before[-1] not in _SENTENCE_END + _DOUBLE + _SINGLE and after[:1].islower()


def find_marked(text: str, paras: list[Paragraph] | None = None) -> list[Marked]:
    paras = paragraphs(text) if paras is None else paras
    out: list[Marked] = []
    for n, para in enumerate(paras):
        following = paras[n + 1] if n + 1 < len(paras) else None
        out.extend(_scan(text, para, following))
    return out


def _around(text: str, i: int, para: Paragraph) -> tuple[str, str]:
    prev = text[i - 1] if i > para.start else " "
    nxt = text[i + 1] if i + 1 < para.end else " "
    return prev, nxt


def _opens(text: str, i: int, para: Paragraph) -> bool:
    prev, nxt = _around(text, i, para)
    if nxt.isspace() or (text[i] in _SINGLE and not nxt.isalpha()):
        return False
    if text[i] in "“„‟‘‛":
        return True
    return prev.isspace() or prev in _OPEN_AFTER or prev in _DOUBLE + _SINGLE


def _opens_spaced(text: str, i: int, para: Paragraph) -> bool:
    """`“ I love the harbour,”`: an opening glyph, or a straight mark that starts the paragraph,
    follows a colon or a finished sentence (`he told her. " You did well."`, asked only when no
    quotation is open), with a stray space before the words it opens."""
    prev, _ = _around(text, i, para)
    if not (spaced := _SPACED_WORD.match(text, i + 1, para.end)):
        return False
    if text[i] in "“„‟":
        return prev.isspace() or prev in _OPEN_AFTER
    before = text[max(para.start, i - 4):i]
    after_sentence = before[-1:].isspace() and before.rstrip()[-1:] in (".", "?", "!") \
        and spaced.group()[-1].isupper()
    return text[i] == '"' and (prev == ":" or not before.strip() or after_sentence)


def _opens_glued(text: str, i: int, para: Paragraph) -> bool:
    """`…with the authorities."We got deceived into coming here."`: a straight mark glued to the full
    stop of a finished sentence and to a capitalised word, where no quotation is open, opens one (a
    paste that lost the space); after an open quotation the same mark closes it."""
    prev, nxt = _around(text, i, para)
    return text[i] == '"' and prev in ".?!" and nxt.isupper() and i - 1 > para.start \
        and text[i - 2].isalpha()


def _closes(text: str, i: int, para: Paragraph) -> bool:
    prev, nxt = _around(text, i, para)
    if not prev.isspace():
        # `side.”Editor’s note`: after the quotation's own end, a mark touching a word still closes
        return not nxt.isalnum() or (text[i] in "”\"" and prev in _CLOSE_BEFORE_TEXT)
    # `harbour, ” she said` / `again,’ ” Hege said`: a stray space before a closing mark
    return text[i] in "”\"" and not nxt.isalnum() and nxt not in _DOUBLE + _SINGLE


def _doubled(text: str, i: int, para: Paragraph) -> bool:
    """AP's closing double mark typed as two apostrophes: `mislead voters,’’ Will Moy said`, also
    after a stray space that follows the quotation's own comma or full stop (`the race, '' said`)."""
    if i + 1 >= para.end or text[i + 1] != text[i] or text[i] not in "’'":
        return False
    prev = text[i - 1] if i > para.start else " "
    nxt = text[i + 2] if i + 2 < para.end else " "
    if prev.isspace():
        prev = text[i - 2] if i - 1 > para.start and text[i - 2] in ",.?!" else " "
    return not prev.isspace() and not nxt.isalnum() and nxt not in _SINGLE


def _doubled_open(text: str, i: int, para: Paragraph) -> bool:
    """The opening double mark typed as two apostrophes (`chants of ''Lock her up!''`, as some wire
    and archive copy writes it): read as one mark, or the quotation inside looks nested in a
    stray single one and embedded in its sentence."""
    if i + 2 >= para.end or text[i + 1] != text[i] or text[i] not in "'‘":
        return False
    prev = text[i - 1] if i > para.start else " "
    return (prev.isspace() or prev in _OPEN_AFTER) and (text[i + 2].isalnum() or text[i + 2] == "…")


def _ambiguous(text: str, i: int, para: Paragraph) -> bool:
    """`the leaders’ first meeting`: a plural possessive looks exactly like a closing mark."""
    prev, nxt = _around(text, i, para)
    after = text[i + 2] if i + 2 < para.end else ""
    return prev in "sS" and nxt == " " and after.isalpha()


class _Scanner:
    def __init__(self, text: str, para: Paragraph, runs_on: bool) -> None:
        self.text, self.para, self.runs_on = text, para, runs_on
        self.out: list[Marked] = []
        self.double: int | None = None
        self.single: int | None = None
        self.single_fallback: int | None = None
        self.nested: list[tuple[int, int]] = []
        self.width = 1  # of the open double mark: 2 when typed as two apostrophes (`''Lock her up!''`)

    def emit(self, open_at: int, close: int | None, *, single: bool = False, runs_on: bool = False,
             upto: int | None = None) -> None:
        end = close if close is not None else upto or self.para.end
        start = open_at + (self.width if open_at == self.double else 1)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end > start:
            nested = tuple(self.nested)
            self.out.append(Marked(open_at, start, end, close, self.para, runs_on, single, nested))
        self.nested = []

    def on_double(self, i: int) -> None:
        text, para = self.text, self.para
        if self.double is None:
            # A top-level single mark still open was more likely an apostrophe than a quote
            # around this one; dropping it keeps the double-quoted quote.
            self.single = None
            if _opens(text, i, para) or _opens_spaced(text, i, para) or _opens_glued(text, i, para):
                self.double, self.nested, self.single, self.width = i, [], None, 1
            return
        if _closes(text, i, para) and not (text[i] in "“„" and _opens(text, i, para)):
            self.close_nested(i)
            self.emit(self.double, i)
            self.double = None
        elif _opens(text, i, para):  # a new opening mark: the previous one was never closed
            self.close_nested(i)
            self.emit(self.double, None, upto=i)
            self.double = i

    def open_doubled(self, i: int) -> None:
        """A double opening mark typed as two apostrophes, where no quotation is open."""
        self.double, self.nested, self.single, self.width = i, [], None, 2

    def close_double(self, i: int) -> None:
        """The open double-quoted quotation ends at `i` (the first of two closing apostrophes)."""
        assert self.double is not None
        self.close_nested(i)
        self.emit(self.double, i)
        self.double = None

    def on_single(self, i: int) -> None:
        text, para = self.text, self.para
        if self.single is None:
            if _opens(text, i, para) and text[i] != "’":
                self.single, self.single_fallback = i, None
            return
        if _closes(text, i, para):
            if _ambiguous(text, i, para):
                self.single_fallback = self.single_fallback or i
                return
            self.finish_single(i)

    def finish_single(self, close: int) -> None:
        assert self.single is not None
        if self.double is not None:
            self.nested.append((self.single + 1, close))
        else:
            self.emit(self.single, close, single=True)
        self.single, self.single_fallback = None, None

    def close_nested(self, limit: int) -> None:
        """A nested quote still open when its outer quote ends closes at its best candidate."""
        if self.single is not None:
            self.finish_single(self.single_fallback or limit)

    def finish(self) -> list[Marked]:
        if self.double is not None:
            self.close_nested(self.para.end)
            self.emit(self.double, None, runs_on=self.runs_on)
        elif self.single is not None and self.single_fallback is not None:
            self.finish_single(self.single_fallback)
        return self.out


def _scan(text: str, para: Paragraph, following: Paragraph | None) -> Iterator[Marked]:
    runs_on = following is not None and _starts_with_opener(text, following)
    scanner = _Scanner(text, para, runs_on)
    skip = -1
    for m in _MARKS.finditer(text, para.start, para.end):
        i = m.start()
        if i == skip:
            continue
        if m.group() in _DOUBLE:
            scanner.on_double(i)
        elif scanner.double is not None and _doubled(text, i, para):
            scanner.close_double(i)
            skip = i + 1
        elif scanner.double is None and _doubled_open(text, i, para):
            scanner.open_doubled(i)
            skip = i + 1
        else:
            scanner.on_single(i)
    yield from scanner.finish()


def _starts_with_opener(text: str, para: Paragraph) -> bool:
    head = text[para.start:para.end].lstrip()
    return bool(head) and head[0] in "“\"„"
