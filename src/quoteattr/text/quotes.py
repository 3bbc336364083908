"""Find quoted spans: the words between quotation marks, with exact offsets.

One left-to-right scan visits only quotation marks and line breaks (a regular
expression made of single-character classes, so it runs in linear time on any
input). Each mark is read from the characters around it: an apostrophe inside
a word (``Russia's``, ``don’t``, ``O'Neill``) is no quotation mark, a mark
after a space opens, a mark before a space or punctuation closes. Marks are
then paired with a stack, paragraph by paragraph. Odd marks are worked around
and reported as :class:`~quoteattr.models.Diagnostic` entries, never raised.

The input is never normalised: every offset is a ``str`` index into the text
as given, so ``text[q.start:q.end] == q.text`` for every quote.

Example:
    >>> [q.text for q in scan_quotes('"We won," she said, "and we will win again."')[0]]
    ['We won,', 'and we will win again.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from quoteattr.construct import trusted
from quoteattr.language.lexicon import load_lexicon
from quoteattr.language.marks import QuoteMarkTable, load_quote_marks
from quoteattr.models import Diagnostic, Quote
from quoteattr.text.quote_kinds import (
    QuoteWords,
    guess_kind,
    is_letter,
    quote_words,
    resumes_after_attribution,
)
from quoteattr.text.tokens import abbreviations

__all__ = ["scan_quotes", "uses_double_apostrophes"]

_BREAKS: Final = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters :meth:`str.splitlines` breaks on: each ends a paragraph."""

_BEFORE_OPENER: Final = "([{<\u2014\u2013-/\u2026"
"""Besides a space, what may stand right before an opening mark."""

_AFTER_CLOSER: Final = ".,;:!?)]}>\u2014\u2013-/\u2026*"
"""Besides a space, what may stand right after a closing mark."""

_ELISION: Final = re.compile(r"[^\W\d_]{1,8}")
_CONTRACTION: Final = re.compile(r"[^\W\d_]{1,3}(?![^\W_])")
_SENTENCE_END_MARKS: Final = ".!?\u2026"
_MAX_DEPTH: Final = 6
"""Quotes nest at most this deep; real text rarely goes past a quote in a quote."""
_MAX_DIAGNOSTICS: Final = 1000
"""Past this many, odd marks are counted in one ``too_many_diagnostics`` entry."""


@dataclass(frozen=True, slots=True)
class _Mark:
    """A quotation mark of the table, as a plain record (read often, built once per table)."""

    char: str
    name: str
    role: str
    pairs_with: tuple[str, ...]
    family: str
    apostrophe: bool
    spaced: bool


_MARKS: dict[int, tuple[QuoteMarkTable, dict[str, _Mark], dict[str, str]]] = {}


def _marks_of(table: QuoteMarkTable) -> tuple[dict[str, _Mark], dict[str, str]]:
    """The table's marks by character, and its doubled printings (once per table)."""
    known = _MARKS.get(id(table))
    if known is not None and known[0] is table:
        return known[1], known[2]
    marks = {
        char: _Mark(m.char, m.name, m.role, m.pairs_with, m.family, m.apostrophe, m.spaced)
        for char, m in table.by_char.items()
    }
    doubled = dict(table.doubled_as)
    if len(_MARKS) >= 8:
        _MARKS.clear()
    _MARKS[id(table)] = (table, marks, doubled)
    return marks, doubled


class _Open:
    """An open quote (plain classes here, not dataclasses: their ``__init__`` compiles to C)."""

    __slots__ = ("link", "mark", "pos", "printed")

    def __init__(self, pos: int, mark: _Mark, printed: str, link: int | None = None) -> None:
        self.pos = pos
        self.mark = mark
        self.printed = printed
        self.link = link  # the record this quote continues (the previous paragraph's part)


def _top_accepts(stack: list[_Open], char: str) -> bool:
    """Whether a closing ``char`` closes the innermost open quote (the stack's last)."""
    return bool(stack) and char in stack[-1].mark.pairs_with


class _Raw:
    __slots__ = ("close_char", "end", "link", "open_char", "open_pos", "para_start")

    def __init__(self, open_pos: int, open_char: str, end: int, close_char: str | None,
                 para_start: int, link: int | None = None) -> None:
        self.open_pos = open_pos
        self.open_char = open_char
        self.end = end  # the closing mark's index, or the paragraph's end
        self.close_char = close_char
        self.para_start = para_start
        self.link = link


class _Token:
    __slots__ = ("left", "mark", "pos", "printed", "right", "word_apostrophe")

    def __init__(self, pos: int, mark: _Mark, printed: str, left: bool, right: bool,
                 word_apostrophe: bool) -> None:
        self.pos = pos
        self.mark = mark
        self.printed = printed
        self.left = left
        self.right = right
        self.word_apostrophe = word_apostrophe


class _Scanner:
    """Pair the marks of one text; collect raw records and diagnostics."""

    def __init__(self, text: str, table: QuoteMarkTable, double_apostrophes: bool,
                 has_doubled: bool) -> None:
        self.text = text
        self.table = table
        self.double_apostrophes = double_apostrophes
        self.has_doubled = has_doubled
        """Whether two apostrophes stand together anywhere (else none needs leaving out)."""
        self.marks, self.doubled_as = _marks_of(table)
        self.records: list[_Raw] = []
        self.diagnostics: list[Diagnostic] = []
        self.carry: int | None = None
        self.suppressed = 0
        self.closed_in_paragraph: dict[str, int] = {}
        """Per mark family, the opening position of the last quote closed in the paragraph."""

    def diagnose(self, code: str, message: str, start: int, end: int) -> None:
        if len(self.diagnostics) < _MAX_DIAGNOSTICS:
            fields = {"code": code, "message": message, "start": start, "end": end}
            self.diagnostics.append(trusted(Diagnostic, fields))  # offsets found here: all >= 0
        else:
            self.suppressed += 1

    def sorted_diagnostics(self) -> list[Diagnostic]:
        """The diagnostics in text order, with a note on any left out."""
        if not self.diagnostics and not self.suppressed:
            return []
        found = sorted(self.diagnostics, key=lambda d: (d.start, d.end))
        if self.suppressed:
            found.append(
                Diagnostic(
                    code="too_many_diagnostics",
                    message=f"{self.suppressed} more odd marks were worked around but not listed",
                    start=0,
                    end=len(self.text),
                )
            )
        return found

    def mark_at(self, pos: int) -> tuple[_Mark, str] | None:
        """The mark at ``pos`` and how it is printed: ``''`` is a double quote (NYT style)."""
        text = self.text
        mark = self.marks.get(text[pos]) if pos < len(text) else None
        if mark is None:
            return None
        if text[pos] == "'" and text[pos + 1 : pos + 2] == "'":
            if not self.double_apostrophes:
                return None
            return self.marks['"'], "''"
        return mark, text[pos]

    def token(self, pos: int) -> _Token:
        """Read the mark at ``pos`` from its neighbours: can it open, can it close?"""
        text = self.text
        marks = self.marks
        printed = text[pos]
        mark = marks[printed]
        doubled = printed == "'" and text[pos + 1 : pos + 2] == "'"
        if doubled and not _closes_single_first(text, pos):
            printed, mark = "''", marks['"']
        elif self.doubled_as and text[pos : pos + 2] in self.doubled_as:
            printed = text[pos : pos + 2]  # ’’ closing a double quote in wire copy
            mark = marks[self.doubled_as[printed]]
        prev = text[pos - 1] if pos > 0 else " "
        after = pos + len(printed)
        nxt = text[after] if after < len(text) else " "
        prev_space, next_space = prev.isspace(), nxt.isspace()
        left = not next_space and (prev_space or prev in _BEFORE_OPENER or prev in marks)
        right = not prev_space and (next_space or nxt in _AFTER_CLOSER or nxt in marks)
        inside_word = mark.apostrophe and prev.isalnum() and nxt.isalnum()
        return _Token(pos, mark, printed, left, right, inside_word)

    def paragraph(self, start: int, end: int, positions: list[int], next_start: int) -> None:
        """Pair the marks at ``positions`` inside the paragraph ``text[start:end]``."""
        if not positions:  # nothing to pair; nothing carries over
            self.carry = None
            self.closed_in_paragraph = {}
            return
        text = self.text
        tokens: list[_Token] = []
        if not self.double_apostrophes and self.has_doubled:
            positions = [p for p in positions if not _doubled_apostrophe(text, p)]
        for p in positions:
            if not tokens or p >= tokens[-1].pos + len(tokens[-1].printed):
                tokens.append(self.token(p))
        skip: set[int] = set()
        # later_single[k]: a single closer candidate comes after token k (read for apostrophes)
        later_single: list[bool] = []
        if any(tok.mark.apostrophe for tok in tokens):
            for k, tok in enumerate(tokens):
                if tok.mark.apostrophe and tok.left and _is_elision(text, tok.pos):
                    skip.add(k)
                    rock_n_roll = text[tok.pos + 1] == "n" and k + 1 < len(tokens)
                    if rock_n_roll and tokens[k + 1].pos == tok.pos + 2:
                        skip.add(k + 1)
            later_single = [False] * (len(tokens) + 1)
            for k in range(len(tokens) - 1, -1, -1):
                tok = tokens[k]
                candidate = tok.mark.apostrophe and tok.right and not tok.word_apostrophe
                later_single[k] = later_single[k + 1] or (candidate and k not in skip)
        stack: list[_Open] = []  # open quotes, innermost last
        carry, self.carry = self.carry, None
        self.closed_in_paragraph = {}
        for k, tok in enumerate(tokens):
            if k in skip or tok.word_apostrophe:
                continue
            if tok.mark.apostrophe and tok.left and text[tok.pos + 1 : tok.pos + 2].isdigit():
                continue  # ’90s
            if not tok.mark.apostrophe and _printed_apostrophe(text, tok, self.table):
                continue  # Brazil"s in old wire copy
            action = self.action(tok, stack)
            if action == "open" and len(stack) >= _MAX_DEPTH:
                self.diagnose(
                    "too_deep",
                    f"{tok.mark.name} at {tok.pos} would open a quote nested deeper than "
                    f"{_MAX_DEPTH}; ignored",
                    tok.pos,
                    tok.pos + len(tok.printed),
                )
            elif action == "open":
                link = carry if carry is not None and not text[start : tok.pos].strip() else None
                carry = None
                if stack and _starts_merged_paragraph(text, tok, stack[-1]):
                    # "A. "B." on one line: the paragraphs of one quote, their breaks lost
                    opened = stack.pop()
                    self.records.append(
                        _Raw(opened.pos, opened.printed, tok.pos, None, start, opened.link)
                    )
                    link = len(self.records) - 1
                stack.append(_Open(tok.pos, tok.mark, tok.printed, link))
            elif action == "close":
                if (
                    tok.mark.apostrophe
                    and text[tok.pos - 1 : tok.pos] in ("s", "S")
                    and later_single[k + 1]
                    and not tok.left
                ):
                    continue  # the two countries' first 'talks'
                self.close(tok, stack, start)
            elif not tok.mark.apostrophe and not (tok.pos > 0 and text[tok.pos - 1].isdigit()):
                self.diagnose(
                    "stray_closing_mark",
                    f"{tok.mark.name} at {tok.pos} closes nothing; ignored",
                    tok.pos,
                    tok.pos + len(tok.printed),
                )
        self.finish_paragraph(start, end, stack, next_start)

    def action(self, tok: _Token, stack: list[_Open]) -> str:
        """Decide whether a mark opens, closes, or is stray."""
        mark = tok.mark
        if mark.role == "open":
            return "open"
        any_pairs = _top_accepts(stack, mark.char) or (
            not mark.apostrophe and any(mark.char in o.mark.pairs_with for o in stack)
        )
        if mark.role == "close":
            return "close" if any_pairs else "stray"
        if mark.spaced and tok.left and not tok.right:
            return "open"
        if mark.spaced and tok.right and not tok.left:
            return "close" if any_pairs else "stray"
        if any_pairs:
            return "close"
        if mark.apostrophe and not tok.left:
            return "stray"
        return "open"

    def close(self, tok: _Token, stack: list[_Open], para_start: int) -> None:
        char = tok.mark.char
        while not _top_accepts(stack, char):
            dropped = stack.pop()
            self.drop(dropped, "closed by an outer quote's closing mark")
        opened = stack.pop()
        self.closed_in_paragraph[opened.mark.family] = opened.pos
        self.records.append(
            _Raw(opened.pos, opened.printed, tok.pos, tok.printed, para_start, opened.link)
        )

    def drop(self, opened: _Open, why: str) -> None:
        if opened.mark.apostrophe:
            return  # most likely an apostrophe ('em, goin')
        self.diagnose(
            "stray_opening_mark",
            f"{opened.mark.name} at {opened.pos} is never closed ({why}); ignored",
            opened.pos,
            opened.pos + len(opened.printed),
        )

    def continued(self, stack: list[_Open], next_start: int) -> int | None:
        """Which open quote the next paragraph continues, if it opens with a like mark."""
        found = self.mark_at(next_start)
        if found is None or found[0].role == "close":
            return None
        nxt, printed = found
        after = self.text[next_start + len(printed) : next_start + len(printed) + 1]
        if not after or after.isspace():
            return None
        for i in range(len(stack) - 1, -1, -1):
            same = stack[i].mark.family == nxt.family
            if same and (nxt.apostrophe or not stack[i].mark.apostrophe):
                return i
        return None

    def finish_paragraph(self, start: int, end: int, stack: list[_Open], next_start: int) -> None:
        """Close what the paragraph leaves open: continue, cut at its end, or drop."""
        if not stack:
            return
        cont = self.continued(stack, next_start)
        closed = self.closed_in_paragraph
        for i in range(len(stack) - 1, -1, -1):
            opened = stack[i]
            if i == cont:
                self.records.append(_Raw(opened.pos, opened.printed, end, None, start, opened.link))
                self.carry = len(self.records) - 1
            elif opened.mark.apostrophe and opened.mark.char != "\u2018":
                continue
            elif closed.get(opened.mark.family, -1) > opened.pos or (cont is not None and i < cont):
                self.drop(opened, "a later quote was closed in the same paragraph")
            else:
                self.diagnose(
                    "unclosed_quote",
                    f"{opened.mark.name} at {opened.pos} is not closed before the end of "
                    "its paragraph; the quote is taken to run to the paragraph's end",
                    opened.pos,
                    end,
                )
                self.records.append(_Raw(opened.pos, opened.printed, end, None, start, opened.link))
                closed[opened.mark.family] = opened.pos


def _is_elision(text: str, pos: int) -> bool:
    """An apostrophe that starts a word: rock 'n' roll, 'em, 'til, 'tis (``elisions``)."""
    found = _ELISION.match(text, pos + 1, pos + 10)
    return found is not None and (
        found.group().lower() in load_quote_marks().apostrophe_words.elisions)


def _printed_apostrophe(text: str, tok: _Token, table: QuoteMarkTable) -> bool:
    """A double mark printed for an apostrophe inside a word: ``Brazil"s``, ``don"t``."""
    if len(tok.printed) != 1 or tok.pos == 0 or text[tok.pos - 1].isspace():
        return False  # a space before it, the usual case, told apart without isalpha
    if not is_letter(text[tok.pos - 1]):
        return False
    found = _CONTRACTION.match(text, tok.pos + 1, tok.pos + 5)
    return found is not None and found.group().lower() in table.apostrophe_words.contractions


def _starts_merged_paragraph(text: str, tok: _Token, top: _Open) -> bool:
    """Whether an opening mark starts the next paragraph of the open quote, on the same line.

    Some feeds (the BBC's among them) lose the breaks between the paragraphs
    of a long quote: ``"We won. "We will win again."``. A double mark that can
    only open, right after a sentence end and a space, while a double quote is
    open, is such a paragraph's opening mark; a quote nested in a quote takes
    the other marks.
    """
    if tok.mark.apostrophe or top.mark.apostrophe or top.mark.family != tok.mark.family:
        return False
    if tok.pos < 2 or not text[tok.pos - 1].isspace():
        return False
    before = text[max(top.pos + len(top.printed), tok.pos - 4) : tok.pos].rstrip()
    if before[-1:] in ("'", "\u2019", ")"):
        before = before[:-1]  # 'no.' or (sic.) closing the sentence
    if not before or before[-1] not in _SENTENCE_END_MARKS:
        return False
    # both parts read as sentences of speech: "The "bad word. "We won," is a stray mark
    first = text[top.pos + len(top.printed) : top.pos + len(top.printed) + 2].lstrip()[:1]
    after = text[tok.pos + len(tok.printed) : tok.pos + len(tok.printed) + 1]
    return (first.isupper() or first.isdigit()) and (after.isupper() or after.isdigit())


def _closes_single_first(text: str, pos: int) -> bool:
    """Three apostrophes after a word close a single quote, then the double: ``'Go.'''``."""
    return (
        text[pos : pos + 3] == "'''"
        and pos > 0
        and not text[pos - 1].isspace()
        and text[pos - 1] != "'"
        and text[pos + 3 : pos + 4] != "'"
    )


@lru_cache(maxsize=1)
def _mark_chars() -> tuple[str, str]:
    """Every quotation-mark character (each once), and the apostrophes among them."""
    table = load_quote_marks()
    apostrophes = "".join(m.char for m in table.marks if m.apostrophe)
    return "".join(dict.fromkeys(table.chars)), apostrophes


def _mark_positions(text: str) -> list[int]:
    """Where quotation marks stand (``str.find`` per mark), but apostrophes inside words."""
    chars, apostrophes = _mark_chars()
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    last = len(text) - 1  # an apostrophe between two letters or digits is no mark
    return [p for p in found if text[p] not in apostrophes
            or not (0 < p < last and text[p - 1].isalnum() and text[p + 1].isalnum())]


def _doubled_apostrophe(text: str, pos: int) -> bool:
    """Tell whether the apostrophe at ``pos`` is one of a pair written ``''``."""
    return text[pos] == "'" and (
        text[pos + 1 : pos + 2] == "'" or (pos > 0 and text[pos - 1] == "'")
    )


# Two apostrophes that open a quote (after a space, a line start or an opening
# bracket or dash, before a letter or digit), and two that close one (after a
# letter, digit or punctuation, before a space, punctuation or the end). Each is
# a literal between fixed-width look-arounds, so the search is linear.
_DOUBLE_APOSTROPHE_OPENS = re.compile(r"(?:^|(?<=[\s(\[\u2014\u2013-]))''(?=[^\W_])", re.M)
_DOUBLE_APOSTROPHE_CLOSES = re.compile(r"(?<=[^\s'])'''?(?=[\s.,;:!?)\]\u2014\u2013-]|$)", re.M)


def uses_double_apostrophes(text: str) -> bool:
    """Tell whether a document prints its quotations with two apostrophes (``''...''``).

    Archive text (the New York Times, LexisNexis) writes every double quotation
    mark as two ASCII apostrophes. A document follows that convention when two
    apostrophes open a quote somewhere (after a space, before a word) and two
    close one later (after a word, before a space or punctuation); elsewhere
    ``''`` is left alone.

    Example:
        >>> uses_double_apostrophes("''We will win,'' she said.")
        True
        >>> uses_double_apostrophes("The field was left blank ('') on purpose.")
        False
    """
    if "''" not in text:
        return False
    opened = _DOUBLE_APOSTROPHE_OPENS.search(text)
    return opened is not None and (
        _DOUBLE_APOSTROPHE_CLOSES.search(text, opened.end()) is not None
    )


def scan_quotes(
    text: str,
    *,
    cue_words: frozenset[str] | None = None,
    double_apostrophes: bool | None = None,
    language: str = "en",
    sentence_cue_words: frozenset[str] | None = None,
) -> tuple[list[Quote], list[Diagnostic]]:
    """Find every quoted span and report the odd marks worked around.

    The attribution stage calls this; the speaker of every quote is left
    undecided (``speaker=None``, ``rule=None``, ``confidence=0``).

    Args:
        text: The text to scan, untouched.
        cue_words: Lower-case one-word speech cues that tell speech from a term
            and join the parts of an interrupted quote; the English lexicon's
            by default (the attribution stage passes another language's).
        double_apostrophes: Read ``''`` as a double quotation mark, the
            convention of LexisNexis and New York Times archives
            (``''We will win,'' she said.``). ``None`` (the default) reads the
            document: on when it prints its quotes that way
            (:func:`uses_double_apostrophes`). When off, two apostrophes are
            ignored, neither quotes nor single marks.
        language: The language whose words tell a quoted term from speech
            (``quote_words.json``; English's where it has none).
        sentence_cue_words: The cues that make a short fragment speech from
            anywhere in its sentence (no weak verbs); ``cue_words`` when given,
            else the English lexicon's.

    Returns:
        The quotes in text order (outer before inner), and diagnostics such as
        ``unclosed_quote``, ``stray_opening_mark`` and ``stray_closing_mark``.

    Raises:
        TypeError: if ``text`` is not a ``str``.

    Example:
        >>> quotes, problems = scan_quotes('He said "yes," then "no.')
        >>> [q.text for q in quotes], [p.code for p in problems]
        (['yes,', 'no.'], ['unclosed_quote'])
    """
    _check_text(text)
    has_doubled = "''" in text
    if double_apostrophes is None:
        double_apostrophes = has_doubled and uses_double_apostrophes(text)
    scanner = _Scanner(text, load_quote_marks(), double_apostrophes, has_doubled)
    marks = _mark_positions(text)
    if marks:
        _pair_by_paragraph(scanner, text, marks)
    cues = load_lexicon().quote_cue_words if cue_words is None else cue_words
    if sentence_cue_words is None:
        sentence_cue_words = load_lexicon().sentence_cue_words if cue_words is None else cue_words
    quotes = _build(text, scanner, cues, quote_words(language), abbreviations(language),
                    sentence_cue_words)
    return quotes, scanner.sorted_diagnostics()


def _pair_by_paragraph(scanner: _Scanner, text: str, marks: list[int]) -> None:
    """Pair the marks paragraph by paragraph, visiting only the paragraphs that hold marks.

    Each break character the text holds is searched for from the last one found
    on (linear). An unmarked paragraph between two ends what the first carried over.
    """
    size = len(text)
    chars = [c for c in _BREAKS if c in text]
    ahead = [-1] * len(chars)  # per break character, its next one found so far (size: none)
    previous_next = searched = i = 0
    while i < len(marks):
        first = marks[i]
        before = -1  # the last break before the first mark
        for c in chars:
            found = text.rfind(c, searched, first)
            if found > before:
                before = found
        para_start = _run_end(text, before) if before >= 0 else previous_next
        end = size  # the first break after it
        for k, c in enumerate(chars):
            if ahead[k] < first:
                found = text.find(c, first)
                ahead[k] = found if found >= 0 else size
            if ahead[k] < end:
                end = ahead[k]
        next_start = _run_end(text, end) if end < size else size
        stop = bisect_left(marks, end, i)
        if para_start != previous_next:
            scanner.carry = None  # an unmarked paragraph came between
        scanner.paragraph(para_start, end, marks[i:stop], next_start)
        previous_next, searched, i = next_start, end, stop


def _run_end(text: str, at: int) -> int:
    """Where the paragraph after the line break at ``at`` starts (past the white space)."""
    if at >= len(text) or text[at] not in _BREAKS:
        return at
    end = at + 1
    while end < len(text) and text[end].isspace():  # what ``\s`` matches
        end += 1
    return end


def _check_text(text: object) -> None:
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("text must be a str, not bytes: decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"text must be a str, not {type(text).__name__}")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Kept:
    __slots__ = ("depth", "end", "index", "raw", "start")

    def __init__(self, start: int, end: int, raw: _Raw, index: int) -> None:
        self.start = start
        self.end = end
        self.raw = raw
        self.index = index
        self.depth = 0


def _build(
    text: str,
    scanner: _Scanner,
    cues: frozenset[str],
    words: QuoteWords,
    known_abbreviations: frozenset[str],
    sentence_cues: frozenset[str],
) -> list[Quote]:
    """Turn raw pairs into quotes: trim, drop empties, nest, number utterances."""
    kept: list[_Kept] = []
    for index, raw in enumerate(scanner.records):
        start, end = _trim(text, raw.open_pos + len(raw.open_char), raw.end)
        if any(text[k].isalnum() for k in range(start, end)):  # a letter or digit
            kept.append(_Kept(start, end, raw, index))
            continue
        scanner.diagnose(
            "empty_quote",
            f"the marks at {raw.open_pos} and {raw.end} enclose no words; ignored",
            raw.open_pos,
            min(raw.end + len(raw.close_char or ""), len(text)),
        )
    if len(kept) > 1:
        kept.sort(key=lambda k: (k.raw.open_pos, -k.raw.end))
    open_ends: list[int] = []
    for k in kept:
        while open_ends and open_ends[-1] <= k.raw.open_pos:
            open_ends.pop()
        k.depth = len(open_ends)
        open_ends.append(k.raw.end)
    parent = {k.index: k.index for k in kept}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # utterances: the paragraphs of one quote, then "A," he said, "B." interruptions
    for k in kept:
        if k.raw.link is not None and k.raw.link in parent:
            parent[root(k.index)] = root(k.raw.link)
    previous: dict[int, _Kept] = {}
    for k in kept:
        before = previous.get(k.depth)
        if before is not None and _resumes(text, before, k.raw, cues):
            parent[root(k.index)] = root(before.index)
        if k.depth:  # at depth 0 every earlier depth is left behind
            previous = {d: p for d, p in previous.items() if d < k.depth}
            previous[k.depth] = k
        else:
            previous = {0: k}
    numbers: dict[int, int] = {}
    quotes: list[Quote] = []
    for k in kept:
        raw = k.raw
        fields = _NEW_QUOTE.copy()  # filling in a copy costs less than building a dict
        fields["text"], fields["start"], fields["end"] = text[k.start : k.end], k.start, k.end
        fields["open_mark"], fields["close_mark"] = raw.open_char, raw.close_char
        fields["kind"] = guess_kind(
            text, k.start, k.end, open_at=raw.open_pos, close_at=raw.end,
            close_mark=raw.close_char, paragraph_start=raw.para_start, cues=cues, words=words,
            abbreviations=known_abbreviations, sentence_cues=sentence_cues,
        )
        fields["depth"] = k.depth
        fields["utterance"] = numbers.setdefault(root(k.index), len(numbers))
        # built from checked values (validating them again costs more than finding them)
        quotes.append(trusted(Quote, fields))
    return quotes


_NEW_QUOTE: Final[dict[str, object]] = {
    "text": "", "start": 0, "end": 0, "open_mark": "", "close_mark": None, "kind": "direct",
    "depth": 0, "utterance": 0, "speaker": None, "cue": None, "rule": None, "confidence": 0.0,
}
"""A found quote's fields in the order Quote declares them; _build fills in the first eight."""


def _resumes(text: str, first: _Kept, second: _Raw, cues: frozenset[str]) -> bool:
    raw = first.raw
    if (raw.close_char is None or raw.para_start != second.para_start
            or text[first.end - 1] in _SENTENCE_END_MARKS):  # the first part's sentence ends
        return False
    between = text[raw.end + len(raw.close_char) : second.open_pos]
    return resumes_after_attribution(text[first.start : first.end], between, cues)
