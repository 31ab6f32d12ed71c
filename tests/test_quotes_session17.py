"""Session 17 (helper-110): a named speaker's short fragments (three to five words) woven into what
they do, and the words of a noun of claiming or promising that names its owner."""

from __future__ import annotations

from support.quotes import only


def test_a_few_words_woven_into_what_a_named_person_does_are_theirs(quotes_in) -> None:
    text = ("Mayor Ann Ruiz blamed the flooding on \"careless county road planners\" at the meeting.\n\n"
            "Tom Baker credited the crews with holding \"the whole river bank together\" all week.")
    quotes = quotes_in(text)
    assert only(quotes, "road planners").speaker == "Ann Ruiz"
    assert only(quotes, "river bank").speaker == "Tom Baker"


def test_a_word_or_two_a_label_or_a_title_woven_into_a_sentence_stays_out(quotes_in) -> None:
    text = ("Mayor Ann Ruiz visited the \"tent city\" by the river on Monday.\n\n"
            "Tom Baker opened the \"shop local\" fair with a speech.\n\n"
            "Lena Ford watched \"The Late Hour With Tom\" at home.")
    assert quotes_in(text) == ()


def test_the_words_of_a_claim_that_names_its_owner_are_the_owners(quotes_in) -> None:
    text = ("Mayor Ann Ruiz spoke in Leeds on Monday. Ruiz's pledge to stay \"strictly neutral\" in "
            "the port dispute won praise.\n\n"
            "Tom Baker spoke next. His standing grew after his call for \"a total freeze\" on fares.\n\n"
            "Baker's accusation that Lena Ford was \"hiding the report\" from voters upset the hall.")
    quotes = quotes_in(text)
    assert only(quotes, "strictly neutral").speaker == "Ann Ruiz"
    assert only(quotes, "total freeze").speaker == "Tom Baker"
    assert only(quotes, "hiding the report").speaker == "Tom Baker"


def test_a_claim_with_no_owner_named_or_a_label_in_it_gives_no_speaker(quotes_in) -> None:
    text = ("Mayor Ann Ruiz spoke in Leeds on Monday. The pledge to stay \"strictly neutral\" came up at "
            "the meeting.\n\n"
            "Tom Baker spoke next. His call for a \"phase one\" deal with the unions won praise.")
    assert quotes_in(text) == ()


def test_a_claim_someone_else_answers_goes_to_neither(quotes_in) -> None:
    """`Ruiz blasted Baker's call for a “…”`: the story may give Baker's words as Ruiz's account of
    them; crediting either could be the confident wrong answer, so the words stay out."""
    text = ("Mayor Ann Ruiz spoke in Leeds on Monday. She blasted Tom Baker's call for a \"harbour "
            "curfew\" at the meeting.")
    assert [q.speaker for q in quotes_in(text) if "curfew" in q.text] in ([], [None])


def test_a_teller_set_off_by_commas_tells_the_fragment(quotes_in) -> None:
    """`…, the two towns, Ruiz said, now have a “…”`: the parse may leave the clause without a subject;
    the speaker set off by commas still tells it."""
    text = ("Mayor Ann Ruiz spoke in Leeds on Monday. Bound together by years of trade and sharing a long "
            "border, the two towns, Ruiz said, now have a \"golden opportunity\" to grow.")
    assert only(quotes_in(text), "golden opportunity").speaker == "Ann Ruiz"


def test_words_a_crowd_shouts_are_not_the_sentence_subjects(quotes_in) -> None:
    """`Ruiz spoke at the pier, where fishermen gathered, shouting “…”`: the parse may hang the
    shouting on Ruiz's verb; the shout is the crowd's, and no one named is credited."""
    text = ("Ruiz spoke at the pier, where dozens of fishermen gathered, shouting \"no quota, no vote\" at "
            "her car.")
    assert [q.speaker for q in quotes_in(text) if q.speaker] == []


def test_words_set_beside_a_named_subject_are_an_epithet_not_a_quote(quotes_in) -> None:
    # what the story calls someone is not what they said, whatever the verb after it
    text = ("It is a tidy story. Marta Ruiz, \"the queen of salsa,\" started a movement in the city.\n\n"
            "The band played on. Tom Baker, \"a man of few words,\" wrote the score for the film.\n\n"
            "Lena Ford said the plan was \"a slow disaster for the port\" on Monday.")
    quotes = quotes_in(text)
    assert [q.text for q in quotes] == ["a slow disaster for the port"]
    assert quotes[0].speaker == "Lena Ford"
