"""The quote-mark table: valid data, named characters, actionable errors."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources
from typing import Any

import pytest

from quoteattr.language.marks import QuoteMarkError, load_quote_marks, parse_quote_marks
from quoteattr.pipeline import find_quotes


def _raw_table() -> dict[str, Any]:
    path = resources.files("quoteattr").joinpath("data").joinpath("quote_marks.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_table_loads_and_is_cached() -> None:
    table = load_quote_marks()
    assert table is load_quote_marks()
    assert len(table.marks) == len(_raw_table()["marks"])


def test_every_mark_is_listed_by_its_unicode_name() -> None:
    for entry in _raw_table()["marks"]:
        assert unicodedata.name(entry["char"]) == entry["name"], entry
        assert entry["comment"].strip(), entry


def test_every_mark_is_a_single_punctuation_character() -> None:
    for mark in load_quote_marks().marks:
        assert len(mark.char) == 1
        assert unicodedata.category(mark.char).startswith("P"), mark.name


def test_every_opener_pairs_with_marks_that_can_close() -> None:
    table = load_quote_marks()
    for mark in table.marks:
        if mark.role == "close":
            assert not mark.pairs_with
            continue
        assert mark.pairs_with, mark.name
        for closer in mark.pairs_with:
            assert table.mark(closer).role in ("close", "both"), (mark.name, closer)


def test_the_usual_conventions_are_in_the_table() -> None:
    table = load_quote_marks()
    assert table.closes("\u201c", "\u201d")  # English “...”
    assert table.closes("\u201e", "\u201c")  # German „...“
    assert table.closes("\u00ab", "\u00bb")  # French « ... »
    assert table.closes("\u00bb", "\u00ab")  # Danish »...«
    assert table.closes("\u201a", "\u2018")  # German ‚...‘
    assert table.closes("\u300c", "\u300d")  # 「...」
    assert table.closes("\u201c", '"')  # mixed typography
    assert not table.closes("\u201d", "\u201c")
    assert not table.is_mark("a")


@pytest.mark.parametrize("mark", load_quote_marks().marks, ids=lambda m: m.name)
def test_every_opening_mark_pairs_in_running_text(mark: Any) -> None:
    if mark.role == "close":
        pytest.skip("closes only")
    text = f"He said {mark.char}Yes we can{mark.pairs_with[0]} today."
    assert [q.text for q in find_quotes(text)] == ["Yes we can"]


def test_a_wrong_unicode_name_is_reported_with_the_right_one() -> None:
    entry = {
        "char": "\u201c",
        "name": "LEFT QUOTE",
        "role": "open",
        "pairs_with": ["\u201d"],
        "family": "double",
        "comment": "x",
    }
    with pytest.raises(QuoteMarkError) as caught:
        parse_quote_marks({"marks": [entry]}, where="test.json")
    message = str(caught.value)
    assert "test.json" in message
    assert "LEFT DOUBLE QUOTATION MARK" in message


def test_every_problem_in_a_table_is_listed_in_one_error() -> None:
    entries = [
        {
            "char": "\u201c",
            "name": "LEFT DOUBLE QUOTATION MARK",
            "role": "open",
            "pairs_with": ["\u201d"],
            "family": "double",
            "comment": "pairs with a mark the table lacks",
        },
        {"char": "x", "name": "LATIN SMALL LETTER X", "role": "sideways", "family": "double"},
    ]
    with pytest.raises(QuoteMarkError) as caught:
        parse_quote_marks({"marks": entries})
    message = str(caught.value)
    assert "marks.1.role" in message
    assert "marks.1.comment" in message


def test_a_closer_missing_from_the_table_is_reported() -> None:
    entries = [
        {
            "char": "\u201c",
            "name": "LEFT DOUBLE QUOTATION MARK",
            "role": "open",
            "pairs_with": ["\u201d"],
            "family": "double",
            "comment": "its closer is missing",
        }
    ]
    with pytest.raises(QuoteMarkError, match="U\\+201D, not in the table"):
        parse_quote_marks({"marks": entries})
