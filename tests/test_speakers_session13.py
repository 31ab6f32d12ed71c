"""Who `he said` and `she said` stand for on PolNeAR `train` (issue 14, session 13).

The one talking in the sentence before is the next `he`, not the person their words were about
(`Mr. Dorval said Mr. Kessler had disrespected …. “…,” he said`), also when the parser lost the main
clause or the speaker is an aside (`Baker, Quarry said, has created …`); a name set in apposition to
the subject (`His cousin James Orban, 40, cited`) holds the subject's place; a name inside the
participle that `she` answers (`Asked about …, she replied`) is not her; and a sentence the parser cut
out of a quotation does not break a run of the same `she`. Every text is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def test_the_one_who_said_it_is_the_next_he_not_whom_it_was_about(quotes_in: Quotes) -> None:
    text = ("Several Republicans spoke out on Monday about the remarks. Mr. Dorval, who represents a swing "
            "district in the Denver suburbs, said Mr. Kessler had disrespected the troops.\n\n"
            "''Having served in Iraq, I'm deeply offended when Mr. Kessler fails to honor the sacrifices "
            "of our soldiers,'' he said.")
    assert only(quotes_in(text), "Having served").speaker == "Dorval"


def test_the_one_who_said_it_wins_where_the_parse_lost_the_main_clause(quotes_in: Quotes) -> None:
    text = ("Several Republicans spoke out on Monday about the remarks.\n\n"
            "Like his comments about Mr. Ferro, Mr. Dorval said, Mr. Kessler's attacks on Mr. and Mrs. "
            "Amin were entirely unacceptable. ''This is going to a place where we've never gone before,'' "
            "he said.")
    assert only(quotes_in(text), "never gone before").speaker == "Dorval"


def test_the_one_talking_in_an_aside_is_the_next_he(quotes_in: Quotes) -> None:
    # Baker is the main clause's subject, but the sentence is Quarry's words about him
    text = ("The writer Abel Quarry spent a month at the rallies of Tom Baker, the candidate.\n\n"
            "\u201cThey\u2019re conservative,\u201d Quarry said.\n\n"
            "Baker, Quarry said, has created a \u201cstrange, reality-bending zone.\u201d\n"
            "\u201cSo afterwards, his supporters feel justified,\u201d he said.")
    assert only(quotes_in(text), "So afterwards").speaker == "Abel Quarry"


def test_a_name_apposed_to_the_subject_is_the_subject(quotes_in: Quotes) -> None:
    text = ("Voters in the county are divided.\n\n"
            "His cousin James Orban, 40, cited Mr. Kessler's fondness for President Dmitri Volkov as a "
            "danger. ''He's talking too much trash,'' he said.")
    assert only(quotes_in(text), "too much trash").speaker == "James Orban"


def test_a_quotation_cut_into_sentences_does_not_break_a_run_of_she(quotes_in: Quotes) -> None:
    text = ("Dana Whitcombe has backed Senator Ellis Marr all year.\n\n"
            "Asked about her own vote in the event that Governor Ruth Alvarado faces Marr in the fall, "
            "she replied: “I don't know. I'm going to see what happens.”\n\n"
            "“Really,” she added when the host looked surprised.")
    # the one asked is `she`: Alvarado is inside what she was asked about
    assert only(quotes_in(text), "going to see").speaker == "Dana Whitcombe"
    assert only(quotes_in(text), "Really").speaker == "Dana Whitcombe"


def test_a_name_in_a_clause_with_its_own_subject_may_still_be_the_pronoun(quotes_in: Quotes) -> None:
    text = "Dana Whitcombe has backed Senator Ellis Marr all year. When Governor Ruth Alvarado arrived, " \
        "she said: “It changed nothing.”"
    assert only(quotes_in(text), "changed nothing").speaker == "Ruth Alvarado"


def test_a_speaker_inside_what_the_subject_points_out_is_not_the_one_talking(quotes_in: Quotes) -> None:
    text = ("“I think the people that I have are spectacular.” Dr. Marek Halloran turned the story back on "
            "the paper, pointing out that its reporter Ivo Castel had reported in June that the campaign "
            "was coming apart.\n\n"
            "“Apparently not,” he said. “A leopard doesn't change its spots.”")
    assert only(quotes_in(text), "Apparently not").speaker == "Marek Halloran"


def test_the_asker_is_not_the_one_who_answers(quotes_in: Quotes) -> None:
    text = ("Senator Paul Brandt sat down for an interview on Sunday.\n\n"
            "Brandt also did not sound hopeful when Garvey asked whether the party could hold the Senate.\n\n"
            "“Nobody can predict this year,” he said.")
    assert only(quotes_in(text), "Nobody can predict").speaker == "Paul Brandt"


def test_a_name_apposed_to_a_plural_is_not_the_subject_alone(quotes_in: Quotes) -> None:
    text = ("The two other candidates - Sen. Tom Ardle of Utah and Gov. Nils Berra of Idaho - also spoke at "
            "the conference. Ms. Veck's chief rival, Sen. Paul Ostrow of Maine, was the only candidate who "
            "skipped it. Instead he gave a speech in which he pledged that he would be \"a friend to both "
            "peoples.\"")
    assert only(quotes_in(text), "friend to both").speaker == "Paul Ostrow"
