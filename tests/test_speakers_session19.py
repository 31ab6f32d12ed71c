"""Carried-over and pronoun speakers that were confidently wrong (issue 14, session 19).

A quotation after a colon that closes a sentence about someone new (`Lowry, who …, had a similar
experience: “…”`) is that person's (a guess), not the last speaker's carried over; a quote carried
over from a `he` whose person's gender the story never tells is held under 0.8, as that `he`'s own
quote is; a person given a name by `named` (`a worker named Luis Ortega`) is the next `he`, and so is
a person whose own `who` clause holds the pronoun (`Nia Porter, who … when she called him`). Every
text here is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote
from checks.quotes.confidence import HIGH, apply_confidence

Quotes = Callable[[str], tuple[Quote, ...]]

_COLON = ("Director Tom Harper had a script with a hole where the big song should be.\n\n"
          "“I had faith that we could fix it, but it was worrying,” Harper said. “It kept me up.”\n\n"
          "Then a demo arrived from Nashville. “It grabbed me the moment I heard it,” he said. "
          "“It just connected.” Jessie Lowry, who phoned in from the set of “Northbound,” had a "
          "similar experience: “It was that feeling of ‘this is the one.’”")


def test_a_colon_after_a_sentence_about_someone_new_is_theirs_not_the_last_one(quotes_in: Quotes) -> None:
    q = only(quotes_in(_COLON), "this is the one")
    assert q.speaker == "Jessie Lowry"
    assert q.speaker_guessed and q.speaker_evidence == "name_nearby"  # a guess, held under 0.8


def test_a_colon_after_the_same_speaker_stays_theirs(quotes_in: Quotes) -> None:
    text = ("Director Tom Harper had a script with a hole where the big song should be.\n\n"
            "“I had faith that we could fix it, but it was worrying,” Harper said. Harper had the "
            "same feeling about the next demo: “It grabbed me the moment I heard it.”")
    q = only(quotes_in(text), "grabbed me")
    assert q.speaker == "Tom Harper"


_UNKNOWN = ("Volunteers at the lab test samples sent in by post.\n\n"
            "“It made me very ill,” Dr. Hollin, a longtime forum member, wrote on the site after the test "
            "came back.\n\n"
            "“More people are hurt by bad batches than by anything else,” Dr. Hollin added. “It is the "
            "fillers that harm people.”\n\n"
            "The problem of fillers is one of the reasons that Quartzfox has been pushing for more testing "
            "on the forums. “Why make a risky habit worse?” he told me when I reached him after his post. "
            "“The lab gives people a way to know what they are taking.”")


def test_a_quote_carried_from_a_pronoun_of_unknown_gender_is_held_under_high(quotes_in: Quotes) -> None:
    quotes = apply_confidence(quotes_in(_UNKNOWN), _UNKNOWN)
    asked, carried = only(quotes, "risky habit"), only(quotes, "lab gives people")
    assert asked.speaker_evidence == "pronoun" and carried.speaker_evidence == "carried"
    assert carried.speaker == asked.speaker
    assert carried.speaker_confidence is not None and carried.speaker_confidence < HIGH
    # a carry from a name at the cue is scored as a carry, as before
    added = only(quotes, "fillers that harm")
    assert added.speaker_evidence == "carried" and added.speaker_confidence is not None
    assert added.speaker_confidence >= HIGH


def test_a_person_given_a_name_by_named_is_the_next_he(quotes_in: Quotes) -> None:
    text = ("Plant manager Robert Hale said the move would save money. “We had no choice,” Hale said.\n\n"
            "Outside the plant gates in Monterrey, a worker named Luis Ortega has nothing but good things "
            "to say about his job, much like his colleagues in Ohio until last month. “The mood is calm, a "
            "healthy place,” he said. “Even the new workers are trained.”")
    quotes = quotes_in(text)
    assert only(quotes, "mood is calm").speaker == "Luis Ortega"
    assert only(quotes, "new workers").speaker == "Luis Ortega"


def test_a_pronoun_in_a_persons_who_clause_is_that_person(quotes_in: Quotes) -> None:
    text = ("Senator Ann Boyd has drawn big crowds on campus. “We will win this,” Boyd said at a rally on "
            "Friday.\n\n"
            "Gordon Bell, her rival, has struggled to keep up. My favorite description of him came from "
            "college student Nia Porter, who made me feel old when she called him “somebody's cool uncle.” "
            "Come again? “Cool,” she said, meaning that he “does not care what people think.”")
    quotes = quotes_in(text)
    assert only(quotes, "cool uncle").speaker == "Nia Porter"
    assert only(quotes, "Cool").speaker == "Nia Porter"


def test_a_who_clause_whose_own_subject_is_the_pronoun_says_nothing_of_it(quotes_in: Quotes) -> None:
    text = ("Mayor Ana Ruiz spoke to the council on Monday. “The books are in order,” Ruiz said.\n\n"
            "She named Dana Cole, who she says misled the board, as the source of the leak. “It was "
            "never a secret,” she said.")
    assert only(quotes_in(text), "never a secret").speaker == "Ana Ruiz"


def test_a_bare_surname_is_the_full_name_before_it_not_a_relative_named_later(quotes_in: Quotes) -> None:
    """The model tags the candidate's full name an organisation and her husband's a person: the names
    are claimed in the story's order, so the bare surname is hers, not the husband's named later."""
    text = ("Fenwick pushed ahead, and paid a price\n\n"
            "The hall was half-empty when GOP presidential candidate Carly Fenwick strode onstage.\n\n"
            "\"If you are not leading, you are failing,\" Fenwick said.\n\n"
            "Later she vented to her husband, Frank Fenwick, that the merger would be "
            "\"a fight from start to finish.\"\n\n"
            "\"People who drive change get arrows in the back,\" Fenwick said.\n")
    speakers = {q.speaker for q in quotes_in(text)}
    assert speakers == {"Carly Fenwick"}
