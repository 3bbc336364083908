"""Read the documents a command line names: files, folders, JSON Lines, stdin.

Every input becomes a :class:`SourceText` or, when it cannot be read, a
:class:`SourceError` naming the input and what went wrong, so that batch runs
never drop a document silently: a missing file, a dangling or looping symbolic
link, a FIFO, socket or device found in a folder, a folder that cannot be
listed, bytes that are not UTF-8 text, a JSON line that is not a record.

Reading happens in two steps so that worker processes can do the expensive
one: :func:`iter_units` walks the inputs cheaply (a file's path, one JSON
line's raw bytes or its place in the file, split on newlines only and streamed,
never the whole file), and :func:`read_unit` turns a unit into a document (reads
and decodes the file, parses the JSON line). :func:`read_sources` does both.

Example:
    >>> import io
    >>> [s.doc_id for s in read_sources(["-"], stdin=io.StringIO("He said so."))]
    ['stdin']
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import re
import select
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TextIO

from quoteattr.models import parse_date

__all__ = [
    "FIFO_WAIT",
    "SourceError",
    "SourceFile",
    "SourceLine",
    "SourceRange",
    "SourceText",
    "Unit",
    "iter_units",
    "list_inputs",
    "read_inputs",
    "read_sources",
    "read_unit",
]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})

FIFO_WAIT = 10.0
"""Seconds a FIFO named on the command line may stay silent before it is reported."""

_SNIFF = 8192  # bytes of a JSON Lines file looked at for NUL (a binary file)
_BLOCK = 1 << 18  # bytes of a JSON Lines file read at a time
_BOM = b"\xef\xbb\xbf"
_BLANK_BYTES = frozenset(b" \t\n\r\x0b\x0c")  # what bytes.isspace() counts


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


@dataclass(frozen=True)
class SourceFile:
    """A file holding one document, not read yet."""

    path: str


@dataclass(frozen=True)
class SourceLine:
    """One line of a JSON Lines file, not parsed yet.

    Attributes:
        raw: The line's bytes, without its line end.
        origin: The file.
        stem: The file's name without suffix, for ids of records that have none.
        number: The line number, from 1.
    """

    raw: bytes
    origin: str
    stem: str
    number: int


@dataclass(frozen=True)
class SourceRange:
    """One line of a JSON Lines file by its place in the file, not read yet.

    What the main process sends worker processes (``--jobs``): the worker reads
    the line itself, so the documents' bytes never pass through the main process.

    Attributes:
        origin: The file.
        stem: The file's name without suffix, for ids of records that have none.
        number: The line number, from 1.
        start: The offset of the line's first byte in the file.
        end: The offset of its newline, or of the end of the file.
    """

    origin: str
    stem: str
    number: int
    start: int
    end: int


Unit = SourceText | SourceError | SourceFile | SourceLine | SourceRange
"""One input, cheap to list and to send to a worker; :func:`read_unit` reads it."""


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
    for unit in iter_units(items, stdin=stdin):
        yield read_unit(unit, id_field=id_field, text_field=text_field)


def iter_units(
    items: Iterable[str | SourceError],
    *,
    stdin: TextIO | IO[bytes] | None = None,
    positions: bool = False,
) -> Iterator[Unit]:
    """Walk the inputs :func:`list_inputs` listed: one unit per document, none read yet.

    Standard input is read here (it can be read once only); a ``.jsonl`` file is
    streamed line by line, split on the newline character only, so that a record whose text
    holds U+2028, U+2029 or U+0085 stays one record. Blank lines are skipped.

    Args:
        items: What :func:`list_inputs` returns.
        stdin: Where ``-`` reads from; ``sys.stdin`` by default.
        positions: Yield each line of a ``.jsonl`` file as a :class:`SourceRange`
            (its place in the file) instead of a :class:`SourceLine` holding its
            bytes: cheaper to send to worker processes, which read the line themselves.

    Example:
        >>> import io
        >>> list(iter_units(["-"], stdin=io.BytesIO(b"Hi.")))
        [SourceText(doc_id='stdin', text='Hi.', origin='-', date=None)]
    """
    for item in items:
        if isinstance(item, SourceError):
            yield item
        elif item == "-":
            yield _read_stdin(stdin if stdin is not None else sys.stdin)
        elif item.lower().endswith(".jsonl") and _is_regular(item):
            yield from _jsonl_lines(Path(item), positions)
        else:
            yield SourceFile(item)


def read_unit(
    unit: Unit, *, id_field: str = "doc_id", text_field: str = "text"
) -> SourceText | SourceError:
    """Read one unit of :func:`iter_units`: a file's text, or a JSON line's record.

    Example:
        >>> read_unit(SourceLine(b'{"id": 7, "text": "Hi."}', "a.jsonl", "a", 1))
        SourceText(doc_id='7', text='Hi.', origin='a.jsonl:1', date=None)
        >>> read_unit(SourceLine(b'{"id": 7', "a.jsonl", "a", 2)).error
        "a.jsonl:2: not valid JSON (Expecting ',' delimiter)"
    """
    if isinstance(unit, (SourceText, SourceError)):
        return unit
    if isinstance(unit, SourceLine):
        return _record(unit, id_field, text_field)
    if isinstance(unit, SourceRange):
        return _read_range(unit, id_field, text_field)
    return _read_file(Path(unit.path))


def list_inputs(paths: Iterable[str], *, glob: str | None = None) -> list[str | SourceError]:
    """List the files that ``paths`` name, folders expanded, without reading them.

    A folder stands for the files below it, at any depth, sorted by path: by
    default those ending in ``.txt``, ``.text``, ``.md`` or ``.jsonl``; with
    ``glob`` those whose path relative to the folder matches the pattern (a
    pattern without ``/``, such as ``*.html``, is matched at any depth; ``**``
    stands for any number of folders). Files and folders whose names start
    with ``.`` are skipped. A matching entry that is not a readable regular
    file (a dangling or looping symbolic link, a FIFO, a socket, a device), a
    subfolder that cannot be listed, and a symbolic link back into a folder
    already walked each become a :class:`SourceError` saying so.

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
    if isinstance(paths, (str, bytes)):
        raise TypeError("paths must be a list of paths, not one str: list_inputs([path])")
    items: list[str | SourceError] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            items.append("-")
            continue
        problem = _special(raw)
        if problem == "directory":
            found = _folder(path, glob)
            if not any(isinstance(f, str) for f in found):
                wanted = repr(glob) if glob else ".txt or .jsonl"
                message = f"{raw}: no {wanted} files in this folder"
                items.append(SourceError(path.name or raw, message, raw))
            items.extend(found)
        elif problem in ("", "fifo"):  # a FIFO named directly is read, with a time limit
            items.append(raw)
        else:
            items.append(SourceError(path.stem or raw, f"{raw}: {problem}", raw))
    return items


def _special(path: str) -> str:
    """What keeps ``path`` from being read as a file: ``""`` for a regular file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops (it points back to itself); skipped"
        if exc.errno == errno.ENOENT:
            if os.path.islink(path):
                return f"a symbolic link to {os.readlink(path)!r}, which does not exist; skipped"
            return "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "fifo"
    kind = ("a socket" if stat.S_ISSOCK(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    return f"not a regular file ({kind}); skipped"


def _is_regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _glob_pattern(glob: str) -> re.Pattern[str]:
    """A glob over ``/``-separated relative paths as a regex: ``*``, ``?``, ``[...]``, ``**``."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2:]:
            end = glob.index("]", i + 2)
            body = glob[i + 1:end].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _folder(root: Path, glob: str | None) -> list[str | SourceError]:
    """The matching files below ``root``, sorted, and a SourceError per entry that cannot be."""
    pattern = _glob_pattern(glob) if glob else None
    anywhere = glob is not None and "/" not in glob

    def wanted(relative: str, name: str) -> bool:
        if pattern is None:
            suffix = PurePosixPath(name).suffix.lower()
            return suffix in TEXT_SUFFIXES or suffix == ".jsonl"
        return bool(pattern.match(name if anywhere else relative))

    found: list[tuple[str, str | SourceError]] = []
    problems: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    try:
        top = root.stat()
        seen.add((top.st_dev, top.st_ino))
    except OSError:  # pragma: no cover - listed as a folder a moment ago
        pass
    for folder, dirs, files in os.walk(root, onerror=problems.append, followlinks=True):
        relative_folder = os.path.relpath(folder, root)
        keep = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            try:
                info = os.stat(full)
            except OSError:
                continue  # reported by onerror when os.walk tries it
            key = (info.st_dev, info.st_ino)
            if key in seen:
                found.append((full, SourceError(name, f"{full}: a symbolic link back into a "
                                                      "folder already read (a loop); skipped",
                                                full)))
                continue
            seen.add(key)
            keep.append(name)
        dirs[:] = keep
        for name in files:
            if name.startswith("."):
                continue
            relative = name if relative_folder == "." else f"{relative_folder}/{name}"
            relative = relative.replace(os.sep, "/")
            if not wanted(relative, name):
                continue
            full = os.path.join(folder, name)
            problem = _special(full)
            if problem == "fifo":
                problem = "not a regular file (a FIFO); skipped (name it on its own to read it)"
            if problem == "directory":  # a link to a folder os.walk could not enter
                continue
            found.append((full, SourceError(PurePosixPath(name).stem, f"{full}: {problem}",
                                            full) if problem else full))
    for exc in problems:
        where = exc.filename or str(root)
        if os.path.realpath(where) == os.path.realpath(root):
            continue  # the folder itself: reported by the caller as having no files
        found.append((str(where), SourceError(
            Path(where).name, f"{where}: cannot list this folder: "
            f"{exc.strerror or exc}; its files were skipped", str(where))))
    return [item for _, item in sorted(found, key=lambda f: f[0])]


# -- reading ------------------------------------------------------------------
def _check_bytes(data: bytes, origin: str, doc_id: str) -> SourceText | SourceError:
    """The checks every input gets: UTF-8 (a BOM dropped), no NUL (binary)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return SourceError(
            doc_id,
            f"{origin}: not UTF-8 text (undecodable byte at offset {exc.start}); "
            "convert it to UTF-8 first",
            origin,
        )
    if "\x00" in text:
        return SourceError(doc_id, f"{origin}: looks like a binary file, not text", origin)
    return SourceText(doc_id, text, origin)


def _read_stdin(stream: TextIO | IO[bytes]) -> SourceText | SourceError:
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        return _check_bytes(binary.read(), "-", "stdin")
    data = stream.read()
    if isinstance(data, bytes):
        return _check_bytes(data, "-", "stdin")
    if "\x00" in data:
        return SourceError("stdin", "-: looks like a binary file, not text", "-")
    return SourceText("stdin", data.removeprefix("\ufeff"), "-")


def _read_file(path: Path) -> SourceText | SourceError:
    origin = str(path)
    try:
        info = os.stat(path)
        data = _read_fifo(path) if stat.S_ISFIFO(info.st_mode) else path.read_bytes()
    except TimeoutError as exc:  # a silent FIFO (an OSError too)
        return SourceError(path.stem, f"{origin}: {exc}", origin)
    except OSError as exc:
        return SourceError(path.stem, f"{origin}: cannot read: {exc.strerror or exc}", origin)
    return _check_bytes(data, origin, path.stem)


def _read_fifo(path: Path, wait: float | None = None) -> bytes:
    """Read a FIFO to its end, giving up when nothing arrives within ``wait`` seconds."""
    wait = FIFO_WAIT if wait is None else wait
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        chunks: list[bytes] = []
        deadline = time.monotonic() + wait
        while True:
            # no writer yet: not readable; a writer that wrote or left: readable
            left = None if chunks else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise TimeoutError(f"a FIFO where nothing arrived in {wait:g} s (is anything "
                                   "writing to it?); skipped")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except BlockingIOError:
                continue
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


def _jsonl_lines(path: Path, positions: bool = False) -> Iterator[Unit]:
    origin, stem = str(path), path.stem
    try:
        handle = path.open("rb", buffering=0)
    except OSError as exc:
        yield SourceError(stem, f"{origin}: cannot read: {exc.strerror or exc}", origin)
        return
    number = 0
    with handle:
        try:
            for number, start, end, raw in _lines(handle, not positions):
                if raw is None:
                    yield SourceRange(origin, stem, number, start, end)
                else:
                    yield SourceLine(raw.rstrip(b"\r"), origin, stem, number)
        except _BinaryFile:
            yield SourceError(stem, f"{origin}: looks like a binary file, not text", origin)
        except OSError as exc:
            if number == 0:
                yield SourceError(stem, f"{origin}: cannot read: {exc.strerror or exc}",
                                  origin)
                return
            where = f"{origin}:{number + 1}"
            yield SourceError(f"{stem}:{number + 1}",
                              f"{where}: cannot read on: {exc.strerror or exc}", where)


class _BinaryFile(Exception):
    """A NUL byte near the start of a JSON Lines file."""


def _lines(handle: IO[bytes], keep: bool) -> Iterator[tuple[int, int, int, bytes | None]]:
    """(number, start, end, bytes or None) of each line that is not blank.

    Splits blocks of :data:`_BLOCK` bytes at newlines with ``bytes.find``; ``start``
    and ``end`` are offsets in the file (``end`` at the newline, which is left out),
    after a byte order mark at the start of the file. The line's bytes are copied
    out only when ``keep`` is true.
    """
    block = handle.read(_BLOCK)
    while 0 < len(block) < _SNIFF:  # a short read: the checks need the file's start
        more = handle.read(_BLOCK)
        if not more:
            break
        block += more
    if b"\x00" in block[:_SNIFF]:
        raise _BinaryFile
    offset = 0  # of ``block`` in the file
    i = 3 if block.startswith(_BOM) else 0  # where the current line starts in ``block``
    number = 1
    pieces: list[bytes] = []  # the start of a line that runs on past the block it began in
    line_start = i
    blank = True  # the line so far holds only what isspace() counts
    while block:
        j = block.find(b"\n", i)
        stop = len(block) if j < 0 else j
        if blank and stop > i:
            blank = block[i] in _BLANK_BYTES and block[i:stop].isspace()
        if j < 0:
            if keep:
                pieces.append(block[i:])
            offset += len(block)
            block = handle.read(_BLOCK)
            i = 0
            continue
        if not blank:
            raw = None
            if keep:
                raw = block[i:j]
                if pieces:
                    pieces.append(raw)
                    raw = b"".join(pieces)
            yield number, line_start, offset + j, raw
        pieces = []
        number += 1
        i = j + 1
        line_start = offset + i
        blank = True
    if not blank:  # the last line, without a newline
        yield number, line_start, offset, b"".join(pieces) if keep else None


def _read_range(unit: SourceRange, id_field: str, text_field: str) -> SourceText | SourceError:
    """Read the line ``unit`` places, then parse it like a :class:`SourceLine`."""
    size = unit.end - unit.start
    parts: list[bytes] = []
    try:
        with open(unit.origin, "rb", buffering=0) as handle:  # os.pread: not on Windows
            handle.seek(unit.start)
            got = 0
            while got < size:
                part = handle.read(size - got)
                if not part:
                    break
                parts.append(part)
                got += len(part)
    except OSError as exc:
        where = f"{unit.origin}:{unit.number}"
        return SourceError(f"{unit.stem}:{unit.number}",
                           f"{where}: cannot read: {exc.strerror or exc}", where)
    raw = parts[0] if len(parts) == 1 else b"".join(parts)  # none: the file shrank
    return _record(SourceLine(raw.rstrip(b"\r"), unit.origin, unit.stem, unit.number),
                   id_field, text_field)


def _record(unit: SourceLine, id_field: str, text_field: str) -> SourceText | SourceError:
    where = f"{unit.origin}:{unit.number}"
    fallback = f"{unit.stem}:{unit.number}"
    try:
        line = unit.raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return SourceError(fallback, f"{where}: not UTF-8 text (undecodable byte at offset "
                                     f"{exc.start} of the line); convert it to UTF-8 first",
                           where)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return SourceError(fallback, f"{where}: not valid JSON ({exc.msg})", where)
    except RecursionError:
        return SourceError(fallback, f"{where}: not valid JSON (nested too deeply)", where)
    if not isinstance(record, dict):
        return SourceError(fallback, f"{where}: a line must be a JSON object", where)
    doc_id = record.get(id_field, record.get("id"))
    body = record.get(text_field)
    doc_id = str(doc_id) if doc_id is not None else fallback
    if not isinstance(body, str):
        return SourceError(doc_id, f"{where}: no string field {text_field!r}", where)
    meta = record.get("meta")
    raw_date = record.get("date")
    if raw_date is None and isinstance(meta, dict):
        raw_date = meta.get("publication_date")
    try:
        date = parse_date(raw_date)
    except (TypeError, ValueError) as exc:
        return SourceError(doc_id, f"{where}: field 'date': {exc}", where)
    return SourceText(doc_id, body, where, date)
