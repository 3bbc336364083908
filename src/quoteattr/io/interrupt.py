"""Ctrl-C that ends a command on a whole line of output.

SIGINT normally raises KeyboardInterrupt wherever Python is; in the middle of
writing a long line to a slow pipe that leaves half a line behind. Inside
:func:`whole_lines_on_interrupt` a Ctrl-C that arrives during a :func:`writing`
block is held back and raised as soon as the block ends, so the output always
ends with a complete line; anywhere else it is raised at once, as usual.

Example:
    >>> import io
    >>> out = io.StringIO()
    >>> with whole_lines_on_interrupt():
    ...     with writing():
    ...         _ = out.write("one whole line")
    >>> out.getvalue()
    'one whole line'
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

__all__ = ["whole_lines_on_interrupt", "writing"]


class _Interrupt:
    writing = False
    pending = False


def _on_sigint(signum: int, frame: Any) -> None:
    if _Interrupt.writing:
        _Interrupt.pending = True
    else:
        raise KeyboardInterrupt


@contextmanager
def whole_lines_on_interrupt(wanted: bool = True) -> Iterator[None]:
    """Hold Ctrl-C back during :func:`writing` blocks; only on the main thread.

    Args:
        wanted: False leaves SIGINT alone (output to a caller's stream).
    """
    if not wanted or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Writing(AbstractContextManager[None]):
    """The block :func:`writing` returns: a class, as it is entered once per document."""

    def __enter__(self) -> None:
        _Interrupt.writing = True

    def __exit__(self, *exc: object) -> None:
        _Interrupt.writing = False
        if _Interrupt.pending:
            _Interrupt.pending = False
            raise KeyboardInterrupt


_WRITING = _Writing()


def writing() -> AbstractContextManager[None]:
    """Write inside this block: an interrupt arriving meanwhile is raised after it."""
    return _WRITING
