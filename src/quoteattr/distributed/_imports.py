"""Import the optional Dask stack, or say how to install it."""

from __future__ import annotations

import importlib
from types import ModuleType

INSTALL_HINT = 'pip install "quoteattr[dask]"'


def require(module: str) -> ModuleType:
    """Import ``module`` (``dask.bag``, ``distributed``, ``pyarrow.parquet``...) or explain.

    Raises:
        ImportError: The module is not installed; the message names the extra.

    Example:
        >>> require("no_such_module_for_quoteattr")
        Traceback (most recent call last):
        ...
        ImportError: quoteattr.distributed needs no_such_module_for_quoteattr, which is not \
installed: pip install "quoteattr[dask]"
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"quoteattr.distributed needs {module}, which is not installed: {INSTALL_HINT}"
        ) from exc
