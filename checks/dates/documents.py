"""Quoted documents with their own date: an e-mail's "Sent:" line, "a letter dated ...", "in a 2008 memo",
an embedded post signed "— Name (@handle) November 1, 2019".

"Today" in an e-mail from 2008 quoted in a 2016 story is a day in 2008. This module finds, from
the text alone, the passages written at another time than the story (`Quoted`: the quoted words
and the document words beside them) and tells whether a date is the one attached to such a word
(`dated_by`): "a 2008 e-mail", "a letter dated March 3, 2008", "Sent: Monday, March 3, 2008". The
finder (`checks.dates.find`) resolves the dates inside against that date instead of the
publication date, as HeidelTime's narrative documents use the story's own reference time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .timex import MONTHS

__all__ = ["NEAR_NOUN", "Quoted", "dated_by", "dated_documents", "names_game", "quoted_documents",
           "spoke_after_game"]

# Nouns for a written document whose words a story quotes. Verbs of the same spelling ("he notes")
# do no harm: a passage counts only when a date is attached to the noun (see `dated_by`).
_DOCUMENT = re.compile(
    r"\b(?:e-?mails?|letters?|memos?|memorand(?:um|a)|notes?|messages?|texts?|statements?|posts?|"
    r"tweets?|diary|diaries|cables?|filings?|affidavits?|transcripts?|minutes|journal entry)\b", re.I)
# Verbs of saying: "'...today,' she said Tuesday" was spoken on Tuesday, and its "today" is that day.
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|stated|declared|announced|"
                     r"tweeted|insisted|warned|explained|testified|remarked)\b", re.I)
# Between a verb of saying and its day: a few words of where or to whom ("said at a rally on",
# "told reporters"), none that starts a clause or an object of its own ("said of the March 3 fire").
_AFTER_SPEECH = re.compile(r"(?:\s+(?!(?:of|about|since|after|before|until|by|that|when|because|how|what|"
                           r"for|from|during|as|if|while)\b)[\w'\u2019-]+){0,5}?\s+$", re.I)
_BEFORE_SPEECH = re.compile(r",?\s+(?:[\w'\u2019.-]+\s+){0,3}$")
# ... and that day leads its sentence ("On Tuesday, the mayor told"), not a clause of its own
# ("the mayor, who took office in 2008, said").
_LEADS_SENTENCE = re.compile(r"(?:^|[.!?:]\s+|\n)(?:(?:[Oo]n|[Ii]n|[Ee]arly|[Ll]ate)\s+)?$")
_LEAD_CHARS = 12
# A date attached to a document word stands this close to it ("a letter dated ...", "a 2008 e-mail").
NEAR_NOUN = 80
# An e-mail's or a memo's header line that carries its date.
_HEADER = re.compile(r"^[^\S\n]*(?P<label>Sent|Date|Dated)[^\S\n]*:[^\S\n]*\S.*$", re.M)
_OTHER_HEADER = re.compile(r"^[^\S\n]*(?:From|To|Cc|Bcc|Subject|Re|Sent|Date|Dated|Attachments?)[^\S\n]*:",
                           re.I)
# The signature line an embedded tweet leaves in a page's text: "— Arvind Kejriwal (@ArvindKejriwal)
# November 1, 2019". The handle is the document's word: the date right after it is the post's.
_SIGNATURE = re.compile(r"^[^\S\n]*(?:\u2014|\u2013|--?)[^\S\n]*[^\n()]{0,80}?(?P<handle>\(@\w{1,15}\))"
                        r"[^\S\n]*"
                        r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d\d)[^\S\n]*$", re.M)
# A post holds 280 characters, 140 before Twitter doubled the limit (November 2017); a link counts 23
# whatever its length, an attached picture nothing. The post is the lines right above its signature
# that fit in that; a line that ends in a colon introduces the post and is the story's.
_POST_CHARS = 280
_OLD_POST_CHARS = 140
_LIMIT_DOUBLED = (2017, 11, 7)
_LINK_CHARS = 23
_LINK = re.compile(r"https?://\S+")
_MEDIA = re.compile(r"[^\S\n]*pic\.twitter\.com/\w+")
# A game and what the story calls it: "Monday night's loss", "Sunday's game", "the match".
_GAME_NOUN = (r"(?:game|games|match|loss|defeat|win|victory|contest|race|fight|bout|showdown|meeting|"
              r"matchup|opener|finale|final|shootout|upset|rout|tie|draw)")
# "Lynn said after the game", "she told reporters after Sunday's loss": words spoken after a game, which
# sports reporting means the game's own day (postgame remarks).
_AFTER_GAME = (r"\s+(?:said|says|told\s+(?:[\w'\u2019-]+\s+){1,3}?|spoke|added)\s*,?\s+after\s+"
               r"(?:the|his|her|their|its|[A-Z]\w+day(?:\s+(?:night|afternoon|morning|evening))?['\u2019]s)\s+"
               rf"(?:[\w-]+\s+)?{_GAME_NOUN}\b")
_NAMES_GAME = re.compile(rf"['\u2019]s\s+(?:[\w-]+\s+){{0,2}}?{_GAME_NOUN}\b")
# The speaker of a quotation: the capitalised word right before its verb of saying ("Lynn said"), or
# right after it ("said Lynn").
_NAME_BEFORE = re.compile(r"([A-Z][\w'\u2019-]+)\s+$")
_NAME_AFTER = re.compile(r",?\s+([A-Z][\w'\u2019-]+)")
_NAME_CHARS = 40
_OPENING = {"\u201c": "\u201d", '"': '"'}
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s|\n")
# Between a document word and its date: "a letter dated", "an e-mail sent to aides on", "Sent:".
_AFTER_NOUN = re.compile(r"[\s,:]*(?:[\w'\u2019-]+\s+){0,3}?(?:dated|sent|written|posted|published|issued|"
                         r"released|from|on)\s+(?:on\s+)?$|[\s:]*$", re.I)
# Between a date and its document word: "a 2008 e-mail", "a March 3, 2008, campaign memo".
_BEFORE_NOUN = re.compile(r"[\s,]*(?:[\w'\u2019-]+\s+)?$")


@dataclass(frozen=True)
class Quoted:
    """Words written at another time: `start`/`end` the quoted passage, `nouns` the spans of the
    document words around it that a date may be attached to."""

    start: int
    end: int
    nouns: tuple[tuple[int, int], ...]


def quoted_documents(text: str) -> list[Quoted]:
    """Every quotation with a document word in its sentence, every e-mail header block and every
    embedded post."""
    found = [*_headers(text), *_quotations(text), *_posts(text)]
    return sorted(found, key=lambda q: q.start)


def dated_by(text: str, noun: tuple[int, int], start: int, end: int) -> bool:
    """The date at start..end is the document's own: written right before or after its noun, or
    the day a verb of saying says the words were spoken ("she said Tuesday", "On Tuesday, he told")."""
    if _SPEECH.fullmatch(text, noun[0], noun[1]):
        if end <= noun[0]:
            # searched in place: "^" is the text's own start, never the window's
            return (_BEFORE_SPEECH.fullmatch(text[end:noun[0]]) is not None
                    and _LEADS_SENTENCE.search(text, max(0, start - _LEAD_CHARS), start) is not None)
        return start >= noun[1] and _AFTER_SPEECH.fullmatch(text[noun[1]:start]) is not None
    if end <= noun[0]:
        return _BEFORE_NOUN.fullmatch(text[end:noun[0]]) is not None
    if start >= noun[1]:
        return _AFTER_NOUN.fullmatch(text[noun[1]:start]) is not None
    return False


def dated_documents(text: str, dates: list[tuple[int, int]],
                    documents: list[Quoted] | None = None) -> list[Quoted]:
    """The quoted documents of `text` (`documents` when the caller has them) that one of `dates`
    (start, end) dates."""
    documents = quoted_documents(text) if documents is None else documents
    nouns = sorted((noun, i) for i, q in enumerate(documents) for noun in q.nouns)
    keys = [noun for noun, _ in nouns]
    dated: set[int] = set()
    for start, end in dates:
        near = nouns[bisect.bisect_left(keys, (start - NEAR_NOUN, 0)):
                     bisect.bisect_right(keys, (end + NEAR_NOUN, 0))]
        dated.update(i for noun, i in near if dated_by(text, noun, start, end))
    return [documents[i] for i in sorted(dated)]


def _headers(text: str) -> list[Quoted]:
    """'Sent: Monday, March 3, 2008 9:14 AM' with the header lines after it and the body below."""
    found = []
    for m in _HEADER.finditer(text):
        end = m.end()
        for line in re.finditer(r"[^\n]*", text[end:]):
            body = line.group()
            if not body.strip() or _OTHER_HEADER.match(body):
                continue
            end += line.end()
            break
        found.append(Quoted(m.start(), end, ((m.start("label"), m.end("label")),)))
    return found


def spoke_after_game(text: str, quoted: Quoted) -> tuple[int, int] | None:
    """Where the story says the speaker of `quoted` spoke after a game ("Lynn said after the game
    that ..."), in the quotation's paragraph or the one before, ahead of the quotation: a quotation
    whose own attribution ("Lynn said, via the Los Angeles Times") gives no day was spoken then."""
    names: set[str] = set()
    for start, end in quoted.nouns:
        if not _SPEECH.fullmatch(text, start, end):
            continue
        before = _NAME_BEFORE.search(text, max(0, start - _NAME_CHARS), start)
        after = _NAME_AFTER.match(text, end)
        names.update(m[1] for m in (before, after) if m is not None)
    if not names:
        return None
    para = text.rfind("\n", 0, quoted.start)
    lead = text.rfind("\n", 0, para) + 1 if para > 0 else 0
    spoke = re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(names))}){_AFTER_GAME}")
    found = None
    for m in spoke.finditer(text, lead, quoted.start):
        found = (m.start(), m.end())
    return found


def names_game(text: str, end: int) -> bool:
    """The date ending at `end` names a game by its day ("Monday night's loss")."""
    return _NAMES_GAME.match(text, end) is not None


def _posts(text: str) -> list[Quoted]:
    """Embedded posts: the lines above each signature line that fit in one post."""
    found = []
    for m in _SIGNATURE.finditer(text):
        day = (int(m["year"]), MONTHS[m["mon"]], int(m["day"]))
        room = _POST_CHARS if day >= _LIMIT_DOUBLED else _OLD_POST_CHARS
        start = end = m.start()
        while start > 0:
            begin = text.rfind("\n", 0, start - 1) + 1
            line = text[begin:start].rstrip("\n")
            used = _post_chars(text[begin:end].rstrip("\n"))
            if not line.strip() or line.rstrip().endswith(":") or _SIGNATURE.match(line) or used > room:
                break
            start = begin
        if start < end:
            found.append(Quoted(start, end, ((m.start("handle"), m.end("handle")),)))
    return found


def _post_chars(body: str) -> int:
    """The length a post's text counts for: links at their fixed length, pictures at none."""
    body = _MEDIA.sub("", body)
    return len(_LINK.sub("", body)) + _LINK_CHARS * len(_LINK.findall(body))


def _quotations(text: str) -> list[Quoted]:
    """Quotations with a document word or a verb of saying in their sentence. One that goes on after
    its attribution in the same paragraph ('"...," Lynn said. "..."') is the same speaker's words,
    said at the same time: it shares the attribution of the quotation before it."""
    found = []
    for para in re.finditer(r"[^\n]+", text):
        before: tuple[tuple[int, int], ...] = ()
        for start, end in _marks(para.group()):
            nouns = _nouns_around(text, para.start() + start, para.start() + end, para.start(), para.end())
            nouns = nouns or before
            if nouns:
                found.append(Quoted(para.start() + start, para.start() + end, nouns))
            before = nouns
    return found


def _marks(para: str) -> list[tuple[int, int]]:
    """Quoted passages of a paragraph; one left open runs to the paragraph's end."""
    spans: list[tuple[int, int]] = []
    at = 0
    while True:
        opening = min((i for i in (para.find(o, at) for o in _OPENING) if i >= 0), default=-1)
        if opening < 0:
            return spans
        closing = para.find(_OPENING[para[opening]], opening + 1)
        end = closing if closing >= 0 else len(para)
        spans.append((opening + 1, end))
        at = end + 1


def _nouns_around(
    text: str, start: int, end: int, para_start: int, para_end: int
) -> tuple[tuple[int, int], ...]:
    """Document words in the sentence that leads into the quotation or follows it."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, para_start, max(para_start, start - 1))]
    left = before[-1] if before else para_start
    after = _SENTENCE_END.search(text, min(end + 1, para_end), para_end)
    right = after.start() if after else para_end
    spans = [(m.start(), m.end()) for rx in (_DOCUMENT, _SPEECH) for m in rx.finditer(text, left, start)]
    spans += [(m.start(), m.end()) for rx in (_DOCUMENT, _SPEECH)
              for m in rx.finditer(text, min(end + 1, para_end), right)]
    return tuple(sorted(spans))
