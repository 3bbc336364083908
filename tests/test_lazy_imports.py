"""The package imports its public names on first use, so a command loads only what it runs."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr

INIT = Path(quoteattr.__file__)


def _type_checking_imports() -> dict[str, str]:
    """Name -> module of the imports under ``if TYPE_CHECKING:`` in ``quoteattr/__init__.py``."""
    tree = ast.parse(INIT.read_text("utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module
                for alias in statement.names:
                    found[alias.asname or alias.name] = statement.module
    return found


def test_every_public_name_resolves_to_the_object_its_module_defines() -> None:
    homes = _type_checking_imports()
    assert set(homes) == set(quoteattr.__all__) - {"__version__"}
    for name, module in homes.items():
        assert getattr(quoteattr, name) is getattr(importlib.import_module(module), name)


def test_the_lazy_table_agrees_with_the_imports_type_checkers_read() -> None:
    assert _type_checking_imports() == quoteattr._HOMES


def test_dir_lists_the_public_names_before_they_are_used() -> None:
    assert set(quoteattr.__all__) <= set(dir(quoteattr))


def test_a_subpackage_is_reachable_as_an_attribute() -> None:
    assert quoteattr.matching is importlib.import_module("quoteattr.matching")


def test_an_unknown_name_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'attribut'"):
        quoteattr.attribut  # noqa: B018
    assert not hasattr(quoteattr, "_not_there")


def _modules_after(statement: str) -> set[str]:
    code = f"{statement}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    return set(json.loads(result.stdout))


def test_the_command_line_loads_no_scorer_matcher_or_display_until_a_command_needs_it() -> None:
    loaded = _modules_after("import quoteattr.cli")
    assert "quoteattr.pipeline" in loaded  # extract runs it
    for unused in ("quoteattr.evaluation.quotes", "quoteattr.evaluation.claims",
                   "quoteattr.io.display", "quoteattr.matching.claims",
                   "quoteattr.matching.clusters", "rapidfuzz"):
        assert unused not in loaded


def test_importing_the_package_loads_no_stage() -> None:
    loaded = _modules_after("import quoteattr")
    assert not {name for name in loaded if name.startswith("quoteattr.")}
