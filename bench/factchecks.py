"""How fact-check import and search scale, measured in one run.

    .venv/bin/python bench/factchecks.py [--reviews 100000] [--large] [--queries 300]
                                         [--database-url postgresql+psycopg://user@host/db]

Generates synthetic ClaimReviews (claim sentences built from word lists: officials, places,
taxes, bans, numbers, years), imports them with FactCheckStore.import_reviews and prints the
import rate in reviews per second. Then it searches with reworded claims (synonyms swapped,
wrapped in a reporter's sentence, as a story repeats a claim) and prints the search latency p50
and p95 over `--queries` searches of 20 candidates each, the share of searches that found the
review the query was reworded from, and the ratios to the targets: p95 against 50 ms, import
against 2,000 reviews/s. With `--large` a copy of the 100,000-review database grows to 1,000,000
reviews, each query searches both (which goes first alternating, so a busy spell of the machine
falls on both alike), and the run prints the 1,000,000 p95 over the 100,000 one (target at most 2).

Then what the fact-checks cost a check: a full check (bot.service.run_check: check, fact-check
matching, similar articles, history) of a ~1,500-word article made from two seeds, with `--reviews`
fact-checks loaded against the same check on a database with none, interleaved (the two alternate
which goes first), median of `--check-runs` (default 9) each after one warm-up (target at most
1.15x), on SQLite and, with --database-url, on PostgreSQL. Beside the wall-clock ratio it prints the
ratio of this process's CPU time, which a busy machine disturbs less (on PostgreSQL the server's own
work is not in it); on PostgreSQL on this machine, also the ratio of this process's CPU and the
server's together (its processes for each database, from /proc), which a busy machine disturbs least.
Then, on SQLite, the peak RSS (VmHWM) of a fresh worker process that loads the
pipeline and the history as a check worker does, then checks the article three times with them
loaded (target at most 350 MB), next to the same worker with none. `--check-runs 0` skips all this.

SQLite always, in a temporary file. With --database-url (PostgreSQL), also there, in a scratch
database (two with `--large`) created on that server and dropped at the end (the role needs CREATEDB).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from checks import ClaimReview  # noqa: E402
from storage.db import dispose, engine_for, upgrade  # noqa: E402
from storage.factchecks import POSTINGS_BUDGET, FactCheckStore  # noqa: E402

CHECK_RATIO_TARGET = 1.15
WORKER_RSS_TARGET_MB = 350
WORKSPACE = "bench-desk"

FIRST = ("Maria David Amara Tom Priya Jonas Claire Samuel Hannah Luis Fatima Wei Olga Kwame Ines Rahul Sofia "
         "Mateo Aisha Pierre Greta Daniel Yuki Omar Lena Carlos Nadia Ivan Chloe Ahmed Rosa Felix Mei Jamal "
         "Elena Victor Zainab Hugo Leila Arjun").split()
LAST = ("Lopez Chen Okafor Becker Nair Weber Dubois Adeyemi Kim Ortega Haddad Wang Petrova Mensah Silva "
        "Sharma Rossi Garcia Bello Martin Lindqvist Novak Tanaka Farouk Jensen Moreno Karimi Sokolov "
        "Tremblay Rahman Costa Schmidt Zhou Davis Morrison Gagnon Osei Mukherjee Fischer Alvarez Campbell "
        "Roy Leblanc Singh Nguyen Kowalski Murphy Bianchi Andersson Yilmaz").split()
PLACES = ("Toronto Montreal Vancouver Calgary Ottawa Halifax Winnipeg Regina Quebec Edmonton Victoria "
          "Boston Chicago Denver Seattle Phoenix Houston Atlanta Miami Detroit London Manchester Glasgow "
          "Dublin Paris Lyon Berlin Munich Madrid Lisbon Rome Milan Vienna Warsaw Prague Lagos Nairobi Accra "
          "Cairo Delhi Mumbai Manila Jakarta Sydney Melbourne Auckland Brisbane Portland Austin").split()
COUNTRIES = ("Canada Mexico China India Brazil Germany France Japan Russia Ukraine Nigeria Kenya Egypt "
             "Turkey Iran Israel Australia Argentina Chile Poland Italy Spain Sweden Norway Vietnam").split()
OFFICES = ("Premier", "Mayor", "Senator", "Governor", "Health Minister", "Finance Minister", "Councillor",
           "President", "Prime Minister", "Opposition leader")
BODIES = ("The federal government", "The provincial health ministry", "The city council", "The school board",
          "The central bank", "The transit authority", "The port authority", "The World Health Organization",
          "The European Union", "The United Nations", "The police union", "The electricity regulator")
TAXES = ("sales tax", "carbon tax", "gas tax", "property tax", "income tax", "payroll tax", "tariff on dairy",
         "tariff on steel", "tariff on lumber", "luxury car tax", "sugar tax", "tourist tax")
THINGS = ("gas stoves", "plastic bags", "cash payments", "home schooling", "private pools", "wood stoves",
          "electric scooters", "drones", "sugary drinks", "beef burgers", "cars downtown", "public prayer",
          "face masks", "short-term rentals", "foreign students", "offshore drilling")
PROGRAMS = ("public transit", "rural hospitals", "school lunches", "child care", "police training",
            "mental health services", "wildfire prevention", "housing subsidies", "veterans' pensions",
            "road repairs", "cancer screening", "refugee resettlement", "water treatment")
HARMS = ("cancer", "autism", "infertility", "heart attacks", "blackouts", "floods", "crop failures",
         "birth defects", "power outages", "memory loss")
CAUSES = ("5G towers", "wind turbines", "COVID-19 vaccines", "fluoride in tap water", "chemtrails",
          "smart meters", "solar farms", "genetically modified wheat", "microwave ovens", "fracking")
TEMPLATES = (
    "{who} raised the {tax} by {n} percent {when}.",
    "{who} banned {thing} in {place} {when}.",
    "{who} cut funding for {program} by ${n} million {when}.",
    "{who} doubled spending on {program} {when}.",
    "{who} closed {n} hospitals in {place} {when}.",
    "{cause} cause {harm} in children, according to a study from {place}.",
    "{who} secretly sold the {place} waterfront to a company from {country}.",
    "{country} charges a {n} percent {tax} on all goods from {country2}.",
    "Crime in {place} rose {n} percent {when} under {who}.",
    "{who} said {n} people died from {cause} in {place} {when}.",
    "{who} will require {thing} to be registered from {year}.",
    "{who} gave ${n} million to {country} for {program} {when}.",
)
WHEN = ("in {year}", "last year", "since {year}", "during the pandemic", "before the election",
        "in its first year", "this spring", "after the {year} election")
TITLES = ("Fact check: {claim}?", "Is it true that {claim}?", "No, {claim}", "Viral post claims {claim}")
RATINGS = ("False", "Mostly False", "Misleading", "Half True", "Pants on Fire")
SYNONYMS = {"raised": "hiked", "banned": "outlawed", "cut": "slashed", "doubled": "tripled", "closed": "shut",
            "percent": "%", "secretly": "quietly", "sold": "handed", "funding": "money", "rose": "jumped",
            "died": "were killed", "cause": "lead to", "children": "kids", "require": "force", "gave": "sent"}
WRAPPERS = ("{speaker} told reporters on Tuesday that {claim}",
            "Posts shared thousands of times claim that {claim}",
            "\"{claim}\" {speaker} said at the rally.", "According to a viral video, {claim}", "{claim}")


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def claim_sentence(rng: random.Random) -> str:
    who = rng.choice(BODIES) if rng.random() < 0.4 else f"{rng.choice(OFFICES)} {person(rng)}"
    year = rng.randint(1995, 2025)
    number = rng.choice((rng.randint(2, 99), rng.randint(100, 5000)))
    values = {"who": who, "tax": rng.choice(TAXES), "n": number, "when": rng.choice(WHEN).format(year=year),
              "thing": rng.choice(THINGS), "place": rng.choice(PLACES), "program": rng.choice(PROGRAMS),
              "harm": rng.choice(HARMS), "cause": rng.choice(CAUSES), "country": rng.choice(COUNTRIES),
              "country2": rng.choice(COUNTRIES), "year": year}
    sentence = rng.choice(TEMPLATES).format(**values)
    return sentence[0].upper() + sentence[1:]


def reviews(count: int, seed: int, start: int = 0) -> Iterator[ClaimReview]:
    rng = random.Random(seed)
    for n in range(start, start + count):
        claim = claim_sentence(rng)
        # A fact-checker's headline over the claim, as real feeds carry one: indexed too, so the
        # import analyses both (storage.factchecks.search_terms).
        title = rng.choice(TITLES).format(claim=claim[0].lower() + claim[1:].rstrip("."))
        yield ClaimReview(url=f"https://factcheck.example/{n}", claim=claim, title=title,
                          rating=rng.choice(RATINGS),
                          publisher=rng.choice(("Check Desk", "Verify", "Fact Patrol")),
                          review_date=f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")


def reworded(claim: str, rng: random.Random) -> str:
    words = [SYNONYMS.get(word, word) for word in claim.rstrip(".").split()]
    sentence = " ".join(words)
    return rng.choice(WRAPPERS).format(speaker=person(rng), claim=sentence[0].lower() + sentence[1:])


def measure_import(store: FactCheckStore, count: int, start: int) -> float:
    began = time.perf_counter()
    summary = store.import_reviews(reviews(count, seed=start, start=start), None)
    elapsed = time.perf_counter() - began
    assert summary.imported == count, summary
    return count / elapsed


def measure_search(stores: list[FactCheckStore], pool: int, queries: int) -> list[tuple[float, float, float]]:
    """Per store: (p50 ms, p95 ms, share of searches that found the source review in the top 20).

    The queries reword reviews of the first import (`pool` of them, from seed 0), which every store
    holds, so every size is searched with the same queries. Each query goes to every store in turn
    (the order rotating), so a busy spell of the machine falls on every size alike."""
    rng = random.Random(7)
    indexes = [store.index(WORKSPACE) for store in stores]
    picks = [rng.randrange(pool) for _ in range(queries)]
    wanted = set(picks)
    sources = {n: review.claim for n, review in enumerate(reviews(pool, seed=0)) if n in wanted}
    for n in picks[:10]:
        query = reworded(sources[n], rng)
        for index in indexes:
            index.search(query, 20)  # warm the caches once
    times: list[list[float]] = [[] for _ in stores]
    found = [0 for _ in stores]
    for turn, n in enumerate(picks):
        query = reworded(sources[n], rng)
        for k in [(turn + j) % len(stores) for j in range(len(stores))]:
            began = time.perf_counter()
            hits = indexes[k].search(query, 20)
            times[k].append((time.perf_counter() - began) * 1000)
            found[k] += any(hit.review.url == f"https://factcheck.example/{n}" for hit in hits)
    return [(statistics.median(t), statistics.quantiles(t, n=20)[18], hits / queries)
            for t, hits in zip(times, found, strict=True)]


def run(label: str, urls: list[str], sizes: list[int], queries: int, budget: int,
        clone: Callable[[str, str], None]) -> list[float]:
    """Import sizes[0] reviews into urls[0]; for a second size, clone that database to urls[1] and
    import the rest there; then search every size, interleaved."""
    stores, rates, loaded = [], [], 0
    for url, size in zip(urls, sizes, strict=True):
        if loaded:
            clone(urls[0], url)
        engine = engine_for(url)
        upgrade(engine)
        store = FactCheckStore(engine, postings_budget=budget)
        # the first batch from seed 0 is what measure_search rewords from: one stream for every size
        rates.append(measure_import(store, size - loaded, loaded))
        stores.append(store)
        loaded = size
    p95s = []
    for size, rate, (p50, p95, recall) in zip(sizes, rates, measure_search(stores, sizes[0], queries),
                                              strict=True):
        p95s.append(p95)
        print(f"{label:<10} {size:>9,} reviews  import {rate:>8,.0f}/s ({rate / 2000:.1f}x the 2,000/s "
              f"target)  search p50 {p50:6.1f} ms  p95 {p95:6.1f} ms ({p95 / 50:.2f} of the 50 ms target)  "
              f"source found {recall:.0%}")
    if len(p95s) > 1:
        ratio = p95s[-1] / p95s[0]
        print(f"{label:<10} p95 at {sizes[-1]:,} / p95 at {sizes[0]:,}: {ratio:.2f} (target at most 2)")
    for url in urls:
        dispose(url)
    return p95s


def copy_sqlite(source: str, target: str) -> None:
    dispose(source)
    shutil.copyfile(make_url(source).database or "", make_url(target).database or "")


def two_seed_article() -> str:
    """The first two seeds as one article (1,573 words), as bench/slack_ack.py builds its long ones."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:2]]
    return "\n\n".join(seeds)


def load_reviews(url: str, count: int) -> None:
    engine = engine_for(url)
    upgrade(engine)
    summary = FactCheckStore(engine).import_reviews(reviews(count, seed=0), None)
    assert summary.imported == count, summary


def measure_check(label: str, none_url: str, loaded_url: str, count: int, runs: int) -> None:
    """A full check with `count` fact-checks loaded (into loaded_url, empty) against the same check
    on none_url, with none: wall-clock and this process's CPU time."""
    from bot.service import Requester, run_check
    from bot.settings import Settings

    article = two_seed_article()
    load_reviews(loaded_url, count)
    settings = {"none": Settings(database_url=none_url, seeds_dir=ROOT / "seeds"),
                "loaded": Settings(database_url=loaded_url, seeds_dir=ROOT / "seeds")}
    who = Requester(platform="bench", workspace=WORKSPACE)
    times: dict[str, list[float]] = {"none": [], "loaded": []}
    cpu: dict[str, list[float]] = {"none": [], "loaded": []}
    server: dict[str, list[float]] = {"none": [], "loaded": []}
    databases = {"none": make_url(none_url).database or "", "loaded": make_url(loaded_url).database or ""}
    matched = 0
    for n in range(runs + 1):  # the first round warms up: the pipeline, the seeds' corpus, the vectors
        # the two alternate which goes first, so a slow spell of the machine falls on both alike
        for which in ("none", "loaded") if n % 2 else ("loaded", "none"):
            serving = server_cpu(databases[which]) if label == "postgresql" else None
            began, began_cpu = time.perf_counter(), time.process_time()
            outcome = run_check(article, who, settings=settings[which])
            elapsed, used = time.perf_counter() - began, time.process_time() - began_cpu
            served = server_cpu(databases[which]) if serving is not None else None
            assert outcome.report is not None, outcome.error
            if which == "loaded":
                matched = len(outcome.report.fact_checks)
            if n:
                times[which].append(elapsed)
                cpu[which].append(used)
                if serving is not None and served is not None:
                    server[which].append(sum(t - serving.get(pid, 0.0) for pid, t in served.items()))
    none_s, loaded_s = statistics.median(times["none"]), statistics.median(times["loaded"])
    none_cpu, loaded_cpu = statistics.median(cpu["none"]), statistics.median(cpu["loaded"])
    words = len(article.split())
    print(f"check      {label}: {words:,}-word article, median of {runs}: {none_s:.2f} s with no "
          f"fact-checks, {loaded_s:.2f} s with {count:,} loaded ({matched} shown): {loaded_s / none_s:.2f}x "
          f"(target at most {CHECK_RATIO_TARGET}x); this process's CPU {none_cpu:.2f} / {loaded_cpu:.2f} s: "
          f"{loaded_cpu / none_cpu:.2f}x")
    if len(server["none"]) == runs and len(server["loaded"]) == runs:
        # the server's CPU too, from its processes for each database (a server on this machine)
        both = {which: statistics.median(c + s for c, s in zip(cpu[which], server[which], strict=True))
                for which in ("none", "loaded")}
        alone = {which: statistics.median(server[which]) * 1000 for which in ("none", "loaded")}
        print(f"check      {label}: this process's and the server's CPU {both['none']:.2f} / "
              f"{both['loaded']:.2f} s: {both['loaded'] / both['none']:.2f}x (the server's alone, median: "
              f"{alone['none']:.0f} / {alone['loaded']:.0f} ms)")
    print(f"check      {label}: each run, s: none {' '.join(f'{t:.2f}' for t in times['none'])}; "
          f"loaded {' '.join(f'{t:.2f}' for t in times['loaded'])}")
    dispose(none_url)
    dispose(loaded_url)


def server_cpu(database: str) -> dict[int, float] | None:
    """CPU seconds so far of each PostgreSQL process serving `database`, read from /proc (its title
    is 'postgres: USER DATABASE HOST(PORT) STATE'); None when the server is not on this machine."""
    found: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            title = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not title.startswith("postgres: ") or f" {database} " not in title:
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone since the listing, or not ours to read
            continue
        found[int(proc.name)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return found or None


def measure_worker(none_url: str, loaded_url: str, count: int) -> None:
    """The peak RSS of a fresh worker on the databases measure_check used: with `count` fact-checks
    loaded, and with none."""
    article = two_seed_article()
    for url, what in ((loaded_url, f"{count:,} fact-checks loaded"), (none_url, "none loaded")):
        peak = fresh_worker_peak(url, article)
        note = f" (target at most {WORKER_RSS_TARGET_MB} MB)" if url == loaded_url else ""
        print(f"worker     peak RSS of a fresh worker, {what}: {peak['after']:.0f} MB after 3 checks{note}, "
              f"{peak['loaded']:.0f} MB once the pipeline and history were loaded")


# Linux keeps ru_maxrss across execve, so a child started from this (large) process would report
# our peak; VmHWM belongs to the new address space and starts afresh (as in bench/engine.py).
_WORKER_SCRIPT = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bot.corpus import open_seeded_store
from bot.service import Requester, run_check
from bot.settings import Settings
from checks import load_pipeline

def peak_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024

settings = Settings(database_url=sys.argv[2], seeds_dir=Path(sys.argv[1]) / "seeds")
article = sys.stdin.read()
load_pipeline()  # what a check worker does before its first check (bot/workers.py, _prepare)
open_seeded_store(settings.database_url, settings.seeds_dir)
loaded = peak_mb()
for _ in range(3):
    assert run_check(article, Requester(platform="bench", workspace=sys.argv[3]), settings=settings).report
print(json.dumps({"loaded": loaded, "after": peak_mb()}))
"""


def fresh_worker_peak(url: str, article: str) -> dict[str, float]:
    """Peak RSS (MB) of a new interpreter that loads what a worker loads and checks `article`."""
    done = subprocess.run([sys.executable, "-c", _WORKER_SCRIPT, str(ROOT), url, WORKSPACE], input=article,
                          text=True, capture_output=True, check=True, encoding="utf-8")
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--large", action="store_true", help="grow to 1,000,000 reviews and compare")
    parser.add_argument("--large-reviews", type=int, default=1_000_000,
                        help="the size --large grows to (default: 1,000,000; smaller for a quick try)")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--database-url", help="a PostgreSQL server to measure too")
    parser.add_argument("--postings-budget", type=int, default=POSTINGS_BUDGET,
                        help=f"documents a search may score (default: {POSTINGS_BUDGET:,})")
    parser.add_argument("--check-runs", type=int, default=9,
                        help="timed checks each way for the cost in a check (default: 9; 0 skips it)")
    args = parser.parse_args()
    if args.reviews >= args.large_reviews and args.large:
        parser.error(f"--large grows the database to {args.large_reviews:,}: give --reviews below that")
    sizes = [args.reviews, args.large_reviews] if args.large else [args.reviews]
    with tempfile.TemporaryDirectory() as scratch:
        run("sqlite", [f"sqlite:///{scratch}/factchecks-{size}.db" for size in sizes], sizes, args.queries,
            args.postings_budget, copy_sqlite)
        if args.check_runs > 0:
            checked = f"sqlite:///{scratch}/check-none.db", f"sqlite:///{scratch}/check-loaded.db"
            measure_check("sqlite", *checked, args.reviews, args.check_runs)
            measure_worker(*checked, args.reviews)
    if args.database_url:
        admin = create_engine(args.database_url, isolation_level="AUTOCOMMIT")
        base = f"deskcheck_bench_{uuid.uuid4().hex[:8]}"
        names = [f"{base}_{size}" for size in sizes]
        checked = [f"{base}_check_none", f"{base}_check_loaded"] if args.check_runs > 0 else []
        with admin.connect() as conn:
            for name in [names[0], *checked]:
                conn.execute(text(f'CREATE DATABASE "{name}"'))

        def clone(source: str, target: str) -> None:
            dispose(source)  # a template database takes no connections
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{make_url(target).database}" '
                                  f'TEMPLATE "{make_url(source).database}"'))

        try:
            urls = [make_url(args.database_url).set(database=name).render_as_string(hide_password=False)
                    for name in names]
            run("postgresql", urls, sizes, args.queries, args.postings_budget, clone)
            if checked:
                none_url, loaded_url = (make_url(args.database_url).set(database=name)
                                        .render_as_string(hide_password=False) for name in checked)
                measure_check("postgresql", none_url, loaded_url, args.reviews, args.check_runs)
        finally:
            with admin.connect() as conn:
                for name in [*names, *checked]:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

if __name__ == "__main__":
    main()
