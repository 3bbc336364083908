"""A one-line progress bar on standard error, with the standard library only.

Example:
    >>> import io
    >>> stream = io.StringIO()
    >>> bar = Progress(total=4, stream=stream, interval=0)
    >>> bar.update(errors=1); bar.update(); bar.close()
    >>> print(stream.getvalue().rsplit(chr(13), 1)[-1], end="")
    [############------------] 2/4 documents 50% ... docs/s 0:00 elapsed, ~0:00 left, 1 error
"""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress", "clock"]

_WIDTH = 24


def clock(seconds: float) -> str:
    """Format a duration as ``m:ss`` (or ``h:mm:ss`` from an hour on).

    Example:
        >>> clock(5), clock(125.4), clock(3725)
        ('0:05', '2:05', '1:02:05')
    """
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Count processed documents and redraw a bar at most every ``interval`` seconds.

    With a known ``total`` it draws ``[#####-----] 12/40 documents 30%``, the
    rate, the time elapsed and an estimate of the time left; without a total,
    the count, the rate and the time elapsed. Both end with the number of
    errors so far.

    Args:
        total: How many documents to expect, or ``None`` when unknown.
        stream: Where to draw (a terminal: the line is redrawn after a carriage return).
        interval: Seconds between redraws.
    """

    def __init__(self, total: int | None, stream: TextIO, *, interval: float = 0.1) -> None:
        self.total = total
        self.stream = stream
        self.interval = interval
        self.done = 0
        self.errors = 0
        self._started = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def update(self, *, errors: int = 0) -> None:
        """Count one more document (``errors=1`` when it failed) and redraw if due."""
        self.done += 1
        self.errors += errors
        now = time.monotonic()
        if now - self._drawn >= self.interval:
            self._drawn = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The bar as it would be drawn now, without the carriage return."""
        elapsed = max((time.monotonic() if now is None else now) - self._started, 1e-9)
        rate = f"{self.done / elapsed:,.0f} docs/s"
        timing = f"{clock(elapsed)} elapsed"
        errors = f", {self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""
        if self.total:
            filled = min(_WIDTH, _WIDTH * self.done // self.total)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            percent = 100 * self.done // self.total
            if self.done:
                left = elapsed / self.done * max(0, self.total - self.done)
                timing += f", ~{clock(left)} left"
            return (f"[{bar}] {self.done}/{self.total} documents {percent}% {rate} "
                    f"{timing}{errors}")
        return f"{self.done} documents {rate} {timing}{errors}"

    def _draw(self, now: float) -> None:
        line = self.line(now)
        padding = " " * max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write(f"\r{line}{padding}")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        self._draw(time.monotonic())
        self.stream.write("\n")
        self.stream.flush()
