"""Results built from values the library made and checked itself.

The stages build thousands of spans, quotes and claims per document; having
pydantic validate each again costs more than finding it. :func:`trusted` builds
them as validation would, without the checks. This module is compiled in the
compiled build (the stages call it about 40 times per kilobyte of news), and
:mod:`quoteattr.models` offers it beside the models.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

__all__ = ["trusted"]

_Model = TypeVar("_Model", bound=BaseModel)


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
    made = object.__new__(model)  # what model.__new__ is, without the metaclass's look-up
    object.__setattr__(made, "__dict__", fields)
    object.__setattr__(made, "__pydantic_fields_set__", set(fields))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made
