"""Carried-over and pronoun speakers that were confidently wrong (issue 14, the eighteenth session).

A quotation after a colon that closes a sentence about someone new (`Bright, who …, felt much the
same: “…”`) is that person's (a guess), not the last speaker's carried over; a quote carried
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

_COLON = ("Coach Dan Marsh had a squad with nobody to take the penalties.\n\n"
          "“I trusted we would sort it out, but it cost me sleep,” Marsh said. “It was a long month.”\n\n"
          "Then a striker arrived from Porto. “He won me over in one session,” he said. "
          "“He simply fitted.” Nadia Bright, who rang in from a training camp in “Eastfield,” felt "
          "much the same: “It was that moment of ‘this is the player.’”")


def test_a_colon_after_a_sentence_about_someone_new_is_theirs_not_the_last_one(quotes_in: Quotes) -> None:
    q = only(quotes_in(_COLON), "this is the player")
    assert q.speaker == "Nadia Bright"
    assert q.speaker_guessed and q.speaker_evidence == "name_nearby"  # a guess, held under 0.8


def test_a_colon_after_the_same_speaker_stays_theirs(quotes_in: Quotes) -> None:
    text = ("Coach Dan Marsh had a squad with nobody to take the penalties.\n\n"
            "“I trusted we would sort it out, but it cost me sleep,” Marsh said. Marsh felt much the "
            "same about the new striker: “He won me over in one session.”")
    q = only(quotes_in(text), "won me over")
    assert q.speaker == "Dan Marsh"


_UNKNOWN = ("A clinic in the town checks pills that people send in by post.\n\n"
            "“It put me in bed for a week,” Dr. Varga, a regular on the message board, wrote there when "
            "the result came back.\n\n"
            "“Bad batches hurt more people than the pills,” Dr. Varga added. “What they are cut with is "
            "what does harm.”\n\n"
            "Cutting agents are one reason that Bluecrane has campaigned for more checks on the boards. "
            "“Why make a risky habit worse?” he told me when I reached him after his post. "
            "“The clinic lets people know what they are taking.”")


def test_a_quote_carried_from_a_pronoun_of_unknown_gender_is_held_under_high(quotes_in: Quotes) -> None:
    quotes = apply_confidence(quotes_in(_UNKNOWN), _UNKNOWN)
    asked, carried = only(quotes, "risky habit"), only(quotes, "clinic lets people")
    assert asked.speaker_evidence == "pronoun" and carried.speaker_evidence == "carried"
    assert carried.speaker == asked.speaker
    assert carried.speaker_confidence is not None and carried.speaker_confidence < HIGH
    # a carry from a name at the cue is scored as a carry, as before
    added = only(quotes, "what does harm")
    assert added.speaker_evidence == "carried" and added.speaker_confidence is not None
    assert added.speaker_confidence >= HIGH


def test_a_person_given_a_name_by_named_is_the_next_he(quotes_in: Quotes) -> None:
    text = ("Mill owner Robert Hale said the move would cut costs. “There was no other way,” Hale said.\n\n"
            "In Leon, a welder named Luis Ortega has no complaints about his job. “The shifts are steady "
            "and the pay is fair,” he said. “Even the new hires get training.”")
    quotes = quotes_in(text)
    assert only(quotes, "shifts are steady").speaker == "Luis Ortega"
    assert only(quotes, "new hires").speaker == "Luis Ortega"


def test_a_pronoun_in_a_persons_who_clause_is_that_person(quotes_in: Quotes) -> None:
    text = ("Senator Ann Boyd has drawn big crowds on campus. “We will win this,” Boyd said at a rally on "
            "Friday.\n\n"
            "Gordon Bell, her rival, has struggled to keep up. The best line about him came from "
            "nursing student Nia Porter, who made me laugh when she called him “everyone's favourite uncle.” "
            "Favourite? “Harmless,” she said, meaning that he “never scares anyone at all.”")
    quotes = quotes_in(text)
    assert only(quotes, "favourite uncle").speaker == "Nia Porter"
    assert only(quotes, "Harmless").speaker == "Nia Porter"


def test_a_who_clause_whose_own_subject_is_the_pronoun_says_nothing_of_it(quotes_in: Quotes) -> None:
    text = ("Mayor Ana Ruiz spoke to the council on Monday. “The books are in order,” Ruiz said.\n\n"
            "She named Dana Cole, who she says misled the board, as the source of the leak. “It was "
            "never a secret,” she said.")
    assert only(quotes_in(text), "never a secret").speaker == "Ana Ruiz"


def test_a_bare_surname_is_the_full_name_before_it_not_a_relative_named_later(quotes_in: Quotes) -> None:
    """The model tags the candidate's full name an organisation and her husband's a person, and her
    quotes stand far from her full name: the names are claimed in the story's order, so the bare
    surname is hers, not the husband's named later (before, the one tagged a person came first)."""
    text = ("Brannock held firm, and lost the vote\n\n"
            "The gym was a third full when GOP presidential candidate Carly Brannock walked in, waving.\n\n"
            "Two decades ago the company she ran was a maker of farm machines in a slow market. Its board "
            "wanted growth, and it hired an outsider with a sales record and a taste for risk. Within a year "
            "the plants in three states were closed, the product line was cut by half and the shares had "
            "fallen by a third. Analysts wrote that the plan would fail, and a large part of the staff "
            "agreed with them. The board held its nerve for four years.\n\n"
            "\"We keep going until the last ballot is counted,\" Brannock said.\n\n"
            "Later she told her husband, Frank Brannock, that the count would be "
            "\"close to the very end.\"\n\n"
            "\"A campaign is won in its last week,\" Brannock said.\n")
    assert {q.speaker for q in quotes_in(text)} == {"Carly Brannock"}


def test_a_quote_after_the_name_written_again_is_not_held_by_the_pronoun_before(quotes_in: Quotes) -> None:
    """A quote carried on from the speaker's name written again after his `he said` quote stands on
    that name, not on the pronoun of unknown gender: it is not held under 0.8."""
    text = ("Odai Karam, the union's chief negotiator, said the talks would go on. \"We will go to the "
            "tribunal next,\" he said.\n\n"
            "\"The contract is clear,\" said Lena Ford, a lawyer for the port.\n\n"
            "Karam said it was only the latest attempt to wear the union down. \"They wanted us to give in. "
            "We will not.\"\n")
    quotes = apply_confidence(quotes_in(text), text)
    first, last = only(quotes, "tribunal next"), only(quotes, "give in")
    assert first.speaker == last.speaker == "Odai Karam"
    assert first.speaker_evidence == "pronoun" and last.speaker_evidence == "carried"
    assert last.speaker_confidence is not None and last.speaker_confidence >= HIGH
