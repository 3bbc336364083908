"""Results the stages build without validating again equal validated ones (issue 18).

``models.trusted`` builds a result from values the library made itself. These
tests build every result model the stages build both ways, from the same
values, and compare everything a user can see: equality, JSON, repr, hash,
the fields set, frozenness and pickling.
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from quoteattr import attribute
from quoteattr.construct import trusted
from quoteattr.models import Claim, Quote, QuoteSpeaker, Span, Speaker

SPAN = {"text": "said", "start": 30, "end": 34}
SPEAKER = {"name": "Ana Ruiz", "kind": "person", "role": "the mayor", "id": 0, "mention": None}
QUOTE = {
    "text": "We are ready",
    "start": 1,
    "end": 13,
    "open_mark": '"',
    "close_mark": '"',
    "kind": "direct",
    "depth": 0,
    "utterance": 0,
    "speaker": None,
    "cue": None,
    "rule": None,
    "confidence": 0.0,
}


NESTED: dict[str, type[BaseModel]] = {
    "speaker": QuoteSpeaker,
    "source": QuoteSpeaker,
    "mention": Span,
    "cue": Span,
}


def _nested(values: dict[str, Any]) -> dict[str, Any]:
    """The same values with nested results built by ``trusted`` too."""
    out = dict(values)
    for name, value in values.items():
        if isinstance(value, dict):
            out[name] = trusted(NESTED[name], _nested(value))
        elif isinstance(value, list):  # a speaker's mentions
            out[name] = tuple(trusted(Span, dict(v)) for v in value)
    return out


CASES: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Span, SPAN),
    (QuoteSpeaker, SPEAKER),
    (QuoteSpeaker, {**SPEAKER, "role": None, "mention": SPAN}),
    (Quote, QUOTE),
    (Quote, {**QUOTE, "speaker": {**SPEAKER, "mention": SPAN}, "cue": SPAN, "rule": "r",
             "confidence": 0.9}),
    (Quote, {**QUOTE, "close_mark": None, "kind": "term", "depth": 1, "utterance": 3}),
    (Speaker, {"id": 2, "name": "Ana Ruiz", "kind": "person", "role": None,
               "aliases": ("Ana Ruiz", "Ruiz"),
               "mentions": [SPAN, {**SPAN, "start": 40, "end": 44}]}),
    (Claim, {"text": "the plan works", "start": 40, "end": 54,
             "source": {**SPEAKER, "mention": SPAN}, "cue": SPAN, "cue_lemma": "say",
             "stance": "asserts", "negated": False, "hedge": None, "kind": "indirect",
             "quotes": (), "rule": "says_that", "confidence": 0.8}),
]


@pytest.mark.parametrize(("model", "values"), CASES)
def test_a_trusted_result_is_the_validated_result(
    model: type[BaseModel], values: dict[str, Any]
) -> None:
    validated = model.model_validate(values)
    built = trusted(model, _nested(values))
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.model_dump() == validated.model_dump()
    assert repr(built) == repr(validated)
    assert hash(built) == hash(validated)
    assert built.model_fields_set == validated.model_fields_set
    assert pickle.loads(pickle.dumps(built)) == validated
    assert type(built).model_validate(built.model_dump()) == built


def test_a_trusted_result_is_frozen_like_any_other() -> None:
    span = trusted(Span, dict(SPAN))
    with pytest.raises(ValidationError):
        span.start = 3  # type: ignore[misc]


def test_the_stages_results_survive_a_round_trip_through_validation() -> None:
    text = (
        '"We are ready," Mayor Ana Ruiz said on Monday. Ruiz said the plan works.\n\n'
        '"It will not be cheap," she added.'
    )
    doc = attribute(text)
    assert doc.quotes and doc.speakers and doc.claims
    assert type(doc).model_validate_json(doc.model_dump_json()) == doc
    for speaker in doc.speakers:
        assert speaker == Speaker.model_validate(speaker.model_dump())
        assert all(text[m.start : m.end] == m.text for m in speaker.mentions)


def test_a_copy_with_an_update_leaves_the_other_results_fields_set_alone() -> None:
    first = trusted(Span, dict(SPAN))
    second = trusted(Span, dict(SPAN))
    copied = first.model_copy(update={"start": 3})
    assert copied.start == 3
    assert first.model_fields_set == second.model_fields_set == set(SPAN)


def test_a_result_built_from_some_of_its_fields_records_only_those() -> None:
    built = trusted(Quote, {**QUOTE})
    partial = trusted(Span, {"text": SPAN["text"], "start": SPAN["start"]})
    assert partial.model_fields_set == {"text", "start"}
    assert trusted(Span, dict(SPAN)).model_fields_set == set(SPAN)
    assert built.model_fields_set == set(QUOTE)
