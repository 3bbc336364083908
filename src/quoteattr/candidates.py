"""Which pairs of quote texts are worth scoring: an index of rare word pairs.

Scoring every pair of a million quotes is out of the question. Two printings
of one utterance share word pairs (bigrams) that few other quotes have. The
index works in three passes over the folded texts:

1. Count in how many texts each bigram occurs (a hashed table of counters,
   so memory stays bounded however many distinct bigrams there are).
2. Each text files its rarest bigrams that occur in 2 to
   :data:`MAX_DOCUMENT_FREQUENCY` texts: one more than the number an edit
   allowed by the score cutoff can destroy, so a pair scoring above the cutoff
   always shares a filed bigram. Texts with an ellipsis file all of theirs.
3. Each text looks all its bigrams up; the texts filed under them are its
   candidates. A fragment's bigrams all occur in the quote it comes from.

Bigrams never span an ellipsis or a bracketed insertion. A bigram found in more
than :data:`MAX_DOCUMENT_FREQUENCY` texts ("of the", "we will") is too common
to link anything; texts that only share such bigrams are not compared.

Example:
    >>> from quoteattr.similarity import Codebook, prepare
    >>> book = Codebook()
    >>> texts = [prepare(t, book) for t in ["we heard nothing new at all",
    ...          "We heard nothing new at all!", "nothing new", "something else entirely"]]
    >>> sorted(candidate_pairs(texts, 85.0))
    [(0, 1), (0, 2), (1, 2)]
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

from quoteattr.similarity import PreparedText

__all__ = ["MAX_DOCUMENT_FREQUENCY", "all_pairs", "candidate_pairs"]

MAX_DOCUMENT_FREQUENCY = 1000
"""Bigrams in more texts than this link nothing (they are filed nowhere)."""

_SHIFT = 21  # code points fit in 21 bits: a bigram is one int
_MULTIPLIER = 0x9E3779B97F4A7C15  # Fibonacci hashing into the counter table


def all_pairs(count: int) -> Iterator[tuple[int, int]]:
    """Every pair ``(i, j)`` with ``i < j < count``: the exhaustive reference."""
    for i in range(count):
        for j in range(i + 1, count):
            yield i, j


def _bigrams(text: PreparedText) -> set[int]:
    out: set[int] = set()
    for segment in text.segments():
        points = list(map(ord, segment))
        out.update((a << _SHIFT) | b for a, b in pairwise(points))
    return out


@lru_cache(maxsize=4096)
def filed_count(words: int, score_cutoff: float) -> int:
    """How many bigrams a text of ``words`` words files so that no match is missed.

    An alignment leaves ``unmatched_own`` of this text's words and
    ``unmatched_other`` of the other text's words unmatched; it destroys at most
    ``2 * unmatched_own + unmatched_other`` of this text's bigrams, and scores
    ``200 * matched / (words + other_words)``. The largest destruction allowed
    at the cutoff, plus one, is enough.

    Example:
        >>> filed_count(20, 85.0), filed_count(4, 85.0)
        (11, 3)
    """
    worst = 0
    for own in range(words):
        matched = words - own
        for other in range(words * 2 + 1):
            if 200.0 * matched / (words + matched + other) < score_cutoff:
                break
            worst = max(worst, 2 * own + other)
    return worst + 1


def candidate_pairs(
    texts: Sequence[PreparedText | None], score_cutoff: float
) -> Iterator[tuple[int, int]]:
    """Yield the pairs ``(i, j)``, ``i < j``, of texts that share a rare bigram.

    Args:
        texts: Folded texts; ``None`` entries are skipped.
        score_cutoff: The similarity the caller will require; a lower cutoff
            files more bigrams per text.

    Yields:
        Each candidate pair once, in increasing order.
    """
    features = [_bigrams(t) if t is not None else set() for t in texts]
    total = sum(map(len, features))
    size = 1 << max(16, min(27, (4 * total).bit_length()))
    shift = 64 - (size.bit_length() - 1)
    mask64 = (1 << 64) - 1
    counts = array("I", bytes(4 * size))
    for feats in features:
        for f in feats:
            counts[((f * _MULTIPLIER) & mask64) >> shift] += 1

    def frequency(f: int) -> int:
        return counts[((f * _MULTIPLIER) & mask64) >> shift]

    filed: dict[int, list[int]] = {}
    for node, (text, feats) in enumerate(zip(texts, features, strict=True)):
        if text is None or not feats:
            continue
        useful = [(frequency(f), f) for f in feats]
        useful = [pair for pair in useful if 2 <= pair[0] <= MAX_DOCUMENT_FREQUENCY]
        if not text.gaps:
            useful.sort()
            del useful[filed_count(len(text.code), score_cutoff):]
        for _, f in useful:
            filed.setdefault(f, []).append(node)
    found: set[int] = set()
    width = len(texts)
    for node, feats in enumerate(features):
        for f in feats:
            others = filed.get(f)
            if others is None:
                continue
            for other in others:
                if other != node:
                    found.add(node * width + other if node < other else other * width + node)
    for pair in sorted(found):
        yield divmod(pair, width)
