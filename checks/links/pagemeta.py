"""An article page's metadata: title, author, site, canonical URL, publication date.

trafilatura's own metadata pass (`with_metadata=True`) also collects categories, tags and
the licence, and looks for an author with a deep copy of the page and a dozen regular
expressions; measured on the scrapinghub benchmark pages that made extraction a third
slower. deskcheck needs neither categories nor licences, so this module runs trafilatura's
<meta> and JSON-LD readers and htmldate directly, and looks for a byline in one pass.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import re
from urllib.parse import urldefrag, urljoin, urlsplit

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement

# Not in trafilatura's __all__, but stable across 1.x and 2.x: the readers its own
# extract_metadata() is built from.
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url

from ..factchecks.claimreview import claim_authors
from ..models import Article
from ..sites import same_site

__all__ = ["read_metadata"]

log = logging.getLogger(__name__)

# Where newsrooms put the byline: rel/itemprop markup first, then the common class names,
# never inside reader comments, nor inside a picture's <figure> or <figcaption>: there an "author"
# (`<span class="img-author">Ann Lee/Wire files</span>`) is the photographer's credit.
_BYLINE = XPath(
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'byline') or contains(@class, 'author')]"
    "[not(ancestor-or-self::*[contains(@class, 'comment') or contains(@id, 'comment')])]"
    "[not(ancestor-or-self::figure or ancestor-or-self::figcaption)]"
)
# A list item that links a headline (four words or more) is another story's teaser ("most read"), and
# a byline in it is that story's writer.
_LIST_ITEM = XPath("ancestor::li[1]")
_HEADLINE_WORDS = 4
# The byline's dateline: `by Ann Lee<br><span class="datetime">Monday, …</span>`, `<time>` in the byline.
# Read only in a byline that opens with its label, whose name comes first.
_IN_BYLINE_DATE = XPath(".//time|.//*[contains(translate(@class, 'DATE', 'date'), 'date') or "
                        "contains(translate(@class, 'TIME', 'time'), 'time')]")
# Names in a byline: `Ann Lee, Bo Park and Cy Ode`.
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
_MAX_BYLINE_NAMES = 4
# A labelled field of the story's facts box: "<strong>Author</strong> Ann Lee", "<dt>Author</dt><dd>…".
_AUTHOR_LABEL = XPath("//*[self::strong or self::b or self::dt or self::th]"
                      "[translate(normalize-space(), 'AUTHOR:', 'author')='author']")
_PUBLISHER = XPath("//meta[@name='publisher']/@content")
_OG_SITE_NAME = XPath("//meta[@property='og:site_name']/@content")
# The rights holder is the publisher: `<meta name="copyright" content="Copyright (c) Condé Nast 2019">`.
_COPYRIGHT = XPath("//meta[@name='copyright' or @name='rights' or @name='dcterms.rightsHolder']/@content")
# A writer credited in the story's first lines with a label that only bylines carry: `Written by: Ann
# Lee` (a syndicated story's original writer, below "Courtesy of …"), `By: Ann Lee`, `Author: Ann Lee`.
_BODY_BYLINE = re.compile(r"^\s*(?:(?:written|words|story|reporting|text)\s+by:?|by:|author:)\s*(.+)$",
                          re.IGNORECASE)
_BODY_LINES = XPath("//p")
_FIRST_LINES = 12
# A story's JSON-LD whose `@context` is an object (`{"@vocab": "http://schema.org", …}`), which
# trafilatura's reader passes over: the story's own types and its writers (people only).
_STORY_TYPES = ("article", "blogposting", "report")
# The title's tail after a separator: `… | DW | 10.06.2013`, `… - The Planetary Press`.
_TITLE_TAIL = re.compile(r"\s+[|\-–—]\s+([^|\-–—]+?)\s*$")
_TITLE_DAY = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_BY = re.compile(r"^\s*(?:(?:analysis|opinion|commentary|review|written|words|posted|story)\s+by|by|author)"
                 r"[:\s]+", re.IGNORECASE)
# The last word of a job, not a name: "CNN Editor-at-large", "Senior Correspondent" in a byline.
_JOB_WORDS = frozenset("""editor editor-at-large correspondent reporter writer columnist contributor producer
    critic staff desk""".split())
_MAX_NAME_WORDS = 6
_CANONICAL_LINK = XPath("//link[translate(@rel, 'CANONIL', 'canonil')='canonical']/@href")
_OG_URL = XPath("//meta[@property='og:url' or @name='og:url']/@content")
# A story's address often carries its day: /2019/11/19/, /2019-11-19-, /20191119/.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
                      r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
                      # /2019/nov/18/ (The Guardian, PolitiFact): the month by its name
                      r"|/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(0?[1-9]|[12]\d|3[01])(?=/)",
                      re.IGNORECASE)
_MONTHS = {m: f"{n:02d}" for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# Photo captions and credits date the picture, not the story ("This March 28, 2017, file photo"),
# yet htmldate reads any element whose class says "meta" or "date" ("image-meta") for a date.
_CAPTIONS = XPath(
    "//figcaption|//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption') or "
    "contains(translate(@id, 'CAPTION', 'caption'), 'caption') or "
    "contains(translate(@class, 'CREDIT', 'credit'), 'credit') or @itemprop='caption']"
)
_FILE_PHOTO = re.compile(r"\b(?:file|archive|undated|handout)\s+(?:photo|image|picture|shot)|"
                         r"\bphoto(?:graph)?\s+(?:taken|shows|provided|released)\b", re.I)
# A date inside a link to another page is a teaser's: the list of other stories ("Related content")
# dates each story it links to. A blog's own date may link to the story itself (rel="bookmark").
_LINKED_DATES = XPath("//a[not(contains(@rel, 'bookmark'))]//*[contains(translate(@class, 'DATE', 'date'), "
                      "'date')]|//a[not(contains(@rel, 'bookmark'))]//time")
# When the page says it was last modified: <meta> tags, then JSON-LD's dateModified.
_MODIFIED = XPath("//meta[@property='article:modified_time' or @name='article:modified_time' or "
                  "@property='og:updated_time' or @itemprop='dateModified']/@content|"
                  "//time[@itemprop='dateModified']/@datetime")
_LD_JSON = XPath("//script[@type='application/ld+json']/text()")
_LD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"(\d{4}-\d\d-\d\d)')
# A fact-check page's ClaimReview names the claim's author (`itemReviewed.author`): the person or body
# checked, whom the page shows in an "author" box above the claim. That name is never the byline.
_CLAIM_REVIEW = re.compile(r'"@type"\s*:\s*"ClaimReview"')
_TEXT_HOLDERS = XPath("//p|//div|//span|//small|//em|//i|//figure")
# A caption is a line or two; a longer element with "caption" in its class is a page section
# (<body class="... f_caption_muted_videos_on ...">), not to be dropped.
_CAPTION_CHARS = 600
_NEVER_CAPTIONS = {"html", "head", "body", "main", "article", "section"}


def read_metadata(tree: HtmlElement, url: str | None) -> Article:
    """The page's Article metadata (without `words`, which the engine counts)."""
    meta = examine_meta(tree)
    claimants = _claimants(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a handle ("jsmith") or a site name, not a byline
    if meta.author and any(meta.author in str(name) for name in _PUBLISHER(tree)):
        meta.author = None  # the publisher named again as the author: the site, not a writer
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as exc:  # trafilatura's JSON-LD reader trips on odd markup; the rest still counts
        log.debug("JSON-LD metadata unreadable: %s", exc)
    # the raw <link> last: trafilatura drops a relative href ("/story") that a browser would resolve
    canonical = _own_canonical(url, meta.url, extract_url(tree), *_CANONICAL_LINK(tree)[:1])
    published = _url_day(url, canonical, *_OG_URL(tree)[:1], *_CANONICAL_LINK(tree)[:1]) or \
        _page_date(tree, canonical)
    day = _date(published)
    modified = _modified(tree)
    # trafilatura misses an og:site_name it does not find where it looks (Yahoo's, among the body's
    # tags): read it before falling back on the host name. Only then: where both speak, trafilatura's
    # choice is more often the masthead ("The Hill", not og's "TheHill")
    own_name = next((str(n).strip() for n in _OG_SITE_NAME(tree) if str(n).strip()), "")
    chosen = meta.sitename or ""
    if own_name and (chosen.startswith("@") or _DESK.search(chosen)):
        chosen = own_name  # a handle (`@BarronsOnline`) or a wire desk (`DH News Service`): the site's name
    elif chosen.startswith("@"):
        chosen = _ld_publisher(tree) or chosen
    site = chosen.lstrip("@") or own_name.lstrip("@") \
        or (urlsplit(canonical).hostname if canonical else None)
    if meta.author and meta.author.replace(";", " and").casefold() in claimants:
        meta.author = None
    author = _names_only(_without_publisher(meta.author, tree)) or _ld_writers(tree) \
        or _byline(tree, claimants, _clean(site)) or _body_byline(tree)
    return Article(
        title=_without_site(_without_author(_clean(meta.title) or _titled_heading(tree, site)
                                            or _clean(extract_title(tree)), author),
                            _clean(site)),
        site=_clean(site),
        author=author,
        published=day,
        canonical_url=_clean(canonical),
        language=_clean(tree.get("lang")),
        updated=modified if day is not None and modified is not None and modified > day else None,
    )


def _modified(tree: HtmlElement) -> dt.date | None:
    """The day the page's metadata says it was last modified (its own calendar day, as written)."""
    for value in _MODIFIED(tree)[:3]:
        day = _date(str(value).strip())
        if day is not None:
            return day
    for script in _LD_JSON(tree)[:5]:
        found = _LD_MODIFIED.search(str(script))
        if found is not None:
            return _date(found[1])
    return None


def _own_canonical(fetched: str | None, *declared: str | None) -> str | None:
    """The first canonical URL the page declares on the fetched URL's own site, else the fetched URL.

    Any page can name any address as its canonical one; believed from another site, that claim let
    a page pass itself off as another publisher's article (and take its place in the history).
    Without a fetched URL there is no site to vouch for a claim, so none is believed.
    """
    for claim in declared:
        absolute = urljoin(fetched, claim.strip()) if fetched and claim else None
        if absolute and urlsplit(absolute).scheme in ("http", "https") and same_site(absolute, fetched):
            return absolute
    return fetched


def _url_day(*urls: str | None) -> str | None:
    """The day in the path of the story's address, fetched or declared.

    A date path is the newsroom's own filing of the story, so it outranks anything in the page's
    body (htmldate ranks it first too). A page's declared og:url or canonical link counts here
    even on another site, where `_own_canonical` refuses it: a date claim gives the page nothing
    its own <meta> tags could not, and a copy served elsewhere keeps the original's address."""
    for address in urls:
        found = _URL_DAY.search(urlsplit(address.strip()).path) if address else None
        if found is not None:
            year, month, day = (g for g in found.groups() if g is not None)
            with_day = f"{year}-{_MONTHS.get(month.lower(), month)}-{int(day):02d}"
            if _date(with_day) is not None:
                return with_day
    return None


def _page_date(tree: HtmlElement, canonical: str | None) -> str | None:
    """htmldate's publication date, read from a copy without photo captions and credits.

    htmldate checks <meta> and JSON-LD first, then any element whose class says "date" or "meta";
    a caption's "This March 28, 2017, file photo" there would date the story by its picture, and a
    related story's teaser by that story's day."""
    pruned = copy.deepcopy(tree)
    captions = [e for e in _CAPTIONS(pruned) if e.tag not in _NEVER_CAPTIONS
                and len(e.text_content()) <= _CAPTION_CHARS]
    teasers = _teaser_dates(pruned, canonical)
    for element in [*captions, *teasers, *(e for e in _TEXT_HOLDERS(pruned) if _file_photo(e))]:
        if element.getparent() is not None:
            element.drop_tree()
    return find_date(pruned, url=canonical, original_date=True, extensive_search=True,
                     max_date=dt.datetime.now(dt.UTC).date().isoformat())


def _teaser_dates(tree: HtmlElement, canonical: str | None) -> list[HtmlElement]:
    """Dates inside links to other pages (a link to the page itself dates the page)."""
    own = urldefrag(canonical)[0] if canonical else ""
    found = []
    for element in _LINKED_DATES(tree):
        href = urldefrag((next(element.iterancestors("a")).get("href") or "").strip())[0]
        if href and urldefrag(urljoin(own, href))[0] != own:
            found.append(element)
    return found


def _file_photo(element: HtmlElement) -> bool:
    """An element whose own words say it describes a photo ("file photo", "photo taken")."""
    own = " ".join(t for t in (element.text, *(c.tail for c in element)) if t)
    return _FILE_PHOTO.search(own) is not None


def _claimants(tree: HtmlElement) -> frozenset[str]:
    """The casefolded names of the claims' authors in the page's ClaimReview JSON-LD, if any."""
    names: set[str] = set()
    for script in _LD_JSON(tree)[:5]:
        if _CLAIM_REVIEW.search(str(script)) is None:
            continue
        try:
            found = json.loads(str(script), strict=False)
        except ValueError:
            continue
        names.update(name.casefold() for name in claim_authors(found))
    return frozenset(names)


def _without_publisher(author: str | None, tree: HtmlElement) -> str | None:
    """The writers the <meta> and JSON-LD name together without the publisher among them: `Condé
    Nast; Louise Matsakis`, where the author <meta> names the rights holder of the page's copyright
    <meta>. A lone name is kept (a blog's writer holds its copyright too)."""
    parts = [p.strip() for p in (author or "").split(";") if p.strip()]
    holders = [str(h) for h in (*_PUBLISHER(tree), *_COPYRIGHT(tree))]
    if len(parts) < 2 or not holders:
        return author
    kept = [p for p in parts if not any(p in h for h in holders)]
    return "; ".join(kept) if kept else author


def _ld_writers(tree: HtmlElement) -> str | None:
    """The people a story's JSON-LD names as its `author` where trafilatura read none: its reader
    skips a block whose `@context` is an object rather than a string (NBC News's)."""
    for script in _LD_JSON(tree)[:5]:
        try:
            found = json.loads(str(script), strict=False)
        except ValueError:
            continue
        items = found if isinstance(found, list) else [found]
        for item in [*items, *(g for i in items if isinstance(i, dict) for g in _as_list(i.get("@graph")))]:
            if not isinstance(item, dict) or not isinstance(item.get("@context"), dict) \
                    or not any(t in str(item.get("@type", "")).lower() for t in _STORY_TYPES):
                continue
            names = [str(a["name"]).strip() for a in _as_list(item.get("author"))
                     if isinstance(a, dict) and a.get("@type", "Person") == "Person" and a.get("name")]
            named = _names_only("; ".join(n for n in names if _names(n)))
            if named:
                return named
    return None


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _body_byline(tree: HtmlElement) -> str | None:
    """A writer credited in one of the page's first paragraphs with a byline's label (`<p><em>Written
    by: <a>Ann Lee</a></em></p>`), where the page's byline boxes name only the site."""
    for line in _BODY_LINES(tree)[:_FIRST_LINES]:
        found = _BODY_BYLINE.match(" ".join(line.text_content().split()))
        if found is not None and _names(found[1]):
            return _names_only(normalize_authors(None, found[1]) or found[1])
    return None


def _without_site(title: str | None, site: str | None) -> str | None:
    """The title without the site's own name after a separator (`… - The Planetary Press`), and a
    day after it (`… | DW | 10.06.2013`, where the site is DW.COM). A name that is not the site's
    stays: without the site's name the page gives, nothing tells a site from a headline's end."""
    if not title or not site:
        return title
    names = {site.casefold(), re.sub(r"\.(?:com|org|net|co\.uk|de)$", "", site.casefold())}
    head, tail, cut = title, None, title
    while (found := _TITLE_TAIL.search(head)) is not None and found.start() > 0:
        tail = found[1].casefold()
        if tail in names:
            head = cut = head[:found.start()]
        elif _TITLE_DAY.match(tail):
            head = head[:found.start()]  # a day is dropped only with the site's name before it
        else:
            break
    return cut


def _byline(tree: HtmlElement, claimants: frozenset[str] = frozenset(),
            site: str | None = None) -> str | None:
    labels = _AUTHOR_LABEL(tree)[:2]
    own = [e for e in _BYLINE(tree) if isinstance(e, HtmlElement) and not _teaser_item(e)]
    for element in [*own[:20], *labels]:
        if not isinstance(element, HtmlElement):
            continue
        # itertext, not text_content: "Ann Lee<br>Wire" is two words apart, not "Ann LeeWire"
        text = _labelled_value(element) if element in labels else \
            _BY.sub("", " ".join(" ".join(_without_jobs(element)).split()))
        if element not in labels:
            text = _first_line(element, text)
        text = text.rstrip(" |-–—,")
        if text.casefold() in claimants:
            continue  # the fact-checked claim's author, shown above the claim
        if site and text.casefold() == site.casefold():
            continue  # the site posting the story, not its writer (`By The Planetary Press`)
        if text and _names(text):
            # "Ann Lee and Bo Park, Wire" -> "Ann Lee; Bo Park; Wire", as the <meta> path writes it;
            # without a job (`By HNN Staff`: a desk, not a writer)
            named = _names_only(normalize_authors(None, text) or text)
            if named:
                return named
            continue
    return None


# A wire desk or news service the JSON-LD names as the publisher: a desk of the site, not its name.
_DESK = re.compile(r"\b(?:news\s+service|newswire|wire|desk|bureau)\s*$", re.I)
_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')


def _ld_publisher(tree: HtmlElement) -> str | None:
    """The publisher's name in the page's JSON-LD (`"publisher":{"@type":…,"name":"Barrons"}`)."""
    for script in _LD_JSON(tree)[:5]:
        found = _LD_PUBLISHER.search(str(script))
        if found is not None and found[1].strip():
            return found[1].strip()
    return None


_HEADINGS = XPath("//h1|//h2")
_TITLE_TAG = XPath("//head/title")
_TITLE_WORDS = 3  # fewer: a section's name (`News`, `Top Stories`), not a headline


def _titled_heading(tree: HtmlElement, site: str | None) -> str | None:
    """The page heading its <title> repeats (`<title>Superbugs: What They Are</title>` and
    `<h2>Superbugs: What They Are</h2>`), for a page with no <meta> title: that is the story's
    headline, though a sidebar's single <h1> (`Information and Resources`) comes first. A heading
    that is the site's name (a masthead the <title> opens with) is not."""
    tags = _TITLE_TAG(tree)
    own = " ".join(tags[0].text_content().split()).casefold() if tags else ""
    if not own:
        return None
    for heading in _HEADINGS(tree)[:30]:
        words = " ".join(heading.text_content().split())
        if len(words.split()) >= _TITLE_WORDS and own.startswith(words.casefold()) \
                and words.casefold() != (site or "").casefold():
            return words
    return None


def _first_line(byline: HtmlElement, text: str) -> str:
    """`By Ann Lee<br/>Valley News Service`: the line after a break in a byline is the writer's desk or
    outlet, not more of the name; the first line alone, when it names someone (a second writer goes
    on with `and`: `By Ann Lee<br>and Bo Park` stays whole)."""
    brk = next(byline.iter("br"), None)
    if brk is None:
        return text
    head = [byline.text or ""]
    for node in byline.iter():
        if node is brk:
            break
        if node is not byline:
            head.append(node.text or "")
            if brk not in node.iterdescendants():
                head.append(node.tail or "")
    first = _BY.sub("", " ".join(" ".join(head).split())).rstrip(" |-–—,")
    rest = " ".join((brk.tail or "").split()).lower()
    if not first or rest.startswith(("and ", "& ")) or not _names(first) or not text.startswith(first):
        return text
    return first


def _teaser_item(element: HtmlElement) -> bool:
    item = _LIST_ITEM(element)
    return bool(item) and any(len(a.text_content().split()) >= _HEADLINE_WORDS for a in item[0].iter("a"))


def _names(text: str) -> bool:
    """A byline names people: 2-6 words, capitalised, no dates or counts in it; or up to four such
    names of 2-3 words each (`LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER`)."""
    words = text.split()
    if not text[0].isupper() or any(ch.isdigit() for ch in text):
        return False
    if 2 <= len(words) <= _MAX_NAME_WORDS:
        return True
    names = [n for n in _NAME_SPLIT.split(text) if n]
    return len(names) <= _MAX_BYLINE_NAMES and all(2 <= len(n.split()) <= 3 for n in names)


def _without_author(title: str | None, author: str | None) -> str | None:
    """The title without the writer's name that some pages add after a bar (`… strandings | Ann Lee`)."""
    if not title or not author:
        return title
    head, bar, tail = title.rpartition(" | ")
    if bar and head and tail.casefold() in {a.strip().casefold() for a in author.split(";")}:
        return head
    return title


def _without_jobs(byline: HtmlElement) -> list[str]:
    """The byline's words but those of its dateline and of a part that says the writer's job
    (`<div class="author-title">Games Editor</div>` after the name), so the job is not read as more
    of the name. Only a short element is copied to take the job out: a long one is no byline anyway."""
    words = list(byline.itertext())
    if _BY.match(" ".join(words)) and _IN_BYLINE_DATE(byline):
        return _before_dateline(byline)  # `by Ann Lee<br><span class="date">Monday, …</span> | Share`
    if len(" ".join(words).split()) > 2 * _MAX_NAME_WORDS or not _is_job(" ".join(words)):
        return words
    names = copy.deepcopy(byline)
    for job in [e for e in names.iterdescendants()
                if isinstance(e, HtmlElement) and _is_job(e.text_content())]:
        job.drop_tree()
    return list(names.itertext())


def _before_dateline(byline: HtmlElement) -> list[str]:
    """The words of a labelled byline up to its dateline: the name, without the day and what follows it."""
    found: list[str] = []

    def walk(element: HtmlElement) -> bool:
        if element is not byline and element in dates:
            return True
        found.append(element.text or "")
        for child in element:
            if isinstance(child, HtmlElement) and walk(child):
                return True
            found.append(child.tail or "")
        return False

    dates = set(_IN_BYLINE_DATE(byline))
    walk(byline)
    return found


def _is_job(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in _JOB_WORDS


def _names_only(value: str | None) -> str | None:
    """The author <meta> without its label and the writer's job: "Analysis by Ann Lee, CNN
    Editor-at-large" (trafilatura writes "Analysis by Ann Lee; CNN Editor-at-large") is Ann Lee."""
    parts = [_BY.sub("", p).strip() for p in (_clean(value) or "").split(";")]
    kept = [p for p in parts if p and not _is_job(p)]
    # one writer named twice (`Ann Lee; ANN LEE`, from the <meta> and the JSON-LD) is one writer
    once = [p for n, p in enumerate(kept) if p.casefold() not in {q.casefold() for q in kept[:n]}]
    return "; ".join(p for p in once if not _handle_of(p, once)) or None


def _handle_of(part: str, names: list[str]) -> bool:
    """A one-word login (`kevin-r`, `asmith`, from a CMS's JSON-LD) of a writer also named in full
    (`Kevin Rebong`): the same writer again, not another one."""
    if " " in part:
        return False
    login = re.sub(r"[^a-z]", "", part.casefold())
    for name in names:
        words = [re.sub(r"[^a-z]", "", w) for w in name.casefold().split()]
        if len(words) >= 2 and words[0] and words[-1]:
            first, last = words[0], words[-1]
            if login in {first + last, first + last[0], first[0] + last, last + first[0]}:
                return True
    return False


def _labelled_value(label: HtmlElement) -> str:
    """The words after a field's label: its tail ("<strong>Author</strong> Ann Lee") or the next cell."""
    value = label.tail or ""
    if not value.strip() and label.tag in ("dt", "th"):
        after = label.getnext()
        value = " ".join(after.itertext()) if after is not None else ""
    return " ".join(value.split())


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
