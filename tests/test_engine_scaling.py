"""A long article costs in proportion to its length.

No wall clock here: the work is counted. A Doc subclass counts how often its whole text is
built and how many tokens it hands out; a check that rebuilds the text or rescans the whole
document once per quote, date or source shows up as work that grows faster than the text.
"""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from support import articles

from checks import check_text
from checks.engine import report_from_doc
from checks.nlp import BATCH_CHARS, PIECE_CHARS, batches, parse, pieces

# A 10x longer article may cost at most this many times the work of the short one.
MAX_GROWTH_FOR_10X = 15


class CountingDoc(Doc):
    """A Doc that counts whole-text builds and the tokens it hands out."""

    texts_built: int
    tokens_handed: int

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        self.texts_built = 0
        self.tokens_handed = 0

    @property
    def text(self) -> str:
        self.texts_built += 1
        return super().text

    def __iter__(self):  # type: ignore[no-untyped-def]
        for token in super().__iter__():
            self.tokens_handed += 1
            yield token

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        self.tokens_handed += 1
        return super().__getitem__(i)


def counting(nlp: Language, text: str) -> CountingDoc:
    doc = next(parse([text], nlp))
    found = CountingDoc(nlp.vocab).from_bytes(doc.to_bytes())  # from_bytes fills and returns the doc itself
    assert isinstance(found, CountingDoc)
    return found


def long_article(seed_texts: dict[str, str], chars: int) -> str:
    return articles.long_article(seed_texts.values(), chars, seed=7)


def test_a_check_never_rebuilds_the_whole_text_from_the_doc(
        nlp: Language, seed_texts: dict[str, str]) -> None:
    text = long_article(seed_texts, 12_000)
    doc = counting(nlp, text)
    report = report_from_doc(doc, text)
    assert report.quotes and report.dates and report.sources.named
    assert doc.texts_built == 0


def test_ten_times_the_text_is_at_most_fifteen_times_the_token_work(
        nlp: Language, seed_texts: dict[str, str]) -> None:
    short_text, long_text = long_article(seed_texts, 4_000), long_article(seed_texts, 40_000)
    work = []
    for text in (short_text, long_text):
        doc = counting(nlp, text)
        report_from_doc(doc, text)
        work.append(doc.tokens_handed / len(text))
    assert len(long_text) >= 9.5 * len(short_text)
    assert work[1] * 10 <= work[0] * MAX_GROWTH_FOR_10X, f"tokens handed out per character: {work}"


def test_pieces_cut_long_text_after_paragraph_breaks_and_rejoin_to_it(seed_texts: dict[str, str]) -> None:
    text = long_article(seed_texts, 5 * PIECE_CHARS)
    found = pieces(text)
    assert "".join(found) == text
    assert len(found) >= 5
    assert all(len(p) <= PIECE_CHARS for p in found)
    assert all(p.endswith("\n\n") and not found[n + 1][:1].isspace() for n, p in enumerate(found[:-1]))


def test_a_short_text_is_one_piece() -> None:
    assert pieces("“No,” she said.\n\nThe end.") == ["“No,” she said.\n\nThe end."]


def test_text_without_paragraph_breaks_is_cut_after_line_breaks_then_spaces() -> None:
    lines = "\n".join(f"Line {n} says nothing at all." for n in range(3000))
    assert all(p.endswith("\n") for p in pieces(lines)[:-1])
    words = " ".join(f"word{n}" for n in range(10_000))
    cut = pieces(words, 1000)
    assert "".join(cut) == words and all(len(p) <= 1000 and p.endswith(" ") for p in cut[:-1])


def test_a_run_without_any_whitespace_is_cut_at_the_limit() -> None:
    run = "x" * 2500
    assert pieces(run, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]


def test_batches_hold_a_bounded_number_of_characters() -> None:
    sizes = [3000] * 40 + [PIECE_CHARS] * 6 + [10] * 5
    found = batches(["x" * n for n in sizes], max_texts=16)
    assert [len(t) for batch in found for t in batch] == sizes
    assert all(len(b) <= 16 for b in found)
    assert all(sum(map(len, b)) <= BATCH_CHARS for b in found)


def test_a_long_article_parsed_in_pieces_is_one_doc_with_the_same_tokens(
        nlp: Language, seed_texts: dict[str, str]) -> None:
    text = long_article(seed_texts, 3 * PIECE_CHARS)
    doc = next(parse([text], nlp))
    whole = nlp.make_doc(text)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in whole]
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)


def test_the_pipeline_never_sees_more_than_a_piece_at_a_time(seed_texts: dict[str, str]) -> None:
    seen: list[int] = []

    @Language.component("deskcheck_test_record_length")
    def record(doc: Doc) -> Doc:
        seen.append(len(doc.text))
        return doc

    blank = spacy.blank("en")
    blank.add_pipe("deskcheck_test_record_length")
    texts = [long_article(seed_texts, 3 * PIECE_CHARS), "A short one.",
             long_article(seed_texts, 2 * PIECE_CHARS)]
    docs = list(parse(texts, blank))
    assert [d.text for d in docs] == texts
    assert len(seen) > 3 and max(seen) <= PIECE_CHARS


def test_offsets_of_a_long_article_point_into_the_checked_text(seed_texts: dict[str, str]) -> None:
    text = long_article(seed_texts, 2 * PIECE_CHARS + 5_000)
    report = check_text(text)
    assert len(report.quotes) > 20 and len(report.dates) > 10
    assert all(text[q.start:q.end] == q.text for q in report.quotes)
    assert all(text[d.start:d.end] == d.text for d in report.dates)
    assert all(text[a.start:a.end] == a.text for a in report.sources.anonymous)
    beyond_first_piece = [q for q in report.quotes if q.start > PIECE_CHARS and q.speaker_span]
    assert beyond_first_piece
    assert all(text[s:e] for s, e in (q.speaker_span for q in beyond_first_piece if q.speaker_span))


@pytest.mark.parametrize("name", ["000_bc908ce1d43d3e45.txt", "003_2a228733f2cc85d0.txt"])
def test_a_seed_checked_from_a_counting_doc_gives_the_same_report(
        nlp: Language, seed_texts: dict[str, str], name: str) -> None:
    text = seed_texts[name]
    assert report_from_doc(counting(nlp, text), text) == check_text(text)


def test_a_whitespace_run_across_the_limit_is_never_split() -> None:
    text = "word " * 150 + " " * 100 + "tail " * 100
    cut = pieces(text, 800)
    assert "".join(cut) == text
    assert all(p[-1].isspace() and not nxt[0].isspace() for p, nxt in itertools.pairwise(cut))
