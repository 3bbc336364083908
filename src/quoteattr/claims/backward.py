"""Claim rules for a content printed before its source: the trailing attribution.

- :func:`clause_comma_name_said`: ``The deal is dead, the senator said.``;
  ``The deal is dead, said Jane Doe, a senator from Ohio.``; ``The deal, the
  senator said, is dead.`` The source is anything that can be a subject between
  the comma and the cue (a name, "its governor, Jane Doe", "economists and
  business leaders"), and nothing may follow the cue but time words, a listener
  or a prepositional phrase: ``Before the vote, Doe told reporters that ...``
  reports what follows, not the fronted adjunct.

Rules keyed on attribution words that are no verbs ("according to", "laut",
"so", "as") are in :mod:`quoteattr.claims.signposts`.

Example:
    >>> from quoteattr import find_claims
    >>> [(c.source.name, c.text) for c in find_claims(
    ...     "Prices will rise again, economists at the central bank said on Monday.")]
    [('economists at the central bank', 'Prices will rise again')]
"""

from __future__ import annotations

from quoteattr.attribution.clauses import noun_phrase_after, speaker_mention_at
from quoteattr.attribution.words import first_from
from quoteattr.claims.base import Found, content_before, span_before
from quoteattr.claims.reading import NO_TOKEN
from quoteattr.claims.scanner import MAX_CONTENT_CHARS, MAX_CONTENT_TOKENS, Scanner
from quoteattr.claims.sources import description, name_phrase, trailing_source
from quoteattr.text.mentions import Mention

__all__ = ["clause_comma_name_said"]


def clause_comma_name_said(scan: Scanner, c: int) -> Found | None:
    """``CLAUSE, SOURCE said.`` or ``CLAUSE, said SOURCE.``: the attribution trails the clause."""
    ctx = scan.ctx
    verb = scan.clause_cue(c)
    if verb is None:
        return None
    lemma, end = verb
    toks = ctx.tokens  # c, a cue verb, lies in the text
    if toks[c].low.endswith(scan.participle_endings):
        return None  # "…, claiming his third victory": a participle has no subject here
    before = toks[c - 1] if c > 0 else NO_TOKEN
    inverted = before.text == "," or (before.kind == "mark" and _after_partial_quote(scan, c))
    listener = lemma in scan.listener_verbs
    ends = not inverted and scan.attribution_ends_sentence(end, listener=listener)
    if not inverted and not ends:
        return None  # a clause or object follows the cue: no trailing attribution
    if _quote_opens_sentence(scan, c):
        return None  # '"We met," Lavrov said.': whatever precedes the source is the quote
    found = trailing_source(scan, c)
    if found is not None:
        m, comma = found
        tail = end
    elif inverted:
        # "CLAUSE, said NAME": the source follows the cue
        if listener or _closes_relative_aside(scan, c - 1):
            return None  # "…, told Politico"; "Settlers, who vote right, said …"
        behind = _source_after(scan, end)
        if behind is None:
            return None
        m, tail, comma = behind, behind.last, c - 1 if ctx.word(c - 1) == "," else c
    else:
        return None
    if not ends and not scan.attribution_ends_sentence(tail, listener=listener and tail == end):
        return None  # (known when the source came first and the cue ends the sentence)
    last = comma + 1 if ctx.kind(comma) == "mark" else comma  # the mark closes a partial quote
    first = _after_fronted_source(scan, scan.sent_first[max(last - 1, 0)], last)
    if span_before(scan, first, last) is None:
        return None  # '"Q," NAME said': a direct quote, whatever follows the attribution
    fronted = _fronted(scan, max(first, scan.prev_punct[last - 1] + 1), last)
    rest = -1
    after = scan.skip_trailers(tail)
    if (
        ctx.word(after) == ","
        and ctx.kind(after + 1) == "word"
        and ctx.same_sentence(after, after + 1)
        and not _is_apposition(scan, m, after)
        and (
            fronted
            or not scan.has_finite_verb(first, last)
            or ctx.low(after + 1) in scan.words.continuers
            or ctx.low(after + 1) in scan.words.complementizers
        )
    ):
        # "The only problem, Carol Bigbee said, is that …"; "It failed, Doe said, so …";
        # "If the vote is close, the party said, it will ask for a recount": the
        # attribution is a parenthesis inside the reported sentence
        # "..., Doe said, although they said ...": no parenthesis
        # (the content ends MAX_CONTENT_TOKENS after its start at the latest)
        hard = scan.first_hard(after + 1, min(scan.sent_end[after], after + MAX_CONTENT_TOKENS + 2))
        rest = hard if hard > after + 1 else -1
    if fronted and rest < 0:
        return None
    return content_before(
        scan, "clause_comma_name_said", 0.75, m, (c, end), lemma, first, last, rest
    )


def _quote_opens_sentence(scan: Scanner, c: int) -> bool:
    """Tell whether any content before the cue at c would open with a quote.

    '"We met," Lavrov said.': the sentence opens with a quote (after marks and
    breaks), no boundary stands between it and the cue, no mention holds it,
    and the stretch is short enough that no bound moves the content's start.
    Whatever comma a trailing source follows, the content before it starts at
    the quote (:func:`span_before` gives ``None``): the quote rules' direct
    quote, no claim. Tested before the source is looked for.
    """
    ctx = scan.ctx
    toks = ctx.tokens
    positions = ctx.quote_positions
    i = first_from(positions, c)
    if not i:
        return False  # no quote before the cue
    q = positions[i - 1]  # the last quote before the cue: it must open the sentence
    if c - q > MAX_CONTENT_TOKENS:
        return False
    first = scan.sent_first[c]
    while first < q and toks[first].kind in ("para", "mark"):
        first += 1
    return (
        first == q
        and scan.prev_punct[c - 1] < q
        and ctx.mention_covering[q] < 0
        and toks[c - 1].end - toks[q].start <= MAX_CONTENT_CHARS
        and scan.source_phrase_end(q) < 0
    )


def _after_fronted_source(scan: Scanner, first: int, last: int) -> int:
    """The first token after a source phrase opening the sentence, or ``first``.

    "According to the Times, the logo is the best known, an analyst noted": the
    analyst's clause starts after the phrase naming where the analyst read it.
    """
    ctx = scan.ctx
    while first < last and ctx.kind(first) in ("para", "mark"):
        first += 1
    if scan.source_phrase_end(first) < 0:
        return first
    for k in range(first, last):
        if ctx.word(k) == ",":
            return k + 1
    return first


def _holds_past_verb(scan: Scanner, m: Mention) -> bool:
    """Tell whether a noun phrase runs on into a verb: "say the decision caused problems".

    A past form after a noun is a verb; after a determiner or an adverb it is a
    modifier ("the embattled senator", "the newly elected mayor").
    """
    ctx, words = scan.ctx, scan.words
    for t in range(m.first + 1, m.last):
        before = ctx.low(t - 1)
        if (
            scan.past_form(ctx.low(t))
            and before not in words.determiners
            and not before.endswith(scan.adverb_endings)
        ):
            return True
    return False


def _org_head(scan: Scanner, m: Mention) -> bool:
    """Tell whether a noun phrase ends in a word for a body ("the group", "the brokerage")."""
    return scan.ctx.low(m.last - 1) in scan.org_words


def _closes_relative_aside(scan: Scanner, comma: int) -> bool:
    """Tell whether the comma at ``comma`` closes an aside opened by ", who" or ", which"."""
    ctx = scan.ctx
    for k in range(comma - 1, max(comma - 30, scan.sent_first[comma] - 1), -1):
        if ctx.word(k) == ",":
            return ctx.low(k + 1) in scan.words.relatives
    return False


def _fronted(scan: Scanner, k: int, last: int) -> bool:
    """Tell whether tokens k..last, before a trailing attribution, are no reported clause.

    A question ("How long it takes, a look at the list shows"), a fronted
    adjunct without a clause of its own ("Asked about the vote, Doe said:",
    "Speaking after the vote, Doe said:", "In a statement, Doe said:"), a
    subordinate clause alone ("When the vote ended, Doe said:"): what follows
    the attribution is the report, if anything.
    """
    ctx = scan.ctx
    words = scan.words
    low = ctx.low(k)
    if low in scan.subordinators:  # "If prices rise, voters revolt, he said"
        return not any(ctx.word(t) == "," for t in range(k, last))
    if low in words.question_words or ctx.cue_at(k) > 0:
        return True  # "How long it takes, …"; "Asked about the vote, …"
    participle = ctx.kind(k) == "word" and low.endswith(scan.participle_endings) and len(low) > 4
    if low in words.prepositions or participle:
        if not scan.has_finite_verb(k, last):
            return True
        inner = max((t for t in range(k, last) if ctx.word(t) == ","), default=-1)
        # "On Friday, even as prices rose, Doe wrote": a phrase, then a subordinate clause
        subordinators = scan.subordinators
        return inner > 0 and (
            ctx.low(inner + 1) in subordinators or ctx.low(inner + 2) in subordinators
        )
    return False


def _after_partial_quote(scan: Scanner, c: int) -> bool:
    """'CLAUSE "PARTIAL QUOTE," said NAME': the comma is inside the quote."""
    ctx = scan.ctx
    return (
        ctx.kind(c - 1) == "mark"
        and ctx.kind(c - 2) == "quote"
        and ctx.quotes[ctx.tokens[c - 2].quote].text.rstrip().endswith(",")
    )


def _is_apposition(scan: Scanner, m: Mention, comma: int) -> bool:
    """Tell whether a comma after a trailing source opens its apposition (", a senator")."""
    return m.last == comma and scan.ctx.kind(comma + 1) == "word" and (
        scan.ctx.low(comma + 1) in scan.words.determiners
        or scan.ctx.low(comma + 1) in scan.words.relative_subjects
    )


def _source_after(scan: Scanner, k: int) -> Mention | None:
    """The source after an inverted cue ("said Jane Doe", "said study author Jane Doe")."""
    ctx = scan.ctx
    m = speaker_mention_at(ctx, k)
    if m is None:
        np = noun_phrase_after(ctx, k)  # "said the brokerage", not "tweeted their approval"
        if (
            np is not None
            and (description(scan, np.first, np.last) or _org_head(scan, np))
            and not _holds_past_verb(scan, np)
        ):
            m = np
    if m is not None:
        return None if m.kind == "pronoun" else m
    for j in range(k + 1, min(k + 5, scan.n)):
        if ctx.kind(j - 1) != "word" or ctx.cue_at(j - 1) > 0:
            return None
        m = speaker_mention_at(ctx, j)
        if m is not None:
            return None if m.kind == "pronoun" else m
    return name_phrase(scan, k)
