"""Session 16 (helper-111): issue 14, wrong speakers from pronouns and descriptions on PolNeAR
train, and the `owned` cap narrowed to a possessed remark. Every text here is invented for the test."""

from __future__ import annotations

from support.quotes import only

from checks.models import Quote
from checks.quotes.confidence import OWNED, quote_cells


def test_a_he_whose_chain_leads_back_to_an_unnamed_delegate_is_the_delegate(quotes_in) -> None:
    text = ("Governor Paul Raskin visited the county fair on Saturday and promised farmers lower taxes.\n\n"
            "Many local Republicans are already leaving the party, thanks to Raskin. One county delegate "
            "said he tried to give away tickets to the rally to his neighbors. He was unable to find a "
            "single taker, he said, speaking on condition of anonymity.\n\n"
            "\u201cNot even one,\u201d he said.\n")
    found = only(quotes_in(text), "Not even one")
    assert found.speaker == "One county delegate" and found.speaker_kind == "anonymous"


def test_a_she_whose_chain_leads_back_to_the_singer_is_the_singer_named_before(quotes_in) -> None:
    text = ("Singer Mara Delgado is not sure she can vote for Governor Ellen Marsh over Senator Tom "
            "Briggs.\n\n"
            "Asked about her own vote in the event that Marsh faces Briggs, who has insulted farmers and "
            "nurses, she replied: \u201cI don't know. I'm going to see what happens.\u201d\n\n"
            "\u201cReally,\u201d she added when the interviewer expressed shock.\n\n"
            "The singer said she was tired of the old parties and wanted someone new.\n\n"
            "She appeared to suggest that Briggs could bring more change than Marsh, the former governor "
            "seeking to become the first female president.\n\n"
            "\u201cSome people feel Briggs will shake things up,\u201d she said.\n")
    assert only(quotes_in(text), "shake things up").speaker == "Mara Delgado"


def test_a_he_whose_chain_leads_back_to_a_description_with_a_name_beside_it_is_that_name(quotes_in) -> None:
    text = ("At my first stop, a pair of men were leaning on a gate, about to go fishing. It turned out they "
            "despised Governor Paul Raskin. One of the men, Ed Varga, 70, had served in the Navy and said he "
            "was convinced that Mr. Raskin's temper would lead the state into trouble. The other man, his "
            "cousin Jim Yost, 40, cited Mr. Raskin's fondness for Senator Carl Dunmore as a danger. "
            "\u201cHe's talking too much trash,\u201d he said.\n")
    assert only(quotes_in(text), "too much trash").speaker == "Jim Yost"


def test_a_reporter_who_asks_is_not_who_the_next_he_is(quotes_in) -> None:
    text = ("Governor Paul Raskin spoke to supporters in Dover on Tuesday night. A reporter asked "
            "whether the turnout would help him. \u201cThe bigger the turnout, the better I feel,\u201d "
            "he said.\n")
    assert only(quotes_in(text), "bigger the turnout").speaker == "Paul Raskin"


def test_mr_before_a_name_the_story_also_gives_as_a_first_name_says_he_is_a_man(quotes_in) -> None:
    text = ("Finance Minister Lou Jiwei of China met Treasury Secretary Jacob J. Lew in Beijing on "
            "Tuesday.\n\n"
            "Mr. Lou said there was nothing wrong with Mr. Lew's raising the problem in the talks. But he "
            "suggested that Mr. Lew had his eyes on critics back home. \u201cThey're under pressure "
            "domestically,\u201d he said.\n\n"
            "The government cannot control the economy the way it once did, Mr. Lou said. \u201cSo it's "
            "very hard to estimate,\u201d he said.\n")
    quotes = quotes_in(text)
    assert only(quotes, "under pressure").speaker == "Lou Jiwei"
    assert only(quotes, "hard to estimate").speaker == "Lou Jiwei"


def test_ms_before_a_surname_a_husband_and_wife_share_is_the_wife(quotes_in) -> None:
    text = ("Omar Haddad and his wife, Leila Haddad, spoke at the convention on Thursday about their son, "
            "Karim Haddad, who died in Iraq. Governor Ellen Marsh praised them.\n\n"
            "\u201cVote for unity,\u201d Mr. Haddad said. \u201cVote for liberty and freedom.\u201d\n\n"
            "And Ms. Haddad, in an opinion article published on Sunday, rebuked Senator Tom Briggs for "
            "suggesting that she had not been permitted to speak. \u201cAll the country felt my pain,\u201d "
            "Ms. Haddad wrote. She continued: \u201cTom Briggs has children whom he loves. Does he really "
            "need to wonder why I did not speak?\u201d\n")
    quotes = quotes_in(text)
    assert only(quotes, "Vote for unity").speaker == "Omar Haddad"
    assert only(quotes, "felt my pain").speaker == "Leila Haddad"
    assert only(quotes, "children whom he loves").speaker == "Leila Haddad"


def _shape(story: str, words: str, cue: str) -> str:
    at = story.index(words)
    quote = Quote(words, at, at + len(words), "Ann Kolb", "named", (0, 8), cue, partial=True,
                  speaker_evidence="name_at_cue")
    [cells] = quote_cells([quote], story)
    assert cells is not None
    return cells[-1].rsplit("|", 1)[-1]


def test_only_a_possessed_remark_is_the_owned_shape() -> None:
    said = "Ann Kolb said in a statement that the plan was \u201ca careful first step\u201d for the city."
    assert _shape(said, "a careful first step", "statement") == "fragment"
    posted = "Ann Kolb posted a message on Twitter reading \u201cthank you, voters\u201d on Tuesday."
    assert _shape(posted, "thank you, voters", "message") == "fragment"
    remark = "Ann Kolb was mocked for days over her \u201cquiet majority\u201d remark at the fair."
    assert _shape(remark, "quiet majority", "remark") == OWNED
    named = "Critics seized on Ann Kolb's \u201cquiet majority\u201d remark at the fair."
    assert _shape(named, "quiet majority", "remark") == OWNED
    claim = ("Voters doubted Ann Kolb's recent and widely shared claim that the budget was "
             "\u201cfully balanced\u201d last year.")
    assert _shape(claim, "fully balanced", "claim") == OWNED
