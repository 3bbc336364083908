"""Run extraction on Dask from the command line: a local cluster or a scheduler's address.

:func:`run_dask_extract` is what ``quoteattr extract --dask SCHEDULER`` calls;
:func:`connect` gives a ``distributed.Client`` for ``"local"`` or an address,
the only thing that changes between one machine and a cluster.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from quoteattr.distributed._imports import require
from quoteattr.distributed.extract import OutputFormat, extract_to_jsonl, extract_to_parquet

__all__ = ["connect", "run_dask_extract"]


@contextmanager
def connect(scheduler: str, *, workers: int | None = None) -> Iterator[Any]:
    """Yield a ``distributed.Client``: a new LocalCluster for ``"local"``, else an address.

    ``"local"`` starts one single-threaded worker process per core (or
    ``workers``); anything else (``tcp://10.0.0.5:8786``) is a running
    scheduler's address. The client, and a cluster started here, are closed
    when the ``with`` block ends.
    """
    distributed = require("distributed")
    if scheduler == "local":
        count = workers or os.cpu_count() or 1
        with distributed.LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            yield client
    else:
        with distributed.Client(scheduler) as client:
            yield client


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
    stderr: TextIO | None = None,
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
        stderr: Where the summary and problems are reported.

    Returns:
        0 when every record was processed, 1 when some became error records,
        2 when the extra is missing.
    """
    report = stderr if stderr is not None else sys.stderr
    chosen: OutputFormat = format or ("jsonl" if out.rstrip("/").endswith(".jsonl")
                                      else "parquet")
    run = extract_to_parquet if chosen == "parquet" else extract_to_jsonl
    try:
        with connect(scheduler, workers=workers) as client:
            print(f"quoteattr: Dask scheduler {client.scheduler.address}", file=report)
            summary = run(paths, out, id_field=id_field, text_field=text_field,
                          blocksize=blocksize)
    except ImportError as exc:
        print(f"quoteattr: {exc}", file=report)
        return 2
    print(
        f"quoteattr: {summary.documents} documents, {summary.quotes} quotes, "
        f"{summary.speakers} speakers, {summary.claims} claims, {summary.errors} errors "
        f"-> {out} ({len(summary.files)} {chosen} files)",
        file=report,
    )
    return 1 if summary.errors else 0
