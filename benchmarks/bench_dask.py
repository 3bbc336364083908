"""Throughput of extraction on Dask with 1 and 2 worker processes (issue 7).

Usage:
    python benchmarks/bench_dask.py [--articles 8000] [--files 16] [--workers 1 2]
                                    [--match] [--scheduler tcp://host:8786]

Writes ``--articles`` synthetic articles (quoteattr.distributed.synthetic_articles)
to ``--files`` JSON Lines files, then for each worker count starts a
``LocalCluster`` of single-threaded worker processes, warms the workers up (each
imports quoteattr and loads its lexicons once), and times ``extract_to_jsonl``
over all files: articles per second, reading and writing included. A plain loop
in this process gives the single-process baseline. With ``--match``, also times
``match_quotes`` against ``match_quotes_dask`` on the extracted documents and
checks that they are equal. With ``--scheduler``, runs on that cluster instead
of local ones: the only change a multi-node run needs.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import dask.bag
import distributed

import quoteattr
from quoteattr.distributed import extract_to_jsonl, match_quotes_dask, synthetic_articles
from quoteattr.matching.clusters import match_quotes
from quoteattr.models import Document

# Dask's functions are untyped: Any keeps mypy --strict quiet.
db: Any = dask.bag
Client: Any = distributed.Client
LocalCluster: Any = distributed.LocalCluster


def _warm_up() -> int:
    return len(quoteattr.attribute('"We heard nothing new," Lavrov said.').quotes)


def _write(articles: list[dict[str, str]], folder: Path, files: int) -> str:
    for number in range(files):
        with (folder / f"news-{number:03d}.jsonl").open("w", encoding="utf-8") as handle:
            for record in articles[number::files]:
                handle.write(json.dumps(record) + "\n")
    return str(folder / "news-*.jsonl")


def _timed_extract(client: Any, pattern: str, out: Path) -> float:
    client.run(_warm_up)
    start = time.perf_counter()
    summary = extract_to_jsonl(pattern, str(out))
    seconds = time.perf_counter() - start
    assert summary.errors == 0
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=8000)
    parser.add_argument("--files", type=int, default=16)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--match", action="store_true", help="also time matching")
    parser.add_argument("--scheduler", help="a running scheduler's address instead")
    args = parser.parse_args()

    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; "
          f"cores: {os.cpu_count()}")
    articles = synthetic_articles(args.articles, seed=1)
    size = sum(len(a["text"].encode("utf-8")) for a in articles) / 1e6
    print(f"{args.articles} articles, {size:.1f} MB, {args.files} files")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pattern = _write(articles, folder, args.files)

        _warm_up()
        start = time.perf_counter()
        documents = [quoteattr.attribute(a["text"], doc_id=a["doc_id"]) for a in articles]
        single = time.perf_counter() - start
        print(f"{'one process, plain loop':32} {single:7.1f} s {args.articles / single:8.0f}"
              " articles/s")

        rates: dict[str, float] = {}
        targets = [args.scheduler] if args.scheduler else [str(w) for w in args.workers]
        for target in targets:
            if args.scheduler:
                label, cluster = f"scheduler {target}", None
            else:
                label = f"dask, {target} worker process(es)"
                cluster = LocalCluster(n_workers=int(target), threads_per_worker=1,
                                       processes=True, dashboard_address=None)
            with Client(cluster if cluster is not None else target) as client:
                seconds = _timed_extract(client, pattern, folder / f"out-{target}")
                rates[target] = args.articles / seconds
                print(f"{label:32} {seconds:7.1f} s {rates[target]:8.0f} articles/s")
                if args.match:
                    _time_matching(folder / f"out-{target}", documents)
            if cluster is not None:
                cluster.close()
        if "1" in rates and "2" in rates:
            print(f"speed-up, 2 workers over 1: {rates['2'] / rates['1']:.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


def _time_matching(extracted: Path, documents: list[Document]) -> None:
    start = time.perf_counter()
    expected = match_quotes(documents)
    single = time.perf_counter() - start
    bag = db.read_text(str(extracted / "part-*.jsonl")).map(Document.model_validate_json)
    start = time.perf_counter()
    clusters = match_quotes_dask(bag)
    seconds = time.perf_counter() - start
    print(f"  matching: one process {single:.1f} s, dask {seconds:.1f} s, "
          f"{len(clusters)} clusters, equal: {clusters == expected}")


if __name__ == "__main__":
    main()
