"""The compiled build (setup.py): what it compiles, what it refuses, and that it is whole."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import quoteattr.text.mentions

ROOT = Path(__file__).parents[1]


def _setup_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quoteattr_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not __main__: defines, builds nothing
    return module


def test_the_compiled_modules_are_every_stage_module_but_the_kept_ones() -> None:
    script = _setup_script()
    compiled = script.compiled_modules()
    stages = sorted(
        str(p.relative_to(ROOT))
        for package in ("text", "attribution", "claims")
        for p in (ROOT / "src" / "quoteattr" / package).glob("*.py")
    )
    kept = sorted(p for p in stages if Path(p).name in script.KEPT_PYTHON)
    construct = "src/quoteattr/construct.py"  # the stages' results, built from compiled code
    assert sorted(compiled) == sorted([p for p in stages if p not in kept] + [construct])
    assert "src/quoteattr/text/mentions.py" in compiled
    # no stale name: each module kept in Python exists
    assert {Path(p).name for p in kept} == set(script.KEPT_PYTHON)


def test_a_compiled_editable_install_is_refused_with_the_command_to_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script = _setup_script()
    monkeypatch.setenv("QUOTEATTR_COMPILE", "1")
    monkeypatch.setattr("sys.argv", ["setup.py", "editable_wheel", "--dist-dir", "x"])
    with pytest.raises(SystemExit, match=r"no editable install.*without -e"):
        script.main()


def test_a_compiled_build_compiles_every_listed_module() -> None:
    """In the compiled build (.ci/run), no listed module fell back to its .py file."""
    if quoteattr.text.mentions.__file__.endswith(".py"):
        pytest.skip("the Python build: nothing is compiled")
    script = _setup_script()
    for path in script.compiled_modules():
        name = path.removeprefix("src/").removesuffix(".py").replace("/", ".")
        assert not str(importlib.import_module(name).__file__).endswith(".py"), name
