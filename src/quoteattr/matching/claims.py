"""Recognise one claim across outlets: reported by one, quoted or reported by another.

"Putin branded the incident a war crime" (DW) and "He called Turkey's downing of
the jet a 'treacherous war crime'" (VOA) are one claim. :func:`match_claims`
links each claim to the quotes and claims of other documents whose source can
be the same speaker and whose words are close enough, scored like quotes by
:func:`quoteattr.matching.similarity.quote_similarity` (shorter text against the
best-matching stretch of the longer one).

How it scales: claims and quotes are grouped by their source's folded last
name; each claim is compared with the items of its own group and with sourceless
or anonymous items only, so the cost is quadratic in the claims of one speaker,
not of the collection.

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

from quoteattr.matching.arguments import check_collection, check_score_cutoff
from quoteattr.matching.similarity import quote_similarity
from quoteattr.matching.speaker_links import SpeakerKey, key_of, speakers_compatible
from quoteattr.models import Claim, ClaimLink, Document, Quote, QuoteSpeaker

__all__ = ["DEFAULT_CLAIM_CUTOFF", "match_claims"]

DEFAULT_CLAIM_CUTOFF = 65.0
"""The similarity, 0-100, a claim and a quote or claim need to be linked.

Lower than for quotes: a paraphrase keeps fewer of the words ("branded the
incident a war crime" against "a 'treacherous war crime'": 2 of 3 words), and
only items whose sources can be one speaker are compared at all.
"""

_MIN_WORDS = 3  # "nothing new" is in too many claims to link them


def match_claims(
    documents: Iterable[Document], *, score_cutoff: float = DEFAULT_CLAIM_CUTOFF
) -> list[ClaimLink]:
    """Link each claim to the quotes and claims of other documents that say the same.

    Args:
        documents: Results of :func:`quoteattr.attribute`, each with a ``doc_id``.
        score_cutoff: The similarity, 0-100, two items need to be linked.

    Returns:
        The links, ordered by the claim's document and position; a pair of
        claims is linked once, from the first document.

    Raises:
        TypeError: An input is not a ``Document``.
        ValueError: A document has no ``doc_id``, or the cutoff is out of range.
    """
    check_collection(documents, "match_claims")
    score_cutoff = check_score_cutoff(score_cutoff)
    groups: dict[str, list[tuple[str, int, Claim | Quote]]] = defaultdict(list)
    claims: list[tuple[str, int, Claim]] = []
    for doc in documents:
        if not isinstance(doc, Document):
            raise TypeError(f"match_claims takes Documents, not {type(doc).__name__}")
        if doc.doc_id is None:
            raise ValueError("every document needs a doc_id: attribute(text, doc_id=...)")
        for number, claim in enumerate(doc.claims):
            claims.append((doc.doc_id, number, claim))
            groups[_group(claim.source)].append((doc.doc_id, number, claim))
        for number, quote in enumerate(doc.quotes):
            if quote.kind != "term" and len(quote.text.split()) >= _MIN_WORDS:
                groups[_group(quote.speaker)].append((doc.doc_id, -1 - number, quote))
    links: list[ClaimLink] = []
    for doc_id, number, claim in sorted(claims, key=lambda x: (x[0], x[2].start)):
        key = _key(claim.source)
        pool = groups[_group(claim.source)] + (groups[""] if _group(claim.source) else [])
        for other_id, other_number, other in pool:
            if other_id == doc_id or (
                isinstance(other, Claim) and (other_id, other_number) < (doc_id, number)
            ):
                continue
            if not speakers_compatible(
                key, _key(other.speaker if isinstance(other, Quote) else other.source)
            ):
                continue
            score = quote_similarity(claim.text, other.text, partial=True)
            if score >= score_cutoff:
                links.append(
                    ClaimLink(
                        doc_id=doc_id,
                        claim=claim,
                        other_doc_id=other_id,
                        other=other,
                        score=round(score, 1),
                    )
                )
    return links


def _key(speaker: QuoteSpeaker | None) -> SpeakerKey | None:
    return key_of(speaker)


def _group(speaker: QuoteSpeaker | None) -> str:
    key = _key(speaker)
    return key.surname if key is not None else ""
