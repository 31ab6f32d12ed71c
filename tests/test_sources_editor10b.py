"""Sources from an editor's reading of real pages, tenth round (invented text throughout)."""

from __future__ import annotations

from checks import check_text


def _named(text: str) -> dict[str, tuple[str, str | None]]:
    return {s.name: (s.kind, s.role) for s in check_text(text).sources.named}


def test_a_newspaper_keeps_its_whole_name() -> None:
    """`Austin` is a first name, but `The Port Austin Times` is a newspaper, not `Austin Times`."""
    named = _named("The Port Austin Times reported on Monday that Corvane Labs is preparing to cut 300 "
                   "jobs. The company employs 2,000 people.")
    assert named.get("Port Austin Times", ("", None))[0] == "organization"
    assert "Austin Times" not in named


def test_a_conjunction_opening_the_clause_is_not_part_of_a_role() -> None:
    """`is whether Corvane's founder, Tobias Wrenfield, …`: the role is the founder, not `whether …`."""
    named = _named("The question is whether Corvane\u2019s founder and former CEO, Tobias Wrenfield, "
                   "indulged in favouritism. Wrenfield said on Friday that he had done nothing wrong.")
    assert named["Tobias Wrenfield"][1] == "Corvane\u2019s founder"


def test_a_name_written_only_after_the_is_a_publication() -> None:
    """`according to the Intelligencer`: no person is named with `the` before the name."""
    named = _named("Rep. Dale Marrow spoke in Ostend on Monday. Smugglers \"move $40 million a week across "
                   "the line,\" he said, according to the Intelligencer, the Ostend Evening Star.")
    assert named["Intelligencer"][0] == "organization"


def test_a_device_being_charged_is_no_source() -> None:
    """`charge` reports words only as an accusation; a laptop on charge said nothing."""
    text = ("The Gidley Watch is charging on the desk. Harlan Pro is charging too, and Vesta Air charges in "
            "an hour.")
    assert check_text(text).sources.named == ()


def test_a_title_before_an_office_names_no_person() -> None:
    """`The Westland Justice Department has charged …`: Justice is a title only before a name."""
    named = _named("The Westland Justice Department has charged Tom Vale with fraud over the sale of the "
                   "harbour. Vale denies the charges.")
    assert "Department" not in named
    assert named["Westland Justice Department"][0] == "organization"


def test_a_hyphenated_name_apposed_to_a_role_is_a_person_with_that_role() -> None:
    """`Norway's chief prosecutor, Anna-Lena Brix, said`: the model may tag the name an organisation."""
    named = _named("\u201cThe evidence is not strong enough to bring a case,\u201d Norway\u2019s deputy "
                   "director of public prosecutions, Anna-Lena Brix, said on Tuesday.\nBrix said the file "
                   "was closed.")
    assert named["Anna-Lena Brix"] == ("person", "Norway\u2019s deputy director of public prosecutions")


def test_a_capitalised_title_after_the_name_is_the_role() -> None:
    """`says Rolf Tamsin, Head of Sales Solutions for Vexio`: a title in capitals, not a name."""
    named = _named("\u201cThe ward monitor changes how nurses work,\u201d says Rolf Tamsin, Head of Sales "
                   "Solutions for Vexio.\n\u201cWe are delighted to work with Vexio again,\u201d adds Pierre "
                   "Lanval, General Manager of Home Care Systems at Brightloom.")
    assert named["Rolf Tamsin"][1] == "Head of Sales Solutions for Vexio"
    assert (named["Pierre Lanval"][1] or "").startswith("General Manager of Home Care")


def test_a_title_joined_by_an_ampersand_is_one_role() -> None:
    named = _named("\u201cOur readers click on what they trust,\u201d said Dara Quellman, CEO & founder, "
                   "Brightloom.")
    assert named["Dara Quellman"][1] == "CEO & founder"


def test_a_plural_names_the_group_not_the_person() -> None:
    """`founding members Tom Harrow, Lee Vance and Ada Crisp`: Harrow is one member, not `members`."""
    named = _named("To mark 40 years of the band, founding members Tom Harrow, Lee Vance and Ada Crisp will "
                   "reunite for a tour.\n\u201cWe are thrilled,\u201d Harrow said in a statement.")
    assert named["Tom Harrow"][1] != "founding members"


def test_one_office_written_in_two_cases_is_one_source() -> None:
    """`the U.S. Attorney’s Office` then `the U.S. attorney's office`: one office, one row."""
    text = ("Dale Penrose, 51, of Arden, pleaded guilty to threatening a judge, the U.S. "
            "Attorney\u2019s Office for the Northern District of Ohio said in a statement.\n"
            "He told a clerk he would \"make her pay,\" the U.S. attorney's office said.")
    offices = [s for s in check_text(text).sources.named if "attorney" in s.name.lower()]
    assert len(offices) == 1
    assert offices[0].name == "U.S. Attorney\u2019s Office"
    assert offices[0].quotes == 1
