"""What matching returns: one :class:`~quoteattr.models.QuoteCluster` per group of printings.

A cluster's canonical text is its most complete printing; every member says
how it prints the canonical text (``exact``, ``variant`` or ``fragment``), with
a score and a word diff; the cluster is named by its speaker.

Example:
    >>> from quoteattr.matching.similarity import Codebook, prepare
    >>> book = Codebook()
    >>> relation_to(prepare("nothing new", book), prepare("we heard nothing new", book), 85.0)
    ('fragment', 100.0)
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from quoteattr.matching.similarity import PreparedText, partial_score, whole_score, word_diff
from quoteattr.matching.speaker_links import key_of
from quoteattr.models import ClusterMember, MatchRelation, Quote, QuoteCluster

__all__ = ["Printing", "build_cluster", "printing_order", "relation_to"]


class Printing(NamedTuple):
    """One quote as printed: where, when, and by whom as compared across documents."""

    doc_id: str
    quote: Quote
    date: datetime.date | None


def printing_order(
    doc_id: str, quote: Quote
) -> tuple[str, int, int, str, str, str, str, int, str, int]:
    """A stable sort key of a printing: where the quote is, then what it is."""
    speaker = quote.speaker.name if quote.speaker is not None else ""
    mention = quote.speaker.mention if quote.speaker is not None else None
    return (doc_id, quote.start, quote.end, quote.text, quote.kind, speaker,
            quote.rule or "", quote.utterance, mention.text if mention else "",
            mention.start if mention else -1)


def build_cluster(items: list[Printing], texts: Sequence[PreparedText],
                  nodes: Mapping[int, int], named: Collection[int],
                  cutoff: float) -> QuoteCluster:
    """One cluster's result, its canonical member first.

    Args:
        items: The printings of the cluster (sorted here).
        texts: The folded texts, by node.
        nodes: The node of each printing, by ``id(printing)``.
        named: The ``id`` of each printing compared by its speaker; the cluster
            is named by the fullest name among them (among all printings whose
            speaker is known, when none is).
        cutoff: The score cutoff of the run.
    """
    items.sort(key=lambda p: printing_order(p.doc_id, p.quote))
    if len(items) == 1:
        p = items[0]
        speaker = p.quote.speaker.name if p.quote.speaker else None
        member = ClusterMember(doc_id=p.doc_id, quote=p.quote, speaker=speaker,
                               relation="exact", score=100.0, diff="", date=p.date)
        return QuoteCluster(canonical=p.quote.text, speaker=speaker, members=(member,))
    per_node: dict[int, int] = defaultdict(int)
    for p in items:
        per_node[nodes[id(p)]] += 1
    best_node = min(per_node, key=lambda n: (
        -len(texts[n].code), len(texts[n].gaps), -per_node[n], texts[n].key))
    canonical = next(p for p in items if nodes[id(p)] == best_node)
    canon_text = texts[best_node]
    relations: dict[int, tuple[MatchRelation, float]] = {}
    diffs: dict[str, str] = {}
    members = []
    for p in [canonical, *(p for p in items if p is not canonical)]:
        node = nodes[id(p)]
        if node not in relations:
            relations[node] = relation_to(texts[node], canon_text, cutoff)
        relation, score = relations[node]
        text = p.quote.text
        if text not in diffs:
            diffs[text] = word_diff(canonical.quote.text, text,
                                    fragment=relation == "fragment")
        members.append(ClusterMember(
            doc_id=p.doc_id, quote=p.quote,
            speaker=p.quote.speaker.name if p.quote.speaker else None,
            relation=relation, score=round(score, 2), diff=diffs[text], date=p.date,
        ))
    names = {p.quote.speaker.name for p in items
             if p.quote.speaker is not None and id(p) in named} or {
        p.quote.speaker.name for p in items  # only pronouns: what they were resolved to
        if p.quote.speaker is not None and key_of(p.quote.speaker) is not None}
    speaker = min(names, key=lambda n: (-len(n.split()), -len(n), n)) if names else None
    return QuoteCluster(canonical=canonical.quote.text, speaker=speaker,
                        members=tuple(members))


def relation_to(text: PreparedText, canon: PreparedText,
                cutoff: float) -> tuple[MatchRelation, float]:
    """How ``text`` prints the canonical text, and its score."""
    if text.key == canon.key:
        return "exact", 100.0
    whole = whole_score(text, canon)
    if whole >= cutoff or len(text.code) >= len(canon.code):
        return "variant", whole
    part = partial_score(text, canon)[0]
    return ("fragment", part) if part > whole else ("variant", whole)
