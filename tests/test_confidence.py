"""speaker_confidence: the calibrated probability that a quote's speaker is right, and the
"confirm the speaker" signal it drives (checks/quotes/confidence.py, checks/signals.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources

import pytest

from checks import check_text
from checks.models import Quote, Report
from checks.quotes.confidence import (
    CARRIED_PRONOUN,
    MIN_CELL,
    MIN_STEP,
    PRONOUN_CEILING,
    PRONOUN_EVIDENCE,
    REST,
    SMOOTHING,
    Sample,
    _isotonic,
    apply_confidence,
    calibrated,
    cell_keys,
    confidence_of,
    fit_table,
    lifted,
    load_table,
    quote_cells,
)
from checks.signals import CONFIRM_BELOW, DOUBT_BELOW, find_signals

STORY = (
    "Harbour Board Delays Vote\n\n"
    "The harbour board put off its vote on the new ferry terminal on Monday.\n\n"
    "\u201cWe owe the islanders a straight answer before the winter timetable,\u201d said Delphine "
    "Marchetti, the board's chair.\n\n"
    "Her deputy, Oskar Lindqvist, disagreed. \u201cThe numbers are not there yet,\u201d he said. "
    "\u201cWe would be building a terminal for ships that do not exist.\u201d\n\n"
    "A spokesperson for the ferry operator declined to comment.\n\n"
    "\u201cNobody on the islands was asked,\u201d a fisherman on the quay said."
)

TABLE = {"prior": 0.7, "cells": {
    "name_at_cue": {"n": 400, "p": 0.95},
    "name_at_cue|backed": {"n": 300, "p": 0.97},
    "name_at_cue|backed|touching": {"n": MIN_CELL - 1, "p": 0.2},  # too few quotes to speak
    "name_at_cue|backed|touching|whole": {"n": 200, "p": 0.99},  # below a silent cell: not reached
    "pronoun_agree": {"n": 90, "p": 0.74},
}}


def quote(speaker: str | None, confidence: float | None, evidence: str | None = "pronoun_agree",
          start: int = 40) -> Quote:
    text = "The numbers are not there yet, not this winter."
    return Quote(text, start, start + len(text), speaker, "named" if speaker else "unresolved",
                 (0, 10) if speaker else None, speaker_evidence=evidence,  # type: ignore[arg-type]
                 speaker_confidence=confidence)


def test_every_quote_with_a_speaker_gets_a_two_decimal_probability_and_the_others_none():
    report = check_text(STORY)
    assert report.quotes
    for q in report.quotes:
        if q.speaker is None:
            assert q.speaker_confidence is None
        else:
            assert q.speaker_confidence is not None and 0.0 <= q.speaker_confidence <= 1.0
            assert q.speaker_confidence == round(q.speaker_confidence, 2)
    assert any(q.speaker_confidence is not None for q in report.quotes)


def test_speaker_confidence_is_in_the_json_report_and_reads_back():
    report = check_text(STORY)
    data = json.loads(json.dumps(report.to_dict()))
    confidences = [q["speaker_confidence"] for q in data["quotes"]]
    assert confidences == [q.speaker_confidence for q in report.quotes]
    assert Report.from_dict(data).quotes == report.quotes


def test_the_finest_cell_with_enough_quotes_gives_the_probability():
    cells = cell_keys("name_at_cue", "backed", "touching", "whole")
    assert cells[:3] == ("name_at_cue", "name_at_cue|backed", "name_at_cue|backed|touching")
    assert confidence_of(cells, TABLE) == 0.97  # the next cell has too few quotes: its parent speaks
    assert confidence_of(cell_keys("pronoun_agree", "alone", "far", "fragment"), TABLE) == 0.74
    unknown = cell_keys("carried", "alone", "far", "whole")
    assert confidence_of(unknown, TABLE) == 0.7  # an evidence class not in the table: the prior


def test_fitting_smooths_a_small_cell_towards_its_parent():
    samples = [Sample(("carried", "carried|far"), right=n < 90) for n in range(100)]
    samples += [Sample(("carried", "carried|near"), right=False)]
    table = fit_table(samples)
    assert table["cells"]["carried"]["n"] == 101
    parent = table["cells"]["carried"]["p"]
    lone = table["cells"]["carried|near"]  # one wrong quote: pulled down from its parent, not to zero
    assert lone["n"] == 1 and lone["p"] == pytest.approx(SMOOTHING * parent / (1 + SMOOTHING), abs=1e-4)
    assert 0.85 < parent < 0.9


def test_a_weighted_sample_counts_as_many_quotes_as_it_stands_for():
    heavy = fit_table([Sample(("pronoun",), True, 10.0), Sample(("pronoun",), False, 1.0)])
    light = fit_table([Sample(("pronoun",), True, 1.0), Sample(("pronoun",), False, 1.0)])
    assert heavy["prior"] == pytest.approx(10 / 11, abs=1e-4) and light["prior"] == 0.5


def test_the_shipped_table_is_a_valid_fit_for_every_evidence_class():
    raw = resources.files("checks.quotes").joinpath("confidence.json").read_text(encoding="utf-8")
    table = json.loads(raw)
    assert table == load_table()
    assert 0.0 < table["prior"] < 1.0
    for key, cell in table["cells"].items():
        assert 0.0 <= cell["p"] <= 1.0 and cell["n"] >= 1, key
    assert {"name_at_cue", "carried"} <= set(table["cells"])


def test_a_whole_quote_named_at_its_verb_is_trusted_more_than_words_given_to_a_document():
    at = STORY.index("We owe")
    named = Quote("We owe the islanders a straight answer", at, at + 38, "Delphine Marchetti", "named",
                  (at + 46, at + 64), speaker_evidence="name_at_cue")
    document = Quote("ships that do not exist", 400, 423, "the report", "unresolved", (430, 440),
                     speaker_evidence="description")
    scored = apply_confidence((named, document), STORY)
    assert scored[0].speaker_confidence is not None and scored[1].speaker_confidence is not None
    assert scored[0].speaker_confidence > CONFIRM_BELOW > scored[1].speaker_confidence


def test_a_pronoun_whose_cell_is_too_small_to_speak_does_not_take_the_prior_above_the_line():
    table = {"prior": 0.93, "proven": [], "cells": {CARRIED_PRONOUN: {"n": MIN_CELL - 1, "p": 0.99}}}
    cells = cell_keys(CARRIED_PRONOUN, "same_paragraph", "backed", "no_rival", "whole")
    assert confidence_of(cells, table) == PRONOUN_CEILING
    assert confidence_of(cell_keys("carried", "same_paragraph", "backed", "no_rival", "whole"), table) == 0.93


def test_a_quote_given_to_a_document_falls_in_its_own_cell():
    story = ("The port authority answered on Friday. The statement read: "
             "\u201cWe will review every contract.\u201d")
    at = story.index("We will")
    statement = Quote("We will review every contract.", at, at + 30, "The statement", "unresolved",
                      (story.index("The statement"), story.index(" read")), speaker_evidence="description")
    [cells] = quote_cells([statement], story)
    assert cells == cell_keys("description", "touching", "leads", "same_sentence", "alone", "no_rival",
                              "document")
    assert quote_cells([Quote("We will review every contract.", at, at + 30)], story) == [None]


def test_a_confident_speaker_raises_no_confirm_signal():
    report = Report(quotes=(quote("Oskar Lindqvist", CONFIRM_BELOW),))
    assert not [s for s in find_signals(report, "") if s.code == "speaker_guessed"]


def test_a_doubtful_speaker_is_a_note_that_says_how_it_was_found_and_how_often_that_is_right():
    report = Report(quotes=(quote("Oskar Lindqvist", 0.62, "carried"),))
    [signal] = [s for s in find_signals(report, "") if s.code == "speaker_guessed"]
    assert signal.severity == "info"
    assert "Oskar Lindqvist" in signal.message and "carried over from the quote before" in signal.message
    assert "about 6 in 10" in signal.message and signal.message.endswith("confirm the speaker")


def test_a_speaker_more_likely_wrong_than_right_is_a_warning():
    report = Report(quotes=(quote("Oskar Lindqvist", DOUBT_BELOW - 0.1, "pronoun"),))
    [signal] = [s for s in find_signals(report, "") if s.code == "speaker_guessed"]
    assert signal.severity == "warn" and "pronoun" in signal.message


def test_a_guessed_speaker_with_high_confidence_is_not_flagged_any_more():
    confident = Quote("The numbers are not there yet.", 40, 70, "Oskar Lindqvist", "named", (0, 10),
                      speaker_guessed=True, speaker_evidence="pronoun_agree", speaker_confidence=0.9)
    assert not [s for s in find_signals(Report(quotes=(confident,)), "") if s.code == "speaker_guessed"]


@pytest.mark.parametrize("evidence", ["name_at_cue", "name_nearby", "pronoun_agree", "pronoun", "carried",
                                      "description", "organization", None])
def test_the_confirm_note_reads_as_one_sentence_whatever_the_evidence(evidence):
    # "is attributed to Harbour Board to an organisation" once went out to editors
    report = Report(quotes=(quote("Harbour Board", 0.6, evidence),))
    [signal] = [s for s in find_signals(report, "") if s.code == "speaker_guessed"]
    head = signal.message.split(";")[0]
    assert "attributed to Harbour Board " in head
    assert " to " not in head.split("attributed to Harbour Board ", 1)[1]


def test_a_speaker_the_story_also_names_at_a_cue_is_backed_and_a_lone_guess_is_not():
    named = Quote("The pier will close in June.", 0, 28, "Delphine Marchetti", "named", (32, 50),
                  speaker_evidence="name_at_cue")
    carried = Quote("Nobody was asked.", 100, 117, "Delphine Marchetti", "named", (32, 50),
                    speaker_guessed=True, speaker_evidence="carried")
    stray = Quote("The numbers are not there.", 200, 226, "Oskar Lindqvist", "named", (150, 165),
                  speaker_guessed=True, speaker_evidence="carried")
    cells = quote_cells([named, carried, stray], "x" * 300)
    # the named quote is alone: no *other* quote names her at its cue
    assert [[c[4].split("|")[0], c[4].split("|")[-1]] if c else None for c in cells] == [
        ["name_at_cue", "alone"], ["carried", "backed"], ["carried", "alone"]]


def test_a_pronoun_cell_stays_below_the_confirm_line_unless_it_lies_in_a_proven_one():
    cells = cell_keys("pronoun_agree", "same_paragraph", "leads", "one_sentence", "backed", "no_rival",
                      "whole")
    other = cell_keys("pronoun_agree", "far", "inside", "sentences", "alone", "no_rival", "whole")
    samples = [Sample(cells, right=True) for _ in range(200)]
    samples += [Sample(other, right=True) for _ in range(200)]
    capped = fit_table(samples)
    assert all(cell["p"] <= PRONOUN_CEILING < CONFIRM_BELOW for cell in capped["cells"].values())
    assert confidence_of(cells, capped) == PRONOUN_CEILING
    lifted = fit_table(samples, proven=[cells[1]])
    # the proof scored the proven cell's quotes at their finest cells: those rise with it
    assert all(lifted["cells"][key]["p"] > CONFIRM_BELOW for key in cells[1:])
    assert confidence_of(cells, lifted) > CONFIRM_BELOW
    assert lifted["cells"][cells[0]]["p"] <= PRONOUN_CEILING  # the coarser cell was not proven
    assert all(lifted["cells"][key]["p"] <= PRONOUN_CEILING for key in other)  # nor the other branch
    assert confidence_of(other, lifted) == PRONOUN_CEILING
    assert fit_table([Sample(("name_at_cue",), True)] * 200)["cells"]["name_at_cue"]["p"] > CONFIRM_BELOW


def test_the_shipped_table_keeps_unproven_pronoun_speakers_below_the_confirm_line():
    table = load_table()
    proven = set(table.get("proven", ()))
    for key, cell in table["cells"].items():
        if key.split("|", 1)[0] in PRONOUN_EVIDENCE and not lifted(key, proven):
            assert cell["p"] < CONFIRM_BELOW, key


def test_a_quote_carried_over_from_a_pronouns_speaker_counts_as_pronoun_resolved():
    # `“…,” he said. “…”`: the second quote's speaker is only as sure as the pronoun
    said = Quote("We will rebuild the pier.", 0, 25, "Oskar Lindqvist", "named", (300, 315),
                 speaker_guessed=True, speaker_evidence="pronoun_agree")
    more = Quote("It will take two summers.", 40, 65, "Oskar Lindqvist", "named", (300, 315),
                 speaker_guessed=True, speaker_evidence="carried")
    named = Quote("The vote is on Monday.", 100, 122, "Delphine Marchetti", "named", (126, 144),
                  speaker_evidence="name_at_cue")
    again = Quote("Nobody was asked.", 150, 167, "Delphine Marchetti", "named", (126, 144),
                  speaker_evidence="carried")
    cells = quote_cells([said, more, named, again], "x" * 400)
    evidence = [c[0] if c else None for c in cells]
    assert evidence == ["pronoun_agree", CARRIED_PRONOUN, "name_at_cue", "carried"]
    assert CARRIED_PRONOUN in PRONOUN_EVIDENCE


# A deputy named in one paragraph, then quoted through `he` in the next one and two paragraphs on:
# a few dozen characters apart, but a paragraph break is where a story moves on to someone else.
PARAGRAPHS = (
    "Oskar Lindqvist, the board's deputy, spoke after the vote.\n\n"
    "\u201cThe numbers are not there yet,\u201d he said.\n\n"
    "The board meets again in March.\n\n"
    "\u201cWe will be back,\u201d he said."
)


def pronoun_quote(story: str, words: str, name: str, evidence: str = "pronoun_agree") -> Quote:
    at, named = story.index(words), story.index(name)
    return Quote(words, at, at + len(words), name, "named", (named, named + len(name)), speaker_guessed=True,
                 speaker_evidence=evidence)  # type: ignore[arg-type]


def test_a_speaker_named_a_paragraph_or_more_away_is_not_near_however_few_characters_apart():
    first = pronoun_quote(PARAGRAPHS, "The numbers are not there yet,", "Oskar Lindqvist")
    later = pronoun_quote(PARAGRAPHS, "We will be back,", "Oskar Lindqvist")
    assert later.start - first.start < 150  # close in characters
    reach = [c[1].split("|")[1] for c in quote_cells([first, later], PARAGRAPHS) if c]
    assert reach == ["next_paragraph", "far"]
    same = ("Oskar Lindqvist, the board's deputy, stood up at the back of the hall. "
            "\u201cThe numbers are not there yet,\u201d he said.")
    [cells] = quote_cells([pronoun_quote(same, "The numbers are not there yet,", "Oskar Lindqvist")], same)
    assert cells is not None and cells[1] == "pronoun_agree|same_paragraph"


def test_a_pronoun_speaker_with_another_quoted_person_named_in_between_has_a_rival():
    story = ("Delphine Marchetti opened the meeting. Oskar Lindqvist asked for the floor first. "
             "\u201cThe numbers are not there yet,\u201d she said. Later, \u201cWe vote in March,\u201d "
             "Lindqvist said.")
    hers = pronoun_quote(story, "The numbers are not there yet,", "Delphine Marchetti")
    his = Quote("We vote in March,", story.index("We vote"), story.index("We vote") + 17, "Oskar Lindqvist",
                "named", (story.rindex("Lindqvist"), story.rindex("Lindqvist") + 9),
                speaker_evidence="name_at_cue")
    crossed, _ = quote_cells([hers, his], story)
    assert crossed is not None and crossed[5].endswith("|rival")
    [alone] = quote_cells([hers], story)  # Lindqvist quoted nowhere: nobody else who speaks is in between
    assert alone is not None and alone[5].endswith("|no_rival")


def test_a_quote_in_a_rare_cell_takes_the_share_of_its_parents_rest_not_the_parents():
    # `organization` is mostly quotes named touching the quote, all right; the few a paragraph
    # or more away are mostly wrong, and a parent's share would hide them
    samples = [Sample(("organization", "organization|touching"), right=True) for _ in range(100)]
    samples += [Sample(("organization", "organization|far"), right=n == 0) for n in range(MIN_CELL - 1)]
    samples += [Sample(("organization", "organization|next_paragraph"), right=False)] * (MIN_CELL - 2)
    table = fit_table(samples)
    parent = table["cells"]["organization"]["p"]
    rest = table["cells"][f"organization|{REST}"]
    assert rest["n"] == 2 * MIN_CELL - 3 and rest["p"] < parent - 0.2
    for reach in ("far", "next_paragraph", "same_paragraph"):  # a small cell, or one never fitted
        assert confidence_of(("organization", f"organization|{reach}"), table) == round(rest["p"], 2)
    assert confidence_of(("organization", "organization|touching"), table) > parent
    # a parent too small to speak has no rest: the evidence's own share, then the prior, speaks
    assert f"organization|touching|{REST}" not in table["cells"]


# Invented: the deputy named at the head of a sentence, inside one, and two sentences back.
LEADS = "Oskar Lindqvist stood up at the back of the hall. \u201cThe numbers are not there,\u201d he said."
INSIDE = "The chair thanked Oskar Lindqvist for his patience. \u201cThe numbers are not there,\u201d he said."
TITLED = "Sen. Oskar Lindqvist stood up after Mr. Ruiz. \u201cThe numbers are not there,\u201d he said."
FARTHER = ("Oskar Lindqvist stood up at the back of the hall. The room went quiet. "
           "\u201cThe numbers are not there,\u201d he said.")


@pytest.mark.parametrize(("story", "lead", "distance"), [
    (LEADS, "leads", "one_sentence"), (INSIDE, "inside", "one_sentence"), (TITLED, "leads", "one_sentence"),
    (FARTHER, "leads", "sentences")])
def test_a_pronoun_speaker_is_read_by_where_the_story_names_them(story, lead, distance):
    # `Sen.` and `Mr.` end no sentence: the titled name still leads, Ruiz is in the same sentence
    [cells] = quote_cells([pronoun_quote(story, "The numbers are not there,", "Oskar Lindqvist")], story)
    assert cells is not None and cells[2:4] == (f"{cells[1]}|{lead}", f"{cells[1]}|{lead}|{distance}")


def test_a_speaker_named_at_the_cue_is_in_the_quotes_own_sentence():
    story = "\u201cThe numbers are not there,\u201d said Mr. Oskar Lindqvist, the deputy."
    at, named = story.index("The numbers"), story.index("Oskar")
    said = Quote("The numbers are not there,", at, at + 26, "Oskar Lindqvist", "named", (named, named + 15),
                 speaker_evidence="name_at_cue")
    [cells] = quote_cells([said], story)
    assert cells is not None and cells[3] == "name_at_cue|touching|inside|same_sentence"


def _stories(cells_of: Callable[[int, int], tuple[str, ...]], right_of: Callable[[int], bool],
             stories: int = 60, quotes: int = 6) -> list[Sample]:
    """`quotes` quotes in each of `stories` invented stories, right or wrong story by story."""
    return [Sample(cells_of(story, n), right_of(story), 1.0, f"story{story}")
            for story in range(stories) for n in range(quotes)]


def test_a_cell_that_looks_sure_only_on_the_quotes_that_filled_it_is_read_through_the_out_of_fold_map():
    # Each story's quotes fall in a cell of their own (a feature that names the story): in sample,
    # a story whose quotes were all right makes its cell look sure, but such a cell says nothing
    # about another story. Out of fold, those quotes were right as often as the parent's (0.7).
    samples = _stories(lambda story, n: ("carried", f"carried|story{story}"), lambda story: story % 10 < 7)
    plain = fit_table([s._replace(group="") for s in samples])  # one group: no map
    assert plain["calibration"] == [] and plain["cells"]["carried|story0"]["p"] > CONFIRM_BELOW
    table = fit_table(samples)
    assert table["calibration"]
    for story in range(60):
        assert 0.6 < table["cells"][f"carried|story{story}"]["p"] < CONFIRM_BELOW
    assert confidence_of(("carried", "carried|story0"), table) < CONFIRM_BELOW


def test_a_cell_that_holds_up_out_of_fold_keeps_its_standing():
    # Two real kinds of quote, each in many stories: the map keeps them apart and near their shares.
    samples = _stories(lambda story, n: ("name_at_cue", f"name_at_cue|{'touching' if n < 4 else 'far'}"),
                       lambda story: True, stories=50)
    samples += _stories(lambda story, n: ("name_at_cue", "name_at_cue|far"), lambda story: story % 2 == 0,
                        stories=50)
    table = fit_table(samples)
    assert table["cells"]["name_at_cue|touching"]["p"] > 0.95 > CONFIRM_BELOW
    assert table["cells"]["name_at_cue|far"]["p"] < CONFIRM_BELOW


def _laplace(right: float, weight: float) -> float:
    return (right + 1) / (weight + 2)


def test_the_calibration_map_never_falls_and_each_step_is_its_quotes_share_of_right_speakers():
    w = MIN_STEP
    scored = [(0.2, 0.0, w), (0.3, w, w), (0.4, 0.0, w), (0.9, w, w), (0.95, w, w), (0.97, 0.0, w),
              (0.9, w / 2, w / 2)]  # the same share as another quote: pooled with it before the rest
    knots = _isotonic(scored)
    assert [p for _, p in knots] == sorted(p for _, p in knots)
    assert knots == [(0.2, _laplace(0, w)), (0.3, _laplace(w, 2 * w)), (0.9, _laplace(2.5 * w, 3.5 * w))]
    assert calibrated(0.1, knots) == knots[0][1] and calibrated(0.35, knots) == 0.5
    assert calibrated(0.99, knots) == knots[-1][1]


def test_a_step_of_a_few_quotes_all_right_out_of_fold_does_not_make_a_share_certain():
    knots = _isotonic([(0.9, 0.9 * MIN_STEP, MIN_STEP), (0.99, 3.0, 3.0)])  # too few to be a step
    assert knots == [(0.9, _laplace(0.9 * MIN_STEP + 3, MIN_STEP + 3))]
    top = _isotonic([(0.9, 0.9 * MIN_STEP, MIN_STEP), (0.99, MIN_STEP, MIN_STEP)])[-1][1]
    assert top == _laplace(MIN_STEP, MIN_STEP) < 0.99  # all right out of fold, and still not certain


def test_the_shipped_table_was_read_through_a_calibration_map():
    table = load_table()
    knots = table["calibration"]
    assert len(knots) > 2 and [p for _, p in knots] == sorted(p for _, p in knots)
    assert [lo for lo, _ in knots] == sorted(lo for lo, _ in knots)
