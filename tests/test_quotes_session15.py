"""Session 15 (helper-99): direct quotations PolNeAR train's gold has and we missed, and matched
quotations with no speaker, from a reading of each miss by cause."""

from __future__ import annotations

from support.quotes import only


def test_a_quotation_after_a_connective_goes_on_with_the_split_quotes_speaker(quotes_in) -> None:
    text = ("“I don’t think it’s over,” Ana Roe said outside the hall. But “the bill is stronger with "
            "the support of the council. It helps.”\n\n"
            "“He is supposed to lead this city,” said Tom Baker, a council member. Instead, “he just "
            "acts like a man who has given up.”\n\n"
            "“We were not happy when it was announced,” said Lena Ford. Now, “within the business "
            "community there is a large group saying this is fine.”")
    quotes = quotes_in(text)
    assert only(quotes, "bill is stronger").speaker == "Ana Roe"
    assert only(quotes, "given up").speaker == "Tom Baker"
    assert only(quotes, "business community").speaker == "Lena Ford"
    assert not only(quotes, "given up").partial


def test_words_of_the_writers_around_a_quotation_after_a_split_quote_are_no_quote(quotes_in) -> None:
    text = ("“We were not happy,” said Tom Baker. Biden “kind of misspoke on the budget.”\n\n"
            "“We were not happy,” said Lena Ford. But “fake news” is everywhere in the county.\n\n"
            "“We were not happy,” said Ana Roe. But the “deal” was signed.")
    texts = [q.text for q in quotes_in(text)]
    assert texts == ["We were not happy"] * 3


def test_a_quotation_after_a_sentence_about_a_named_person_in_its_paragraph_is_theirs_as_a_guess(
        quotes_in) -> None:
    text = ("Radio host Sean Ruiz is unapologetic about his aim. “I’m not hiding the fact that I want "
            "Tom Baker to be the next mayor.”\n\n"
            "Host Carl Reyes seemed taken aback and mentioned that the builder's picture had been on the "
            "firm's website. “Does that not speak to your vetting process?”")
    quotes = quotes_in(text)
    for words, name in (("not hiding", "Sean Ruiz"), ("vetting", "Carl Reyes")):
        q = only(quotes, words)
        assert (q.speaker, q.speaker_evidence, q.speaker_guessed) == (name, "name_nearby", True)


def test_no_guess_across_paragraphs_from_a_passive_subject_or_two_subjects(quotes_in) -> None:
    text = ("Activist Ann Roe is upbeat about the mayor’s chances.\n\n"
            "“Not only can he win in November, he’s the one with the best chance of winning.”\n\n"
            "Activist Lena Ford was attacked by the mayor on Monday. “She is not fit to lead anything.”\n\n"
            "The Gazette won't go that far, but editor Tom Baker wants to use the page as a fact check. "
            "“I think we will bring some skepticism to the town in real time.”")
    quotes = quotes_in(text)
    # session 16: a sentence of where a named person stands lends them the quoted paragraph below,
    # as a guess (tests/test_speakers_session16.py); the passive and the two subjects still do not
    q = only(quotes, "Not only can he win")
    assert (q.speaker, q.speaker_evidence, q.speaker_guessed) == ("Ann Roe", "name_nearby", True)
    assert only(quotes, "She is not fit").speaker is None
    assert only(quotes, "skepticism").speaker is None


def test_a_straight_mark_glued_to_a_full_stop_and_a_capital_opens_a_quotation(quotes_in) -> None:
    text = ("“The shop is empty,” said Ana Roe, who sells shoes in the old market and who spoke on the "
            "record.\"We basically got deceived into coming here.\"\n\n"
            "“We will win,” Tom Baker said.\"But it will be hard.\"")
    quotes = quotes_in(text)
    assert only(quotes, "deceived").speaker == "Ana Roe"
    assert only(quotes, "it will be hard").speaker == "Tom Baker"


def test_a_stray_space_and_an_ellipsis_after_an_opening_mark(quotes_in) -> None:
    text = "As the Gazette reported, “ … if the vote were held this evening, Ruiz would win, and handily.”"
    assert "vote were held" in only(quotes_in(text), "handily").text

