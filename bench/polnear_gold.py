"""PolNeAR `train` as gold for direct quotes and their speakers (used by bench/polnear.py).

PolNeAR (networkdynamics/PolNeAR, Newell et al. 2018) annotates attributions in brat
standoff: a Source, a Cue and a Content span per attribution. A gold quote is a stretch
between quotation marks inside a Content span; its gold speaker is the Source span. A
pronoun source ("he said") is resolved to a name from a hand-made table when the stretch is
in it, else from the CoreNLP coreference chains shipped with the corpus (noisy: the hand
table measures how noisy), else it stays unknown and counts in no speaker figure.

Only `data/train` is read: dev and test are held out for acceptance.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GoldQuote", "described", "extract", "gold_quotes", "load_articles", "same_speaker", "surname"]

PARTITION = "data/train"
_CLOSE = "\u201d\""
PRONOUNS = frozenset("he she they him her them his hers their it its we i you who whom which".split())
# First and second person: the writer or a reader, nobody the hand table or CoreNLP can name.
FIRST_PERSON = frozenset("i we you me us".split())
# Words that name a role, not a person: stripped before the surname is read.
TITLES = frozenset("""mr mrs ms miss dr sen senator rep representative gov governor president former
secretary state sec gen general lt col vice speaker mayor judge justice chairman chairwoman chair
democratic republican gop rev attorney prime minister candidate presidential nominee u.s. us house
senate majority minority leader whip chief executive director spokesman spokeswoman campaign manager
adviser advisor aide the a an first lady sir lord king queen pope prof professor ambassador
commissioner sheriff rabbi sgt officer agent detective deputy assistant press white democrat
republicans democrats hillary's donald's""".split())
# What someone wrote or said, whose owner is its speaker: `Hoff’s letter`, `Clinton's statement`.
WRITINGS = frozenset("""letter statement email e-mail tweet tweets post memo remarks remark comments comment
    speech op-ed column message note""".split())
INDEFINITE = frozenset({"a", "an", "another", "one"})
DETERMINERS = frozenset({"a", "an", "the", "former", "then", "u.s."})
# Titles written before a name that take `of` (`Secretary of State Hillary Clinton`).
OFFICES = frozenset("""former secretary sen senator rep representative gov governor president vice
attorney general prime minister speaker leader majority minority chairman chairwoman chair director
ambassador commissioner house senate u.s. state""".split())
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Title words that are also common surnames: a name when a first name or an honorific precedes
# them (`Charlie King`, `Mr. King`, `Ms. White`), a title otherwise (`the king`, `White House`).
SURNAME_TITLES = frozenset({"king", "white", "pope", "judge", "queen"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
# Heads of a definite description that stands for one named person (`the president said`).
REFERRING_TITLES = frozenset("""president senator governor candidate nominee congressman congresswoman mayor
judge justice secretary chairman chairwoman speaker mogul billionaire businessman front-runner frontrunner
republican democrat prince pope king queen minister ambassador actor actress singer host anchor
lawmaker premier chancellor""".split())
_CUE_WORDS = frozenset("said says say told tells added adds wrote writes according asked".split())
_RELATIVE = re.compile(r"\s(?:who|whom|whose|which)\s")
_PREPS = re.compile(r"\s(?:for|of|at|from|with|to|in|on)\s")
_WORD = re.compile(r"[\w.'’-]+")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    source: str | None  # the annotated source span's text
    source_span: tuple[int, int] | None
    resolved: str | None  # a pronoun source resolved to a name (hand table or CoreNLP)
    # "name"; a third-person pronoun resolved by "hand", by "corenlp" or "unknown"; a
    # "first_person" source (the writer); a "described" one (`the president`: see described);
    # "none" (no source annotated)
    how: str
    corenlp: str | None = None  # CoreNLP's antecedent, kept beside a hand resolution to compare

    @property
    def pronoun(self) -> bool:
        return self.how in ("hand", "corenlp", "unknown")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def extract(repo: Path, out: Path) -> int:
    """Copy train texts, one annotator's .ann per text, and the CoreNLP coreference of pronoun
    mentions (as small JSON) under `out`. Returns the number of articles."""
    names = _git(repo, "ls-tree", "-r", "--name-only", "HEAD", PARTITION).split()
    texts = sorted(n for n in names if n.startswith(f"{PARTITION}/text/"))
    anns = sorted(n for n in names if n.startswith(f"{PARTITION}/attributions/"))
    for sub in ("text", "ann", "coref"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for path in texts:
        stem = Path(path).stem
        ann = next((a for a in anns if Path(a).stem.rsplit("_", 1)[0] == stem), None)
        if ann is None:
            continue
        (out / "text" / f"{stem}.txt").write_text(_git(repo, "show", f"HEAD:{path}"), encoding="utf-8")
        (out / "ann" / f"{stem}.ann").write_text(_git(repo, "show", f"HEAD:{ann}"), encoding="utf-8")
        try:  # the mirror may lack its largest files: those articles get no CoreNLP antecedents
            chains = _coref(_git(repo, "show", f"HEAD:{PARTITION}/corenlp/{stem}.txt.xml"))
        except subprocess.CalledProcessError:
            chains = []
        (out / "coref" / f"{stem}.json").write_text(json.dumps(chains), encoding="utf-8")
    meta = _git(repo, "show", "HEAD:data/metadata.tsv")
    (out / "metadata.tsv").write_text(meta, encoding="utf-8")
    return len(list((out / "text").glob("*.txt")))


def _coref(xml: str) -> list[list[object]]:
    """[start, end, name] for every pronoun mention of a coreference chain that names a person:
    the chain's most frequent short mention with a capitalised word that is not a title."""
    root = ET.fromstring(xml)
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    for sent in root.iter("sentence"):
        tokens = sent.find("tokens")
        if sent.get("id") is None or tokens is None:
            continue
        for tok in tokens:
            offsets[(int(sent.get("id", 0)), int(tok.get("id", 0)))] = (
                int(tok.findtext("CharacterOffsetBegin", "0")), int(tok.findtext("CharacterOffsetEnd", "0")))
    out: list[list[object]] = []
    for chain in root.iter("coreference"):
        mentions = chain.findall("mention")
        names = [t for t in (m.findtext("text") or "" for m in mentions) if _names_someone(t)]
        if not names:
            continue
        name = max(names, key=lambda t: (names.count(t), " " in t))
        for m in mentions:
            if (m.findtext("text") or "").lower() not in PRONOUNS:
                continue
            sent, start, end = (int(m.findtext(k, "0")) for k in ("sentence", "start", "end"))
            if (sent, start) in offsets and (sent, end - 1) in offsets:
                out.append([offsets[(sent, start)][0], offsets[(sent, end - 1)][1], name])
    return out


def _names_someone(mention: str) -> bool:
    words = mention.split()
    return 0 < len(words) <= 5 and any(w[:1].isupper() and _fold(w) not in TITLES | PRONOUNS for w in words)


def recoref(repo: Path, out: Path) -> None:
    """Rewrite only the CoreNLP antecedents of the extracted articles."""
    for path in sorted((out / "text").glob("*.txt")):
        try:
            chains = _coref(_git(repo, "show", f"HEAD:{PARTITION}/corenlp/{path.stem}.txt.xml"))
        except subprocess.CalledProcessError:
            chains = []
        (out / "coref" / f"{path.stem}.json").write_text(json.dumps(chains), encoding="utf-8")


def load_articles(root: Path, limit: int | None) -> list[tuple[str, str, str | None]]:
    """(stem, text, publication date) of the extracted articles, in name order."""
    dates: dict[str, str] = {}
    for line in (root / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        dates[cols[1]] = cols[5]
    stems = sorted(p.stem for p in (root / "text").glob("*.txt"))
    if limit is not None and limit < len(stems):  # spread over publishers and months
        stems = [stems[n * len(stems) // limit] for n in range(limit)]
    return [(s, (root / "text" / f"{s}.txt").read_text(encoding="utf-8"), dates.get(s)) for s in stems]


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def _attributions(ann: str) -> list[dict[str, list[tuple[int, int]]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            spans[cols[0]] = _spans(cols[1].split(" ", 1)[1])
        elif line.startswith("E") and len(cols) >= 2:
            parts = dict(p.split(":", 1) for p in cols[1].split())
            roles: dict[str, list[tuple[int, int]]] = {}
            for role, ref in parts.items():
                roles.setdefault(role.rstrip("0123456789"), []).extend(spans.get(ref, []))
            out.append(roles)
    return out


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Every stretch between quotation marks (inside the marks), paired paragraph by paragraph:
    curly marks by shape, straight ones in turn (the New York Times' doubled apostrophes too); a
    mark left open runs to its paragraph's end. Single marks count outside double ones only."""
    doubled = _doubles(text.replace("''", " \""))
    singles = [(m.start(1), m.end(1)) for m in _SINGLE.finditer(text)]
    return sorted(doubled + [(s, e) for s, e in singles if not any(a <= s < b for a, b in doubled)])


_SINGLE = re.compile(r"(?<![\w'’])['‘]([^'‘’\n]{2,}?)['’](?![\w])")


def _doubles(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    at = 0
    for para in text.split("\n"):
        opened: int | None = None
        for n, ch in enumerate(para):
            if ch == "\u201c" or (ch == '"' and opened is None):
                opened = at + n + 1 if opened is None or ch == "\u201c" else opened
            elif ch in _CLOSE and opened is not None:
                if at + n > opened:
                    out.append((opened, at + n))
                opened = None
        if opened is not None and at + len(para) > opened:
            out.append((opened, at + len(para)))
        at += len(para) + 1
    return out


def _stretches(quoted: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The quoted stretches that overlap one content span."""
    return [(s, e) for s, e in quoted if s < end and start < e]


def gold_quotes(root: Path, stem: str, text: str, hand: dict[str, str | None]) -> list[GoldQuote]:
    ann = (root / "ann" / f"{stem}.ann").read_text(encoding="utf-8")
    coref = json.loads((root / "coref" / f"{stem}.json").read_text(encoding="utf-8"))
    quoted = quoted_stretches(text)
    out: dict[tuple[int, int], GoldQuote] = {}
    for attr in _attributions(ann):
        source = attr.get("Source") or []
        src_span = (min(s for s, _ in source), max(e for _, e in source)) if source else None
        src_text = " ".join(text[s:e] for s, e in source) if source else None
        for cs, ce in attr.get("Content", []):
            for start, end in _stretches(quoted, cs, ce):
                out.setdefault((start, end), _gold(stem, start, end, src_text, src_span, coref, hand))
    return sorted(out.values(), key=lambda g: g.start)


def _gold(stem: str, start: int, end: int, src: str | None, span: tuple[int, int] | None,
          coref: list[list[object]], hand: dict[str, str | None]) -> GoldQuote:
    if src is None or span is None:
        return GoldQuote(start, end, None, None, None, "none")
    if src.split()[0].lower() in _CUE_WORDS:  # a cue annotated as the source: no speaker to compare
        return GoldQuote(start, end, None, None, None, "none")
    if described(src):
        return GoldQuote(start, end, src, span, None, "described")
    if src.strip().lower() not in PRONOUNS:
        return GoldQuote(start, end, src, span, None, "name")
    key = f"{stem}:{start}"
    if src.strip().lower() in FIRST_PERSON:
        return GoldQuote(start, end, src, span, None, "first_person")
    rep = next((str(r) for s, e, r in coref if int(str(s)) < span[1] and span[0] < int(str(e))), None)
    if key in hand:
        return GoldQuote(start, end, src, span, hand[key], "hand" if hand[key] else "unknown", rep)
    return GoldQuote(start, end, src, span, rep, "corenlp" if rep else "unknown", rep)


def described(source: str) -> bool:
    """`the president`, `the Florida senator`, `The longtime senator`: a definite description that
    points back at someone the story named. The annotation leaves its referent out, so whether
    our speaker is right is unknown (as for a pronoun without a resolution): judging it by its
    head word would count `the president` right and the person it stands for wrong."""
    words = _WORD.findall(source)
    return len(words) >= 2 and _fold(words[0]) == "the" and len(words) <= 5 \
        and _fold(words[-1]) in REFERRING_TITLES and not any(_fold(w) in ("of", "for", "at") for w in words)


def _fold(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,'\"“”()")


def surname(name: str) -> str | None:
    """The last word of a name that is not a title or a suffix, folded; of a hyphenated
    surname, its last part (`El-Erian` and `Erian` are one person)."""
    raw = _WORD.findall(name)
    words = [_fold(w) for n, w in enumerate(raw)
             if _fold(w) and _fold(w) not in SUFFIXES and not _fold(w).endswith("'s")
             and (_fold(w) not in TITLES or _named_title(raw, n))]
    return words[-1].rsplit("-", 1)[-1] if words else None


def _named_title(words: list[str], n: int) -> bool:
    """`King` in `Charlie King` or `Mr. King` is a surname; in `the King` or `King Abdullah` a title."""
    if _fold(words[n]) not in SURNAME_TITLES or n == 0 or not words[n][:1].isupper():
        return False
    before = _fold(words[n - 1])
    return before in HONORIFICS or (words[n - 1][:1].isupper() and before not in TITLES | DETERMINERS)


def gold_names(source: str) -> tuple[set[str], str | None]:
    """The surnames a gold source names, and its head word when it is a description
    ("a spokesman for Clinton" names nobody: its head is "spokesman")."""
    source = _RELATIVE.split(source, maxsplit=1)[0]  # `a supporter who runs @Account`: the supporter
    parts = [p.strip() for p in re.split(r"[,—–(]", re.sub(r"\([^)]*\)", " ", source)) if p.strip()]
    first = parts[0] if parts else source
    # `Clinton's campaign chairman, John Podesta`: a name in apposition after a role is the speaker
    apposed = next((p for p in parts[1:3] if all(w[:1].isupper() for w in _WORD.findall(p))), None)
    if apposed and first.split()[-1][:1].islower():
        first = apposed
    cut = _PREPS.search(first)
    # `Joel Pollak of Breitbart`, `a spokesman for Clinton`: the words before the preposition
    # are the speaker; `Secretary of State Hillary Clinton`: they are only a title.
    if cut and any(_fold(w) not in DETERMINERS | OFFICES for w in _WORD.findall(first[:cut.start()])):
        first = first[:cut.start()]
    names: set[str] = set()
    head = None
    for part in re.split(r"\s(?:and|&)\s", first):
        found = _WORD.findall(part)
        if found and found[-1].endswith(("'s", "’s")):  # `Donald Trump’s` (claim): Trump's own words
            found[-1] = found[-1][:-2]
        words = [w for w in found if not w.endswith(("'s", "’s"))]
        owner = next((w[:-2] for w in reversed(found) if w.endswith(("'s", "’s")) and w[:1].isupper()), None)
        if owner and words and _fold(words[-1]) in WRITINGS:  # `Hoff’s letter`: Hoff's words
            names.add(_fold(owner).rsplit("-", 1)[-1])
            continue
        if len(words) > 1 and _fold(words[0]) in INDEFINITE and _fold(words[-1]) in TITLES:
            # `a Nevada Democrat`, `another Republican`: a member of a group, nobody named
            head = _fold(words[-1])
            continue
        if words and words[-1][:1].islower() and _fold(words[-1]) not in DETERMINERS:
            head = _fold(words[-1])
            continue
        run = [w for n, w in enumerate(words) if w[:1].isupper() and _fold(w) not in SUFFIXES
               and (_fold(w) not in TITLES or _named_title(words, n))]
        if run:
            names.add(_fold(run[-1]).rsplit("-", 1)[-1])
    return names, head


def _called(ours: str) -> set[str]:
    """The words a story may call our speaker by alone: the surname, the first word of the
    name, and the middle one of three, the first of two surnames (`Ms. Acosta` is Melba Acosta
    Febo). `Mr. Lou` is Lou Jiwei and `Ban` is Ban Ki-moon (the family name comes first), and an
    annotated `Hillary` or `Tom` is the Hillary Clinton or Tom Ebeling we name in full."""
    words = [_fold(w) for w in _WORD.findall(ours)]
    words = [w for w in words if w and w not in TITLES and w not in SUFFIXES]
    first = {words[0].rsplit("-", 1)[0]} if len(words) > 1 else set()
    # `Ms. Acosta` is Melba Acosta Febo: of a first name and two surnames, the first surname alone
    middle = {words[1]} if len(words) == 3 and words[1].isalpha() and len(words[1]) > 1 else set()
    last = surname(ours)
    return first | middle | ({last} if last else set())


def _bare(words: str) -> str:
    folded = [_fold(w) for w in words.split()]
    return " ".join(w for w in folded if w and w != "the")


def same_speaker(ours: str, kind: str, span: tuple[int, int] | None, gold: GoldQuote) -> bool:
    """Our speaker against the gold one: surname match for people, titles and suffixes
    stripped; a description or organisation is right when it overlaps the annotated source
    or shares its head word."""
    if gold.resolved is not None:
        want = surname(gold.resolved)
        return want is not None and want in _called(ours)
    assert gold.source is not None and gold.source_span is not None
    names, head = gold_names(gold.source)
    overlap = span is not None and span[0] < gold.source_span[1] and gold.source_span[0] < span[1]
    first, _, rest = gold.source.partition(",")
    if overlap and _bare(ours) == _bare(first.split("(")[0]) and not rest.strip()[:1].isupper():
        return True  # the very words annotated (`American Federation of Teachers`), no name apposed
    if names:  # a named source: only its name will do (`Clinton's spokesman` is not Brian Fallon)
        # ... or the one word annotated, capitalised at a sentence start (`Aides`, `Others`)
        core = _RELATIVE.split(gold.source, maxsplit=1)[0]  # `Another Muslim who worshiped here`
        alone = overlap and (len(gold.source.split()) == 1 or _bare(ours) == _bare(core))
        return (kind in ("named", "organization") or alone) and bool(_called(ours) & names)
    ours_head = _fold(ours.split()[-1]) if ours.split() else ""
    if head is not None and ours_head.rstrip("s") == head.rstrip("s"):
        return True
    return overlap and kind != "named"
