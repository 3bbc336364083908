"""Rules and decisions cross process boundaries (spawned workers, Dask) intact."""

from __future__ import annotations

import pickle

from quoteattr import attribute
from quoteattr.attribution.context import Decision
from quoteattr.attribution.rules import BUILTIN_RULES
from quoteattr.claims.rules import CLAIM_RULES


def test_default_rules_pickle_to_equal_rules() -> None:
    rules = BUILTIN_RULES
    back = pickle.loads(pickle.dumps(rules))
    assert back == rules
    assert [r.func for r in back] == [r.func for r in rules]


def test_claim_rules_pickle_to_equal_rules() -> None:
    back = pickle.loads(pickle.dumps(CLAIM_RULES))
    assert back == CLAIM_RULES


def test_a_decision_pickles_with_its_mention_and_cue() -> None:
    from quoteattr.options import resolve_options
    from quoteattr.pipeline import trace_pipeline

    _, prepared, _ = trace_pipeline('"We met," Lavrov said.', resolve_options(None))
    decision = prepared.context.decisions[0]
    assert decision is not None and decision.mention is not None
    back = pickle.loads(pickle.dumps(decision))
    assert back == decision
    assert (back.rule, back.mention.text, back.cue) == ("quote_comma_name_said", "Lavrov", (17, 21))
    assert isinstance(back, Decision)


def test_a_document_pickles_to_an_equal_document() -> None:
    doc = attribute('"We met," Lavrov said. Turkey says the jet violated its airspace.')
    assert pickle.loads(pickle.dumps(doc)) == doc
