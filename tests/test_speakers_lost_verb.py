"""A person the sentence is about, whose verb the parser hung on the name as a modifier after a
relative clause (`Mara Brook, who hadn't sung …, worried about …`), is that sentence's subject: the
next `she said` is hers, not the last speaker's. Sentences are invented."""

from __future__ import annotations

from checks import check_text
from checks.nlp import parse
from checks.quotes.cast import rooted_verb


def test_a_she_after_a_sentence_whose_verb_the_parser_lost_is_its_subject() -> None:
    text = ("“It may sound fast,” Ann Lind said. Lind has found only one drawback to working with Holm and "
            "Sand: “They’re such good singers that people get scared.”\n"
            "Mara Brook, who hadn’t sung in a long time before the film, worried about doing the song "
            "justice, especially given that she had no background in country music. “But the story of it "
            "really moved me,” she said, “so I sat down with a guitarist.”")
    speakers = [q.speaker for q in check_text(text).quotes]
    assert speakers == ["Ann Lind", "Ann Lind", "Mara Brook", "Mara Brook"]


def test_the_same_when_the_parser_hangs_the_name_on_the_paragraph_before() -> None:
    text = ("“I’m not doing that song,” Lind said.\n"
            "Brook, who hadn’t sung in a long time before the production, worried about doing justice to it.")
    doc = next(parse([text]))
    brook = next(t for t in doc if t.text == "Brook")
    worried = next(t for t in doc if t.text == "worried")
    # the parser's slip on the page this came from: the name the object of the last verb before it
    brook.head, brook.dep_ = next(t for t in doc if t.text == "doing"), "dobj"
    worried.head, worried.dep_ = brook, "amod"
    assert rooted_verb(brook) == worried
