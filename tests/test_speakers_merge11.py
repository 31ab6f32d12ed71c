"""Speakers the merge of this session's editor fixes got wrong on PolNeAR `train`, on invented text:
a headline's name over the lead's, a second subject after the quotation, a titled surname."""

import datetime as dt

from checks.engine import check_text


def _speaker(text: str, start: str) -> str | None:
    report = check_text(text, dt.date(2016, 4, 12))
    return next(q.speaker for q in report.quotes if q.text.startswith(start))


def test_a_headline_name_over_a_line_break_does_not_cost_the_lead_its_speaker() -> None:
    text = ("Ruth Calder: Mayor ‘Better Prepared for This Storm Than We Were When It Began.’\n\n"
            "Tuesday in Harbor City, while on a tour of the flooded docks with her deputy Tom Ash, "
            "former mayor Ruth Calder said the city was ready this time because "
            "“the sea walls are finally done.”\n\n"
            "Calder said, “We learned the hard way. Nobody will be caught out again.”")
    assert _speaker(text, "the sea walls") == "Ruth Calder"


def test_a_man_speaking_about_mrs_x_is_not_her_namesake() -> None:
    text = ("Nora Vance and her husband, Peter Vance, toured the state together this spring.\n\n"
            "“I don’t think you can discount how important the governor is,” said Stanley Rourke, a pollster "
            "who recently ran focus groups in two cities.\n\n"
            "Mrs. Vance, with her long service in the administration, “is seen as having a closer bond with "
            "the governor,” he said.")
    assert _speaker(text, "is seen as having") == "Stanley Rourke"
