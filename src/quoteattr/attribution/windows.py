"""Cheap look-ups that let a rule give up at once when its words are nowhere near a quote.

Most rules need a word of some class (a naming verb, a document noun, a
quoting verb, "according") within a few tokens of the quote; most quotes have
none. :func:`word_positions` lists, once per document and class, the tokens
whose lower-case text is in the class, and :func:`any_within` tells by one
binary search whether one lies in a window. The positions are computed from
:attr:`~quoteattr.attribution.context.Context.by_low` and kept for the last
document only (a context is built, attributed and dropped, one at a time);
:func:`~quoteattr.attribution.sieve.run_sieve` calls :func:`forget` when done,
so that the document is freed where its caller drops it.

Example:
    >>> from quoteattr.attribution.context import build_context
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> from quoteattr.text.quotes import scan_quotes
    >>> text = 'Doe called it "a sham." Roe called back.'
    >>> ctx = build_context(text, scan_quotes(text)[0], load_lexicon())
    >>> word_positions(ctx, frozenset({"called"}))
    [1, 7]
    >>> any_within(ctx, frozenset({"called"}), 2, 7), any_within(ctx, frozenset({"called"}), 0, 2)
    (False, True)
"""

from __future__ import annotations

from bisect import bisect_left

from quoteattr.attribution.context import Context

__all__ = ["any_within", "forget", "word_positions"]

_held: tuple[Context, dict[frozenset[str], list[int]]] | None = None
"""The last document looked at, with its positions per word class."""


def word_positions(ctx: Context, words: frozenset[str]) -> list[int]:
    """The tokens of ``ctx`` whose lower-case text is one of ``words``, in order.

    Computed once per document and word class (``len(words)`` dictionary
    look-ups); the caller must not change the list.
    """
    global _held
    held = _held
    if held is None or held[0] is not ctx:
        held = _held = (ctx, {})
    table = held[1]
    found = table.get(words)
    if found is None:
        by_low = ctx.by_low
        lists = [by_low[w] for w in by_low.keys() & words]  # C-level, the smaller side
        # one word's positions are already in order
        found = lists[0] if len(lists) == 1 else sorted(i for ps in lists for i in ps)
        table[words] = found
    return found


def any_within(ctx: Context, words: frozenset[str], first: int, stop: int) -> bool:
    """Tell whether a token from ``first`` up to ``stop`` has its lower-case text in ``words``."""
    found = word_positions(ctx, words)
    k = bisect_left(found, first)
    return k < len(found) and found[k] < stop


def forget(ctx: Context) -> None:
    """Drop the positions kept for ``ctx`` (and the reference to it), if any."""
    global _held
    if _held is not None and _held[0] is ctx:
        _held = None
