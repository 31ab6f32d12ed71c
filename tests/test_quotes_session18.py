"""Session 17 (helper-114): fragments PolNeAR `train` still missed. Words a crowd chants are its
own even when no list knows its noun, and a clause with a subject of its own that a named person
concludes, predicts or finds is theirs."""

from __future__ import annotations

from support.quotes import only


def test_words_a_crowd_chants_are_the_crowds(quotes_in) -> None:
    """`the protesters chanted “…”`: as beside a whole quotation (`“…,” the crowd chanted`), any
    person noun that is the chanting verb's own subject voices the words (before, the words were
    dropped: a fragment's voice had to be a known source noun)."""
    chant = only(quotes_in("Outside the hall, the protesters chanted \"Ann Roe must resign right now.\""),
                 "must resign")
    assert (chant.speaker, chant.speaker_kind) == ("the protesters", "anonymous")
    shout = only(quotes_in("At the pier, marchers and neighbours were shouting \"we want our harbour back\" "
                           "all day."), "harbour back")
    assert shout.speaker_kind == "anonymous"


def test_a_chant_a_named_speakers_sentence_hangs_on_the_crowd_stays_the_crowds(quotes_in) -> None:
    text = ("Mayor Ann Roe spoke at the pier, where fishermen gathered, shouting \"we want our quota back "
            "now.\"")
    assert [q.speaker for q in quotes_in(text) if "quota" in q.text] in ([], [None])


def test_a_clause_a_named_person_concludes_or_snipes_is_theirs(quotes_in) -> None:
    """`Woods concluded that “it would have been an insult”`: the words are a whole clause, subject
    and all, that the sentence's named subject concludes; before, a clause with a subject of its own
    was never the sentence subject's, so the first was dropped and the second went to `letters`."""
    text = ("Not only did she find the gesture fitting, Lena Woods concluded that \"it would have been an "
            "insult\" to the veterans.\n\n"
            "Tom Hewlett sniped that Ann Ruiz, a first-time chief executive, was \"learning on the job,\" "
            "while others wrote letters.")
    quotes = quotes_in(text)
    assert only(quotes, "an insult").speaker == "Lena Woods"
    assert only(quotes, "on the job").speaker == "Tom Hewlett"


def test_a_clause_further_off_or_one_perceived_is_not_the_subjects(quotes_in) -> None:
    text = ("Mayor Tom Baker hired Ana Roe of Harbour News, a website that has run stories with headlines "
            "such as \"Bridges make drivers lazy and rude\" and others.\n\n"
            "Tom Baker saw that \"the river has risen far too fast\" this spring.")
    assert all(q.speaker != "Tom Baker" for q in quotes_in(text))


def test_words_shouted_inside_someones_report_are_the_shouters(quotes_in) -> None:
    """`Ruiz posted, "Reporting that Dayton killer shouted "…" as he slaughtered diners."`: the teller
    reports that the words were shouted; they are the shouter's, as a term is the caller's whoever
    tells the sentence (before, a fragment's voicing verb gave way to the teller, and the killer's
    shout went to Ruiz)."""
    text = ("At one point on Monday, Senator Ana Ruiz, who has many followers, posted, \"Reporting that "
            "Dayton killer shouted \"Death to the council!\" as he slaughtered diners.\" Her office did "
            "not say who told her.")
    shout = only(quotes_in(text), "Death to the council")
    assert shout.speaker != "Ana Ruiz"
    assert shout.speaker_kind in ("anonymous", "unresolved")
