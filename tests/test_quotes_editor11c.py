"""Quotes and speakers an editor found wrong on real pages, rewritten as invented text (session 11)."""

from __future__ import annotations

from support.quotes import only

from checks import check_text


def test_an_epithet_between_a_name_and_its_verb_is_nobody_s_quote() -> None:
    text = ("Weather forecasting changed forever in the 1960s.\n\n"
            "Marsh, “the father of modern forecasting,” started a quiet revolution on a borrowed "
            "computer. He worked at night.")
    report = check_text(text)
    assert not any(q.speaker == "a quiet revolution" for q in report.quotes)
    assert report.sources.anonymous == ()


def test_a_verb_whose_subject_precedes_the_quote_does_not_attribute_it() -> None:
    text = ("The council met on Monday.\n\n"
            "Ortega, “the conscience of the council,” began a long campaign against the tower. It "
            "lasted a decade.")
    report = check_text(text)
    assert not any(q.speaker == "a long campaign" for q in report.quotes)


def test_she_after_a_surname_two_women_share_is_nobody_the_words_name() -> None:
    text = ("Joan Pell ran the lab's computer in 1962. “It was a beast,” Pell said.\n\n"
            "Later the job went to Nora Quist, who married the chemist Peter Quist. Peter Quist "
            "built the lab's cooling system, and Peter Quist still visits. Their daughter Ada "
            "Quist studies the same currents. “I grew up in that lab,” Ada Quist said. Peter Quist "
            "still visits the lab every week.\n\n"
            "Pell and Quist still speak of those years fondly. This was common then. Quist recalls "
            "that in all her years at the lab, only once did a colleague thank her in print; she "
            "said she was “shocked and moved” when it happened.")
    # Nora or Ada: the words do not say which, and Joan Pell is not the sentence's subject
    assert all(q.speaker is None for q in check_text(text).quotes if "shocked" in q.text)


def test_a_subject_before_a_full_stop_is_not_the_next_sentence_s_speaker() -> None:
    text = ("“Stomper” ($15)\n"
            "What would happen if Tron, the board game Simon, a Clown beetle, Cthulhu and a brass "
            "band met in VR? Chaos, for sure, and also “Stomper.” Called a “violent drum game” by "
            "its makers, “Stomper” is, well, a violent drum game that is also lovely to look at.")
    report = check_text(text)
    assert all(q.speaker != "Chaos" for q in report.quotes)
    assert all(s.name != "Chaos" for s in report.sources.named)


def test_a_name_the_parse_made_the_root_is_the_subject_of_the_verb_after_its_apposition() -> None:
    text = ("Senator Paul Drury of Ohio, a Republican, defended the budget on Tuesday.\n\n"
            "Mr. Halden, the Oregon Democrat, called last year’s farm bill “the worst piece of "
            "legislation I have seen in a decade.” In 2011, however, when his own party wrote a "
            "similar bill, he called it “a sensible mix of help and thrift.”")
    quotes = check_text(text).quotes
    assert only(quotes, "worst piece").speaker == "Halden"
    assert only(quotes, "sensible mix").speaker == "Halden"


def test_saying_in_a_statement_is_the_subject_s_saying() -> None:
    text = ("Gunmen attacked a market in the capital on Wednesday, killing four people.\n\n"
            "The leader of the Renewal party, Omar Haddadi, condemned Wednesday’s attack, saying "
            "in a statement that it “will not break the will of our people to live in peace.”")
    quote = only(check_text(text).quotes, "will of our people")
    assert (quote.speaker, quote.speaker_kind) == ("Omar Haddadi", "named")


def test_a_sentence_that_sums_up_with_a_metaphor_introduces_the_next_quote() -> None:
    text = ("The deficit keeps growing, and few in Washington seem worried.\n\n"
            "Martha Quinlan, chair of the budget office under two presidents, once summed up the "
            "danger of debt with an image. “It is not so much a fire in the kitchen as rot in the "
            "beams.”")
    assert only(check_text(text).quotes, "rot in the beams").speaker == "Martha Quinlan"


def test_words_quoted_again_in_pieces_keep_their_speaker() -> None:
    text = ("When the storm hit, the city's transit agency stepped in and Mayor Lena Ortiz tweeted "
            "this notice: “We know many of you are stranded downtown. Fares have risen to bring "
            "more drivers onto the roads near the stadium.”\n\n"
            "What can we learn from this? Let’s start by reading that tweet closely:\n\n"
            "“We know many of you are stranded downtown …”\n\n"
            "That opening suggests a city that cares.\n\n"
            "“… Fares have risen to bring more drivers onto the roads near the stadium.”\n\n"
            "But there is no care in what follows.")
    quotes = [q for q in check_text(text).quotes if "stranded" in q.text or "Fares have risen" in q.text]
    assert len(quotes) == 3
    assert all(q.speaker == "Lena Ortiz" for q in quotes)


def test_a_question_that_came_from_someone_is_theirs() -> None:
    text = ("Dr. Helen Marsh gave a talk on tides at the museum last spring. At the end, a "
            "question came from a member of the audience: “Did you ever test what happens when the "
            "moon is closest?”\n\n"
            "Marsh laughed.")
    quote = only(check_text(text).quotes, "moon is closest")
    assert (quote.speaker, quote.speaker_kind) == ("a member of the audience", "anonymous")


def test_a_participle_with_no_one_doing_it_gives_its_words_to_nobody() -> None:
    text = ("The new release is worth checking out, whether one needs a simple map or a database "
            "of places.\n"
            "Comments (3 posted)\n"
            "Apache OpenOffice has made two releases in the past year: 4.1 in April 2014 and 4.1.1 "
            "(described as \"a small fix release\" in the release announcement) in August.")
    assert all(q.speaker != "Comments" for q in check_text(text).quotes)


def test_a_long_book_title_with_small_words_is_no_quote() -> None:
    text = ("And then there is the matter of our shared spirit. In her book “A Harbor Built on "
            "Sand: The Quiet Neighbors that Rise in Floods,” Dana Okoro wrote of the meaning "
            "people find when they pull together.")
    assert all("Harbor Built" not in q.text for q in check_text(text).quotes)


def test_a_name_hung_on_the_party_after_of_is_the_leader_who_says_it() -> None:
    text = ("Gunmen attacked a market in the capital on Wednesday, killing four people.\n\n"
            "The leader of Nahda, Omar Haddadi, condemned Wednesday’s attack, saying in a statement that "
            "it “will not break the will of our people to live in peace.”")
    quote = only(check_text(text).quotes, "will of our people")
    assert (quote.speaker, quote.speaker_kind) == ("Omar Haddadi", "named")
