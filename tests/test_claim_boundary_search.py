"""The claim scanner's boundary search agrees with a test of every token (issue 18).

The scanner tests a boundary candidate only when a content first reaches it;
whatever the order of the questions, the first boundary it reports is the one a
test of every token in the range finds.
"""

from __future__ import annotations

from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.attribution.sieve import run_sieve
from quoteattr.claims.scanner import Scanner
from quoteattr.language.claim_frames import load_claim_frames, load_claim_words
from quoteattr.options import resolve_options
from quoteattr.pipeline import prepare

_WORDS = ["Doe", "said", ",", "which", "according", "to", "saying", "and", "but", "the",
          "plan", "3", "000", "he", "told", "reporters", ".", '"', "officials", "claiming",
          "Jane", "also", "that", "\n\n", "so", ";", "while", "voters", "say", "it", "failed"]


def _scanner(text: str) -> Scanner:
    options = resolve_options(None)
    ctx = prepare(text, options).context
    run_sieve(ctx, options.sieve)
    frames, words = load_claim_frames("en"), load_claim_words("en")
    assert frames is not None and words is not None
    return Scanner(ctx, frames, words)


def _first(found: list[int], k: int, limit: int) -> int:
    return min((p for p in found if k <= p < limit), default=limit)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60), st.randoms(use_true_random=False))
def test_first_boundaries_are_those_a_test_of_every_token_finds(
    words: list[str], rng: Random
) -> None:
    text = " ".join(words)
    scan = _scanner(text)
    n = scan.n
    toks = scan.ctx.tokens
    reference = _scanner(text)  # asked about every token first, in order
    hard = [p for p in range(n) if reference._is_hard(p)]
    soft = [
        p for p in range(n)
        if toks[p].low == "," and toks[p].kind == "punct" and reference._comma_class(p) == 2
    ]
    questions = [(k, limit) for k in range(n + 1) for limit in (k + 3, scan.sent_end[k], n)]
    rng.shuffle(questions)
    for k, limit in questions:
        limit = min(limit, scan.sent_end[k]) if k < n else limit
        assert scan.first_hard(k, limit) == _first(hard, k, limit), (k, limit)
        assert scan.first_soft(k, limit) == _first(soft, k, limit), (k, limit)
