"""The quotation-mark table: which characters open and close quotes, and with what.

The table lives in ``quoteattr/data/quote_marks.json``, one entry per mark,
written with its Unicode name and a comment. It is validated by a frozen
pydantic model when loaded (the name must be the character's Unicode name,
every ``pairs_with`` character must be a mark that can close) and cached.

Example:
    >>> table = load_quote_marks()
    >>> table.mark("\u201c").name
    'LEFT DOUBLE QUOTATION MARK'
    >>> table.closes("\u201c", '"')
    True
    >>> table.is_mark("a")
    False
"""

from __future__ import annotations

import json
import unicodedata
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

__all__ = [
    "ApostropheWords",
    "DoubledMark",
    "MarkFamily",
    "MarkRole",
    "QuoteMark",
    "QuoteMarkError",
    "QuoteMarkTable",
    "load_quote_marks",
    "parse_quote_marks",
]

MarkRole = Literal["open", "close", "both"]
"""What a mark can do: open a quote, close one, or either depending on convention."""

MarkFamily = Literal["double", "single", "angle", "single_angle", "corner", "white_corner"]
"""Marks of one family may continue one another across paragraphs."""

_DATA_FILE = "quote_marks.json"


class QuoteMarkError(ValueError):
    """The quote-mark table is invalid; the message names the file and each problem."""


class QuoteMark(BaseModel):
    """One quotation mark, as listed in the table.

    Attributes:
        char: The character itself.
        name: Its Unicode name, checked against :func:`unicodedata.name`.
        role: ``open``, ``close`` or ``both``.
        pairs_with: The marks that close a quote this mark opens.
        family: Marks of one family continue a multi-paragraph quote.
        apostrophe: Whether the character is also written as an apostrophe.
        spaced: Whether a ``both`` mark's role is read from the spacing around it
            (English marks) rather than from which quote is open (guillemets).
        comment: Where the mark is used and what to watch for.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    char: str = Field(min_length=1, max_length=1)
    name: str
    role: MarkRole
    pairs_with: tuple[str, ...] = ()
    family: MarkFamily
    apostrophe: bool = False
    spaced: bool = True
    comment: str = Field(min_length=1)

    @model_validator(mode="after")
    def _name_matches_char(self) -> QuoteMark:
        actual = unicodedata.name(self.char, "")
        if actual != self.name:
            raise ValueError(
                f"{self.char!r} is {actual or 'unnamed'!r}, not {self.name!r}: "
                "write the character's Unicode name exactly"
            )
        if self.role == "close" and self.pairs_with:
            raise ValueError(f"{self.name}: a closing-only mark cannot list pairs_with")
        if self.role != "close" and not self.pairs_with:
            raise ValueError(f"{self.name}: a mark that opens must list the marks that close it")
        return self


class DoubledMark(BaseModel):
    """Two characters printed for one mark: ``’’`` closing a double quote in wire copy.

    Attributes:
        printed: The two characters as printed.
        reads_as: The mark of the table they stand for.
        comment: Where the convention is used.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    printed: str = Field(min_length=2, max_length=2)
    reads_as: str = Field(min_length=1, max_length=1)
    comment: str = Field(min_length=1)


class ApostropheWords(BaseModel):
    """Words read around apostrophes (``rock 'n' roll``, ``Brazil"s``), lower case.

    Attributes:
        elisions: Words written with a leading apostrophe, which opens no quote.
        contractions: Endings after an apostrophe inside a word (``s``, ``t``).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    elisions: tuple[str, ...] = ()
    contractions: tuple[str, ...] = ()

    @field_validator("elisions", "contractions", mode="before")
    @classmethod
    def _words(cls, value: object) -> object:
        if isinstance(value, dict):
            value = value.get("words", ())
        return value


class QuoteMarkTable(BaseModel):
    """Every quotation mark the quote finder knows, with lookups.

    Attributes:
        marks: The entries, in the order of the data file.
        doubled: Pairs of characters printed for one mark.
        apostrophe_words: Words read around apostrophes.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    marks: tuple[QuoteMark, ...] = Field(min_length=1)
    doubled: tuple[DoubledMark, ...] = ()
    apostrophe_words: ApostropheWords = ApostropheWords()

    @model_validator(mode="after")
    def _doubled_read_as_marks(self) -> QuoteMarkTable:
        chars = {m.char for m in self.marks}
        wrong = [d.printed for d in self.doubled if d.reads_as not in chars]
        if wrong:
            raise ValueError(f"doubled marks that read as no mark of the table: {wrong}")
        return self

    @cached_property
    def doubled_as(self) -> dict[str, str]:
        """Each doubled printing keyed by its two characters, with the mark it reads as."""
        return {d.printed: d.reads_as for d in self.doubled}

    @field_validator("marks")
    @classmethod
    def _consistent(cls, marks: tuple[QuoteMark, ...]) -> tuple[QuoteMark, ...]:
        problems: list[str] = []
        seen: dict[str, QuoteMark] = {}
        for m in marks:
            if m.char in seen:
                problems.append(f"{m.name} is listed twice")
            seen[m.char] = m
        for m in marks:
            for c in m.pairs_with:
                closer = seen.get(c)
                if closer is None:
                    problems.append(f"{m.name} pairs with U+{ord(c):04X}, not in the table")
                elif closer.role == "open":
                    problems.append(f"{m.name} pairs with {closer.name}, which only opens")
        if problems:
            raise ValueError("; ".join(problems))
        return marks

    @cached_property
    def by_char(self) -> dict[str, QuoteMark]:
        """Each mark keyed by its character."""
        return {m.char: m for m in self.marks}

    @cached_property
    def chars(self) -> str:
        """Every mark character, in table order."""
        return "".join(m.char for m in self.marks)

    def is_mark(self, char: str) -> bool:
        """Return whether ``char`` is a quotation mark in the table."""
        return char in self.by_char

    def mark(self, char: str) -> QuoteMark:
        """Return the entry for ``char``.

        Raises:
            KeyError: if ``char`` is not a quotation mark in the table.
        """
        return self.by_char[char]

    def closes(self, opener: str, closer: str) -> bool:
        """Return whether ``closer`` closes a quote opened with ``opener``."""
        m = self.by_char.get(opener)
        return m is not None and closer in m.pairs_with


def _explain(exc: ValidationError, where: str) -> str:
    lines = [f"{where}: {exc.error_count()} problem(s)"]
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        lines.append(f"  - {loc}: {err['msg']}")
    lines.append("  hint: each entry needs char, name, role, family and comment")
    return "\n".join(lines)


def parse_quote_marks(raw: dict[str, Any], *, where: str = _DATA_FILE) -> QuoteMarkTable:
    """Validate a quote-mark table given as the data file's JSON object.

    Args:
        raw: An object with a ``marks`` list, as in ``quote_marks.json``.
        where: The name used in error messages.

    Returns:
        The validated table.

    Raises:
        QuoteMarkError: listing every problem, naming ``where``.

    Example:
        >>> entry = {"char": "'", "name": "QUOTATION MARK", "role": "both",
        ...          "pairs_with": ["'"], "family": "single", "comment": "x"}
        >>> parse_quote_marks({"marks": [entry]})
        Traceback (most recent call last):
        ...
        quoteattr.language.marks.QuoteMarkError: quote_marks.json: 2 problem(s)
          - marks.0: Value error, "'" is 'APOSTROPHE', not 'QUOTATION MARK': ...
    """
    try:
        return QuoteMarkTable.model_validate(
            {
                "marks": raw.get("marks"),
                "doubled": raw.get("doubled", ()),
                "apostrophe_words": raw.get("apostrophe_words", {}),
            }
        )
    except ValidationError as exc:
        raise QuoteMarkError(_explain(exc, where)) from None


@lru_cache(maxsize=1)
def load_quote_marks() -> QuoteMarkTable:
    """Load, validate and cache the built-in quote-mark table.

    Returns:
        The table read from ``quoteattr/data/quote_marks.json``.

    Raises:
        QuoteMarkError: when the data file is invalid, naming each problem.

    Example:
        >>> [m.char for m in load_quote_marks().marks if m.family == "angle"]
        ['«', '»']
    """
    path = resources.files("quoteattr").joinpath("data").joinpath(_DATA_FILE)
    text = path.read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text)
    return parse_quote_marks(raw, where=f"quoteattr/data/{_DATA_FILE}")
