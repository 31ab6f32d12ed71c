"""A long-running worker does not grow: every check runs in spaCy's memory zone
(checks.nlp.checking), and nothing made inside a zone outlives it."""

from __future__ import annotations

import threading

from checks import check_many, check_text
from checks.nlp import checking

# Words no English vocabulary has: each test that checks for them uses its own.
STORY = ("Quarry Plan Divides Village\n\n"
         "\u201cThe {word} quarry will take the hill and the spring with it,\u201d said Ilse {name}, "
         "who has farmed below it for thirty years.\n\n"
         "The council meets again on Thursday to hear the {word} company's answer.")


def story(word: str, name: str) -> str:
    return STORY.format(word=word, name=name)


def test_a_check_leaves_no_new_words_in_the_vocabulary(nlp):
    report = check_text(story("Vrexhollan", "Quimbradottir"))
    assert report.quotes[0].speaker == "Ilse Quimbradottir"  # the report holds plain strings
    assert "Vrexhollan" not in nlp.vocab.strings
    assert "Quimbradottir" not in nlp.vocab.strings
    assert not nlp.vocab.in_memory_zone


def test_a_batch_leaves_no_new_words_in_the_vocabulary(nlp):
    batch = [(story("Brolleshank", "Zentavidottir"), None), (story("Klummerach", "Oyvaldsen"), None)]
    reports = list(check_many(batch))
    speakers = [r.quotes[0].speaker for r in reports]  # type: ignore[union-attr]
    assert speakers == ["Ilse Zentavidottir", "Ilse Oyvaldsen"]
    for word in ("Brolleshank", "Zentavidottir", "Klummerach", "Oyvaldsen"):
        assert word not in nlp.vocab.strings


def test_a_batch_read_only_in_part_holds_no_zone_open(nlp):
    batch = check_many([(story("Drimmelvast", "Hautakoski"), None), (story("Snorreveld", "Aakerlund"), None)])
    first = next(batch)
    assert not nlp.vocab.in_memory_zone
    assert first.quotes[0].speaker == "Ilse Hautakoski"  # type: ignore[union-attr]


def test_checks_inside_an_open_zone_share_it_instead_of_nesting(nlp):
    with checking(nlp):
        assert nlp.vocab.in_memory_zone
        report = check_text(story("Plovvenstad", "Grunewaldt"))
        assert nlp.vocab.in_memory_zone  # the inner check did not close the outer zone
    assert report.quotes[0].speaker == "Ilse Grunewaldt"
    assert not nlp.vocab.in_memory_zone
    assert "Plovvenstad" not in nlp.vocab.strings


def test_checks_in_threads_at_once_give_the_reports_they_give_one_by_one(nlp):
    names = ["Ekwueme", "Villaverde", "Szabados", "Okonjo"]
    texts = [story(f"Tarnovask{n}", name) for n, name in enumerate(names)]
    alone = [check_text(t).to_dict() for t in texts]
    together: list[dict[str, object]] = [{} for _ in texts]
    start = threading.Barrier(len(texts))

    def run(n: int) -> None:
        start.wait(10)
        for _ in range(3):
            together[n] = check_text(texts[n]).to_dict()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert together == alone
    assert not nlp.vocab.in_memory_zone
