"""Sources an editor found wrong on real pages, rewritten as invented text (session 11)."""

from __future__ import annotations

from support.quotes import named, only

from checks import check_text
from checks.quotes.organisation_names import named_like_organisation


def test_an_outlet_named_with_its_country_keeps_both_words() -> None:
    text = ("The founders soon disagreed about who could build the boards. Wired Italy reports "
            "that Rossi and his company resisted the other founders' plans to \"globalize\" "
            "production.")
    report = check_text(text)
    assert only(report.quotes, "globalize").speaker == "Wired Italy"
    assert named(report.sources, "Wired Italy").kind == "organization"


def test_a_name_holding_a_web_address_is_no_person() -> None:
    # the small model tags such a name a person in longer stories (`the Arduino.cc IDE now reports`)
    assert named_like_organisation("Gizmo.io Studio")
    assert named_like_organisation("Booking.com")
    assert not named_like_organisation("Ana Ruiz")


def test_a_short_name_the_story_writes_before_space_agency_is_an_organisation() -> None:
    text = ("The cargo ship broke up minutes after launch, the Russian space agency said. (Photo: "
            "Ivan Petrov / Kosmoprom Space Agency Press Service)\n"
            "MOSCOW (AP) — An unmanned cargo ship broke up over Siberia, Kosmoprom said in a "
            "statement. It said most of the debris burned up.\n"
            "Kosmoprom said the craft was working normally before it stopped sending data. \"We are "
            "looking into the cause,\" Kosmoprom said.")
    assert named(check_text(text).sources, "Kosmoprom").kind == "organization"


def test_a_hyphened_role_is_the_whole_role_and_nee_is_none() -> None:
    text = ("In the spring of 2016, the geologist Daniel Vossberg, co-director of the city's Flood "
            "Center, was preparing a lecture. “The data were the hard part,” Vossberg said.\n\n"
            "The paper thanked Miss Ellen Kettle for the numbers. Vossberg was able to reach Ellen "
            "Marsh, née Kettle, on the phone. “He carried a lot in his head,” Kettle said.")
    sources = check_text(text).sources
    assert named(sources, "Vossberg").role == "co-director of the city's Flood Center"
    assert named(sources, "Kettle").role != "née"
