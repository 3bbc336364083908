"""Fold quote text and speaker names to the form they are compared in.

Outlets print the same words differently: curly or straight marks, a comma or a
full stop, capitals, diacritics, British or American spelling, contractions.
:func:`normalize_quote` turns a quote into word tokens that ignore all of that
and remembers, for each token, where it was printed. An ellipsis (``...``,
``…``, ``[...]``) or a bracketed editorial insertion (``[the] government``)
becomes a *gap*: a place where the outlet says it dropped or replaced words,
which :mod:`quoteattr.matching.clusters` does not count as a difference.

Example:
    >>> normalize_text("It’s the Organisation's “colour” ... [sic]")
    'it is the organization color'
    >>> normalize_quote("We heard ... nothing new").gaps
    (2,)
    >>> fold_name("Mevlüt Çavuşoğlu")
    'mevlut cavusoglu'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file

__all__ = [
    "FoldingWords",
    "NormalizedQuote",
    "fold",
    "fold_name",
    "fold_tokens",
    "fold_words",
    "function_words",
    "normalize_quote",
    "normalize_text",
    "spelling_variants",
]

# One regex pass. Alternatives, tried in order, each matching in linear time:
#   an ellipsis (three dots, spaced or not, or the ellipsis character, maybe in
#   brackets), a bracketed insertion (editorial words in square brackets), a word
#   (letters and digits, joined by inner apostrophes, or by a dot or comma between
#   digits: "1,000", "3.5").
_WORD = (
    r"[\p{L}\p{N}\p{M}]++"
    r"(?:(?:['’ʼ`´]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]++)*+"
)
_PIECE = regex.compile(
    r"(?P<gap>\[\s*+(?:…|\.(?:\s*+\.){2,}+)\s*+\]|\.(?:\s*+\.){2,}+|…)"
    r"|(?P<bracket>\[[^\[\]\n]{0,80}\])"
    rf"|(?P<word>{_WORD})"
)
_WORD_RE = regex.compile(_WORD)
# Marks that read the same as an ASCII character, for the fast path: curly
# apostrophes and quotation marks, dashes, a no-break space.
_ASCII_MARKS = str.maketrans({
    "\N{RIGHT SINGLE QUOTATION MARK}": "'",
    "\N{LEFT SINGLE QUOTATION MARK}": '"',
    "\N{LEFT DOUBLE QUOTATION MARK}": '"',
    "\N{RIGHT DOUBLE QUOTATION MARK}": '"',
    "\N{EM DASH}": "-",
    "\N{EN DASH}": "-",
    "\N{NO-BREAK SPACE}": " ",
})
_DIGIT_COMMA = re.compile(r"[0-9],[0-9]")
_LETTERS = regex.compile(r"[\p{L}\p{N}]+")
# The same words in ASCII text without gaps, for a faster path (stdlib re).
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:(?:['`]|(?<=[0-9])[.,](?=[0-9]))[a-z0-9]+)*")
_APOSTROPHES = regex.compile(r"['’ʼ`´]")

# Letters that Unicode decomposition does not take apart, written by name.
_LETTER_FOLDS = {
    "\N{LATIN SMALL LETTER DOTLESS I}": "i",
    "\N{LATIN SMALL LETTER O WITH STROKE}": "o",
    "\N{LATIN SMALL LETTER L WITH STROKE}": "l",
    "\N{LATIN SMALL LETTER D WITH STROKE}": "d",
    "\N{LATIN SMALL LETTER ETH}": "d",
    "\N{LATIN SMALL LETTER THORN}": "th",
    "\N{LATIN SMALL LETTER AE}": "ae",
    "\N{LATIN SMALL LIGATURE OE}": "oe",
    "\N{LATIN SMALL LETTER SHARP S}": "ss",
}
_FOLD_TABLE = str.maketrans(_LETTER_FOLDS)



@word_file("folding.json")
class FoldingWords(WordLists):
    """Contractions spelled out, so that "won't" and "will not" compare equal (``folding.json``)."""

    negative_heads: dict[str, str] = Field(default_factory=dict)
    split_words: dict[str, str] = Field(default_factory=dict)
    clitics: dict[str, str] = Field(default_factory=dict)
    is_heads: Words = frozenset()


@dataclass(frozen=True)
class _Folding:
    negative_heads: dict[str, str]
    split_words: dict[str, tuple[str, ...]]
    clitics: dict[str, str]
    is_heads: frozenset[str]


@lru_cache(maxsize=1)
def _folding() -> _Folding:
    words = load_word_lists(FoldingWords, "en") or FoldingWords()
    return _Folding(dict(words.negative_heads),
                    {k: tuple(v.split()) for k, v in words.split_words.items()},
                    dict(words.clitics), words.is_heads)


class _SpellingFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str
    language: str
    words: dict[str, str]
    ise_endings: tuple[str, ...] = ()
    our_endings: tuple[str, ...] = ()
    ise_stems: tuple[str, ...] = ()
    our_stems: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> _SpellingFile:
        problems = [
            f"{key!r} -> {value!r}: the folded form is itself a key"
            for key, value in self.words.items()
            if value in self.words
        ]
        problems += [
            f"{word!r} is not lower case" for word in (*self.words, *self.words.values())
            if word != word.lower()
        ]
        problems += [f"ise_endings: {e!r} has no 'is'" for e in self.ise_endings if "is" not in e]
        problems += [f"our_endings: {e!r} has no 'our'" for e in self.our_endings if "our" not in e]
        if problems:
            raise ValueError("; ".join(problems))
        return self


class _WordListFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str
    language: str
    words: tuple[str, ...] = Field(min_length=1)


def _load_json(name: str) -> object:
    path = resources.files("quoteattr") / "data" / "en" / name
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def spelling_variants() -> dict[str, str]:
    """Return the British-to-American spelling folds from ``data/spelling_variants.json``.

    Returns:
        A mapping from each British form to the form it is compared as.

    Raises:
        ValueError: The data file is invalid; the message lists every problem.

    Example:
        >>> spelling_variants()["defence"], spelling_variants()["organisations"]
        ('defense', 'organizations')
    """
    try:
        data = _SpellingFile.model_validate(_load_json("spelling_variants.json"))
    except ValidationError as exc:
        raise ValueError(f"quoteattr/data/spelling_variants.json is invalid:\n{exc}") from exc
    folds = dict(data.words)
    for stem in data.ise_stems:
        for ending in data.ise_endings:
            folds[stem + ending] = stem + ending.replace("is", "iz", 1)
    for stem in data.our_stems:
        for ending in data.our_endings:
            folds[stem + ending] = stem + ending.replace("our", "or", 1)
    return folds


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Return the function words of ``data/function_words.json`` ("of", "the", "we").

    Example:
        >>> "the" in function_words(), "nothing" in function_words()
        (True, False)
    """
    try:
        data = _WordListFile.model_validate(_load_json("function_words.json"))
    except ValidationError as exc:
        raise ValueError(f"quoteattr/data/function_words.json is invalid:\n{exc}") from exc
    return frozenset(data.words)


def _fold(text: str) -> str:
    """Lower-case and strip diacritics: ``Çavuşoğlu`` -> ``cavusoglu``."""
    if text.isascii():
        return text.lower()
    for _ in range(4):  # casefold and decomposition can each expose more to fold
        decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_TABLE))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        if folded == text:
            break
        text = folded
    return text


def _word_tokens(word: str, folds: dict[str, str]) -> list[str]:
    """Fold one printed word to zero or more comparison tokens."""
    folded = _fold(word)
    split = _folding().split_words
    if folded in split:
        return list(split[folded])
    if folded.isalpha():
        return [folds.get(folded, folded)]
    tokens: list[str] = []
    for piece in _WORD_RE.findall(folded):  # folding may split a word: "½" -> "1⁄2"
        tokens.extend(_piece_tokens(piece, folds))
    return tokens


def _piece_tokens(folded: str, folds: dict[str, str]) -> list[str]:
    """Spell out the contraction or number in one folded word."""
    if any(c.isdigit() for c in folded):
        folded = folded.replace(",", "")
    parts = _APOSTROPHES.split(folded)
    if len(parts) == 1:
        return [folds.get(folded, folded)]
    head, *rest = parts
    tail = rest[-1]
    tables = _folding()
    if len(rest) == 1 and tail == "t" and head.endswith("n"):
        stem = tables.negative_heads.get(head, head[:-1])
        return [folds.get(stem, stem), "not"] if stem else ["not"]
    if len(rest) == 1 and tail in tables.clitics:
        return [folds.get(head, head), tables.clitics[tail]]
    if len(rest) == 1 and tail == "s":
        if head in tables.is_heads:
            return [head, "is"]
        return [folds.get(head, head)]  # possessive: "Russia's" -> "russia"
    joined = "".join(parts)  # O'Brien, rock'n'roll
    return [folds.get(joined, joined)]


@dataclass(frozen=True)
class NormalizedQuote:
    """A quote folded for comparison.

    Attributes:
        tokens: The folded words, in order.
        spans: For each token, the ``(start, end)`` of the printed word it came
            from, as indices into the text given to :func:`normalize_quote`.
        gaps: Token positions where the outlet marked words as dropped or
            replaced (an ellipsis or a bracketed insertion): position ``i``
            means "between token ``i - 1`` and token ``i``".
    """

    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    gaps: tuple[int, ...]

    @property
    def text(self) -> str:
        """The tokens joined by single spaces."""
        return " ".join(self.tokens)


def normalize_quote(text: str) -> NormalizedQuote:
    """Fold a quote to comparison tokens, keeping where each was printed.

    Case, punctuation, white space, quotation marks, diacritics, contractions
    and British spelling are folded away; ellipses and bracketed insertions
    become gaps.

    Args:
        text: The quote as printed.

    Returns:
        The folded tokens, their character spans in ``text``, and the gaps.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> q = normalize_quote("The incident on the 24th ... should not")
        >>> q.tokens, q.gaps
        (('the', 'incident', 'on', 'the', '24th', 'should', 'not'), (5,))
        >>> normalize_quote("[The] government won't").tokens
        ('government', 'will', 'not')
    """
    if not isinstance(text, str):
        hint = " (decode bytes first)" if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"normalize_quote() expects str, got {type(text).__name__}{hint}")
    spans: list[tuple[int, int]] = []
    tokens, gaps = _scan(text, spans)
    return NormalizedQuote(tuple(tokens), tuple(spans), tuple(gaps))


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Fold case and diacritics: ``fold("Çavuşoğlu") == "cavusoglu"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_tokens(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return the tokens and gaps of :func:`normalize_quote`, faster, without spans.

    Example:
        >>> fold_tokens("Colour ... it's")
        (('color', 'it', 'is'), (1,))
    """
    plain = text.translate(_ASCII_MARKS)
    if plain.isascii() and "[" not in plain and ".." not in plain and ". ." not in plain:
        folds = spelling_variants()
        lowered = plain.lower()
        words = _ASCII_WORD.findall(lowered)
        split = _folding().split_words
        if "'" not in lowered and "`" not in lowered and not _DIGIT_COMMA.search(lowered) and (
            split.keys().isdisjoint(words)
        ):
            return tuple([folds.get(word, word) for word in words]), ()
        found: list[str] = []
        for word in words:
            if word in split:
                found.extend(split[word])
            elif word.isalpha():
                found.append(folds.get(word, word))
            else:
                found.extend(_word_tokens(word, folds))
        return tuple(found), ()
    tokens, gaps = _scan(text, None)
    return tuple(tokens), tuple(gaps)


def _scan(text: str, spans: list[tuple[int, int]] | None) -> tuple[list[str], list[int]]:
    """The one pass behind :func:`normalize_quote` and :func:`fold_tokens`."""
    folds = spelling_variants()
    tokens: list[str] = []
    gaps: list[int] = []
    for match in _PIECE.finditer(text):
        word = match[3]
        if word is None:  # an ellipsis or a bracketed insertion
            if not gaps or gaps[-1] != len(tokens):
                gaps.append(len(tokens))
            continue
        if word.isascii() and word.isalpha() and word.lower() not in _folding().split_words:
            word = word.lower()
            tokens.append(folds.get(word, word))
            if spans is not None:
                spans.append(match.span())
            continue
        found = _word_tokens(word, folds)
        tokens.extend(found)
        if spans is not None:
            spans.extend([match.span()] * len(found))
    return tokens, gaps


def normalize_text(text: str) -> str:
    """Return the folded tokens of ``text`` joined by single spaces.

    Idempotent: ``normalize_text(normalize_text(t)) == normalize_text(t)``.

    Example:
        >>> normalize_text("We heard NOTHING new,” he said — 1,000 times.")
        'we heard nothing new he said 1000 times'
    """
    return normalize_quote(text).text


def fold_words(text: str) -> list[str]:
    """Case- and diacritic-fold the words of ``text``, spelling left as printed.

    Example:
        >>> fold_words("«Çolour»,")
        ['colour']
    """
    words: list[str] = _LETTERS.findall(_fold(text))
    return words


@lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """Fold a speaker name for comparison across documents.

    Case and diacritics are dropped, hyphens and dots become spaces.

    Example:
        >>> fold_name("Frank-Walter Steinmeier")
        'frank walter steinmeier'
    """
    return " ".join(fold_words(name))
