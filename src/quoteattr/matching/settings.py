"""The settings of quote matching that a caller chooses, and how a command line reads them.

Kept apart from the matcher so that a command line can offer them without
loading the matching machinery (and ``rapidfuzz``).

Example:
    >>> DEFAULT_WINDOW_DAYS, window_days("none")
    (7, None)
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_RECALL_DAYS",
    "DEFAULT_SCORE_CUTOFF",
    "DEFAULT_WINDOW_DAYS",
    "LEVELS",
    "window_days",
]

DEFAULT_SCORE_CUTOFF = 85.0
"""The similarity (0-100) at which two printings are one utterance."""
DEFAULT_WINDOW_DAYS = 7
"""Printings of one utterance fall within this many days of each other: dailies
reprint a statement within days, weeklies and Sunday programmes within the week."""
DEFAULT_RECALL_DAYS = 60
"""A later article recalls a statement by reprinting its words, weeks after it was
made ("as she said last month"): printings of the same words, or a passage found
word for word in a longer printing, link this many days apart."""
LEVELS = ("utterance", "wording")
"""What a cluster groups: one utterance (speaker and date count), or the same wording."""


def window_days(value: str) -> int | None:
    """Read a window as a command line gives it: a number of days, or ``none``.

    Example:
        >>> window_days("7"), window_days("none")
        (7, None)
    """
    if value.strip().lower() == "none":
        return None
    if not value.strip().isdigit():
        raise ValueError(f"{value!r}: pass a number of days (7) or 'none'")
    return int(value)
