"""Sentence embeddings for the semantic re-ranking, offline: WordLlama's bundled files by path.

WordLlama (Miller, 2024, "WordLlama: recycled token embeddings from large language models")
ships a 256-dimension token embedding table (`l2_supercat_256`, 32,000 Llama-2 tokens) and its
tokenizer inside its wheel. A sentence vector is the mean of its tokens' vectors.

Its own loader is not used: version 0.4.0.post1 looks for the tokenizer under `tokenizer/`
while the wheel installs it under `tokenizers/`, so it downloads one from the network, and
importing its inference module configures the root logger. Here the two bundled files are
found through the import system without importing the package, and read with `tokenizers`
and `safetensors` directly: nothing is ever fetched, and a missing file is one clear error.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import CheckError

__all__ = ["EMBEDDING_DIM", "EmbeddingModelMissing", "SentenceEmbedder", "load_embedder"]

EMBEDDING_DIM = 256
WEIGHTS_FILE = "weights/l2_supercat_256.safetensors"
TOKENIZER_FILE = "tokenizers/l2_supercat_tokenizer_config.json"
TENSOR_KEY = "embedding.weight"
# Tokens beyond this are dropped: a claim is a sentence, and a pasted paragraph should not
# cost more than a long sentence does.
MAX_TOKENS = 128

Vectors = npt.NDArray[np.float32]


class EmbeddingModelMissing(CheckError):
    """The wordllama package, or one of its bundled files, is not installed."""


class SentenceEmbedder:
    """Unit-length sentence vectors: the mean of the tokens' WordLlama vectors."""

    def __init__(self, table: npt.NDArray[Any], tokenizer: Any) -> None:
        # float16 as shipped (16 MB); rows are widened only when they are looked up.
        self._table = table
        self._tokenizer = tokenizer

    @property
    def dim(self) -> int:
        return int(self._table.shape[1])

    def embed(self, texts: list[str]) -> Vectors:
        """One unit-length row per text; an empty text (no tokens) gets a zero row."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(texts, add_special_tokens=False)
        vocab = self._table.shape[0]
        for row, encoding in enumerate(encodings):
            ids = np.asarray(encoding.ids[:MAX_TOKENS], dtype=np.int64)
            ids = ids[(ids >= 0) & (ids < vocab)]
            if ids.size:
                out[row] = self._table[ids].astype(np.float32).mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def bundled_files() -> tuple[Path, Path]:
    """The weights and tokenizer files inside the installed wordllama package."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingModelMissing("the wordllama package is not installed (pip install wordllama): "
                                    "fact-checks cannot be matched by meaning")
    root = Path(next(iter(spec.submodule_search_locations)))
    weights, tokenizer = root / WEIGHTS_FILE, root / TOKENIZER_FILE
    for path in (weights, tokenizer):
        if not path.is_file():
            raise EmbeddingModelMissing(f"wordllama is installed without its bundled {path.name}; "
                                        "reinstall wordllama==0.4.0.post1")
    return weights, tokenizer


@functools.lru_cache(maxsize=1)
def load_embedder() -> SentenceEmbedder:
    """Load the bundled model once per process (about 20 ms, 16 MB); never touches the network."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    weights, tokenizer_file = bundled_files()
    table = load_file(str(weights))[TENSOR_KEY]
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return SentenceEmbedder(table, tokenizer)
