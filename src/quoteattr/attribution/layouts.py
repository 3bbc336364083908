"""Attribution by layout: speaker labels and verb-first labels before a colon.

News prints some quotes with no cue verb at all, or with the verb before its
speaker, and lets the layout say who speaks (issue 12, family 3):

- :func:`speaker_label_colon_quote`: a speaker label opening a paragraph or
  sentence, then a colon: ``Jane Doe, Channel 5: "…"``, ``Mayor Doe: "…"``,
  ``- Jane Doe: "…"`` in a roundup, and a headline ``Doe: Plan Is 'Dead'``
  whose label owns the quotes of its line.
- :func:`said_name_colon_quote`: a verb-first label, ``Added Doe: "…"``,
  ``Continued the mayor: "…"``.

Every look-up reads a bounded window around the quote. Both rules read labels
only in a language whose ``attribution_words.json`` lists ``label_openers``.

Example:
    >>> from quoteattr import attribute
    >>> q = attribute('Jane Doe, Channel 5: "The bridge is closed."').quotes[0]
    >>> q.speaker.name, q.rule
    ('Jane Doe', 'speaker_label_colon_quote')
"""

from __future__ import annotations

from quoteattr.attribution.clauses import before_quote, opens_sentence
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.words import attribution_words
from quoteattr.text.mentions import Mention

__all__ = ["said_name_colon_quote", "speaker_label_colon_quote"]

_LABEL_KINDS = ("name", "body", "description")
_AFFILIATION_WORDS = 8  # words of ", Channel 5" between a label and its colon
_LINE_TOKENS = 40  # tokens of a headline or roundup line a label owns


def _label_before_colon(ctx: Context, colon: int) -> Mention | None:
    """The speaker label that a colon at token ``colon`` closes, if one opens its line.

    The label is a name, body or description, optionally followed by a short
    affiliation after a comma, and opens its paragraph or sentence or follows
    a dash.
    """
    m = ctx.mention_ending.get(colon)
    if m is not None and _is_label(ctx, m):
        return m
    # "Jane Doe, Channel 5 reporter:": skip back over a short affiliation to its comma
    for k in range(colon - 1, max(colon - _AFFILIATION_WORDS - 2, -1), -1):
        if ctx.word(k) == ",":
            m = ctx.mention_ending.get(k)
            return m if m is not None and _is_label(ctx, m) else None
        if ctx.kind(k) != "word" or ctx.cue_at(k, weak=False) > 0:
            return None
    return None


def _is_label(ctx: Context, m: Mention) -> bool:
    if m.possessive or m.kind not in _LABEL_KINDS:
        return False
    if m.kind == "description" and ctx.low(m.first) not in ctx.lexicon.grammar.determiners:
        return False
    openers = attribution_words(ctx.lexicon).label_openers
    return opens_sentence(ctx, m.first) or ctx.word(m.first - 1) in openers


def speaker_label_colon_quote(ctx: Context, qi: int) -> Decision | None:
    """``Jane Doe, Channel 5: "Q"``: a speaker label and a colon before the quote.

    The quote follows the colon, or, on a short line whose label opens the
    paragraph (a headline: ``Doe: Plan Is 'Dead on Arrival'``), follows later
    on that line with no cue verb in between.
    """
    if not attribution_words(ctx.lexicon).label_openers:
        return None  # a language that does not say how its labels look
    b = before_quote(ctx, qi)
    if ctx.word(b) == ":":
        m = _label_before_colon(ctx, b)
        if m is not None:
            return Decision("speaker_label_colon_quote", 0.85, m, ctx.span(b, b + 1))
        return None
    qt = ctx.quote_token[qi]
    for k in range(b, max(qt - _LINE_TOKENS, -1), -1):
        if ctx.kind(k) == "para" or ctx.word(k) in (".", "!", "?", ";"):
            return None
        if ctx.cue_at(k, weak=False) > 0:
            return None
        if ctx.word(k) == ":":
            m = _label_before_colon(ctx, k)
            if m is None or not (m.first == 0 or ctx.kind(m.first - 1) == "para"):
                return None
            if not _line_ends_after(ctx, qt):
                return None
            return Decision("speaker_label_colon_quote", 0.75, m, ctx.span(k, k + 1))
    return None


def _line_ends_after(ctx: Context, qt: int) -> bool:
    """Tell whether the paragraph of token ``qt`` ends within a short line's reach."""
    for k in range(qt + 1, min(qt + _LINE_TOKENS, len(ctx.tokens) + 1)):
        if ctx.kind(k) in ("para", "end"):
            return True
    return False


def said_name_colon_quote(ctx: Context, qi: int) -> Decision | None:
    """``Added Doe: "Q"`` or ``Said Doe, "Q"``: a verb-first label, the cue opening its sentence."""
    if not attribution_words(ctx.lexicon).label_openers:
        return None  # a language that does not say how its labels look
    b = before_quote(ctx, qi)
    if ctx.kind(b) == "para":
        b -= 1  # "Added Doe:" closing the paragraph before the quote's
    if ctx.word(b) not in (":", ","):
        return None  # "Added Doe: …", "Said Doe, …"
    m = ctx.mention_ending.get(b)
    if m is None or m.possessive or m.kind == "pronoun":
        return None
    for c in range(m.first - 1, max(m.first - 1 - ctx.lexicon.cue_max_words, -1), -1):
        if ctx.cue_at(c) == m.first and opens_sentence(ctx, c) and ctx.word(c)[:1].isupper():
            return Decision("said_name_colon_quote", 0.85, m, ctx.span(c, m.first))
    # a capitalised verb read as part of the name ("Said Ellis"): the verb is the cue
    end = ctx.cue_at(m.first)
    if 0 < end < m.last and opens_sentence(ctx, m.first) and m.kind == "name":
        return Decision("said_name_colon_quote", 0.8, m, ctx.span(m.first, end))
    return None
