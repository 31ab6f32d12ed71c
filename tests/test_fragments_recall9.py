"""Quoted fragments whose clause names the speaker (invented text throughout).

A fragment counts when its clause gives its speaker: the subject of a verb of naming or judging
(`defended … as`, `dubbed`), of thinking (`thought that`), of voicing (`chanted`), a speaker set off
by commas (`…, she said, is “…”`), or a speaker whose reported clause the fragment hangs inside
(`said he was targeted because he was “…”`). Labels, titles and scare quotes nobody is said to have
said stay out.
"""

from __future__ import annotations

import pytest

from checks import check_text


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in check_text(text).quotes]


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ('Mayor Dana Whitlock defended her deputy as a "very decent man" on Tuesday.',
     "very decent man", "Dana Whitlock"),
    ('Senator Paul Okafor attacked Ben Tarrow for being a "failed candidate" in a speech.',
     "failed candidate", "Paul Okafor"),
    ('Dana Whitlock spoke for an hour. She mocked Ben Tarrow, who she dubbed "the little councilman."',
     "the little councilman.", "Dana Whitlock"),
    ('Councillor Ana Ruiz denounced the budget as "a slap in the face" for renters.',
     "a slap in the face", "Ana Ruiz"),
])
def test_a_verb_of_naming_or_judging_gives_the_words_to_its_subject(text: str, words: str,
                                                                    speaker: str) -> None:
    assert (words, speaker) in _quotes(text)


def test_the_content_of_a_thought_is_the_thinkers() -> None:
    text = ('Ana Ruiz spoke to the board. Specifically, she thought that "rates are too low, too long" '
            "to help the mayor.")
    assert _quotes(text) == [("rates are too low, too long", "Ana Ruiz")]


@pytest.mark.parametrize(("text", "words"), [
    ('The housing boom, as Ana Ruiz later explained, was an "economic bubble" from the start.',
     "economic bubble"),
    ('Ben Tarrow, Ana Ruiz said, has built a "strange and reckless" machine for his fans.',
     "strange and reckless"),
    ('The ferry service, Ana Ruiz said, is "doing much better than it has in years."',
     "doing much better than it has in years."),
])
def test_a_speaker_set_off_by_commas_tells_the_clause(text: str, words: str) -> None:
    assert _quotes(text) == [(words, "Ana Ruiz")]


@pytest.mark.parametrize(("text", "words"), [
    ('Senator Maria Ruiz said she was being targeted because she was "a very big threat" to the party.',
     ["a very big threat"]),
    ('Senator Maria Ruiz said Tuesday that John Doe was "a total lightweight" while Sam Roe is '
     '"a basket case" and "a liar."', ["a total lightweight", "a basket case", "a liar."]),
    ('Maria Ruiz told the crowd that it meant a lot to her that "the people who know me best" voted '
     "for her.", ["the people who know me best"]),
])
def test_a_clause_hanging_inside_what_someone_said_is_still_theirs(text: str, words: list[str]) -> None:
    assert _quotes(text) == [(w, "Maria Ruiz") for w in words]


@pytest.mark.parametrize("text", [
    'The files were marked "top secret" by the agency.',  # a label
    'Ben Tarrow was dubbed "the little councilman" in the coverage.',  # named, by nobody named
    'Many voters see the levy as a "disaster" for the town.',  # a scare quote with no speaker
    'The new fund will informally be dubbed the "Defeat the Mayor Fund" by staff.',
    'Ana Ruiz hailed her film as "The Long Road Home" at the premiere.',  # a title
    # a label before its noun, in a clause hanging far inside what someone said
    'Ana Ruiz said the board posted its notes online, though none of them reached the "top secret" level.',
    # a participle's thought: the main clause's subject need not be the one who put it so
    'Believing that "total pressure" would split the council, Ben Tarrow reportedly made threats.',
])
def test_labels_titles_and_scare_quotes_stay_out(text: str) -> None:
    assert _quotes(text) == []


def test_the_namer_inside_a_report_is_not_the_reporter() -> None:
    """`Ruiz said the council, which Tarrow dubbed “…”`: Tarrow's words, not Ruiz's."""
    text = 'Ana Ruiz said the council, which Ben Tarrow once dubbed "the rubber stamp," met on Monday.'
    assert _quotes(text) == [("the rubber stamp", "Ben Tarrow")]


def test_a_thought_someone_else_reports_reaches_the_reader_through_the_teller() -> None:
    text = 'Ana Ruiz said that Ben Tarrow thinks the levy is "a tax on breathing" and will vote no.'
    assert _quotes(text) == [("a tax on breathing", "Ana Ruiz")]
