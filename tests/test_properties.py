"""Invariants that hold for any text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import attribute, find_quotes, rule_names

MARKS = "\"'“”‘’«»„‚‹›「」『』"
WORDS = ["The", " minister", " told", " reporters", "’s", "'s", "Cavusoglu"]
news_like = st.lists(
    st.sampled_from([*MARKS, *"Lavrov said he added.,:;—() \n\t\u00a0\r", *WORDS]),
    max_size=120,
).map("".join)
any_text = st.one_of(st.text(max_size=400), news_like)
RULES = set(rule_names())


def _check(text: str) -> None:
    doc = attribute(text)
    spans = []
    for q in (*doc.quotes, *doc.quoted_terms, *doc.inner_quotes):
        assert text[q.start : q.end] == q.text
        spans.append((q.start, q.end))
        if q.speaker is not None:
            assert q.rule in RULES
            if q.speaker.mention is not None:
                m = q.speaker.mention
                assert text[m.start : m.end] == m.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1 :]:
            # quotes never partly overlap: disjoint, or one inside the other
            disjoint = e1 <= s2 or e2 <= s1
            nested = (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2)
            assert disjoint or nested, (s1, e1, s2, e2)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_attribute_never_raises_and_offsets_slice_back(text: str) -> None:
    _check(text)


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_find_quotes_agrees_with_attribute_on_the_spans(text: str) -> None:
    found = {(q.start, q.end) for q in find_quotes(text)}
    doc = attribute(text)
    got = {(q.start, q.end) for q in (*doc.quotes, *doc.quoted_terms, *doc.inner_quotes)}
    assert got == found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    '"We met," Lavrov said.', "Cavusoglu spoke.", '"Fine." He left.', "Officials said so.",
    "'Turkey knows,' he said.", "“It’s over,” she said. “Done.”"]), max_size=6))
def test_paragraph_results_do_not_depend_on_unrelated_text_after_them(paras: list[str]) -> None:
    text = "\n\n".join(paras)
    base = attribute(text)
    longer = attribute(text + "\n\nThe weather was fine.")
    assert [(q.start, q.end, q.speaker) for q in base.quotes] == [
        (q.start, q.end, q.speaker) for q in longer.quotes
    ]


MENTION_WORDS = [
    "The", "the", " a", " Turkish", " official", " officials", " spokesman", " for", " of",
    " Foreign", " Minister", " Sergei", " Lavrov", "’s", "'s", " he", " she", " they", " Sen.",
    " F.", " Kerry", " and", " but", " said", " told", " reporters", " pointed", " out",
]
mention_like = st.lists(
    st.sampled_from([*MENTION_WORDS, *". ,\n\"“”"]), max_size=80
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=300), mention_like))
def test_the_one_pass_token_index_equals_looking_at_every_token(text: str) -> None:
    from quoteattr.attribution.context import build_context
    from quoteattr.language.lexicon import load_lexicon
    from quoteattr.text.mentions import find_mentions
    from quoteattr.text.tokens import index_tokens, sentence_ids, tokenize

    by_low: dict[str, list[int]] = {}
    capitalised: list[int] = []
    tokens = tokenize(text, [], index=by_low, capitalised=capitalised)
    assert tokens == tokenize(text, [])
    assert by_low == index_tokens(tokens)
    assert capitalised == [
        i for i, t in enumerate(tokens) if t.kind == "word" and t.text[0].isupper()
    ]
    quotes = [q for q in find_quotes(text) if q.depth == 0 and q.kind != "term"]
    ctx = build_context(text, quotes, load_lexicon())
    # mentions found from the index are those of the plain, token-by-token search
    assert ctx.mentions == find_mentions(text, ctx.tokens)
    assert ctx.sentence == sentence_ids(ctx.tokens)
    # the cue candidates hold every token where a cue starts
    assert [i for i, end in enumerate(ctx.cue_any) if end > 0] == [
        i for i in ctx.cue_candidates if ctx.cue_any[i] > 0
    ]
    n = len(ctx.tokens)
    for i in range(n):
        first, stop = ctx.sentence_first(i), ctx.sentence_stop(i)
        assert all(ctx.sentence[k] == ctx.sentence[i] for k in range(first, stop))
        assert first == 0 or ctx.sentence[first - 1] != ctx.sentence[i]
        assert stop == n or ctx.sentence[stop] != ctx.sentence[i]
