"""Page furniture, the editor's eleventh reading (second part): a slideshow beside the story is not
the story. Every text here is invented for the test."""

from __future__ import annotations

from lxml.html import fromstring

from checks.links.widgets import drop_widgets


def test_a_slideshow_beside_the_story_is_taken_out_slide_by_slide() -> None:
    """A slideshow of readers' photos and quoted captions, longer than any widget: each of its slides
    is small, and none of it is the story (its quotations had no speaker)."""
    story = "".join(f"<p>The ferry board met for the {n}th time this year and said the new boat would "
                    f"be late, its chair told reporters on the quay.</p>" for n in range(4, 9))
    slides = "".join(
        f"<li class='slide'><ul class='nav'><li>Previous</li><li>Next</li></ul><h4>“Every child deserves "
        f"a seat in a warm classroom” slideshow</h4><p>“My hero is the teacher who walked two hours in the "
        f"snow to open our school every single morning of the long and bitter winter,” a pupil wrote in "
        f"the contest, entry number {n} of the many sent in from the valley schools.</p></li>"
        for n in range(6))
    tree = fromstring(f"<html><body><article><h1>Ferry board says new boat will be late</h1>{story}"
                      f"<div class='slideShow' id='slideShow42'><ul class='slides'>{slides}</ul></div>"
                      f"</article></body></html>")
    drop_widgets(tree)
    text = tree.text_content()
    assert text.count("The ferry board met") == 5
    assert "warm classroom" not in text and "Previous" not in text
