"""Golden cases as data: load ``tests/cases/NAME.json`` as pytest parameters and check them.

Each case has a ``label`` (the test id), a ``comment``, a ``text`` and ``expect``:
``"pass"``, or ``"fail"`` for a known failure, which runs as a strict xfail so that
a fix must promote it. Optional: ``language`` (default ``"en"``), ``options``
(keywords for ``attribute``), ``issue`` (the issue number a regression case pins).

``expected`` lists *exactly* what the text must give, nothing else:

- attribution cases: every quote found (quoted terms aside) with its ``speaker``
  (``null``: no speaker) and, optionally, ``rule``; ``terms`` (optional) lists
  every quoted term exactly. A quote the case does not care about is listed with
  ``"speaker": "*"``; ``"others": "ignore"`` at case level waives the "nothing
  else" check (use sparingly, say why in the comment).
- claim cases: every claim, each matched on the fields it gives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).parent / "cases"
CASE_KEYS = {"label", "comment", "text", "expected", "expect", "language", "options", "issue",
             "others", "terms"}
ANY = "*"


def golden_cases(name: str) -> list[Any]:
    """The cases of ``tests/cases/<name>.json`` as ``pytest.param`` objects."""
    out = []
    labels: set[str] = set()
    for case in json.loads((CASES / f"{name}.json").read_text("utf-8")):
        unknown = set(case) - CASE_KEYS
        assert not unknown, f"{name}.json {case.get('label')}: unknown keys {sorted(unknown)}"
        assert case["label"] not in labels, f"{name}.json: label {case['label']!r} twice"
        assert case["expect"] in ("pass", "fail"), case["label"]
        labels.add(case["label"])
        marks = []
        if case["expect"] == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case["comment"]))
        out.append(pytest.param(case, id=case["label"], marks=marks))
    return out


def check_quotes_exactly(case: dict[str, Any], doc: Any) -> None:
    """Assert that ``doc`` has exactly the quotes (and terms) the case lists."""
    got = [(q.text, q.speaker.name if q.speaker else None, q.rule) for q in doc.quotes]
    for q in (*doc.quotes, *doc.quoted_terms):
        assert case["text"][q.start : q.end] == q.text
    unmatched = list(got)
    for want in case["expected"]:
        hit = next((g for g in unmatched if g[0] == want["quote"]), None)
        assert hit is not None, f"quote {want['quote']!r} not found; got {got}"
        unmatched.remove(hit)
        if want["speaker"] != ANY:
            assert hit[1] == want["speaker"], f"{want['quote']!r}: speaker {hit[1]!r} by {hit[2]}"
            if want.get("rule"):
                assert hit[2] == want["rule"], f"{want['quote']!r}: rule {hit[2]!r}"
    if case.get("others") != "ignore":
        assert not unmatched, f"quotes the case does not list: {unmatched}"
    if "terms" in case:
        assert [t.text for t in doc.quoted_terms] == case["terms"]


def check_claims_exactly(
    case: dict[str, Any], claims: Sequence[Any], matches: Callable[[Any, dict[str, Any]], bool]
) -> None:
    """Assert that ``claims`` are exactly those the case lists, each matched on its fields."""
    got = [(c.source.name, c.cue.text, c.text, c.rule) for c in claims]
    left = list(claims)
    for want in case["expected"]:
        hit = next((c for c in left if matches(c, want)), None)
        assert hit is not None, f"want {want}, got {got}"
        left.remove(hit)
    if case.get("others") != "ignore":
        extra = [(c.source.name, c.cue.text, c.text, c.rule) for c in left]
        assert not extra, f"claims the case does not list: {extra}"
