"""Claim rule for a passive report with its agent: ``The plan was criticized by Doe``.

The content is the subject before the passive auxiliary ("The closure was first
reported by the Ledger": the closure), the source the agent after "by" (the
``agent_prepositions`` of ``claim_words.json``). Only a cue verb in a
claim frame counts, so "was told by" and "was asked by" report a listener, not
a claim, only when the frames list them.

Example:
    >>> from quoteattr import find_claims
    >>> [(c.source.name, c.cue.text, c.text) for c in find_claims(
    ...     "The new toll was sharply criticized by local truckers.")]
    [('local truckers', 'criticized', 'The new toll')]
"""

from __future__ import annotations

from typing import Final

from quoteattr.attribution.clauses import noun_phrase_after, speaker_mention_at
from quoteattr.claims.base import Found
from quoteattr.claims.reading import NO_FRAMES
from quoteattr.claims.scanner import Scanner
from quoteattr.claims.sources import description, name_phrase
from quoteattr.text.mentions import Mention

__all__ = ["clause_was_said_by_name"]

_AGENT_GAP: Final = 3
"""Words (adverbs, a time) between a passive cue and its "by"."""

_SUBJECT_TOKENS: Final = 30
"""Tokens of a passive's subject, the content."""


def clause_was_said_by_name(scan: Scanner, c: int) -> Found | None:
    """``SUBJECT was reported by NAME``: the subject is the content, the agent the source."""
    ctx = scan.ctx
    words = scan.words
    toks = ctx.tokens
    if not 0 <= c < scan.n or not toks[c].low.endswith(scan.past_endings):
        return None
    # the cheap tests first: a passive auxiliary before the cue, "by" after it
    aux = c - 1
    adverbs = scan.adverbs
    auxiliaries = words.passive_auxiliaries
    while aux > c - 3 and aux >= 0:
        w = toks[aux].low
        if w in auxiliaries or not (w in adverbs or w.endswith(scan.adverb_endings)):
            break
        aux -= 1  # "was first reported", "was sharply criticized"
    if aux < 0 or toks[aux].low not in auxiliaries:
        return None
    verb = scan.verb_at(c)
    if verb is None:
        return None
    cue, end = verb
    k = end
    while k < end + _AGENT_GAP and ctx.kind(k) == "word" and ctx.low(k) not in (
        words.agent_prepositions
    ):
        k += 1
    if ctx.low(k) != "by":
        return None
    frames = scan.frames_by_lemma.get(cue.lemma, NO_FRAMES)
    if (cue.weak and not frames) or (frames and frames <= {"infinitive"}):
        return None  # "the explanation offered by …": an offer, not a report
    while ctx.low(aux - 1) in auxiliaries or ctx.low(aux - 1) in (
        words.coordinated_auxiliaries
    ):
        aux -= 1  # "has been", "had been"
    m = _agent(scan, k + 1)
    if m is None:
        return None
    first = max(max(scan.sent_first[aux], scan.prev_punct[aux - 1] + 1), aux - _SUBJECT_TOKENS)
    while first < aux and ctx.kind(first) in ("para", "mark"):
        first += 1
    if ctx.low(aux - 1) in words.relatives or ctx.low(aux - 1) in words.relative_subjects:
        return None  # ", which was first reported by …": the antecedent is the content
    if first >= aux or ctx.low(first) in words.relatives or ctx.kind(first) != "word":
        return None  # ", which was first reported by …": the relative's antecedent is elsewhere
    if any(ctx.kind(t) in ("quote", "mark") for t in range(first, aux)):
        return None
    return Found("clause_was_said_by_name", 0.7, m, (c, end), cue.lemma, first, aux)


def _agent(scan: Scanner, k: int) -> Mention | None:
    """The agent after "by": a name, a determiner's noun phrase or a description."""
    ctx = scan.ctx
    m = speaker_mention_at(ctx, k)
    if m is None:
        m = noun_phrase_after(ctx, k) or name_phrase(scan, k)
    if m is None:
        stop = k
        while stop < k + 6 and ctx.kind(stop) == "word":
            stop += 1
        m = description(scan, k, stop)
    return None if m is None or m.possessive else m
