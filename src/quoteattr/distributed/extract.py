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

Every option of :func:`quoteattr.attribute` (one :class:`~quoteattr.Options`,
or its keywords) reaches the workers. Nothing is lost without a record: a
record that is not a mapping (``None``, a number), has no id or no text, or is
longer than ``max_chars`` becomes an error record; and a document that kills
the worker processing it (out of memory, a crash, or over the ``timeout``) is
found when Dask runs its partition again, reported as an error record, and the
rest of the partition is written. For that, each partition task keeps a small
note in ``out_dir/_attempts/`` while it runs (after a first failure, one before
each document), removed when the partition is written.

Example:
    Rows are plain values; building them needs no Dask:

    >>> import quoteattr
    >>> doc = quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="dw")
    >>> row = document_rows(doc)["quotes"][0]
    >>> row["doc_id"], row["quote"], row["speaker"], row["rule"]
    ('dw', 'We heard nothing new,', 'Lavrov', 'quote_comma_name_said')
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from quoteattr.attribution.rules import Rule
from quoteattr.attribution.rulesets import RuleSet
from quoteattr.distributed._imports import require
from quoteattr.distributed.guard import KILLED, Settings, extract_partition
from quoteattr.distributed.records import (
    attribute_bag,
    attribute_record,
    read_articles,
    resolve,
)
from quoteattr.distributed.tables import (
    TABLES,
    ExtractSummary,
    OutputFormat,
    document_rows,
    join_path,
    summarise,
    write_jsonl_partition,
    write_parquet_partition,
)
from quoteattr.io.batch import MAX_DOCUMENT_CHARS
from quoteattr.language.lexicon import Lexicon
from quoteattr.options import Options

if TYPE_CHECKING:  # pragma: no cover
    from dask.bag import Bag

__all__ = [
    "KILLED",
    "TABLES",
    "ExtractSummary",
    "OutputFormat",
    "attribute_bag",
    "attribute_record",
    "document_rows",
    "extract_articles",
    "extract_to_jsonl",
    "extract_to_parquet",
    "read_articles",
    "write_results",
]


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
    writer = write_parquet_partition if format == "parquet" else write_jsonl_partition
    fsspec = require("fsspec")
    fs, _, (root,) = fsspec.get_fs_token_paths(out_dir)
    fs.makedirs(root, exist_ok=True)
    tasks = [
        dask.delayed(writer, pure=False)(part, out_dir, i)
        for i, part in enumerate(cast(Any, results).to_delayed())
    ]
    return summarise(dask.compute(*tasks))


def extract_articles(
    articles: Any,
    out_dir: str,
    *,
    format: OutputFormat,
    id_field: str = "doc_id",
    text_field: str = "text",
    options: Options | None = None,
    language: str | None = None,
    rules: Sequence[Rule] | RuleSet | None = None,
    lexicon: Lexicon | None = None,
    claims: bool | None = None,
    double_apostrophes: bool | None = None,
    max_chars: int | None = MAX_DOCUMENT_CHARS,
    timeout: float | None = None,
) -> ExtractSummary:
    """Attribute a bag of article records and write the results, one file per partition.

    The guarded form of ``write_results(attribute_bag(articles), ...)``: a
    document that kills the worker attributing it becomes an error record
    (:data:`KILLED`) and the rest of its partition is written. Dask runs a task
    whose worker died again, up to ``distributed.scheduler.allowed-failures``
    times: each partition needs two runs to find such a document (the
    default, 3, allows one killing document per partition; the
    ``quoteattr extract --dask local`` cluster allows ten).

    Args:
        articles: A bag of ``{id_field: ..., text_field: ...}`` records
            (:func:`read_articles`) or a Dask DataFrame with those columns.
        out_dir: The output folder or URL.
        format: ``"parquet"`` or ``"jsonl"``.
        id_field: The id field.
        text_field: The text field.
        options: All options at once; the keywords below override its fields.
        language: The language of the articles.
        rules: The attribution sieve.
        lexicon: Word lists to use.
        claims: Also find reported claims.
        double_apostrophes: Read ``''`` as a double quotation mark.
        max_chars: A longer text becomes an error record; ``None``: no limit.
        timeout: Seconds one document may take on a worker process; one that
            runs over ends its worker and is reported like a killing document.

    Returns:
        What was written.
    """
    if format not in ("parquet", "jsonl"):
        raise ValueError(f"format must be 'parquet' or 'jsonl', got {format!r}")
    if timeout is not None and (isinstance(timeout, bool) or not timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    dask = require("dask")
    fsspec = require("fsspec")
    bag_module = require("dask.bag")
    opts = resolve(options, {"language": language, "rules": rules, "lexicon": lexicon,
                              "claims": claims, "double_apostrophes": double_apostrophes})
    bag = articles
    if not isinstance(bag, bag_module.Bag):
        frame_type = getattr(require("dask.dataframe"), "DataFrame", ())
        if not isinstance(bag, frame_type):
            raise TypeError(f"extract_articles() takes a dask Bag of records or a dask "
                            f"DataFrame, got {type(articles).__name__}")
        columns = [id_field, text_field] + (["date"] if "date" in bag.columns else [])
        bag = bag[columns].to_bag(format="dict")
    settings = Settings(opts, id_field, text_field, max_chars, timeout, format,
                         os.urandom(8).hex(), os.getpid())
    fs, _, (root,) = fsspec.get_fs_token_paths(out_dir)
    fs.makedirs(root, exist_ok=True)
    tasks = [
        dask.delayed(extract_partition, pure=False)(part, out_dir, i, settings)
        for i, part in enumerate(cast(Any, bag).to_delayed())
    ]
    summary = summarise(dask.compute(*tasks))
    notes = join_path(root, "_attempts")
    if fs.exists(notes) and not fs.ls(notes):
        fs.rm(notes, recursive=True)
    return summary


def extract_to_jsonl(
    paths: str | Sequence[str],
    out_dir: str,
    *,
    id_field: str = "doc_id",
    text_field: str = "text",
    blocksize: int | str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> ExtractSummary:
    """Attribute the articles of JSON Lines or Parquet files into JSON Lines partitions.

    ``out_dir/part-00000.jsonl`` ... hold the lines ``quoteattr extract``
    prints for the same articles. Runs on the current Dask scheduler. The
    options, and the keywords ``language``, ``rules``, ``lexicon``, ``claims``,
    ``double_apostrophes``, ``max_chars`` and ``timeout``, are those of
    :func:`extract_articles`.
    """
    articles = read_articles(paths, id_field=id_field, text_field=text_field,
                             blocksize=blocksize)
    return extract_articles(articles, out_dir, format="jsonl", id_field=id_field,
                            text_field=text_field, options=options, **overrides)


def extract_to_parquet(
    paths: str | Sequence[str],
    out_dir: str,
    *,
    id_field: str = "doc_id",
    text_field: str = "text",
    blocksize: int | str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> ExtractSummary:
    """Attribute the articles of JSON Lines or Parquet files into Parquet tables.

    Writes ``out_dir/{quotes,speakers,claims,errors}/part-00000.parquet`` ...
    with the columns of :data:`TABLES`; read them back with
    ``pandas.read_parquet(out_dir + "/quotes")`` or ``dask.dataframe.read_parquet``.
    Runs on the current Dask scheduler. Options as for :func:`extract_to_jsonl`.
    """
    articles = read_articles(paths, id_field=id_field, text_field=text_field,
                             blocksize=blocksize)
    return extract_articles(articles, out_dir, format="parquet", id_field=id_field,
                            text_field=text_field, options=options, **overrides)
