"""Article records on Dask: read from JSON Lines or Parquet, attributed one by one.

:func:`read_articles` opens files as a bag of ``{id, text}`` records;
:func:`attribute_record` attributes one record and never raises for a bad one;
:func:`attribute_bag` maps it over a bag with one :class:`~quoteattr.Options`.

Example:
    >>> attribute_record({"doc_id": 7, "text": '"Yes," she said.'}).quotes[0].speaker.name
    'she'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from quoteattr.attribution.rules import Rule
from quoteattr.attribution.rulesets import RuleSet
from quoteattr.distributed._imports import require
from quoteattr.distributed.tables import Row
from quoteattr.io.batch import MAX_DOCUMENT_CHARS
from quoteattr.io.sources import TEXT_SUFFIXES
from quoteattr.language.lexicon import Lexicon
from quoteattr.models import Document, parse_date
from quoteattr.options import Options, resolve_options
from quoteattr.pipeline import run_pipeline

if TYPE_CHECKING:  # pragma: no cover
    from dask.bag import Bag

__all__ = [
    "attribute_bag",
    "attribute_record",
    "error_row",
    "read_articles",
    "resolve",
]


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
    """Open JSON Lines, text or Parquet files of articles as a Dask bag of records.

    Each JSON Lines file (or glob of them) becomes one partition, or one per
    ``blocksize`` bytes; lines are split on the newline character only, so a
    text holding U+2028 or U+0085 stays one record. A Parquet path (a
    ``.parquet`` file, a folder of them, or a glob) becomes one partition per
    row group. Records keep only the id and text fields and the ``date`` (a
    ``date`` field or column, or ``meta.publication_date`` in JSON Lines),
    where there is one; a line that is not
    UTF-8, not JSON or not an object becomes a record with an ``error`` field
    (and, with whole files as partitions, the id ``file:line``), which
    :func:`attribute_bag` passes on.

    Args:
        paths: Files, globs or (Parquet) folders; local paths or fsspec URLs. A
            ``.txt``, ``.text`` or ``.md`` file is one article, its file name
            without extension the id, as ``quoteattr extract`` reads it.
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
    texts = [n for n in names if PurePosixPath(n).suffix.lower() in TEXT_SUFFIXES]
    names = [n for n in names if n not in texts]
    bags = []
    if texts:  # one article a file, read on the workers
        bags.append(bag_module.from_sequence(texts, partition_size=_TEXT_FILES_PER_PARTITION)
                    .map(_text_record, id_field=id_field, text_field=text_field))
    parquet = {_is_parquet(p) for p in names}
    if len(parquet) > 1 or (texts and True in parquet):
        raise ValueError("read_articles() reads either Parquet or JSON Lines and text paths, "
                         "not both")
    if parquet and parquet.pop():
        frame = require("dask.dataframe").read_parquet(names, split_row_groups=True)
        wanted = [c for c in (id_field, text_field, "date") if c in frame.columns]
        return cast("Bag", frame[wanted].to_bag(format="dict"))
    if names:
        lines = bag_module.read_text(names, blocksize=blocksize, include_path=True,
                                     linedelimiter="\n", errors="surrogateescape")
        bags.append(lines.map_partitions(_parse_lines, id_field=id_field,
                                         text_field=text_field, whole_files=blocksize is None))
    return cast("Bag", bags[0] if len(bags) == 1 else bag_module.concat(bags))


_TEXT_FILES_PER_PARTITION = 64


def _text_record(path: str, *, id_field: str, text_field: str) -> Row:
    """A text file as a record: its name without extension as the id, as plain extract reads it."""
    doc_id = PurePosixPath(path).stem
    try:
        with require("fsspec").open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return error_row(doc_id, f"{path}: cannot read: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return error_row(doc_id, f"{path}: not UTF-8 text (undecodable byte at offset "
                                 f"{exc.start}); convert it to UTF-8 first")
    if "\x00" in text:
        return error_row(doc_id, f"{path}: looks like a binary file, not text")
    return {id_field: doc_id, text_field: text}


def _undecodable(line: str) -> int:
    """The offset of the first byte that was not UTF-8 (read with surrogateescape), or -1."""
    for offset, char in enumerate(line):
        if "\udc80" <= char <= "\udcff":
            return offset
    return -1


def _parse_lines(
    lines: Iterable[tuple[str, str]], *, id_field: str, text_field: str,
    whole_files: bool = True,
) -> list[Row]:
    records: list[Row] = []
    numbers: dict[str, int] = {}
    for line, path in lines:
        number = numbers[path] = numbers.get(path, 0) + 1
        if not line.strip():
            continue
        where = f"{path}:{number}" if whole_files else f"a line of {path}"
        doc_id = f"{PurePosixPath(path).stem}:{number}" if whole_files else None
        bad = _undecodable(line) if not line.isascii() else -1
        if bad >= 0:
            records.append({"doc_id": doc_id, "error": f"{where}: not UTF-8 text (undecodable "
                            f"byte at character {bad}); convert it to UTF-8 first"})
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            message = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            records.append({"doc_id": doc_id, "error": f"{where}: not valid JSON ({message})"})
            continue
        if not isinstance(record, dict):
            records.append({"doc_id": doc_id, "error": f"{where}: a line must be a JSON object"})
            continue
        found_id = record.get(id_field, record.get("id"))
        row = {id_field: found_id if found_id is not None else doc_id,
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


def error_row(doc_id: object, message: str) -> Row:
    """The error record of a document: its id (as a str, or None) and what went wrong."""
    return {"doc_id": None if doc_id is None else str(doc_id), "error": message}


def attribute_record(
    record: object, *, id_field: str = "doc_id", text_field: str = "text",
    options: Options | None = None, max_chars: int | None = MAX_DOCUMENT_CHARS,
) -> Document | Row:
    """Attribute one record; return the Document, or an error row saying what was wrong.

    Never raises for a bad record: a record that is not a mapping, has no id,
    no string text, too long a text, or an ``error`` field of its own (a line
    :func:`read_articles` could not read) becomes ``{"doc_id": ..., "error": ...}``.

    Example:
        >>> attribute_record({"doc_id": 7, "text": '"Yes," she said.'}).doc_id
        '7'
        >>> attribute_record({"doc_id": "a"})
        {'doc_id': 'a', 'error': "no string field 'text'"}
        >>> attribute_record(None)["error"]
        'a record must be a mapping with an id and a text, not NoneType'
    """
    if not isinstance(record, Mapping):
        return error_row(None, f"a record must be a mapping with an id and a text, not "
                                f"{type(record).__name__}")
    raw_id = record.get(id_field, record.get("doc_id") if id_field != "doc_id" else None)
    if "error" in record:
        return error_row(raw_id, str(record["error"]))
    doc_id = None if raw_id is None else str(raw_id)
    text = record.get(text_field)
    if doc_id is None:
        return error_row(None, f"no {id_field!r} field: every record needs an id")
    if not isinstance(text, str):
        return error_row(doc_id, f"no string field {text_field!r}")
    if max_chars is not None and len(text) > max_chars:
        return error_row(doc_id, f"too large to attribute as one document ({len(text):,} "
                                  f"characters; the limit is {max_chars:,}); split it")
    try:
        date = parse_date(_plain_date(record.get("date")))
    except (TypeError, ValueError) as exc:
        return error_row(doc_id, f"field 'date': {exc}")
    try:
        doc = run_pipeline(text, options if options is not None else Options(), doc_id=doc_id)
        return doc if date is None else doc.model_copy(update={"date": date})
    except MemoryError as exc:
        return error_row(doc_id, str(exc) or "out of memory")
    except Exception as exc:  # a bug must not lose the other documents
        return error_row(doc_id, f"internal error: {type(exc).__name__}: {exc}")


def resolve(options: Options | None, overrides: dict[str, Any]) -> Options:
    """The one Options of a run, its rule set compiled (an invalid one fails here, once)."""
    opts = resolve_options(options, **overrides)
    opts.sieve  # noqa: B018 - an invalid rule set fails here, before any task runs
    opts.full_lexicon  # noqa: B018
    return opts


def attribute_bag(
    articles: Any,
    *,
    id_field: str = "doc_id",
    text_field: str = "text",
    options: Options | None = None,
    language: str | None = None,
    rules: Sequence[Rule] | RuleSet | None = None,
    lexicon: Lexicon | None = None,
    claims: bool | None = None,
    double_apostrophes: bool | None = None,
    max_chars: int | None = MAX_DOCUMENT_CHARS,
) -> Bag:
    """Attribute every article of a Dask bag or DataFrame, lazily.

    Args:
        articles: A ``dask.bag.Bag`` of dicts, or a ``dask.dataframe.DataFrame``
            with an id and a text column, and optionally a ``date`` (kept as
            :attr:`~quoteattr.models.Document.date`).
        id_field: The id field or column; copied into ``Document.doc_id`` as a str.
        text_field: The text field or column.
        options: All options at once, as for :func:`quoteattr.attribute`; the
            keywords below override its fields. They reach every worker.
        language: The language of the articles.
        rules: The attribution sieve (a :class:`~quoteattr.RuleSet`, or rules).
        lexicon: Word lists to use.
        claims: Also find reported claims, as :func:`quoteattr.attribute` does.
        double_apostrophes: Read ``''`` as a double quotation mark.
        max_chars: A longer text becomes an error record; ``None``: no limit.

    Returns:
        A lazy bag holding, per article, the :class:`~quoteattr.models.Document`
        that ``quoteattr.attribute(text, doc_id=str(id), options=options)``
        returns, or an error dict (``doc_id``, ``error``) for a record that is
        not a mapping or has no id or no string text.

    Raises:
        TypeError: ``articles`` is neither a bag nor a DataFrame.
        ValueError: an option is invalid.
    """
    bag_module = require("dask.bag")
    opts = resolve(options, {"language": language, "rules": rules, "lexicon": lexicon,
                              "claims": claims, "double_apostrophes": double_apostrophes})
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
                               options=opts, max_chars=max_chars))


