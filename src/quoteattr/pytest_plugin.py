"""A pytest plugin that loads your rule set once per test session.

Enable it in your ``conftest.py``::

    pytest_plugins = ["quoteattr.pytest_plugin"]

and name the rule file in ``pytest.ini`` / ``pyproject.toml``::

    [tool.pytest.ini_options]
    quoteattr_rules = "rules/house.toml"

or in the ``QUOTEATTR_RULES`` environment variable (which wins). A relative
path is read from pytest's root directory. Without either, the fixture gives
the built-in English rule set. Tests then receive the validated
:class:`~quoteattr.attribution.rulesets.RuleSet`::

    def test_quipped(quoteattr_rules):
        assert_attributed('"Fine," Lavrov quipped.', quote="Fine", speaker="Lavrov",
                          rules=quoteattr_rules)

An invalid rule file fails the first test that uses the fixture with the
:class:`~quoteattr.attribution.rulesets.RuleSetError` listing every problem.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quoteattr.attribution.rulesets import RuleSet, language_rules, load_rules

__all__ = ["ENV_VAR", "INI_OPTION", "pytest_addoption", "quoteattr_rules"]

ENV_VAR = "QUOTEATTR_RULES"
INI_OPTION = "quoteattr_rules"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register the ``quoteattr_rules`` ini option."""
    parser.addini(INI_OPTION, "rule set file (.json or .toml) for the quoteattr_rules fixture",
                  default="")


@pytest.fixture(scope="session")
def quoteattr_rules(pytestconfig: pytest.Config) -> RuleSet:
    """The rule set named by ``$QUOTEATTR_RULES`` or the ``quoteattr_rules`` ini option."""
    name = os.environ.get(ENV_VAR) or str(pytestconfig.getini(INI_OPTION) or "")
    if not name:
        return language_rules("en")
    path = Path(name)
    if not path.is_absolute():
        path = Path(pytestconfig.rootpath) / path
    return load_rules(path)
