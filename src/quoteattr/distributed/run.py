"""Run extraction on Dask from the command line: a local cluster or a scheduler's address.

:func:`run_dask_extract` is what ``quoteattr extract --dask SCHEDULER`` calls;
:func:`connect` gives a ``distributed.Client`` for ``"local"`` or an address,
the only thing that changes between one machine and a cluster.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from quoteattr.distributed._imports import require
from quoteattr.distributed.extract import OutputFormat, extract_to_jsonl, extract_to_parquet
from quoteattr.io.batch import MAX_DOCUMENT_CHARS
from quoteattr.io.sources import SourceError, list_inputs
from quoteattr.options import Options

__all__ = ["LOCAL_ALLOWED_FAILURES", "connect", "local_paths", "run_dask_extract"]


@contextmanager
def connect(scheduler: str, *, workers: int | None = None,
            exit_on_interrupt: bool = False) -> Iterator[Any]:
    """Yield a ``distributed.Client``: a new LocalCluster for ``"local"``, else an address.

    ``"local"`` starts one single-threaded worker process per core (or
    ``workers``), and lets a task be tried on up to :data:`LOCAL_ALLOWED_FAILURES`
    workers, so that each partition can find several documents that kill
    their worker (see :func:`~quoteattr.distributed.extract.extract_articles`);
    anything else (``tcp://10.0.0.5:8786``) is a running scheduler's address,
    with its own settings. The client, and a cluster started here, are closed
    when the ``with`` block ends. On Ctrl-C the worker processes of a local
    cluster are stopped at once; with ``exit_on_interrupt`` (the command line)
    the process then ends with the status 130 instead of closing the cluster
    gracefully, which takes seconds.
    """
    distributed = require("distributed")
    dask = require("dask")
    if scheduler == "local":
        count = workers or os.cpu_count() or 1
        with dask.config.set({"distributed.scheduler.allowed-failures":
                              LOCAL_ALLOWED_FAILURES}), \
                distributed.LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                                         dashboard_address=":0") as cluster, \
                distributed.Client(cluster) as client:
            try:
                yield client
            except KeyboardInterrupt:
                # Ctrl-C: the worker processes are this process's children; stop them
                # now rather than wait seconds for their tasks, then close the cluster
                for child in multiprocessing.active_children():
                    child.kill()
                if exit_on_interrupt:
                    print("\nquoteattr: interrupted", file=sys.stderr, flush=True)
                    os._exit(130)
                raise
    else:
        with distributed.Client(scheduler) as client:
            yield client


LOCAL_ALLOWED_FAILURES = 10
"""How many worker deaths a task survives on a ``"local"`` cluster (Dask's default is 3)."""


def _parquet_folder(path: str) -> bool:
    """True for a local folder that holds Parquet files (a dataset Dask reads as it is)."""
    return any(name.endswith((".parquet", ".pq", ".parq"))
               for _root, _dirs, names in os.walk(path) for name in names)


def local_paths(paths: Sequence[str], glob: str | None) -> tuple[list[str], list[str]]:
    """Expand local folders into their files, as plain ``extract`` does; the files, and problems.

    A folder is read like ``quoteattr extract`` reads it: with ``glob`` the
    files matching it, else its ``.txt``, ``.text``, ``.md`` and ``.jsonl``
    files; a folder of Parquet files (without ``glob``) is left as it is, a
    dataset. URLs are left as they are.
    """
    files: list[str] = []
    problems: list[str] = []
    for path in paths:
        if "://" in path or not os.path.isdir(path) or (glob is None and _parquet_folder(path)):
            files.append(path)
            continue
        for item in list_inputs([path], glob=glob):
            if isinstance(item, SourceError):
                problems.append(item.error)
            else:
                files.append(item)
    return files, problems


def run_dask_extract(
    paths: Sequence[str],
    *,
    scheduler: str,
    out: str,
    format: OutputFormat | None = None,
    id_field: str = "doc_id",
    text_field: str = "text",
    blocksize: int | str | None = None,
    workers: int | None = None,
    glob: str | None = None,
    options: Options | None = None,
    max_chars: int | None = MAX_DOCUMENT_CHARS,
    timeout: float | None = None,
    stderr: TextIO | None = None,
    exit_on_interrupt: bool = False,
) -> int:
    """Run ``quoteattr extract --dask SCHEDULER --out DIR PATH...``; return the exit status.

    Args:
        paths: JSON Lines or Parquet files, globs or folders of articles.
        scheduler: ``"local"`` (a LocalCluster on this machine) or a scheduler
            address such as ``tcp://10.0.0.5:8786``.
        out: The output folder (or URL).
        format: ``"parquet"`` or ``"jsonl"``; by default Parquet unless ``out``
            ends in ``.jsonl``.
        id_field: The id field or column of the articles.
        text_field: The text field or column.
        blocksize: Split JSON Lines input into pieces of this many bytes.
        workers: Worker processes of a ``"local"`` cluster (default: one per core).
        glob: Which files of a local folder to read (as ``quoteattr extract --glob``).
        options: The one :class:`~quoteattr.Options` every worker attributes with.
        max_chars: A longer document becomes an error record; ``None``: no limit.
        timeout: Seconds one document may take before its worker is stopped
            and the document reported.
        stderr: Where the summary and problems are reported.
        exit_on_interrupt: On Ctrl-C, stop the workers and end the process with
            the status 130 at once (the command line); otherwise
            KeyboardInterrupt is raised once the cluster is closed.

    Returns:
        0 when every record was processed, 1 when some became error records,
        2 when the extra is missing.
    """
    report = stderr if stderr is not None else sys.stderr
    chosen: OutputFormat = format or ("jsonl" if out.rstrip("/").endswith(".jsonl")
                                      else "parquet")
    run = extract_to_parquet if chosen == "parquet" else extract_to_jsonl
    files, skipped = local_paths(paths, glob)
    for problem in skipped:
        print(f"quoteattr: {problem}", file=report)
    if not files:
        return 1
    try:
        with connect(scheduler, workers=workers, exit_on_interrupt=exit_on_interrupt) as client:
            print(f"quoteattr: Dask scheduler {client.scheduler.address}", file=report)
            summary = run(files, out, id_field=id_field, text_field=text_field,
                          blocksize=blocksize, options=options, max_chars=max_chars,
                          timeout=timeout)
    except ImportError as exc:
        print(f"quoteattr: {exc}", file=report)
        return 2
    print(
        f"quoteattr: {summary.documents} documents, {summary.quotes} quotes, "
        f"{summary.speakers} speakers, {summary.claims} claims, {summary.errors} errors "
        f"-> {out} ({len(summary.files)} {chosen} files)",
        file=report,
    )
    return 1 if summary.errors or skipped else 0
