"""Results built from values the library made and checked itself.

The stages build thousands of spans, quotes and claims per document; having
pydantic validate each again costs more than finding it. :func:`trusted` builds
them as validation would, without the checks. This module is compiled in the
compiled build (the stages call it about 40 times per kilobyte of news), and
:mod:`quoteattr.models` offers it beside the models.
"""

from __future__ import annotations

from typing import Final, TypeVar

from pydantic import BaseModel

__all__ = ["trusted"]

_Model = TypeVar("_Model", bound=BaseModel)

_new: Final = object.__new__  # looked up once: the stages build thousands of results
# Every field is set on a result built from all its fields: one set per model serves
# them all (pydantic copies it before a copy's update adds to it; the models are frozen).
_all_fields_set: Final[dict[type[BaseModel], set[str]]] = {}


def trusted(model: type[_Model], fields: dict[str, object]) -> _Model:
    """Build a result from values the library made and checked itself.

    What ``model.model_construct(**fields)`` does when ``fields`` names every
    field in declaration order, without its work per field. Nested results must
    be models already. The caller's text goes through validation as ever; a
    test checks that this builds what validation builds, for every result model.

    Args:
        model: The model class.
        fields: Every field's value, in the order the model declares them.

    Returns:
        The model instance, its values not copied and not checked.

    Example:
        >>> from quoteattr.models import Span
        >>> span = trusted(Span, {"text": "said", "start": 4, "end": 8})
        >>> span == Span(text="said", start=4, end=8), span.model_dump_json()
        (True, '{"text":"said","start":4,"end":8}')
    """
    made = _new(model)  # what model.__new__ is, without the metaclass's look-up
    object.__setattr__(made, "__dict__", fields)
    fields_set = _all_fields_set.get(model)
    if fields_set is None or len(fields_set) != len(fields):
        fields_set = _fields_set(model, fields)
    object.__setattr__(made, "__pydantic_fields_set__", fields_set)
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


def _fields_set(model: type[BaseModel], fields: dict[str, object]) -> set[str]:
    """The names ``fields`` sets; shared by the model's results when it sets all its fields."""
    names = set(fields)
    if names == set(model.model_fields):
        return _all_fields_set.setdefault(model, names)
    return names
