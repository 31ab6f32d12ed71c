"""Quotes, speakers and dates an editor found wrong on real pages (session 12, left open),
rewritten as invented text. Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks import check_text


def test_a_role_stacked_before_a_name_with_and_is_that_person_s_title() -> None:
    """`Snopes fact checker and staff writer David Emery posted…` went to `Snopes fact checker`."""
    text = ("Transit analyst and staff writer Tom Reyes posted to Facebook asking whether there were "
            "“any happy bus riders left?”")
    report = check_text(text)
    assert [q.speaker for q in report.quotes] == ["Tom Reyes"]
    assert report.sources.anonymous == ()
    # `The mayor and Jane Doe said` is two people: the mayor has an article of her own
    two = check_text("The mayor and Jane Doe said the budget was “a fair deal for everyone.”")
    assert [q.speaker for q in two.quotes] == ["The mayor"]


def test_a_label_in_what_someone_is_asked_to_do_is_nobody_s_quote() -> None:
    """`the scientists asked five people to perform a “…” task` credited the task's name to them."""
    text = ("To test the idea, the engineers asked ten drivers to complete a \"lane keeping\" exercise. "
            "In it, the drivers steered through cones.")
    assert all(q.speaker is None for q in check_text(text).quotes)


def test_a_term_s_comma_does_not_take_the_verb_after_it() -> None:
    """`who popularized the term “software engineering,” later led the team that wrote…` credited
    the term to the team."""
    text = ("Ortiz, who popularized the term “urban canopy,” later led the team that wrote the city's "
            "first tree survey. She retired in 2001.")
    assert all(q.speaker is None for q in check_text(text).quotes)


def test_what_the_reader_will_say_is_nobody_s_quote() -> None:
    """`“I'm Batman,” you will say` was listed as a quote: the writer predicts the reader's words."""
    text = ("“Sky Glider” ($15)\n\n"
            "“I’m flying,” you will say. And you will be right, because the game puts you in a "
            "glider over the sea.")
    assert check_text(text).quotes == ()
    # a named subject's `will say` is a speech's released text, and stays a quote
    named = check_text("“We are ready,” Obama will say tonight, according to excerpts released on Monday.")
    assert [q.speaker for q in named.quotes] == ["Obama"]


def test_a_one_word_name_never_introduced_as_a_person_is_an_organisation() -> None:
    """`Roscosmos said in a statement` was listed as a person: no first name, title, role or he/she."""
    text = ("An unmanned supply ship broke apart minutes after launch on Thursday, Kosmoflot said in a "
            "statement. It said most of the debris burned up over the ocean.\n\n"
            "Kosmoflot said the ship had worked normally before it stopped sending data. The state space "
            "agency would not say what went wrong.\n\n"
            "Both Kosmoflot and NASA said the loss would not affect the crew on the station.")
    named = check_text(text, dt.date(2021, 5, 7)).sources.named
    assert [(s.name, s.kind) for s in named] == [("Kosmoflot", "organization")]


def _dates(text: str, published: dt.date) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published).dates]


def test_a_site_s_today_box_is_no_date() -> None:
    """`Today on WebMD`, the heading of a box of links, was read as the story's day."""
    text = ("Peanut study changes advice for parents of babies, doctors say.\n\n"
            "Today on HealthWire\n"
            "Please wait...")
    assert _dates(text, dt.date(2021, 5, 7)) == []


def test_the_dateline_dates_the_story() -> None:
    """A page dated 4 February by its furniture opened `Feb. 23, 2015 -- …`: the dateline wins."""
    from checks.links.extract import extract_article

    body = " ".join(["Doctors now say early feeding of peanut snacks may prevent allergies."] * 12)
    html = ("<html><head><title>Peanuts early</title><meta name='date' content='2021-02-04'></head>"
            "<body><article><h1>Babies who eat peanuts early may avoid allergy</h1>"
            f"<p>March 23, 2021 -- Peanut allergies have been on the rise. {body}</p>"
            "</article></body></html>")
    assert extract_article(html, "https://example.org/news/peanuts").article.published == dt.date(2021, 3, 23)
