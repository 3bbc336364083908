"""Accuracy floor: the bundled seed articles against their hand annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr import attribute, evaluate, load_gold

ROOT = Path(__file__).parents[1]
FLOOR = json.loads((ROOT / "tests" / "fixtures" / "accuracy_floor.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    fixture = ROOT / "tests" / "fixtures" / "seeds_gold.json"
    gold = load_gold(fixture, texts=ROOT / "examples" / "data")
    predicted = [attribute(g.text, doc_id=g.doc_id) for g in gold]
    result = evaluate(gold, predicted)
    print(result.model_dump_json())
    return {"span": result.span.model_dump(), "attribution": result.attribution.model_dump()}


@pytest.mark.parametrize("level", ["span", "attribution"])
@pytest.mark.parametrize("measure", ["precision", "recall", "f1"])
def test_seed_articles_score_at_or_above_the_floor(
    scores: dict[str, dict[str, float]], level: str, measure: str
) -> None:
    assert scores[level][measure] >= FLOOR[level][measure], scores
