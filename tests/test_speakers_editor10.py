"""Speakers and roles from the tenth editor's reading of real pages (issue 14, items 1 and 3).

A question followed by someone's answer (`“…?” Grayson responded that…`) is not the answerer's; a
name written `Moon Jae-in`, whose last part the model tags a common noun, keeps its title in the
sources list. Every text here is invented.
"""

from __future__ import annotations

from support.quotes import only

from checks import check_text
from checks.models import Quote


def _speakers(quotes: tuple[Quote, ...]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes]


# -- whoever answers a question did not ask it -------------------------------------------------


def test_a_question_is_not_credited_to_the_one_who_responds(quotes_in) -> None:  # type: ignore[no-untyped-def]
    """`“…?” Grayson responded that…`: Grayson answers; the senator the sentence before is about asked."""
    text = ("Whitcombe returned to the issue later in the hearing. \"What private rockets exist today or are "
            "in development that can carry the lander by 2028?\" Liam Grayson responded that the agency "
            "rocket is the only one.")
    q = only(quotes_in(text), "What private rockets")
    assert q.speaker != "Liam Grayson"
    # the person the sentence before is about asked it: a guess the verifier confirms
    assert (q.speaker, q.speaker_guessed) == ("Whitcombe", True)


def test_the_answer_verb_right_after_the_question_is_not_the_askers(quotes_in) -> None:  # type: ignore[no-untyped-def]
    """The cue read as the question's own (`…?” Grayson answered that…`), and the reverse: a question
    with its own `asked`, and an answer, keep their speakers."""
    text = ("Reporters pressed the agency on the schedule. \"Is the lander ready?\" Grayson answered that "
            "it was not.\n\n"
            "\"Will you run?\" Smith asked. \"No,\" Jones replied.")
    quotes = quotes_in(text)
    assert only(quotes, "lander ready").speaker != "Grayson"
    assert only(quotes, "Will you run").speaker == "Smith"
    assert only(quotes, "No").speaker == "Jones"


def test_a_question_that_is_the_answer_stays_with_who_gave_it(quotes_in) -> None:  # type: ignore[no-untyped-def]
    """`“Why not?” he replied.` and `“Who knows?” Jones shot back.` say nothing but the question: it is
    their answer. `“Who pays?” Ruiz shot back by saying…` answers with words of its own."""
    text = ("Grayson was asked if the date would hold. \"Why not?\" he replied.\n\n"
            "\"Who knows?\" Jones shot back.\n\n"
            "The senator pressed on the cost. \"Who pays for the second launch pad?\" Ana Ruiz shot back by "
            "saying the state would.\n\n"
            "\"No,\" Jones replied.")
    quotes = quotes_in(text)
    assert only(quotes, "Why not").speaker == "Grayson"
    assert only(quotes, "Who knows").speaker == "Jones"
    assert only(quotes, "second launch pad").speaker != "Ana Ruiz"
    assert only(quotes, "No").speaker == "Jones"


# -- a hyphened given name keeps its title -----------------------------------------------------


def test_a_title_before_a_hyphened_korean_name_is_the_persons_role() -> None:
    """`president Moon Jae-in`: the model tags `in` a common noun and hangs `president` and `Moon`
    on `Jae`; the row still shows the title. A Western name in the same story keeps its own."""
    text = ("Rail link to the north stalls\n\n"
            "The rail link was announced by president Moon Jae-in a year ago, and work has barely started. "
            "\"We are behind, but we will finish it,\" Moon told reporters on Monday.\n\n"
            "Mayor Tom Reyes of the border town was less sure. \"Nobody has come to survey the land,\" "
            "Reyes said.")
    report = check_text(text)
    roles = {s.name: s.role for s in report.sources.named}
    assert roles["Moon Jae-in"] == "president"
    assert roles["Tom Reyes"] == "Mayor"
