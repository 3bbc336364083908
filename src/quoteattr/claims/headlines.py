r"""Claim rule for a headline in title case: ``Doe Says Tax Cut Is Dead``.

A headline capitalises every word, so its cue verb is capitalised too and the
quote rules, which read a capitalised verb inside a sentence as a name, do not
see it. In the document's first paragraph, printed in title case, a cue verb
after a short run of capitalised words reports the rest of the headline: the
words before it are the source.

Example:
    >>> from quoteattr import find_claims
    >>> [(c.source.name, c.cue.text, c.text) for c in find_claims(
    ...     "Jane Doe Says She Will Not Run Again.\n\nJane Doe spoke on Monday.")]
    [('Jane Doe', 'Says', 'She Will Not Run Again')]
"""

from __future__ import annotations

from typing import Final

from quoteattr.claims.base import Found, content_from
from quoteattr.claims.scanner import Scanner
from quoteattr.text.mentions import Mention

__all__ = ["headline_name_says_clause"]

_SOURCE_WORDS: Final = 6
"""Words of a headline's source before its cue ("GOP Rep Jane Doe")."""

_TITLE_SHARE: Final = 0.7
"""Share of a headline's words that open with a capital letter in title case."""


def headline_name_says_clause(scan: Scanner, c: int) -> Found | None:
    """``NAME Says CLAUSE`` in a title-case headline opening the document."""
    ctx = scan.ctx
    tok = ctx.tokens[c]
    if ctx.paragraph[c] != 0 or not tok.text[:1].isupper() or ctx.kind(c) != "word":
        return None
    if tok.text.isupper():
        return None  # "DOE SAYS ...": a wire slug line in capitals, not a title-case headline
    verb = scan.cue_forms.get(tok.low)
    if verb is None or verb.lemma in scan.never:
        return None
    if verb.weak and not scan.frames.frames_of(verb.lemma):
        return None
    first = scan.sent_first[c]
    while first < c and ctx.kind(first) in ("para", "mark"):
        first += 1
    end = c
    while end > first and ctx.low(end - 1) in scan.adverbs:
        end -= 1  # "Doe Just Announced"
    if not 0 < end - first <= _SOURCE_WORDS:
        return None
    if any(ctx.kind(t) != "word" or not ctx.word(t)[:1].isupper() for t in range(first, end)):
        return None
    last = scan.sent_end[c]
    words = [t for t in range(first, last) if ctx.kind(t) == "word"]
    if len(words) < end - first + 3:
        return None
    capitals = sum(1 for t in words if ctx.word(t)[:1].isupper())
    if capitals < _TITLE_SHARE * len(words):
        return None  # a sentence, not a title-case headline
    m = ctx.mention_ending.get(end)
    if m is None or m.first != first or m.possessive:
        start, stop = ctx.span(first, end)
        text = ctx.text[start:stop]
        m = Mention(first, end, start, stop, text, "name", text, None, False, "person")
    return content_from(
        scan, "headline_name_says_clause", 0.7, m, (c, c + 1), verb.lemma, c + 1, last=last
    )
