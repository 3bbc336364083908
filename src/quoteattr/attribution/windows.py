"""Per-document look-ups that let rules skip work, kept while the sieve runs.

Most rules need a word of some class (a naming verb, a document noun, a
quoting verb, "according") within a few tokens of the quote; most quotes have
none. :func:`word_positions` lists the tokens whose lower-case text is in a
class, and :func:`any_within` tells by one binary search whether one lies in a
window. Several rules also ask for the subject of the same cue verb
(:func:`~quoteattr.attribution.clauses.subject_before`); :func:`subject_memo`
holds the answers.

:func:`~quoteattr.attribution.sieve.run_sieve` calls :func:`remember` before
trying its rules on a document and :func:`forget` when done: while it runs, the
positions of each word class are computed once and the subjects are kept.
:func:`~quoteattr.pipeline.attribute` keeps them from the sieve until the
claims are found, since the claim rules ask for the subjects of the same cues.
Outside it (a rule called on its own, another stage) nothing is kept: the
positions are computed on each call and no subject is remembered.

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

from typing import Final

from quoteattr.attribution.context import Context
from quoteattr.attribution.words import first_from, word_tuple
from quoteattr.text.mentions import Mention

__all__ = ["any_within", "forget", "remember", "subject_memo", "word_positions"]

_Held = tuple[Context, dict[frozenset[str], list[int]], dict[int, "Mention | None"]]

_HELD: Final[list[_Held]] = []
"""The document the sieve is working on, its positions per word class and its subjects
(none or one; a list so that compiled code reads it without a dict look-up)."""


def remember(ctx: Context) -> bool:
    """Keep look-ups for ``ctx`` until :func:`forget` (or another document) replaces them.

    Returns ``False`` when they are kept already (a caller further up keeps
    them across several stages and forgets them itself), ``True`` otherwise.
    """
    if _HELD and _HELD[0][0] is ctx:
        return False
    _HELD[:] = [(ctx, {}, {})]
    return True


def forget(ctx: Context) -> None:
    """Drop the look-ups kept for ``ctx`` (and the reference to it), if any."""
    if _HELD and _HELD[0][0] is ctx:
        _HELD.clear()


def subject_memo(ctx: Context) -> dict[int, Mention | None] | None:
    """The subjects found so far per cue token of ``ctx``; ``None`` when nothing is kept for it."""
    if not _HELD:
        return None
    held = _HELD[0]
    return held[2] if held[0] is ctx else None


def word_positions(ctx: Context, words: frozenset[str]) -> list[int]:
    """The tokens of ``ctx`` whose lower-case text is one of ``words``, in order.

    Computed once per word class while the sieve works on ``ctx``; the caller
    must not change the list.
    """
    if not _HELD or _HELD[0][0] is not ctx:
        return _positions(ctx, words)
    table = _HELD[0][1]
    found = table.get(words)
    if found is None:
        found = table[words] = _positions(ctx, words)
    return found


def _positions(ctx: Context, words: frozenset[str]) -> list[int]:
    by_low = ctx.by_low
    lists: list[list[int]] = []
    if len(words) < len(by_low):  # the smaller side is read, each word looked up once
        for w in word_tuple(words):
            if w in by_low:  # most words of a class are not in the document: no value fetched
                lists.append(by_low[w])
    else:
        for w, found in by_low.items():
            if w in words:
                lists.append(found)
    if len(lists) == 1:
        return lists[0]  # one word's positions are already in order
    merged: list[int] = []
    for found in lists:
        merged.extend(found)
    merged.sort()
    return merged


def any_within(ctx: Context, words: frozenset[str], first: int, stop: int) -> bool:
    """Tell whether a token from ``first`` up to ``stop`` has its lower-case text in ``words``."""
    found: list[int] | None = None  # word_positions() inlined: rules call this for every quote
    if _HELD:
        held = _HELD[0]
        if held[0] is ctx:
            found = held[1].get(words)
    if found is None:
        found = word_positions(ctx, words)
    k = first_from(found, first)
    return k < len(found) and found[k] < stop
