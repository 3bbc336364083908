"""Continuation across paragraphs: a quote paragraph keeps the speaker before it.

:func:`reported_speech_then_quote_paragraph` (issue 12, family 7): a paragraph
that opens with a quote and names nobody after it continues the speaker whose
speech the previous paragraph's last sentence reported (``Doe said the plan
would fail.`` then ``"It is a disaster."``), whatever the cue verb was, or who
issued a document there (``The council issued a statement on Monday.``). A
previous paragraph ending in a quote is left to
:func:`~quoteattr.attribution.rules.continues_previous_quote`.

Example:
    >>> from quoteattr import attribute
    >>> text = 'Mayor Jane Doe said the city would appeal.' + chr(10) * 2 + '"We have a case."'
    >>> q = attribute(text).quotes[0]
    >>> q.speaker.name, q.rule
    ('Jane Doe', 'reported_speech_then_quote_paragraph')
"""

from __future__ import annotations

from quoteattr.attribution.clauses import (
    before_quote,
    noun_phrase_opening_sentence,
    strong_cue_after,
    subject_before,
)
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.governed import document_owner
from quoteattr.attribution.words import attribution_words, is_passive

__all__ = ["reported_speech_then_quote_paragraph"]

_SENTENCE_TOKENS = 60  # tokens of the previous paragraph's last sentence read
_MODIFIERS = 4  # words between an issuing verb and its document noun


def reported_speech_then_quote_paragraph(ctx: Context, qi: int) -> Decision | None:
    """``NAME said … .`` then a paragraph ``"Q"``: the quote continues NAME."""
    qt = ctx.quote_token[qi]
    b = before_quote(ctx, qi)
    if ctx.kind(b) != "para" or b < 1 or ctx.kind(b - 1) in ("quote", "mark", "para"):
        return None
    if strong_cue_after(ctx, qt):
        return None  # '"Q," Roe said.': the quote's own cue names its speaker
    last = b - 1
    first = max(ctx.sentence_first(last), last - _SENTENCE_TOKENS)
    cues = ctx.cues_within(first, b)
    # the last speech verb with a subject; a weak one ("Doe spoke to reporters.") only
    # when the sentence has no other
    for weak in (False, True):
        for c in reversed(cues):
            end = ctx.cue_at(c, weak=weak)
            if end < 0 or ctx.next_quote_token(c) < b:
                continue  # a quote after the cue took that attribution
            m = subject_before(ctx, c) or noun_phrase_opening_sentence(ctx, c)
            if m is None:
                continue
            confidence = 0.6 if weak else 0.65
            return Decision("reported_speech_then_quote_paragraph", confidence,
                            document_owner(ctx, m), ctx.span(c, end))
    return _issued_document(ctx, first, b)


def _issued_document(ctx: Context, first: int, b: int) -> Decision | None:
    """``The council issued a statement.``: a document's issuer in tokens ``first`` to ``b``."""
    if ctx.next_quote_token(first) < b:
        return None
    words = attribution_words(ctx.lexicon)
    for v in range(first, b):
        if ctx.low(v) not in words.issuing_verbs or ctx.kind(v) != "word":
            continue
        if not any(ctx.low(d) in words.document_nouns for d in range(v + 1, v + 2 + _MODIFIERS)):
            continue
        if is_passive(words, ctx.low(v - 1), ctx.low(v)):
            return None
        m = subject_before(ctx, v) or noun_phrase_opening_sentence(ctx, v)
        if m is not None and m.first < v:
            return Decision("reported_speech_then_quote_paragraph", 0.6, m, ctx.span(v, v + 1))
        return None
    return None
