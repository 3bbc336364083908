"""The claim scanner's one-loop comma test agrees with its per-comma tests (issue 18)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.attribution.sieve import run_sieve
from quoteattr.claims.scanner import Scanner
from quoteattr.language.claim_frames import load_claim_frames, load_claim_words
from quoteattr.options import resolve_options
from quoteattr.pipeline import prepare

ROOT = Path(__file__).resolve().parents[1]
_WORDS = ["Doe", "said", ",", "which", "according", "to", "saying", "and", "but", "the",
          "plan", "3", "000", "he", "told", "reporters", ".", '"', "officials", "claiming",
          "Jane", "also", "that", "\n\n", "so"]


def _commas_both_ways(text: str) -> tuple[tuple[list[int], list[int]], tuple[list[int], list[int]]]:
    options = resolve_options(None)
    ctx = prepare(text, options).context
    run_sieve(ctx, options.sieve)
    frames, words = load_claim_frames("en"), load_claim_words("en")
    assert frames is not None and words is not None
    scan = Scanner(ctx, frames, words)
    commas = [k for k in ctx.positions(",") if ctx.tokens[k].kind == "punct"]
    hard: list[int] = []
    soft: list[int] = []
    scan._commas(commas, hard, soft)
    one_by_one_hard = [k for k in commas if scan._hard_comma(k)]
    one_by_one_soft = [k for k in commas if not scan._hard_comma(k) and scan._soft_comma(k)]
    return (hard, soft), (one_by_one_hard, one_by_one_soft)


def test_commas_of_the_bundled_articles_are_sorted_as_one_by_one() -> None:
    for path in sorted((ROOT / "examples" / "data").glob("*.txt")):
        fast, slow = _commas_both_ways(path.read_text("utf-8"))
        assert fast == slow, path.name


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60))
def test_commas_of_any_word_salad_are_sorted_as_one_by_one(words: list[str]) -> None:
    fast, slow = _commas_both_ways(" ".join(words))
    assert fast == slow
