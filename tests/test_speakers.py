"""Who said each quote, read the way an editor reads the story (issue 14, item 1).

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest
from support.quotes import only

from checks.quotes.names import gender_of_first_name

# -- gender: the story's own words, else the first name ----------------------------------------


def test_first_name_list_knows_clear_names_and_stays_silent_on_shared_ones() -> None:
    assert (gender_of_first_name("Priya"), gender_of_first_name("Gregory")) == ("f", "m")
    assert gender_of_first_name("Jordan") is None  # given to boys and girls alike
    assert gender_of_first_name("J.") is None


def test_she_goes_to_the_woman_by_her_first_name_when_the_story_says_nothing_else(quotes_in) -> None:
    text = ("Priya Nandakumar and Gregory Vance met at the salt depot on Monday. Vance arrived late.\n"
            "“We have three weeks of salt left,” she said.")
    q = only(quotes_in(text), "salt left")
    assert (q.speaker, q.speaker_evidence) == ("Priya Nandakumar", "pronoun_agree")


def test_a_candidate_whose_first_name_contradicts_the_pronoun_is_rejected(quotes_in) -> None:
    text = ("Carla Mendes runs the night shelter. Her deputy, Victor Hale, spoke to the board.\n"
            "“We are full every night,” she told them.")
    assert only(quotes_in(text), "full every night").speaker == "Carla Mendes"


def test_an_honorific_outranks_the_first_name_list(quotes_in) -> None:
    text = ("Andrea Bellini and Ruth Adler toured the new wing. Mr. Bellini designed it.\n"
            "Adler left early. “The stairs were my idea,” he said.")
    assert only(quotes_in(text), "stairs were").speaker == "Andrea Bellini"


def test_an_earlier_her_about_the_same_person_counts_as_evidence(quotes_in) -> None:
    text = ("Robin Castle thanked her volunteers at the door. Then Sam Tully spoke about the budget.\n"
            "“Without the volunteers we close in May,” she said.")
    assert only(quotes_in(text), "close in May").speaker == "Robin Castle"


# -- salience -----------------------------------------------------------------------------------


def test_the_person_a_question_was_about_is_not_the_one_who_answers(quotes_in) -> None:
    text = ("Warden Lena Voss took questions for an hour. A reporter asked about Governor Kim Briggs "
            "and the budget.\n“The prison cannot run on promises,” she said.")
    assert only(quotes_in(text), "run on promises").speaker == "Lena Voss"


def test_the_subject_of_the_story_outranks_a_name_mentioned_in_passing(quotes_in) -> None:
    text = ("Rosa Ibarra has led the tenants' union since 2019. On Monday she met landlords who had "
            "written to Mayor Paula Dunn.\n“We will not accept another rent increase,” she said.")
    assert only(quotes_in(text), "rent increase").speaker == "Rosa Ibarra"


def test_a_pronoun_after_an_unnamed_person_is_that_person_not_a_name_inside_the_quote(quotes_in) -> None:
    text = ("Governor Marjorie Kent spoke in Ames on Monday.\n\n"
            "A retired nurse waited two hours in the cold outside the gym.\n"
            "“I don't think anybody here is excited for Kent,” she said.")
    q = only(quotes_in(text), "excited for Kent")
    assert (q.speaker, q.speaker_kind) == ("A retired nurse", "anonymous")


def test_i_and_we_inside_a_quote_never_move_the_speaker(quotes_in) -> None:
    text = ("Dale Pruitt, a retired welder, waited outside the gym while Marjorie Kent spoke inside.\n"
            "“I told my wife I would vote for Kent,” Pruitt said. “We drove an hour to hear her.”\n"
            "“I am tired,” he said.")
    quotes = quotes_in(text)
    assert {q.speaker for q in quotes} == {"Dale Pruitt"}


# -- topics are not speakers --------------------------------------------------------------------


def test_of_someone_colon_credits_the_speaker_not_the_topic(quotes_in) -> None:
    text = ("Senator Ruth Adler spoke for an hour. Of Governor Sam Fisk, she said: "
            "“He has never read the bill.”\nOf Fisk: “He should resign.”")
    quotes = quotes_in(text)
    assert only(quotes, "never read").speaker == "Ruth Adler"
    resign = only(quotes, "should resign")
    assert (resign.speaker, resign.speaker_evidence) == ("Ruth Adler", "carried")


def test_asked_about_someone_she_said_credits_her(quotes_in) -> None:
    text = ("Commissioner Dora Pike held a press conference. Asked about Mayor Glen Watts, "
            "she said, “We talk every week.”")
    assert only(quotes_in(text), "talk every week").speaker == "Dora Pike"


# -- names: suffixes, initials, two people with one surname ---------------------------------------


def test_jr_is_part_of_a_name_so_two_men_named_jr_stay_apart(quotes_in) -> None:
    text = ("Prosecutor Alan Beck Jr. told jurors the defendant, Curtis Lowe Jr., had lied.\n"
            "“The evidence is overwhelming,” Beck said.\n“I did nothing wrong,” Lowe said.")
    quotes = quotes_in(text)
    assert only(quotes, "overwhelming").speaker == "Alan Beck Jr."
    assert only(quotes, "nothing wrong").speaker == "Curtis Lowe Jr."


def test_two_people_sharing_a_surname_never_merge(quotes_in) -> None:
    text = ("Dan Okafor wrote the memo. Josh Okafor, his brother, runs the press office.\n"
            "“The memo was a draft,” Josh Okafor said.\n“I stand by every word,” Dan Okafor said.\n"
            "“We will not comment further,” Okafor said.")
    quotes = quotes_in(text)
    assert only(quotes, "was a draft").speaker == "Josh Okafor"
    assert only(quotes, "every word").speaker == "Dan Okafor"
    assert only(quotes, "comment further").speaker == "Dan Okafor"  # the Okafor who spoke last


def test_a_middle_initial_does_not_make_a_second_person(quotes_in) -> None:
    text = ("Sonia Q. Ferreira chairs the harbour board. “The vote is final,” Sonia Ferreira said.\n"
            "“We move on,” Ferreira said.")
    speakers = {q.speaker for q in quotes_in(text)}
    assert len(speakers) == 1


# -- organisations and platforms ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Governor Ada Rhee answered within minutes. “This ruling is a disgrace.” Rhee wrote on Twitter.",
    "Governor Ada Rhee answered within minutes.\n“This ruling is a disgrace,” wrote Rhee on Twitter.",
    "In a post on Facebook, Governor Ada Rhee wrote: “This ruling is a disgrace.”",
])
def test_wrote_on_a_platform_credits_the_writer(quotes_in, text: str) -> None:
    assert only(quotes_in(text), "disgrace").speaker == "Ada Rhee"


def test_a_platform_speaking_for_itself_is_an_organisation(quotes_in) -> None:
    q = only(quotes_in("Twitter said in a statement: “We removed the account.”"), "removed the account")
    assert (q.speaker, q.speaker_kind) == ("Twitter", "organization")


# -- speakers away from the quote -------------------------------------------------------------------


def test_a_speaker_named_in_the_next_sentence_is_found(quotes_in) -> None:
    text = ("The council voted 5-2 to close the library.\n"
            "“This is a sad day for the town.” Librarian Ellen Marsh said she would retire in June.")
    q = only(quotes_in(text), "sad day")
    assert (q.speaker, q.speaker_evidence) == ("Ellen Marsh", "name_nearby")


@pytest.mark.parametrize("text", [
    "“We moved every patient before the water reached the ward,” said Jane Roe, the deputy director "
    "of the state's office of emergency management.",
    "“We moved every patient before the water reached the ward,” Jane Roe, the deputy director of "
    "the state's office of emergency management, said.",
    "“Where were the pumps when the water reached the ward?” Jane Roe, the deputy director of the "
    "state's office of emergency management, asked.",
])
def test_a_long_role_between_the_quote_and_the_verb_keeps_the_speaker(quotes_in, text: str) -> None:
    assert only(quotes_in(text), "the water reached").speaker == "Jane Roe"


def test_he_told_reporters_resolves_to_the_man_just_named(quotes_in) -> None:
    text = ("Councilman Ray Ortiz left the meeting early, before Mayor Ana Ruiz arrived.\n"
            "“We have no deal yet,” he told reporters.")
    q = only(quotes_in(text), "no deal yet")
    assert (q.speaker, q.cue) == ("Ray Ortiz", "told")


def test_a_continuation_quote_after_a_colon_intro_keeps_the_speaker(quotes_in) -> None:
    text = ("Chief Nora Quinn laid out the plan:\n\n“Every station gets two more officers.”\n\n"
            "“Overtime stops in March.”")
    quotes = quotes_in(text)
    assert only(quotes, "two more officers").speaker == "Nora Quinn"
    assert only(quotes, "Overtime stops").speaker == "Nora Quinn"


def test_a_numbered_subheading_is_not_a_speaker(quotes_in) -> None:
    text = ("Councilman Ray Ortiz opened the hearing on Monday.\n\n2. Rob Kane's transit plan\n\n"
            "“It will cost too much,” he said.")
    assert only(quotes_in(text), "cost too much").speaker == "Ray Ortiz"


# -- the evidence the confidence is computed from ------------------------------------------------


def test_speaker_evidence_says_how_each_speaker_was_found(quotes_in) -> None:
    text = ("Mayor Ana Ruiz toured the flooded district.\n“We will reopen the bridge,” Ruiz said.\n"
            "“It will take a week,” she said.\n\n“Nobody should drive tonight.”\n"
            "“The talks are stalled,” said a senior trade official.")
    quotes = quotes_in(text)
    assert [q.speaker_evidence for q in quotes] == ["name_at_cue", "pronoun_agree", "carried", "description"]
    unattributed = only(quotes_in("“Who knows?” The minister left."), "Who knows")
    assert unattributed.speaker_evidence is None


def test_a_non_breaking_space_before_the_quote_keeps_the_introduction(quotes_in) -> None:
    text = ("Asked by the host to answer the critics, Hal Brody said,\u00a0“Why would anyone believe "
            "a rumor before the facts are in?”")
    assert only(quotes_in(text), "believe a rumor").speaker == "Hal Brody"


def test_adding_after_a_quote_goes_on_with_that_quotes_speaker(quotes_in) -> None:
    text = ("In an interview on Monday, Senator Ruth Adler said the hearings could get “ugly,” adding, "
            "“Oversight is supposed to be uncomfortable.”")
    q = only(quotes_in(text), "supposed to be uncomfortable")
    assert (q.speaker, q.cue) == ("Ruth Adler", "adding")


def test_a_crowd_is_not_what_he_stands_for(quotes_in) -> None:
    text = ("Senator Ben Alder spoke in Anaheim on Monday. The crowd cheered when he told them that "
            "the governor “has never met a lobbyist he did not like.”")
    assert only(quotes_in(text), "met a lobbyist").speaker == "Ben Alder"


def test_a_name_the_model_left_untagged_counts_when_its_first_name_is_known(quotes_in) -> None:
    text = ("Governor Ed Lamb spoke first and took most of the questions.\n\n"
            "And oh yes, Megan Tull: What, exactly, are her ideas? She had a sharp line when she said, "
            "“I read the budget, all of it.”")
    assert only(quotes_in(text), "read the budget").speaker == "Megan Tull"


def test_the_next_sentence_lends_no_speaker_when_it_has_a_quotation_of_its_own(quotes_in) -> None:
    text = ("The council met on Monday.\n“It was very different in tone.” In somber remarks, Mayor Paul "
            "Dunn called the flood “a tragedy for our town.”")
    quotes = quotes_in(text)
    assert only(quotes, "different in tone").speaker is None
    assert only(quotes, "a tragedy").speaker == "Paul Dunn"


# -- PolNeAR train error analysis (issue 14, speaker accuracy) ----------------------------------


def test_a_statement_delivered_in_a_preposition_belongs_to_the_subject_who_delivered_it(quotes_in) -> None:
    text = ("Lina Okafor, a spokeswoman for the port, said in a statement that the crews would work with "
            "the police “to keep every dock worker safe.”")
    q = only(quotes_in(text), "dock worker safe")
    assert (q.speaker, q.speaker_kind) == ("Lina Okafor", "named")


def test_an_address_in_an_opening_phrase_belongs_to_the_subject_of_the_sentence(quotes_in) -> None:
    text = ("Carmen Oyelaran spoke for an hour. In an address to the “grit and patience” of the nurses, "
            "Ms. Oyelaran made her case.")
    assert only(quotes_in(text), "grit and patience").speaker == "Carmen Oyelaran"


def test_a_definite_description_is_the_person_already_named_not_a_new_one(quotes_in) -> None:
    text = ("Senator Marta Quill spoke to farmers in Ames on Monday. The Democratic front-runner offered "
            "her view on water rights. “The aquifer will not last another decade,” she said.")
    q = only(quotes_in(text), "aquifer will not last")
    assert (q.speaker, q.speaker_kind) == ("Marta Quill", "named")


def test_went_on_after_a_quote_is_a_cue_for_the_man_who_went_on(quotes_in) -> None:
    text = ("Mayor Eli Stroud took questions about the bridge. “Why now?” a reporter asked. “It has been "
            "rusting since 2019, right?” Stroud went on.")
    assert only(quotes_in(text), "rusting since").speaker == "Eli Stroud"


def test_went_on_to_do_something_else_is_no_cue() -> None:
    from checks.nlp import load_pipeline
    from checks.quotes.cues import is_quote_cue

    doc = load_pipeline()("Stroud went on to describe the repairs.")
    assert [t.text for t in doc if is_quote_cue(t)] == ["describe"]


def test_an_adjective_in_quotes_on_someones_remarks_belongs_to_who_judged_them(quotes_in) -> None:
    text = ("Councilwoman Iris Dalby said that Mayor Ben Ashford’s “reckless” remarks would cost the "
            "county jobs.")
    assert only(quotes_in(text), "reckless").speaker == "Iris Dalby"


def test_a_fragment_inside_what_someone_reports_goes_to_the_teller(quotes_in) -> None:
    text = "Mayor Ada Pike said Councilman Joel Ferris accused the board of “gross negligence.”"
    assert only(quotes_in(text), "gross negligence").speaker == "Ada Pike"


def test_a_fragment_with_a_trailing_reporter_goes_to_the_reporter(quotes_in) -> None:
    text = "Tess Ferris said Ada Pike “would lose every ward,” the aide recalled."
    q = only(quotes_in(text), "every ward")
    assert (q.speaker, q.speaker_kind) == ("the aide", "anonymous")


def test_a_relative_clause_that_said_credits_the_noun_it_describes(quotes_in) -> None:
    text = ("Parents at Lakeview Elementary posted their message under a banner that said, "
            "“Hands off our library.”")
    q = only(quotes_in(text), "Hands off")
    assert (q.speaker, q.speaker_kind) == ("a banner", "unresolved")


def test_adding_after_a_reported_clause_goes_to_the_teller_not_the_one_reported_on(quotes_in) -> None:
    text = ("Senator Dale Kerr told reporters that Governor Amy Lund “had a crazy plan for the river,” "
            "adding, “She lost every county on it.”")
    assert only(quotes_in(text), "lost every county").speaker == "Dale Kerr"


def test_a_member_of_a_party_is_an_unnamed_person_not_an_organisation(quotes_in) -> None:
    text = ("“The gap is too wide to close,” said a Nevada Democrat. “It is over,” added another New "
            "Hampshire Republican.")
    quotes = quotes_in(text)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("a Nevada Democrat", "anonymous"), ("another New Hampshire Republican", "anonymous")]


def test_a_description_with_a_name_in_apposition_is_that_named_person(quotes_in) -> None:
    text = "One of the college’s top deans, Walter Brisco, later testified that “no student was turned away.”"
    q = only(quotes_in(text), "no student")
    assert (q.speaker, q.speaker_kind) == ("Walter Brisco", "named")


def test_a_phrase_that_echoed_is_what_was_said_not_who_said_it(quotes_in) -> None:
    text = ("The talks lasted an hour. When they ended, Mayor Nora Feld stepped out and dropped one line "
            "that echoed across the harbor:\n“This is the start of something.”")
    assert only(quotes_in(text), "start of something").speaker == "Nora Feld"


def test_a_parenthetical_teller_outranks_the_subject_of_the_reported_clause(quotes_in) -> None:
    text = "The mayor’s office, Councilwoman Iris Dalby said, accused the council of “a historic mistake.”"
    assert only(quotes_in(text), "historic mistake").speaker == "Iris Dalby"


def test_a_verb_the_parse_gives_the_quote_to_is_a_cue_even_off_the_cue_list(quotes_in) -> None:
    text = ("Mayor Tess Greer spoke first. Then Ward Pell took the floor.\n“The river will always be "
            "ours,” an angry Greer retaliated.")
    q = only(quotes_in(text), "always be ours")
    assert (q.speaker, q.speaker_evidence) == ("Tess Greer", "name_at_cue")


def test_a_quote_whose_sentence_goes_on_before_the_cue_takes_the_name_after_the_cue(quotes_in) -> None:
    text = ("“He can say it, but it seems very unlikely” that Mayor Tess Greer can win, said Omar Vance, "
            "a strategist for the council.")
    assert only(quotes_in(text), "very unlikely").speaker == "Omar Vance"


def test_a_relative_clause_after_the_speaker_does_not_move_the_speaker(quotes_in) -> None:
    text = ("Omar Vance spoke last. “We will build it,” Vance, who has said the same for years, "
            "told the crowd.")
    assert only(quotes_in(text), "build it").speaker == "Omar Vance"


# -- editor's wrong speakers with high confidence (issue 14, findings 5) -----------------------


def test_he_goes_to_the_main_subject_not_a_man_named_in_a_clause_inside_it(quotes_in) -> None:
    text = ("Warden Ray Holloway spoke to reporters outside the county jail on Friday. "
            "Holloway declined to say whether Dwight Marsh was checked on the night Leon Pruitt escaped. "
            "“The review will answer every question,” he said.")
    q = only(quotes_in(text), "answer every question")
    assert "Holloway" in (q.speaker or ""), q.speaker


def test_a_name_typed_as_an_organisation_but_given_a_person_role_is_a_pronoun_candidate(quotes_in) -> None:
    text = ("Trade talks stalled again on Monday, and Mr. Ostrander’s habit of promising quick deals drew "
            "fresh criticism. Markets fell for a third day.\n"
            "Tarun Vellaiyan, a trade professor at Lakemont College, said the talks would drag on. "
            "“Every promise of a quick deal raises the price of failure,” he said.")
    assert only(quotes_in(text), "price of failure").speaker == "Tarun Vellaiyan"


def test_a_speaker_name_never_keeps_a_possessive_ending(nlp) -> None:
    from checks.quotes.names import name_parts, without_possessive

    doc = nlp("Mr. Ostrander’s plan")
    assert name_parts(doc[1:3]) == (None, "ostrander", None)
    assert (without_possessive("Ostrander’s"), without_possessive("Ostrander's")) == ("Ostrander",) * 2
    assert without_possessive("Ross") == "Ross"


def test_the_pronoun_subject_of_the_cue_beats_a_name_in_the_words_before_it(quotes_in) -> None:
    text = ("Senator Alan Corbridge begged lawmakers to keep the aid flowing. “Every week of delay is a week "
            "that ignores the interests” mutually shared by Norway and the European Union, he warned.")
    q = only(quotes_in(text), "Every week of delay")
    assert (q.speaker, q.speaker_kind) == ("Alan Corbridge", "named")


def test_a_cue_with_its_own_subject_beats_according_to_a_statement(quotes_in) -> None:
    text = ("Premier Oskar Lindqvist visited the harbour town of Vellmar on Tuesday. "
            "“This is a proud day for every family here,” he told dock workers, according to a statement.")
    q = only(quotes_in(text), "proud day")
    assert (q.speaker, q.speaker_kind) == ("Oskar Lindqvist", "named")


def test_according_to_still_names_the_source_when_the_cue_has_no_subject_of_its_own(quotes_in) -> None:
    text = ("The harbour will close in June. “The pier is no longer safe,” according to a statement "
            "from the Vellmar Port Authority.")
    q = only(quotes_in(text), "no longer safe")
    assert q.speaker is not None and "Port Authority" in q.speaker, q.speaker


def test_a_name_the_tagger_reads_as_a_common_noun_still_leads_the_pronoun(quotes_in) -> None:
    # the parser tags a surname opening a line as NOUN ("Fiddins declined"); it is still the
    # subject "he" stands for, not a man named later in the clause
    text = ("Montell Fiddins, who represents Harlan, said his client chose not to accept a plea deal.\n"
            "Fiddins declined to address whether Harlan slept on the job on the night Ortega died. "
            "“When all the evidence is presented about how the unit was run,” he said, “you will see.”")
    # the model tags the full name ORG; the surname alone as a person gives it back (cast.py)
    assert only(quotes_in(text), "When all the evidence").speaker == "Montell Fiddins"


def test_a_named_persons_surname_tagged_as_a_noun_is_still_that_person(quotes_in) -> None:
    # here the tagger reads the last "Fiddins" as a common noun of an organisation: it is still the
    # man the story named, and the subject "he" stands for
    text = ("Montell Fiddins, who represents Harlan, said his client chose not to accept a plea deal.\n"
            "“We had hoped the office would look at the failures of the jail,” Fiddins said.\n"
            "Sometimes guards do not follow the rules, he said. \"But does that mean they will be charged?”\n"
            "Fiddins declined to address whether Harlan slept on the job on the night Ortega died. "
            "“When all the evidence is presented about how the unit was run,” he said, “you will see.”")
    assert only(quotes_in(text), "When all the evidence").speaker == "Montell Fiddins"


# -- reported speech just before a quote, and reactions after it (editor's reading, issue 14) -----


def test_laughter_after_a_quote_is_a_reaction_not_its_attribution(quotes_in) -> None:
    text = ("Farm Deal Talks\n\nMr. Garvey described the grain talks at length on Thursday, and he was in a "
            "good mood.\n\n“And I told them, ‘I want more.’ They came back with bigger combines.” "
            "The board members laughed.")
    q = only(quotes_in(text), "bigger combines")
    assert q.speaker != "The board members" and q.cue != "laughed", (q.speaker, q.cue)


def test_a_quote_paragraph_after_reported_speech_goes_on_with_that_speaker(quotes_in) -> None:
    text = ("Border Talks\n\nThe ministry closed the crossing on Monday, and negotiator Karim Maalouf "
            "condemned it.\n\nMaalouf said it was only the latest step in a long campaign against the "
            "villages.\n\n“They want us to give up the land and leave quietly.”")
    q = only(quotes_in(text), "give up the land")
    assert (q.speaker, q.speaker_evidence, q.speaker_guessed) == ("Karim Maalouf", "carried", True)


def test_a_pronoun_cue_ending_the_sentence_before_a_quote_carries_into_it(quotes_in) -> None:
    text = ("Audit Questions\n\nDepot manager Oliver Halvorsen spoke to reporters on Monday. The audit "
            "found gaps in the depot's records, Halvorsen said.\n\nSometimes clerks skip the paperwork, he "
            "said. “But does that mean anyone stole a single bag of salt? No.”")
    q = only(quotes_in(text), "single bag of salt")
    assert (q.speaker, q.speaker_guessed) == ("Oliver Halvorsen", True)


def test_a_quote_after_a_sentence_that_reports_no_speech_stays_unattributed(quotes_in) -> None:
    text = ("Border Talks\n\nNegotiator Karim Maalouf drove to the crossing on Monday and waited for an "
            "hour.\n\n“They want us to give up the land and leave quietly.”")
    assert only(quotes_in(text), "give up the land").speaker is None


@pytest.mark.parametrize("text", [
    "Mosque Talks\n\nKarim Nefzi, the imam of the mosque, met reporters on Tuesday. “We are shocked and "
    "saddened by the attack on the market,” Nefzi said. He said Gregory Brandt “did not do this because of "
    "his faith but because he was ill.”\n\n“We never teach hatred in our classes,” he said.",
    "Mosque Talks\n\nKarim Nefzi, the imam of the mosque, spoke to reporters on Tuesday. “We are frustrated” "
    "by the attack on the market, Nefzi said. He said Gregory Brandt “did not do this because of his faith "
    "but because he was ill.” “We never teach hatred” in our classes, he said.",
])
def test_he_who_led_the_sentence_before_is_the_same_he_not_the_man_it_named(quotes_in, text) -> None:
    assert only(quotes_in(text), "never teach hatred").speaker == "Karim Nefzi"


def test_went_on_as_if_unheard_is_still_the_cue_of_the_line_before(quotes_in) -> None:
    text = ("Mayor Eli Stroud and the anchor, Dana Whitcombe, talked about bullying. “People are bullied "
            "when they are 55,” he said. Whitcombe answered with a smile: “It can happen at 45.” She is 45. "
            "“You know, it happens, right?” Stroud went on, as if he did not hear her.")
    assert only(quotes_in(text), "it happens, right").speaker == "Eli Stroud"


def test_a_person_whose_relative_clause_reports_their_words_is_who_she_stands_for(quotes_in) -> None:
    # Brandt (the owner of the subject) would win as a subject; Marwood's `who said` makes her one too
    text = ("Email Review\n\nMinister Helga Brandt's position was backed Friday by Senator Ilse Marwood, the "
            "ranking member of the committee, who said none of the letters came from the ministry. “It never "
            "made sense to me that the minister is blamed for letters that others wrote,” she said.")
    assert only(quotes_in(text), "never made sense").speaker == "Ilse Marwood"


def test_a_parenthetical_he_said_inside_the_sentence_before_carries_into_a_bare_quote(quotes_in) -> None:
    text = ("Convention Talk\n\nReporters asked Humphrey Castellane about the plan on Monday. “We will move "
            "fast,” he said. Rather, he said, the trouble in the campaign will bring people together.\n\n"
            "“To my knowledge, no major donor is involved yet.”")
    assert only(quotes_in(text), "no major donor").speaker == "Humphrey Castellane"


def test_someone_described_inside_what_another_person_said_is_not_who_he_stands_for(quotes_in) -> None:
    text = ("Rally Notes\n\nGovernor Tom Garvey spoke for an hour. Garvey said that what the state needs "
            "most is spirit and that only an outsider like himself could bring it. “Our state needs a "
            "cheerleader,” he said.")
    assert only(quotes_in(text), "needs a cheerleader").speaker == "Tom Garvey"


def test_a_reaction_after_a_quote_ending_in_a_nested_quotation_is_no_attribution(quotes_in) -> None:
    # The quote ends `simple.’”`: its last sentence is finished, so the listeners' laughter after it
    # is a new sentence, not a cue; the words stay with the speaker named before them.
    text = ("The mayor described the budget talks at length.\n"
            "“My staff had $2 million done,” Ms. Reyes recounted at a council meeting in May. “And I said, "
            "‘I want more.’ They said, ‘The towns can’t pay it.’ I said, ‘Sell the old buses. It’s very "
            "simple.’” The council members gathered around Ms. Reyes laughed.\n"
            "Ms. Reyes has brought her love of theatre to the talks.")
    quotes = quotes_in(text)
    assert [q.speaker for q in quotes] == ["Reyes", "Reyes"]
    assert quotes[1].cue != "laughed"


def test_a_speaker_under_a_subhead_without_a_full_stop_is_found(quotes_in) -> None:
    # The subhead has no full stop, so the parser runs it into the next line and makes its noun the
    # subject of "said"; the speaker is the person in the attribution's own line.
    text = ("Ferry fares rose again this spring.\n"
            "Short-term relief unlikely\n"
            "Pilot Ines Varga had said, \"Fares do not fall once the fuel bill is paid.\"\n"
            "The council meets on Friday.")
    [quote] = quotes_in(text)
    assert quote.speaker == "Ines Varga"
