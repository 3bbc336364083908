"""How two quote texts link: one a variant of the other, or a fragment of it.

:func:`compare_texts` is the one test of a pair of texts that
:class:`~quoteattr.matching.linking.Matcher` and the partitioned run of
:mod:`quoteattr.distributed.match` share.

Example:
    >>> from quoteattr.matching.similarity import Codebook, prepare
    >>> book = Codebook()
    >>> compare_texts(prepare("a couple steps", book),
    ...               prepare("the talks are now a couple of steps from a deal", book), 85)
    TextLink(kind='fragment', score=100.0, first=0, second=1)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from quoteattr.matching.similarity import PreparedText, partial_score, whole_score
from quoteattr.text.normalize import function_words

__all__ = ["SHORT_FRAGMENT_WORDS", "TextLink", "compare_texts"]

SHORT_FRAGMENT_WORDS = 4
"""Fragments shorter than this must appear word for word in a quote of a known,
compatible speaker printed on the same occasion."""


class TextLink(NamedTuple):
    """How two distinct texts link: ``kind`` is ``variant`` or ``fragment`` (first in second)."""

    kind: Literal["variant", "fragment"]
    score: float
    first: int
    second: int


def compare_texts(a: PreparedText, b: PreparedText, cutoff: float,
                  first: int = 0, second: int = 1) -> TextLink | None:
    """Score two distinct texts: a variant link, a fragment link (shorter first), or None.

    ``first`` and ``second`` are the ids the link reports for ``a`` and ``b``.

    Example:
        >>> from quoteattr.matching.similarity import Codebook, prepare
        >>> book = Codebook()
        >>> compare_texts(prepare("nothing new", book), prepare("we heard nothing new", book), 85)
        TextLink(kind='fragment', score=100.0, first=0, second=1)
    """
    la, lb = len(a.code), len(b.code)
    if a.gaps or b.gaps or 200.0 * min(la, lb) / (la + lb) >= cutoff - 15.0:
        score = whole_score(a, b, cutoff)
        if score >= cutoff:
            return TextLink("variant", score, first, second)
    if la == lb:
        return None
    short, long, ids = (a, b, (first, second)) if la < lb else (b, a, (second, first))
    if not _can_be_fragment(short):
        return None
    score = partial_score(short, long, cutoff)[0]
    if len(short.code) < SHORT_FRAGMENT_WORDS and score < 100.0:
        if not _loosely_contained(short, long):
            return None
        score = 100.0
    return TextLink("fragment", score, *ids) if score >= cutoff else None


def _loosely_contained(short: PreparedText, long: PreparedText) -> bool:
    """Whether a short fragment's words are the long text's, but for one function word.

    Outlets drop or add a small word when they cut a phrase out ("a couple
    steps" for "a couple of steps"); the fragment needs two content words.
    """
    words = function_words()
    content = [t for t in short.tokens if t not in words]
    if len(content) < 2:
        return False
    width = len(short.tokens) + 1
    for segment in _segments(long):
        for at in range(max(1, len(segment) - width + 2)):
            window = segment[at:at + width]
            if _one_small_word_apart(short.tokens, window, words) or _one_small_word_apart(
                    short.tokens, window[:-1], words):
                return True
    return False


def _segments(text: PreparedText) -> Iterable[tuple[str, ...]]:
    """The words between gaps: stretches printed together."""
    start = 0
    for gap in (*text.gaps, len(text.tokens)):
        if gap > start:
            yield text.tokens[start:gap]
        start = gap


def _one_small_word_apart(a: Sequence[str], b: Sequence[str], small: frozenset[str]) -> bool:
    """Equal, or equal once one function word is taken out of the longer one."""
    if len(a) == len(b):
        return tuple(a) == tuple(b)
    if abs(len(a) - len(b)) != 1:
        return False
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    for i, word in enumerate(longer):
        if word in small and tuple(longer[:i]) + tuple(longer[i + 1:]) == tuple(shorter):
            return True
    return False


def _can_be_fragment(text: PreparedText) -> bool:
    words = function_words()
    return any(t not in words for t in text.tokens)
