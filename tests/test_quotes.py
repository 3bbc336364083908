"""The quote-span finder: golden cases, bad input, diagnostics and invariants."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr.models import Quote
from quoteattr.pipeline import find_quotes
from quoteattr.text.quotes import scan_quotes

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "quotes.json").read_text(encoding="utf-8")
)

MARKS = "\"'“”‘’«»„‚‹›「」『』"


def _case_params() -> list[Any]:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["comment"])]
        params.append(
            pytest.param(case, id=case["label"], marks=marks if case["expect"] == "fail" else [])
        )
    return params


def _expected(item: str | dict[str, Any]) -> dict[str, Any]:
    return {"text": item} if isinstance(item, str) else item


@pytest.mark.parametrize("case", _case_params())
def test_golden_case(case: dict[str, Any]) -> None:
    quotes = find_quotes(case["text"], **case.get("options", {}))
    expected = [_expected(e) for e in case["expected"]]
    got = [{key: getattr(q, key) for key in e} for q, e in zip(quotes, expected, strict=False)]
    assert len(quotes) == len(expected), [q.text for q in quotes]
    assert got == expected
    for q in quotes:
        assert case["text"][q.start : q.end] == q.text


def test_golden_case_labels_are_unique() -> None:
    labels = [c["label"] for c in CASES]
    assert len(labels) == len(set(labels))
    assert all(c["expect"] in ("pass", "fail") and c["comment"] for c in CASES)


def test_bytes_raise_type_error_saying_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode it first, e\.g\. data\.decode\('utf-8'\)"):
        find_quotes(b'"We won," she said.')  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 42, ["text"]])
def test_non_str_raises_type_error_naming_the_type(value: object) -> None:
    # the compiled build (setup.py) checks the type at the call: "str object
    # expected; got None"; the Python build: "text must be a str, not NoneType"
    given = "None" if value is None else type(value).__name__
    with pytest.raises(TypeError, match=rf"\bstr\b.*\b(not|got) {given}"):
        scan_quotes(value)  # type: ignore[arg-type]


def test_find_quotes_is_the_first_part_of_scan_quotes() -> None:
    text = '"A," he said, "b." And "c'
    assert find_quotes(text) == scan_quotes(text)[0]


def test_text_without_quotes_gives_empty_lists() -> None:
    assert scan_quotes("") == ([], [])
    assert scan_quotes("No quotes at all here.") == ([], [])


def test_quotes_come_without_speakers() -> None:
    for q in find_quotes('"We heard nothing new," Lavrov said.'):
        assert (q.speaker, q.rule, q.cue, q.confidence) == (None, None, None, 0.0)


def test_start_and_end_exclude_the_marks() -> None:
    text = "He said “yes.”"
    (q,) = find_quotes(text)
    assert text[q.start - 1] == "“" and text[q.end] == "”"
    assert (q.open_mark, q.close_mark) == ("“", "”")


def test_stray_closing_mark_is_reported_not_raised() -> None:
    text = 'channels, "including the militaries," taking account of our force," he said.'
    quotes, diagnostics = scan_quotes(text)
    assert [q.text for q in quotes] == ["including the militaries,"]
    assert [d.code for d in diagnostics] == ["stray_closing_mark"]
    assert text[diagnostics[0].start] == '"'


def test_unclosed_quote_is_reported_and_runs_to_paragraph_end() -> None:
    text = 'She said "we will win.\n\nThe end.'
    quotes, diagnostics = scan_quotes(text)
    assert [(q.text, q.close_mark) for q in quotes] == [("we will win.", None)]
    assert [d.code for d in diagnostics] == ["unclosed_quote"]


def test_stray_opening_mark_before_a_closed_quote_is_dropped() -> None:
    text = 'The "bad word. "We won," he said.'
    quotes, diagnostics = scan_quotes(text)
    assert [q.text for q in quotes] == ["We won,"]
    assert [d.code for d in diagnostics] == ["stray_opening_mark"]


def test_empty_quote_is_reported() -> None:
    quotes, diagnostics = scan_quotes('He said " " twice.')
    assert quotes == []
    assert [d.code for d in diagnostics] == ["empty_quote"]


def test_apostrophe_in_possessive_is_not_a_quote_mark() -> None:
    assert find_quotes("Russia's and the two countries' first meeting.") == []


def test_apostrophe_in_contraction_is_not_a_quote_mark() -> None:
    assert find_quotes("We don’t know, O'Neill can't say, in the ’90s.") == []


def test_multi_paragraph_quote_is_one_utterance_with_one_record_per_paragraph() -> None:
    text = '"One.\n\n"Two.\n\n"Three," he said.\n\n"Another."'
    quotes = find_quotes(text)
    assert [(q.text, q.close_mark, q.utterance) for q in quotes] == [
        ("One.", None, 0),
        ("Two.", None, 0),
        ("Three,", '"', 0),
        ("Another.", '"', 1),
    ]
    assert scan_quotes(text)[1] == []


def test_offsets_survive_crlf_tabs_and_no_break_spaces() -> None:
    text = 'A\r\n\r\n\t"We\u00a0won,"\u00a0he\tsaid.\r\n“Yes.”'
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["We\u00a0won,", "Yes."]
    for q in quotes:
        assert text[q.start : q.end] == q.text


def test_many_odd_marks_are_summarised_not_listed_one_by_one() -> None:
    _, diagnostics = scan_quotes('a" ' * 5000)
    assert len(diagnostics) <= 1001
    assert diagnostics[-1].code == "too_many_diagnostics"


def test_deep_nesting_is_capped() -> None:
    text = "“a " * 50 + "b" + "”" * 50
    quotes, diagnostics = scan_quotes(text)
    assert max(q.depth for q in quotes) < 10
    assert "too_deep" in {d.code for d in diagnostics}


def test_a_megabyte_of_random_marks_gives_a_best_effort_with_diagnostics() -> None:
    # How long this takes is measured in benchmarks/bench_attribute.py, not here.
    rng = random.Random(7)
    chars = [rng.choice(MARKS) for _ in range(100_000)]
    chars += [rng.choice("abcdefgh \n") for _ in range(900_000)]
    rng.shuffle(chars)
    text = "".join(chars)
    quotes, diagnostics = scan_quotes(text)
    assert diagnostics
    assert all(text[q.start : q.end] == q.text for q in quotes)


def _check_invariants(text: str, quotes: list[Quote]) -> None:
    previous = (-1, 0)
    open_spans: list[Quote] = []
    seen_utterances = -1
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.text.strip() and q.text == q.text.strip()
        assert q.start <= q.end
        order = (q.start, -q.end)
        assert order > previous, "quotes are in text order"
        previous = order
        while open_spans and open_spans[-1].end <= q.start:
            open_spans.pop()
        for outer in open_spans:
            assert outer.start <= q.start and q.end <= outer.end, "quotes never partly overlap"
        assert q.depth == len(open_spans)
        open_spans.append(q)
        assert q.utterance <= seen_utterances + 1, "utterances are numbered in text order"
        seen_utterances = max(seen_utterances, q.utterance)
        assert q.speaker is None and q.rule is None


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    quotes, diagnostics = scan_quotes(text)
    _check_invariants(text, quotes)
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=MARKS + "abAB s9 \n\r\t\u00a0.,:", max_size=80))
def test_never_raises_on_text_made_of_quote_marks(text: str) -> None:
    quotes, diagnostics = scan_quotes(text)
    _check_invariants(text, quotes)
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["“", '"', "«", "„"]), st.text("abc def", min_size=1)),
        max_size=6,
    )
)
def test_well_formed_quotes_are_all_found(parts: list[tuple[str, str]]) -> None:
    closers = {"“": "”", '"': '"', "«": "»", "„": "“"}
    pieces, expected = [], []
    for opener, words in parts:
        words = words.strip()
        if not any(c.isalnum() for c in words):
            continue
        pieces.append(f"x {opener}{words}{closers[opener]} y.")
        expected.append(words)
    assert [q.text for q in find_quotes(" ".join(pieces))] == expected
