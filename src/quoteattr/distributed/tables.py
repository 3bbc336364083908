"""The rows and files Dask extraction writes: Parquet tables and JSON Lines partitions.

:data:`TABLES` names the columns of the ``quotes``, ``speakers``, ``claims`` and
``errors`` tables; :func:`document_rows` flattens a document into them; the
writers put one partition's results in one file per table (or one JSON Lines
file) and count what they wrote.

Example:
    >>> import quoteattr
    >>> doc = quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="dw")
    >>> row = document_rows(doc)["quotes"][0]
    >>> row["doc_id"], row["quote"], row["speaker"], row["rule"]
    ('dw', 'We heard nothing new,', 'Lavrov', 'quote_comma_name_said')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from quoteattr.distributed._imports import require
from quoteattr.io.batch import json_line
from quoteattr.io.export import pandas_metadata, speaker_columns
from quoteattr.models import Document, Quote

__all__ = [
    "TABLES",
    "Counts",
    "ExtractSummary",
    "OutputFormat",
    "Row",
    "count_results",
    "document_rows",
    "join_path",
    "summarise",
    "write_jsonl_partition",
    "write_parquet_partition",
]

OutputFormat = Literal["parquet", "jsonl"]

_SPEAKER_COLUMNS = (
    ("kind", "string"), ("role", "string"), ("id", "int64"),
)
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "quotes": (
        ("doc_id", "string"), ("index", "int64"), ("quote", "string"),
        ("start", "int64"), ("end", "int64"), ("open_mark", "string"),
        ("close_mark", "string"), ("kind", "string"), ("depth", "int64"),
        ("utterance", "int64"), ("speaker", "string"),
        *((f"speaker_{n}", t) for n, t in _SPEAKER_COLUMNS),
        ("mention", "string"), ("mention_start", "int64"), ("mention_end", "int64"),
        ("cue", "string"), ("cue_start", "int64"), ("cue_end", "int64"),
        ("rule", "string"), ("confidence", "float64"),
    ),
    "speakers": (
        ("doc_id", "string"), ("speaker_id", "int64"), ("name", "string"),
        ("kind", "string"), ("role", "string"), ("aliases", "list<string>"),
        ("mentions", "int64"),
    ),
    "claims": (
        ("doc_id", "string"), ("index", "int64"), ("claim", "string"),
        ("start", "int64"), ("end", "int64"), ("kind", "string"), ("source", "string"),
        *((f"source_{n}", t) for n, t in _SPEAKER_COLUMNS),
        ("mention", "string"), ("mention_start", "int64"), ("mention_end", "int64"),
        ("cue", "string"), ("cue_start", "int64"), ("cue_end", "int64"),
        ("cue_lemma", "string"), ("stance", "string"), ("negated", "bool"),
        ("hedge", "string"), ("quotes", "list<int64>"), ("rule", "string"),
        ("confidence", "float64"),
    ),
    "errors": (("doc_id", "string"), ("error", "string")),
}
"""The Parquet tables and their columns as ``(name, Arrow type)``, in order."""

Row = dict[str, Any]


@dataclass(frozen=True)
class ExtractSummary:
    """What an extraction run wrote.

    Attributes:
        documents: Articles attributed.
        quotes: Direct and partial quotes found.
        speakers: Speakers found.
        claims: Reported claims found.
        errors: Records that could not be processed (an ``error`` line or row each).
        files: The files written.
    """

    documents: int
    quotes: int
    speakers: int
    claims: int
    errors: int
    files: tuple[str, ...]


# -- rows --------------------------------------------------------------------
def _quote_row(doc_id: str | None, index: int, q: Quote) -> Row:
    row: Row = {
        "doc_id": doc_id, "index": index, "quote": q.text, "start": q.start, "end": q.end,
        "open_mark": q.open_mark, "close_mark": q.close_mark, "kind": q.kind,
        "depth": q.depth, "utterance": q.utterance,
    }
    row.update(speaker_columns("speaker", q.speaker))
    row.update({
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "rule": q.rule, "confidence": q.confidence,
    })
    return row


def document_rows(doc: Document) -> dict[str, list[Row]]:
    """Flatten one document into rows of the ``quotes``, ``speakers`` and ``claims`` tables.

    Columns are those of :data:`TABLES`; ``index`` is the position of the
    quote or claim in the document, so that a row leads back to it.

    Example:
        >>> import quoteattr
        >>> text = '"We met," Lavrov said. Lavrov said the talks would go on.'
        >>> rows = document_rows(quoteattr.attribute(text, doc_id="a"))
        >>> [(r["claim"], r["source"], r["cue_lemma"]) for r in rows["claims"]]
        [('the talks would go on', 'Lavrov', 'say')]
        >>> [(r["name"], r["kind"]) for r in rows["speakers"]]
        [('Lavrov', 'person')]
    """
    doc_id = doc.doc_id
    quotes = [_quote_row(doc_id, i, q) for i, q in enumerate(doc.quotes)]
    speakers = [
        {"doc_id": doc_id, "speaker_id": s.id, "name": s.name, "kind": s.kind, "role": s.role,
         "aliases": list(s.aliases), "mentions": len(s.mentions)}
        for s in doc.speakers
    ]
    claims = []
    for i, c in enumerate(doc.claims):
        row: Row = {"doc_id": doc_id, "index": i, "claim": c.text, "start": c.start,
                    "end": c.end, "kind": c.kind}
        row.update(speaker_columns("source", c.source))
        row.update({
            "cue": c.cue.text, "cue_start": c.cue.start, "cue_end": c.cue.end,
            "cue_lemma": c.cue_lemma, "stance": c.stance, "negated": c.negated,
            "hedge": c.hedge, "quotes": list(c.quotes), "rule": c.rule,
            "confidence": c.confidence,
        })
        claims.append(row)
    return {"quotes": quotes, "speakers": speakers, "claims": claims}

# -- writing ------------------------------------------------------------------
def join_path(directory: str, *parts: str) -> str:
    """Join a folder (a path or URL) and names with ``/``."""
    return "/".join([directory.rstrip("/"), *parts])


def _arrow_schema(table: str) -> Any:
    pa = require("pyarrow")
    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_(), "list<string>": pa.list_(pa.string()),
             "list<int64>": pa.list_(pa.int64())}
    return pa.schema([(name, types[kind]) for name, kind in TABLES[table]])


@dataclass
class Counts:
    """Running totals of one partition (see :class:`ExtractSummary`)."""

    documents: int = 0
    quotes: int = 0
    speakers: int = 0
    claims: int = 0
    errors: int = 0


def count_results(results: Iterable[Document | Row]) -> Counts:
    """Count the documents, quotes, speakers, claims and errors of one partition."""
    counts = Counts()
    for result in results:
        if isinstance(result, Document):
            counts.documents += 1
            counts.quotes += len(result.quotes)
            counts.speakers += len(result.speakers)
            counts.claims += len(result.claims)
        else:
            counts.errors += 1
    return counts


def write_jsonl_partition(
    results: list[Document | Row], out_dir: str, index: int
) -> tuple[Counts, list[str]]:
    """Write one partition as ``out_dir/part-NNNNN.jsonl``: the lines ``extract`` prints."""
    fsspec = require("fsspec")
    path = join_path(out_dir, f"part-{index:05d}.jsonl")
    fs, _, (target,) = fsspec.get_fs_token_paths(path)
    partial = target + ".partial"  # renamed when whole: a file is complete or absent
    with fs.open(partial, "wb") as handle:
        for result in results:
            record = result.model_dump(mode="json") if isinstance(result, Document) else result
            handle.write(json_line(record))
    fs.mv(partial, target)
    return count_results(results), [path]


def _arrow_table(rows: list[Row], name: str) -> Any:
    pa = require("pyarrow")
    try:
        return pa.Table.from_pylist(rows, schema=_arrow_schema(name))
    except (UnicodeEncodeError, pa.ArrowException):
        # a lone surrogate (from a \ud800 escape in the input) cannot be UTF-8: U+FFFD,
        # one character for one, so offsets still hold
        return pa.Table.from_pylist([_replace_surrogates(row) for row in rows],
                                    schema=_arrow_schema(name))


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if any(
            "\ud800" <= c <= "\udfff" for c in value) else value
    if isinstance(value, dict):
        return {k: _replace_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_surrogates(v) for v in value]
    return value


def write_parquet_partition(
    results: list[Document | Row], out_dir: str, index: int
) -> tuple[Counts, list[str]]:
    """Write one partition as ``out_dir/<table>/part-NNNNN.parquet`` for each of :data:`TABLES`."""
    fsspec = require("fsspec")
    pq = require("pyarrow.parquet")
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for result in results:
        if isinstance(result, Document):
            for name, rows in document_rows(result).items():
                tables[name].extend(rows)
        else:
            tables["errors"].append(dict(result))
    written = []
    for name, rows in tables.items():
        path = join_path(out_dir, name, f"part-{index:05d}.parquet")
        fs, _, (target,) = fsspec.get_fs_token_paths(path)
        fs.makedirs(join_path(out_dir, name), exist_ok=True)
        with fs.open(target, "wb") as handle:
            table = _arrow_table(rows, name)
            # pandas reads integer columns with nulls back as Int64, not float64
            pq.write_table(table.replace_schema_metadata(pandas_metadata(table.schema)), handle)
        written.append(path)
    return count_results(results), written


def summarise(done: Iterable[tuple[Counts, list[str]]]) -> ExtractSummary:
    """Add up what the partition tasks wrote."""
    total = Counts()
    files: list[str] = []
    for counts, paths in done:
        total.documents += counts.documents
        total.quotes += counts.quotes
        total.speakers += counts.speakers
        total.claims += counts.claims
        total.errors += counts.errors
        files.extend(paths)
    return ExtractSummary(total.documents, total.quotes, total.speakers, total.claims,
                          total.errors, tuple(files))
