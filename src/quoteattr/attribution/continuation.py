"""Continuation: a quote with no cue of its own keeps the speaker before it.

- :func:`continues_previous_quote`: a quote right after an attributed quote, in
  its sentence, utterance or the next quote-led paragraph.
- :func:`name_said_period_quote`: ``NAME said in a statement. "Q"``.
- :func:`reported_speech_then_quote`: ``NAME argued that … . "Q"`` in one paragraph.
- :func:`reported_speech_then_quote_paragraph` (issue 12, family 7): a paragraph
that opens with a quote and names nobody after it continues the speaker whose
speech the previous paragraph's last sentence reported (``Doe said the plan
would fail.`` then ``"It is a disaster."``), whatever the cue verb was, or who
issued a document there (``The council issued a statement on Monday.``). A
previous paragraph ending in a quote is left to
:func:`continues_previous_quote`.

Example:
    >>> from quoteattr import attribute
    >>> text = 'Mayor Jane Doe said the city would appeal.' + chr(10) * 2 + '"We have a case."'
    >>> q = attribute(text).quotes[0]
    >>> q.speaker.name, q.rule
    ('Jane Doe', 'reported_speech_then_quote_paragraph')
"""

from __future__ import annotations

from quoteattr.attribution.clauses import (
    attribution_ends,
    before_quote,
    inverted_subject,
    noun_phrase_opening_sentence,
    strong_cue_after,
    subject_before,
)
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.governed import document_owner
from quoteattr.attribution.prose import main_clause_start
from quoteattr.attribution.words import attribution_words, is_passive

__all__ = [
    "continues_previous_quote",
    "name_said_period_quote",
    "reported_speech_then_quote",
    "reported_speech_then_quote_paragraph",
]

_SENTENCE_TOKENS = 60  # tokens of the previous paragraph's last sentence read
_MODIFIERS = 4  # words between an issuing verb and its document noun
_OPENER_WORDS = 3  # words of a sentence's opener before a quote ("Instead, …")


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
            m = (inverted_subject(ctx, c, end) or subject_before(ctx, c)
                 or noun_phrase_opening_sentence(ctx, c))
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


def name_said_period_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME said in a statement. "Q"``: an attribution sentence right before."""
    b = before_quote(ctx, qi)
    if ctx.word(b) != "." or not _quote_starts_paragraph_or_sentence(ctx, qi):
        return None
    for c in range(b - 1, max(b - 10, -1), -1):
        if ctx.kind(c) in ("para", "quote", "mark") or ctx.word(c) in (".", ";", "!", "?"):
            return None
        end = ctx.cue_at(c, weak=False)
        if end < 0:
            continue
        clause_words = attribution_words(ctx.lexicon).grammar.clause_words
        if any(ctx.low(t) in clause_words or ctx.cue_at(t) > 0 for t in range(end, b)):
            return None  # "… said the talks failed." is reported speech, not an introduction
        m = subject_before(ctx, c)
        if m is None:
            return None
        return Decision("name_said_period_quote", 0.8, m, ctx.span(c, end))
    return None


def _quote_starts_paragraph_or_sentence(ctx: Context, qi: int) -> bool:
    inner = ctx.quotes[qi].text.lstrip()
    return bool(inner) and inner[0].isupper()


def continues_previous_quote(ctx: Context, qi: int) -> Decision | None:
    """A quote that continues the utterance or paragraph of an attributed quote."""
    if qi == 0:
        return None
    prev = ctx.decisions[qi - 1]
    q, p = ctx.quotes[qi], ctx.quotes[qi - 1]
    if prev is None:
        return None
    qt, pt = ctx.quote_token[qi], ctx.quote_token[qi - 1]
    same_utterance = q.utterance == p.utterance
    para_gap = ctx.paragraph[qt] - ctx.paragraph[pt]
    if not same_utterance:
        if para_gap > 1:
            return None
        if not ctx.same_sentence(pt, qt) and not _quote_stands_alone(ctx, qi):
            return None  # a quote inside a later sentence of prose has its own source
        if para_gap == 1 and not _paragraph_is_quote_led(ctx, qt):
            return None
        # nothing but the previous attribution between the two quotes: a cue verb
        # in a later sentence introduces somebody else
        for k in ctx.cues_within(pt + 1, qt):
            if ctx.same_sentence(k, pt + 1):
                continue
            if ctx.cue_at(k, weak=False) > 0:
                return None
        # the quote's own sentence must not hold another speaker
        if strong_cue_after(ctx, qt):
            return None
        if ctx.same_sentence(pt, qt) and pt < main_clause_start(ctx, ctx.sentence_first(qt), qt):
            return None  # 'While Doe calls it "A," Roe fixates on "B"': another clause's subject
    elif not ctx.same_sentence(pt, qt) and _attribution_between(ctx, pt, qt):
        return None  # '"A. This mirrored …, it said. "B.': the nearer attribution decides
    return Decision("continues_previous_quote", 0.75 if not same_utterance else 0.9,
                    prev.mention, None, inherit=qi - 1)


def _attribution_between(ctx: Context, pt: int, qt: int) -> bool:
    """Tell whether a sentence after quote ``pt``'s own and before ``qt`` ends with a cue."""
    for k in ctx.cues_within(pt + 1, qt):
        if ctx.same_sentence(k, pt) or ctx.same_sentence(k, pt + 1):
            continue
        if ctx.cue_at(k, weak=False) > 0 and attribution_ends(ctx, ctx.cue_at(k, weak=False)):
            return True
    return False


def reported_speech_then_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME argues that … . "Q"``: a quote-only sentence after NAME's reported speech."""
    qt = ctx.quote_token[qi]
    b = before_quote(ctx, qi)
    if not _quote_starts_paragraph_or_sentence(ctx, qi) or ctx.same_sentence(b, qt):
        return None
    if ctx.kind(b) in ("para", "end") or ctx.kind(b) == "quote":
        return None
    # the quote's own sentence holds no cue after it
    if strong_cue_after(ctx, qt):
        return None
    # the sentence before; past it, one more sentence back when that one holds
    # no cue, no quote and no break ("Doe said … . Revenue rose. \"Q\"")
    sentence = b
    # the reach past a plain sentence needs the language's attribution words (a
    # language without them, like German, carries speech by mood instead)
    reach = 2 if attribution_words(ctx.lexicon).clause_joiners else 1
    for back in range(reach):
        for c in range(sentence, max(sentence - 60, -1), -1):
            if not ctx.same_sentence(c, sentence) or ctx.kind(c) in ("para", "quote"):
                break
            end = ctx.cue_at(c, weak=False)
            if end < 0:
                continue
            m = (inverted_subject(ctx, c, end) or subject_before(ctx, c)
                 or noun_phrase_opening_sentence(ctx, c))
            if m is None:
                continue
            confidence = 0.7 if back == 0 else 0.6
            return Decision("reported_speech_then_quote", confidence, m, ctx.span(c, end))
        first = ctx.sentence_first(sentence)
        if first <= 0 or sentence - first > 60 or ctx.kind(first - 1) in ("para", "quote", "mark"):
            return None
        if any(ctx.cue_at(k) > 0 for k in ctx.cues_within(first, sentence + 1)):
            return None  # the sentence has a cue without a subject: no reach past it
        sentence = first - 1
    return None


def _quote_stands_alone(ctx: Context, qi: int) -> bool:
    """A quote that opens its sentence and is followed by nothing but its end."""
    qt = ctx.quote_token[qi]
    b = before_quote(ctx, qi)
    if (b >= 0 and ctx.same_sentence(b, qt) and ctx.word(b) not in (":", "—", "–")
            and not _short_opener(ctx, b)):
        return False
    k = qt + 1
    while k < len(ctx.tokens) and ctx.kind(k) in ("mark", "punct") and ctx.same_sentence(k, qt):
        k += 1
    return k >= len(ctx.tokens) or ctx.kind(k) == "para" or not ctx.same_sentence(k, qt)


def _short_opener(ctx: Context, b: int) -> bool:
    """Tell whether the comma at token ``b`` closes a short opener of its sentence.

    ``Instead, "…"``, ``And yet, "…"``: at most three words that name nobody
    and hold no cue, from the sentence's start to the comma.
    """
    first = ctx.sentence_first(b)
    if ctx.word(b) != "," or b - first > _OPENER_WORDS or b == first:
        return False
    return all(ctx.kind(t) == "word" and ctx.mention_covering[t] < 0 and ctx.cue_at(t) < 0
               for t in range(first, b))


def _paragraph_is_quote_led(ctx: Context, qt: int) -> bool:
    k = qt - 1
    if ctx.kind(k) == "mark":
        k -= 1
    return k < 0 or ctx.kind(k) == "para"
