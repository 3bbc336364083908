"""Build hook for an optional compiled build of quoteattr's stages.

``pip install .`` builds the pure-Python package, as everywhere. With
``QUOTEATTR_COMPILE=1`` the modules that run for every word of a text (the
tokens and mentions of ``text/``, the rules of ``attribution/``, the reported
claims of ``claims/``) are compiled to C extensions by mypyc, from the same
source, which is why the source is kept ``mypy --strict`` clean. The results
are the same, byte for byte (``.ci/run`` checks it), and ``attribute`` runs
about 1.5 times as fast (docs/performance.md). mypy must be installed where the
build runs, so build without isolation::

    pip install "mypy>=1.8" "setuptools>=77" "pydantic>=2.5,<3"
    QUOTEATTR_COMPILE=1 pip install --no-build-isolation .

Everything else (the models, options, rule sets, input and output) stays
Python either way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "src" / "quoteattr"
COMPILED_PACKAGES = ("text", "attribution", "claims")
# pydantic models with validators and the loaders of rule files stay Python
COMPILED_MODULE = "construct.py"  # builds the stages' results; called from compiled code
KEPT_PYTHON = {"__init__.py", "normalize.py", "patterns.py", "rulesets.py"}


def compiled_modules() -> list[str]:
    """The source files that the compiled build turns into C extensions (from the project root)."""
    return [
        *(
            str(path.relative_to(ROOT))
            for package in COMPILED_PACKAGES
            for path in sorted((SOURCE / package).glob("*.py"))
            if path.name not in KEPT_PYTHON
        ),
        str((SOURCE / COMPILED_MODULE).relative_to(ROOT)),
    ]


def main() -> None:
    """Build as Python, or compiled with ``QUOTEATTR_COMPILE=1``."""
    if os.environ.get("QUOTEATTR_COMPILE") != "1":
        setup()
        return
    if "editable_wheel" in sys.argv:  # pip install -e: the extensions would shadow the source
        raise SystemExit(
            "QUOTEATTR_COMPILE=1 builds no editable install: compiled modules would hide "
            "the .py files you edit. Use pip install --no-build-isolation . (without -e)"
        )
    try:
        from mypyc.build import mypycify
    except ImportError:
        raise SystemExit(
            "QUOTEATTR_COMPILE=1 needs mypy where the package is built: "
            'pip install "mypy>=1.8" "setuptools>=77" "pydantic>=2.5,<3", then '
            "QUOTEATTR_COMPILE=1 pip install --no-build-isolation ."
        ) from None
    # the modules they import are read for their types only (pandas needs no stubs here)
    setup(ext_modules=mypycify(["--follow-imports=silent", *compiled_modules()], opt_level="3"))


if __name__ == "__main__":  # setuptools runs this file as __main__
    main()
