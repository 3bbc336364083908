"""Griffe extension for the docs site: example sections and cross-references that render.

Two fixes to docstrings before mkdocstrings renders them (configured in mkdocs.yml):

- ``Example:`` headers become ``Examples:``. quoteattr's docstrings put their
  doctests under ``Example:`` (singular, Google style as ruff checks it).
  Griffe's Google parser treats only ``Examples:`` as an examples section and
  renders anything else as prose, where doctest output such as
  ``[('Lavrov', ...)]`` reads as a Markdown link.
- Sphinx roles (``:class:`~quoteattr.Document```, ``:func:`attribute```,
  ``:meth:``, ``:attr:``, ``:data:``, ``:mod:``, ``:exc:``) become autorefs
  cross-references, a link where the target is on the site and code where it
  is not, so that no literal ``:class:`` reaches a page. New docstrings use
  mkdocstrings' own syntax (``[Document][quoteattr.Document]``); this keeps
  older ones rendering right.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_ROLE = re.compile(r":(?:py:)?(class|func|meth|attr|data|mod|exc|obj|const):`(~?)([\w.]+)(\(\))?`")


def _qualified(target: str, obj: griffe.Object) -> str:
    """The full dotted path of a role's target, read relative to the documented object."""
    if target.startswith("quoteattr"):
        return target
    if target.startswith("."):
        return f"{obj.module.path}{target}"
    if "." not in target:
        for scope in (obj, obj.parent, obj.module):
            if isinstance(scope, griffe.Object) and target in scope.members:
                return f"{scope.path}.{target}"
        return f"quoteattr.{target}"
    head = target.split(".", 1)[0]
    for scope in (obj.parent, obj.module):
        if isinstance(scope, griffe.Object) and head in scope.members:
            return f"{scope.path}.{target}"
    return target


def roles_to_autorefs(text: str, obj: griffe.Object) -> str:
    """Replace every Sphinx role in ``text`` by an optional autorefs cross-reference."""

    def replace(match: re.Match[str]) -> str:
        kind, short, target = match.group(1), match.group(2), match.group(3)
        shown = target.rsplit(".", 1)[-1] if short else target.lstrip(".")
        if kind in ("func", "meth"):
            shown += "()"
        identifier = html.escape(_qualified(target, obj), quote=True)
        return (f'<autoref identifier="{identifier}" optional>'
                f"<code>{html.escape(shown)}</code></autoref>")

    return _ROLE.sub(replace, text)


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` to ``Examples:`` and turn Sphinx roles into cross-references."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            value = _EXAMPLE.sub(r"\1Examples:", obj.docstring.value)
            obj.docstring.value = roles_to_autorefs(value, obj)
