"""The C-level token index (text.scan) agrees with the reference tokenizer (issue 18)."""

from __future__ import annotations

from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import find_quotes
from quoteattr.text import scan
from quoteattr.text.scan import scan_tokens
from quoteattr.text.tokens import Token, tokenize

MARKS = "\"'“”‘’«»„‚‹›「」『』"
PIECES = [*MARKS, "''", *"Lavrov said he added.,:;—()_&-’ \n\t\u00a0\r\u0301",
          "The", " minister", "U.S.", "Russia's", "al-Assad", "AT&T", "İstanbul", "STRASSE",
          "\n\n", "\n \n", "3,000", "ﬁne", "Jones'", "D.C.", "A.", "x_", "-5", "O’Brien",
          "\u2009", "×.", "rock-'n'-roll", "$1.5", "e\u0301"]
news_like = st.lists(st.sampled_from(PIECES), max_size=150).map("".join)


def _reference(
    text: str, spans: list[tuple[int, int]], marks: list[tuple[int, int]]
) -> tuple[list[Token], dict[str, list[int]], list[int]]:
    index: dict[str, list[int]] = {}
    capitalised: list[int] = []
    tokens = tokenize(text, spans, marks, index=index, capitalised=capitalised)
    return tokens, index, capitalised


def _agree(text: str, spans: list[tuple[int, int]], marks: list[tuple[int, int]]) -> None:
    tokens, index, capitalised = _reference(text, spans, marks)
    scanned = scan_tokens(text, spans, marks)
    assert scanned.tokens == tokens
    assert scanned.by_low == index
    assert list(scanned.by_low) == list(index)  # the same order of first appearance
    assert scanned.capitalised == capitalised
    assert scanned.breaks == [i for i, t in enumerate(tokens) if t.kind == "para"]


@st.composite
def text_quotes_marks(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    text = draw(st.one_of(news_like, st.text(max_size=300)))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    # in order; may touch, be empty or be skipped
    spans: list[tuple[int, int]] = list(zip(cuts[::2], cuts[1::2], strict=False))
    repeat_first: bool = draw(st.booleans())
    if spans and repeat_first:
        spans.append(spans[0])  # a span before the end of the last one is skipped
    marks = [
        (i, i + draw(st.sampled_from([1, 2])))
        for i, c in enumerate(text)
        if c in MARKS and draw(st.booleans())
    ]
    return text, spans, marks


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_quotes_marks())
def test_scan_tokens_agrees_with_tokenize_on_any_spans_and_marks(
    case: tuple[str, list[tuple[int, int]], list[tuple[int, int]]],
) -> None:
    _agree(*case)


@settings(max_examples=500, deadline=None)
@given(news_like)
def test_scan_tokens_agrees_with_tokenize_around_the_quotes_found(text: str) -> None:
    quotes = [q for q in find_quotes(text, double_apostrophes=True) if q.depth == 0]
    marks = [(q.start - len(q.open_mark), q.start) for q in quotes if q.start >= len(q.open_mark)]
    marks += [(q.end, q.end + len(q.close_mark or "")) for q in quotes if q.close_mark]
    _agree(text, [(q.start, q.end) for q in quotes], sorted(marks))


def test_a_two_character_mark_is_one_token_and_the_quote_one_token() -> None:
    text = "''We will win,'' she said."
    scanned = scan_tokens(text, [(2, 14)], [(0, 2), (14, 16)])
    assert [(t.text, t.kind) for t in scanned.tokens[:4]] == [
        ("''", "mark"), ("<quote>", "quote"), ("''", "mark"), ("she", "word")]
    assert scanned.by_low["''"] == [0, 2]
    _agree(text, [(2, 14)], [(0, 2), (14, 16)])


def test_words_that_recur_share_one_string() -> None:
    scanned = scan_tokens("Said said said.", [])
    first, second, third = scanned.tokens[:3]
    assert second.text is third.text
    assert first.low is second.low


def test_empty_and_blank_text_give_no_tokens() -> None:
    assert scan_tokens("", []).tokens == []
    assert scan_tokens("  \t ", []).tokens == []


def test_a_mark_that_takes_in_a_line_break_leaves_no_empty_index_entry() -> None:
    # odd input: a two-character mark over a quotation mark and a line break
    _agree('"\n\nx', [], [(0, 2)])
    assert "\n\n" not in scan_tokens('"\n\nx', [], [(0, 2)]).by_low


@given(first=news_like, second=news_like, limit=st.integers(min_value=1, max_value=12))
def test_words_kept_from_earlier_documents_change_no_token(
    first: str, second: str, limit: int,
) -> None:
    # the table of words read before is shared by documents and emptied when full
    # (a small limit here, where the build reads it at run time)
    with mock.patch.object(scan, "_MAX_WORDS", limit):
        scan_tokens(first, [], [])
        _agree(second, [], [])
    scan._WORDS.clear()
    _agree(second, [], [])
