"""Rule functions for the adversarial tests (issue 15): a rule file may name them.

They act only on texts holding a marker no article holds, so that one document
of a batch can kill its worker, hang it, or break a rule's contract.
"""

from __future__ import annotations

import os
import time
from typing import Any

KILL = "KILL-THIS-WORKER"
SLEEP = "SLEEP-IN-THIS-WORKER"


def die_on_marker(ctx: Any, quote_index: int) -> None:
    """End the process at once on a marked text, as an out-of-memory kill would."""
    if KILL in ctx.text:
        os._exit(3)


def sleep_on_marker(ctx: Any, quote_index: int) -> None:
    """Take a minute over a marked text."""
    if SLEEP in ctx.text:
        time.sleep(60)


def returns_a_number(ctx: Any, quote_index: int) -> int:
    """Break the contract of a rule: a number instead of a Decision or None."""
    return 5


def three_arguments(ctx: Any, quote_index: int, extra: int) -> None:
    """Not a rule: one argument too many."""


