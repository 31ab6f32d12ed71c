"""From helper-116's reading of twelve real pages: a headline's figurative verb in marks is nobody's
quote in the body, a place described as one is no source, a spokesperson for a named body is no unnamed
source, and a surname of three hyphened parts keeps its first name. Every text here is invented."""

from __future__ import annotations

from checks import check_text


def _quoted(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in check_text(text).quotes]


def test_a_headlines_figurative_verb_in_marks_is_the_storys_term_in_the_body_too() -> None:
    text = ("Plants That ‘Hear’ Rain Close Their Leaves\n"
            "The botanist Mira Osei studied ferns for a decade. As Osei notes, being able to “hear” faint "
            "vibrations gives a plant time to react. Osei believes that their ability to continually “hear” "
            "the soil is a key defence. “We were surprised,” Osei said.")
    assert _quoted(text) == [("We were surprised", "Mira Osei")]


def test_a_headlines_quoted_judgement_stays_the_speakers() -> None:
    """Only a verb in use (its object outside the marks) is the story's figure of speech."""
    text = ("Mayor Calls Harbour Plan ‘Reckless’\n"
            "Mayor Ana Ruiz said on Monday that the harbour plan was “reckless” and would cost too much. "
            "“We will vote against it,” Ruiz said.")
    assert ("reckless", "Ana Ruiz") in _quoted(text)


def test_a_headlines_quoted_verb_quoted_from_someone_stays_theirs() -> None:
    """The verb with an object outside the marks, but a judgement the body quotes from someone."""
    text = ("Ruiz Says Rival ‘Gutted’ Harbour Fund\n"
            "Mayor Ana Ruiz said on Monday that her rival had “gutted” the fund last year.\n"
            "“We will rebuild it,” Ruiz said.")
    assert ("gutted", "Ana Ruiz") in _quoted(text)


def test_a_place_described_as_one_is_not_a_source() -> None:
    text = ("Earlier this month, Veloria (the largest province in Castamar) declared a state of emergency "
            "over floods, a local paper reported. Veloria has seen heavy rain since May.\n"
            "“The rivers have never been this high,” said Tomas Brell, a hydrologist at the Castamar "
            "Weather Office.\n"
            "Dana Voss, a state senator, said the response was slow. “We were not ready,” Voss said.")
    named = {s.name: s.role for s in check_text(text).sources.named}
    assert "Veloria" not in named
    assert named["Dana Voss"] == "a state senator"  # `state senator` ends on a person's job


def test_a_spokesperson_for_a_named_body_is_not_an_unnamed_source() -> None:
    text = ("Nurses at the Delmont clinic said they were overworked, according to a staff survey.\n"
            "“We cannot keep up,” one nurse said.\n"
            "But a spokesperson for the Delmont Health Trust said staffing had risen.\n"
            "“We have hired 40 nurses,” he said.\n"
            "“Our wards are safe,” he said.\n"
            "“We will keep hiring,” he added.\n"
            "Mayor Ana Ruiz said the clinic was vital. “It must stay open,” Ruiz said.")
    report = check_text(text)
    assert [q.speaker_kind for q in report.quotes].count("anonymous") == 4
    assert not [s for s in report.signals if s.code == "mostly_anonymous"]


def test_unnamed_sources_still_raise_the_warning() -> None:
    text = ("“We cannot keep up,” one nurse said.\n“Nobody listens,” another nurse said.\n"
            "“It is worse at night,” a porter said.\nMayor Ana Ruiz said the clinic was vital. “It must stay "
            "open,” Ruiz said.")
    assert [s for s in check_text(text).signals if s.code == "mostly_anonymous"]


def test_a_surname_of_three_hyphened_parts_keeps_the_first_name() -> None:
    text = ("“The case was rare,” said Patrick Lin-Shao-Kwong, a pulmonologist in Sydney. "
            "“We saw it once,” Lin-Shao-Kwong said.")
    report = check_text(text)
    assert [q.speaker for q in report.quotes] == ["Patrick Lin-Shao-Kwong"] * 2
    assert [s.name for s in report.sources.named] == ["Patrick Lin-Shao-Kwong"]
