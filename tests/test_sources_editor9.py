"""Sources from the ninth editor's reading of real pages (invented text throughout)."""

from __future__ import annotations

from checks import check_text


def test_a_hyphenated_first_name_is_the_whole_first_name() -> None:
    """`Eva-Marie`: Marie alone is a known first name, but the person is not Marie Persson."""
    text = ("What did the court say?\nDeputy Director of Public Prosecution Eva-Marie Persson took the "
            "decision to \"close the file on Tom Vale\", the Danish Prosecution Authority said.\n"
            "Ms Persson said: \"The file is closed.\"")
    report = check_text(text)
    assert report.quotes[-1].speaker == "Eva-Marie Persson"
    assert "Marie Persson" not in {s.name for s in report.sources.named}


def test_a_sentence_opening_time_phrase_is_not_a_role() -> None:
    """`Day-by-day Haldane's hearings…`: the words ahead of the name say when, not who he is."""
    text = ("Haldane has decided to abort the early campaign.\nDay-by-day Haldane\u2019s ginned-up media "
            "hysteria has created a news blackout of the other front-runners. \"We will keep going,\" "
            "Rep. Tom Haldane said.")
    (source,) = check_text(text).sources.named
    assert source.name == "Tom Haldane"
    assert source.role == "Rep."


def test_the_role_of_the_person_just_named_is_that_person() -> None:
    """`according to the analyst`, a sentence after `Harlow Capital analyst Mira Castell said`."""
    text = ("In a research note early Tuesday, Harlow Capital analyst Mira Castell said the market is "
            "misreading the results. That creates a buying opportunity, according to the analyst. "
            "\"Sales were light, though margins were in line,\" wrote Castell.")
    sources = check_text(text).sources
    assert [s.name for s in sources.named] == ["Mira Castell"]
    assert sources.anonymous == ()


def test_the_role_of_two_people_just_named_stays_anonymous() -> None:
    text = ("Harlow Capital analyst Mira Castell and Vane Partners analyst Tom Iker met the board. "
            "That creates a buying opportunity, according to the analyst.")
    assert [a.text for a in check_text(text).sources.anonymous] == ["the analyst"]


def test_a_newspaper_named_as_teller_is_an_organisation() -> None:
    text = ("The Portland Courier says police are looking into whether the victim tried to stop the "
            "suspect.\nThe man ran from the station. The Courier says he was arrested a block away.")
    named = check_text(text).sources.named
    assert [(s.name, s.kind) for s in named] == [("Portland Courier", "organization")]


def test_a_name_with_a_stock_symbol_is_a_company() -> None:
    text = ("Shares of Ridgeway fell 5%, and peer Lowe's (LOW) stock is off too. \"We are on track,\" "
            "Lowe's said in a statement.")
    (quote,) = check_text(text).quotes
    assert (quote.speaker, quote.speaker_kind) == ("Lowe", "organization")


def test_a_company_reporting_its_earnings_is_no_source() -> None:
    text = "Analysts expect little. Acme Corp. reports earnings on Wednesday."
    assert check_text(text).sources.named == ()


def test_a_newspaper_named_again_by_its_last_word_is_an_organisation() -> None:
    text = ("The Harbor City Chronicle says police are looking into whether the victim tried to stop "
            "the suspect.\nThe man ran from the station. The Chronicle says he was arrested a block away.")
    named = check_text(text).sources.named
    assert [(s.name, s.kind) for s in named] == [("Chronicle", "organization")]
