"""How alike two quotes are, 0-100, and a word diff a person can read.

Quotes are compared word by word after :mod:`quoteattr.text.normalize` has folded
case, punctuation, marks, diacritics, contractions and spelling. Each folded
word becomes one character of a *code* string, so that RapidFuzz's C++ edit
distances work on words rather than letters.

The whole-quote score is RapidFuzz's Indel similarity over words,
``200 * matched / (len(a) + len(b))``, except that words one quote has where
the other prints an ellipsis or a bracketed insertion are not counted: the
outlet said it left them out. The partial score compares the shorter quote with
every stretch of as many words of the longer one and keeps the best (a
fragment quoted on its own).

Example:
    >>> quote_similarity("We heard nothing new.", "“we heard NOTHING new”")
    100.0
    >>> round(quote_similarity("we heard nothing new", "perhaps there will be something new"), 1)
    20.0
    >>> quote_similarity("nothing new", "We met him, we heard nothing new", partial=True)
    100.0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zlib import crc32

from rapidfuzz import process
from rapidfuzz.distance import Indel, Levenshtein

from quoteattr.models import Quote
from quoteattr.text.normalize import fold_tokens, normalize_quote
from quoteattr.text.normalize import fold_words as _fold_words

__all__ = ["match_words", "once", "quote_similarity", "word_diff"]

_GAP = "…"
_MIN_KEPT_WORDS = 3
"""An ellipsis excuses dropped words only when at least this many words match,
and no more words than match."""
_FIRST_CODE = 0x100  # keep clear of ASCII, which some RapidFuzz paths special-case
_SURROGATES = range(0xD800, 0xE000)
_LAST_CODE = 0x10FFFF


class Codebook:
    """Gives every distinct folded word its own character.

    When more words than Unicode has characters are seen (over a million),
    further words share characters by hash: a rare false match, never an error.
    """

    __slots__ = ("_codes",)

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, tokens: Iterable[str]) -> str:
        """Return one character per token."""
        codes = self._codes
        out = []
        for token in tokens:
            char = codes.get(token)
            if char is None:
                char = codes[token] = self._new(token)
            out.append(char)
        return "".join(out)

    def _new(self, token: str) -> str:
        point = _FIRST_CODE + len(self._codes)
        if point >= _SURROGATES.start:
            point += len(_SURROGATES)
        if point > _LAST_CODE:
            span = _LAST_CODE - _FIRST_CODE - len(_SURROGATES)
            point = _FIRST_CODE + crc32(token.encode("utf-8")) % span
            if point >= _SURROGATES.start:
                point += len(_SURROGATES)
        return chr(point)


@dataclass(frozen=True, slots=True)
class PreparedText:
    """A quote folded, coded and ready to compare.

    Attributes:
        key: The folded words joined by spaces, ``…`` at each gap: two quotes
            with the same key are the same words.
        tokens: The folded words.
        gaps: Token positions where the outlet marks dropped words.
        code: One character per token (see :class:`Codebook`).
    """

    key: str
    tokens: tuple[str, ...]
    gaps: tuple[int, ...]
    code: str

    def segments(self) -> Iterable[str]:
        """Yield the code between gaps: stretches of words printed together."""
        start = 0
        for gap in (*self.gaps, len(self.code)):
            if gap > start:
                yield self.code[start:gap]
            start = gap


def text_key(tokens: Sequence[str], gaps: Sequence[int]) -> str:
    """Join folded words with spaces and mark each gap with ``…``."""
    if not gaps:
        return " ".join(tokens)
    words = list(tokens)
    for gap in reversed(gaps):
        words.insert(gap, _GAP)
    return " ".join(words)


def once(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A text that is one run of words said again and again, as that run said once.

    A chant or a repeated cry is printed once or as often as the outlet heard
    it ("Lock them up! Lock them up!", "USA! USA! USA!"): the words are the
    same utterance. Only a whole text made of repetitions is shortened.

    Example:
        >>> once(("no", "way", "no", "way")), once(("no", "no", "way"))
        (('no', 'way'), ('no', 'no', 'way'))
    """
    count = len(tokens)
    first = tokens[0] if tokens else ""
    for size in range(1, count // 2 + 1):
        if count % size == 0 and tokens[size] == first and (
                tokens[:size] * (count // size) == tokens):
            return tokens[:size]
    return tokens


def match_words(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The words and gaps matching compares: folded, and a repeated chant once.

    The words are :func:`~quoteattr.text.normalize.fold_tokens`'s; a text
    without gaps that repeats one run of words is that run (:func:`once`).

    Example:
        >>> match_words("Lock them up! Lock them up!")
        (('lock', 'them', 'up'), ())
    """
    tokens, gaps = fold_tokens(text)
    return (tokens if gaps else once(tokens)), gaps


def prepare(text: str, codebook: Codebook) -> PreparedText:
    """Fold and code one quote text (the words of :func:`match_words`)."""
    folded = normalize_quote(text)
    tokens = folded.tokens if folded.gaps else once(folded.tokens)
    return PreparedText(
        text_key(tokens, folded.gaps), tokens, folded.gaps, codebook.encode(tokens),
    )


MAX_FIXES = 1
"""Word-level repairs :func:`reconcile` makes per pair of quotes: a one-character
misprint ("recless" for "reckless"), an ending of one or two letters dropped
("extreme" for "extremely") or a compound split or joined ("carpetbomb" and
"carpet bomb")."""
_MIN_FIX_LENGTH = 4
"""Shorter words are not repaired: "sad" and "said" are two words, not a misprint."""
_MAX_FIX_CANDIDATES = 96
"""Pairs of unshared words compared for a misprint, at most (a fragment against a long quote)."""


def reconcile(a: PreparedText, b: PreparedText) -> tuple[PreparedText, PreparedText]:
    """Repair one word of ``b`` so that a misprint or a split compound reads as ``a``'s word.

    Of the words only one text has, the first pair (in sorted order, so the
    repair does not depend on which text comes first) that differs by one
    character or by an ending of one or two letters, or whose one word is the
    other's two neighbouring words written together, is made the same word.
    At most :data:`MAX_FIXES` repair per pair, words of at least four letters.

    Example:
        >>> book = Codebook()
        >>> a, b = prepare("utterly reckless", book), prepare("utterly recless", book)
        >>> whole_score(*reconcile(a, b))
        100.0
    """
    if a.key == b.key:
        return a, b
    only_a = set(a.tokens).difference(b.tokens)
    only_b = set(b.tokens).difference(a.tokens)
    if not only_a or not only_b:
        return a, b
    fixes: list[tuple[str, str, str]] = []  # (word, its replacement, which text changes)
    long_a = [x for x in only_a if len(x) >= _MIN_FIX_LENGTH]
    long_b = [y for y in only_b if len(y) >= _MIN_FIX_LENGTH]
    if len(long_a) * len(long_b) <= _MAX_FIX_CANDIDATES:
        for x in long_a:
            for y in long_b:
                # one edit leaves the first or the last letter of a long word in place
                if (abs(len(x) - len(y)) <= 1 and (x[0] == y[0] or x[-1] == y[-1]) and (
                        Levenshtein.distance(x, y, score_cutoff=1) <= 1)) or _ending(x, y):
                    fixes.append((min(x, y), max(x, y), "b" if x < y else "a"))
    fixes.extend((w, w, "b") for w in _compounds(b, only_a))
    fixes.extend((w, w, "a") for w in _compounds(a, only_b))
    if not fixes:
        return a, b
    first, second, side = min(fixes)
    if side == "a":  # a takes b's word
        b_fixed, a_fixed = _repair(b, a, first, second)
        return a_fixed, b_fixed
    return _repair(a, b, first, second)


_MAX_ENDING = 2
"""Letters of an ending a misquote drops or adds ("extreme" for "extremely")."""
_MIN_STEM = 5
"""Letters the shorter word keeps, so that an ending is not a word of its own."""


def _ending(x: str, y: str) -> bool:
    """Whether one word is the other with an ending dropped: "extreme", "extremely"."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return (len(short) >= _MIN_STEM and len(long) - len(short) <= _MAX_ENDING
            and long.startswith(short))


def _compounds(text: PreparedText, words: set[str]) -> list[str]:
    """Words of ``words`` that ``text`` prints as two neighbouring words."""
    if not words:
        return []
    found = []
    for left, right in zip(text.tokens, text.tokens[1:], strict=False):
        joined = left + right
        if joined in words and len(left) > 1 and len(right) > 1:
            found.append(joined)
    return found


def _repair(keep: PreparedText, change: PreparedText, first: str,
            second: str) -> tuple[PreparedText, PreparedText]:
    """Rewrite ``change`` so that its word (``first`` or ``second``) is ``keep``'s."""
    keep_words = set(keep.tokens)
    target = first if first in keep_words else second
    char = keep.code[keep.tokens.index(target)]
    tokens = list(change.tokens)
    code = list(change.code)
    gaps = list(change.gaps)
    if first == second:  # a compound: two words of ``change`` become one
        for i in range(len(tokens) - 1):
            if tokens[i] + tokens[i + 1] == target and (i + 1) not in gaps:
                tokens[i:i + 2] = [target]
                code[i:i + 2] = [char]
                gaps = [g - 1 if g > i else g for g in gaps]
                break
    else:
        other = second if target == first else first
        at = tokens.index(other)
        tokens[at] = target
        code[at] = char
    fixed = PreparedText(text_key(tokens, gaps), tuple(tokens), tuple(gaps), "".join(code))
    return keep, fixed


def whole_score(a: PreparedText, b: PreparedText, score_cutoff: float = 0.0) -> float:
    """Similarity of two whole quotes, 0-100, symmetric; gaps excuse what they hide.

    One misprinted or compounded word is repaired (:func:`reconcile`) when
    the repair could lift the score to ``score_cutoff``.
    """
    if a.key == b.key:
        return 100.0
    if not a.code or not b.code:
        return 0.0
    plain = _plain_whole(a, b)
    if plain >= 100.0 or plain + _REPAIR_GAIN / max(len(a.code), len(b.code)) < score_cutoff:
        return plain
    fixed_a, fixed_b = reconcile(a, b)
    if fixed_a is a and fixed_b is b:
        return plain
    return max(plain, 100.0 if fixed_a.key == fixed_b.key else _plain_whole(fixed_a, fixed_b))


_REPAIR_GAIN = 400.0
"""One repaired word adds less than this divided by the longer text's words to a score."""


def _plain_whole(a: PreparedText, b: PreparedText) -> float:
    if not a.gaps and not b.gaps:
        return float(Indel.normalized_similarity(a.code, b.code) * 100.0)
    if (a.key, a.code) > (b.key, b.code):  # one fixed order: the alignment is then symmetric
        a, b = b, a
    a_gaps, b_gaps = set(a.gaps), set(b.gaps)
    matched = excused = 0
    for op in Indel.opcodes(a.code, b.code):
        if op.tag == "equal":
            matched += op.src_end - op.src_start
        elif op.tag == "insert" and op.src_start in a_gaps:
            excused += op.dest_end - op.dest_start
        elif op.tag == "delete" and op.dest_start in b_gaps:
            excused += op.src_end - op.src_start
    if matched < _MIN_KEPT_WORDS or excused > matched:
        excused = 0  # "we ..." is not every quote that starts with "we"
    total = len(a.code) + len(b.code) - excused
    return min(100.0, 200.0 * matched / total) if total else 100.0


def partial_score(short: PreparedText, long: PreparedText,
                  score_cutoff: float = 0.0) -> tuple[float, int, int]:
    """How well ``short`` matches its best stretch of ``long``: score, start, end (tokens).

    One misprinted word is repaired when that could lift the score to
    ``score_cutoff`` (never one that changes ``long``'s length: the positions
    are ``long``'s).
    """
    if not short.code or not long.code:
        return 0.0, 0, 0
    if short.key == long.key:
        return 100.0, 0, len(long.code)
    best = _plain_partial(short, long)
    if best[0] >= 100.0 or best[0] + _REPAIR_GAIN / len(short.code) < score_cutoff:
        return best
    fixed_short, fixed_long = reconcile(short, long)
    if (fixed_short is short and fixed_long is long) or len(fixed_long.code) != len(long.code):
        return best
    repaired = _plain_partial(fixed_short, fixed_long)
    return repaired if repaired[0] > best[0] else best


def _plain_partial(short: PreparedText, long: PreparedText) -> tuple[float, int, int]:
    offset = 0
    for segment in long.segments():  # word for word, not across an ellipsis
        at = segment.find(short.code)
        if at >= 0:
            return 100.0, offset + at, offset + at + len(short.code)
        offset += len(segment)
    if len(short.code) > len(long.code):
        return whole_score(short, long), 0, len(long.code)
    best: tuple[float, int, int] = (0.0, 0, 0)
    width = len(short.code)
    offset = 0
    for segment in long.segments():  # an alignment never spans an ellipsis
        windows = [segment[i:i + width] for i in range(max(1, len(segment) - width + 1))]
        found = process.extractOne(short.code, windows, scorer=Indel.normalized_similarity)
        if found is not None and found[1] * 100.0 > best[0]:
            at = offset + found[2]
            best = (found[1] * 100.0, at, at + len(windows[found[2]]))
        offset += len(segment)
    return best


def quote_similarity(a: str | Quote, b: str | Quote, *, partial: bool = False) -> float:
    """Say how alike two quotes are, from 0 to 100.

    Case, punctuation, white space, curly or straight marks, diacritics,
    contractions and British/American spelling do not count. Words that one
    quote has where the other prints an ellipsis or a bracketed insertion do
    not count either. The score is symmetric and 100 for identical quotes.

    Args:
        a: A quote text or :class:`~quoteattr.models.Quote`.
        b: Another.
        partial: Score the shorter quote against the best-matching stretch of
            the longer one, so a fragment quoted on its own scores 100.

    Returns:
        The similarity, 0-100.

    Raises:
        TypeError: An argument is neither ``str`` nor ``Quote``.

    Example:
        >>> quote_similarity("The incident ... should not be confused",
        ...                  "The incident, a mistake, should not be confused")
        100.0
        >>> round(quote_similarity("We heard nothing new", "We heard something new"), 1)
        75.0
    """
    codebook = Codebook()
    first, second = prepare(_text_of(a), codebook), prepare(_text_of(b), codebook)
    if not partial:
        return whole_score(first, second)
    if (len(first.code), first.key) > (len(second.code), second.key):
        first, second = second, first
    return partial_score(first, second)[0]


def _text_of(value: object) -> str:
    if isinstance(value, Quote):
        return value.text
    if isinstance(value, str):
        return value
    hint = " (decode bytes first)" if isinstance(value, bytes | bytearray) else ""
    raise TypeError(f"expected a quote text (str) or a Quote, got {type(value).__name__}{hint}")


_PUNCTUATION = str.maketrans(dict.fromkeys(
    [chr(c) for c in range(0x20, 0x7F) if not chr(c).isalnum()] + list("“”‘’«»„‚‹›—–…")
))


def _chunks(text: str) -> tuple[list[str], list[str]]:
    """Split printed text at white space; key each chunk by its letters, case folded.

    Spelling is not folded here: a diff shows "colour" against "color".
    """
    surfaces = text.split()
    if text.isascii():
        keys = [c.translate(_PUNCTUATION) or c for c in text.lower().split()]
    else:
        keys = [" ".join(_fold_words(c)) or c for c in surfaces]
    return surfaces, keys


def word_diff(canonical: str, other: str, *, fragment: bool = False, context: int = 3) -> str:
    """Show, word by word, how ``other`` differs from ``canonical``.

    ``[-...-]`` holds words only the canonical text has and ``{+...+}`` words
    only ``other`` has, as printed; words both print alike are shown up to
    ``context`` words either side of a difference, and ``…`` stands for the
    rest. With ``fragment``, canonical words before and after the stretch
    ``other`` quotes are also shown as ``…``. Returns ``""`` when both are
    printed the same.

    Example:
        >>> word_diff("we heard nothing new, he said", "We heard nothing new.")
        '[-we-]{+We+} heard nothing [-new,-]{+new.+} [-he said-]'
        >>> word_diff("We met him at last, we heard nothing new", "nothing new", fragment=True)
        '… nothing new'
        >>> word_diff("one two three four five six seven eight nine", "one two three four five six")
        '… four five six [-seven eight nine-]'
    """
    if canonical == other:
        return ""
    canon_words, canon_keys = _chunks(canonical)
    other_words, other_keys = _chunks(other)
    ops = list(Indel.opcodes(canon_keys, other_keys))
    for i in range(len(ops) - 1):  # show what was dropped before what replaced it
        if ops[i].tag == "insert" and ops[i + 1].tag == "delete":
            ops[i], ops[i + 1] = ops[i + 1], ops[i]
    pieces: list[tuple[str, bool]] = []  # (text, is a difference)
    for position, op in enumerate(ops):
        canon_part = canon_words[op.src_start:op.src_end]
        other_part = other_words[op.dest_start:op.dest_end]
        if op.tag == "equal":
            pieces.extend(
                (before, False) if before == after else (f"[-{before}-]{{+{after}+}}", True)
                for before, after in zip(canon_part, other_part, strict=True)
            )
        elif op.tag == "delete":
            if fragment and (position == 0 or position == len(ops) - 1):
                pieces.append(("…", False))
            else:
                pieces.append((f"[-{' '.join(canon_part)}-]", True))
        elif op.tag == "insert":
            pieces.append((f"{{+{' '.join(other_part)}+}}", True))
        else:  # pragma: no cover - Indel has no replace, kept for safety
            pieces.append((f"[-{' '.join(canon_part)}-]{{+{' '.join(other_part)}+}}", True))
    changed = [i for i, (_, is_change) in enumerate(pieces) if is_change]
    keep = {j for i in changed for j in range(i - context, i + context + 1)}
    out: list[str] = []
    for i, (text, is_change) in enumerate(pieces):
        if is_change or fragment or i in keep or text == "…":
            out.append(text)
        elif not out or out[-1] != "…":
            out.append("…")
    return " ".join(out).replace("-] {+", "-]{+")
