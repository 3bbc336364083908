"""Recognise one claim across outlets: reported by one, quoted or reported by another.

"Putin branded the incident a war crime" (DW) and "He called Turkey's downing of
the jet a 'treacherous war crime'" (VOA) are one claim. :func:`match_claims`
links each claim to the quotes and claims of other documents whose source can
be the same speaker and whose words are close enough, scored like quotes by
:func:`quoteattr.matching.similarity.quote_similarity` (shorter text against the
best-matching stretch of the longer one).

How it scales: claims and quotes are grouped by their source's surname (the
speaker bucket of :mod:`quoteattr.matching.linking`); inside a group, and in
the group of sourceless items, each item is filed under its content words
(not function words). A claim is compared only with the items filed under its
own content words, and a word filed under more than :data:`MAX_WORD_ITEMS`
items of one group links nothing ("people" in one politician's hundreds of
quotes): the work grows with the collection, not with its square.

Example:
    >>> from quoteattr import attribute
    >>> a = attribute("Putin branded the incident a war crime.", doc_id="dw")
    >>> b = attribute('Putin called it a "treacherous war crime."', doc_id="voa")
    >>> for x in match_claims([a, b]):
    ...     print(x.doc_id, repr(x.claim.text), x.other_doc_id, type(x.other).__name__, x.score)
    dw 'the incident a war crime' voa Quote 66.7
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from quoteattr.matching.arguments import check_collection, check_score_cutoff
from quoteattr.matching.similarity import Codebook, PreparedText, partial_score, prepare
from quoteattr.matching.speaker_links import SpeakerKey, key_of, speakers_compatible
from quoteattr.models import Claim, ClaimLink, Document, Quote, QuoteSpeaker
from quoteattr.text.normalize import function_words

__all__ = ["DEFAULT_CLAIM_CUTOFF", "MAX_WORD_ITEMS", "match_claims"]

DEFAULT_CLAIM_CUTOFF = 65.0
"""The similarity, 0-100, a claim and a quote or claim need to be linked.

Lower than for quotes: a paraphrase keeps fewer of the words ("branded the
incident a war crime" against "a 'treacherous war crime'": 2 of 3 words), and
only items whose sources can be one speaker are compared at all.
"""

MAX_WORD_ITEMS = 64
"""A content word filed under more items of one speaker group than this links nothing."""

_MIN_WORDS = 3
"""Claims and quotes shorter than this link nothing: "nothing new" is in too many."""


class _Item(NamedTuple):
    doc_id: str
    number: int  # a claim's index, or -1 - a quote's index
    item: Claim | Quote
    text: PreparedText
    key: SpeakerKey | None
    group: str


def match_claims(
    documents: Iterable[Document], *, score_cutoff: float = DEFAULT_CLAIM_CUTOFF
) -> list[ClaimLink]:
    """Link each claim to the quotes and claims of other documents that say the same.

    A claim (of three words or more) is compared with items whose source can
    be the same speaker (or that have no known source) and that share two of
    its content words (one, if either has only one).

    Args:
        documents: Results of :func:`quoteattr.attribute`, each with a ``doc_id``.
        score_cutoff: The similarity, 0-100, two items need to be linked.

    Returns:
        The links, ordered by the claim's document and position, then the other
        item's; a pair of claims is linked once, from the first document.

    Raises:
        TypeError: An input is not a ``Document``.
        ValueError: A document has no ``doc_id``, or the cutoff is out of range.
    """
    check_collection(documents, "match_claims")
    score_cutoff = check_score_cutoff(score_cutoff)
    codebook = Codebook()
    items: list[_Item] = []
    for doc in documents:
        if not isinstance(doc, Document):
            raise TypeError(f"match_claims takes Documents, not {type(doc).__name__}")
        if doc.doc_id is None:
            raise ValueError("every document needs a doc_id: attribute(text, doc_id=...)")
        for number, claim in enumerate(doc.claims):
            if len(claim.text.split()) >= _MIN_WORDS:
                items.append(_item(doc.doc_id, number, claim, claim.source, codebook))
        for number, quote in enumerate(doc.quotes):
            if quote.kind != "term" and len(quote.text.split()) >= _MIN_WORDS:
                items.append(_item(doc.doc_id, -1 - number, quote, quote.speaker, codebook))
    small = function_words()
    filed: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for word in set(item.text.tokens) - small:
            filed[item.group, word].append(index)
    links: list[tuple[tuple[str, int, str, int], ClaimLink]] = []
    for me in items:
        if not isinstance(me.item, Claim):
            continue
        groups = (me.group, "") if me.group else ("",)
        found: set[int] = set()
        mine = set(me.text.tokens) - small
        for word in mine:
            for group in groups:
                others = filed.get((group, word), ())
                if len(others) <= MAX_WORD_ITEMS:
                    found.update(others)
        for other_index in sorted(found):
            other = items[other_index]
            if other.doc_id == me.doc_id or not speakers_compatible(me.key, other.key):
                continue
            theirs = set(other.text.tokens) - small
            if len(mine & theirs) < min(2, len(mine), len(theirs)):
                continue  # one shared word ("senator") is not one claim
            if isinstance(other.item, Claim) and other.group == me.group and (
                (other.doc_id, other.number) < (me.doc_id, me.number)
            ):
                continue  # the other claim links this one
            score = _similarity(me.text, other.text)
            if score >= score_cutoff:
                order = (me.doc_id, me.item.start, other.doc_id, other.item.start)
                links.append((order, ClaimLink(doc_id=me.doc_id, claim=me.item,
                                               other_doc_id=other.doc_id, other=other.item,
                                               score=round(score, 1))))
    links.sort(key=lambda x: x[0])
    return [link for _, link in links]


def _item(doc_id: str, number: int, item: Claim | Quote, speaker: QuoteSpeaker | None,
          codebook: Codebook) -> _Item:
    key = key_of(speaker)
    return _Item(doc_id, number, item, prepare(item.text, codebook), key,
                 key.surname if key is not None else "")


def _similarity(a: PreparedText, b: PreparedText) -> float:
    """``quote_similarity(a, b, partial=True)`` on prepared texts."""
    if (len(a.code), a.key) > (len(b.code), b.key):
        a, b = b, a
    return partial_score(a, b)[0]
