"""Attribution by layout: speaker labels and verb-first labels before a colon.

News prints some quotes with no cue verb at all, or with the verb before its
speaker, and lets the layout say who speaks (issue 12, family 3):

- :func:`speaker_label_colon_quote`: a speaker label opening a paragraph or
  sentence, then a colon: ``Jane Doe, Channel 5: "…"``, ``Mayor Doe: "…"``,
  ``- Jane Doe: "…"`` in a roundup, and a headline ``Doe: Plan Is 'Dead'``
  whose label owns the quotes of its line.
- :func:`said_name_colon_quote`: a verb-first label, ``Added Doe: "…"``,
  ``Continued the mayor: "…"``.
- :func:`name_clause_colon_quote`: a short sentence about a person that ends
  in a colon owns the quote after it, whatever its verb: ``Doe leaned in and
  boomed: "…"``, ``She then turned to the crowd: "…"``.
- :func:`headline_name_quote`: a headline's quote belongs to the name that
  opens the headline: ``Doe slams 'reckless' tax plan``.

Every look-up reads a bounded window around the quote. Both rules read labels
only in a language whose ``attribution_words.json`` lists ``label_openers``.

Example:
    >>> from quoteattr import attribute
    >>> q = attribute('Jane Doe, Channel 5: "The bridge is closed."').quotes[0]
    >>> q.speaker.name, q.rule
    ('Jane Doe', 'speaker_label_colon_quote')
"""

from __future__ import annotations

from quoteattr.attribution.clauses import before_quote, opens_sentence, speaker_mention_at
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.words import attribution_words, first_from
from quoteattr.text.mentions import Mention
from quoteattr.text.names import HeadlineLines

__all__ = [
    "headline_name_quote",
    "name_clause_colon_quote",
    "said_name_colon_quote",
    "speaker_label_colon_quote",
]

_LABEL_KINDS = ("name", "body", "description")
_AFFILIATION_WORDS = 8  # words of ", Channel 5" between a label and its colon
_LINE_TOKENS = 40  # tokens of a headline or roundup line a label owns
_COLON_CLAUSE_TOKENS = 16  # tokens of a sentence about a person before its colon


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
    words = attribution_words(ctx.lexicon)
    if m.kind == "description" and ctx.low(m.first) not in words.grammar.determiners:
        return False
    openers = words.label_openers
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
    if not ctx.positions_within(":", max(qt - _LINE_TOKENS, -1) + 1, b + 1):
        return None  # no colon on the line before the quote
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


def _paragraph_first(ctx: Context, k: int) -> int:
    """The first token of token ``k``'s paragraph, or -1 past ``_LINE_TOKENS`` tokens back."""
    breaks = ctx.breaks  # the paragraph breaks, in order
    n = first_from(breaks, k)
    first = breaks[n - 1] + 1 if n else 0
    return first if k - first < _LINE_TOKENS else -1


def _is_headline(ctx: Context, first: int, qt: int) -> bool:
    """Tell whether the line from token ``first`` to quote ``qt`` is a headline.

    That is the document's first line, or a short line whose words are mostly
    capitalised; either way one sentence that ends within a short line's reach.
    """
    if not ctx.same_sentence(first, qt) or not _line_ends_after(ctx, qt):
        return False
    if all(ctx.kind(k) == "para" for k in range(first)):
        return True  # bounded: paragraphs before the first line are empty lines
    return HeadlineLines(ctx.tokens).headline(qt)


def headline_name_quote(ctx: Context, qi: int) -> Decision | None:
    """``Doe slams 'reckless' tax plan``: a headline's quote is its opening subject's.

    A headline (the document's first line, or a short headline-cased line)
    opens with a name or body that is no possessive and not a label (no colon
    or comma after it), and the quote follows on that line: the headline
    reports what its subject said.

    Example:
        >>> from quoteattr import attribute
        >>> text = "Mayor Doe eyes 'no new taxes' budget" + chr(10) * 2 + "Doe spoke on Monday."
        >>> q = attribute(text).quotes[0]
        >>> q.speaker.name, q.rule
        ('Doe', 'headline_name_quote')
    """
    if not attribution_words(ctx.lexicon).label_openers:
        return None  # a language that does not say how its labels look
    qt = ctx.quote_token[qi]
    b = before_quote(ctx, qi)
    first = _paragraph_first(ctx, qt)
    if first < 0 or first >= b:
        return None
    m = speaker_mention_at(ctx, first)
    if m is None or m.kind not in ("name", "body") or m.last > b or ctx.kind(m.last) != "word":
        return None
    if not _is_headline(ctx, first, qt) or not _named_again(ctx, m, qt):
        return None
    return Decision("headline_name_quote", 0.7, m, None)


def _named_again(ctx: Context, m: Mention, qt: int) -> bool:
    """Tell whether the last word of ``m`` names somebody again after token ``qt``.

    A headline's capitalised words are not all names (``Nuclear strike 'key
    risk'``); a speaker the headline names, the article names again. At most
    ``_LINE_TOKENS`` printings of the word are looked at.
    """
    word = ctx.word(m.last - 1)
    for k in ctx.positions(ctx.low(m.last - 1))[:_LINE_TOKENS]:
        if k <= qt or ctx.word(k) != word:
            continue
        idx = ctx.mention_covering[k]
        if idx >= 0 and ctx.mentions[idx].kind in ("name", "body"):
            return True
    return False


def _speaking_subject(ctx: Context, m: Mention) -> bool:
    """Tell whether mention ``m`` can speak as a clause's subject: a person or a body.

    Not a possessive, not a pronoun that resolves to nobody ("it", "we"), not
    a description of a thing ("The plan has three parts:").
    """
    if m.possessive:
        return False
    if m.kind == "pronoun":
        unresolved = attribution_words(ctx.lexicon).grammar.unresolved_pronouns
        return ctx.low(m.first) not in unresolved
    if m.kind == "description":
        return m.speaker_kind in ("anonymous", "collective", "person")
    return m.kind in ("name", "body")


def name_clause_colon_quote(ctx: Context, qi: int) -> Decision | None:
    """``Doe leaned in and boomed: "Q"``: a short sentence about a speaker, then a colon.

    The sentence holds at most 16 tokens, words and commas only, ends in the
    colon right before a quote that opens with a capital (a sentence of
    speech), and opens with a person or body (after an introductory phrase
    up to its comma: ``Asked about it, he demurred:``). The colon may close the
    paragraph before the quote's. Runs after the cue rules, so it decides the
    colons whose verb is no cue verb.

    Example:
        >>> from quoteattr import attribute
        >>> q = attribute('Mayor Jane Doe leaned in and boomed: "We will win."').quotes[0]
        >>> q.speaker.name, q.rule
        ('Jane Doe', 'name_clause_colon_quote')
    """
    words = attribution_words(ctx.lexicon)
    if not words.label_openers:
        return None  # a language that does not say how its labels look
    b = before_quote(ctx, qi)
    if ctx.kind(b) == "para" and ctx.word(b - 1) == ":":
        b -= 1  # 'Doe boomed:' closing the paragraph before the quote's
    if ctx.word(b) != ":" or not ctx.quotes[qi].text.lstrip()[:1].isupper():
        return None
    start = ctx.sentence_first(b)
    if b - start > _COLON_CLAUSE_TOKENS or b - start < 2:
        return None
    if any(ctx.kind(t) != "word" and ctx.word(t) != "," for t in range(start, b)):
        return None
    s = start
    if ctx.low(s) in words.grammar.introducers:
        s = next((t + 1 for t in range(s, b) if ctx.word(t) == ","), b)
    while s < b and ctx.low(s) in words.coordinators:
        s += 1  # "But she turned to the crowd:"
    m = speaker_mention_at(ctx, s)
    if m is None or m.last >= b or ctx.kind(m.last) != "word" or not _speaking_subject(ctx, m):
        return None
    return Decision("name_clause_colon_quote", 0.7, m, ctx.span(b, b + 1))
