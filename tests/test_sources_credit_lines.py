"""Sources a verification editor would not list: the writer's own credit line under the story
(`Ann Lee reported from Seoul`) and someone who responded with an act (`responded by hitting`); and
one they would: a one-word name the story describes as someone, even where the model tags it a
place in a sentence or two. Sentences are invented."""

from __future__ import annotations

from spacy.tokens import Span

from checks import check_text
from checks.nlp import parse
from checks.quotes import find_quotes, find_sources


def named(text: str) -> dict[str, int]:
    return {s.name: s.quotes for s in check_text(text).sources.named}


def test_a_reporters_credit_line_is_not_a_source() -> None:
    text = ("The harbour board voted on Tuesday to delay repairs to the old quay, its chairman, Ivo Marsh, "
            "said. “We will not close the quay before the ferry is in the water,” Marsh said.\n\n"
            "Ana Lindqvist reported from Bergen, and Tomas Weller from Oslo.")
    found = named(text)
    assert "Ana Lindqvist" not in found and found.get("Ivo Marsh") == 1


def test_someone_who_responded_with_an_act_is_not_a_source() -> None:
    text = ("The brawl began when Dario Vance tried to pull off Ilya Brook's helmet before Brook "
            "responded by hitting Vance with it. “He asked for it,” said Karl Osei, a teammate.")
    found = named(text)
    assert "Ilya Brook" not in found and found.get("Karl Osei") == 1


def test_a_speaker_the_story_describes_is_a_source_though_tagged_a_place_once() -> None:
    text = ("SEOUL — A plan to remove President Kwon over his decree failed on Saturday. "
            "Kwon, 61, a former judge, took office in 2022. Protesters called for Kwon’s ouster, and "
            "lawmakers filed motions against Kwon this week. "
            "“I will not evade the responsibility,” Kwon said in a brief address. "
            "“I deeply regret this,” Kwon added.")
    doc = next(parse([text]))
    kwon = [t for t in doc if t.text == "Kwon"][3]
    # the model's slip, as on the page this came from: the name tagged a place where it is an object
    doc.ents = [e for e in doc.ents if not e.start <= kwon.i < e.end] + [Span(doc, kwon.i, kwon.i + 1, "GPE")]
    found = {s.name: s.quotes for s in find_sources(doc, find_quotes(doc, text), text=text).named}
    assert found.get("Kwon") == 2


def test_a_full_name_tagged_a_place_is_the_person_named_by_it_alone_later() -> None:
    text = ("The song was written by the co-writers Mira Sand and Kate Holm in one afternoon. "
            "“It is a different muscle,” Holm said. “You take yourself out of it,” Holm added.")
    doc = next(parse([text]))
    kate = next(t for t in doc if t.text == "Kate")
    # the model's slip, as on the page this came from: the full name tagged a place
    place = Span(doc, kate.i, kate.i + 2, "GPE")
    doc.ents = [e for e in doc.ents if not e.start <= kate.i + 1 < e.end] + [place]
    found = {s.name: s.quotes for s in find_sources(doc, find_quotes(doc, text), text=text).named}
    assert found.get("Kate Holm") == 2
