"""Quotes and sources an editor found wrong on real news pages, rewritten as invented text
(session 12, helper-84)."""

from __future__ import annotations

from support.quotes import named

from checks import check_text


def test_a_full_name_the_model_tagged_as_an_organisation_is_the_speakers_name() -> None:
    # the small model tags `Darnell Stowe` ORG here, and the bare `Stowe` that speaks PERSON
    text = ("Darnell Stowe, who represents the second driver, said his client chose not to accept a "
            "plea deal. He said the driver is a father of two and a prison term would \"end his "
            "career.\"\n\"We had hoped the county would admit the road was unsafe,\" Stowe said.")
    report = check_text(text)
    assert [q.speaker for q in report.quotes if "county" in q.text] == ["Darnell Stowe"]
    source = named(report.sources, "Darnell Stowe")
    assert source.kind == "person"
    assert [s.name for s in report.sources.named] == ["Darnell Stowe"]


def test_what_the_reader_will_wonder_is_imagined_not_a_quote_without_a_speaker() -> None:
    text = ("Start with a small step and see how it feels. If you never try, you will always wonder, "
            "\"What would have happened if I had kept going?\"")
    report = check_text(text)
    assert report.quotes == ()
    assert not any(s.code == "unattributed_quote" for s in report.signals)


def test_dubbed_names_who_coined_the_words_like_called() -> None:
    text = ("Ruiz testified for two hours. She said her deputy, Mark Olsen, had dubbed the budget plan "
            "\"a slow-motion disaster.\"")
    assert [q.speaker for q in check_text(text).quotes] == ["Mark Olsen"]


def test_a_closing_said_x_tells_the_words_the_sentence_reports_someone_told() -> None:
    # the words speak of Olsen as `he`: they are the witness's account, not Olsen's own line
    text = ("Olsen was known for telling others \"he was in charge of the port\" despite being a junior "
            "clerk, said another witness, former harbor master Ana Ruiz.")
    assert [q.speaker for q in check_text(text).quotes] == ["Ana Ruiz"]
    # the parse may make the closing `said` the sentence's root, its speaker an object
    root = ("Olsen was known for telling others \"he was in charge of the harbor\" despite being the "
            "town clerk in Dover, said another witness in the inquiry, former port adviser Ana Ruiz.")
    assert [q.speaker for q in check_text(root).quotes] == ["Ana Ruiz"]
    # a second verb with its own subject before it is a second statement, not the attribution
    second = "Mayor Ana Ruiz called the budget \"a disgrace\" and said she would veto it."
    assert [q.speaker for q in check_text(second).quotes] == ["Ana Ruiz"]
