"""A Dask partition that survives a document killing its worker.

A document can end the worker process attributing it: it exhausts the memory
(the nanny, or the system, kills the process), it crashes the interpreter, or
it runs over a time limit. Dask then runs the partition's task again on
another worker; :func:`extract_partition` finds out which document did it and
reports it as an error record (:data:`KILLED`), and writes the rest of the
partition. For that it keeps a small note, ``out_dir/_attempts/part-NNNNN.json``,
while the task runs: the first run notes only that it started; a run that finds
the note of a run that died notes each document before attributing it; the run
after that skips the noted document. The note is removed once the partition is
written, and notes of another run (a token per run) are ignored.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quoteattr.distributed._imports import require
from quoteattr.distributed.records import attribute_record, error_row
from quoteattr.distributed.tables import (
    Counts,
    OutputFormat,
    Row,
    join_path,
    write_jsonl_partition,
    write_parquet_partition,
)
from quoteattr.models import Document
from quoteattr.options import Options

__all__ = ["KILLED", "Settings", "extract_partition"]


KILLED = ("this document killed the worker process attributing it (out of memory, a crash, "
          "or over the time limit); skipped")
"""The error of a document found to kill its worker; the rest of its partition is written."""


@dataclass(frozen=True)
class Settings:
    """What every partition task of one run needs: options, fields, limits, the run's token."""

    options: Options
    id_field: str
    text_field: str
    max_chars: int | None
    timeout: float | None
    format: OutputFormat
    run: str  # this run's token: notes of another run are ignored
    client_pid: int


class _Watchdog(threading.Thread):
    """Ends the worker process when one document runs over the time limit.

    The partition runs again on another worker and skips the document (see
    :func:`extract_partition`). Never used in the client's own process.
    """

    def __init__(self, limit: float) -> None:
        super().__init__(daemon=True, name="quoteattr-watchdog")
        self.limit = limit
        self.started: float | None = None
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(min(1.0, self.limit / 4)):
            started = self.started
            if started is not None and time.monotonic() - started > self.limit:
                os._exit(70)  # the note names the document; the retry reports it


def _read_note(fs: Any, path: str, run: str) -> dict[str, Any] | None:
    try:
        with fs.open(path, "rb") as handle:
            note = json.loads(handle.read())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):  # cut short by the death it records
        return {"run": run, "bad": [], "current": None}
    return note if isinstance(note, dict) and note.get("run") == run else None


def _write_note(fs: Any, path: str, note: dict[str, Any]) -> None:
    with fs.open(path, "wb") as handle:
        handle.write(json.dumps(note).encode("ascii"))


def _record_id(record: object, id_field: str) -> object:
    return record.get(id_field) if isinstance(record, Mapping) else None


def extract_partition(
    records: list[Any], out_dir: str, index: int, settings: Settings
) -> tuple[Counts, list[str]]:
    """Attribute and write one partition; skip and report the documents that killed it."""
    fsspec = require("fsspec")
    note_path = join_path(out_dir, "_attempts", f"part-{index:05d}.json")
    fs, _, (local_note,) = fsspec.get_fs_token_paths(note_path)
    note = _read_note(fs, local_note, settings.run)
    careful = note is not None  # an earlier attempt died: note each document before it
    bad = set(note["bad"]) if note else set()
    if note and note.get("current") is not None:
        bad.add(note["current"])
    fs.makedirs(join_path(out_dir, "_attempts"), exist_ok=True)
    _write_note(fs, local_note, {"run": settings.run, "bad": sorted(bad), "current": None})
    watchdog = None
    if settings.timeout is not None and os.getpid() != settings.client_pid:
        watchdog = _Watchdog(settings.timeout)
        watchdog.start()
    results: list[Document | Row] = []
    try:
        for number, record in enumerate(records):
            if number in bad:
                results.append(error_row(_record_id(record, settings.id_field), KILLED))
                continue
            if careful:
                _write_note(fs, local_note, {"run": settings.run, "bad": sorted(bad),
                                             "current": number})
            if watchdog is not None:
                watchdog.started = time.monotonic()
            results.append(attribute_record(
                record, id_field=settings.id_field, text_field=settings.text_field,
                options=settings.options, max_chars=settings.max_chars))
            if watchdog is not None:
                watchdog.started = None
    finally:
        if watchdog is not None:
            watchdog.done.set()
    writer = write_parquet_partition if settings.format == "parquet" else write_jsonl_partition
    written = writer(results, out_dir, index)
    fs.rm(local_note)
    return written


