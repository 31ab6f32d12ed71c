"""Speakers and sources an editor found wrong on real pages (session 13, helper-90), rewritten as
invented text. Every text here is invented for the test."""

from __future__ import annotations

from checks import check_text
from checks.models import Quote


def _quote(text: str, words: str) -> Quote:
    [quote] = [q for q in check_text(text).quotes if words in q.text]
    return quote


def test_a_term_someone_reports_another_used_is_the_users_not_the_witness() -> None:
    """`He said Sondland called it "the X problem"` went to the witness at 1.0: the term is the
    word of the one who called it so, whoever tells the sentence."""
    text = ("Gordon Ladd, a former aide, testified on Tuesday. He said Mark Sondland called it "
            "\"the Ladd problem\" in a meeting.")
    quote = _quote(text, "Ladd problem")
    assert quote.speaker == "Mark Sondland"
    dubbed = _quote("Ann Pike said Tom Ferris dubbed the plan \"the money pit\" last year.", "money pit")
    assert dubbed.speaker == "Tom Ferris"
    referred = _quote("Ann Voss said Director Tim Roe referred to the group as \"the night crew\" for years.",
                      "night crew")
    assert referred.speaker == "Tim Roe"


def test_a_term_someone_denies_using_is_nobodys_words() -> None:
    """`denied ever calling them "the three amigos"` went to the one denying it at 0.95."""
    text = ("The ambassador Mark Sondland spoke on Monday. He denied ever calling them \"the three "
            "amigos\" during the talks.")
    quote = _quote(text, "three amigos")
    assert quote.speaker is None and quote.speaker_confidence is None
    for disowned in ("Ann Voss said Tim Roe never called it \"a crisis\" in public.",
                     "Ann Voss said Tim Roe refused to call it \"a crisis\" in public."):
        assert _quote(disowned, "a crisis").speaker is None


def test_a_long_quotation_someone_calls_something_is_still_the_tellers() -> None:
    """A whole sentence in the marks is no term: what the teller reports stays the teller's."""
    text = "Mayor Ada Pike said Councilman Joel Ferris accused the board of \"gross negligence.\""
    assert _quote(text, "gross negligence").speaker == "Ada Pike"


def test_a_named_persons_relative_or_aide_is_someone_else() -> None:
    """`Hadvar's uncle` was read as a mention of Hadvar: the next `he said` went to Hadvar."""
    lawyer = ("Tom Reyes was charged on Monday. Reyes's lawyer spoke to reporters outside the court. "
              "\"My client is innocent,\" he said.")
    quote = _quote(lawyer, "innocent")
    assert quote.speaker == "Reyes's lawyer" and quote.speaker_kind == "anonymous"
    aide = ("Ann Smith did not vote. Smith's spokeswoman gave no reason. \"She was at a funeral,\" "
            "she said.")
    assert _quote(aide, "funeral").speaker == "Smith's spokeswoman"
    # the person's own `he` is still theirs, and a company's owner speaks through it
    own = "Tom Reyes was charged on Monday. Reyes spoke to reporters. \"I am innocent,\" he said."
    assert _quote(own, "innocent").speaker == "Tom Reyes"


def test_a_description_prefers_the_person_just_named_over_a_holder_paragraphs_back() -> None:
    """In a list article, `The actress explained` went to the one person the story had called an
    actress, paragraphs before, not to the star the paragraph is about."""
    text = ("Ten stars who quit acting.\n\n1. Nora Vale\n\nThe comedian left the stage in 2010. Her "
            "friend, actress Ida Moss, was surprised.\n\n2. Lena Hart\n\nLena Hart starred in six films "
            "before she moved to a farm in Maine. The actress explained, \"I wanted a quiet life.\"")
    quote = _quote(text, "quiet life")
    assert quote.speaker == "Lena Hart" and (quote.speaker_confidence or 0) < 0.8
    # the holder named in the sentences just before is still the one meant
    near = ("Actress Ida Moss opened the festival on Friday. The crowd was large. \"I am thrilled,\" "
            "the actress said.")
    assert _quote(near, "thrilled").speaker == "Ida Moss"


def test_a_sentence_ends_at_a_blank_line() -> None:
    """A paragraph without a full stop was run into the next one's first sentence, and what that
    sentence says (`She added; “…”`) hung on the name that closed the paragraph above."""
    text = ("The festival opened on Friday. Director Ana Wong said backstage that nobody could tell "
            "what would happen at the awards, given how many strong films had come from the smaller "
            "studios this year and how close the votes had been in the past few years, said Tom Roe\n\n"
            "She added; “It is true that the momentum is building.”")
    assert _quote(text, "momentum").speaker == "Ana Wong"


def test_a_mistyped_surname_the_model_took_for_an_organisation_is_the_person() -> None:
    """`“…,” Hauser said` in a story about Houser was listed as an organisation."""
    report = check_text("Coach Tom Houser has led the team since 2019. \"The defence was solid all "
                        "night,\" Hauser said.")
    assert [(q.speaker, q.speaker_kind) for q in report.quotes] == [("Tom Houser", "named")]
    assert [(s.name, s.kind) for s in report.sources.named] == [("Tom Houser", "person")]
    # a company the story never misspells stays one
    apple = check_text("Tim Cook spoke at the launch. \"The phone ships on Friday,\" Apple said.")
    assert [q.speaker_kind for q in apple.quotes] == ["organization"]


def test_abbreviated_ranks_are_titles() -> None:
    """`Sgt.`, `Col.`, `Maj.` were split from their full stop, ended a sentence and lost the name
    its title; `the colonel` found nobody."""
    report = check_text("Sgt. Tom Ward agreed. \"It is hard work,\" Ward said.")
    assert [(s.name, s.role) for s in report.sources.named] == [("Tom Ward", "Sgt.")]
    colonel = ("Col. Tom Roe commands the base. Mayor Ann Ruiz visited on Monday. \"We are ready,\" "
               "the colonel said.")
    assert _quote(colonel, "ready").speaker == "Tom Roe"


def test_asking_someone_to_be_something_is_no_term_and_a_possessed_thing_no_person() -> None:
    """`called on members to be “…”` is a request, not a name given to anything; `Ruiz's career`
    ends like `manager` but is nobody's aide. Both rules above stay out of them."""
    asked = "Rep. Tom Baird said Ruiz called on members to be \"closely coordinated.\""
    assert _quote(asked, "closely coordinated").speaker == "Tom Baird"
    career = ("Mayor Ana Ruiz spoke on Monday. Ruiz's career has been long. \"We made the impossible "
              "possible,\" she said.")
    assert _quote(career, "impossible").speaker == "Ana Ruiz"


def test_a_day_the_parse_makes_a_subject_is_no_speaker() -> None:
    text = ("The race tightened.\n\nTuesday in Akron, while on the trail for his wife, former governor "
            "Tom Reyes said she was ready because \"the world is in tough shape.\"")
    assert all(q.speaker != "Tuesday" for q in check_text(text).quotes)


def test_a_closing_mark_after_a_full_stop_is_no_sentence_of_its_own() -> None:
    """`…called it "absolute chaos."` then `"…," he said.` in the next paragraph: the closing mark,
    parsed as a sentence of its own, hid the reporter from the `he`."""
    text = ("Police urged people not to spread rumors.\n\nA reporter for a news agency called it "
            "\"absolute chaos.\"\n\n\"We saw people hit and bits of debris flying around,\" he said.")
    assert _quote(text, "debris").speaker == "A reporter for a news agency"


def test_a_dateline_is_no_speaker() -> None:
    text = ("Ruiz praises Roe\n\nSPRINGFIELD — Democratic Rep. Ana Ruiz on Friday attacked the budget "
            "while praising Tom Roe as a \"work horse, not a show horse.\"")
    assert all(q.speaker != "SPRINGFIELD" for q in check_text(text).quotes)
