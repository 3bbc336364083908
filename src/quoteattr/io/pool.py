"""A pool of worker processes that notices a dead worker and goes on.

:func:`run_pool` hands items to worker processes in batches and yields the
results in input order. Unlike :class:`multiprocessing.pool.Pool`, which waits
forever for the results of a worker that was killed, it watches every worker
process: when one dies (killed by a signal, by the system's out-of-memory killer,
or by an item whose processing crashes it), the items it held are tried again
one at a time in a fresh worker, and an item that kills its worker on its own is
given up with the result of ``lost(item, reason)``. An item may also be given a
time limit: a worker that runs over it is stopped and treated the same way.

Workers ignore SIGINT (Ctrl-C reaches the whole process group); the parent
stops them all when it is interrupted or done, within a second.

Example:
    >>> def square(n, _):
    ...     return n * n
    >>> list(run_pool(iter(range(5)), square, None, jobs=2,
    ...               lost=lambda n, why: -1, start_method="fork"))
    [0, 1, 4, 9, 16]
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

__all__ = ["WorkerDied", "run_pool"]

T = TypeVar("T")
C = TypeVar("C")
R = TypeVar("R")

_BATCH = 32
"""Items sent to a worker at a time: enough that the parent's work per item is small."""
_BATCH_BYTES = 1 << 20
"""A batch is closed early once its items weigh this much (``size``)."""
_HELD = 2
"""Batches a worker holds at once: one it works on, one waiting, so it never idles."""
_STOP_WAIT = 0.5
"""Seconds a worker is given to exit before it is killed."""


class WorkerDied(RuntimeError):
    """Worker processes keep dying before they take any work (a broken environment)."""


def _serve(conn: Connection, handle: Callable[[Any, Any], Any], context: Any) -> None:
    """A worker's loop: receive a batch, handle each item, send the results back.

    A thread receives while the loop works and sends: were the worker sending a
    large result while the parent sends it a large batch, each would wait for
    the other to read (a pipe holds only so much).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C ends
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):  # the parent is gone
                message = None
            inbox.put(message)
            if message is None:
                return

    threading.Thread(target=receive, daemon=True, name="quoteattr-inbox").start()
    while True:
        message = inbox.get()
        if message is None:
            return
        number, items = message
        conn.send((number, [handle(item, context) for item in items]))


@dataclass
class _Batch(Generic[T]):
    number: int
    items: list[tuple[int, T]]  # (sequence number, item)
    alone: bool = False  # a retry of one item after its worker died


@dataclass
class _Worker:
    process: Any
    conn: Connection
    held: deque[_Batch[Any]] = field(default_factory=deque)
    since: float = 0.0  # when the batch at the head of ``held`` started
    timed_out: bool = False


def _reason(exitcode: int | None, timed_out: bool, timeout: float | None) -> str:
    if timed_out:
        return f"it ran over the time limit of {timeout:g} s per document"
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return f"killed by {name}: out of memory, or stopped from outside"
        return f"killed by {name}"
    return f"it exited with status {exitcode}"


def run_pool(
    items: Iterator[T],
    handle: Callable[[T, C], R],
    context: C,
    *,
    jobs: int,
    lost: Callable[[T, str], R],
    timeout: float | None = None,
    start_method: str = "fork",
    size: Callable[[T], int] | None = None,
    warn: Callable[[str], None] | None = None,
    batch: int = _BATCH,
) -> Iterator[R]:
    """Yield ``handle(item, context)`` for every item, in order, computed by ``jobs`` workers.

    Args:
        items: The work; read only as fast as the workers take it.
        handle: A module-level function (it must be picklable for ``spawn``);
            it should not raise: a raised exception ends the run.
        context: What every call needs besides the item, sent to each worker once.
        jobs: Worker processes.
        lost: Builds the result of an item whose worker died while handling it
            alone, from the item and the reason.
        timeout: Seconds an item may take; ``None`` for no limit.
        start_method: How workers start (``"fork"``, ``"spawn"``, ``"forkserver"``).
        size: An item's weight in bytes, to keep batches small in bytes too.
        warn: Told, in a sentence, when a worker dies; standard error by default.
        batch: Items per batch.

    Yields:
        One result per item, in the order of ``items``.

    Raises:
        WorkerDied: workers die again and again before taking any work.
    """
    return _Pool(items, handle, context, jobs, lost, timeout, start_method, size,
                 warn, batch).run()


class _Pool(Generic[T, C, R]):
    def __init__(self, items: Iterator[T], handle: Callable[[T, C], R], context: C,
                 jobs: int, lost: Callable[[T, str], R], timeout: float | None,
                 start_method: str, size: Callable[[T], int] | None,
                 warn: Callable[[str], None] | None, batch: int) -> None:
        self.items = items
        self.handle = handle
        self.context = context
        self.jobs = jobs
        self.lost = lost
        self.timeout = timeout
        self.mp: Any = multiprocessing.get_context(start_method)
        self.size = size
        self.warn = warn or (lambda message: print(f"quoteattr: {message}", file=sys.stderr))
        self.batch = batch
        self.workers: list[_Worker] = []
        self.queue: deque[_Batch[T]] = deque()  # batches waiting for a worker
        self.results: dict[int, R] = {}
        self.next_out = 0
        self.next_in = 0
        self.batches = 0
        self.exhausted = False
        self.window = jobs * (_HELD + 2) * batch  # items read ahead of the output
        self.idle_deaths = 0

    # -- workers ------------------------------------------------------------
    def _start(self) -> _Worker:
        parent, child = self.mp.Pipe(duplex=True)
        process = self.mp.Process(target=_serve, args=(child, self.handle, self.context),
                                  daemon=True, name="quoteattr-worker")
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop_all(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + _STOP_WAIT
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self.workers:
            worker.process.join(1.0)
            worker.conn.close()
        self.workers = []

    def _kill_all(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self.workers:
            worker.process.join(1.0)
            worker.conn.close()
        self.workers = []

    # -- the loop -----------------------------------------------------------
    def run(self) -> Iterator[R]:
        try:
            self.workers = [self._start() for _ in range(self.jobs)]
            while True:
                self._fill()
                self._dispatch()
                while self.next_out in self.results:
                    yield self.results.pop(self.next_out)
                    self.next_out += 1
                if self.exhausted and self.next_out == self.next_in:
                    break
                self._wait()
        except BaseException:
            self._kill_all()  # Ctrl-C, or the reader of the results left: stop at once
            raise
        self._stop_all()

    def _fill(self) -> None:
        while not self.exhausted and self.next_in - self.next_out < self.window:
            chunk: list[tuple[int, T]] = []
            weight = 0
            for item in self.items:
                chunk.append((self.next_in, item))
                self.next_in += 1
                weight += self.size(item) if self.size else 0
                if len(chunk) >= self.batch or weight >= _BATCH_BYTES:
                    break
            else:
                self.exhausted = True
            if chunk:
                self.queue.append(_Batch(self.batches, chunk))
                self.batches += 1

    def _dispatch(self) -> None:
        for worker in sorted(self.workers, key=lambda w: len(w.held)):
            while self.queue and len(worker.held) < _HELD:
                work = self.queue.popleft()
                try:
                    worker.conn.send((work.number, [item for _, item in work.items]))
                except (OSError, ValueError):  # it died: its sentinel says so next
                    self.queue.appendleft(work)
                    break
                if not worker.held:
                    worker.since = time.monotonic()
                worker.held.append(work)

    def _wait(self) -> None:
        by_handle: dict[Any, _Worker] = {}
        for worker in self.workers:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        ready = wait(list(by_handle), timeout=self._next_deadline())
        dead: list[_Worker] = []
        for handle in ready:
            worker = by_handle[handle]
            if worker in dead:
                continue
            if not self._receive(worker):
                dead.append(worker)
        if self.timeout is not None:
            now = time.monotonic()
            for worker in self.workers:
                if worker.held and worker not in dead and now > worker.since + self._allowed(
                        worker.held[0]):
                    worker.timed_out = True
                    worker.process.kill()
                    dead.append(worker)
        for worker in dead:
            self._replace(worker)

    def _allowed(self, work: _Batch[T]) -> float:
        assert self.timeout is not None
        return self.timeout * len(work.items) + 0.5

    def _next_deadline(self) -> float | None:
        if self.timeout is None:
            return None
        busy = [w.since + self._allowed(w.held[0]) for w in self.workers if w.held]
        if not busy:
            return None
        return max(0.0, min(busy) - time.monotonic()) + 0.01

    def _receive(self, worker: _Worker) -> bool:
        """Take what ``worker`` sent; False when it is dead."""
        try:
            while worker.conn.poll():
                number, results = worker.conn.recv()
                work = worker.held.popleft()
                assert work.number == number
                for (sequence, _), result in zip(work.items, results, strict=True):
                    self.results[sequence] = result
                worker.since = time.monotonic()
                self.idle_deaths = 0
        except (EOFError, OSError):
            return False
        return worker.process.is_alive() or (worker.process.exitcode == 0 and not worker.held)

    def _replace(self, worker: _Worker) -> None:
        worker.process.join(1.0)
        reason = _reason(worker.process.exitcode, worker.timed_out, self.timeout)
        worker.conn.close()
        self.workers.remove(worker)
        # the first batch held was being worked on; those behind it never started
        current, waiting = (worker.held[0], list(worker.held)[1:]) if worker.held else (None, [])
        held = [item for work in worker.held for item in work.items]
        retried: list[tuple[int, T]] = []
        if current is not None and current.alone:
            (sequence, item), = current.items
            self.results[sequence] = self.lost(item, reason)
        elif current is not None:
            retried = current.items
        for work in reversed(waiting):
            self.queue.appendleft(work)
        for sequence_item in reversed(retried):  # first in line, in input order
            self.queue.appendleft(_Batch(self.batches, [sequence_item], alone=True))
            self.batches += 1
        if held:
            self.idle_deaths = 0
            what = f"{len(retried)} document{'s' if len(retried) != 1 else ''}"
            self.warn(f"a worker process (pid {worker.process.pid}) died ({reason}); "
                      + (f"trying its {what} again one by one" if retried else
                         "its document is reported as an error"))
        else:
            self.idle_deaths += 1
            if self.idle_deaths > 3 * self.jobs:
                raise WorkerDied(f"worker processes keep dying before any work ({reason})")
        self.workers.append(self._start())
