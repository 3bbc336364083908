"""Checks of the matching functions' arguments: a wrong value is named with what to pass.

Example:
    >>> check_score_cutoff("85")
    Traceback (most recent call last):
    ...
    TypeError: score_cutoff must be a number from 0 to 100, not '85' (str)
"""

from __future__ import annotations

from numbers import Real

from quoteattr.models import Document

__all__ = ["check_collection", "check_limit", "check_min_members", "check_score_cutoff"]


def check_score_cutoff(value: object, name: str = "score_cutoff") -> float:
    """Return ``value`` as a float if it is a number from 0 to 100; raise otherwise."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number from 0 to 100, not {value!r} "
                        f"({type(value).__name__})")
    if not 0.0 <= float(value) <= 100.0:
        raise ValueError(f"{name} must be between 0 and 100, got {value}")
    return float(value)


def check_min_members(value: object) -> int:
    """Return ``value`` if it is an int of at least 1; raise otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"min_members must be an int of at least 1 (1: every cluster), "
                        f"not {value!r}")
    if value < 1:
        raise ValueError(f"min_members must be at least 1, got {value}")
    return value


def check_limit(value: object) -> int | None:
    """Return ``value`` if it is ``None`` or an int of at least 0; raise otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"limit must be an int of at least 0, or None for all, not {value!r}")
    if value < 0:
        raise ValueError(f"limit must be at least 0 (None for all matches), got {value}")
    return value


def check_collection(documents: object, function: str) -> None:
    """Raise a TypeError when one document or a string is given instead of a collection."""
    if isinstance(documents, Document):
        raise TypeError(f"{function}() takes a list of Documents, not one Document: "
                        f"{function}([doc])")
    if isinstance(documents, (str, bytes)):
        raise TypeError(f"{function}() takes a list of Documents (quoteattr.attribute(text, "
                        f"doc_id=...)), not a {type(documents).__name__}")
