"""Words, paragraphs and sentences of the prose around quotes.

The attribution stage works on a flat list of tokens with character offsets
into the original text. Quoted words are replaced by one ``QUOTE`` token each
so that rules see ``"…," Lavrov said`` as ``QUOTE , Lavrov said``. Every
regular expression here matches in linear time.

Example:
    >>> toks = tokenize('"We met," Lavrov said.', [(1, 8)])
    >>> [t.text for t in toks]
    ['"', '<quote>', '"', 'Lavrov', 'said', '.']
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Mapping, Sequence
from typing import Any, NamedTuple

from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file

__all__ = [
    "PARAGRAPH_BREAK",
    "TOKEN_PATTERN",
    "TOKEN_RUN_SPLITTER",
    "TOKEN_SPLITTER",
    "Abbreviations",
    "Token",
    "abbreviations",
    "index_tokens",
    "indexed_among",
    "paragraph_ids",
    "sentence_ids",
    "sentence_ids_and_starts",
    "sentence_openers",
    "tokenize",
]

# A word: letters/digits joined by apostrophes, hyphens or ampersands
# ("Russia's", "al-Assad", "AT&T"), or a dotted abbreviation ("U.S.", "D.C.").
# Every repeated group starts with a character its neighbour cannot match, so the
# match is linear. The standard library's re is twice as fast as regex here.
_WORD_CHAR = "[\\w\u0300-\u036f]"  # letters, digits, combining marks (and "_")
# Group 1 is a word, group 2 a paragraph break, group 3 a punctuation mark.
# Python 3.11+ reads possessive quantifiers ("++"), which match the same here
# (nothing is ever given back) and save the engine its backtracking records.
_PLUS = "++" if sys.version_info >= (3, 11) else "+"
# The leading look-ahead (a non-blank character or a line break) lets the engine skip
# blanks without trying every branch.
_ALTERNATIVES = (
    rf"(?:[A-Z\u00c0-\u00de]\.){{2,}}|{_WORD_CHAR}{_PLUS}(?:['’\-&]{_WORD_CHAR}{_PLUS})*",
    r"\n[ \t\r\u00a0]*\n\s*|\n",
    r"[^\s\w]|_",
)
_TOKEN = re.compile(r"(?=[\S\n])(?:(" + ")|(".join(_ALTERNATIVES) + "))")

TOKEN_PATTERN = _TOKEN
"""The tokens' regular expression: group 1 a word, 2 a paragraph break, 3 a mark."""

TOKEN_SPLITTER = re.compile(r"(?=[\S\n])(" + "|".join(_ALTERNATIVES) + ")")
"""The same tokens as one group, for ``re.split``: text between tokens, then a token, ..."""

# The same tokens again, each alternative opening with the class of its first
# character, so that the engine tries only the one that can match there.
# No possessive quantifiers here: CPython 3.11.2 (Debian 12's) matches possessive
# groups wrongly and splits news text differently from later releases; the plain
# form splits alike on every version (checked on 3.10.13, 3.11.2, 3.11.7, 3.12.1, 3.13.0).
_CAP = "[A-Z\u00c0-\u00de]"
_PARAGRAPH = r"\n(?:[ \t\r\u00a0]*\n\s*)?"
_RUN_TOKEN = (
    rf"({_CAP}\.(?:{_CAP}\.)+|{_WORD_CHAR}{_WORD_CHAR}*(?:['’\-&]{_WORD_CHAR}+)*"
    rf"|{_PARAGRAPH}|[^\s\w]|_)"
)
_RUN_LENGTH = 4

TOKEN_RUN_SPLITTER = re.compile(
    r"(?=[\S\n])" + _RUN_TOKEN + (rf"(?:([^\S\n]*){_RUN_TOKEN})?") * (_RUN_LENGTH - 1)
)
"""The tokens of :data:`TOKEN_SPLITTER`, up to four a match, for ``re.split``.

Split gives the text before the first token, the token, the blanks before the
next one, that token, ...; a match of fewer than four tokens gives ``None``
for the blanks and tokens it lacks. A match costs the engine about as much as
a token, so a run of tokens a match splits the text faster.
"""

PARAGRAPH_BREAK = re.compile(_PARAGRAPH)
"""A ``para`` token at a line break: the break alone, or a blank line and the space after it."""

_SENTENCE_END = frozenset(".!?")


class Token(NamedTuple):
    """One token of the text.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        text: The characters as printed; for a quoted span ``<quote.>`` when
            the quoted words end a sentence, ``<quote>`` otherwise.
        kind: ``word``, ``punct``, ``quote`` (a quoted span), ``mark`` (a
            quotation mark) or ``para`` (a paragraph break).
        quote: For ``quote`` tokens, the index of the quote span.
        low: The text in lower case, computed once for the rules.
    """

    start: int
    end: int
    text: str
    kind: str
    quote: int = -1
    low: str = ""


def tokenize(
    text: str,
    quote_spans: Sequence[tuple[int, int]],
    marks: Sequence[tuple[int, int]] = (),
    *,
    index: dict[str, list[int]] | None = None,
    capitalised: list[int] | None = None,
) -> list[Token]:
    """Split ``text`` into tokens, each quoted span becoming one ``quote`` token.

    Args:
        text: The original text.
        quote_spans: ``(start, end)`` of each top-level quote, in text order and
            not overlapping.
        marks: ``(start, end)`` of quotation marks, which become ``mark`` tokens.
        index: An empty dict to fill, on the way, with what
            :func:`index_tokens` returns for the tokens.
        capitalised: An empty list to fill with the indices of the words
            that start with a capital letter.

    Returns:
        Tokens in text order.
    """
    tokens: list[Token] = []
    by_low: dict[str, list[int]] = {} if index is None else index
    caps: list[int] = [] if capitalised is None else capitalised
    mark_starts = dict(marks)
    seen: dict[str, tuple[str, str, list[int]]] = {}  # one string per distinct word
    pos = 0
    for number, (qstart, qend) in enumerate(quote_spans):
        if qstart < pos:
            continue
        _words(text, pos, qstart, mark_starts, tokens, by_low, caps, seen)
        inner = text[qstart:qend].rstrip()
        label = "<quote.>" if inner.endswith((".", "!", "?", "…")) else "<quote>"
        by_low.setdefault(label, []).append(len(tokens))
        tokens.append(Token(qstart, qend, label, "quote", number, label))
        pos = qend
    _words(text, pos, len(text), mark_starts, tokens, by_low, caps, seen)
    return tokens


def _words(
    text: str,
    start: int,
    end: int,
    mark_starts: dict[int, int],
    out: list[Token],
    index: dict[str, list[int]],
    capitalised: list[int],
    seen: dict[str, tuple[str, str, list[int]]],
) -> None:
    # A word that recurs ("the", "said", a name) shares one str, one lower-case
    # str and its index entry with its earlier tokens: memory per token is the
    # tuple and its offsets, not two new strings (issue 15).
    append = out.append
    get = index.get
    known = seen.get
    new = tuple.__new__  # builds the named tuple without its Python-level __new__
    i = len(out)
    inside_mark = -1  # end of a mark of two characters ('')
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        if s < inside_mark:
            continue
        word = text[s:e]
        group = m.lastindex
        if group == 1:
            if e - s > 1 or word.isalnum():
                kind = "word"
                if word[0].isupper():
                    capitalised.append(i)
            else:
                kind = "punct"
        elif group == 3:
            if s in mark_starts:
                kind = "mark"
                e = inside_mark = max(e, mark_starts[s])
                word = text[s:e]
            else:
                kind = "punct"
        else:
            kind = "para"
        entry = known(word)
        if entry is None:
            low = word.lower()
            if low == word:
                low = word
            found = get(low)
            if found is None:
                found = index[low] = []
            entry = seen[word] = (word, low, found)
        word, low, found = entry
        append(new(Token, (s, e, word, kind, -1, low)))
        found.append(i)
        i += 1


def index_tokens(tokens: Sequence[Token]) -> dict[str, list[int]]:
    """Map each lower-case token text to the indices of its tokens, in order.

    One pass that later look-ups share instead of scanning the tokens again.

    Example:
        >>> index_tokens(tokenize("He said, he said.", []))["he"]
        [0, 3]
    """
    index: dict[str, list[int]] = {}
    get = index.get
    for i, tok in enumerate(tokens):
        found = get(tok.low)
        if found is None:
            index[tok.low] = [i]
        else:
            found.append(i)
    return index


def indexed_among(index: Mapping[str, list[int]], words: Collection[str]) -> list[str]:
    """The keys of a token index that are among ``words``, looking through the smaller.

    ``index.keys() & words`` would walk all of ``words`` (a lexicon's hundreds
    of cue forms) for every document, however short.

    Example:
        >>> indexed_among({"he": [0], "said": [1]}, frozenset({"said", "told"}))
        ['said']
    """
    found: list[str] = []
    if len(index) <= len(words):  # in the index's order
        for key in index:
            if key in words:
                found.append(key)
    else:
        for key in words:
            if key in index:
                found.append(key)
    return found


def _indexed_among_filtered(index: Mapping[str, list[int]], words: Collection[str]) -> list[str]:
    """:func:`indexed_among` filtered in C: faster as Python, where a loop is bytecode."""
    if len(index) <= len(words):
        return list(filter(words.__contains__, index))
    return list(filter(index.__contains__, words))


def paragraph_ids(tokens: Sequence[Token], *, breaks: Sequence[int] | None = None) -> list[int]:
    """Number the paragraph of each token: a ``para`` token starts a new one.

    A single newline counts as a paragraph break, as in most extracted news text.
    ``breaks``, the indices of the ``para`` tokens, saves a pass when known.
    """
    if breaks is None:
        breaks = [i for i, tok in enumerate(tokens) if tok.kind == "para"]
    stops: list[int] = breaks if isinstance(breaks, list) else list(breaks)
    ids, _ = _number(len(tokens), stops)
    return ids


def _number(n: int, stops: list[int]) -> tuple[list[int], list[int]]:
    """Number ``n`` tokens, starting a new number at each of the sorted ``stops``.

    Every stop counts, even one that starts no token (a stop repeated, or at
    the end). Also returns the first token of each number that has tokens.

    The compiled build fills one list in place, a loop it runs as C; the Python
    build runs :func:`_number_by_runs` (below), which builds a list per run in C.
    """
    size = n
    for stop in stops:  # a stop past the end numbers tokens up to it (as _number_by_runs)
        if stop > size:
            size = stop
    ids = [0] * size
    starts = [0]
    current = 0
    done = 0
    for stop in stops:
        if stop > done:
            value: Any = current  # boxed once for its run of tokens
            for k in range(done, stop):
                ids[k] = value
            done = stop
            if stop < n:
                starts.append(stop)
        current += 1
    last: Any = current
    for k in range(done, n):
        ids[k] = last
    return ids, starts


def _number_by_runs(n: int, stops: list[int]) -> tuple[list[int], list[int]]:
    """:func:`_number`, a list per run of one number: faster as Python."""
    ids: list[int] = []
    starts = [0]
    current = 0
    done = 0
    for stop in stops:
        if stop > done:
            ids += [current] * (stop - done)
            done = stop
            if stop < n:
                starts.append(stop)
        current += 1
    ids += [current] * (n - done)
    return ids, starts


def sentence_ids(tokens: Sequence[Token]) -> list[int]:
    """Number the sentence of each token.

    A sentence ends at a paragraph break, or at ``.``/``!``/``?`` followed by a
    capitalised word, a quotation mark or a quote. Abbreviations such as
    ``Sen.`` or ``U.S.`` before a name do not end a sentence when the period
    belongs to a one-to-four-letter capitalised word. A quote whose words end a
    sentence (``"… destroy Germany." He added``) ends it after its closing mark.
    """
    candidates = [
        i for i, tok in enumerate(tokens)
        if tok.kind == "para" or tok.text in _SENTENCE_END or tok.text == "<quote.>"
        or (tok.kind == "word" and tok.text.endswith("."))
    ]
    return sentence_ids_and_starts(tokens, candidates)[0]


def sentence_ids_and_starts(
    tokens: Sequence[Token],
    candidates: Sequence[int],
    *,
    known_abbreviations: frozenset[str] | None = None,
    openers: frozenset[str] | None = None,
) -> tuple[list[int], list[int]]:
    """:func:`sentence_ids`, and the first token of each sentence.

    Args:
        tokens: The tokens.
        candidates: In order, the indices of the tokens that may end a
            sentence: ``para`` tokens, ``.``, ``!``, ``?``, ``<quote.>`` and
            words printed with their full stop (``U.S.``).
        known_abbreviations: Words whose full stop ends no sentence
            (:func:`abbreviations`); English's by default.
        openers: Capitalised words that open a sentence even after an
            abbreviation (:func:`sentence_openers`); English's by default.
    """
    known = abbreviations() if known_abbreviations is None else known_abbreviations
    if openers is None:
        openers = sentence_openers()
    # lists, which the compiled build indexes without a generic call
    toks: list[Token] = tokens if isinstance(tokens, list) else list(tokens)
    cuts: list[int] = candidates if isinstance(candidates, list) else list(candidates)
    n = len(toks)
    stops: list[int] = []  # where a new sentence starts: one past a token ending one
    for i in cuts:
        tok = toks[i]
        kind = tok.kind
        if kind == "para":
            stops.append(i + 1)
        elif kind == "punct":
            if i + 1 >= n:
                continue
            nxt = toks[i + 1]
            next_kind = nxt.kind
            if next_kind == "punct" or (next_kind == "word" and not nxt.text[0].isupper()):
                continue
            if i > 0 and tok.text == ".":
                prev = toks[i - 1]
                if (
                    prev.kind == "word"
                    and prev.end == tok.start
                    and _is_abbreviation(prev.text, known)
                    and nxt.text not in openers
                ):
                    continue
            stops.append(i + 1)
        elif kind == "quote":
            if i + 2 < n and toks[i + 1].kind == "mark" and toks[i + 2].kind == "quote":
                stops.append(i + 1)  # "A. "B.": the next paragraph's mark, on one line
                continue
            k = i + 1 if i + 1 < n and toks[i + 1].kind == "mark" else i
            if k + 1 < n:
                nxt = toks[k + 1]
                if (nxt.kind == "word" and nxt.text[:1].isupper()) or (
                    nxt.kind == "mark" and k + 2 < n and toks[k + 2].kind == "quote"
                ):
                    stops.append(k + 1)
        elif (  # "… jobs in the U.S. He said": the full stop ends it too
            kind == "word"
            and i + 1 < n
            and toks[i + 1].text in openers
            and toks[i + 1].kind == "word"
        ):
            stops.append(i + 1)
    return _number(n, stops)


@word_file("abbreviations.json", as_written=("abbreviations", "sentence_openers"))
class Abbreviations(WordLists):
    """Words whose full stop does not end a sentence (``abbreviations.json``, case as written)."""

    abbreviations: Words
    sentence_openers: Words = frozenset()


def abbreviations(language: str = "en") -> frozenset[str]:
    """The abbreviations of ``language``; English's where the language has none.

    Example:
        >>> "Sen" in abbreviations("en")
        True
    """
    found = _abbreviation_lists(language)
    return found.abbreviations if found is not None else frozenset()


def sentence_openers(language: str = "en") -> frozenset[str]:
    """Capitalised words that open a sentence even after an abbreviation's full stop.

    Example:
        >>> "He" in sentence_openers("en")
        True
    """
    found = _abbreviation_lists(language)
    return found.sentence_openers if found is not None else frozenset()


def _abbreviation_lists(language: str) -> Abbreviations | None:
    found: Abbreviations | None = load_word_lists(Abbreviations, language)
    if found is None:
        found = load_word_lists(Abbreviations, "en")
    return found


if __file__.endswith(".py"):  # the Python build
    globals().update(_number=_number_by_runs, indexed_among=_indexed_among_filtered)


def _is_abbreviation(word: str, known: frozenset[str]) -> bool:
    return word in known or (len(word) == 1 and word.isupper())
