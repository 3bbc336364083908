"""The package's shape holds: layered imports, no cycles, no private names across modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "quoteattr"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_import_contract_is_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists():
        pytest.fail("lint-imports is missing: install the test extra, pip install -e '.[test]'")
    run = subprocess.run([str(linter)], cwd=SRC.parents[1], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


# Private names still imported across modules, each to be made public in the lower module
# or removed (issue 11). The list may only shrink; it is empty now (issue 14 mended Dask's).
KNOWN_PRIVATE_IMPORTS: set[str] = set()


def _is_submodule_of_own_package(importer: str, module: str, name: str) -> bool:
    """``from quoteattr.pkg import _private_module`` inside ``quoteattr.pkg`` is allowed."""
    path = SRC.parent.joinpath(*module.split("."), f"{name}.py")
    return path.exists() and importer.startswith(module + ".")


def test_no_module_imports_another_modules_private_name() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        here = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            if not node.module.startswith("quoteattr") or node.module == here:
                continue
            for alias in node.names:
                if not alias.name.startswith("_") or alias.name.startswith("__"):
                    continue
                if not _is_submodule_of_own_package(here, node.module, alias.name):
                    found.append(f"{here} imports {node.module}.{alias.name}")
    new = sorted(set(found) - KNOWN_PRIVATE_IMPORTS)
    assert not new, "make the name public in the lower module:\n" + "\n".join(new)
    mended = sorted(KNOWN_PRIVATE_IMPORTS - set(found))
    assert not mended, "remove from KNOWN_PRIVATE_IMPORTS:\n" + "\n".join(mended)


def test_results_module_imports_nothing_of_the_package() -> None:
    tree = ast.parse((SRC / "models.py").read_text("utf-8"))
    imported = [
        n.module for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("quoteattr")
    ]
    assert imported == []


def test_modules_stay_small() -> None:
    long = {
        _module_name(p): n for p in SRC.rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 700
    }
    assert not long, f"split these modules (lines): {long}"
