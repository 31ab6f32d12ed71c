"""From a news page to the checked text: boilerplate out, metadata in, the same quotes as pasted text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.newsroom_server import NewsSite, load_stories, serve

from bot.service import Requester, run_check
from bot.settings import Settings
from checks.links.extract import ExtractedArticle, NoArticleText, extract_article, from_page, read_link
from checks.links.fetch import PrivateAddress, fetch_page
from checks.links.netguard import parse_networks
from checks.links.widgets import drop_furniture_lines

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = parse_networks(["127.0.0.1"])
STORIES = load_stories()
BOILERPLATE = ("cookies", "Accept all", "Related stories", "Share this article", "Subscribe for",
               "Get the Morning Ledger", "Comments are closed", "All rights reserved", "Most read",
               "Continuing to browse", "Ottawa weighs response", "Search the Ledger", "Tags:")


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with serve() as running:
        yield running


def squeeze(text: str) -> str:
    return " ".join(text.split())


def read(site: NewsSite, path: str) -> ExtractedArticle:
    return from_page(fetch_page(site.base + path, allowed_networks=LOOPBACK))


@pytest.mark.parametrize("template", ["news", "wire", "table"])
@pytest.mark.parametrize("stem", sorted(STORIES))
def test_the_article_text_comes_out_whole_and_the_boilerplate_stays_behind(site: NewsSite, stem: str,
                                                                           template: str) -> None:
    story = STORIES[stem]
    found = read(site, f"/{template}/{stem}")
    text = squeeze(found.text)
    # `Also Read: <another headline>` in a seed is furniture, and stays out of a page's text (issue 14)
    missing = [p for p in story.paragraphs if squeeze(p) not in text and drop_furniture_lines(p)]
    assert not missing
    assert [b for b in BOILERPLATE if b in found.text] == []
    assert "\n" in found.text  # paragraphs stay paragraphs


@pytest.mark.parametrize("template", ["news", "wire"])
def test_title_author_site_date_and_canonical_url_are_read(site: NewsSite, template: str) -> None:
    stem = "002_e8461dea9724e002"
    story = STORIES[stem]
    article = read(site, f"/{template}/{stem}").article
    assert article.title == story.title
    assert article.author == story.author
    assert article.published == dt.date.fromisoformat(story.date)
    assert article.site == ("The Northern Ledger" if template == "news" else "Continental Wire")
    assert article.canonical_url == f"{site.base}/{template}/{stem}" or article.canonical_url == (
        f"{site.base}/news/{stem}")


def test_a_byline_without_metadata_is_still_found() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORIES["003_2a228733f2cc85d0"].paragraphs[:8])
    page = ("<html><body><article><h1>Port talks stall</h1><p class='byline'>By Jordan Price</p>"
            f"{paragraphs}</article></body></html>")
    assert extract_article(page).article.author == "Jordan Price"


def test_an_immediate_meta_refresh_is_followed_to_the_article(site: NewsSite) -> None:
    stem = "002_e8461dea9724e002"
    found, page = read_link(f"{site.base}/stub?to=/news/{stem}", allowed_networks=LOOPBACK)
    assert page.url == f"{site.base}/news/{stem}"
    assert found.article.author == STORIES[stem].author


def test_a_meta_refresh_into_a_private_network_is_refused(site: NewsSite) -> None:
    with pytest.raises(PrivateAddress):
        read_link(f"{site.base}/stub?to=http://10.0.0.7/story", allowed_networks=LOOPBACK)


def test_a_page_that_reloads_itself_later_is_not_a_redirect(site: NewsSite) -> None:
    with pytest.raises(NoArticleText):  # the stub is read as it is, and is too short
        read_link(f"{site.base}/stub?delay=300&to=/news/002_e8461dea9724e002", allowed_networks=LOOPBACK)


def test_a_javascript_shell_has_too_little_text(site: NewsSite) -> None:
    with pytest.raises(NoArticleText, match="JavaScript or a login"):
        read(site, "/app")


def test_a_plain_text_link_is_the_article_itself(site: NewsSite) -> None:
    stem = "003_2a228733f2cc85d0"
    found = read(site, f"/plain/{stem}")
    assert found.text == (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8").strip()


def quote_texts(report: dict[str, Any]) -> list[str]:
    return [q["text"] for q in report["quotes"]]


@pytest.mark.parametrize("stem", sorted(STORIES))
def test_a_link_gives_the_same_quotes_as_the_pasted_text(site: NewsSite, stem: str) -> None:
    settings = Settings(allow_private_urls=True, database_url=os.environ["DATABASE_URL"])
    pasted = run_check((ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8"), Requester(),
                       settings=settings)
    linked = run_check(f"{site.base}/hop/2/{stem}", Requester(), settings=settings)
    assert pasted.report is not None and linked.report is not None, linked.error
    assert quote_texts(linked.report.to_dict()) == quote_texts(pasted.report.to_dict())
    story = STORIES[stem]
    article = linked.report.article
    assert (article.title, article.author) == (story.title, story.author)
    assert article.published == dt.date.fromisoformat(story.date)
    assert linked.report.input.kind == "url"
    assert linked.report.input.url == f"{site.base}/news/{stem}"


def test_a_page_laid_out_in_one_table_gives_the_same_quotes_as_the_pasted_text(site: NewsSite) -> None:
    """trafilatura writes a layout table's article cell as one row: the paragraphs must come back,
    or the whole article reads as one unpunctuated line and its quotes are lost."""
    stem = "003_2a228733f2cc85d0"
    settings = Settings(allow_private_urls=True, database_url=os.environ["DATABASE_URL"])
    pasted = run_check((ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8"), Requester(),
                       settings=settings)
    linked = run_check(f"{site.base}/table/{stem}", Requester(), settings=settings)
    assert pasted.report is not None and linked.report is not None, linked.error
    assert quote_texts(linked.report.to_dict()) == quote_texts(pasted.report.to_dict())


def test_the_publication_date_anchors_relative_dates(site: NewsSite) -> None:
    stem = "001_17b29c3997bab34f"  # "collapsed ... today"
    settings = Settings(allow_private_urls=True, database_url=os.environ["DATABASE_URL"])
    report = run_check(f"{site.base}/news/{stem}", Requester(), settings=settings).report
    assert report is not None
    today = [d for d in report.dates if d.text.lower() == "today"]
    assert today and all(d.value == STORIES[stem].date for d in today)


def test_broken_html_still_gives_the_article_and_its_quotes(site: NewsSite) -> None:
    stem = "002_e8461dea9724e002"
    settings = Settings(allow_private_urls=True, database_url=os.environ["DATABASE_URL"])
    outcome = run_check(f"{site.base}/mangled/{stem}", Requester(), settings=settings)
    assert outcome.report is not None, outcome.error
    assert outcome.report.article.title == STORIES[stem].title
    quotes = [q.text for q in outcome.report.quotes]
    assert any("not for sale" in q for q in quotes)


def test_a_publication_date_given_by_the_reporter_overrides_the_pages_own(site: NewsSite) -> None:
    stem = "001_17b29c3997bab34f"
    settings = Settings(allow_private_urls=True, database_url=os.environ["DATABASE_URL"])
    given = dt.date(2025, 6, 2)
    report = run_check(f"{site.base}/news/{stem}", Requester(), settings=settings, published=given).report
    assert report is not None and report.article.published == given
    assert STORIES[stem].date != given.isoformat()
    assert [d.value for d in report.dates if d.text.lower() == "today"] == ["2025-06-02"]


def test_deskcheck_check_on_a_link_matches_the_seed_file(site: NewsSite, tmp_path: Path) -> None:
    """One process runs three CLI checks: a link, the seed file, and a PDF link that is refused."""
    stem = "000_bc908ce1d43d3e45"
    env = {**os.environ, "DESKCHECK_ALLOW_PRIVATE_URLS": "1", "DATABASE_URL": f"sqlite:///{tmp_path}/t.db"}
    script = ("import sys; from bot.cli import main; "
              "sys.exit(sum(main(['check', '--json', source]) for source in sys.argv[1:]))")
    out = subprocess.run([sys.executable, "-c", script, f"{site.base}/hop/1/{stem}", f"seeds/{stem}.txt",
                          f"{site.base}/files/budget.pdf"],
                         capture_output=True, env=env, cwd=ROOT, timeout=300)
    err = out.stderr.decode()
    assert out.returncode == 2  # the two checks exit 0, the refused PDF 2
    assert err.strip() == "deskcheck: the link is a PDF, not a web page; paste the article's text instead"
    linked, pasted = (json.loads(line) for line in out.stdout.decode().splitlines())
    assert quote_texts(linked) == quote_texts(pasted) and quote_texts(linked)
    assert linked["article"]["author"] == STORIES[stem].author
    assert linked["article"]["published"] == STORIES[stem].date
    assert linked["article"]["title"] == STORIES[stem].title
    assert linked["input"] == {"kind": "url", "url": f"{site.base}/news/{stem}",
                               "sha256": linked["input"]["sha256"]}
    assert len(linked["input"]["sha256"]) == 64


def test_the_checked_text_is_what_the_hash_names(site: NewsSite) -> None:
    settings = Settings(allow_private_urls=True, database_url=os.environ["DATABASE_URL"])
    from bot.service import _check_link

    report, text = _check_link(f"{site.base}/wire/004_5f829577d8d50fd6", settings)
    assert report.input.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_private_link_is_refused_by_default_with_one_line(site: NewsSite) -> None:
    outcome = run_check(f"{site.base}/news/{'000_bc908ce1d43d3e45'}", Requester(),
                        settings=Settings(database_url=os.environ["DATABASE_URL"]))
    assert outcome.report is None and outcome.error
    assert "not to a public website" in outcome.error and "\n" not in outcome.error


def page_declaring(canonical: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORIES["003_2a228733f2cc85d0"].paragraphs[:8])
    return (f"<html><head><title>Port talks stall</title><link rel='canonical' href='{canonical}'>"
            f"<meta property='og:url' content='{canonical}'></head>"
            f"<body><article><h1>Port talks stall</h1>{paragraphs}</article></body></html>")


@pytest.mark.parametrize(("fetched", "declared"), [
    ("https://attacker.example/story", "https://news.example.org/2026/port-talks"),
    ("https://attacker.github.io/story", "https://ledger.github.io/port-talks"),  # a public suffix is no site
    ("https://news.example.org.evil.example/story", "https://news.example.org/port-talks"),
    ("http://127.0.0.2:8080/story", "http://127.0.0.1:8080/port-talks"),
])
def test_a_canonical_url_on_another_site_gives_way_to_the_fetched_url(fetched: str, declared: str) -> None:
    article = extract_article(page_declaring(declared), fetched).article
    assert article.canonical_url == fetched
    assert article.site == fetched.split("/")[2].split(":")[0]  # the host fetched, not the one claimed


@pytest.mark.parametrize(("fetched", "declared", "canonical"), [
    ("https://m.example.org/story?utm_source=x", "https://www.example.org/port-talks",
     "https://www.example.org/port-talks"),
    ("https://news.example.co.uk/a", "https://www.example.co.uk/port-talks", "https://www.example.co.uk/port-talks"),
    ("https://www.example.org/story?page=2", "/port-talks", "https://www.example.org/port-talks"),
])
def test_a_canonical_url_on_the_same_registrable_domain_is_kept(fetched: str, declared: str,
                                                                canonical: str) -> None:
    assert extract_article(page_declaring(declared), fetched).article.canonical_url == canonical


def test_min_words_also_decides_when_the_slower_second_pass_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller that accepts short texts (min_words=10) is not charged trafilatura's second opinion
    for a 25-word article: the fast pass already found enough."""
    import trafilatura

    calls: list[bool] = []
    real = trafilatura.bare_extraction

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(bool(kwargs.get("fast")))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "bare_extraction", counting)
    html = ("<html><body><article><h1>Council vote</h1><p>The council voted on Tuesday to keep the harbour "
            "bridge open while the weekly inspections continue, the mayor told reporters after the "
            "meeting.</p></article></body></html>")
    found = extract_article(html, None, min_words=10)
    assert "harbour bridge" in found.text
    assert calls == [True]
