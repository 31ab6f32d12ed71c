"""Date values measured on TimeML (TimeBank + AQUAINT, the TempEval-3 training set): DATE value F1.

    .venv/bin/python bench/timeml.py [DATA_DIR] [--limit N] [--errors N] [--with-vague]

DATA_DIR holds `.tml` files (searched recursively; default scratch/timeml; macOS `._*` metadata
files beside them are skipped). The public copy used
for tuning is `data/TBAQ-cleaned` of github.com/jspotter/TempEval-3, extracted with

    git -C /work/.mirror/jspotter+TempEval-3/repo show HEAD:data/TBAQ-cleaned/<dir>/<file>.tml

into scratch/timeml/ (gitignored). Never tune on TempEval-3 platinum: it is held out.

Each document's text (tags stripped) is parsed by the engine's pipeline and its dates found with
the document creation time (DCT) as the publication date. Gold: every TIMEX3 of type DATE but the
DCT. Printed, as TempEval-3 scores a tagger's value attribute (relaxed span match):

- recall: gold DATEs overlapped by a reported date with the same value, over all gold DATEs;
- precision: the same hits over the reported dates that count. A reported date that overlaps a
  gold TIMEX3 of another type (TIME, DURATION, SET) or is itself a duration (`P…`) is not counted:
  deskcheck reports no types, so it is neither right nor wrong as a DATE;
- span recall (a gold DATE overlapped at all), and value accuracy on those spans.

Values are compared as written, but for decades, compared by meaning: TimeBank writes the 1990s
`199` and AQUAINT `199X`, the report contract's form, so a reported `199X` is right for a gold `199`.

By default the dates are the report's `dates[]`; `--with-vague` adds `vague_dates[]` ("now",
"recently") the way `checks.dates.find_dates` returns them. `--errors N` prints N wrong or missed
gold values with their text, for tuning; the errors are counted by kind (missed, spurious, wrong
anchor or direction, wrong span, granularity or convention) on the last line of the score.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.dates import find_dates, split_vague
from checks.models import DateMention
from checks.nlp import parse

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "scratch" / "timeml"
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)')
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DECADE = re.compile(r"\d{3}")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Document:
    name: str
    published: dt.date
    text: str
    timexes: list[Timex] = field(default_factory=list)


def read_tml(path: Path) -> Document | None:
    """The plain text of a TimeML file and its TIMEX3s, with offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    body, dct = _TEXT.search(raw), _DCT.search(raw)
    if body is None or dct is None:
        return None
    doc = Document(path.stem, dt.date.fromisoformat(dct[1]), "")
    out: list[str] = []
    length, opened = 0, None
    pos = 0
    for m in _TAG.finditer(body[1]):
        piece = html.unescape(body[1][pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if not m[1]:
            opened = (length, dict(_ATTR.findall(m[3])))
        elif opened is not None:
            start, attrs = opened
            text = "".join(out)[start:]
            doc.timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", ""), text))
            opened = None
    out.append(html.unescape(body[1][pos:]))
    doc.text = "".join(out)
    return doc


@dataclass
class Tally:
    gold: int = 0
    counted: int = 0
    hits: int = 0
    spans: int = 0
    errors: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)  # errors by kind, to choose what to fix

    def line(self) -> str:
        p = self.hits / self.counted if self.counted else 0.0
        r = self.hits / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.hits / self.spans if self.spans else 0.0
        return (f"DATE value  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   (gold {self.gold}, "
                f"reported {self.counted}, right {self.hits})\n"
                f"span recall {self.spans / max(self.gold, 1):.3f}   "
                f"value accuracy on found spans {acc:.3f}\n"
                "errors: " + ", ".join(f"{n} {kind}" for kind, n in self.kinds.most_common()))


def error_kind(gold: Timex, got: DateMention) -> str:
    """Why a reported date overlapping a gold DATE has another value: the same shape of value
    (`1998-10-23` for `1999-10-23`) is a wrong anchor or direction, a reported date that is mostly
    another expression ("last Tuesday" of "the day before last Tuesday") a wrong span, anything
    else a granularity or convention (`1988-Q3` for `1988`, `1989-W43` for `1989-WXX`)."""
    if re.sub(r"\d", "9", got.value or "") == re.sub(r"\d", "9", gold.value):
        return "anchor or direction"
    overlap = min(gold.end, got.end) - max(gold.start, got.start)
    if 2 * overlap <= max(gold.end - gold.start, got.end - got.start):
        return "span"
    return "granularity"


def same_value(gold: str, got: str | None) -> bool:
    """A reported value equals the gold one; a decade written `199X` (the report contract's form, and
    AQUAINT's) is TimeBank's `199`."""
    return got == gold or (_DECADE.fullmatch(gold) is not None and got == gold + "X")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(doc: Document, found: list[DateMention], tally: Tally) -> None:
    gold = [t for t in doc.timexes if t.type == "DATE"]
    other = [t for t in doc.timexes if t.type != "DATE"]
    used: set[int] = set()
    for g in gold:
        tally.gold += 1
        near = [i for i, d in enumerate(found) if _overlaps(d.start, d.end, g.start, g.end)]
        if near:
            tally.spans += 1
        right = next((i for i in near if same_value(g.value, found[i].value) and i not in used), None)
        if right is not None:
            tally.hits += 1
            used.add(right)
        else:
            got = ", ".join(f"{found[i].text!r}={found[i].value}" for i in near) or "MISSING"
            tally.kinds[error_kind(g, found[near[0]]) if near else "missed"] += 1
            tally.errors.append(f"{doc.name} [{doc.published}] {g.text!r} gold={g.value} got {got}")
    for i, d in enumerate(found):
        if i in used:
            tally.counted += 1
            continue
        if (d.value or "").startswith("P") and not (d.value or "").endswith("_REF"):
            continue
        if any(_overlaps(d.start, d.end, t.start, t.end) for t in other):
            continue
        tally.counted += 1
        if not any(_overlaps(d.start, d.end, g.start, g.end) for g in gold):
            tally.errors.append(f"{doc.name} [{doc.published}] extra {d.text!r}={d.value}")
            tally.kinds["spurious"] += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--errors", type=int, default=0, help="print N errors")
    ap.add_argument("--with-vague", action="store_true", help="count 'now', 'recently' as dates too")
    args = ap.parse_args()
    # "._X.tml": the AppleDouble metadata a macOS archive leaves beside each file, not TimeML
    paths = sorted(p for p in args.data.rglob("*.tml") if not p.name.startswith("._"))
    docs = [d for d in (read_tml(p) for p in paths) if d is not None]
    if args.limit:
        docs = docs[: args.limit]
    if not docs:
        print(f"no TimeML documents under {args.data}", file=sys.stderr)
        return 1
    tally = Tally()
    for doc, parsed in zip(docs, parse(d.text for d in docs), strict=True):
        found = find_dates(parsed, doc.published, text=doc.text)
        dates = found if args.with_vague else split_vague(found)[0]
        score(doc, list(dates), tally)
    print(f"{len(docs)} documents")
    print(tally.line())
    for line in tally.errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
