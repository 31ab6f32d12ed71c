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
