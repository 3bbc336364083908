"""Golden cases as data: load ``tests/cases/NAME.json`` as pytest parameters.

Each case has a ``label`` (the test id), a ``comment`` and ``expect``: ``"pass"``,
or ``"fail"`` for a known failure, which runs as a strict xfail so that a fix
must promote it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).parent / "cases"


def golden_cases(name: str) -> list[Any]:
    """The cases of ``tests/cases/<name>.json`` as ``pytest.param`` objects."""
    out = []
    for case in json.loads((CASES / f"{name}.json").read_text("utf-8")):
        marks = []
        if case["expect"] == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case["comment"]))
        out.append(pytest.param(case, id=case["label"], marks=marks))
    return out
