"""Tables of quotes and claims (issue 5): rows, CSV and DataFrames."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import quoteattr
from quoteattr.io.export import (
    CLAIM_COLUMNS,
    QUOTE_COLUMNS,
    Row,
    claims_table,
    quotes_table,
    to_dataframe,
    write_csv,
)

DATA = Path(__file__).parents[1] / "examples" / "data"


@pytest.fixture(scope="module")
def docs() -> list[quoteattr.Document]:
    return [quoteattr.attribute(p.read_text("utf-8"), doc_id=p.stem)
            for p in sorted(DATA.glob("*.txt"))]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: p.read_text("utf-8") for p in DATA.glob("*.txt")}


def test_quotes_table_has_one_row_per_quote_with_columns_in_order(
    docs: list[quoteattr.Document],
) -> None:
    rows = quotes_table(docs)
    assert len(rows) == sum(len(d.quotes) for d in docs)
    assert all(tuple(row) == QUOTE_COLUMNS for row in rows)


def test_quote_rows_slice_back_into_their_text(
    docs: list[quoteattr.Document], texts: dict[str, str]
) -> None:
    def piece(row: Row, start: str, end: str) -> str:
        first, last = row[start], row[end]
        assert isinstance(first, int) and isinstance(last, int)
        return texts[str(row["doc_id"])][first:last]

    for row in quotes_table(docs):
        assert piece(row, "start", "end") == row["quote"]
        if row["cue"] is not None:
            assert piece(row, "cue_start", "cue_end") == row["cue"]
        if row["mention"] is not None:
            assert piece(row, "mention_start", "mention_end") == row["mention"]


def test_quoted_terms_are_listed_only_on_request() -> None:
    doc = quoteattr.attribute('Oil trade with "Islamic State" militants, "We met," Lavrov said.')
    assert [r["kind"] for r in quotes_table(doc)] == ["direct"]
    assert [r["kind"] for r in quotes_table(doc, terms=True)] == ["term", "direct"]


def test_unattributed_quote_has_empty_speaker_columns() -> None:
    doc = quoteattr.attribute('"Nothing will change in the end." The meeting ended.')
    row = quotes_table(doc)[0]
    assert row["speaker"] is None and row["cue"] is None and row["mention"] is None


def test_claims_table_has_one_row_per_claim(docs: list[quoteattr.Document]) -> None:
    rows = claims_table(docs)
    assert len(rows) == sum(len(d.claims) for d in docs)
    assert all(tuple(row) == CLAIM_COLUMNS for row in rows)


def test_a_string_instead_of_documents_is_a_type_error_that_says_what_to_do() -> None:
    with pytest.raises(TypeError, match="attribute"):
        quotes_table("Lavrov said.")  # type: ignore[arg-type]


def test_dataframe_has_the_table_columns_even_when_empty(docs: list[quoteattr.Document]) -> None:
    frame = to_dataframe(docs)
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    assert len(frame) == len(quotes_table(docs))
    empty = to_dataframe([quoteattr.attribute("No quotes here.")], what="claims")
    assert list(empty.columns) == list(CLAIM_COLUMNS) and len(empty) == 0


def test_dataframe_rejects_an_unknown_table() -> None:
    with pytest.raises(ValueError, match="quotes"):
        to_dataframe([], what="speakers")  # type: ignore[arg-type]


def test_csv_round_trips_the_rows(docs: list[quoteattr.Document]) -> None:
    rows = quotes_table(docs)
    buffer = io.StringIO()
    write_csv(rows, buffer, columns=QUOTE_COLUMNS)
    read = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [r["quote"] for r in read] == [r["quote"] for r in rows]
    assert [int(r["start"]) for r in read] == [r["start"] for r in rows]
