"""Rule reaches: the sieve skips a rule only where the rule could not have fired."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr.attribution.context import Context, build_context
from quoteattr.attribution.rules import BUILTIN_RULES, RULE_REACHES
from quoteattr.attribution.sieve import run_sieve
from quoteattr.attribution.windows import Reach, quotes_in_reach
from quoteattr.language.lexicon import load_lexicon
from quoteattr.text.quotes import scan_quotes

_CASES = Path(__file__).parent / "cases"

# invented sentences, one or more per reach-bounded rule, beside the golden cases
_TEXTS = [
    'The paper quoted Jane Doe as saying "we are ready." Others disagreed.',
    '"We will win," as Doe put it on Monday.',
    'The campaign issued a statement saying "the vote was fair."',
    'Doe defended her remarks as "a joke."',
    'Her remark that "nobody cares" drew boos.',
    'Jane Doe, Channel 5: "We are live."',
    'Doe leaned in and boomed: "We will win."',
    "Mayor Doe eyes 'no new taxes' budget\n\nDoe spoke on Monday.",
    '"Nothing changes," according to Tom Roe.',
    '"We go on." \u2014 Jane Doe',
    '"A," she said. "B" \u2014 "C." As he put it: "D," quoted as saying "E."',
]


def _texts() -> list[str]:
    found = list(_TEXTS)
    for name in ("attribution", "speakers", "quotes"):
        found += [case["text"] for case in json.loads((_CASES / f"{name}.json").read_text("utf-8"))]
    return found


def _context(text: str) -> Context:
    return build_context(text, scan_quotes(text)[0], load_lexicon())


@pytest.mark.parametrize("text", _texts())
def test_a_rule_fires_only_on_quotes_within_its_reach(text: str) -> None:
    ctx = _context(text)
    for func, reach in RULE_REACHES.items():
        within = quotes_in_reach(ctx, reach)
        for qi in range(len(ctx.quotes)):
            if func(ctx, qi) is not None:
                assert qi in within, (func.__name__, qi, text)


@pytest.mark.parametrize("text", _texts())
def test_the_sieve_decides_alike_with_and_without_reaches(text: str) -> None:
    traced = run_sieve(_context(text), BUILTIN_RULES, trace=True)  # tries every rule
    assert run_sieve(_context(text), BUILTIN_RULES).decisions == traced.decisions


def test_every_reach_bounded_rule_is_a_builtin_rule() -> None:
    assert set(RULE_REACHES) <= {rule.func for rule in BUILTIN_RULES}


def test_a_reach_holds_the_quotes_whose_window_holds_one_of_its_tokens() -> None:
    ctx = _context('"A," she said. "B," he said. "C," they said.')
    second = ctx.quote_token[1]
    assert quotes_in_reach(ctx, Reach(lambda c: [second], 0, 1)) == {1}
    assert quotes_in_reach(ctx, Reach(lambda c: [second], -1, 0)) == set()
    assert quotes_in_reach(ctx, Reach(lambda c: [second], -100, 100)) == {0, 1, 2}
    assert quotes_in_reach(ctx, Reach(lambda c: [], -100, 100)) == set()


def test_every_reach_bounded_rule_fires_somewhere_in_the_texts_checked() -> None:
    fired = set()
    for text in _texts():
        ctx = _context(text)
        fired |= {f for f in RULE_REACHES for qi in range(len(ctx.quotes)) if f(ctx, qi)}
    assert fired == set(RULE_REACHES)
