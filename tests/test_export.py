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


def test_dataframe_offsets_and_ids_are_nullable_integers(docs: list[quoteattr.Document]) -> None:
    pytest.importorskip("pandas")
    doc = quoteattr.attribute('"It ends today." Rain fell.', doc_id="x")
    frame = to_dataframe([*docs, doc])
    for column in ("start", "end", "speaker_id", "mention_start", "cue_end", "utterance"):
        assert str(frame[column].dtype) == "Int64", column
    assert frame["speaker_id"].isna().any() and frame["confidence"].isna().any()
    claims = to_dataframe(docs, what="claims")
    assert str(claims["source_id"].dtype) == "Int64" and str(claims["negated"].dtype) == "boolean"


def test_parquet_written_from_a_dataframe_reads_back_with_the_same_types(
    docs: list[quoteattr.Document], tmp_path: Path
) -> None:
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = to_dataframe(docs)
    frame.to_parquet(tmp_path / "q.parquet")
    back = pandas.read_parquet(tmp_path / "q.parquet")
    assert dict(back.dtypes.astype(str)) == dict(frame.dtypes.astype(str))


def test_to_arrow_has_typed_columns_with_nulls_and_converts_to_pandas_and_polars(
    docs: list[quoteattr.Document], tmp_path: Path
) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from quoteattr.io.export import to_arrow

    doc = quoteattr.attribute('"It ends today." Rain fell.', doc_id="x")
    table = to_arrow([*docs, doc])
    assert table.column_names == list(QUOTE_COLUMNS)
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("confidence").type == pa.float64()
    assert table.column("speaker_id").null_count >= 1
    assert str(table.to_pandas()["mention_start"].dtype) == "Int64"
    pq.write_table(table, tmp_path / "q.parquet")
    import pandas

    assert str(pandas.read_parquet(tmp_path / "q.parquet")["start"].dtype) == "Int64"
    assert to_arrow([], what="claims").column_names == list(CLAIM_COLUMNS)
    polars = pytest.importorskip("polars")
    assert polars.from_arrow(table).schema["start"] == polars.Int64


def test_quote_without_speaker_has_no_confidence() -> None:
    doc = quoteattr.attribute('"It ends today." Rain fell.')
    (row,) = quotes_table(doc)
    assert row["speaker"] is None and row["confidence"] is None


def test_clusters_table_has_one_row_per_printing() -> None:
    from quoteattr.io.export import CLUSTER_COLUMNS, clusters_table

    docs = [quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="a"),
            quoteattr.attribute('Lavrov said: "We heard nothing new."', doc_id="b")]
    rows = clusters_table(quoteattr.match_quotes(docs))
    assert [r["doc_id"] for r in rows] == ["a", "b"]
    assert all(list(r) == list(CLUSTER_COLUMNS) for r in rows)


def test_excel_csv_starts_with_a_byte_order_mark() -> None:
    buffer = io.StringIO()
    write_csv([{"a": "Dvořák"}], buffer, columns=["a"], excel=True)
    assert buffer.getvalue().encode("utf-8").startswith(b"\xef\xbb\xbfa\r\n")
