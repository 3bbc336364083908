"""Values built once per word-list object (a lexicon, a set of word lists).

Stages turn a :class:`~quoteattr.language.lexicon.Lexicon` or another word-list
model into the tables their hot loops read (sets of words, rule look-ups, a
memo shared by documents). Those models are pydantic objects, not hashable, and
a caller may build new ones (``Lexicon.extend``), so the tables are kept per
object *identity*: :func:`per_object` wraps the function that builds a table so
that it runs once per object. The object is kept beside its table, so that its
``id`` cannot be reused by another object while the entry lives, and the cache
is emptied when it holds ``size`` objects (a program making lexicons without
end stays bounded).

Example:
    >>> built = []
    >>> def table(words: list[str]) -> frozenset[str]:
    ...     built.append(1)
    ...     return frozenset(w.lower() for w in words)
    >>> lowered = per_object(table)
    >>> words = ["Said", "Told"]
    >>> lowered(words) is lowered(words), len(built)
    (True, 1)
    >>> sorted(lowered(["Added"])), len(built)
    (['added'], 2)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["per_object"]

K = TypeVar("K")
V = TypeVar("V")


def per_object(build: Callable[[K], V], *, size: int = 32) -> Callable[[K], V]:
    """Wrap ``build`` so that it runs once per argument object (by identity).

    Args:
        build: Makes the value for one object; called again only for another
            object, or after the cache was emptied.
        size: How many objects to keep before the cache is emptied.

    Returns:
        A function of one object returning ``build(obj)``, built once.
    """
    held: dict[int, tuple[K, V]] = {}

    def cached(obj: K) -> V:
        found = held.get(id(obj))
        if found is None or found[0] is not obj:
            if len(held) >= size:
                held.clear()
            found = held[id(obj)] = (obj, build(obj))
        return found[1]

    cached.__doc__ = build.__doc__
    return cached
