"""What a claim rule returns, and the two ways a content is cut out of its sentence.

A claim rule looks at one token of a document and either returns a
:class:`Found` (who claims, by which cue, which tokens hold the content) or
``None``. :func:`content_from` cuts a content that starts after its cue
("Turkey says THE JET CROSSED"); :func:`content_before` cuts one that ends
before its attribution ("THE JET CROSSED, Turkey says").

Example:
    >>> from quoteattr import find_claims
    >>> [c.rule for c in find_claims("The jet crossed the border, Turkey says.")]
    ['clause_comma_name_said']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from quoteattr.claims.scanner import Scanner
from quoteattr.text.mentions import Mention

__all__ = [
    "ClaimRule",
    "ClaimRuleFunction",
    "Found",
    "Trigger",
    "content_before",
    "content_from",
    "span_before",
]

def _closing_mark(word: str) -> bool:
    """Tell whether a token is a lone closing quotation mark."""
    return len(word) == 1 and (word == '"' or unicodedata.category(word) == "Pf")


_MIN_BACKWARD_WORDS: Final = 4
"""A content before its attribution holds at least this many words ("Hunter,
meanwhile, told Politico" holds none)."""


class Found(NamedTuple):
    """What a claim rule found.

    Attributes:
        rule: The rule's name.
        confidence: How sure the rule is, 0 to 1.
        mention: Where the source is named.
        cue: ``(first, last)`` tokens of the cue.
        lemma: The cue's base form.
        first: First token of the content.
        last: One past the last token of the content.
    """

    rule: str
    confidence: float
    mention: Mention
    cue: tuple[int, int]
    lemma: str
    first: int
    last: int


_new: Final = tuple.__new__  # looked up once

ClaimRuleFunction = Callable[[Scanner, int], "Found | None"]


Trigger = Literal[
    "cue",
    "quoting",
    "source_preposition",
    "postposition",
    "sign_off",
    "as",
    "colon",
    "noun",
    "headline",
]
"""The kind of token a claim rule is tried at: a cue verb, or one of the word
lists of ``claim_words.json`` (``quoting_forms``, ``source_prepositions``,
``source_postpositions``, ``sign_offs``, ``as_words``, ``noun_cues``), a colon, or a
capitalised cue verb in a title-case headline opening the document."""


@dataclass(frozen=True)
class ClaimRule:
    """One named claim pattern.

    Attributes:
        name: Stable name reported in results (``Claim.rule``).
        description: The pattern, as a reader would write it.
        func: ``func(scanner, token_index) -> Found | None``.
        trigger: The kind of token the rule is tried at.
    """

    name: str
    description: str
    func: ClaimRuleFunction
    trigger: Trigger = "cue"

    def __reduce__(
        self,
    ) -> tuple[type[ClaimRule], tuple[str, str, ClaimRuleFunction, Trigger]]:
        # pickled by its fields: a compiled build's frozen class takes no setattr
        return ClaimRule, (self.name, self.description, self.func, self.trigger)


def content_from(
    scan: Scanner,
    rule: str,
    conf: float,
    m: Mention,
    cue: tuple[int, int],
    lemma: str,
    first: int,
    min_tokens: int = 4,
    *,
    last: int = -1,
) -> Found | None:
    """A claim whose content starts at token ``first`` and runs to the next clause boundary.

    With ``last``, the content ends there instead (bounded all the same).
    """
    ctx = scan.ctx
    while ctx.word(first) == ",":
        first += 1
    if first >= scan.n or first < 0:
        return None  # nothing
    tok = ctx.tokens[first]
    if tok.kind in ("mark", "quote", "para"):
        return None  # a direct quote, attributed by the quote rules
    if tok.kind == "punct" and tok.text in scan.words.trimmed_punctuation:
        return None
    if last < 0:
        last = scan.content_end(first, min_tokens=min_tokens)
    else:
        last = scan.trim_end(first, scan.bound_end(first, last))
    if last <= first:
        return None
    # built by tuple.__new__: the named tuple's own __new__ is a Python function
    return _new(Found, (rule, conf, m, cue, lemma, first, last))


def span_before(scan: Scanner, first: int, last: int) -> tuple[int, int] | None:
    """The tokens of a content printed before its attribution at ``last``, or ``None``.

    From ``first`` (or the last boundary) up to ``last``, trimmed; ``None`` when
    they are a direct quote or a relative clause. What :func:`content_before`
    keeps before it looks at the words after the attribution, so a rule can
    ask it first.
    """
    ctx = scan.ctx
    first = max(first, scan.prev_punct[last - 1] + 1) if last > 0 else first
    first = scan.bound_first(first, last)
    while first < last and ctx.kind(first) == "para":
        first += 1
    trim = scan.words.trimmed_punctuation
    if first >= last or ctx.kind(first) in ("mark", "quote") or ctx.word(first) in trim:
        return None  # '"Q," NAME said': a direct quote
    if ctx.low(first) in scan.words.relatives:
        return None  # "Russia, which is fighting in Syria, ..., Doe has responded"
    while last > first and ctx.word(last - 1) in trim:
        last -= 1
    if last > first and ctx.kind(last - 1) == "punct" and _closing_mark(ctx.word(last - 1)):
        return None  # 'CLAUSE", said NAME' with its opening mark missed: a direct quote
    return first, last


def content_before(
    scan: Scanner,
    rule: str,
    conf: float,
    m: Mention,
    cue: tuple[int, int],
    lemma: str,
    first: int,
    last: int,
    extend_to: int = -1,
) -> Found | None:
    """A claim whose content runs from ``first`` (or the last boundary) up to ``last``.

    With ``extend_to``, the content runs on to that token: the attribution was a
    parenthesis ("The only problem, she said, is that ...").
    """
    ctx = scan.ctx
    span = span_before(scan, first, last)
    if span is None:
        return None
    first, last = span
    if extend_to > last:
        last = scan.trim_end(first, scan.bound_end(first, extend_to))
    words = sum(1 for t in ctx.tokens[max(first, 0) : max(last, 0)] if t.kind in ("word", "quote"))
    if words < _MIN_BACKWARD_WORDS or last <= first:
        return None
    return _new(Found, (rule, conf, m, cue, lemma, first, last))
