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
