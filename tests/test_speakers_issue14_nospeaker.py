"""Matched quotes that had no speaker (issue 14, helper 112).

A transcript's turn label names the speaker of the turn (`"HALVORSEN: …`, `Mira Castell: …`), and a
turn of its own is not lent the speaker of the turns around it; a person the model tags an
organisation by their full name, called by surname alone as the subject of a speech verb
(`Brandvold interjected:`), is a person; a surname with an elided particle (`D’Arcy`, curly or
straight) completes a name; `according to` a document, or a line naming the document the words come
from (`From the report:`), shows the document, or whoever it is by. Every text is invented; where
the pattern is a reading the small model makes on real stories (a full name tagged an organisation),
the test parses invented text and then gives it that reading.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from support.quotes import only

from checks.models import Quote
from checks.quotes.confidence import HIGH, apply_confidence
from checks.quotes.find import find_quotes

Quotes = Callable[[str], tuple[Quote, ...]]


def _tagged(doc: Doc, words: str, label: str) -> Doc:
    """`words` tagged `label`, as the small model sometimes tags a person's full name."""
    first = words.split()[0]
    start = next(t.i for t in doc if t.text == first)
    end = start + len(words.split())
    kept = [e for e in doc.ents if e.end <= start or e.start >= end]
    doc.ents = [*kept, Span(doc, start, end, label=label)]
    return doc


def _common_noun(doc: Doc, word: str) -> Doc:
    """Every `word` read as a common noun outside any entity, as the small model reads a surname
    it does not know (`Hannity interjected`, `D’Souza replied`)."""
    doc.ents = [e for e in doc.ents if word not in e.text.split()]
    for tok in doc:
        if tok.text == word:
            tok.pos_, tok.tag_ = "NOUN", "NN"
    return doc


# -- transcripts ------------------------------------------------------------------------------------


_TRANSCRIPT = ("Senator Dana Whitlock was pressed on the dam project at Tuesday's forum, moderated by "
               "Piet Halvorsen.\n\n"
               "Partial transcript as follows:\n\n"
               "\"HALVORSEN: Senator, the families downstream say you misled them. Did you?\n\n"
               "\"WHITLOCK: No. We told them what the engineers told us, and we told them the day we "
               "heard it. I have nothing to hide from anyone in that valley.\"\n\n"
               "Follow the forum's coverage online.")


def test_a_turn_label_inside_the_quotation_names_its_speaker(quotes_in: Quotes) -> None:
    quotes = quotes_in(_TRANSCRIPT)
    assert only(quotes, "WHITLOCK:").speaker == "Dana Whitlock"
    assert only(quotes, "HALVORSEN:").speaker == "Piet Halvorsen"


def test_a_turn_is_not_lent_the_speaker_of_the_turn_after_it(quotes_in: Quotes) -> None:
    text = _TRANSCRIPT.replace("Piet Halvorsen", "the station's anchor")
    quotes = quotes_in(text)
    assert only(quotes, "HALVORSEN:").speaker is None  # an anchor the story never names
    assert only(quotes, "WHITLOCK:").speaker == "Dana Whitlock"


def test_a_label_in_the_quotation_beats_the_speaker_of_the_paragraph_before(quotes_in: Quotes) -> None:
    text = ("Instead, Tomas Brandt and Reuters' Mira Castell argued that the levy would never pass.\n\n"
            "\"Tomas Brandt: Honestly, the levy sounds great until you ask who pays it. Nobody in that "
            "room wants to answer that question.\"\n\n"
            "The panel moved on to the budget.")
    assert only(quotes_in(text), "Honestly").speaker == "Tomas Brandt"


def test_words_quoted_inside_a_labelled_turn_are_the_turn_speaker_s_guess(nlp: Language) -> None:
    text = ("A panel led by Tomas Brandt discussed the levy on Saturday.\n\n"
            "Tomas Brandt: The levy is popular.\n\n"
            "Mira Castell: Well, nobody is like, ‘My pension is a gamble.’ It means all things to all "
            "people.")
    doc = nlp(text)
    q = only(apply_confidence(find_quotes(doc), text), "pension is a gamble")
    assert (q.speaker, q.speaker_guessed) == ("Mira Castell", True)
    assert q.speaker_confidence is not None and q.speaker_confidence < HIGH


def test_a_labelled_turn_does_not_take_a_quote_someone_else_is_said_to_have_said(quotes_in: Quotes) -> None:
    text = ("A panel led by Tomas Brandt discussed the levy on Saturday.\n\n"
            "Mira Castell: Governor Ilse Varga told me it was “a tax on speculation, nothing more.”")
    assert only(quotes_in(text), "speculation").speaker == "Ilse Varga"


# -- names the model does not tag a person ----------------------------------------------------------


def test_a_full_name_tagged_an_organisation_whose_surname_speaks_alone_is_a_person(nlp: Language) -> None:
    text = ("During an interview with Arne Brandvold that aired Wednesday, the mayor defended the plan.\n\n"
            "The crowd applauded.\n\n"
            "Brandvold interjected: “So you are saying there will be some flexibility?”")
    doc = _tagged(_common_noun(nlp(text), "Brandvold"), "Arne Brandvold", "ORG")
    doc[next(t.i for t in doc if t.text == "Brandvold")].pos_ = "PROPN"  # the full name stays a name
    assert only(find_quotes(doc), "flexibility").speaker == "Arne Brandvold"


def test_a_surname_with_an_elided_particle_completes_the_name(nlp: Language) -> None:
    for mark in ("’", "'"):
        text = (f"The best-selling author Ruben D{mark}Arcy made a prediction on Tuesday.\n\n"
                f"After the host asked the author who would win, D{mark}Arcy replied, “I would bet on the "
                "governor.”")
        doc = _common_noun(_common_noun(nlp(text), f"D{mark}Arcy"), "Ruben")
        doc[next(t.i for t in doc if t.text == "Ruben")].pos_ = "PROPN"
        assert only(find_quotes(doc), "bet on the governor").speaker == f"Ruben D{mark}Arcy"


# -- documents that speak ------------------------------------------------------------------------------


def test_according_to_a_document_shows_the_document(quotes_in: Quotes) -> None:
    text = ("Minister Lena Aho spoke with her Danish counterpart on Friday \"to discuss the shared response "
            "to the storm,\" according to a ministry readout.\n\n"
            "He later compared the talks to a \"root canal,\" according to Varga's memoir.")
    quotes = quotes_in(text)
    readout = only(quotes, "shared response")
    assert (readout.speaker, readout.speaker_kind) == ("a ministry readout", "unresolved")
    assert only(quotes, "root canal").speaker == "Varga's memoir"


def test_according_to_a_person_is_still_the_person(quotes_in: Quotes) -> None:
    text = ("The talks were \"a waste of everyone's time,\" according to Mayor Tom Reyes.")
    assert only(quotes_in(text), "waste of").speaker == "Tom Reyes"


def test_a_line_naming_the_document_gives_it_the_words_after_the_colon(quotes_in: Quotes) -> None:
    text = ("The survey firms were compared in a new report. From the report: \"Panels that weighted by "
            "more variables did better.\"\n\n"
            "Samples still differ - More from the report: \"No vendor matched the census on every measure.\"")
    quotes = quotes_in(text)
    assert only(quotes, "weighted by").speaker == "the report"
    assert only(quotes, "census").speaker == "the report"


def test_a_court_opinion_and_a_footnote_speak_as_documents(quotes_in: Quotes) -> None:
    text = ("The court sent the case back. \"The court expresses no view on the merits\" of the case, the "
            "unsigned opinion said.\n\n"
            "A footnote in the audit makes that clear: \"These findings do not apply to the senior staff.\"")
    quotes = quotes_in(text)
    assert only(quotes, "no view").speaker == "the unsigned opinion"
    assert only(quotes, "senior staff").speaker == "A footnote in the audit"
    assert only(quotes, "findings").speaker == "A footnote in the audit"


def test_according_to_a_thing_by_someone_is_theirs(quotes_in: Quotes) -> None:
    text = ("A \"fair wage\" for a single adult is about $14 an hour, according to calculations by Amy "
            "Lindqvist of the state university.")
    assert only(quotes_in(text), "fair wage").speaker == "Amy Lindqvist"


def test_a_line_naming_someone_s_post_gives_the_words_to_its_owner(quotes_in: Quotes) -> None:
    text = ("Aides say the former governor Tom Reyes plans to support Ruiz. From Reyes's Facebook post: "
            "\"For the sake of our party, we must unite behind one candidate.\"")
    assert only(quotes_in(text), "unite behind").speaker == "Tom Reyes"
