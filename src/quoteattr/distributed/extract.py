"""Run :func:`quoteattr.attribute` over a corpus on Dask and write the results.

Articles are records with an id and a text (JSON Lines or Parquet files, or a
Dask bag or DataFrame you already have). Every article is attributed on a Dask
worker exactly as :func:`quoteattr.attribute` does in one process; the results
are written by the workers themselves, one file per partition:

* JSON Lines: ``part-00000.jsonl`` ... one line per document, the same line
  ``quoteattr extract`` prints (``Document.model_dump(mode="json")``), or an
  ``error`` line for a record that could not be processed;
* Parquet: ``quotes/``, ``speakers/``, ``claims/`` and ``errors/`` folders of
  ``part-00000.parquet`` ... files with flat columns (:data:`TABLES`).

Paths may be local, on a shared file system or any URL fsspec opens
(``s3://``, ``gs://``...), as long as every worker can reach them.

Example:
    Rows are plain values; building them needs no Dask:

    >>> import quoteattr
    >>> doc = quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="dw")
    >>> row = document_rows(doc)["quotes"][0]
    >>> row["doc_id"], row["quote"], row["speaker"], row["rule"]
    ('dw', 'We heard nothing new,', 'Lavrov', 'quote_comma_name_said')
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, cast

from quoteattr.distributed._imports import require
from quoteattr.io.export import pandas_metadata, speaker_columns
from quoteattr.models import Document, Quote, parse_date
from quoteattr.pipeline import attribute

if TYPE_CHECKING:  # pragma: no cover
    from dask.bag import Bag

__all__ = [
    "TABLES",
    "ExtractSummary",
    "attribute_bag",
    "document_rows",
    "extract_to_jsonl",
    "extract_to_parquet",
    "read_articles",
    "write_results",
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


# -- reading ------------------------------------------------------------------
def _is_parquet(path: str) -> bool:
    name = PurePosixPath(path.rstrip("/")).name.lower()
    return name.endswith((".parquet", ".pq")) or "." not in name


def read_articles(
    paths: str | Sequence[str],
    *,
    id_field: str = "doc_id",
    text_field: str = "text",
    blocksize: int | str | None = None,
) -> Bag:
    """Open JSON Lines or Parquet files of articles as a Dask bag of records.

    Each JSON Lines file (or glob of them) becomes one partition, or one per
    ``blocksize`` bytes. A Parquet path (a ``.parquet`` file, a folder of
    them, or a glob) becomes one partition per row group. Records keep only
    the id and text fields and the ``date`` (a ``date`` field or column, or
    ``meta.publication_date`` in JSON Lines), where there is one; lines that
    are not JSON objects become records with an ``error`` field, which
    :func:`attribute_bag` passes on.

    Args:
        paths: Files, globs or (Parquet) folders; local paths or fsspec URLs.
        id_field: The id field or column.
        text_field: The text field or column.
        blocksize: Split JSON Lines files into pieces of about this many bytes
            (``"64MiB"``); ``None`` keeps one partition per file.

    Returns:
        A lazy bag of ``{id_field: ..., text_field: ...}`` dicts.

    Raises:
        ImportError: Dask is not installed.
        ValueError: ``paths`` mixes Parquet and JSON Lines, or is empty.
    """
    bag_module = require("dask.bag")
    names = [paths] if isinstance(paths, str) else list(paths)
    if not names:
        raise ValueError("read_articles() needs at least one path")
    parquet = {_is_parquet(p) for p in names}
    if len(parquet) > 1:
        raise ValueError("read_articles() reads either Parquet or JSON Lines paths, not both")
    if parquet.pop():
        frame = require("dask.dataframe").read_parquet(names, split_row_groups=True)
        wanted = [c for c in (id_field, text_field, "date") if c in frame.columns]
        return cast("Bag", frame[wanted].to_bag(format="dict"))
    lines = bag_module.read_text(names, blocksize=blocksize, include_path=True)
    return cast("Bag", lines.map_partitions(_parse_lines, id_field=id_field,
                                            text_field=text_field))


def _parse_lines(
    lines: Iterable[tuple[str, str]], *, id_field: str, text_field: str
) -> list[Row]:
    records: list[Row] = []
    for line, path in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            records.append({"error": f"{path}: a line is not valid JSON ({exc.msg})"})
            continue
        if not isinstance(record, dict):
            records.append({"error": f"{path}: a line must be a JSON object"})
            continue
        row = {id_field: record.get(id_field, record.get("id")),
               text_field: record.get(text_field)}
        meta = record.get("meta")
        date = record.get("date")
        if date is None and isinstance(meta, dict):
            date = meta.get("publication_date")
        if date is not None:
            row["date"] = date
        records.append(row)
    return records


# -- attributing --------------------------------------------------------------
def _plain_date(value: object) -> object:
    """A Parquet or pandas timestamp as a ``datetime``; missing values as None."""
    if value is None or value != value:  # NaN, NaT
        return None
    to_datetime = getattr(value, "to_pydatetime", None)
    return to_datetime() if callable(to_datetime) else value


def attribute_record(
    record: Mapping[str, Any], *, id_field: str = "doc_id", text_field: str = "text",
    claims: bool = True,
) -> Document | Row:
    """Attribute one record; return the Document, or an error row saying what was wrong.

    Example:
        >>> attribute_record({"doc_id": 7, "text": '"Yes," she said.'}).doc_id
        '7'
        >>> attribute_record({"doc_id": "a"})
        {'doc_id': 'a', 'error': "no string field 'text'"}
    """
    if "error" in record:
        return {"doc_id": None, "error": str(record["error"])}
    raw_id = record.get(id_field)
    doc_id = None if raw_id is None else str(raw_id)
    text = record.get(text_field)
    if doc_id is None:
        return {"doc_id": None, "error": f"no {id_field!r} field: every record needs an id"}
    if not isinstance(text, str):
        return {"doc_id": doc_id, "error": f"no string field {text_field!r}"}
    try:
        date = parse_date(_plain_date(record.get("date")))
    except (TypeError, ValueError) as exc:
        return {"doc_id": doc_id, "error": f"field 'date': {exc}"}
    try:
        return attribute(text, doc_id=doc_id, claims=claims, date=date)
    except Exception as exc:  # a bug must not lose the other documents
        return {"doc_id": doc_id, "error": f"internal error: {type(exc).__name__}: {exc}"}


def attribute_bag(
    articles: Any,
    *,
    id_field: str = "doc_id",
    text_field: str = "text",
    claims: bool = True,
) -> Bag:
    """Attribute every article of a Dask bag or DataFrame, lazily.

    Args:
        articles: A ``dask.bag.Bag`` of dicts, or a ``dask.dataframe.DataFrame``
            with an id and a text column, and optionally a ``date`` (kept as
            :attr:`~quoteattr.models.Document.date`).
        id_field: The id field or column; copied into ``Document.doc_id`` as a str.
        text_field: The text field or column.
        claims: Also find reported claims, as :func:`quoteattr.attribute` does.

    Returns:
        A lazy bag holding, per article, the :class:`~quoteattr.models.Document`
        that ``quoteattr.attribute(text, doc_id=str(id))`` returns, or an error
        dict (``doc_id``, ``error``) for a record without an id or a string text.
    """
    bag_module = require("dask.bag")
    bag = articles
    if not isinstance(bag, bag_module.Bag):
        frame_type = getattr(require("dask.dataframe"), "DataFrame", ())
        if not isinstance(bag, frame_type):
            raise TypeError(
                "attribute_bag() takes a dask Bag of records or a dask DataFrame, got "
                f"{type(articles).__name__}; for a list use dask.bag.from_sequence(records)"
            )
        columns = [id_field, text_field] + (["date"] if "date" in bag.columns else [])
        bag = bag[columns].to_bag(format="dict")
    return cast("Bag", bag.map(attribute_record, id_field=id_field, text_field=text_field,
                               claims=claims))


# -- writing ------------------------------------------------------------------
def _join(directory: str, *parts: str) -> str:
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


def _count(results: Iterable[Document | Row]) -> Counts:
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


def _write_jsonl_partition(
    results: list[Document | Row], out_dir: str, index: int
) -> tuple[Counts, list[str]]:
    fsspec = require("fsspec")
    path = _join(out_dir, f"part-{index:05d}.jsonl")
    with fsspec.open(path, "w", encoding="utf-8") as handle:
        for result in results:
            record = result.model_dump(mode="json") if isinstance(result, Document) else result
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return _count(results), [path]


def _write_parquet_partition(
    results: list[Document | Row], out_dir: str, index: int
) -> tuple[Counts, list[str]]:
    fsspec = require("fsspec")
    pa = require("pyarrow")
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
        path = _join(out_dir, name, f"part-{index:05d}.parquet")
        fs, _, (target,) = fsspec.get_fs_token_paths(path)
        fs.makedirs(_join(out_dir, name), exist_ok=True)
        with fs.open(target, "wb") as handle:
            table = pa.Table.from_pylist(rows, schema=_arrow_schema(name))
            # pandas reads integer columns with nulls back as Int64, not float64
            pq.write_table(table.replace_schema_metadata(pandas_metadata(table.schema)), handle)
        written.append(path)
    return _count(results), written


def write_results(results: Bag, out_dir: str, *, format: OutputFormat) -> ExtractSummary:
    """Compute a bag from :func:`attribute_bag` and write it, one file per partition.

    Each worker writes its own partitions; only counts and file names come
    back. Uses the current Dask scheduler (the default ``Client`` if one exists).

    Raises:
        ValueError: ``format`` is neither ``"parquet"`` nor ``"jsonl"``.
    """
    if format not in ("parquet", "jsonl"):
        raise ValueError(f"format must be 'parquet' or 'jsonl', got {format!r}")
    dask = require("dask")
    writer = _write_parquet_partition if format == "parquet" else _write_jsonl_partition
    fsspec = require("fsspec")
    fs, _, (root,) = fsspec.get_fs_token_paths(out_dir)
    fs.makedirs(root, exist_ok=True)
    tasks = [
        dask.delayed(writer, pure=False)(part, out_dir, i)
        for i, part in enumerate(cast(Any, results).to_delayed())
    ]
    done = dask.compute(*tasks)
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


def extract_to_jsonl(
    paths: str | Sequence[str],
    out_dir: str,
    *,
    id_field: str = "doc_id",
    text_field: str = "text",
    blocksize: int | str | None = None,
    claims: bool = True,
) -> ExtractSummary:
    """Attribute the articles of JSON Lines or Parquet files into JSON Lines partitions.

    ``out_dir/part-00000.jsonl`` ... hold the lines ``quoteattr extract``
    prints for the same articles. Runs on the current Dask scheduler.
    """
    articles = read_articles(paths, id_field=id_field, text_field=text_field,
                             blocksize=blocksize)
    results = attribute_bag(articles, id_field=id_field, text_field=text_field, claims=claims)
    return write_results(results, out_dir, format="jsonl")


def extract_to_parquet(
    paths: str | Sequence[str],
    out_dir: str,
    *,
    id_field: str = "doc_id",
    text_field: str = "text",
    blocksize: int | str | None = None,
    claims: bool = True,
) -> ExtractSummary:
    """Attribute the articles of JSON Lines or Parquet files into Parquet tables.

    Writes ``out_dir/{quotes,speakers,claims,errors}/part-00000.parquet`` ...
    with the columns of :data:`TABLES`; read them back with
    ``pandas.read_parquet(out_dir + "/quotes")`` or ``dask.dataframe.read_parquet``.
    Runs on the current Dask scheduler.
    """
    articles = read_articles(paths, id_field=id_field, text_field=text_field,
                             blocksize=blocksize)
    results = attribute_bag(articles, id_field=id_field, text_field=text_field, claims=claims)
    return write_results(results, out_dir, format="parquet")
