"""quoteattr on Dask: extraction and matching over corpora beyond one machine.

Needs the optional extra: ``pip install "quoteattr[dask]"`` (Dask with
``distributed``, pandas and pyarrow). Importing this package does not import
Dask; each function imports it when called and says how to install it when it
is missing. ``import quoteattr`` never imports this package.

* :func:`attribute_bag`, :func:`extract_to_parquet`, :func:`extract_to_jsonl`,
  :func:`read_articles`: run :func:`quoteattr.attribute` over articles on Dask
  workers and write quotes, speakers and claims per partition
  (:mod:`quoteattr.distributed.extract`).
* :func:`run_dask_extract`, :func:`connect`: the same from the command line, on
  a local cluster or at a scheduler's address (:mod:`quoteattr.distributed.run`).
* :func:`match_quotes_dask`: the clusters of :func:`quoteattr.matching.clusters.match_quotes`,
  computed with a candidate index partitioned by n-gram
  (:mod:`quoteattr.distributed.match`).
* :func:`synthetic_articles`: realistic multi-outlet articles for tests and
  benchmarks.

See ``docs/dask.md`` for running on a cluster.
"""

from quoteattr.distributed.extract import (
    TABLES,
    ExtractSummary,
    attribute_bag,
    attribute_record,
    document_rows,
    extract_to_jsonl,
    extract_to_parquet,
    read_articles,
    write_results,
)
from quoteattr.distributed.match import match_quotes_dask
from quoteattr.distributed.run import connect, run_dask_extract
from quoteattr.distributed.synthetic import synthetic_articles

__all__ = [
    "TABLES",
    "ExtractSummary",
    "attribute_bag",
    "attribute_record",
    "connect",
    "document_rows",
    "extract_to_jsonl",
    "extract_to_parquet",
    "match_quotes_dask",
    "read_articles",
    "run_dask_extract",
    "synthetic_articles",
    "write_results",
]
