"""The whole-text token index, built in one pass over the tokens.

:func:`scan_tokens` returns what :func:`quoteattr.text.tokens.tokenize`
returns (the same tokens, the same index of lower-case token texts, the same
list of capitalised words) in one loop over the tokens. No token but a
paragraph break holds a blank, so each line is split at its spaces by
``str.split``; a piece of letters and digits is one word (most pieces are),
a word with a mark before or after it is two tokens, and only the rest is read
character by character (``U.S.``, a no-break space) or, where that could
differ from the regular expression ("_" or a combining mark in a word), by
``re.split`` with :data:`TOKEN_RUN_SPLITTER`. Each *distinct* word is looked at once (its lower
case, its kind, whether it is capitalised) and each token costs one dictionary
look-up. Each token is built where it is read, by ``tuple.__new__`` (the
named tuple's own ``__new__`` is Python code), with no columns to zip.

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
from typing import Any, Final, NamedTuple, cast

from quoteattr.text.tokens import TOKEN_RUN_SPLITTER, Token

__all__ = ["Scanned", "scan_tokens"]

_new = tuple.__new__  # builds a Token from a tuple of its fields, in C
_QUOTE_ENDS = (".", "!", "?", "…")
# Marks that are a token of their own beside a word ("said." "(AP" "Jones'"):
# none is a letter, digit, "_", combining mark or blank, which would join the word.
_ALONE: Final = frozenset(".,;:!?'\"()[]{}‘’“”«»…—–-/%$&*")
_JOINS: Final = frozenset("'’-&")  # join two runs of letters into one word
# The capitals that open a dotted abbreviation (tokens.py: "U.S.", "D.C.")
_CAPITAL_BEFORE_DOT: Final = "".join(map(chr, [*range(65, 91), *range(0xC0, 0xDF)]))
_LINE_BLANKS: Final = " \t\r\u00a0"  # the blanks of a blank line (PARAGRAPH_BREAK's)

# What a distinct word is: itself (one str for all its tokens), its kind, its
# lower case (one str too) and whether it is a capitalised word (_CAPITAL) or a
# paragraph break (_BREAK), 0 else.
_Word = tuple[str, str, str, int]
_CAPITAL: Final = 1
_BREAK: Final = 2
_WORDS: Final[dict[str, _Word]] = {}
"""The words already read, shared by documents: most words of a text ("the", "said")
were in the texts before it. Cleared when it holds :data:`_MAX_WORDS`."""
_MAX_WORDS: Final = 50_000


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
    tokens: list[Token] = []
    new = _new
    token_type = Token
    capitalised: list[int] = []
    breaks: list[int] = []
    index: dict[str, list[int]] = {}
    words = _WORDS
    mark_ends = dict(marks)
    mark_starts = sorted(mark_ends)
    mark_starts.append(len(text) + 1)  # past every token
    next_mark = mark_starts[0]
    m = 0
    inside_mark = -1  # end of a mark of two characters (''): the tokens it takes in
    merged = False
    no_quote: object = -1  # compiled: boxed once, not for every token
    found: list[str] = []  # the tokens of a stretch between quotes
    at: list[int] = []  # and their offsets
    # the same offsets as objects: compiled, an ``int`` read from ``at`` is boxed anew
    # for its token, where the object in the list can go in as it is
    boxed: list[object] = cast("list[object]", at)
    pos = 0
    i = 0
    spans = list(quote_spans)
    spans.append((len(text), -1))
    last = len(spans) - 1
    for number in range(len(spans)):
        qstart, qend = spans[number]
        if qstart < pos:
            continue
        found.clear()
        at.clear()
        _segment_tokens(text, pos, qstart, found, at)
        for word, start, here in zip(found, at, boxed):  # noqa: B905 (compiled: no strict=, an indexed loop)
            if start < inside_mark:
                continue
            entry = words.get(word)
            if entry is None:
                entry = _word(word, words)
            word, kind, low, flag = entry
            places = index.get(low)
            if places is None:
                places = index[low] = []
            end = start + len(word)
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
            tokens.append(new(token_type, (here, end, word, kind, no_quote, low)))
            place: Any = i  # boxed once for the lists below (compiled)
            places.append(place)
            if flag == _CAPITAL:
                capitalised.append(place)
            elif flag:
                breaks.append(place)
            i += 1
        if number == last:
            break
        inside_mark = -1  # a mark takes in no token past a quote
        label = "<quote.>" if text[qstart:qend].rstrip().endswith(_QUOTE_ENDS) else "<quote>"
        tokens.append(new(token_type, (qstart, qend, label, "quote", number, label)))
        index.setdefault(label, []).append(i)
        i += 1
        pos = qend
    if merged:  # a low whose only tokens went into a mark has none left
        index = {}
        for k in range(i):
            index.setdefault(tokens[k].low, []).append(k)
    return Scanned(tokens, index, capitalised, breaks)


def _word(word: str, words: dict[str, _Word]) -> _Word:
    """Record what the distinct ``word`` is, on its first token.

    A word that is not its own lower case records its lower case first, as a
    word of its own: the two share one str ("said" after "Said" finds the
    record "Said" made), and so one index entry.
    """
    flag = 0
    first = ord(word[0])
    if first == 10:  # a line break
        kind = "para"
        flag = _BREAK
    elif len(word) > 1 or word.isalnum():
        kind = "word"
        # an ASCII capital without a method call
        if (65 <= first <= 90) if first < 128 else word[0].isupper():
            flag = _CAPITAL
    else:
        kind = "punct"
    low = word.lower()
    if low == word:
        low = word
    else:
        known = words.get(low)
        if known is None:
            known = _word(low, words)
        low = known[0]
    if len(words) >= _MAX_WORDS:
        words.clear()
    entry = words[word] = (word, kind, low, flag)
    return entry


def _segment_tokens(text: str, start: int, end: int, found: list[str], at: list[int]) -> None:
    """Append the tokens of ``text[start:end]`` to ``found`` and their offsets to ``at``.

    No token but a paragraph break holds a blank, so each line splits at its
    spaces into pieces that tokenise alone. Most pieces are one word (all
    letters and digits) or a word and a punctuation mark; the rest go through
    :func:`_piece_tokens`.
    """
    pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        if line_end < 0:
            line_end = end
        p = pos
        for piece in text[pos:line_end].split(" "):
            size = len(piece)
            if size == 0:
                p += 1
                continue
            if piece.isalnum():
                found.append(piece)
                at.append(p)
            elif size > 1 and piece[-1] in _ALONE and (head := piece[:-1]).isalnum():
                found.append(head)
                at.append(p)
                found.append(piece[-1])
                at.append(p + size - 1)
            elif size > 1 and piece[0] in _ALONE and (rest := piece[1:]).isalnum():
                found.append(piece[0])
                at.append(p)
                found.append(rest)
                at.append(p + 1)
            else:
                _piece_tokens(piece, p, found, at)
            p += size + 1
        if line_end == end:
            break
        pos = _paragraph_end(text, line_end, end)
        found.append(text[line_end:pos])
        at.append(line_end)


def _paragraph_end(text: str, start: int, end: int) -> int:
    """The end of the ``para`` token at the line break ``text[start]``, before ``end``.

    What :data:`~quoteattr.text.tokens.PARAGRAPH_BREAK` matches there: the
    break alone, or a blank line and the blanks and line breaks after it.
    """
    k = start + 1
    while k < end and text[k] in _LINE_BLANKS:
        k += 1
    if k == end or text[k] != "\n":
        return start + 1
    k += 1
    while k < end and text[k].isspace():  # what the pattern's \s matches
        k += 1
    return k


def _piece_tokens(piece: str, start: int, found: list[str], at: list[int]) -> None:
    """Append the tokens of ``piece``, a stretch of text without a line break or space.

    Words, dotted abbreviations ("U.S.") and marks are read off one character
    at a time, and other blanks (a no-break space) are passed over; a piece
    where that reading could differ from the regular expression's ("_" or a
    combining mark, which join a word) goes through :data:`TOKEN_RUN_SPLITTER`
    instead.
    """
    first = len(found)
    size = len(piece)
    k = 0
    while k < size:
        c = piece[k]
        if (  # two or more capitals, each with its full stop: "U.S.", "D.C."
            k + 3 < size
            and piece[k + 1] == "."
            and piece[k + 3] == "."
            and _CAPITAL_BEFORE_DOT.find(c) >= 0
            and _CAPITAL_BEFORE_DOT.find(piece[k + 2]) >= 0
        ):
            e = k + 4
            while e + 1 < size and piece[e + 1] == "." and _CAPITAL_BEFORE_DOT.find(piece[e]) >= 0:
                e += 2
            found.append(piece[k:e])
            at.append(start + k)
            k = e
            continue
        if c.isalnum():
            e = k + 1
            while e < size and piece[e].isalnum():
                e += 1
            # joined by an apostrophe, hyphen or ampersand: "Russia's", "al-Assad", "AT&T"
            while e + 1 < size and piece[e] in _JOINS and piece[e + 1].isalnum():
                e += 2
                while e < size and piece[e].isalnum():
                    e += 1
            found.append(piece[k:e])
            at.append(start + k)
            k = e
            continue
        if c not in _ALONE:
            if c.isspace():  # a blank between two tokens
                k += 1
                continue
            if c == "_" or "\u0300" <= c <= "\u036f":
                break
        found.append(c)
        at.append(start + k)
        k += 1
    else:
        return
    del found[first:]
    del at[first:]
    # before a token, the token, before the next one, ...; None where a match ran short
    parts: list[str | None] = TOKEN_RUN_SPLITTER.split(piece)
    pos = start
    for j in range(1, len(parts), 2):
        token = parts[j]
        if token is None:
            break
        before = parts[j - 1]
        if before is not None:
            pos += len(before)
        found.append(token)
        at.append(pos)
        pos += len(token)
