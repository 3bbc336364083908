"""Packaging metadata tells the truth (issue 16): Python versions, dependencies, extras."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]

PROJECT = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))[
    "project"]


def test_classifiers_name_every_python_version_that_requires_python_allows() -> None:
    assert PROJECT["requires-python"] == ">=3.10"
    versions = {c.rsplit(":: ", 1)[1] for c in PROJECT["classifiers"]
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert versions == {"3.10", "3.11", "3.12", "3.13"}


def test_tomli_is_a_dependency_exactly_where_tomllib_is_missing() -> None:
    (tomli,) = [d for d in PROJECT["dependencies"] if d.startswith("tomli")]
    assert re.search(r"python_version\s*<\s*['\"]3\.11['\"]", tomli)


def test_every_optional_door_has_its_extra_and_the_test_extra_holds_them() -> None:
    extras = PROJECT["optional-dependencies"]
    assert {"pandas", "arrow", "spacy", "dask", "notebooks", "docs", "test"} <= set(extras)

    def names(group: str) -> set[str]:
        return {re.split(r"[<>=\[; ]", d, maxsplit=1)[0] for d in extras[group]}

    assert {"spacy", "pyarrow", "pandas", "polars"} <= names("test")
    assert PROJECT["entry-points"]["spacy_factories"]["quoteattr"] == \
        "quoteattr.io.spacy_pipe:make_quoteattr"
