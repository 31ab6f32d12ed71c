"""Session 16 (helper-105): confident wrong speakers on PolNeAR train's matched quotations, by cause
(issue 14): a remark judged by someone else, and a cue that introduces the next quotation."""

from __future__ import annotations

from support.quotes import only

from checks.models import Quote
from checks.quotes.confidence import (
    HIGH,
    OWNED,
    OWNED_CEILING,
    Sample,
    apply_confidence,
    cell_keys,
    confidence_of,
    fit_table,
    quote_cells,
)


def test_words_judging_someones_remark_are_the_judges_not_the_remarks_owner(quotes_in) -> None:
    text = ("Senator Ray Ostrander spoke on Monday. In a statement, union chief Dara Quell called "
            "Senator Ray Ostrander's claim of a surplus \"significant and disturbing.\" The union has "
            "4,000 members.\n\n"
            "Governor Nina Falk spoke in Dover. Last year, the ambassador played down Governor Nina "
            "Falk's comments as \"just part of the campaign\" and said little more.")
    quotes = quotes_in(text)
    assert only(quotes, "significant and disturbing").speaker == "Dara Quell"
    assert only(quotes, "just part of the campaign").speaker != "Nina Falk"


def test_a_judgment_after_the_remarks_phrase_is_the_judges_whatever_the_parse_hangs_it_on(quotes_in) -> None:
    text = ("Governor Nina Falk spoke in Dover. Senator Ray Ostrander, the state's top Republican, on "
            "Tuesday called Governor Nina Falk's remarks about the judge \"racist,\" an extraordinary "
            "rebuke.\n\n"
            "Governor Nina Falk spoke in Dover. Tara Wendt, who ran the party's campaign in 2012, called "
            "Falk's statements and actions on Sunday \"childish.\" \"She is unfit,\" Wendt said.")
    quotes = quotes_in(text)
    assert only(quotes, "racist").speaker == "Ray Ostrander"
    assert only(quotes, "childish").speaker == "Tara Wendt"


def test_words_inside_a_judged_remark_stay_its_owners(quotes_in) -> None:
    text = ("Governor Nina Falk spoke in Dover. Omar Brisk mocked Falk's claim that the vote was "
            "\"rigged from the start.\"")
    assert only(quotes_in(text), "rigged from the start").speaker == "Nina Falk"


def test_a_cue_whose_clause_opens_the_next_quotation_leaves_the_one_before_to_its_introduction(
        quotes_in) -> None:
    text = ("Pastor Len Abbott held up a book. When someone in the audience shouted, \"Garner,\" Abbott "
            "joked, \"Amen, brother! Come on up!\"\n\n"
            "Mayor Ann Kolb wrote to her aide Tim Roarke about a photo. Kolb responds to Roarke with, "
            "\"Why now? That was on my way to Ohio?\" Roarke then writes back, \"You look great.\"\n\n"
            "Lena Marsh hosts the show. Pryce was asked by host Lena Marsh, \"Now, you famously said you "
            "were tired of hearing about the emails. Has that changed?\" Pryce responded, \"It has.\"")
    quotes = quotes_in(text)
    assert only(quotes, "Garner").speaker != "Len Abbott"
    assert only(quotes, "Amen").speaker == "Len Abbott"
    assert only(quotes, "Why now").speaker == "Ann Kolb"
    assert only(quotes, "look great").speaker == "Tim Roarke"
    assert only(quotes, "tired of hearing").speaker == "Lena Marsh"
    assert only(quotes, "It has").speaker == "Pryce"


def test_a_cue_between_two_quotations_serves_both_when_the_first_has_no_cue_of_its_own(quotes_in) -> None:
    # the clause before the first quotation (`put up a red banner –`) says nothing: the agency reports both
    text = ("Harbour Standoff\n\nSomeone named Ivo Danek, who had quarrelled with his landlord, locked "
            "himself in a bakery near the old port. In the process he put up a red banner – “fuelling,” as "
            "Reuters reported, “rumours of a wider plot across the city.” By night the street was calm.")
    assert only(quotes_in(text), "fuelling").speaker == "Reuters"


def test_a_split_quotation_keeps_the_cue_between_its_halves(quotes_in) -> None:
    text = ("\"We are not done,\" Mayor Ann Kolb said, \"and we will not stop.\"\n\n"
            "Asked about the vote, \"It was close,\" Kolb said, \"closer than we hoped.\"")
    quotes = quotes_in(text)
    assert only(quotes, "not done").speaker == "Ann Kolb"
    assert only(quotes, "It was close").speaker == "Ann Kolb"


def test_a_fragment_given_to_a_remarks_owner_is_held_under_the_confident_line() -> None:
    story = ("Voters will not look past Mayor Ann Kolb's description of herself as a "
             "\u201cproud pragmatist.\u201d")
    at = story.index("proud")
    owner = story.index("Ann Kolb")
    quote = Quote("proud pragmatist.", at, at + 17, "Ann Kolb", "named", (owner, owner + 8), "description",
                  partial=True, speaker_evidence="name_at_cue")
    [cells] = quote_cells([quote], story)
    assert cells is not None and cells[-1].endswith(f"|{OWNED}")
    table = {"prior": 0.95, "proven": [], "cells": {cells[0]: {"n": 500, "p": 0.97}}}
    assert confidence_of(cells, table) == OWNED_CEILING < HIGH
    [scored] = apply_confidence([quote], story, table)
    assert scored.speaker_confidence == OWNED_CEILING
    said = Quote("proud pragmatist.", at, at + 17, "Ann Kolb", "named", (owner, owner + 8), "said",
                 partial=True, speaker_evidence="name_at_cue")
    [plain] = quote_cells([said], story)
    assert plain is not None and plain[-1].endswith("|fragment")
    assert confidence_of(plain, table) == 0.97


def test_a_fitted_table_holds_a_remarks_owner_cells_under_the_line() -> None:
    keys = cell_keys("name_at_cue", "touching", "leads", "same_sentence", "alone", "no_rival", OWNED)
    table = fit_table([Sample(keys, True)] * 40)
    assert all(cell["p"] <= OWNED_CEILING for key, cell in table["cells"].items() if key.endswith(OWNED))
    assert table["cells"]["name_at_cue"]["p"] > HIGH


def test_a_cue_right_after_a_fragments_closing_mark_is_its_own_not_the_clause_before_it(quotes_in) -> None:
    text = ("Ray Holt spoke on Monday. Dana Pruitt, his former manager, disagreed. Holt cannot say that "
            "\"from his point of view,\" Pruitt added, saying it should be \"up to the voters.\"\n\n"
            "Ray Holt spoke on Monday. Dana Pruitt said Holt accused the board of \"gross negligence.\"")
    quotes = quotes_in(text)
    assert only(quotes, "point of view").speaker == "Dana Pruitt"
    assert only(quotes, "gross negligence").speaker == "Dana Pruitt"
