"""Look-ups over sorted token positions, for the claim scanner.

Each look-up is a binary search over positions computed once per document
(sentence starts, hard punctuation) or once per list of words.

Example:
    >>> starts = AtOrBefore([0, 5, 9], 0)
    >>> starts[7], After([0, 5, 9], 12)[7], After([0, 5, 9], 12)[9]
    (5, 9, 12)
"""

from __future__ import annotations

from typing import Final

from quoteattr.attribution.words import first_after

__all__ = [
    "After",
    "AtOrBefore",
    "phrases_by_first",
]


class AtOrBefore:
    """``self[k]``: the last position at or before k (``default`` when none).

    With ``ids``, a number for each token that changes exactly at the positions
    (a sentence's number, for sentence starts), a token's answer is read from a
    table by its number instead of a binary search: two list reads for the
    look-ups a document's rules make again and again.
    """

    def __init__(self, positions: list[int], default: int, ids: list[int] | None = None) -> None:
        self.positions, self.default = positions, default
        self.ids: list[int] = ids if ids is not None else []
        self.by_id: list[int] = self._by_id() if self.ids else []

    def __getitem__(self, k: int) -> int:
        if 0 <= k < len(self.ids):
            return self.by_id[self.ids[k]]
        i = first_after(self.positions, k)
        return self.positions[i - 1] if i else self.default

    def _by_id(self) -> list[int]:
        """The answer for the tokens of each number."""
        ids = self.ids
        table = [self.default] * (ids[-1] + 1)
        for p in self.positions:
            if 0 <= p < len(ids):
                table[ids[p]] = p
        return table


class After(AtOrBefore):
    """``self[k]``: the first position after k (``default`` when none)."""

    def __getitem__(self, k: int) -> int:
        if 0 <= k < len(self.ids):
            return self.by_id[self.ids[k]]
        i = first_after(self.positions, k)
        return self.positions[i] if i < len(self.positions) else self.default

    def _by_id(self) -> list[int]:
        """The answer for the tokens of each number."""
        ids = self.ids
        positions = self.positions
        table = [self.default] * (ids[-1] + 1)
        last = len(positions) - 1
        for i, p in enumerate(positions):
            if 0 <= p < len(ids):
                table[ids[p]] = positions[i + 1] if i < last else self.default
        return table


_PHRASES: Final[dict[frozenset[str], dict[str, list[tuple[str, ...]]]]] = {}


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
