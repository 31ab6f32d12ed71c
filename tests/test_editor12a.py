"""Quotes, speakers and sources from helper-83's reading of real pages (invented text throughout):
a relative the model typed as a work is not the namesake it did tag, `a spokesperson for …` is the
unnamed person a later `he` stands for, a label in a phrase of concession is not the speech verb's
subject's, an aside the parse hangs low still tells its sentence, and sources that said nothing
(a place or an acronym reached through `he`, `adding 36 dishes`, `recalled by the Reich`, a
company's legal form written once) or a role that is no role (`Ms.`)."""

from __future__ import annotations

from checks import check_text


def _named(report: object) -> dict[str, object]:
    return {s.name: s for s in report.sources.named}  # type: ignore[attr-defined]


def test_a_relative_typed_as_a_work_is_not_the_namesake() -> None:
    """`Brigitta Vesper tells me` went to Margit Vesper, the one Vesper the model tagged a person:
    a known first name before a surname the story gives someone is a relative, not that someone."""
    text = ("Labels such as Hollenbach and Margit Vesper are now famous across the valley. Margit Vesper "
            "is one of the best-known labels in the region.\n"
            '"It\'s not just a good wine," Brigitta Vesper tells me at her family\'s cellar in the village. '
            '"It\'s a diva."\n')
    quotes = check_text(text).quotes
    assert [q.speaker for q in quotes] == ["Brigitta Vesper", "Brigitta Vesper"]


SPOKESPERSON = (
    "Thousands of nurses at city hospitals are being treated as temporary help, says a report "
    'highlighting the "steady spread of short contracts" in health care.\n'
    "The report by the Nursing Guild claims hospitals have built a pool of low-paid staff.\n"
    "Tess Morrow, the Green MP for Eastfield, who is supporting the report, said it showed that short "
    'contracts were not just an issue for drivers. "Reliance on temporary staff has become a business '
    'model," Morrow said.\n'
    "One nurse told the authors how she had been moved to a night ward without training.\n"
    "Dara Quill, the guild's general secretary, said patients would be shocked.\n"
    '"We need an honest conversation about short contracts," Quill said.\n'
    "The report explores data showing that 6,000 nurses were on fixed-term contracts. A further 900 were "
    'on "flexible contracts" and are not counted.\n'
    "But a spokesperson for the Hospital Employers' Association (HEA) said its members had been reducing "
    'the number of agency shifts and "flexible contracts", while expanding open-ended ones.\n'
    '"HEA has over recent years worked with the guild to better understand employment across the sector," '
    "he said.\n")


def test_he_after_a_spokesperson_for_an_employer_is_that_spokesperson() -> None:
    """`a spokesperson for …` holds no office the story named: an unnamed person, like `a nurse`, whom
    the next `he` stands for (it went to the MP quoted three paragraphs up)."""
    quote = next(q for q in check_text(SPOKESPERSON).quotes if q.text.startswith("HEA has"))
    assert quote.speaker == "a spokesperson"


def test_a_label_in_a_phrase_of_concession_is_not_the_demanders() -> None:
    """`managers demanding overtime, despite …, and of having to endure “rude” supervisors`: the
    words are not what the managers demanded; the ones who reported them tell the sentence."""
    text = ("Several nurses described long shifts without a break.\n"
            "Others reported managers unfairly demanding overtime, despite having little say in rotas, and "
            'of being shouted at or having to endure "rude and belittling" supervisors.\n')
    (quote,) = check_text(text).quotes
    assert quote.speaker != "managers"


def test_an_aside_hung_on_a_clause_still_tells_the_next_quote() -> None:
    """`It's easy, she says, for people to marvel …` then a quotation with no cue: the parse hung the
    aside on `marvel`, not on the root; it still reports the sentence, and its speaker goes on."""
    text = ('"With a little patience," Marsh says, "the marsh can heal itself."\n'
            "Okafor says she hopes that visitors will admire the wetland, but also understand the work "
            "behind it. It's easy, she says, for people to marvel at how green the reeds are. \"But they "
            "don't see the hours that go into keeping it that way.\"\n")
    assert check_text(text).quotes[-1].speaker == "Okafor"


def test_a_courtesy_title_is_no_role() -> None:
    text = ("It should surprise no one that Eastvale County District Attorney Marla Quint dropped the "
            "charges.\n"
            'Soon after Ms. Quint was elected, she said she would "seek to review every case on the '
            'docket."\n')
    assert _named(check_text(text))["Marla Quint"].role != "Ms."  # type: ignore[attr-defined]


def test_a_place_reached_through_he_is_no_source() -> None:
    """`São Paulo` tagged a person once: `he said` in reported speech resolved to it listed the city."""
    text = ("In the middle of the day on Monday, the sky above São Paulo, Brazil went dark.\n"
            '"The air used to be clean here," Alberto Nunes, a São Paulo resident who tweeted about the '
            "smoke, said.\n"
            'According to Nunes, the sky went "really dark" around 3 p.m. He said that in his ten years of '
            "living in São Paulo, he's never seen smoke like that.\n"
            '"The smoke coming here, in São Paulo, thousands of kilometers away? That hit me by surprise," '
            "he said.\n")
    assert "São Paulo" not in _named(check_text(text))


def test_things_added_kept_or_recalled_are_no_statements() -> None:
    text = ("Ana Ruiz leads the observatory. But Ruiz's team wants to boost the telescope's performance by "
            "adding 36 dishes, each 5 metres wide.\n"
            "While Acme maintains status pages for some business services, it does not run one for "
            "shoppers.\n"
            "Eventually recalled by the Reich for his cruelty, Carl Peters was rehabilitated later.\n")
    named = _named(check_text(text))
    assert not {"Ruiz’s team", "Ruiz's team", "Acme", "Reich"} & set(named)


def test_a_company_with_and_without_its_legal_form_is_one_source() -> None:
    text = ("Lumen Corp said on Thursday it aims to remove more carbon than it emits by 2030.\n"
            "In a blog post, Lumen on Thursday reiterated its commitment to working with utilities.\n"
            '"It is imperative that we help energy companies change," Lumen said.\n')
    named = _named(check_text(text))
    (lumen,) = [source for name, source in named.items() if name.startswith("Lumen")]
    assert lumen.mentions == 3  # type: ignore[attr-defined]


def test_a_year_after_in_is_not_part_of_the_role() -> None:
    """`In 2019 head winemaker Ludwig Hollin was named …`: the year closes `In 2019`; the role is
    `head winemaker`."""
    text = ("Hollin regards the grape highly. In 2019 head winemaker Ludwig Hollin was named Vintner of the "
            'Year. "The wine is smoother," Hollin says.')
    assert _named(check_text(text))["Ludwig Hollin"].role == "head winemaker"  # type: ignore[attr-defined]


def test_a_blogs_excerpts_of_other_posts_are_not_the_story() -> None:
    """A blog page lists other posts under the story, each cut with `[…]`: one of them dated 2019 under
    a 2013 post raised `date_after_publication`. Two such lines are a listing; one may be an omission."""
    from checks.links.widgets import PageLinks, drop_teasers

    story = ("Cartoonist Dana Holt got a spot on the evening news for her sharp critique of the story told "
             "about a lazy generation, which has gone well beyond grumbling and into plain prejudice.")
    excerpts = [
        "The good folks at the Harbour Choir are still doing their thing, and now they have brought in two "
        "drummers: On April 13, 2019, the choir joined a festival of democracy at the town hall, "
        "co-presented by the public theatre and […]",
        "Lena Park is several kinds of excellent comics person: from her debut graphic novel to her "
        "award-winning fairy tale about a tailor, to the middle-grades comic she adapted from a story of "
        "mine […]",
    ]
    links = PageLinks(link_texts=frozenset(), headings=frozenset())
    assert drop_teasers("\n".join([story, *excerpts]), links) == story
    one = "\n".join([story, excerpts[0]])
    assert drop_teasers(one, links) == one


def test_a_headline_cited_by_its_page_is_nobodys_words() -> None:
    """Letters to the editor cite the story they answer by headline and page: `Re. “…,” Page A8, Jan.
    13:` raised `No speaker found`."""
    text = ("Agencies must make better use of tax dollars\n"
            'Re. "School levy proves costly to county programs," Page A8, Jan. 13:\n'
            "I disagree with the notion that local governments don't have enough money already.\n"
            "Dana Ruiz\nFremont\n")
    assert check_text(text).quotes == ()


def test_the_gloss_of_a_so_called_term_is_nobodys_words() -> None:
    """`agreeing so-called “Schutzverträge,” or “protection contracts,”`: the English gloss of a term
    had gone to the man who signed them, through `agreeing`, at full confidence."""
    text = ("The most notorious of the three is Karl Brenner, who bought parcels of land in what is now "
            'Tanzania. He did this mainly by agreeing so-called "Schutzverträge," or "protection contracts," '
            "which gave the locals military protection from neighboring tribes.\n"
            'Brenner said the deals were "fair to everyone involved in them at the time."\n')
    assert [q.text for q in check_text(text).quotes] == ["fair to everyone involved in them at the time."]
