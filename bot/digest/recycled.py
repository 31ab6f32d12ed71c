"""The recycled-quote watch: quoted sentences this week's items share with other items.

Candidates come from the quote indexes (the same normalised sentence, or shared 3-word
shingles); checks.similar's own matcher then decides which sentences are the same quote,
so a reworded quote ("do not" / "don't") is caught the way the report catches it. Sentences
linked through any item end up in one group: A = B and B = C make one recycled quote.
"""

from __future__ import annotations

from collections import defaultdict

from checks import QuoteSentence, StoredQuote, match_quotes, quote_sentences
from storage import Store

from .model import RecycledQuote

__all__ = ["recycled_quotes"]

Node = tuple[int, str]  # (item id, normalised sentence)


class _Groups:
    """Union-find over quoted sentences."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, node: Node) -> Node:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: Node, b: Node) -> None:
        self.parent[self.find(a)] = self.find(b)


def _sentences(store: Store, workspace: str, ids: set[int]) -> dict[int, list[QuoteSentence]]:
    quotes: dict[int, list[StoredQuote]] = defaultdict(list)
    for q in store.digest.quote_lines(workspace, ids):
        quotes[q.item_id].append(StoredQuote(text=q.text, speaker=q.speaker, speaker_kind=q.speaker_kind))
    return {item: quote_sentences(found) for item, found in quotes.items()}


def recycled_quotes(store: Store, workspace: str, week_items: list[int]) -> tuple[RecycledQuote, ...]:
    """Quotes of `week_items` found in another item of the workspace or in the reference corpus."""
    partners = store.digest.quote_partners(workspace, week_items)
    everyone = set(week_items).union(*partners.values()) if partners else set(week_items)
    sentences = _sentences(store, workspace, everyone)
    groups = _Groups()
    for here, others in partners.items():
        for there in others:
            for mine in sentences.get(here, ()):
                for theirs in sentences.get(there, ()):
                    if match_quotes([mine], [theirs]):
                        groups.join((here, mine.norm), (there, theirs.norm))
    members: dict[Node, list[Node]] = defaultdict(list)
    for node in groups.parent:
        members[groups.find(node)].append(node)
    lines = store.digest.item_lines(workspace, everyone)
    labels = {i.item_id: i.label for i in lines}
    texts = {i.item_id: i.sha256 for i in lines}
    built = (_quote(_distinct(nodes, texts, labels), sentences, labels, week_items)
             for nodes in members.values())
    found = [r for r in built if r is not None and r.carriers > 1]
    found.sort(key=lambda r: (-r.carriers, r.text))
    return tuple(found)


def _distinct(nodes: list[Node], texts: dict[int, str], labels: dict[int, str]) -> list[Node]:
    """A reference article the desk checked as is counts once, as the desk's item."""
    own: set[str] = set()
    kept: list[Node] = []
    for node in sorted(nodes, key=lambda n: (labels.get(n[0], "").startswith("seed:"), n[0])):
        text = texts.get(node[0], "")
        if labels.get(node[0], "").startswith("seed:") and text in own:
            continue
        own.add(text)
        kept.append(node)
    return kept


def _quote(nodes: list[Node], sentences: dict[int, list[QuoteSentence]], labels: dict[int, str],
           week_items: list[int]) -> RecycledQuote | None:
    order = {item: n for n, item in enumerate(week_items)}
    nodes = sorted(nodes, key=lambda node: (order.get(node[0], len(order)), node[0]))
    by_norm = {(item, s.norm): s for item in {n[0] for n in nodes} for s in sentences.get(item, ())}
    first = by_norm.get(nodes[0])
    if first is None or nodes[0][0] not in labels:
        return None
    items = sorted({i for i, _ in nodes if i in labels}, key=lambda i: (order.get(i, len(order)), i))
    speakers = {s.speaker for node in nodes if (s := by_norm.get(node)) and s.speaker}
    return RecycledQuote(
        text=first.text,
        speakers=tuple(sorted(speakers)),
        items=tuple(labels[i] for i in items if labels[i].startswith("item:")),
        corpus=tuple(labels[i] for i in items if labels[i].startswith("seed:")),
    )
