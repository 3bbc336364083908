"""The built-in claim rules: reported speech found around cue verbs.

A claim rule looks at one token of a prepared
:class:`~quoteattr.attribution.context.Context` and either returns a :class:`Found` (who
claims, by which cue, which tokens hold the content) or ``None``. Rules are
named after the pattern they recognise, and that name is what
:attr:`quoteattr.models.Claim.rule` reports.

Content runs from where the rule says it starts to the first clause boundary
that :class:`~quoteattr.claims.scanner.Scanner` precomputed for the document.

Example:
    >>> [rule.name for rule in CLAIM_RULES][:2]
    ['quoted_name_as_saying_clause', 'according_to_name_clause']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quoteattr.attribution.clauses import (
    attribution_ends,
    noun_phrase_after,
    skip_adverbs,
    skip_aside,
    speaker_mention_at,
    subject_before,
)
from quoteattr.claims.scanner import Scanner
from quoteattr.text.mentions import Mention

__all__ = ["CLAIM_RULES", "CLAIM_RULE_NAMES", "ClaimRule", "Found"]

@dataclass(frozen=True, slots=True)
class Found:
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


def _claim(
    scan: Scanner,
    rule: str,
    conf: float,
    m: Mention,
    cue: tuple[int, int],
    lemma: str,
    first: int,
    min_tokens: int = 4,
) -> Found | None:
    ctx = scan.ctx
    while ctx.word(first) == ",":
        first += 1
    if first >= scan.n or ctx.kind(first) in ("mark", "quote", "para", "end"):
        return None  # a direct quote, attributed by the quote rules, or nothing
    if ctx.kind(first) == "punct" and ctx.word(first) in scan.words.trimmed_punctuation:
        return None
    last = scan.content_end(first, min_tokens=min_tokens)
    if last <= first:
        return None
    return Found(rule, conf, m, cue, lemma, first, last)


ClaimRuleFunction = Callable[[Scanner, int], "Found | None"]


@dataclass(frozen=True)
class ClaimRule:
    """One named claim pattern.

    Attributes:
        name: Stable name reported in results (``Claim.rule``).
        description: The pattern, as a reader would write it.
        func: ``func(scanner, token_index) -> Found | None``.
    """

    name: str
    description: str
    func: ClaimRuleFunction


def quoted_name_as_saying_clause(scan: Scanner, i: int) -> Found | None:
    """``X quoted NAME as saying (that) CLAUSE``: the source is the one quoted."""
    ctx = scan.ctx
    if ctx.low(i) != "quoted":
        return None
    m = speaker_mention_at(ctx, i + 1)
    if m is None or ctx.low(m.last) != "as" or ctx.low(m.last + 1) != "saying":
        return None
    k = m.last + 2
    if ctx.low(k) == "that":
        k += 1
    elif not scan.opens_clause(k, loose=True):
        return None
    return _claim(scan, "quoted_name_as_saying_clause", 0.85, m, (i, m.last + 2), "say", k)


def according_to_name_clause(scan: Scanner, i: int) -> Found | None:
    """``According to NAME, CLAUSE`` or ``CLAUSE, according to NAME``."""
    ctx = scan.ctx
    if ctx.low(i) != "according" or ctx.low(i + 1) != "to":
        return None
    m = speaker_mention_at(ctx, i + 2) or noun_phrase_after(ctx, i + 2)
    if m is None:
        return None
    cue = (i, i + 2)
    first = scan.sent_first[i]
    while first < i and ctx.kind(first) == "para":
        first += 1
    if first == i:
        k = skip_aside(ctx, m.last)
        if ctx.word(k) != ",":
            return None
        return _claim(scan, "according_to_name_clause", 0.8, m, cue, "according to", k + 1)
    if ctx.word(i - 1) != ",":
        return None
    return _backward(scan, "clause_according_to_name", 0.8, m, cue, "according to", first, i - 1)


def _backward(
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
    first = max(first, scan.prev_hard[last - 1] + 1) if last > 0 else first
    first = scan.bound_first(first, last)
    while first < last and ctx.kind(first) == "para":
        first += 1
    trim = scan.words.trimmed_punctuation
    if first >= last or ctx.kind(first) in ("mark", "quote") or ctx.word(first) in trim:
        return None  # '"Q," NAME said': a direct quote
    while last > first and ctx.word(last - 1) in trim:
        last -= 1
    if sum(1 for t in range(first, last) if ctx.kind(t) in ("word", "quote")) < 4:
        return None  # "Hunter, meanwhile, told Politico"
    if extend_to > last:
        last = scan.trim_end(first, scan.bound_end(first, extend_to))
    return Found(rule, conf, m, cue, lemma, first, last)


def clause_comma_name_said(scan: Scanner, k: int) -> Found | None:
    """``CLAUSE, NAME said.`` or ``CLAUSE, said NAME.``: the attribution trails the clause."""
    ctx = scan.ctx
    if ctx.word(k - 1) == ",":
        last = k - 1
    elif (
        ctx.kind(k - 1) == "mark"
        and ctx.kind(k - 2) == "quote"
        and ctx.quotes[ctx.tokens[k - 2].quote].text.rstrip().endswith(",")
    ):
        last = k  # 'CLAUSE "PARTIAL QUOTE," NAME said'
    else:
        return None
    m = ctx.mention_starting.get(k)
    if m is not None and not m.possessive:
        c = skip_adverbs(ctx, skip_aside(ctx, m.last))
        end = ctx.cue_at(c)
        tail = end
        if any(ctx.mention_covering[t] >= 0 for t in range(m.last, c)):
            return None  # "…, Vladimir Putin, he added": the source is "he"
    else:
        c, end = k, ctx.cue_at(k)
        if end < 0:
            return None
        m = speaker_mention_at(ctx, end) or noun_phrase_after(ctx, end)
        verb = ctx.lexicon.cue_forms.get(" ".join([t.low for t in ctx.tokens[c:end]]))
        if m is None or m.kind == "pronoun" or (
            verb is not None and verb.lemma in scan.frames.listener_verbs
        ):
            return None  # "…, told Politico": the name is the listener
        tail = m.last
    if end < 0 or not attribution_ends(ctx, tail):
        return None
    verb = ctx.lexicon.cue_forms.get(" ".join([t.low for t in ctx.tokens[c:end]]))
    if verb is None or verb.weak or verb.lemma in scan.frames.never:
        return None
    if "clause" not in scan.frames.frames_of(verb.lemma):
        return None  # "…, rejected an offer": not a verb of reported clauses
    first = scan.sent_first[k - 1]
    rest = -1
    if ctx.word(tail) == "," and ctx.kind(tail + 1) == "word" and ctx.same_sentence(tail, tail + 1):
        rest = scan.sent_end[tail]  # "The only problem, Carol Bigbee said, is that …"
    return _backward(
        scan, "clause_comma_name_said", 0.75, m, (c, end), verb.lemma, first, last, rest
    )


def _cue(scan: Scanner, c: int) -> tuple[int, str, set[str]] | None:
    """The end, lemma and frames of a claim cue at token c."""
    ctx = scan.ctx
    end = ctx.cue_at(c)
    if end < 0:
        return None
    form = ctx.tokens[c].low if end == c + 1 else " ".join([t.low for t in ctx.tokens[c:end]])
    verb = ctx.lexicon.cue_forms.get(form)
    if verb is None or verb.lemma in scan.frames.never:
        return None
    frames = set(scan.frames.frames_of(verb.lemma))
    if "naming" not in frames:
        frames.add("that")
    if verb.lemma == "call" and ctx.low(end) == "on":
        return end + 1, "call on", {"object_infinitive"}
    if verb.weak and not frames & {"naming", "noun_object"}:
        return None
    return end, verb.lemma, frames


def name_cue_content(scan: Scanner, c: int) -> Found | None:
    """``NAME says (that) CLAUSE`` and the other frames of a cue verb after its source.

    Frames: ``told X (that) CLAUSE``, ``accused X of Y``, ``blamed X for Y``,
    ``branded X a Y``, ``vowed to VP``, ``urged X to VP``, ``called for NP``,
    ``, saying CLAUSE`` (a participle after its sentence's subject). The content
    is found first and the source only then, the dearer look-up.
    """
    ctx = scan.ctx
    cue = _cue(scan, c)
    if cue is None:
        return None
    end, lemma, frames = cue
    prev = ctx.low(c - 1)
    if prev in scan.words.passive_auxiliaries:
        return None  # "has been said"
    participle = ctx.low(c).endswith(scan.participle_endings)
    if participle and prev != ",":
        return None  # "Speaking before the assembly, Putin ..."; "as saying"
    content = _content_after(scan, end, lemma, frames, participle)
    if content is None:
        return None
    rule, confidence, first, min_tokens = content
    m = subject_before(ctx, c) if prev == "to" else scan.source_before(c)
    if m is None or m.possessive:
        return None  # "what he has to say"
    return _claim(scan, rule, confidence, m, (c, end), lemma, first, min_tokens)


def _content_after(
    scan: Scanner, end: int, lemma: str, frames: set[str], participle: bool
) -> tuple[str, float, int, int] | None:
    """Rule name, confidence, first token and minimum length of the content after a cue."""
    ctx = scan.ctx
    k = scan.skip_time(end)
    stop = min(k + 10, scan.sent_end[k] if k < scan.n else k)
    if "clause" in frames or "that" in frames:
        verb = ctx.lexicon.cue_forms.get(lemma)
        start = k
        if lemma in scan.frames.listener_verbs and ctx.low(k) not in scan.words.complementizers:
            start = _after_object(scan, k)
        low = ctx.low(start) if start >= 0 else ""
        if start < 0:
            pass
        elif low in scan.words.prepositions:
            start = scan.that_ahead(start)
        elif low in scan.words.complementizers:
            start += 1
        elif verb is not None and verb.stance == "asks" and low in scan.words.question_words:
            pass  # "asked whether the deal was off"
        elif not scan.opens_clause(start, loose="clause" in frames):
            start = -1
        if start >= 0:
            if start < scan.n and ctx.kind(start) in ("mark", "quote"):
                return None  # a direct quote
            if scan.content_end(start) > start:
                rule = "comma_saying_clause" if participle else "name_said_clause"
                return rule, 0.85 if participle else 0.9, start, 4
    if "object_of" in frames or "object_for" in frames:
        joint = "of" if "object_of" in frames else "for"
        j = _joint_ahead(scan, k, stop, (joint,), ("to", "and", "that"))
        if j > 0:
            return "name_accused_x_of_y", 0.85, k, j - k + 3
    if "naming" in frames:
        joints = ("as",) if lemma in ("describe", "characterise", "characterize") else ("a", "an")
        j = _joint_ahead(scan, k, stop, joints, ("to", "and", "that", "for", "on"))
        if j > 0:
            return "name_branded_x_a_y", 0.8, k, j - k + 3
    if "infinitive" in frames and ctx.low(k) == "to" and ctx.kind(k + 1) == "word":
        return "name_vowed_to_vp", 0.85, k + 1, 4
    if "object_infinitive" in frames:
        j = _joint_ahead(scan, k, min(stop, k + 8), ("to",), ("and", "that", "for", "of"))
        if j > 0 and ctx.kind(j + 1) == "word":
            return "name_urged_x_to_vp", 0.8, k, j - k + 3
    if (
        "noun_object" in frames
        and ctx.kind(k) == "word"
        and ctx.low(k) not in scan.words.prepositions
    ):
        return "name_called_for_np", 0.7, k, 4
    return None


def _joint_ahead(
    scan: Scanner, k: int, stop: int, joints: tuple[str, ...], stops: tuple[str, ...]
) -> int:
    """The token of a joint word ("of", "a", "to") after an object starting at k, or -1."""
    ctx = scan.ctx
    for j in range(k + 1, stop):
        w = ctx.low(j)
        if w in joints:
            return j
        if ctx.kind(j) != "word" or w in stops or ctx.cue_at(j, weak=False) > 0:
            return -1
    return -1


def _after_object(scan: Scanner, k: int) -> int:
    """Skip the object of "told" ("told reporters", "told the OSCE conference")."""
    ctx = scan.ctx
    m = ctx.mention_starting.get(k)
    if m is not None:
        return scan.skip_time(m.last)
    if ctx.low(k) in scan.words.listener_objects:
        return scan.skip_time(k + 1)
    j = scan.that_ahead(k)
    return j - 1 if j > 0 else -1


CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule(
        "quoted_name_as_saying_clause",
        "X quoted NAME as saying (that) CLAUSE",
        quoted_name_as_saying_clause,
    ),
    ClaimRule(
        "according_to_name_clause",
        "According to NAME, CLAUSE / CLAUSE, according to NAME",
        according_to_name_clause,
    ),
    ClaimRule("clause_comma_name_said", "CLAUSE, NAME said.", clause_comma_name_said),
    ClaimRule(
        "name_said_clause", "NAME says (that) CLAUSE / NAME told X (that) CLAUSE", name_cue_content
    ),
)
"""Rules tried at each token, in order; the first that fires decides.

``name_said_clause`` also reports, by the frame that matched:
``comma_saying_clause``, ``name_accused_x_of_y``, ``name_branded_x_a_y``,
``name_vowed_to_vp``, ``name_urged_x_to_vp`` and ``name_called_for_np``; the
according-to rule reports ``clause_according_to_name`` for a trailing source.
"""

CLAIM_RULE_NAMES: tuple[str, ...] = (
    "quoted_name_as_saying_clause",
    "according_to_name_clause",
    "clause_according_to_name",
    "clause_comma_name_said",
    "name_said_clause",
    "comma_saying_clause",
    "name_accused_x_of_y",
    "name_branded_x_a_y",
    "name_vowed_to_vp",
    "name_urged_x_to_vp",
    "name_called_for_np",
)
"""Every name a claim may report in :attr:`~quoteattr.models.Claim.rule`."""
