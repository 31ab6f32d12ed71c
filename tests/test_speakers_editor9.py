"""Wrong speakers an editor found on real pages (issue 14, item 1, ninth round).

Companies, labels and products credited with a person's words; a headline's quote given to the
subject of the next clause; a generic `people`; a website's statement given to whoever shared it;
a `saying` participle given to the subject of the clause it follows. Every text here is invented.
Where the pattern is a reading the small model makes on real stories (a company tagged a person, a
participle hung on the wrong clause), the test parses invented text and then gives it that reading,
so the test does not hang on what one model version does with one sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from support.quotes import only

from checks.models import Quote
from checks.quotes.find import find_quotes
from checks.quotes.subjects import subject_of


def _tagged_person(doc: Doc, word: str) -> Doc:
    """`word` as the small model sometimes reads a company's name: a person's."""
    i = next(t.i for t in doc if t.text == word)
    doc.ents = [e for e in doc.ents if not e.start <= i < e.end] + [Span(doc, i, i + 1, label="PERSON")]
    return doc


# -- he and she are never a company ------------------------------------------------------------


def test_he_is_not_the_company_named_just_before(nlp: Language) -> None:
    text = ("Director Owen Pratt needed a closing song for the film. “We had nothing that fit,” Pratt said. "
            "“I was worried.” Carrowind’s music division sent over a few demos, but none of them clicked.\n"
            "At the last minute a demo arrived from a friend. “It hit me right away,” he said.")
    q = only(find_quotes(_tagged_person(nlp(text), "Carrowind")), "hit me right away")
    assert q.speaker == "Owen Pratt"


def test_a_label_that_denies_is_an_organisation_not_a_person(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("The group that owns her early records, Brightwater, says she may perform them.\n"
            "Brightwater have denied any wrongdoing.\n"
            "“At no point did we block her,” they said in a statement on Friday.")
    q = only(quotes_in(text), "block her")
    assert (q.speaker, q.speaker_kind, q.speaker_evidence) == ("Brightwater", "organization", "organization")


def test_what_a_product_will_be_called_is_nobody_s_quote(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("You may have heard predictions that Zentro's Vayla will be the “Spotify of board games,” "
            "it turns out the comparison only goes so far. Vayla is not a subscription service.")
    assert not [q for q in quotes_in(text) if "Spotify" in q.text and q.speaker is not None]


# -- whose quote a sentence gives ------------------------------------------------------------------


def test_a_quote_before_and_a_new_clause_belongs_to_the_subject_of_says(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("Ana Bexley says, “Salt. We’re On It,” and Twitter asks whether the state is serious.\n"
            "The campaign began on Monday.")
    assert only(quotes_in(text), "Salt").speaker == "Ana Bexley"


def test_generic_people_are_no_speaker(quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("Governor Ana Bexley launched the campaign on Monday.\n"
            "“Salt. We’re on it” is rolling out on billboards in which people say, “I’m on salt.”")
    quotes = quotes_in(text)
    assert only(quotes, "We’re on it").speaker is None
    assert only(quotes, "on salt").speaker is None


def test_a_website_s_statement_is_not_the_words_of_whoever_shared_it(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("Governor Ana Bexley defended the slogan on Tuesday.\n"
            "She went on to share saltwatch.org, the website for the initiative, which contains the "
            "following statement:\n"
            "“Our state has a salt problem. There is no single fix. We will work together.”")
    q = only(quotes_in(text), "salt problem")
    assert q.speaker != "Ana Bexley"
    assert q.speaker is not None and "website" in q.speaker


def test_saying_after_a_disputed_clause_is_the_disputer_s(nlp: Language) -> None:
    doc = nlp("Martin Oberle disputed that Ivo was estranged from the family, saying instead he was "
              "“shy by nature.”")
    saying = next(t for t in doc if t.text == "saying")
    saying.head = next(t for t in doc if t.text == "was")  # the reading the model made on a real page
    saying.dep_ = "advcl"
    subject = subject_of(saying)
    assert subject is not None and subject.text == "Oberle"


def test_a_he_and_a_she_after_one_subject_say_nothing_of_its_gender(
        quotes_in: Callable[[str], tuple[Quote, ...]]) -> None:
    text = ("The casting director, Robin Hale, met the singer in March. Hale knew in his bones that she "
            "was perfect for the part.\n“I had no doubt at all,” he said.")
    assert only(quotes_in(text), "no doubt").speaker == "Robin Hale"
