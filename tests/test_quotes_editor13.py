"""Quotes an editor found wrong on real pages (helper-92's reading), rewritten as invented text."""

from __future__ import annotations

from checks import check_text


def test_a_matter_addressed_before_a_colon_is_nobody_s_quote() -> None:
    # `address` here is dealing with the worries: the lines after the colon are examples of them,
    # not what the newcomers (or the borrowers who have the worries) said
    text = ("The clinics help newcomers address some of the common barriers and worries first-time borrowers "
            "have about banks: “I don’t know what a credit score is.” “I’m not good with numbers.” "
            "“I don’t know how to open an account.”\n\nIn 2018, the clinics advised 40 towns.")
    report = check_text(text)
    assert len(report.quotes) == 3
    assert all(q.speaker is None for q in report.quotes)
    assert report.sources.anonymous == ()
    assert "mostly_anonymous" not in {s.code for s in report.signals}


def test_addressing_an_audience_before_a_colon_still_attributes_the_quote() -> None:
    report = check_text("The mayor addressed the crowd: “We will rebuild this town together.”\n\nShe left.")
    assert [q.speaker for q in report.quotes] == ["The mayor"]
    report = check_text("Mayor Ana Ruiz addressed some of the volunteers: “You saved this town.”\n\nShe left")
    assert [q.speaker for q in report.quotes] == ["Ana Ruiz"]
    report = check_text("Mayor Ana Ruiz addressed the lawmakers: “You saved this town.”\n\nShe left")
    assert [q.speaker for q in report.quotes] == ["Ana Ruiz"]


def test_a_quoted_word_labelling_letters_nobody_wrote_is_not_a_quote() -> None:
    # `letters` are a statement noun (a letter one writes); blue “argon” letters are made of glass
    text = ("Another mark of the craft: the sculptor’s 1971 work poked fun at the space race. The piece "
            "uses blue “argon” letters (helium, actually) to spell out the name “mira” in lowercase "
            "cursive, with each character repeated several times.")
    assert check_text(text).quotes == ()


def test_a_label_on_a_statement_someone_owns_stays_their_quote() -> None:
    text = ("Senator Ana Ruiz defended the bill on Tuesday. Critics seized on Ruiz's “fair share” "
            "remark at the rally.")
    quotes = check_text(text).quotes
    assert [q.speaker for q in quotes if q.text == "fair share"] == ["Ana Ruiz"]


def test_reporting_to_duty_is_not_a_statement() -> None:
    text = ("After the audit, the mayor moved the staffers to other offices. One of the staffers, "
            "according to the county's rota, had worked several night shifts before reporting to duty "
            "at the vault.")
    assert check_text(text).sources.anonymous == ()


def test_reporting_to_the_police_is_still_a_statement() -> None:
    text = "Two staffers reported to police that the vault had been opened."
    assert [a.text for a in check_text(text).sources.anonymous] == ["Two staffers"]


def test_a_particle_opening_a_sentence_is_the_full_name_s_not_a_first_name() -> None:
    text = ("In the 2012 book Being and Glass, the philosopher Marco de Silva weaves a history of glass. "
            "Nonetheless, de Silva makes a convincing case.\n"
            "De Silva evokes the notion in his introduction: “When we hear the word glass, an image pops "
            "into our heads.”\n“Since then, it has witnessed all the changes,” de Silva writes.")
    report = check_text(text)
    assert {q.speaker for q in report.quotes} == {"Marco de Silva"}
    assert [s.name for s in report.sources.named] == ["Marco de Silva"]


def test_a_middle_name_and_surname_alone_are_the_person_named_in_full() -> None:
    text = ("Attorney General Ana Ruiz put Kathleen Hawk Sawyer in charge of the agency.\n"
            "As the charges were unsealed, Hawk Sawyer testified before the committee.\n"
            "“This incident was a black eye,” Hawk Sawyer said.")
    report = check_text(text)
    assert [q.speaker for q in report.quotes] == ["Kathleen Hawk Sawyer"]


def test_a_threat_people_make_before_a_colon_is_theirs() -> None:
    # a relative clause on words said (a threat, a promise) still names who says them
    text = ("Each year there is a threat many voters make but few keep: “If she wins, I am moving to the "
            "coast!”\n\nNow one mayor wants to help.")
    assert [q.speaker for q in check_text(text).quotes] == ["many voters"]
