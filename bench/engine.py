"""How much the checks engine costs on top of spaCy itself, measured in one run.

    .venv/bin/python bench/engine.py [--articles 200] [--rounds 3] [--long-chars 200000]
                                     [--memory-checks 1000]

Runs the seeds and a set of generated news articles (quotes, named and anonymous
sources, dates) through bare `nlp.pipe` and through `checks.check_many` (which uses
the same nlp.pipe), alternating the two so machine noise hits both alike, and prints
engine time / bare spaCy time, words per second, and peak RSS after loading.

Then the memory of a long-running worker: a fresh process checks 1,000 generated articles
one by one (each with names and codes of its own, as real news brings new words every day)
and prints its RSS after the first 50 and after all of them, with spaCy's memory zone (what
checks.check_text does) and, for comparison, without it.

Then the cost of length: one long article (the seeds' paragraphs shuffled and numbered,
up to checks.guard.MAX_CHARS) and one a tenth as long, each checked whole by check_text;
printed are the long one's engine time over the short one's, and the peak RSS of the long
check, measured in a fresh subprocess so nothing earlier in this run inflates it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the long-article builder the scaling tests use

from support import articles  # noqa: E402

from checks import (  # noqa: E402
    MAX_CHARS,
    check_many,
    check_text,
)
from checks.nlp import batches, load_pipeline  # noqa: E402

PEOPLE = ["Maria Lopez", "David Chen", "Amara Okafor", "Tom Becker", "Priya Nair", "Jonas Weber",
          "Claire Dubois", "Samuel Adeyemi", "Hannah Kim", "Luis Ortega"]
ROLES = ["the finance minister", "a spokesperson for the port authority", "the mayor of Halifax",
         "professor of economics at McGill University", "the union's regional director"]
ANONYMOUS = ["a senior official who spoke on condition of anonymity", "sources close to the talks",
             "a person familiar with the matter", "two diplomats briefed on the meeting"]
VERBS = ["said", "told reporters", "added", "warned", "said in a statement", "argued"]
CLAIMS = ["We will not accept a deal that hurts our workers", "The numbers simply do not add up",
          "This agreement protects jobs on both sides of the border", "Nobody wants a trade war",
          "We expect an answer by the end of the month", "It's not about politics, it's about safety"]
DATES = ["on Tuesday", "last week", "on March 3, 2025", "in early October", "six weeks earlier",
         "on Friday, June 6, 2025", "in 2024", "this summer", "April 28"]
FILLER = ("The talks, which began {date}, have focused on tariffs, border inspections and the future of the "
          "regional supply chain. Officials from both governments met in Ottawa and Washington, and several "
          "industry groups submitted written comments. ")


def generated_article(rng: random.Random, paragraphs: int = 12) -> str:
    lines = [f"{rng.choice(PEOPLE).split()[1]} Warns of Stalled Trade Talks"]
    for _ in range(paragraphs):
        person, claim = rng.choice(PEOPLE), rng.choice(CLAIMS)
        shape = rng.randrange(4)
        if shape == 0:
            role, verb, when = rng.choice(ROLES), rng.choice(VERBS), rng.choice(DATES)
            lines.append(f"“{claim},” {person}, {role}, {verb} {when}.")
        elif shape == 1:
            lines.append(f"{person} {rng.choice(VERBS)}: “{claim}. {rng.choice(CLAIMS)}.”")
        elif shape == 2:
            lines.append(f"According to {rng.choice(ANONYMOUS)}, the sides remain far apart. “{claim},” "
                         f"the source said.")
        lines.append(FILLER.format(date=rng.choice(DATES)))
    return "\n\n".join(lines)


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200, help="generated articles (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best of each is kept")
    parser.add_argument("--long-chars", type=int, default=MAX_CHARS,
                        help=f"length of the long article (default {MAX_CHARS:,}, the most a check takes)")
    parser.add_argument("--memory-checks", type=int, default=1000,
                        help="checks in the worker-memory run (default 1,000; 0 skips it)")
    args = parser.parse_args()

    nlp = load_pipeline()
    nlp("Warm-up sentence, said the bench.")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rng = random.Random(42)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [generated_article(rng) for _ in range(args.articles)]
    words = sum(len(t.split()) for t in texts)

    def bare() -> None:
        # the same batches the engine makes, so the ratio measures our rules, not batching
        for batch in batches(texts):
            for _ in nlp.pipe(batch, batch_size=len(batch)):
                pass

    def engine() -> None:
        for _ in check_many((t, None) for t in texts):
            pass

    bare_times, engine_times = [], []
    for _ in range(args.rounds):
        bare_times.append(timed(bare))
        engine_times.append(timed(engine))
    bare_s, engine_s = min(bare_times), min(engine_times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(texts)} ({len(texts) - args.articles} seeds + {args.articles} generated), "
          f"{words:,} words; best of {args.rounds} alternating rounds")
    print(f"bare nlp.pipe:   {bare_s:7.2f} s  {words / bare_s:8,.0f} words/s")
    print(f"deskcheck engine:{engine_s:7.2f} s  {words / engine_s:8,.0f} words/s")
    print(f"engine / bare spaCy: {engine_s / bare_s:.2f}  (target <= 1.3)")
    print(f"peak RSS after loading the pipeline: {rss_mb:.0f} MB; after the run: {peak_mb:.0f} MB "
          f"(target <= 300 MB)")
    if args.memory_checks:
        _worker_memory(args.memory_checks)
    _long_articles(args.long_chars, args.rounds)
    return 0


def long_article(chars: int, seed: int = 11) -> str:
    """The seeds' paragraphs, shuffled and numbered so that none repeats exactly, up to `chars`."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    return articles.long_article(seeds, chars, seed)


def _long_articles(chars: int, rounds: int) -> None:
    long_text, short_text = long_article(chars), long_article(chars // 10)
    long_times, short_times = [], []
    for _ in range(rounds):
        short_times.append(timed(lambda: check_text(short_text)))
        long_times.append(timed(lambda: check_text(long_text)))
    long_s, short_s = min(long_times), min(short_times)
    print(f"long article: {len(long_text):,} characters {long_s:7.2f} s; a tenth ({len(short_text):,}) "
          f"{short_s:6.2f} s; best of {rounds}")
    print(f"engine time {len(long_text) // 1000}k / {len(short_text) // 1000}k: {long_s / short_s:.1f}x  "
          f"(target <= 15x)")
    peak = _fresh_peak_rss(long_text)
    print(f"peak RSS of a fresh process checking the {len(long_text):,}-character article: "
          f"{peak['after']:.0f} MB, {peak['loaded']:.0f} MB of it the loaded pipeline (target <= 600 MB)")


# A worker's RSS is read after this many checks, and compared with the RSS after all of them.
FIRST_CHECKS = 50
_SYLLABLES = ["ka", "lo", "mir", "ten", "sa", "vo", "ru", "bel", "dan", "esh", "ot", "qui", "zan", "fe"]


def novel_article(rng: random.Random) -> str:
    """A generated article with people, places and codes no earlier article had."""
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    people = [f"{word()} {word()}" for _ in PEOPLE]
    text = generated_article(rng, paragraphs=6)
    for old, new in zip(PEOPLE, people, strict=True):
        text = text.replace(old, new).replace(old.split()[1], new.split()[1])
    return text + f"\n\nFiled from {word()} under reference {word().upper()}-{rng.randint(1000, 99999)}."


_MEMORY_SCRIPT = """
import json, random, sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/bench")
import checks.nlp
from checks import check_text
from engine import FIRST_CHECKS, novel_article

def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024

if sys.argv[3] == "off":  # the comparison: the same checks with the zone's two steps skipped
    checks.nlp._Zone.enter = checks.nlp._Zone.leave = lambda self: None
rng, found, words = random.Random(7), {}, {}
for n in range(1, int(sys.argv[2]) + 1):
    check_text(novel_article(rng))
    if n in (FIRST_CHECKS, int(sys.argv[2])):
        found[n], words[n] = rss_mb(), len(checks.nlp.load_pipeline().vocab.strings)
print(json.dumps({"first": found[FIRST_CHECKS], "last": found[int(sys.argv[2])],
                  "strings_first": words[FIRST_CHECKS], "strings_last": words[int(sys.argv[2])]}))
"""


def _worker_memory(checks: int) -> None:
    """RSS of a fresh process after FIRST_CHECKS checks and after `checks`, zone on and off."""
    for zone in ("on", "off"):
        done = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, str(ROOT), str(checks), zone],
                              capture_output=True, text=True, check=True, encoding="utf-8")
        rss = json.loads(done.stdout.strip().splitlines()[-1])
        target = "  (target <= 1.2)" if zone == "on" else ""
        print(f"worker RSS, memory zone {zone:3}: {rss['first']:.0f} MB after {FIRST_CHECKS} checks, "
              f"{rss['last']:.0f} MB after {checks:,}: {rss['last'] / rss['first']:.2f}x{target}; "
              f"strings in the vocabulary {rss['strings_first']:,} -> {rss['strings_last']:,}")


# Linux keeps ru_maxrss across execve, so a child started from this (large) process would report
# our peak; VmHWM belongs to the new address space and starts afresh.
_PEAK_SCRIPT = """
import json, resource, sys
sys.path.insert(0, sys.argv[1])
from checks import check_text, load_pipeline

def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

load_pipeline()("Warm-up sentence, said the bench.")
loaded = peak_mb()
check_text(sys.stdin.read())
print(json.dumps({"loaded": loaded, "after": peak_mb()}))
"""


def _fresh_peak_rss(text: str) -> dict[str, float]:
    """Peak RSS (MB) of a new interpreter that loads the pipeline and checks `text`."""
    done = subprocess.run([sys.executable, "-c", _PEAK_SCRIPT, str(ROOT)], input=text, text=True,
                          capture_output=True, check=True, encoding="utf-8")
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


if __name__ == "__main__":
    sys.exit(main())
