"""Names only an organisation has, whatever the model tagged them.

`Dick Clark Productions`, `Lantern Media Group`: a last word only companies, institutions and
newspapers end with; `The Chronicle says`: such a word alone, which the story writes after `the`;
`WHO`: an acronym the story spells out (`the World Health Organization`). The company test
(companies.py) and the linking of `the company` to the organisation meant (organisations.py) both
ask it, so it lives here, importing neither.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["ACRONYM", "BUSINESS_WORDS", "LEGAL_FORMS", "PARTICLES", "named_like_organisation", "spelled_out"]

# A company's legal form, which a story writes once and then drops (`Microsoft Corp`, then `Microsoft`).
LEGAL_FORMS = frozenset("inc corp corporation co ltd llc plc".split())
# The words that make a name a business's: `Acme Inc.`, `Lantern Media Group`, `Dick Clark Productions`.
BUSINESS_WORDS = LEGAL_FORMS | frozenset("""inc. corp. co. ltd. company companies group media holdings
    productions records studios pictures
    bank motors airlines airways technologies partners capital industries pharmaceuticals
    energy entertainment communications enterprises investments brands foods stores""".split())
# The small words inside an organisation's name: `Customs and Border Protection`.
PARTICLES = frozenset({"and", "of", "for", "the", "&"})
ACRONYM = re.compile(r"[A-Z]{2,6}")
# The last word of a name that makes it an organisation's, whoever the first words name
# (`Dick Clark Productions`); surnames such as Court, Church or House are left out.
_ORG_LAST_WORDS = BUSINESS_WORDS | frozenset("""films labs games publishing
    publishers university institute foundation association committee commission agency ministry
    department""".split()) | frozenset(
    # a newspaper's name (`The Portland Courier says`); Post, Star, Sun or Globe are surnames too
    """chronicle tribune times herald journal gazette courier observer examiner inquirer dispatch
    sentinel telegraph""".split())
# a word with a dot and a top-level domain in it: a website or a product named after one
_DOMAIN = re.compile(r"\w\.(?:com|org|net|cc|io|co|uk|de|fr|it|gov|edu|tv|ai|app)\b")
# the last words of a government body's name, written after its short name (`Roscosmos Space Agency`);
# foundations, companies and universities are left out: people found and name them after themselves
_NAMED_BODIES = "Agency|Ministry|Department|Bureau|Commission"
# A word the story writes right after `the`, as written; and, with its dot, an abbreviation a word
# follows (`the Co.uk`), which a search for `the Co.` followed by a word boundary also finds.
_AFTER_THE = re.compile(r"\b[Tt]he (?=(\w+)(\.\b)?)")
_AFTER_THE_KEY = "deskcheck.after_the"  # where a story's words after `the` are kept on its Doc


def named_like_organisation(name: str, doc: Doc | None = None) -> bool:
    """`Dick Clark Productions`, `Lantern Media Group`: a name of two or more words ending in a word
    only organisations end with, however personal its first words are; such a word alone when the
    story writes it after `the` (`The Chronicle says`); `WHO`, an acronym the story spells out (`the
    World Health Organization`)."""
    words = name.lower().split()
    if _DOMAIN.search(name):  # `the Arduino.cc IDE`, `Booking.com`: no person's name holds a web address
        return True
    if len(words) > 1:
        return words[-1] in _ORG_LAST_WORDS
    if doc is not None and words and re.search(rf"\b{re.escape(name)}(?: [A-Z][a-z]+)? (?:{_NAMED_BODIES})\b",
                                               doc.text):
        return True  # `Roscosmos Space Agency`: a government body's name, which no one is named after
    if doc is not None and words and words[0] in _ORG_LAST_WORDS:  # `The Chronicle says`: never a person
        return name in _written_after_the(doc)
    return doc is not None and ACRONYM.fullmatch(name) is not None and bool(spelled_out(doc, name))


def _written_after_the(doc: Doc) -> frozenset[str]:
    """Every word the story writes right after `the`. Read once per story and kept on its Doc: every
    named speaker and every named source asks."""
    known = doc.user_data.get(_AFTER_THE_KEY)
    if isinstance(known, frozenset):
        return known
    words: set[str] = set()
    for after in _AFTER_THE.finditer(doc.text):
        words.add(after[1])
        if after[2]:
            words.add(after[1] + after[2])
    doc.user_data[_AFTER_THE_KEY] = found = frozenset(words)
    return found


def spelled_out(doc: Doc, acronym: str) -> set[str]:
    """The words of `Customs and Border Protection` for `CBP`: capitalised words in a row whose
    initials are the acronym, small words between them allowed."""
    for i, tok in enumerate(doc):
        if tok.text[:1] != acronym[0] or not tok.is_title:
            continue
        initials, words, j = "", set(), i
        while j < len(doc) and len(initials) < len(acronym):
            t = doc[j]
            if t.is_title and t.is_alpha:
                initials += t.text[0]
                words.add(t.lower_)
            elif t.lower_ not in PARTICLES:
                break
            j += 1
        if initials == acronym:
            return words
    return set()
