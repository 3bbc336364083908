"""Move the records of a Dask bag so that records with one key share a partition.

Dask's own ``Bag.groupby`` hashes every key with ``dask.base.tokenize``, which
costs more than the matching work itself here. :func:`exchange` hashes str keys
with CRC-32 and int keys by their value (both the same in every process), and
moves the records in ``npartitions * npartitions`` small tasks: each input
partition splits its records by destination, each output partition gathers
its pieces. Two bags exchanged on equal keys into the same number of
partitions line up partition by partition, so they can be joined with
``dask.bag.map_partitions(f, bag_a, bag_b)`` without another shuffle.

Example:
    >>> partition_of("Lavrov", 4), partition_of(10, 4)
    (2, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from zlib import crc32

from quoteattr.distributed._imports import require

__all__ = ["exchange", "partition_of"]


def partition_of(key: str | int, npartitions: int) -> int:
    """The partition a key goes to: the same in every process and on every run."""
    if isinstance(key, int):
        return key % npartitions
    return crc32(key.encode("utf-8", "surrogatepass")) % npartitions


def _split(records: Iterable[Any], npartitions: int, key_of: Callable[..., str | int],
           *extra: Any) -> tuple[list[Any], ...]:
    pieces: tuple[list[Any], ...] = tuple([] for _ in range(npartitions))
    for record in records:
        pieces[partition_of(key_of(record, *extra), npartitions)].append(record)
    return pieces


def _gather(pieces: Iterable[list[Any]]) -> list[Any]:
    return [record for piece in pieces for record in piece]


def exchange(bag: Any, key_of: Callable[..., str | int], npartitions: int,
             *extra: Any) -> Any:
    """Return a bag of ``npartitions`` partitions holding each key's records together.

    Every call makes tasks with keys of their own (not derived from the
    arguments): two exchanges never share a key, and a graph never names a
    key that an earlier, equal exchange on the same cluster may be releasing.
    The input's graph is taken whole, not optimized on its own, so that a
    collection used twice in one graph is computed once.

    Args:
        bag: A ``dask.bag.Bag``.
        key_of: ``key_of(record, *extra)`` gives a record's str or int key.
        npartitions: Partitions of the result.
        *extra: Further arguments of ``key_of`` (Dask objects are computed first).

    Returns:
        A lazy ``dask.bag.Bag``; partition ``i`` holds the records whose key
        :func:`partition_of` sends to ``i``.
    """
    dask = require("dask")
    bag_module = require("dask.bag")
    split = dask.delayed(_split, nout=npartitions, pure=False)
    pieces = [split(part, npartitions, key_of, *extra)
              for part in bag.to_delayed(optimize_graph=False)]
    gather = dask.delayed(_gather, pure=False)
    return bag_module.from_delayed(
        [gather([piece[i] for piece in pieces]) for i in range(npartitions)]
    )
