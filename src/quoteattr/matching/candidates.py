"""Which pairs of quote texts are worth scoring: an index of rare word n-grams.

Scoring every pair of a million quotes is out of the question. Two printings
of one utterance share word sequences that few other quotes have. The index
works in three passes over the folded texts:

1. Count in how many texts each word bigram and trigram occurs, in a table of
   counters indexed by the n-gram modulo a prime, so memory stays bounded
   however many distinct n-grams there are. (A collision can only add a
   candidate pair, which scoring then rejects, or make an n-gram look common.)
2. Each text files its rarest n-grams among those found in 2 to
   :data:`MAX_DOCUMENT_FREQUENCY` texts: trigrams for long texts, bigrams for
   short ones; as many as an edit allowed by the
   score cutoff can destroy, plus one (:func:`filed_count`), so a pair scoring
   above the cutoff always shares a filed n-gram.
3. Each text looks all its bigrams and trigrams up (across its ellipses too);
   the texts filed under them are its candidates. A fragment's n-grams all
   occur in the quote it comes from.

Filed n-grams never span an ellipsis or a bracketed insertion. The guarantee
holds for texts without ellipses; a very short text with an ellipsis (and
repeated words) may miss a variant. An n-gram found in
more than :data:`MAX_DOCUMENT_FREQUENCY` texts ("of the", "we will") is too
common to link anything: texts that share only such n-grams are not compared,
which is also what keeps a fragment of common words from joining anybody.

Example:
    >>> from quoteattr.matching.similarity import Codebook, prepare
    >>> book = Codebook()
    >>> texts = [prepare(t, book) for t in ["we heard nothing new at all",
    ...          "We heard nothing new at all!", "nothing new", "something else entirely"]]
    >>> sorted(candidate_pairs(texts, 85.0))
    [(0, 1), (0, 2), (1, 2)]
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from hashlib import blake2b
from itertools import pairwise

from quoteattr.matching.similarity import MAX_FIXES, PreparedText

__all__ = [
    "MAX_DOCUMENT_FREQUENCY",
    "WordValues",
    "all_pairs",
    "candidate_pairs",
    "document_pairs",
    "filed_count",
    "filed_slots",
    "files_words",
    "filing_plan",
    "is_short",
    "lookup_slots",
    "ngram_slots",
    "ngrams",
    "table_size",
]

MAX_DOCUMENT_FREQUENCY = 32
"""Word n-grams in more texts than this link nothing (they are filed nowhere)."""

REPAIR_FILING_WORDS = 7
"""Texts shorter than this file more n-grams, so that a repaired misprint is still found:
from seven words on, one substituted word alone keeps a pair above a cutoff of 85."""

# Sizes of the table of n-gram counters: primes, so that ``ngram % size`` spreads well.
_PRIMES = (65521, 262139, 1048573, 4194301, 16777213, 67108859)


def all_pairs(count: int) -> Iterator[tuple[int, int]]:
    """Every pair ``(i, j)`` with ``i < j < count``: the exhaustive reference."""
    for i in range(count):
        for j in range(i + 1, count):
            yield i, j


class WordValues(dict[str, int]):
    """A random-looking 30-bit value per word code (small ints keep the arithmetic fast)."""

    def __missing__(self, char: str) -> int:
        digest = blake2b(char.encode("utf-8", "surrogatepass"), digest_size=4).digest()
        value = self[char] = int.from_bytes(digest, "big") >> 2
        return value


def ngrams(
    text: PreparedText, values: WordValues, *, across_gaps: bool = False
) -> tuple[list[int], list[int]]:
    """The bigrams and trigrams of a text as well-spread ints, by default never across a gap."""
    bigrams: list[int] = []
    trigrams: list[int] = []
    for segment in ([text.code] if across_gaps else text.segments()):
        points = list(map(values.__getitem__, segment))
        pairs = [(a << 1) ^ b for a, b in pairwise(points)]
        bigrams += pairs
        trigrams += [(p << 1) ^ c for p, c in zip(pairs, points[2:], strict=False)]
    return bigrams, trigrams


@lru_cache(maxsize=4096)
def filed_count(words: int, score_cutoff: float, n: int = 2) -> int:
    """How many word n-grams a text of ``words`` words files so that no match is missed.

    An alignment that leaves ``own`` of this text's words and ``other`` of the
    other text's words unmatched destroys at most ``n * own + (n - 1) * other``
    of this text's n-grams, and scores ``200 * matched / (words + other_words)``.
    The largest destruction allowed at the cutoff, plus one, is enough.

    Example:
    A misprinted word repaired by :func:`~quoteattr.matching.similarity.reconcile`
    counts as matched but destroys up to ``n`` n-grams: a text of fewer than
    :data:`REPAIR_FILING_WORDS` words files that many more per repair allowed.
    (A longer text with one misprint scores above the cutoff unrepaired
    unless other edits pull it down; a compound is not provided for.)

        >>> filed_count(20, 85.0), filed_count(4, 85.0), filed_count(20, 85.0, 3)
        (11, 5, 16)
    """
    worst = 0
    for own in range(words):
        matched = words - own
        for other in range(words * 2 + 1):
            if 200.0 * matched / (words + matched + other) < score_cutoff:
                break
            worst = max(worst, n * own + (n - 1) * other)
    return worst + 1 + (n * MAX_FIXES if words < REPAIR_FILING_WORDS else 0)


def table_size(total: int) -> int:
    """The number of n-gram counters, given ``total`` = twice the words of all live texts."""
    return next((p for p in _PRIMES if p > 4 * total), _PRIMES[-1])


def filing_plan(text: PreparedText, trigrams: int, score_cutoff: float) -> tuple[int, int]:
    """Which n-grams a text files (2 or 3) and how many.

    Words the other text has where this one prints an ellipsis destroy none of
    this text's n-grams, since n-grams stop at gaps: the same count holds.
    """
    words = len(text.code)
    wanted = filed_count(words, score_cutoff, 3)
    if wanted <= trigrams:
        return 3, wanted
    return 2, filed_count(words, score_cutoff, 2)


def ngram_slots(text: PreparedText, values: WordValues, size: int, *,
                across_gaps: bool = False) -> tuple[set[int], set[int]]:
    """The table slots of a text's bigrams and of its trigrams (never across a gap by default)."""
    bigrams, trigrams = ngrams(text, values, across_gaps=across_gaps)
    return {g % size for g in bigrams}, {g % size for g in trigrams}


def lookup_slots(text: PreparedText, values: WordValues, size: int
                 ) -> tuple[set[int], set[int]]:
    """The slots a text is counted under and looks up: across its ellipses too, if any.

    The words around an ellipsis may have dropped nothing.
    """
    return ngram_slots(text, values, size, across_gaps=bool(text.gaps))


def filed_slots(text: PreparedText, two: Iterable[int], three: Collection[int],
                count: Callable[[int], int], score_cutoff: float) -> list[int]:
    """The slots a text files itself under: its rarest n-grams found in 2 to the cap texts.

    Args:
        text: The text.
        two: Its bigram slots (:func:`ngram_slots`).
        three: Its trigram slots.
        count: In how many texts a slot is counted (:func:`lookup_slots` of all texts).
        score_cutoff: The similarity the caller will require.
    """
    n, wanted = filing_plan(text, len(three), score_cutoff)
    useful = [(c, f) for f in (three if n == 3 else two)
              if 2 <= (c := count(f)) <= MAX_DOCUMENT_FREQUENCY]
    if len(useful) > wanted:
        useful.sort()
        del useful[wanted:]
    return [f for _, f in useful]


def candidate_pairs(
    texts: Sequence[PreparedText | None], score_cutoff: float,
    documents: Iterable[Collection[int]] = (),
) -> Iterator[tuple[int, int]]:
    """Yield the pairs ``(i, j)``, ``i < j``, of texts that share a rare word n-gram.

    Args:
        texts: Folded texts; ``None`` entries are skipped.
        score_cutoff: The similarity the caller will require; a lower cutoff
            files more n-grams per text.
        documents: For each document, the texts it prints: a short text is
            also paired with every text of its documents (:func:`document_pairs`).

    Yields:
        Each candidate pair once, in increasing order.
    """
    live = [(node, text) for node, text in enumerate(texts) if text is not None and text.code]
    values = WordValues()
    # n-grams are hashed into ``size`` slots; an n-gram is its slot from here on
    size = table_size(sum(2 * len(text.code) for _, text in live))
    grams: list[tuple[array[int], array[int]]] = []
    counts = array("I", bytes(4 * size))
    for _, text in live:
        two, three = ngram_slots(text, values, size)
        grams.append((array("q", two), array("q", three)))
        if text.gaps:
            two, three = lookup_slots(text, values, size)
        for f in two:
            counts[f] += 1
        for f in three:
            counts[f] += 1

    filed: dict[int, list[int]] = {}
    count = counts.__getitem__
    for (node, text), (two_filed, three_filed) in zip(live, grams, strict=True):
        for f in filed_slots(text, two_filed, three_filed, count, score_cutoff):
            filed.setdefault(f, []).append(node)
    del counts

    found: set[int] = set()
    width = len(texts)
    filed_keys = filed.keys()
    for (node, text), (two_filed, three_filed) in zip(live, grams, strict=True):
        looked: set[int] = {*two_filed, *three_filed}
        if text.gaps:
            extra_two, extra_three = lookup_slots(text, values, size)
            looked = extra_two | extra_three
        for f in filed_keys & looked:
            for other in filed[f]:
                if other != node:
                    found.add(node * width + other if node < other else other * width + node)
    del grams, filed
    for node, others in _word_only_links(live):
        for other in others:
            if other != node:
                found.add(node * width + other if node < other else other * width + node)
    alive = {node for node, _ in live}
    for a, b in document_pairs(documents, lambda node: is_short(texts[node])):
        if a in alive and b in alive:
            found.add(a * width + b)
    for pair in sorted(found):
        yield divmod(pair, width)


MAX_DOCUMENT_TEXTS = 200
"""Documents that print more distinct texts than this pair none of them by document."""


def is_short(text: PreparedText | None) -> bool:
    """Whether a text is short enough to be paired with every text of its documents.

    A partial quote of a few words is printed beside the full quote in the same
    article ("... called it "shameful""), and its words may be too common for
    the index.
    """
    return text is not None and 0 < len(text.code) < REPAIR_FILING_WORDS


def document_pairs(documents: Iterable[Collection[int]],
                   short: Callable[[int], bool]) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of a short text and another text of one document.

    Example:
        >>> sorted(document_pairs([{0, 1, 2}, {2, 3}], lambda node: node == 2))
        [(0, 2), (1, 2), (2, 3)]
    """
    for nodes in documents:
        if len(nodes) > MAX_DOCUMENT_TEXTS:
            continue
        for node in nodes:
            if short(node):
                for other in nodes:
                    if other != node:
                        yield (node, other) if node < other else (other, node)


def _word_only_links(live: list[tuple[int, PreparedText]]) -> Iterator[tuple[int, list[int]]]:
    """Links that n-grams cannot see: the same words with gaps elsewhere, or no n-gram at all.

    A text whose words are all cut apart by ellipses ("a ... b ... c") has no
    bigram, and a short text may lose every n-gram to one repaired word: they
    file their words found in 2 to :data:`MAX_DOCUMENT_FREQUENCY` texts too.
    """
    same_words: dict[str, list[int]] = {}
    for node, text in live:
        same_words.setdefault(text.code, []).append(node)
    for nodes in same_words.values():
        if len(nodes) > 1:
            for node in nodes:
                yield node, nodes
    wordless = [(node, text) for node, text in live if files_words(text)]
    if not wordless:
        return
    wanted = set().union(*(set(text.code) for _, text in wordless))
    frequency: dict[str, int] = dict.fromkeys(wanted, 0)
    for _, text in live:
        for char in wanted.intersection(text.code):
            frequency[char] += 1
    filed: dict[str, list[int]] = {}
    for node, text in wordless:
        for char in set(text.code):
            if 2 <= frequency[char] <= MAX_DOCUMENT_FREQUENCY:
                filed.setdefault(char, []).append(node)
    for node, text in live:
        for char in filed.keys() & set(text.code):
            yield node, filed[char]


SHORT_TEXT_WORDS = 3
"""Texts of at most this many words also file their words: one repaired word
(:func:`~quoteattr.matching.similarity.reconcile`) can leave them no shared n-gram."""


def files_words(text: PreparedText) -> bool:
    """Whether a text files its words as well as n-grams: it is short, or has no bigram.

    Example:
        >>> from quoteattr.matching.similarity import Codebook, prepare
        >>> book = Codebook()
        >>> files_words(prepare("utterly reckless", book)), files_words(prepare(
        ...     "a ... b ... c d e f", book)), files_words(prepare("a b c d", book))
        (True, False, False)
    """
    return len(text.code) <= SHORT_TEXT_WORDS or not any(
        len(segment) > 1 for segment in text.segments()
    )
