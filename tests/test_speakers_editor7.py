"""Who said each quote: the speaker slot next to a quotation's cue (issue 14, item 1, fourth round).

The patterns come from the wrong and missing speakers of PolNeAR `train`; every text here is
invented for the test. Where the pattern is a reading the small model makes on real stories (a
surname tagged as a verb or a common noun), the test parses invented text and then gives the
name that reading, so the test does not hang on what one model version does with one sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc
from support.quotes import only

from checks.models import Quote
from checks.quotes.find import find_quotes


def _misread(doc: Doc, word: str, pos: str, tag: str) -> Doc:
    """The last `word` of the text as the small model sometimes reads a surname: `pos`, no entity."""
    tok = [t for t in doc if t.text == word][-1]
    doc.ents = [e for e in doc.ents if not e.start <= tok.i < e.end]
    tok.pos_, tok.tag_ = pos, tag
    return doc


# -- a description in the speaker slot, whatever its noun -------------------------------------


def test_a_description_the_noun_lists_do_not_know_speaks_before_its_cue(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("The ferry board met on Tuesday to hear complaints about the new schedule.\n"
            "“The ferry schedule is a mess and everyone on the island knows it,” the 61-year-old "
            "told the Harbor Gazette.")
    q = only(quotes_in(text), "ferry schedule")
    assert (q.speaker, q.speaker_kind) == ("the 61-year-old", "anonymous")
    later = text + "\n“The schedule stays as it is,” the next morning brought no change."
    assert only(quotes_in(later), "stays as it is").speaker is None  # a time in the slot is no one


def test_a_description_after_said_speaks_and_the_split_quote_goes_on_with_it(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("Nobody at the yard would say what happens next.\n"
            "“We will rebuild the pier before winter comes,” said one longtime confidant. "
            "“Nobody is leaving.”")
    quotes = quotes_in(text)
    assert only(quotes, "rebuild the pier").speaker == "one longtime confidant"
    assert only(quotes, "Nobody is leaving").speaker == "one longtime confidant"


# -- who is told is never who speaks -------------------------------------------------------------


def test_the_listener_after_telling_is_not_the_speaker(quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("Critics of the harbor plan say the trust moved too fast.\n"
            "The Harbor Trust declined to discuss “that proposal,” telling Coast Radio that it had "
            "no comment.\n"
            "“We will not sell the docks,” said Mayor Ana Ruiz.")
    quotes = quotes_in(text)
    assert only(quotes, "that proposal").speaker == "Harbor Trust"
    assert only(quotes, "sell the docks").speaker == "Ana Ruiz"  # `said X` still names X


# -- a name the tagger misread ---------------------------------------------------------------------


def test_a_known_surname_read_as_a_verb_is_still_that_person(nlp: Language) -> None:
    text = ("Mayor Lena Frost and council member Ivo Petrak argued over the budget for an hour.\n"
            "“Ivo wants to play the tough guy tonight,” Frost shot back.")
    q = only(find_quotes(_misread(nlp(text), "Frost", "VERB", "VBD")), "tough guy")
    assert (q.speaker, q.speaker_kind) == ("Lena Frost", "named")


def test_an_unknown_capitalised_subject_right_after_a_quote_is_a_name(nlp: Language) -> None:
    text = ("The county opened a review of the pump station last spring.\n"
            "“The pumps failed twice in one week,” Hannigan said during a panel on his show.")
    q = only(find_quotes(_misread(nlp(text), "Hannigan", "NOUN", "NN")), "pumps failed")
    assert (q.speaker, q.speaker_kind) == ("Hannigan", "named")
    # after a quote's full stop a capital starts a sentence: no name for that alone
    ended = text.replace("one week,” Hannigan said", "one week.” Engineers said")
    quotes = find_quotes(_misread(nlp(ended), "Engineers", "NOUN", "NN"))
    assert only(quotes, "pumps failed").speaker != "Engineers"


def test_a_surname_that_is_also_an_adverb_opening_a_sentence_is_the_person(quotes_in) -> None:
    # `Early says …`: the tagger reads the surname as an adverb of `says`, so the pronoun after it
    # went to the person named before (confidently: a single agreeing candidate)
    text = ("“Streaming is binary,” says Ted Early, a vice president at Gamebox.\n\n"
            "Paul Marsh, director of games at Northwind, disagreed. “The network is ready,” Marsh says.\n\n"
            "Early says future games could be built for the service. “Our aim is to reach every player,” "
            "he says.")
    assert only(quotes_in(text), "Our aim").speaker == "Ted Early"


def test_an_adverb_opening_a_sentence_is_not_a_speaker_when_no_one_has_that_name(quotes_in) -> None:
    text = ("Mayor Ruth Alvarez spoke at the opening.\n\n"
            "Later, she said the bridge would reopen. “We are nearly there,” she said.")
    assert only(quotes_in(text), "We are nearly there").speaker == "Ruth Alvarez"


def test_the_misread_surname_may_open_a_clause_inside_the_sentence(quotes_in) -> None:
    text = ("“Streaming is binary,” says Ted Early, a vice president at Gamebox.\n\n"
            "Paul Marsh, director of games at Northwind, disagreed. “The network is ready,” Marsh says.\n\n"
            "While the lineup is light on exclusive titles (only two were announced), Early says more could "
            "follow. “Our aim is to reach every player,” he says. In big cities bandwidth is no issue, but "
            "Early still says Gamebox are “believers” in streaming.")
    quotes = quotes_in(text)
    assert only(quotes, "Our aim").speaker == "Ted Early"
    assert only(quotes, "believers").speaker == "Ted Early"
