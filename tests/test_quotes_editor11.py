"""Quotes and sources from the eleventh editor's reading of real pages (invented text throughout):
`as if to say` imagines a line, `in X's words,` and a name line under a pull quote name the speaker,
a cue misread as a noun, a sentence adverb or `the Bill` taken for a name, a scare quote credited to
the object of `owns`, a group listed as a person, quotes carried after a fragment's cue or a
defence."""

from __future__ import annotations

import pytest
from support.quotes import only

from checks import check_text

STORY = ("The Harbour Lions lost their ninth game in a row on Sunday, and coach Dana Ruiz left without "
         "a word.\n\n")


@pytest.mark.parametrize("line", [
    'Ruiz looked up at the stands as if to say "You expected anything else?" and walked off.',
    'A flicker crossed her face, as though to say: "Not this question again."',
])
def test_as_if_to_say_is_a_look_not_a_quote(line: str) -> None:
    """`as if to say “…”` reads a face or a gesture: nobody spoke the words."""
    report = check_text(STORY + line)
    assert report.quotes == ()
    assert not [s for s in report.signals if s.code == "unattributed_quote"]


LAB = ("The study was led by Priya Raman, Ph.D., of the Northfield Institute, and appeared in a journal "
       "of neurology.\n")


@pytest.mark.parametrize("line", [
    'In Dr. Raman\'s words, "Could a hunch be nothing more than evidence adding up?"',
    'In Raman\'s own words, "We wanted to time the moment of insight."',
])
def test_in_x_words_with_a_comma_names_the_speaker(line: str) -> None:
    """`In Dr. X's words, “…”` was a quote with no speaker: only a colon introduced `in X's words`."""
    (quote,) = check_text(LAB + line).quotes
    assert quote.speaker == "Priya Raman"


PULL = LAB + ('Raman said the team tested forty volunteers.\n'
              '"In the end, knowing that you have decided is part of deciding."\n'
              '{sign}\n'
              'The findings could help doctors who treat patients after a stroke.')


@pytest.mark.parametrize("sign", ["Priya Raman, Ph.D.", "Priya Raman"])
def test_a_pull_quote_signed_by_a_full_name_on_the_next_line(sign: str) -> None:
    """A closing pull quote over `Michael Shadlen, Ph.D.` had no speaker. Without a dash a name the
    story never gave anyone may be a subhead: it signs nothing."""
    report = check_text(PULL.format(sign=sign) + '\n"A stroke changes how fast we choose."\nNora Quill\n'
                        'Quill runs a clinic in the same city.')
    quote = only(report.quotes, "knowing")
    assert (quote.speaker, quote.speaker_evidence) == ("Priya Raman", "signature")
    assert only(report.quotes, "stroke").speaker_evidence != "signature"


def test_a_cue_the_tagger_read_as_a_plural_noun_after_a_surname() -> None:
    """`Emery states, “…”` had no speaker: `states` after a surname parsed as a noun. A place before
    `states` (`the Baltic states, “…”`) is no one speaking."""
    story = ("Paula Emery, a union organiser, has posted about the strike for weeks.\n"
             "In a later post in which Emery links to a report that wrongly pins a remark on Governor Ruiz, "
             'Emery states, "Honestly, some people feel they must invent quotes to make him look bad."\n'
             'Ministers from the Baltic states, "united as never before," signed the pact.')
    report = check_text(story)
    quote = only(report.quotes, "Honestly")
    assert (quote.speaker, quote.speaker_evidence) == ("Paula Emery", "name_at_cue")
    assert [q.speaker for q in report.quotes if "united" in q.text] in ([], [None])


GAME = ('A toy maker surprised fans this spring by announcing "Star Pilot Deluxe," its first phone game. '
        'It is a game you can play with one thumb.\n')


@pytest.mark.parametrize("adverb", ["Thankfully", "Happily"])
def test_a_sentence_adverb_is_never_a_name(adverb: str) -> None:
    """`Thankfully, now we know…: “Super Mario Run” will launch…` made `Thankfully` a person who spoke."""
    report = check_text(GAME + adverb + ', now we know when you can get it and for how much: "Star Pilot '
                        'Deluxe" will launch on phones on March 3, for a flat fee of $9.99.')
    assert adverb not in [q.speaker for q in report.quotes]
    assert adverb not in [s.name for s in report.sources.named]


@pytest.mark.parametrize("text", [
    'These are just a few of the tools that enable tracking. Meta is just one culprit in this online '
    '"attention economy," albeit a massive one — the company owns Instagram, Atlas, WhatsApp, and dozens '
    'of other services.',
])
def test_a_verb_over_the_writers_clause_is_no_cue(text: str) -> None:
    """`Facebook is one culprit in this “surveillance economy,” albeit … the company owns Instagram,
    Atlas, …` credited the scare quote to Atlas: `owns` took the writer's clause, not the quote, as
    its content."""
    report = check_text(text)
    assert report.quotes == ()
    assert [s.name for s in report.sources.named] == []


@pytest.mark.parametrize(("text", "source"), [
    ("Strandings rose sharply in November, according to whale rescue group Project Jonah, with 140 whales "
     "dying on one beach.", "Project Jonah"),
    ("Strandings rose sharply, said Sea Watch, a volunteer rescue group based in Otago.", "Sea Watch"),
])
def test_a_source_whose_role_is_an_organisation_is_one(text: str, source: str) -> None:
    """`whale rescue group Project Jonah` was listed as a person; a member of a group stays one."""
    text += " The season is far from over, according to Eric Lamb, a member of the rescue group."
    assert [(s.name, s.kind) for s in check_text(text).sources.named] == [
        (source, "organization"), ("Eric Lamb", "person")]


@pytest.mark.parametrize("text", [
    "Opposition leader Bill Shorten said the law went too far. Editors want a warrant for any search. "
    "There would be a code including — according to the explanatory notes of the British Bill — "
    "“provision to protect the confidentiality of sources”. The Bill passed the Senate on Tuesday.",
    "Labor leader Bill Horan backed the plan. There would be a code — according to the notes of the "
    "Bill — “protecting the confidentiality of sources”. The Bill was drafted in London.\n"
    "Horan is not only right on the law, he is also the most able leader Horan argues, said the union.\n"
    "“Horan is our best voice,” he says.",
])
def test_the_bill_is_legislation_not_a_person_called_bill(text: str) -> None:
    """`according to the explanatory notes of the British Bill` credited the words to Bill Shorten."""
    report = check_text(text)
    quote = only(report.quotes, "confidentiality")
    assert quote.speaker_kind != "named"
    # a role between `the` and a name (`the most able leader Horan`) is a title: the name stays his
    assert all(q.speaker == "Bill Horan" for q in report.quotes if "best voice" in q.text)
    assert all(s.quotes == 0 for s in report.sources.named if s.kind == "person" and s.name != "Bill Horan")


COUNCIL = "Mayor Tom Reyes met residents on Monday to talk about the flood barrier.\n"


def test_a_quote_paragraph_after_a_fragment_and_its_cue_goes_on() -> None:
    """`… “what's possible,” he said.` then a paragraph that is only a quotation had no speaker; a
    fragment inside the narrative (`accused Reyes of “…”`) still lends none."""
    report = check_text(COUNCIL + 'Families on the river "will sleep better than in years," he said.\n'
                        '"There will be delays. But if you walk the new wall, you can see what it does."\n'
                        'Critics accused Reyes of "wasting a fortune on concrete."\n'
                        '"The money is gone and the river is still rising."')
    quote = only(report.quotes, "delays")
    assert (quote.speaker, quote.speaker_evidence) == ("Tom Reyes", "carried")
    assert only(report.quotes, "river is still").speaker != "Tom Reyes"


def test_a_quote_paragraph_after_someone_defends_a_decision_is_their_defence() -> None:
    """`However, he defended his decision to engage with … governments.` then a quotation paragraph."""
    report = check_text(COUNCIL + "Reyes admitted the barrier had cost more than planned. However, he "
                        "defended his decision to build it before the winter.\n"
                        '"Well, it is not a perfect wall. But what we learned is that waiting costs more."')
    assert only(report.quotes, "perfect wall").speaker == "Tom Reyes"


def test_a_cue_parsed_as_the_modifier_of_a_name_that_roots_the_sentence() -> None:
    """`Mr. Warner, the Virginia Democrat, called last year's tax bill “…”` had no speaker (the parse
    made the name the root and `called` its modifier), and the next `he called it “…”` went to
    another senator."""
    report = check_text("Representative Dan Holt, an Ohio Democrat, spoke first. Representative Tom Baird, "
                        "a Utah Republican, followed.\nMr. Holt, the Ohio Democrat, called last year\u2019s "
                        "farm bill \u201cthe worst law we have passed since I came to the House.\u201d In "
                        "2012, however, he called a similar bill \u201ca fair deal for growers.\u201d")
    assert [q.speaker for q in report.quotes] == ["Dan Holt", "Dan Holt"]


def test_a_book_title_with_a_lower_case_that_is_the_books_name() -> None:
    """`In her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster,”`
    was a quote, credited to someone named earlier."""
    report = check_text("Grief can bring strangers together. In her book \u201cA Harbour After the Storm: "
                        "The Small Towns that Rebuild Themselves,\u201d Ada Kerr wrote of the pride people "
                        "find in shared work.")
    assert report.quotes == ()
