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

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

__all__ = ["SourceError", "SourceText", "read_sources"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


@dataclass(frozen=True)
class SourceText:
    """One document to process."""

    doc_id: str
    text: str
    origin: str


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
) -> Iterator[SourceText | SourceError]:
    """Yield each document named by ``paths``, in order.

    Args:
        paths: File paths, folders (every ``.txt`` file below, sorted), ``.jsonl``
            files whose lines carry an id and a text, or ``-`` for standard input.
        stdin: Where ``-`` reads from; ``sys.stdin`` by default.
        id_field: The id field of JSON Lines input.
        text_field: The text field of JSON Lines input.

    Yields:
        A :class:`SourceText` per document, or a :class:`SourceError` per input
        that cannot be read (missing, undecodable, not text, bad JSON line).
    """
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield SourceText("stdin", stream.read(), "-")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
            if not files:
                yield SourceError(path.name, f"{raw}: no .txt or .jsonl files in this folder", raw)
            for file in files:
                yield from _read_file(file, id_field, text_field)
        elif not path.exists():
            yield SourceError(path.stem or raw, f"{raw}: no such file or directory", raw)
        else:
            yield from _read_file(path, id_field, text_field)


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
        yield SourceText(doc_id, body, where)
