"""The sieve's per-document look-ups: the same answers with and without them, nothing kept after."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr.attribution import windows
from quoteattr.attribution.clauses import subject_before
from quoteattr.attribution.context import Context, build_context
from quoteattr.attribution.rules import BUILTIN_RULES, Rule
from quoteattr.attribution.sieve import run_sieve
from quoteattr.attribution.words import attribution_words, first_after, first_from
from quoteattr.language.lexicon import load_lexicon
from quoteattr.text.quotes import scan_quotes

_TEXT = (
    'Mayor Jane Doe called the plan "a disaster." "We will fight it," she said.\n\n'
    'The council issued a statement calling the vote "final." According to Tom Roe, '
    'the deal is "dead," and he added: "Nobody wants it."'
)


def _context(text: str = _TEXT) -> Context:
    return build_context(text, scan_quotes(text)[0], load_lexicon())


def test_positions_of_a_word_class_are_the_tokens_holding_its_words_in_order() -> None:
    ctx = _context()
    verbs = attribution_words(ctx.lexicon).naming_verbs
    expected = [i for i, tok in enumerate(ctx.tokens) if tok.low in verbs]
    assert expected  # "called", "calling"
    assert windows.word_positions(ctx, verbs) == expected
    first, last = expected[0], expected[-1]
    assert windows.any_within(ctx, verbs, first, first + 1)
    assert not windows.any_within(ctx, verbs, first + 1, last)
    assert not windows.any_within(ctx, verbs, last + 1, len(ctx.tokens))


def test_the_sieve_keeps_nothing_once_done_even_when_a_rule_raises() -> None:
    ctx = _context()
    run_sieve(ctx, BUILTIN_RULES)
    assert windows.subject_memo(ctx) is None

    def broken(ctx: Context, qi: int) -> None:
        raise RuntimeError("broken rule")

    other = _context()
    with pytest.raises(RuntimeError, match="broken rule"):
        run_sieve(other, (*BUILTIN_RULES[:2], Rule("broken", "raises", broken)))
    assert windows.subject_memo(other) is None


def test_rules_decide_alike_inside_and_outside_the_sieve() -> None:
    ctx = _context()
    decisions = run_sieve(ctx, BUILTIN_RULES).decisions
    assert any(d is not None for d in decisions)
    # each rule called on its own (nothing kept) returns what the sieve kept
    again = _context()
    for qi, kept in enumerate(decisions):
        if kept is None:
            continue
        rule = next(r for r in BUILTIN_RULES if r.name == kept.rule)
        assert rule.func(again, qi) == kept
        again.decisions[qi] = kept


def test_remembered_subjects_are_the_subjects_found_afresh() -> None:
    ctx = _context()
    cues = [i for i in ctx.cue_candidates if ctx.cue_at(i) > 0]
    assert cues
    fresh = [subject_before(ctx, c) for c in cues]
    windows.remember(ctx)
    try:
        assert [subject_before(ctx, c) for c in cues] == fresh
        assert [subject_before(ctx, c) for c in cues] == fresh  # from the memo
        memo = windows.subject_memo(ctx)
        assert memo is not None and set(memo) >= set(cues)
        assert windows.subject_memo(_context()) is None  # another document: nothing
    finally:
        windows.forget(ctx)
    assert windows.subject_memo(ctx) is None


@given(
    st.lists(st.integers(-5, 40), max_size=30).map(sorted),
    st.integers(-8, 45),
    st.integers(0, 30),
    st.integers(-1, 30),
)
def test_position_searches_answer_as_the_standard_library_does(
    positions: list[int], value: int, lo: int, hi: int
) -> None:
    lo = min(lo, len(positions))
    hi = -1 if hi < 0 else max(lo, min(hi, len(positions)))
    end = len(positions) if hi < 0 else hi
    assert first_from(positions, value, lo, hi) == bisect_left(positions, value, lo, end)
    assert first_after(positions, value, lo, hi) == bisect_right(positions, value, lo, end)
