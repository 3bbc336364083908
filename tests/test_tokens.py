"""Tokens, paragraphs and sentences of the prose around quotes."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from quoteattr.text import tokens
from quoteattr.text.tokens import paragraph_ids, sentence_ids, tokenize


def test_each_quote_is_one_token_and_marks_are_their_own_tokens() -> None:
    text = '"We met," Lavrov said.'
    toks = tokenize(text, [(1, 8)], [(0, 1), (8, 9)])
    assert [(t.text, t.kind) for t in toks] == [
        ('"', "mark"), ("<quote>", "quote"), ('"', "mark"),
        ("Lavrov", "word"), ("said", "word"), (".", "punct"),
    ]


def test_token_offsets_slice_back_with_odd_white_space() -> None:
    text = "Tab\there,\u00a0no-break\r\nCRLF and Russia's U.S. envoy"
    for t in tokenize(text, []):
        if t.kind != "quote":
            assert text[t.start : t.end] == t.text


def test_possessives_hyphens_and_abbreviations_stay_one_word() -> None:
    words = [t.text for t in tokenize("Russia's al-Assad met U.S. officials", [])]
    assert words == ["Russia's", "al-Assad", "met", "U.S.", "officials"]


def test_a_blank_line_or_a_newline_starts_a_paragraph() -> None:
    toks = tokenize("One.\n\nTwo.\nThree.", [])
    paras = paragraph_ids(toks)
    words = {t.text: p for t, p in zip(toks, paras, strict=True) if t.kind == "word"}
    assert words == {"One": 0, "Two": 1, "Three": 2}


def test_abbreviated_titles_do_not_end_a_sentence() -> None:
    toks = tokenize("Sen. Chris Murphy spoke. Then he left.", [])
    ids = {t.text: s for t, s in zip(toks, sentence_ids(toks), strict=True)}
    assert ids["Sen"] == ids["Murphy"] == ids["spoke"]
    assert ids["Then"] == ids["Murphy"] + 1


def test_an_abbreviation_before_a_sentence_opener_ends_the_sentence() -> None:
    text = "Jobs left the U.S. He said so. Acme Inc. The deal closed. U.S. Senator Doe spoke."
    toks = tokenize(text, [])
    ids = {t.text: s for t, s in zip(toks, sentence_ids(toks), strict=True)}
    assert ids["He"] == ids["Jobs"] + 1  # "U.S." closes the first sentence
    assert ids["The"] == ids["Acme"] + 1  # so does "Inc." before "The"
    assert ids["Senator"] == ids["Doe"] == ids["The"] + 1  # "U.S." before a title ends nothing


def test_a_quote_that_ends_a_sentence_ends_the_sentence_around_it() -> None:
    text = '"It is over." He left.'
    toks = tokenize(text, [(1, 12)], [(0, 1), (12, 13)])
    ids = {t.text: s for t, s in zip(toks, sentence_ids(toks), strict=True)}
    assert ids["<quote.>"] != ids["He"]


# Each build binds its faster form of these helpers (a loop when compiled, C
# built-ins as Python); both must keep the one contract checked here.
@given(n=st.integers(min_value=0, max_value=60),
       stops=st.lists(st.integers(min_value=0, max_value=70), max_size=20).map(sorted))
def test_numbering_tokens_counts_the_stops_at_or_before_each_token(
    n: int, stops: list[int],
) -> None:
    size = max([n, *stops])
    expected = ([bisect_right(stops, k) for k in range(size)],
                [0, *sorted({s for s in stops if 0 < s < n})])
    for number in {tokens._number, tokens._number_by_runs}:
        assert number(n, stops) == expected


@given(index=st.lists(st.sampled_from("abcdefgh"), max_size=8, unique=True),
       words=st.frozensets(st.sampled_from("abcdefghij"), max_size=9))
def test_indexed_among_keeps_the_words_in_the_index_in_the_shorter_ones_order(
    index: list[str], words: frozenset[str],
) -> None:
    table = {word: [i] for i, word in enumerate(index)}
    shorter = index if len(table) <= len(words) else list(words)
    expected = [w for w in shorter if w in table and w in words]
    assert tokens.indexed_among(table, words) == expected
    assert tokens._indexed_among_filtered(table, words) == expected
