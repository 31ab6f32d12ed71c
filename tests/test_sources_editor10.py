"""Sources from the tenth editor's reading of real pages (invented text throughout)."""

from __future__ import annotations

from checks import check_text


def test_a_surname_the_parser_reads_as_a_noun_still_counts_its_quotes() -> None:
    """`“…,” Kalimerides said`: the parser tags the surname opening the clause a common noun; the
    quotes are credited to him, and his source row must count them, not show 0 quotes."""
    text = ("Paint maker's deal could start a trend\n\n"
            "The deal could be the beginning of a new trend for consumer-facing stocks, says John "
            "Kalimerides, portfolio manager at Harbor Crest.\n\n"
            "\"Here's a company that's willing to pay for the eyeballs and the followers more so than "
            "anything else,\" Kalimerides said during the same segment.\n\n"
            "\"I would expect more acquisitions like this going forward because it could be the new "
            "model for companies to acquire top-line growth,\" Kalimerides said.")
    report = check_text(text)
    assert [q.speaker for q in report.quotes] == ["John Kalimerides"] * 2
    (source,) = report.sources.named
    assert (source.name, source.quotes) == ("John Kalimerides", 2)


def test_an_imagined_line_adds_no_source() -> None:
    """`Harrow Capital will be left to wonder: "…"`: the writer imagines it; Harrow said nothing, so it
    is neither a quote nor a source with 0 quotes."""
    text = ("Singer signs with a new label\n\nThe singer has a new record deal in place with Crestline "
            "Music, and Harrow Capital will be left to wonder: \"what did we do to deserve this?\"")
    report = check_text(text)
    assert report.quotes == ()
    assert "Harrow Capital" not in {s.name for s in report.sources.named}
