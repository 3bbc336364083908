"""The pieces of :func:`quoteattr.matching.candidates.candidate_pairs` a partitioned run repeats.

The single-process index reads all texts at once. Run in pieces, it needs the
same three things for every text, computed exactly as ``candidate_pairs``
computes them, so that the candidate pairs are the same: the size of the
counter table (from the words of all texts), the table slots of a text's
bigrams and trigrams, and which slots a text files itself under given the
counts. This module is the one place that mirrors ``candidates.py``; the
equality tests of ``tests/test_dask.py`` fail if the two drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping

from quoteattr.matching.candidates import (
    MAX_DOCUMENT_FREQUENCY,
    _has_bigram,
    _ngrams,
    _plan,
    _table_size,
    _WordValues,
)
from quoteattr.matching.similarity import PreparedText

__all__ = ["MAX_DOCUMENT_FREQUENCY", "WordValues", "filed_slots", "lookup_slots",
           "ngram_slots", "table_size", "word_values", "wordless"]

WordValues = _WordValues


def table_size(total: int) -> int:
    """The number of counters, given ``total`` = twice the words of all live texts."""
    return _table_size(total)


def word_values() -> WordValues:
    """A fresh table of per-word hash values (the same values in every process)."""
    return _WordValues()


def ngram_slots(text: PreparedText, values: WordValues, size: int
                ) -> tuple[set[int], set[int]]:
    """The counter slots of a text's bigrams and of its trigrams: what it may file."""
    bigrams, trigrams = _ngrams(text, values)
    return {g % size for g in bigrams}, {g % size for g in trigrams}


def lookup_slots(text: PreparedText, values: WordValues, size: int
                 ) -> tuple[set[int], set[int]]:
    """The slots a text is counted under and looks up: across its ellipses too, if any."""
    if not text.gaps:
        return ngram_slots(text, values, size)
    bigrams, trigrams = _ngrams(text, values, across_gaps=True)
    return {g % size for g in bigrams}, {g % size for g in trigrams}


def filed_slots(text: PreparedText, two: set[int], three: set[int],
                useful: Mapping[int, int], score_cutoff: float) -> set[int]:
    """The slots a text files itself under; ``useful`` holds the counts from 2 to the cap."""
    n, count = _plan(text, len(three), score_cutoff)
    ranked = [(c, f) for f in (three if n == 3 else two) if (c := useful.get(f)) is not None]
    if len(ranked) > count:
        ranked.sort()
        del ranked[count:]
    return {f for _, f in ranked}


def wordless(text: PreparedText) -> bool:
    """Whether a text has no bigram at all (every word cut apart by gaps)."""
    return not any(map(_has_bigram, text.segments()))
