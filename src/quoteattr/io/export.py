"""Tables of results: one row per quote, claim or printing, for CSV, DataFrames and Arrow.

[quotes_table][quoteattr.io.export.quotes_table],
[claims_table][quoteattr.io.export.claims_table] and
[clusters_table][quoteattr.io.export.clusters_table] turn results into plain
rows (dicts of strings, numbers and ``None``) in a fixed column order, so that
a spreadsheet, the ``csv`` module or pandas reads them as they are.
[to_dataframe][quoteattr.io.export.to_dataframe] gives a ``pandas.DataFrame``
with nullable integer columns (``Int64``: an offset is never a float, a
missing one is ``<NA>``), and [to_arrow][quoteattr.io.export.to_arrow] a
``pyarrow.Table`` with typed columns that pandas, polars and DuckDB read
without a copy. pandas and pyarrow are optional extras
(``pip install "quoteattr[pandas]"``, ``"quoteattr[arrow]"``).

A missing value is ``None`` in a row, an empty cell in CSV and a null in
DataFrames and Arrow. ``confidence`` is empty where a quote has no speaker:
there is no attribution to be sure of.

Example:
    >>> import quoteattr
    >>> doc = quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="dw")
    >>> row = quotes_table([doc])[0]
    >>> row["doc_id"], row["speaker"], row["cue"], row["rule"], row["start"], row["end"]
    ('dw', 'Lavrov', 'said', 'quote_comma_name_said', 1, 22)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO

from pydantic import BaseModel, ConfigDict, TypeAdapter

from quoteattr.models import Claim, Document, Quote, QuoteCluster, QuoteSpeaker

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__all__ = [
    "CLAIM_COLUMNS",
    "CLUSTER_COLUMNS",
    "COLUMN_TYPES",
    "QUOTE_COLUMNS",
    "ErrorLine",
    "Row",
    "Table",
    "claims_table",
    "clusters_table",
    "output_schema",
    "pandas_metadata",
    "quotes_table",
    "rows_of",
    "to_arrow",
    "to_dataframe",
    "write_csv",
]

Table = Literal["quotes", "claims"]
"""Which table of a document: one row per quote or one per reported claim."""

Row = dict[str, "str | int | float | bool | None"]
"""One row of a table: column name to a plain value."""

QUOTE_COLUMNS: tuple[str, ...] = (
    "doc_id", "quote", "start", "end", "kind", "utterance",
    "speaker", "speaker_kind", "speaker_role", "speaker_id",
    "mention", "mention_start", "mention_end",
    "cue", "cue_start", "cue_end", "rule", "confidence",
)
"""The columns of :func:`quotes_table`, in order."""

CLAIM_COLUMNS: tuple[str, ...] = (
    "doc_id", "claim", "start", "end", "kind",
    "source", "source_kind", "source_role", "source_id",
    "mention", "mention_start", "mention_end",
    "cue", "cue_start", "cue_end", "cue_lemma", "stance", "negated", "hedge",
    "quotes", "rule", "confidence",
)
"""The columns of :func:`claims_table`, in order."""

CLUSTER_COLUMNS: tuple[str, ...] = (
    "cluster", "canonical", "cluster_speaker", "doc_id", "speaker", "relation", "score",
    "quote", "start", "end", "diff",
)
"""The columns of :func:`clusters_table`, in order."""

COLUMN_TYPES: Mapping[str, Literal["int", "float", "bool", "str"]] = {
    **{name: "int" for name in (
        "start", "end", "utterance", "speaker_id", "source_id", "mention_start",
        "mention_end", "cue_start", "cue_end", "cluster")},
    "confidence": "float", "score": "float", "negated": "bool",
}
"""The type of every column that does not hold text (the others are strings)."""


class ErrorLine(BaseModel):
    """The line ``quoteattr extract`` writes for an input it could not read or process.

    Attributes:
        doc_id: The document's id (from the file name or the JSON Lines record).
        error: What went wrong, naming the input.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str
    error: str


def output_schema() -> dict[str, Any]:
    """The JSON Schema of one line of ``quoteattr extract``: a document or an error.

    Example:
        >>> [d["$ref"].rsplit("/", 1)[-1] for d in output_schema()["anyOf"]]
        ['Document', 'ErrorLine']
    """
    adapter: TypeAdapter[Document | ErrorLine] = TypeAdapter(Document | ErrorLine)
    schema = adapter.json_schema()
    schema["title"] = "quoteattr extract output line"
    schema["description"] = (
        "One line of `quoteattr extract` JSON Lines output: the results for one document, "
        "or, for an input that could not be read or processed, its doc_id and an error."
    )
    return schema


def speaker_columns(prefix: str, speaker: QuoteSpeaker | None) -> Row:
    """The table cells of a quote's speaker or a claim's source, named after ``prefix``."""
    mention = speaker.mention if speaker is not None else None
    return {
        prefix: speaker.name if speaker else None,
        f"{prefix}_kind": speaker.kind if speaker else None,
        f"{prefix}_role": speaker.role if speaker else None,
        f"{prefix}_id": speaker.id if speaker else None,
        "mention": mention.text if mention else None,
        "mention_start": mention.start if mention else None,
        "mention_end": mention.end if mention else None,
    }


def _quote_row(doc_id: str | None, q: Quote) -> Row:
    row: Row = {
        "doc_id": doc_id, "quote": q.text, "start": q.start, "end": q.end, "kind": q.kind,
        "utterance": q.utterance,
    }
    row.update(speaker_columns("speaker", q.speaker))
    row.update({
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "rule": q.rule,
        "confidence": q.confidence if q.speaker is not None else None,
    })
    return row


def _claim_row(doc_id: str | None, c: Claim) -> Row:
    row: Row = {"doc_id": doc_id, "claim": c.text, "start": c.start, "end": c.end, "kind": c.kind}
    row.update(speaker_columns("source", c.source))
    row.update({
        "cue": c.cue.text, "cue_start": c.cue.start, "cue_end": c.cue.end,
        "cue_lemma": c.cue_lemma, "stance": c.stance, "negated": c.negated, "hedge": c.hedge,
        "quotes": " ".join(str(i) for i in c.quotes) or None,
        "rule": c.rule, "confidence": c.confidence,
    })
    return row


def _documents(docs: Document | Iterable[Document]) -> Iterable[Document]:
    if isinstance(docs, Document):
        return (docs,)
    if isinstance(docs, (str, bytes)):
        raise TypeError(
            "expected Document objects from quoteattr.attribute(), got a "
            f"{type(docs).__name__}; run quoteattr.attribute(text) first"
        )
    return docs


def quotes_table(docs: Document | Iterable[Document], *, terms: bool = False) -> list[Row]:
    """Return one row per quote, in document then text order.

    Columns are :data:`QUOTE_COLUMNS`: the document id, the quote as printed and
    its offsets, its kind, the speaker's canonical name, kind, role and id, where
    the speaker is named locally (``mention``), the cue and its offsets, the
    rule that decided and its confidence. Unattributed quotes have ``None`` in
    the speaker, mention, cue and confidence columns.

    Args:
        docs: A document or documents from :func:`quoteattr.attribute`.
        terms: Also list the quoted terms (``kind == "term"``), in text order.

    Returns:
        The rows, as plain dicts.

    Example:
        >>> import quoteattr
        >>> doc = quoteattr.attribute('She said: "We will see." He smiled.', doc_id="a")
        >>> [(r["quote"], r["speaker"], r["speaker_kind"]) for r in quotes_table(doc)]
        [('We will see.', 'She', 'unknown')]
    """
    rows: list[Row] = []
    for doc in _documents(docs):
        quotes = list(doc.quotes)
        if terms:
            quotes = sorted([*quotes, *doc.quoted_terms], key=lambda q: (q.start, q.end))
        rows.extend(_quote_row(doc.doc_id, q) for q in quotes)
    return rows


def claims_table(docs: Document | Iterable[Document]) -> list[Row]:
    """Return one row per reported claim, in document then text order.

    Columns are :data:`CLAIM_COLUMNS`: the claim's content and offsets, its
    source (as the speaker columns of :func:`quotes_table`), the cue with its
    lemma and stance, negation and hedge, the indices of the quotes a mixed
    claim holds (space-separated), the rule and its confidence.

    Args:
        docs: A document or documents from :func:`quoteattr.attribute`.

    Returns:
        The rows, as plain dicts.

    Example:
        >>> import quoteattr
        >>> doc = quoteattr.attribute("Turkey says the jet violated its airspace.", doc_id="b")
        >>> row = claims_table(doc)[0]
        >>> row["source"], row["cue_lemma"], row["claim"]
        ('Turkey', 'say', 'the jet violated its airspace')
    """
    return [_claim_row(doc.doc_id, c) for doc in _documents(docs) for c in doc.claims]


def clusters_table(clusters: Iterable[QuoteCluster]) -> list[Row]:
    """Return one row per printing of each cluster of [match_quotes][quoteattr.match_quotes].

    Columns are ``CLUSTER_COLUMNS``: the
    cluster's number (0, 1, ... in the order given), its canonical text and
    speaker, then for each printing the document, the speaker it names, how it
    relates to the canonical text (exact, variant, fragment) with its score,
    the words as printed with their offsets, and the word diff.

    Args:
        clusters: Clusters from [match_quotes][quoteattr.match_quotes].

    Returns:
        The rows, as plain dicts.

    Example:
        >>> import quoteattr
        >>> docs = [quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="a"),
        ...         quoteattr.attribute('Lavrov said: "We heard nothing new."', doc_id="b")]
        >>> [(r["cluster"], r["doc_id"], r["relation"]) for r in clusters_table(
        ...     quoteattr.match_quotes(docs))]
        [(0, 'a', 'exact'), (0, 'b', 'exact')]
    """
    rows: list[Row] = []
    for number, cluster in enumerate(clusters):
        for member in cluster.members:
            rows.append({
                "cluster": number, "canonical": cluster.canonical,
                "cluster_speaker": cluster.speaker, "doc_id": member.doc_id,
                "speaker": member.speaker, "relation": member.relation,
                "score": member.score, "quote": member.quote.text,
                "start": member.quote.start, "end": member.quote.end,
                "diff": member.diff or None,
            })
    return rows


def rows_of(
    docs: Document | Iterable[Document], what: Table = "quotes"
) -> tuple[list[Row], tuple[str, ...]]:
    """The rows of the quotes or claims table of ``docs``, with the table's columns.

    Raises:
        ValueError: ``what`` is neither ``"quotes"`` nor ``"claims"``.

    Example:
        >>> import quoteattr
        >>> rows, columns = rows_of(quoteattr.attribute('"Hi," Ann said.'), "quotes")
        >>> len(rows), columns[:2]
        (1, ('doc_id', 'quote'))
    """
    if what == "quotes":
        return quotes_table(docs), QUOTE_COLUMNS
    if what == "claims":
        return claims_table(docs), CLAIM_COLUMNS
    raise ValueError(f'what must be "quotes" or "claims", not {what!r}')


_PANDAS_TYPES = {"int": "Int64", "float": "Float64", "bool": "boolean"}


def to_dataframe(
    docs: Document | Iterable[Document],
    *,
    what: Table = "quotes",
) -> pandas.DataFrame:
    """Return the quotes (or claims) of documents as a ``pandas.DataFrame``.

    The columns are those of [quotes_table][quoteattr.io.export.quotes_table]
    (or [claims_table][quoteattr.io.export.claims_table]), in the same order,
    also when there are no rows. Offsets, ids and counts are nullable integers
    (``Int64``), confidence a nullable float (``Float64``), ``negated`` a
    nullable boolean: a missing value is ``<NA>``, never ``NaN`` in a column of
    floats.

    Args:
        docs: A document or documents from [attribute][quoteattr.attribute].
        what: ``"quotes"`` for one row per quote, ``"claims"`` for one per claim.

    Returns:
        A DataFrame with one row per quote or claim.

    Raises:
        ImportError: pandas is not installed; the message says how to install it.
        ValueError: ``what`` is neither ``"quotes"`` nor ``"claims"``.

    Example:
        >>> import quoteattr
        >>> frame = to_dataframe(quoteattr.attribute('"We met," Lavrov said.', doc_id="dw"))
        >>> frame[["doc_id", "speaker", "rule"]].values.tolist()
        [['dw', 'Lavrov', 'quote_comma_name_said']]
        >>> str(frame["start"].dtype), str(frame["speaker_id"].dtype)
        ('Int64', 'Int64')
    """
    rows, columns = rows_of(docs, what)
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            'to_dataframe() needs pandas: pip install "quoteattr[pandas]"'
        ) from exc
    frame: pandas.DataFrame = pandas.DataFrame.from_records(rows, columns=list(columns))
    types = {n: _PANDAS_TYPES[COLUMN_TYPES[n]] for n in columns if n in COLUMN_TYPES}
    frame = frame.astype(types)
    return frame


def pandas_metadata(schema: pyarrow.Schema) -> dict[bytes, bytes]:
    """Arrow schema metadata that makes pandas read integer and boolean columns as nullable.

    A Parquet file written from Arrow without it reads back into pandas with
    integer columns that hold a null as ``float64``; with it, as ``Int64``.
    Pass the result to ``Table.replace_schema_metadata``.

    Example:
        >>> import pyarrow as pa
        >>> meta = pandas_metadata(pa.schema([("start", pa.int64()), ("text", pa.string())]))
        >>> json.loads(meta[b"pandas"])["columns"][0]["numpy_type"]
        'Int64'
    """
    import pyarrow as pa

    columns = []
    for field in schema:
        if pa.types.is_integer(field.type):
            kinds = ("int64", "Int64")
        elif pa.types.is_boolean(field.type):
            kinds = ("bool", "boolean")
        else:
            continue
        columns.append({"name": field.name, "field_name": field.name, "pandas_type": kinds[0],
                        "numpy_type": kinds[1], "metadata": None})
    meta = {"index_columns": [], "column_indexes": [], "columns": columns,
            "creator": {"library": "quoteattr"}}
    return {b"pandas": json.dumps(meta).encode("utf-8")}


def to_arrow(docs: Document | Iterable[Document], *, what: Table = "quotes") -> pyarrow.Table:
    """Return the quotes (or claims) of documents as a ``pyarrow.Table``.

    The columns are those of [to_dataframe][quoteattr.io.export.to_dataframe],
    typed (``int64``, ``double``, ``bool``, ``string``, nulls where a value is
    missing), also when there are no rows. Arrow is the door to other tools
    without a copy: ``polars.from_arrow(table)``, ``duckdb.sql("select * from
    table")``, ``pyarrow.parquet.write_table(table, "quotes.parquet")``;
    ``table.to_pandas()`` gives the same nullable columns as ``to_dataframe``.

    Args:
        docs: A document or documents from [attribute][quoteattr.attribute].
        what: ``"quotes"`` for one row per quote, ``"claims"`` for one per claim.

    Returns:
        An Arrow table with one row per quote or claim.

    Raises:
        ImportError: pyarrow is not installed; the message says how to install it.
        ValueError: ``what`` is neither ``"quotes"`` nor ``"claims"``.

    Example:
        >>> import quoteattr
        >>> table = to_arrow(quoteattr.attribute('"We met," Lavrov said.', doc_id="dw"))
        >>> table.num_rows, str(table.schema.field("start").type)
        (1, 'int64')
    """
    rows, columns = rows_of(docs, what)
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('to_arrow() needs pyarrow: pip install "quoteattr[arrow]"') from exc
    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(n, types[COLUMN_TYPES[n]] if n in COLUMN_TYPES else pa.string())
                        for n in columns])
    data = {n: [row.get(n) for row in rows] for n in columns}
    table: pyarrow.Table = pa.table(data, schema=schema)
    return table.replace_schema_metadata(pandas_metadata(schema))


def write_csv(
    rows: Iterable[Mapping[str, object]],
    out: TextIO,
    *,
    columns: Sequence[str],
    excel: bool = False,
) -> None:
    r"""Write rows as CSV with a header line; ``None`` becomes an empty cell.

    Args:
        rows: Table rows (dicts); keys not in ``columns`` are left out.
        out: A text stream; open files with ``newline=""`` and UTF-8, as the
            ``csv`` module asks.
        columns: The columns, in order.
        excel: Begin with a byte order mark, so that Excel opens the file as
            UTF-8 (without it, Excel reads accented letters as two characters).

    Example:
        >>> import io
        >>> buffer = io.StringIO()
        >>> write_csv([{"a": 1, "b": None}], buffer, columns=["a", "b"])
        >>> buffer.getvalue()
        'a,b\r\n1,\r\n'
    """
    if excel:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
