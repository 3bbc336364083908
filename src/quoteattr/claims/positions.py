"""Look-ups over sorted token positions, for the claim scanner.

Each look-up is a binary search over positions computed once per document
(sentence starts, hard punctuation) or once per list of words.

Example:
    >>> starts = AtOrBefore([0, 5, 9], 0)
    >>> starts[7], After([0, 5, 9], 12)[7], After([0, 5, 9], 12)[9]
    (5, 9, 12)
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = [
    "After",
    "AtOrBefore",
    "phrases_by_first",
]


class AtOrBefore:
    """``self[k]``: the last position at or before k (``default`` when none)."""

    def __init__(self, positions: list[int], default: int) -> None:
        self.positions, self.default = positions, default

    def __getitem__(self, k: int) -> int:
        i = bisect_right(self.positions, k)
        return self.positions[i - 1] if i else self.default


class After(AtOrBefore):
    """``self[k]``: the first position after k (``default`` when none)."""

    def __getitem__(self, k: int) -> int:
        i = bisect_right(self.positions, k)
        return self.positions[i] if i < len(self.positions) else self.default


_PHRASES: dict[frozenset[str], dict[str, list[tuple[str, ...]]]] = {}


def phrases_by_first(phrases: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` split into words, by first word, longest first (built once per list).

    Example:
        >>> phrases_by_first(frozenset({"according to", "according"}))
        {'according': [('according', 'to'), ('according',)]}
    """
    by_first = _PHRASES.get(phrases)
    if by_first is None:
        by_first = {}
        for parts in sorted((tuple(p.split()) for p in phrases), key=len, reverse=True):
            by_first.setdefault(parts[0], []).append(parts)
        if len(_PHRASES) >= 64:
            _PHRASES.clear()
        _PHRASES[phrases] = by_first
    return by_first
