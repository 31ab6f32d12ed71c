"""Long articles made from real prose, for the engine's scaling tests and bench/engine.py."""

from __future__ import annotations

import random
from collections.abc import Iterable


def long_article(texts: Iterable[str], chars: int, seed: int) -> str:
    """The texts' paragraphs, shuffled and numbered so that none repeats exactly, up to `chars`."""
    paras = [p.strip() for text in texts for p in text.split("\n\n") if p.strip()]
    rng, out, size, n = random.Random(seed), list[str](), 0, 0
    while True:
        rng.shuffle(paras)
        for para in paras:
            n += 1
            para = f"{n}. {para}" if n % 3 else f"{para} (Part {n}.)"
            if size + len(para) + 2 > chars:
                return "\n\n".join(out)
            out.append(para)
            size += len(para) + 2
