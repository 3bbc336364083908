"""The cue tables, filled only where a cue can start, hold every word's cue.

``build_context`` looks for cues only at words whose lower case is a cue
form, the first word of a multi-word cue or a separable verb; these tests
check, word by word, that the tables agree with the cue's definition
(phrases first, longest first; a verb after "the" is a noun; ...).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import find_quotes
from quoteattr.attribution.context import Context, build_context
from quoteattr.language.lexicon import CueVerb, load_lexicon

PIECES = [
    " said", " Said", " says", " the", " report", " reported", " pointed", " out", " to",
    " called", " for", " on", " went", " the home state", " a third say", " his",
    " laughed", " she", " Doe", " told", " of", " spoke", " about", ",", ".", "\n",
    ' "We will win,"', " posted", " chimed in", " teilte", " mit", " das Ministerium",
]
sentences = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _verb_at(ctx: Context, i: int) -> CueVerb | None:
    lex = ctx.lexicon
    verb = lex.cue_forms.get(ctx.low(i))
    if verb is not None:
        return verb
    verbs = lex.split_cues.get(ctx.low(i), ())
    for j in range(i + 1, min(i + 16, len(ctx.tokens))):
        if ctx.kind(j) in ("para", "quote", "mark") or ctx.word(j) in (":", ";"):
            return None
        if not ctx.same_sentence(i, j):
            return None
        if ctx.kind(j) != "word":
            continue
        found = next((v for v in verbs if v.particle == ctx.low(j)), None)
        if found is not None and ctx.kind(j + 1) != "word":
            return found
    return None


def _cue_by_definition(ctx: Context, i: int, *, weak: bool) -> int:
    lex = ctx.lexicon
    n = len(ctx.tokens)
    for size in lex.cue_phrase_sizes.get(ctx.low(i), ()):
        if i + size <= n and all(ctx.kind(i + k) == "word" for k in range(1, size)):
            verb = lex.cue_forms.get(" ".join(ctx.low(i + k) for k in range(size)))
            if verb is not None and (weak or not verb.weak):
                return i + size
    verb = _verb_at(ctx, i)
    if verb is None or (verb.weak and not weak):
        return -1
    markers = lex.grammar.noun_markers
    if ctx.low(i - 1) in markers:
        return -1
    if (
        i > 1
        and ctx.low(i - 2) in markers
        and ctx.word(i - 1).islower()
        and ctx.word(i - 1) not in lex.role_forms
        and ctx.low(i - 1) not in lex.grammar.group_words
        and ctx.low(i) == verb.lemma
    ):
        return -1
    if ctx.word(i)[0].isupper() and ctx.kind(i - 1) == "word":
        return -1
    return i + 1


def _check(text: str, language: str) -> None:
    lexicon = load_lexicon(language)
    ctx = build_context(text, find_quotes(text), lexicon)
    for i, token in enumerate(ctx.tokens):
        if token.kind != "word":
            assert ctx.cue_any[i] == ctx.cue_strong[i] == -1
            continue
        assert ctx.cue_any[i] == _cue_by_definition(ctx, i, weak=True), (text, i)
        assert ctx.cue_strong[i] == _cue_by_definition(ctx, i, weak=False), (text, i)
        if ctx.cue_any[i] != -1:
            assert i in ctx.cue_candidates


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_every_word_has_the_cue_its_definition_gives(text: str) -> None:
    _check(text, "en")


@settings(max_examples=150, deadline=None)
@given(sentences)
def test_every_word_has_the_cue_its_definition_gives_in_german(text: str) -> None:
    _check(text, "de")


def test_weak_and_strong_cues_of_phrases_and_single_words() -> None:
    text = 'She pointed out the flaw. He laughed. The report said "no," Doe said.'
    ctx = build_context(text, find_quotes(text), load_lexicon("en"))
    pointed = ctx.positions("pointed")[0]
    laughed = ctx.positions("laughed")[0]
    report, said = ctx.positions("said")
    assert ctx.cue_at(pointed) == pointed + 2
    assert ctx.cue_at(laughed) == laughed + 1 and ctx.cue_at(laughed, weak=False) == -1
    assert ctx.cue_at(report) == report + 1 and ctx.cue_at(said, weak=False) == said + 1
    assert ctx.cue_at(ctx.positions("report")[0]) == -1  # "The report": a noun
    _check(text, "en")
