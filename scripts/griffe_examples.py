"""Griffe extension for the docs site: read ``Example:`` sections as ``Examples:``.

quoteattr's docstrings put their doctests under ``Example:`` (singular, Google
style as ruff checks it). Griffe's Google parser treats only ``Examples:`` as an
examples section and renders anything else as prose, where doctest output such
as ``[('Lavrov', ...)]`` reads as a Markdown link. Renaming the header before
parsing makes every example render as code. Configured in mkdocs.yml.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` section headers to ``Examples:`` in every docstring."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _EXAMPLE.sub(r"\1Examples:", obj.docstring.value)
