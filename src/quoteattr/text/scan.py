"""The whole-text token index, built in one pass over the tokens.

:func:`scan_tokens` returns what :func:`quoteattr.text.tokens.tokenize`
returns (the same tokens, the same index of lower-case token texts, the same
list of capitalised words) in one loop over the tokens: the text is split by
one regular expression (``re.split`` with :data:`TOKEN_RUN_SPLITTER`, several
tokens a match), each *distinct* word is looked at once (its lower case, its
kind, whether it is capitalised) and each token costs one dictionary look-up.
The tokens are built at the end by :func:`map` over the columns, in C.

``tokenize`` stays the reference: a test checks that both agree on news,
on mangled text and on random text.

Example:
    >>> scanned = scan_tokens('"We met," Lavrov said.', [(1, 8)], [(0, 1), (8, 9)])
    >>> [(t.text, t.kind) for t in scanned.tokens][:4]
    [('"', 'mark'), ('<quote>', 'quote'), ('"', 'mark'), ('Lavrov', 'word')]
    >>> scanned.by_low["said"], scanned.capitalised
    ([4], [3])
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import NamedTuple

from quoteattr.text.tokens import TOKEN_RUN_SPLITTER, Token

__all__ = ["Scanned", "scan_tokens"]

_new = tuple.__new__  # builds a Token from a tuple of its fields, in C
_QUOTE_ENDS = (".", "!", "?", "…")

# What a distinct word is: itself (one str for all its tokens), its kind, its
# lower case, its index entry (shared by the words of one lower case) and
# whether it is a capitalised word.
_Entry = tuple[str, str, str, list[int], bool]


class Scanned(NamedTuple):
    """The tokens of a text and the look-ups built with them.

    Attributes:
        tokens: The tokens, as :func:`~quoteattr.text.tokens.tokenize` makes them.
        by_low: Each lower-case token text and the indices of its tokens, in order.
        capitalised: Indices of the words that start with a capital letter.
        breaks: Indices of the paragraph breaks (``para`` tokens).
    """

    tokens: list[Token]
    by_low: dict[str, list[int]]
    capitalised: list[int]
    breaks: list[int]


def scan_tokens(
    text: str,
    quote_spans: Sequence[tuple[int, int]],
    marks: Sequence[tuple[int, int]] = (),
) -> Scanned:
    """Tokenise ``text`` around its quotes, with the index and the capitalised words.

    Args:
        text: The original text.
        quote_spans: ``(start, end)`` of each top-level quote, in text order and
            not overlapping; each becomes one ``quote`` token.
        marks: ``(start, end)`` of quotation marks, which become ``mark`` tokens.

    Returns:
        The tokens, the index of their lower-case texts and the capitalised words.
    """
    # the tokens' fields, by column
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    lows: list[str] = []
    quote_at: list[tuple[int, int]] = []  # (token index, quote number)
    capitalised: list[int] = []
    breaks: list[int] = []
    index: dict[str, list[int]] = {}
    seen: dict[str, _Entry] = {}
    mark_ends = dict(marks)
    mark_starts = sorted(mark_ends)
    mark_starts.append(len(text) + 1)  # past every token
    next_mark = mark_starts[0]
    m = 0
    inside_mark = -1  # end of a mark of two characters (''): the tokens it takes in
    merged = False
    split = TOKEN_RUN_SPLITTER.split
    pos = 0
    i = 0
    spans = list(quote_spans)
    spans.append((len(text), -1))
    last = len(spans) - 1
    for number in range(len(spans)):
        qstart, qend = spans[number]
        if qstart < pos:
            continue
        # before a token, the token, before the next one, ...; None where a match ran short
        parts: list[str | None] = split(text[pos:qstart])
        for j in range(1, len(parts), 2):
            found = parts[j]
            if found is None:
                break
            before = parts[j - 1]
            if before is not None:
                pos += len(before)
            start = pos
            pos += len(found)
            if start < inside_mark:
                continue
            entry = seen.get(found)
            if entry is None:
                entry = _entry(found, seen, index)
            word, kind, low, places, capital = entry
            end = pos
            if start >= next_mark:
                while next_mark < start:
                    m += 1
                    next_mark = mark_starts[m]
                if next_mark == start and kind == "punct":
                    kind = "mark"
                    if mark_ends[start] > end:  # a mark of two characters
                        end = inside_mark = mark_ends[start]
                        word = text[start:end]
                        low = word.lower()
                        places = index.setdefault(low, [])
                        merged = True
            words.append(word)
            starts.append(start)
            ends.append(end)
            kinds.append(kind)
            lows.append(low)
            places.append(i)
            if capital:
                capitalised.append(i)
            elif kind == "para":
                breaks.append(i)
            i += 1
        if number == last:
            break
        inside_mark = -1  # a mark takes in no token past a quote
        label = "<quote.>" if text[qstart:qend].rstrip().endswith(_QUOTE_ENDS) else "<quote>"
        quote_at.append((i, number))
        words.append(label)
        starts.append(qstart)
        ends.append(qend)
        kinds.append("quote")
        lows.append(label)
        index.setdefault(label, []).append(i)
        i += 1
        pos = qend
    quotes = [-1] * i
    for k, number in quote_at:
        quotes[k] = number
    if merged:  # a low whose only tokens went into a mark has none left
        index = {}
        for k in range(i):
            index.setdefault(lows[k], []).append(k)
    tokens: list[Token] = list(
        map(_new, repeat(Token), zip(starts, ends, words, kinds, quotes, lows, strict=True))
    )
    return Scanned(tokens, index, capitalised, breaks)


def _entry(word: str, seen: dict[str, _Entry], index: dict[str, list[int]]) -> _Entry:
    """Record what the distinct ``word`` is, on its first token.

    A word that is not its own lower case records its lower case first, as a
    word of its own: the two share one str and one index entry ("said" after
    "Said" finds the record "Said" made).
    """
    capital = False
    if word[0] == "\n":
        kind = "para"
    elif len(word) > 1 or word.isalnum():
        kind = "word"
        capital = word[0].isupper()
    else:
        kind = "punct"
    low = word.lower()
    if low == word:
        low = word
        places = index.get(low)
        if places is None:
            places = index[low] = []
    else:
        known = seen.get(low)
        if known is None:
            known = _entry(low, seen, index)
        low = known[0]
        # known[2] is not low for a lower case that is not its own lower case
        places = known[3] if known[2] is low else index.setdefault(low, [])
    entry = seen[word] = (word, kind, low, places, capital)
    return entry
