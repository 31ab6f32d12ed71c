"""Session 18 (helper-120): quoted words PolNeAR `train` still missed with a speaker in reach: a whole
clause in marks right after a named subject's verb, a sentence ending in `, said <name>`, and a
speaker's sentence going on after a lead-in (`In Europe, by contrast, “…”`)."""

from __future__ import annotations

from support.quotes import only


def test_a_whole_clause_in_marks_right_after_the_verb_is_the_subjects(quotes_in) -> None:
    """`Roe welcomed “the finding that we do not, in truth, own …”`: the opening mark between the verb
    and its clause does not make the clause someone else's (before, a clause with a subject of its own
    counted as the subject's only when `that` or its first word came right after the verb)."""
    text = ("Lena Ford, a founder of the Harbour Institute, welcomed \"the finding that we do not, in "
            "truth, own all the boats we need.\"")
    assert only(quotes_in(text), "all the boats").speaker == "Lena Ford"


def test_a_clause_said_to_someone_or_fired_back_is_the_subjects(quotes_in) -> None:
    """`groused to a crowd in Dayton that the network “…”`, `fired back that the “voters of …”`:
    whom the words were said to, or the verb's particle, between the verb and `that`."""
    text = ("Ann Ruiz spoke in Ohio on Monday.\n\n"
            "On Monday, Ruiz groused to a crowd in Dayton that the network \"never gives me a "
            "fair hearing\" before leaving.\n\n"
            "Ruiz fired back that the \"voters of Dayton chose me two times\" in the city.")
    quotes = quotes_in(text)
    assert only(quotes, "fair hearing").speaker == "Ann Ruiz"
    assert only(quotes, "chose me two times").speaker == "Ann Ruiz"


def test_a_clause_further_off_than_the_verbs_addressee_stays_out(quotes_in) -> None:
    text = ("Ann Ruiz spoke in Ohio on Monday.\n\n"
            "Ruiz walked to the pier where the fishermen \"had waited for hours in the rain.\"\n\n"
            "Tom Baker saw \"the river has risen far too fast\" this spring.")
    assert [q.speaker for q in quotes_in(text)] in ([], [None], [None, None])


def test_words_in_a_sentence_that_ends_said_name_are_the_names(quotes_in) -> None:
    """`The vote signals “the beginning of the end” for the pact, said Ann Ruiz, a lawyer.`: the parse
    took the clause before the comma for a second subject of `said`; the words are what Ruiz said
    (before, the clause's noun was taken for the speaker and the words were dropped)."""
    text = ("The vote against the harbour pact signals \"the beginning of the end\" for the old port, "
            "said Ann Ruiz, a lawyer for the fishermen.\n\n"
            "Pair a weak economy with a \"mayor who is a magnet for trouble\" and residents get nervous, "
            "said Tom Baker, a ferry captain.")
    quotes = quotes_in(text)
    assert only(quotes, "beginning of the end").speaker == "Ann Ruiz"
    assert only(quotes, "magnet for trouble").speaker == "Tom Baker"


def test_a_speakers_sentence_goes_on_after_a_lead_in(quotes_in) -> None:
    """`they write, “to be religious is …” In Europe, by contrast, “claims …”`, and a cue clause whose
    apposition is long: the speaker going on (before, a quotation after `X said,` counted as a
    fragment, so nothing went on from it, and a cue clause of more than 12 words was a sentence)."""
    text = ("In the United States, Ann Ruiz and Tom Baker write, \"to be religious is to be in step with "
            "the neighbours.\" In Europe, by contrast, \"claims based on faith carry much less weight.\"\n\n"
            "\"We were not very happy when it was first announced,\" said Lena Ford, head of policy at "
            "the Harbour Council of the Northern Coast in Maine. Now, \"within the shipping community "
            "there is a sizable group saying this is fine.\"")
    quotes = quotes_in(text)
    assert only(quotes, "carry much less weight").speaker == only(quotes, "in step with").speaker
    assert only(quotes, "in step with").speaker is not None
    assert only(quotes, "shipping community").speaker == "Lena Ford"


def test_no_going_on_from_a_word_in_marks_or_into_a_sentence_of_the_writers(quotes_in) -> None:
    text = ("Tom Baker said the \"bill\" was weak. But \"the plan is stronger with the council behind it.\""
            "\n\n"
            "\"We were not happy,\" said Lena Ford. Biden \"kind of misspoke on the budget.\"")
    quotes = quotes_in(text)
    assert all("council behind" not in q.text for q in quotes)
    assert all("misspoke" not in q.text for q in quotes)


def test_a_clause_a_statement_condemns_is_its_issuers(quotes_in) -> None:
    """`Ruiz issued a statement condemning “what looks like …”`: a participle on a main verb whose
    object is a statement (before, the clause was the subject's only under the main verb itself)."""
    text = ("Ann Ruiz spoke on Monday. Ruiz issued a statement on Friday condemning \"what looks like a "
            "deliberate attack on the harbour.\"")
    assert only(quotes_in(text), "deliberate attack").speaker == "Ann Ruiz"


def test_a_clause_after_a_participle_of_what_happened_stays_out(quotes_in) -> None:
    text = ("Ann Ruiz spoke on Monday. Ruiz walked out on Friday, leaving \"the whole crowd stunned and "
            "silent.\"")
    assert [q.speaker for q in quotes_in(text) if "crowd" in q.text] in ([], [None])


def test_a_verb_next_to_quotations_reports_speech_in_a_that_clause(quotes_in) -> None:
    """`Ruiz mused that Baker was “…”`, `she vented to her husband that it would be “…”`: verbs that
    attribute only next to a quotation (`QUOTE_VERBS`) report speech in a `that` clause too (before,
    only the speech verbs' list did, and the words were dropped)."""
    text = ("Ann Ruiz spoke on Monday. On Thursday, Ruiz mused that Tom Baker was \"disqualified from being "
            "the harbour master\" because he kept the files at home.\n\n"
            "Lena Ford spoke on Monday. On the drive back, she vented to her husband that the deal would be "
            "\"a painful slog for every one of us.\"")
    quotes = quotes_in(text)
    assert only(quotes, "harbour master").speaker == "Ann Ruiz"
    assert only(quotes, "painful slog").speaker == "Lena Ford"


def test_what_someone_read_or_learned_is_not_their_words(quotes_in) -> None:
    text = ("Ann Ruiz spoke on Monday. Ruiz read that the council was \"deeply divided on the harbour\" last "
            "week.")
    assert [q.speaker for q in quotes_in(text) if "divided" in q.text] in ([], [None])


def test_an_indictment_someone_faces_does_not_take_the_words_from_the_teller(quotes_in) -> None:
    """`Baker said the mayor faced a “sure” indictment on nine “serious fraud charges”`: an indictment
    is an event here, not a document that speaks; the words stay the teller's (a draft of session 19
    listed `indictment` among the statement nouns and lost such a fragment on `train`)."""
    text = ("Tom Baker spoke on Monday. Baker said the mayor faced a \"sure\" indictment on at least nine "
            "\"serious fraud charges\" next year.")
    assert only(quotes_in(text), "fraud charges").speaker == "Tom Baker"
