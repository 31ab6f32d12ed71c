"""Speaker names and source rows as a verifier reads them: whole names (`Leung Wai-man`, `He
Jianmin`), offices with their owner (`Russia's foreign ministry`), one row per person, and quote
marks around things nobody said (subheads, account names). Invented text throughout."""

from __future__ import annotations

from support.quotes import only

from checks.models import Quote, Report
from checks.quotes.marks import paragraphs
from checks.signals import find_signals


def test_hyphenated_given_name_is_one_name_speaker_and_source(quotes_and_sources) -> None:
    text = ("Harbour police faced crowds again on Sunday night.\n\n"
            "Leung Wai-man, the commander of the eastern district, said: \u201cThese vandals will face "
            "the courts. They must answer for what they did.\u201d\n\n"
            "\u201cWe will restore order,\u201d Leung Wai-man said.")
    quotes, sources = quotes_and_sources(text)
    assert {q.speaker for q in quotes} == {"Leung Wai-man"}
    [row] = sources.named
    assert (row.name, row.kind, row.quotes) == ("Leung Wai-man", "person", 2)
    assert row.role == "the commander of the eastern district"


def test_surname_he_read_as_a_pronoun_stays_in_the_name(quotes_and_sources) -> None:
    text = ("The treasurer met Zhao He, the chief negotiator, in Lisbon last week.\n\n"
            "\u201cWithout cutting some of the duties, what is the reason for the other side to sign this "
            "deal at all?\u201d He Jianmin, the former deputy governor for China at the Asian Development "
            "Bank, said at an event in Tokyo.")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "Without cutting").speaker == "He Jianmin"
    assert [s.name for s in sources.named] == ["He Jianmin"]


def test_two_foreign_ministries_keep_their_countries(quotes_and_sources) -> None:
    text = ("Russia's foreign ministry said it viewed the decision as \"a step that weakens every "
            "agreement\" and said it would raise tensions.\n\n"
            "The French foreign ministry said it \"deplores any move likely to harm the talks\".")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "weakens every").speaker == "Russia's foreign ministry"
    assert only(quotes, "deplores").speaker == "French foreign ministry"
    assert {(s.name, s.kind) for s in sources.named} == {
        ("Russia's foreign ministry", "organization"), ("French foreign ministry", "organization")}


def test_office_named_in_full_is_an_organisation(quotes_and_sources) -> None:
    text = ("The United Nations High Commissioner for Refugees said the plan did \"not respect the "
            "rights of people who fled\".")
    quotes, sources = quotes_and_sources(text)
    q = only(quotes, "not respect")
    assert (q.speaker, q.speaker_kind) == ("United Nations High Commissioner for Refugees", "organization")
    assert [(s.name, s.kind) for s in sources.named] == [
        ("United Nations High Commissioner for Refugees", "organization")]


def test_warning_noun_after_a_name_is_that_persons_warning(quotes_and_sources) -> None:
    text = ("Norway and Chile also criticised the plan, with Chilean Foreign Minister Pablo Serrano "
            "warning of \"grave consequences for the region\".")
    quotes, sources = quotes_and_sources(text)
    q = only(quotes, "grave consequences")
    assert (q.speaker, q.speaker_kind, q.cue) == ("Pablo Serrano", "named", "warning")
    assert [s.name for s in sources.named] == ["Pablo Serrano"]


def test_name_that_opens_a_full_name_is_one_source_row(quotes_and_sources) -> None:
    text = ("China\u2019s ambassador to Britain Zhang Wenming has said that China has the \u201cstrength and "
            "resolve\u201d to end the unrest in the port city amid strikes.\n\n"
            "Zhang said that the navy could be sent to the coast, warning: \u201cThey are already "
            "stationed in the southern harbour. They are there to show resolve.\u201d")
    _, sources = quotes_and_sources(text)
    [row] = sources.named
    assert (row.name, row.quotes) == ("Zhang Wenming", 2)


def test_organisation_tag_on_a_surname_the_story_gives_a_first_name(quotes_and_sources) -> None:
    text = ("Another diplomat, former special envoy to Ukraine Kurt Vogler, shifted his own account "
            "of the meeting.\n\"I think all of us thought it was wrong,\" Vogler said.\n"
            "Vogler said the meeting was routine.\n")
    quotes, sources = quotes_and_sources(text)
    q = only(quotes, "all of us")
    assert (q.speaker, q.speaker_kind) == ("Kurt Vogler", "named")
    [row] = sources.named
    assert (row.name, row.kind, row.quotes, row.mentions) == ("Kurt Vogler", "person", 1, 3)


def test_anonymous_description_whose_apposition_names_the_person_is_not_anonymous(quotes_and_sources) -> None:
    text = ("Another diplomat, former special envoy to Ukraine Kurt Hollander, shifted his own account of "
            "the June 3 meeting to say the ambassador did, in fact, discuss the loans with the visiting "
            "delegation.\n\n"
            "\u201cI think all of us thought it was wrong; the talk did not go on and the meeting "
            "ended,\u201d Hollander said.\n\n"
            "Hollander said the meeting with the lawyer was just part of the dialogue.")
    _, sources = quotes_and_sources(text)
    assert sources.anonymous == ()
    assert [s.name for s in sources.named] == ["Hollander"]


def test_numbered_and_bulleted_quoted_subheads_are_headings_not_quotes(quotes_and_sources) -> None:
    text = ("The hearing ran for nine hours. Here are the main moments:\n\n"
            "- \"My worries came true\"\n\n"
            "Dalton told the committee, \"I worried at the time how the call would play out. My worries "
            "came true.\"\n\n"
            "2. \"Not a side channel\"\n\n"
            "Dalton rejected the idea that he had run a side channel. \"My role was not a side channel "
            "but the main one,\" he told the panel.")
    quotes, _ = quotes_and_sources(text)
    assert [q.text for q in quotes] == [
        "I worried at the time how the call would play out. My worries came true.",
        "My role was not a side channel but the main one"]


def test_quoted_list_items_that_are_sentences_stay_quotes() -> None:
    text = ('3. "The Budget Problem"\n- "We will win."\n- "We will win," she said.\n'
            '4) \u201cNot a side channel\u201d')
    assert [p.headline for p in paragraphs(text)] == [True, False, False, True]


def test_account_name_in_quote_marks_is_not_a_quote(quotes_and_sources) -> None:
    text = ("WELLINGTON (AP) \u2014 New Zealand's Green Party was accused Monday of trying to mislead voters "
            "by changing the name of its press office Twitter account to \u201ctruthCheckNZ\u201d during a "
            "televised debate between the two leaders.")
    quotes, _ = quotes_and_sources(text)
    assert quotes == ()


def test_confirm_note_on_an_organisation_reads_as_one_sentence() -> None:
    text = "'a grave error' is said"
    q = Quote("a grave error", 0, 13, "Arvale Council", "organization", (20, 34), "called",
              speaker_evidence="organization", speaker_confidence=0.7)
    [note] = find_signals(Report(quotes=(q,)), text)
    assert note.message.startswith("'a grave error' is attributed to Arvale Council as an organisation, "
                                   "not a person; about 7 in 10")
    assert "to an organisation" not in note.message


def test_a_role_serving_a_named_person_stays_anonymous(quotes_and_sources) -> None:
    text = ("A spokesman, aide to Senator Jane Doyle, said the vote was delayed.\n\n"
            "An adviser, aide to Jane Doyle, said the vote was close.\n")
    _, sources = quotes_and_sources(text)
    assert [a.text for a in sources.anonymous] == ["A spokesman", "An adviser"]


def test_a_title_before_a_one_word_name_is_not_its_first_name(quotes_and_sources) -> None:
    text = ('"We will fix the roads," Mayor Smith said.\n\n'
            'Senator Smith agreed, saying "the roads are a disgrace".\n')
    quotes, sources = quotes_and_sources(text)
    assert {q.speaker for q in quotes} == {"Smith"}
    assert [(s.name, s.role) for s in sources.named] == [("Smith", "Mayor")]
