"""Read the documents a command line names: files, folders, JSON Lines, stdin.

Every input becomes a :class:`SourceText` or, when it cannot be read, a
:class:`SourceError` naming the input and what went wrong, so that batch runs
never drop a document silently.

Example:
    >>> import io
    >>> [s.doc_id for s in read_sources(["-"], stdin=io.StringIO("He said so."))]
    ['stdin']
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from quoteattr.models import parse_date

__all__ = ["SourceError", "SourceText", "list_inputs", "read_inputs", "read_sources"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


@dataclass(frozen=True)
class SourceText:
    """One document to process, with its publication date when the input gives one."""

    doc_id: str
    text: str
    origin: str
    date: datetime.date | None = None


@dataclass(frozen=True)
class SourceError:
    """An input that could not be read, with the reason."""

    doc_id: str
    error: str
    origin: str


def read_sources(
    paths: Iterable[str],
    *,
    stdin: TextIO | None = None,
    id_field: str = "doc_id",
    text_field: str = "text",
    glob: str | None = None,
) -> Iterator[SourceText | SourceError]:
    """Yield each document named by ``paths``, in order.

    Args:
        paths: File paths, folders (the files below them, see ``glob``), ``.jsonl``
            files whose lines carry an id and a text (and optionally a ``date``,
            or ``meta.publication_date``, in ISO form), or ``-`` for standard input.
        stdin: Where ``-`` reads from; ``sys.stdin`` by default.
        id_field: The id field of JSON Lines input.
        text_field: The text field of JSON Lines input.
        glob: Which files of a folder to read (see :func:`list_inputs`).

    Yields:
        A :class:`SourceText` per document, or a :class:`SourceError` per input
        that cannot be read (missing, undecodable, not text, bad JSON line).
    """
    yield from read_inputs(
        list_inputs(paths, glob=glob), stdin=stdin, id_field=id_field, text_field=text_field
    )


def read_inputs(
    items: Iterable[str | SourceError],
    *,
    stdin: TextIO | None = None,
    id_field: str = "doc_id",
    text_field: str = "text",
) -> Iterator[SourceText | SourceError]:
    """Read the inputs :func:`list_inputs` listed, in order (see :func:`read_sources`).

    Example:
        >>> import io
        >>> [s.text for s in read_inputs(["-"], stdin=io.StringIO("Hi."))]
        ['Hi.']
    """
    for item in items:
        if isinstance(item, SourceError):
            yield item
        elif item == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield SourceText("stdin", stream.read(), "-")
        else:
            yield from _read_file(Path(item), id_field, text_field)


def list_inputs(paths: Iterable[str], *, glob: str | None = None) -> list[str | SourceError]:
    """List the files that ``paths`` name, folders expanded, without reading them.

    A folder stands for the files below it, at any depth, sorted by path: by
    default those ending in ``.txt``, ``.text``, ``.md`` or ``.jsonl``; with
    ``glob`` those whose path relative to the folder matches the pattern (a
    pattern without ``/``, such as ``*.html``, is matched at any depth). Files
    and folders whose names start with ``.`` are skipped.

    Args:
        paths: As for :func:`read_sources`.
        glob: A pattern such as ``"*.txt"`` or ``"2015/**/*.txt"``.

    Returns:
        File paths as strings, ``"-"`` for standard input, and a
        :class:`SourceError` for a path that does not exist or a folder with no
        matching file.

    Example:
        >>> stdin, missing = list_inputs(["-", "no/such.txt"])
        >>> stdin, missing.error
        ('-', 'no/such.txt: no such file or directory')
    """
    items: list[str | SourceError] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            items.append("-")
        elif path.is_dir():
            files = _folder(path, glob)
            if not files:
                wanted = repr(glob) if glob else ".txt or .jsonl"
                message = f"{raw}: no {wanted} files in this folder"
                items.append(SourceError(path.name, message, raw))
            items.extend(str(f) for f in files)
        elif not path.exists():
            items.append(SourceError(path.stem or raw, f"{raw}: no such file or directory", raw))
        else:
            items.append(raw)
    return items


def _folder(path: Path, glob: str | None) -> list[Path]:
    if glob is None:
        found: Iterable[Path] = (p for p in path.rglob("*") if _wanted(p))
    elif "/" in glob:
        found = path.glob(glob)
    else:
        found = path.rglob(glob)
    return sorted(
        p for p in found
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES or path.suffix.lower() == ".jsonl"


def _read_file(path: Path, id_field: str, text_field: str) -> Iterator[SourceText | SourceError]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield SourceError(path.stem, f"{origin}: cannot read: {exc.strerror or exc}", origin)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield SourceError(
            path.stem,
            f"{origin}: not UTF-8 text (undecodable byte at offset {exc.start}); "
            "convert it to UTF-8 first",
            origin,
        )
        return
    if "\x00" in text:
        yield SourceError(path.stem, f"{origin}: looks like a binary file, not text", origin)
        return
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl(text, origin, path.stem, id_field, text_field)
    else:
        yield SourceText(path.stem, text, origin)


def _jsonl(
    text: str, origin: str, stem: str, id_field: str, text_field: str
) -> Iterator[SourceText | SourceError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(f"{stem}:{number}", f"{where}: not valid JSON ({exc.msg})", where)
            continue
        if not isinstance(record, dict):
            yield SourceError(f"{stem}:{number}", f"{where}: a line must be a JSON object", where)
            continue
        doc_id = record.get(id_field, record.get("id"))
        body = record.get(text_field)
        doc_id = str(doc_id) if doc_id is not None else f"{stem}:{number}"
        if not isinstance(body, str):
            yield SourceError(doc_id, f"{where}: no string field {text_field!r}", where)
            continue
        meta = record.get("meta")
        raw_date = record.get("date")
        if raw_date is None and isinstance(meta, dict):
            raw_date = meta.get("publication_date")
        try:
            date = parse_date(raw_date)
        except (TypeError, ValueError) as exc:
            yield SourceError(doc_id, f"{where}: field 'date': {exc}", where)
            continue
        yield SourceText(doc_id, body, where, date)
