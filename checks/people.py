"""Whether two speaker names stand for one person: the test behind "same quote, another speaker".

Two articles write the same person differently: `Sonya A. Zoghlin` and `Sonya Zoghlin`, `Sen.
Ana Ruiz` and `Ana Ruiz`, `Carney` and `Mark Carney`, `Martin Taylor Jr.` and `Martin Taylor`.
Titles, honorifics, middle initials and generational suffixes are dropped before comparing,
and so is a role written ahead of a name (`Browns DL Sheldon Richardson`, `Ohio Gov. Mike
DeWine`); a surname alone matches any full name that ends with it. Two different first names with one
surname (`Dan Schwerin`, `Josh Schwerin`) stay two people.

A description (`the patient`, `a senior official`) is nobody in particular: the same words
under `the man` and `Martin Taylor` may well be one person, so no side without a name gives an
answer. Pure string work: no spaCy, so storage and the digest can use it too.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["another_speaker", "name_parts"]

# Words before a name that say what the person is, not who: dropped before comparing.
_TITLES = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady rev fr sr sister brother rabbi imam sheikh
sen senator rep representative gov governor lt col gen maj capt sgt cpl adm cmdr det insp supt
president vice prime minister secretary chancellor mayor deputy judge justice chief
attorney general former acting interim state us u.s
premier ambassador commissioner director executive ceo chair chairman chairwoman coach
spokesman spokeswoman spokesperson superintendent sheriff councilman councilwoman councillor
councilor congressman congresswoman assemblyman assemblywoman
""".split())
# A position in capitals before a name (`DL`, `QB`, `CEO`): with what precedes it, a role.
_POSITION = re.compile(r"[A-Z]{2,5}")
# Generational suffixes and degrees after a name: parts of the name, never the surname.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq", "kc", "qc", "mp"})
# Lower-case words that belong inside a name (`Ursula von der Leyen`, `Ministry of Health`).
_PARTICLES = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le",
                        "bin", "ibn", "al", "el", "y", "of", "for", "and", "on", "the"})
# A speaker that opens with one of these is a description, not a name.
_DESCRIPTIONS = frozenset({"the", "a", "an", "one", "another", "some", "two", "three", "several", "many",
                           "his", "her", "their", "its", "our", "this", "that", "these", "those",
                           "someone", "somebody", "he", "she", "they", "we", "i"})
# Speaker kinds (checks.models.SpeakerKind) that name nobody.
_NAMELESS_KINDS = frozenset({"anonymous", "unresolved"})
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def name_parts(name: str | None, kind: str | None = None) -> tuple[str, ...] | None:
    """The words that identify a named speaker, folded; None for a description or no speaker.

    `kind` is the speaker's kind when known (`named`, `anonymous`...); without it, a name is
    told from a description by its capitals."""
    if not name or (kind is not None and kind in _NAMELESS_KINDS):
        return None
    words = _WORD.findall(_fold(name))
    if not words or words[0].lower() in _DESCRIPTIONS:
        return None
    if any(w[0].islower() and w.lower() not in _PARTICLES for w in words):
        return None  # `council spokesperson`, `Mayor's aide`: a role, not a name
    words = words[_after_role(words):]
    parts = [_POSSESSIVE.sub("", w).lower().rstrip(".") for w in words]
    while len(parts) > 1 and parts[0] in _TITLES:
        parts.pop(0)
    while len(parts) > 1 and parts[-1] in _SUFFIXES:
        parts.pop()
    middle = [p for p in parts[1:-1] if len(p) > 1]  # middle initials say nothing about who
    kept = tuple([parts[0], *middle, parts[-1]] if len(parts) > 1 else parts)
    return kept if kept and kept[0] else None


def _after_role(words: list[str]) -> int:
    """Where the name starts after a role written ahead of it: after the last position in
    capitals (`Browns DL Sheldon Richardson`, `Steelers LB TJ Watt`) or the last title (`Ohio Gov.
    Mike DeWine`) that two words of a name still follow, one of them in Title case."""
    start = 0
    for k, word in enumerate(words):
        rest = words[k + 1:]
        title = word.lower().rstrip(".") in _TITLES
        if (_POSITION.fullmatch(word) or title) and len(rest) >= 2 and any(w.istitle() for w in rest) \
                and not any(w.lower().rstrip(".") in _TITLES for w in rest):
            start = k + 1
    return start


def another_speaker(here: str | None, there: str | None, here_kind: str | None = None,
                    there_kind: str | None = None) -> bool | None:
    """True when both sides name speakers and they are different people, False when they are
    the same person, None when either side names nobody (no speaker, or only a description)."""
    a, b = name_parts(here, here_kind), name_parts(there, there_kind)
    if a is None or b is None:
        return None
    return not _same_person(a, b)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    if a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True  # `Carney` and `Mark Carney`
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True  # `Mark J. Carney` and `Mark Carney`: only a middle name differs
    # `M. Carney` and `Mark Carney`: an initial agrees with the name it stands for
    return (len(first_a) == 1 or len(first_b) == 1) and first_a[0] == first_b[0]


def _fold(name: str) -> str:
    """Accents and typographic marks folded, so `José` and `Jose` are one spelling."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
