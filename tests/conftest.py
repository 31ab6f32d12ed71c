"""Fixtures several test modules use; their machinery lives in tests/support/.

Fixtures import their helpers when first asked for, so a test that needs neither Slack nor a
database (the dates, the renderers) does not load bolt or SQLAlchemy to run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# The helpers' asserts (Discord's limits, golden files) explain a failure as a test's own would.
pytest.register_assert_rewrite("support")

if TYPE_CHECKING:
    from spacy.language import Language
    from support.slack_rig import Rig

    from checks.models import Quote, Sources


@pytest.fixture(autouse=True, scope="session")
def _private_database(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test writes the working directory's deskcheck.db; subprocesses inherit this too."""
    if "DESKCHECK_TEST_KEEP_DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('db')}/deskcheck.db"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from checks.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def quotes_in(nlp: Language) -> Callable[[str], tuple[Quote, ...]]:
    """The quotes the engine finds in a text."""
    from checks.quotes.find import find_quotes

    return lambda text: find_quotes(nlp(text))


@pytest.fixture(scope="session")
def quotes_and_sources(nlp: Language) -> Callable[[str], tuple[tuple[Quote, ...], Sources]]:
    """The quotes and the sources the engine finds in a text."""
    from checks.quotes.find import find_quotes
    from checks.quotes.sources import find_sources

    def run(text: str) -> tuple[tuple[Quote, ...], Sources]:
        doc = nlp(text)
        quotes = find_quotes(doc)
        return quotes, find_sources(doc, quotes)

    return run


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database per test: SQLite always, PostgreSQL when DESKCHECK_TEST_POSTGRES_URL is set."""
    from support.history import fresh_database

    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture()
def rig() -> Iterator[Rig]:
    """The real Slack app on 127.0.0.1 against a fake Slack, its checks held by a gate (open by default)."""
    from support.slack_rig import running_rig

    with running_rig() as running:
        yield running
